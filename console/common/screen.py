"""The contract between the window shell and a screen: what the shell may call, and nothing more."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from console.common.link import ClientBridge
    from console.common.preferences import Preferences

#: How long a screen's status-bar message stays (ms).
MESSAGE_MS = 8000


class Screen(QWidget):
    """One capability's screen: it builds its own widgets, actions and menus and retranslates
    itself on ``QEvent.LanguageChange``; the shell adds it as a tab (or the sole central widget)
    and only forwards window-wide changes (size, type scale, theme, sound) through the hooks
    below, whose defaults do nothing."""

    # -- signals ---------------------------------------------------------------------------
    #: the screen has painted live data for the first time (``--screenshot`` waits for it)
    live_data_shown = Signal()

    def __init__(self, bridge: ClientBridge, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.prefs = prefs

    def view_actions(self) -> list[QAction]:
        """Actions for the shell's View menu, after its wall-display entry."""
        return []

    def menus(self) -> list[QMenu]:
        """Menus of the screen's own, placed after the shell's View and Language menus."""
        return []

    def set_size_scale(self, scale: float) -> None:
        """Window height ÷ 1080 (0.8–2.5): cells and rows that grow with the wall."""

    def set_type_scale(self, scale: float) -> None:
        """The style sheet's type now runs at ``scale``: refit what the sheet does not reach."""

    def apply_theme(self, theme: str) -> None:
        """``dark`` or ``light``: colours the style sheet does not reach (e.g. charts)."""

    def enable_sound(self) -> None:
        """A real console run (not a test) may make sound."""

    def handle_request(self, **request: object) -> None:
        """Another screen asked this one to show something (the wall's complaint counter
        opens the complaints list of one warning level); unknown requests are ignored."""

    def open_screen(self, screen_id: str, **request: object) -> bool:
        """Bring screen ``screen_id`` to the front with ``request``; False when the window
        holds no such screen (the shell does the showing, screens never know each other)."""
        opener = getattr(self.window(), "open_screen", None)
        return bool(opener(screen_id, **request)) if callable(opener) else False

    def show_message(self, text: str) -> None:
        """A line in the window's status bar, wherever the screen is shown."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, MESSAGE_MS)


@dataclass(frozen=True)
class ScreenSpec:
    """A registry line: id, tab title (untranslated, context ``Screen``), ``module:Class``.

    The class is imported only when the shell builds the window, so listing a screen costs
    nothing at start-up for the command line.
    """

    id: str
    title: str
    target: str

    def load(self) -> type[Screen]:
        module, _, name = self.target.partition(":")
        cls = getattr(importlib.import_module(module), name)
        if not (isinstance(cls, type) and issubclass(cls, Screen)):
            raise TypeError(f"screen {self.id!r}: {self.target} is not a Screen")
        return cls
