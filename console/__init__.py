"""The PySide6 console: a thin window shell (``shell``) adding screens (``screens``) that share
the client bridge and base models (``common``); ``app`` is the entry point."""
