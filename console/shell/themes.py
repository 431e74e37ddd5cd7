"""Dark (wall) and light (desk) themes: style sheets loaded from resources/styles."""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtWidgets import QApplication

THEMES = ("dark", "light")
#: the window height the style sheets' type sizes are written for
DESIGN_HEIGHT = 1080
_FONT_PX = re.compile(r"(font-size:\s*)(\d+(?:\.\d+)?)px")


def wall_scale(height: int) -> float:
    """Type scale for a window ``height`` px tall: 1.0 at 1080p, 2.0 at 4K, in quarter steps
    so a resize re-styles the window only when the step changes."""
    return max(0.75, min(2.5, round(height / DESIGN_HEIGHT * 4) / 4))


def style_sheet(theme: str, scale: float = 1.0) -> str:
    """The QSS text of a theme, its type sizes times ``scale``; an unknown name is a clear
    error, not a blank window."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: choose one of {', '.join(THEMES)}")
    text = resources.files("resources").joinpath("styles", f"{theme}.qss").read_text("utf-8")
    if scale == 1.0:
        return text
    return _FONT_PX.sub(lambda m: f"{m[1]}{round(float(m[2]) * scale)}px", text)


def apply_theme(app: QApplication, theme: str, scale: float = 1.0) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet(theme, scale))
