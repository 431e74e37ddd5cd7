"""Things the person at the screen must see once: the first-run password, a failed start.

Both also go to the terminal; the dialogs are for a console started from a desktop menu,
where nobody reads stderr.
"""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

#: Qt platforms with nobody in front of them: no modal dialog there (it would never close)
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")


def has_real_display() -> bool:
    """True when a person can see and close a dialog (xcb, wayland, …)."""
    name = QGuiApplication.platformName() or os.environ.get("QT_QPA_PLATFORM", "")
    return name not in HEADLESS_PLATFORMS


def _rich_lines(text: str) -> str:
    """Plain text with its line breaks kept, for a rich-text label (commands on own lines)."""
    return html.escape(text).replace("\n", "<br>").replace("  ", "&nbsp;&nbsp;")


class FirstRunDialog(QMessageBox):
    """Shows the one-time ``admin`` password and how to change it; selectable for copying."""

    def __init__(self, username: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("First start: administrator account"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(self.tr("callfloor created the administrator account <b>{user}</b> "
                             "with this password:").format(user=username)
                     + f"<p><big><b><tt>{html.escape(password)}</tt></b></big></p>")
        self.setInformativeText(_rich_lines(self.tr(
            "It is shown only this once and is not written to any log. This console is "
            "already logged in as {user}. Write the password down, or set your own in a "
            "terminal:\n  main.py ctl login {user}\n  main.py ctl passwd").format(user=username)))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


class StartErrorDialog(QMessageBox):
    """The one line that says why the local switchlink did not start, and where its log is."""

    def __init__(self, reason: str, log_path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startErrorDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("callfloor could not start"))
        self.setText(self.tr("The local switchlink did not start:"))
        self.setInformativeText(reason)
        if log_path:
            self.setDetailedText(self.tr("Its log: {path}").format(path=log_path))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Close)
