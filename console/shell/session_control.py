"""Who is at the console: the Session menu (log in as…, log out, change password), the status
bar's user line, the must-change-password dialog, and asking to log in again when the session
is really gone (idle expiry, a daemon that lost it) — never for a link loss alone."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QWindow
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from console.common.access import PASSWORD_CHANGE, access_of, role_label
from console.common.language import language_events
from console.shell.login import ChangePasswordDialog, LoginDialog

#: lupdate reads translate("Context", "text") with a literal context
translate = QCoreApplication.translate

_C = "SessionControl"
#: how often the console looks at the person's idle time (ms)
IDLE_CHECK_MS = 5000
#: input events that mean "someone is at the console"
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}
TEXTS = {
    "login": QT_TRANSLATE_NOOP("SessionControl", "Log in as…"),
    "logout": QT_TRANSLATE_NOOP("SessionControl", "Log out"),
    "passwd": QT_TRANSLATE_NOOP("SessionControl", "Change password…"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class SessionControl(QObject):
    """One per window. ``ask_at_start``: a console on a switchlink that is not its own
    embedded one asks who is there (the embedded one arrives logged in as the local admin)."""

    def __init__(
        self, window: QMainWindow, bridge: Any, *, endpoint: str = "", ask_at_start: bool = False
    ) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = bridge
        self.endpoint = endpoint
        self.access = access_of(bridge)
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.last_input = time.monotonic()
        self._last_user = ""
        self.menu = QMenu(window)
        self.menu.setObjectName("sessionMenu")
        self.actions_by_name: dict[str, QAction] = {}
        for name, shortcut in (("login", "Ctrl+Shift+U"), ("logout", ""), ("passwd", "")):
            action = QAction(window)
            action.setObjectName(f"session_{name}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            window.addAction(action)
            self.menu.addAction(action)
            self.actions_by_name[name] = action
        self.actions_by_name["login"].triggered.connect(lambda: self.ask_login())
        self.actions_by_name["logout"].triggered.connect(self.log_out)
        self.actions_by_name["passwd"].triggered.connect(lambda: self.ask_password(False))
        bar = window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        if len(menus) > 2:  # after View and Language, before the screens' own menus
            bar.insertMenu(menus[2], self.menu)
        else:
            bar.addMenu(self.menu)
        self.user_label = QLabel(objectName="sessionUser")
        window.statusBar().addPermanentWidget(self.user_label)
        self.access.changed.connect(self._access_changed)
        self.access.session_refused.connect(self._refused)
        self._idle = QTimer(self, interval=IDLE_CHECK_MS)
        self._idle.timeout.connect(self.check_idle)
        self._idle.start()
        # Input is watched on the windows (QWindow) that get focus, not with a filter on the
        # QApplication: that would call Python for every event of every object (see
        # console/common/language.py for the crash it caused).
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch_window)
            self._watch_window(app.focusWindow())
        # the main window's own QWindow exists once it is shown: watch it then, whether or
        # not it ever gets focus (a wall on a screen without a window manager may not)
        window.installEventFilter(self)
        self._watch_window(window.windowHandle())
        language_events().changed.connect(self.retranslate)
        self.retranslate()
        if ask_at_start and not getattr(bridge.client, "session", None):
            QTimer.singleShot(0, lambda: self.ask_login())

    # -- asking ----------------------------------------------------------------------------
    def ask_login(self, note: str = "") -> LoginDialog:
        """The login dialog (window-modal: the wall keeps showing behind it)."""
        if self.login_dialog is not None and self.login_dialog.isVisible():
            if note:
                self.login_dialog.note_text = note
                self.login_dialog.retranslate()
            return self.login_dialog
        dialog = LoginDialog(self.bridge.client, self.endpoint, note, self._last_user, self.window)
        dialog.logged_in.connect(self._logged_in)
        dialog.setWindowModality(dialog.windowModality().WindowModal)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def ask_password(self, forced: bool = True) -> ChangePasswordDialog:
        if self.password_dialog is not None and self.password_dialog.isVisible():
            return self.password_dialog
        dialog = ChangePasswordDialog(self.bridge.client, self.access.username, forced, self.window)
        dialog.changed.connect(self._password_changed)
        dialog.logout_requested.connect(self.log_out)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    # -- what happened ---------------------------------------------------------------------
    def _logged_in(self, data: dict[str, Any]) -> None:
        self.last_input = time.monotonic()
        self.access.apply(data)
        self.access.refresh()  # the role table, and whoami's fresh word on the password
        self.window.statusBar().showMessage(
            translate("SessionControl", "Logged in as {user} ({role}).").format(
                user=self.access.username, role=role_label(self.access.role)
            ),
            8000,
        )

    def _password_changed(self) -> None:
        self.access.must_change_password = False
        self.access.refresh()
        self.window.statusBar().showMessage(translate("SessionControl", "Password changed."), 8000)

    def _access_changed(self) -> None:
        if self.access.username:
            self._last_user = self.access.username
        if self.access.must_change_password and self.access.logged_in:
            self.ask_password(True)
        self.retranslate()

    def _refused(self, code: str, message: str, _command: str) -> None:
        if code == PASSWORD_CHANGE:
            self.access.must_change_password = True
            self.ask_password(True)
            return
        self.access.clear()
        self.ask_login(
            translate("SessionControl", "Your session has ended ({message}). Log in again.").format(
                message=message
            )
        )

    def log_out(self) -> None:
        """End the session on switchlink; the wall keeps showing, nothing else is allowed."""
        client = self.bridge.client
        if getattr(client, "session", None):
            client.command("logout", {}, on_failure=lambda _e: None)
        self.access.clear()
        if self.password_dialog is not None and self.password_dialog.isVisible():
            self.password_dialog.done(0)
        self.window.statusBar().showMessage(
            translate("SessionControl", "Logged out: view only."), 8000
        )

    def check_idle(self) -> None:
        """Nobody touched the console for the session's idle time: end it and ask again (the
        daemon would refuse the next command anyway; a background refresh must not keep a
        session alive for an empty chair)."""
        access = self.access
        if not access.logged_in or access.idle_timeout_s <= 0:
            return
        idle = time.monotonic() - self.last_input
        if idle < access.idle_timeout_s:
            return
        minutes = max(1, round(access.idle_timeout_s / 60))
        self.log_out()
        self.ask_login(
            translate(
                "SessionControl",
                "Your session ended after %n minute(s) without use. Log in again.",
                "",
                minutes,
            )
        )

    def _watch_window(self, window: QWindow | None) -> None:
        """Hear the input of a window that got focus (the main window, a dialog): every key
        and click reaches its QWindow before the widgets. Installing twice is harmless."""
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            self.last_input = time.monotonic()
        elif kind == QEvent.Type.Show and watched is self.window:
            self._watch_window(self.window.windowHandle())
        return False

    # -- look ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.menu.setTitle(translate("SessionControl", "&Session"))
        for name, text in TEXTS.items():
            self.actions_by_name[name].setText(tr(text))
        access = self.access
        self.actions_by_name["logout"].setEnabled(access.logged_in)
        self.actions_by_name["passwd"].setEnabled(access.logged_in)
        if access.logged_in:
            self.user_label.setText(
                translate("SessionControl", "{user} · {role}").format(
                    user=access.username, role=role_label(access.role)
                )
            )
        else:
            self.user_label.setText(translate("SessionControl", "Not logged in (view only)"))
