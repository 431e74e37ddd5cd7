"""The wall-board in a real main window over a client (fake or live), as the console opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.screen import WallboardScreen
from console.shell.window import MainWindow


def open_wall(qtbot: Any, client: Any, tmp_path: Path,
              size: tuple[int, int] = (1600, 1000)) -> WallboardScreen:
    """Shown, started, and past its first live frame (20 ms frames so tests run quickly)."""
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    win.resize(*size)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    screen = win.screens["wallboard"]
    assert isinstance(screen, WallboardScreen)
    return screen
