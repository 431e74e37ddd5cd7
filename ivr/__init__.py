"""The IVR flow language: schema, loader, linter and interpreter; no Qt."""
