"""The admin screen on a standalone switchlink: create, edit, reset a password, disable /
enable and unlock, each as an administrator does it and as switchlink then behaves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from standalone import ADMIN_PASSWORD, Standalone

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.admin.screen import AdminScreen
from switchlink.client import CommandError

pytestmark = pytest.mark.slow


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Standalone]:
    from console.shell.launcher import free_port_pair

    server = Standalone(tmp_path, f"tcp://127.0.0.1:{free_port_pair()}")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def screen(qtbot: Any, daemon: Standalone, tmp_path: Path) -> Iterator[AdminScreen]:
    client = daemon.client()
    client.login("admin", ADMIN_PASSWORD)
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    widget = AdminScreen(bridge, prefs)
    qtbot.addWidget(widget)
    bridge.start()
    widget.show()
    qtbot.waitUntil(lambda: access_of(bridge).allowed("manage_users"), timeout=20_000)
    qtbot.waitUntil(lambda: widget.model.rowCount() >= 1, timeout=15_000)
    yield widget
    bridge.stop()
    client.close()


def row_of(screen: AdminScreen, name: str) -> dict[str, Any] | None:
    return next((r for r in screen.model.rows if r.get("username") == name), None)


def try_login(daemon: Standalone, name: str, password: str) -> dict[str, Any] | CommandError:
    client = daemon.client()
    try:
        return client.login(name, password)
    except CommandError as exc:
        return exc
    finally:
        client.close()


def test_create_a_user_with_role_teams_and_department(qtbot: Any, screen: AdminScreen,
                                                      daemon: Standalone) -> None:
    dialog = screen.create_user()
    dialog.username.setText("li")
    dialog.display_name.setText("李组长")
    dialog.role.setCurrentIndex(dialog.role.findData("team_leader"))
    dialog.teams.setText("T1, T2")
    dialog.department.setText("客服一部")
    dialog.submit()
    assert "first password" in dialog.error.text()  # nothing sent without one
    dialog.password.setText("first-pw-1")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: row_of(screen, "li") is not None, timeout=15_000)
    row = row_of(screen, "li")
    assert row is not None
    assert (row["role"], row["teams"], row["department"], row["display_name"]) == (
        "team_leader", ["T1", "T2"], "客服一部", "李组长")
    assert row["must_change_password"]
    screen.select("li")
    shown = [screen.proxy.index(screen.proxy.mapFromSource(screen.model.index(
        screen.model.rows.index(row), c)).row(), c).data() for c in range(8)]
    assert shown[2:7] == ["team leader", "T1, T2", "客服一部", "", "yes"]
    answer = try_login(daemon, "li", "first-pw-1")
    assert isinstance(answer, dict) and answer["must_change_password"]


def test_a_refused_create_stays_open_with_the_reason(qtbot: Any, screen: AdminScreen) -> None:
    dialog = screen.create_user()
    dialog.username.setText("admin")  # taken
    dialog.password.setText("whatever-1")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert dialog.isVisible()
    assert "admin" in dialog.error.text()


def test_edit_reset_disable_enable(qtbot: Any, screen: AdminScreen, daemon: Standalone) -> None:
    dialog = screen.create_user()
    dialog.username.setText("zhou")
    dialog.password.setText("first-pw-1")
    dialog.submit()
    qtbot.waitUntil(lambda: row_of(screen, "zhou") is not None, timeout=15_000)
    screen.select("zhou")
    edit = screen.edit_selected()
    assert edit is not None and edit.username.isReadOnly()
    edit.role.setCurrentIndex(edit.role.findData("quality_inspector"))
    edit.teams.setText("T3")
    edit.submit()
    qtbot.waitUntil(lambda: (row_of(screen, "zhou") or {}).get("role") == "quality_inspector",
                    timeout=15_000)
    assert row_of(screen, "zhou")["teams"] == ["T3"]  # type: ignore[index]

    screen.select("zhou")
    reset = screen.reset_selected()
    assert reset is not None
    reset.first.setText("given-pw-2")
    reset.second.setText("given-pw-2")
    reset.submit()
    qtbot.waitUntil(lambda: not reset.isVisible(), timeout=15_000)
    answer = try_login(daemon, "zhou", "given-pw-2")
    assert isinstance(answer, dict) and answer["must_change_password"]

    screen.confirm = lambda _question: True
    screen.select("zhou")
    assert screen.buttons["disable"].isEnabled() and not screen.buttons["enable"].isEnabled()
    screen.set_disabled(True)
    qtbot.waitUntil(lambda: (row_of(screen, "zhou") or {}).get("disabled") is True,
                    timeout=15_000)
    refused = try_login(daemon, "zhou", "given-pw-2")
    assert isinstance(refused, CommandError)
    screen.select("zhou")
    screen.set_disabled(False)
    qtbot.waitUntil(lambda: (row_of(screen, "zhou") or {}).get("disabled") is False,
                    timeout=15_000)
    assert isinstance(try_login(daemon, "zhou", "given-pw-2"), dict)


def test_failed_logins_show_and_unlock_clears_them(qtbot: Any, screen: AdminScreen,
                                                   daemon: Standalone) -> None:
    for _ in range(2):
        assert isinstance(try_login(daemon, "admin", "wrong-pw"), CommandError)
    screen.refresh()
    qtbot.waitUntil(lambda: ((row_of(screen, "admin") or {}).get("lockout") or {}).get(
        "failures") == 2, timeout=15_000)
    screen.select("admin")
    assert "2 failed login(s)" in [screen.proxy.index(r, 7).data()
                                   for r in range(screen.proxy.rowCount())]
    assert screen.buttons["unlock"].isEnabled()
    for _ in range(3):  # five in a row: locked for a while
        try_login(daemon, "admin", "wrong-pw")
    screen.refresh()
    qtbot.waitUntil(lambda: ((row_of(screen, "admin") or {}).get("lockout") or {}).get(
        "locked") is True, timeout=15_000)
    shown = [screen.proxy.index(r, 7).data() for r in range(screen.proxy.rowCount())]
    assert any(t.startswith("locked, ") and t.endswith(" s left") for t in shown), shown
    assert isinstance(try_login(daemon, "admin", ADMIN_PASSWORD), CommandError)
    screen.select("admin")
    screen.unlock_selected()
    qtbot.waitUntil(lambda: not (row_of(screen, "admin") or {}).get("lockout"), timeout=15_000)
    assert isinstance(try_login(daemon, "admin", ADMIN_PASSWORD), dict)  # unlocked
