"""Fragments the bundled flows include (shared sub-menus)."""
