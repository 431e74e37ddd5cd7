"""Bundled emulator scenarios (TOML, schema in docs/emulator.md)."""
