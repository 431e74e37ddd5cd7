"""Logging in to a standalone switchlink from the console: wrong password and retry, a password
that must be changed, a view-only wall, greying by role, idle expiry, a daemon restart."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from standalone import ADMIN_PASSWORD, Standalone

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.screen import ScreenSpec
from console.shell.session_control import SessionControl
from console.shell.window import MainWindow

pytestmark = pytest.mark.slow

SCREENS = (
    ScreenSpec("wallboard", "Wall-board", "console.screens.wallboard.screen:WallboardScreen"),
    ScreenSpec("blacklist", "Blacklist", "console.screens.blacklist.screen:BlacklistScreen"),
    ScreenSpec("admin", "Users", "console.screens.admin.screen:AdminScreen"),
    ScreenSpec("audit", "Audit", "console.screens.audit.screen:AuditScreen"),
)


class Console:
    """A console window on the standalone daemon, asking who is there as a remote one does."""

    def __init__(self, qtbot: Any, daemon: Standalone, tmp: Path) -> None:
        self.qtbot = qtbot
        self.daemon = daemon
        self.client = daemon.client()
        self.bridge = ClientBridge(self.client)
        prefs = Preferences(QSettings(str(tmp / "console.ini"), QSettings.Format.IniFormat))
        self.win = MainWindow(self.bridge, prefs, screens=SCREENS)
        qtbot.addWidget(self.win)
        self.control = SessionControl(self.win, self.bridge, endpoint=daemon.endpoint,
                                      ask_at_start=True)
        self.access = access_of(self.bridge)
        self.bridge.start()
        self.win.show()
        qtbot.waitUntil(lambda: self.client.link_status == "live", timeout=20_000)

    def login(self, user: str, password: str) -> Any:
        dialog = self.control.ask_login()
        self.qtbot.waitUntil(dialog.isVisible)
        dialog.user.setText(user)
        dialog.password.setText(password)
        dialog.ok.click()
        return dialog

    def login_ok(self, user: str, password: str) -> None:
        dialog = self.login(user, password)
        self.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
        self.qtbot.waitUntil(lambda: self.access.username == user, timeout=10_000)

    def close(self) -> None:
        self.bridge.stop()
        self.client.close()


def _endpoint() -> str:
    from console.shell.launcher import free_port_pair as pair

    return f"tcp://127.0.0.1:{pair()}"


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Standalone]:
    server = Standalone(tmp_path, _endpoint())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def console(qtbot: Any, daemon: Standalone, tmp_path: Path) -> Iterator[Console]:
    con = Console(qtbot, daemon, tmp_path)
    yield con
    con.close()


def add_user(daemon: Standalone, name: str, role: str, password: str, *,
             own_password: str | None = None, **extra: Any) -> None:
    """Made by the admin; with ``own_password`` the user has already set their own."""
    admin = daemon.client()
    try:
        admin.login("admin", ADMIN_PASSWORD)
        admin.call("users.create", {"username": name, "role": role, "password": password,
                                    **extra}, timeout=15)
    finally:
        admin.close()
    if own_password:
        user = daemon.client()
        try:
            user.login(name, password)
            user.call("passwd", {"password": own_password}, timeout=15)
        finally:
            user.close()


def test_a_remote_console_asks_and_a_wrong_password_is_one_line_then_retry(
        qtbot: Any, daemon: Standalone, tmp_path: Path) -> None:
    admin = daemon.client()
    admin.login("admin", ADMIN_PASSWORD)
    admin.call("blacklist.add", {"number": "13800138000", "action": "busy",
                                 "reason": "骚扰"}, timeout=15)
    admin.close()
    console = Console(qtbot, daemon, tmp_path)
    try:
        _wrong_then_right(qtbot, console)
    finally:
        console.close()


def _wrong_then_right(qtbot: Any, console: Console) -> None:
    qtbot.waitUntil(lambda: console.control.login_dialog is not None
                    and console.control.login_dialog.isVisible())
    dialog = console.login("admin", "not-the-password")
    qtbot.waitUntil(lambda: dialog.error.text() == "Wrong user name or password.",
                    timeout=15_000)
    assert dialog.isVisible() and dialog.password.text() == ""
    assert not console.access.logged_in
    assert console.control.user_label.text() == "Not logged in (view only)"
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: console.access.allowed("manage_users"))
    assert console.control.user_label.text() == "admin · administrator"
    assert console.access.idle_timeout_s == 30 * 60
    # the list asked without a session before the login is asked again after it
    blacklist = console.win.screens["blacklist"]
    qtbot.waitUntil(lambda: blacklist.model.rowCount() == 1, timeout=15_000)


def test_a_new_user_must_change_the_password_before_anything_works(
        qtbot: Any, console: Console, daemon: Standalone) -> None:
    add_user(daemon, "wang", "supervisor", "first-pw-1", teams=["T1"])
    console.login_ok("wang", "first-pw-1")
    control = console.control
    qtbot.waitUntil(lambda: control.password_dialog is not None
                    and control.password_dialog.isVisible())
    blacklist = console.win.screens["blacklist"]
    assert not console.access.allowed("edit_blacklist")
    assert not blacklist.buttons["add"].isEnabled()
    assert blacklist.buttons["add"].toolTip() == "Change your password first."
    dialog = control.password_dialog
    dialog.first.setText("my-own-pw-2")
    dialog.second.setText("typo")
    dialog.ok.click()
    assert dialog.error.text() == "The two passwords differ." and dialog.isVisible()
    dialog.second.setText("my-own-pw-2")
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: console.access.allowed("edit_blacklist"), timeout=10_000)
    # the tab re-reads its role after the change (its own whoami): wait for it, do not race
    qtbot.waitUntil(lambda: blacklist.buttons["add"].isEnabled(), timeout=10_000)
    assert console.access.teams == ("T1",)


def test_roles_grey_what_they_may_not_do_and_say_who_may(
        qtbot: Any, console: Console, daemon: Standalone) -> None:
    add_user(daemon, "zhao", "floor_manager", "first-pw-1", own_password="zhao-pw-2")
    console.login_ok("zhao", "zhao-pw-2")
    blacklist = console.win.screens["blacklist"]
    qtbot.waitUntil(lambda: not blacklist.buttons["add"].isEnabled())
    assert blacklist.buttons["add"].toolTip() == (
        "Only supervisor, team leader or administrator may change the blacklist.")
    wallboard = console.win.screens["wallboard"]
    assert wallboard.alarms.ack_button.isEnabled()  # a floor manager acknowledges
    admin = console.win.screens["admin"]
    assert not admin.buttons["create"].isEnabled()
    assert admin.why.text() == "Only administrator may manage users."
    assert admin.model.rowCount() == 0  # nothing asked, nothing shown


def test_a_view_only_wall_login_can_only_watch_and_never_expires(
        qtbot: Any, console: Console, daemon: Standalone) -> None:
    add_user(daemon, "wall1", "wall", "first-pw-1", own_password="wall-pw-2")
    console.login_ok("wall1", "wall-pw-2")
    assert console.access.role == "wall"
    assert console.access.permissions == frozenset({"view_floor"})
    assert console.access.idle_timeout_s == 0  # never expires
    wallboard = console.win.screens["wallboard"]
    assert not wallboard.alarms.ack_button.isEnabled()
    # the tooltip names who may, as every greyed action does
    assert wallboard.alarms.ack_button.toolTip().startswith("Only ")
    assert "floor manager" in wallboard.alarms.ack_button.toolTip()
    assert not console.win.screens["blacklist"].buttons["add"].isEnabled()
    console.control.last_input = time.monotonic() - 10 * 3600
    console.control.check_idle()
    assert console.access.logged_in  # an untouched wall stays logged in
    assert console.control.user_label.text() == "wall1 · view-only wall"


def test_nobody_at_the_console_for_the_idle_time_ends_the_session_and_asks_again(
        qtbot: Any, console: Console) -> None:
    console.login_ok("admin", ADMIN_PASSWORD)
    control = console.control
    # a key pressed anywhere in the window counts as someone at the console
    control.last_input = time.monotonic() - 31 * 60
    handle = console.win.windowHandle()  # heard from its first show, focused or not
    QTest.keyClick(handle, Qt.Key.Key_Shift)
    assert time.monotonic() - control.last_input < 60
    control.check_idle()
    assert console.access.logged_in
    control.last_input = time.monotonic() - 29 * 60
    control.check_idle()
    assert console.access.logged_in
    control.last_input = time.monotonic() - 31 * 60
    control.check_idle()
    assert not console.access.logged_in and console.client.session is None
    assert control.login_dialog is not None and control.login_dialog.isVisible()
    assert "30 minute(s) without use" in control.login_dialog.note.text()
    assert control.login_dialog.user.text() == "admin"  # only the password to type
    assert not console.win.screens["blacklist"].buttons["add"].isEnabled()


def test_the_session_survives_a_daemon_restart_and_no_login_is_asked(
        qtbot: Any, console: Console, daemon: Standalone) -> None:
    console.login_ok("admin", ADMIN_PASSWORD)
    token = console.client.session
    daemon.stop()
    qtbot.waitUntil(lambda: console.client.link_status == "lost", timeout=15_000)
    assert console.access.logged_in  # a link loss asks nothing
    daemon.start()
    qtbot.waitUntil(lambda: console.client.link_status == "live", timeout=60_000)
    answers: list[Any] = []
    console.bridge.client.command("users.list", {}, on_success=answers.append,
                                  on_failure=answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=15_000)
    assert isinstance(answers[0], list), answers[0]
    assert console.client.session == token
    assert not (console.control.login_dialog and console.control.login_dialog.isVisible())
    assert console.access.allowed("manage_users")


def test_a_session_the_daemon_ended_asks_for_login_again(
        qtbot: Any, console: Console, daemon: Standalone) -> None:
    """What idle expiry on the daemon looks like to the console: the next command is refused
    not_authenticated, and the console asks (the wall keeps showing)."""
    add_user(daemon, "wang", "supervisor", "first-pw-1", own_password="wang-pw-2")
    console.login_ok("wang", "wang-pw-2")
    other = daemon.client()
    try:
        other.login("admin", ADMIN_PASSWORD)
        other.call("users.reset_password", {"username": "wang", "password": "reset-pw-9"},
                   timeout=15)  # ends every session of wang, the console's included
    finally:
        other.close()
    console.access.refresh()  # the next command the console sends
    control = console.control
    qtbot.waitUntil(lambda: control.login_dialog is not None
                    and control.login_dialog.isVisible(), timeout=15_000)
    assert "Your session has ended" in control.login_dialog.note.text()
    assert not console.access.logged_in
    assert console.win.screens["wallboard"].isVisible()


def test_the_daemons_idle_expiry_brings_the_login_back(qtbot: Any, tmp_path: Path) -> None:
    """session_idle_minutes = 1 on the daemon: a minute without a command, and the next one
    is refused; the console asks to log in (its own input check is stopped here)."""
    server = Standalone(tmp_path, _endpoint(), idle_minutes=1)
    server.start()
    con = Console(qtbot, server, tmp_path)
    try:
        con.control._idle.stop()
        con.login_ok("admin", ADMIN_PASSWORD)
        assert con.access.idle_timeout_s == 60
        qtbot.wait(62_000)
        assert con.access.logged_in  # nothing asked while nobody sent a command
        con.win.screens["admin"].refresh()
        qtbot.waitUntil(lambda: con.control.login_dialog is not None
                        and con.control.login_dialog.isVisible(), timeout=15_000)
        assert not con.access.logged_in
    finally:
        con.close()
        server.stop()


def test_a_locked_out_name_says_how_long_in_the_dialog(qtbot: Any, console: Console) -> None:
    dialog = console.control.ask_login()
    for attempt in range(8):
        dialog = console.login("admin", f"wrong-{attempt}")
        qtbot.waitUntil(lambda d=dialog: d.ok.isEnabled(), timeout=15_000)
        if dialog.error.text().startswith("Too many"):
            break
    text = dialog.error.text()
    assert text.startswith("Too many failed logins: try again in ") and "unlock" in text, text
    assert dialog.isVisible() and not console.access.logged_in
