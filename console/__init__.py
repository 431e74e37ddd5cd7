"""The PySide6 console: Qt models over the switchlink client mirror, and their views."""
