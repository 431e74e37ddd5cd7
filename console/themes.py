"""Dark (wall) and light (desk) themes: style sheets loaded from resources/styles."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QApplication

THEMES = ("dark", "light")


def style_sheet(theme: str) -> str:
    """The QSS text of a theme; an unknown name is a clear error, not a blank window."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: choose one of {', '.join(THEMES)}")
    return resources.files("resources").joinpath("styles", f"{theme}.qss").read_text("utf-8")


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet(theme))
