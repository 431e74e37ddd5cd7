"""Bundled IVR flows (TOML, language in docs/ivr.md); each passes ``main.py ivr lint``."""
