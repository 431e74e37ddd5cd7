"""The permission helper every screen uses: allowed / why_not, greying, session refusals."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from console.common.access import access_of
from console.common.link import ClientBridge

SUPERVISOR = {"username": "wang", "role": "supervisor", "teams": ["t1"],
              "permissions": ["view_floor", "edit_blacklist", "force_agent_state"]}


def _bridge(qtbot: Any, fake_client: Any) -> ClientBridge:
    fake_client.command_replies["whoami"] = (True, SUPERVISOR)
    fake_client.command_replies["roles"] = (True, {
        "supervisor": ["view_floor", "edit_blacklist", "force_agent_state"],
        "team_leader": ["view_floor", "force_agent_state"],
        "admin": ["view_floor", "edit_blacklist", "force_agent_state", "manage_users"],
        "wall": ["view_floor"]})
    bridge = ClientBridge(fake_client)
    bridge.start()
    return bridge


def test_whoami_once_live_decides_what_is_allowed(qtbot: Any, fake_client: Any) -> None:
    bridge = _bridge(qtbot, fake_client)
    access = access_of(bridge)
    assert access_of(bridge) is access
    bridge.drain()
    assert access.username == "wang" and access.teams == ("t1",)
    assert access.allowed("edit_blacklist")
    assert not access.allowed("manage_users")
    assert access.why_not("edit_blacklist") == ""
    assert access.why_not("manage_users", "manage users") == "Only administrator may manage users."
    assert access.why_not("force_agent_state") == ""
    access.apply({"username": "li", "role": "wall", "permissions": ["view_floor"]})
    assert access.why_not("force_agent_state", "force agent states") == (
        "Only supervisor, team leader or administrator may force agent states.")


def test_guarded_widgets_grey_and_say_who_may(qtbot: Any, fake_client: Any) -> None:
    bridge = _bridge(qtbot, fake_client)
    access = access_of(bridge)
    button = QPushButton("Add")
    qtbot.addWidget(button)
    action = QAction("Users")
    access.guard(button, "edit_blacklist", "change the blacklist", tip="Add a number")
    access.guard(action, "manage_users", "manage users")
    bridge.drain()
    assert button.isEnabled() and button.toolTip() == "Add a number"
    assert not action.isEnabled() and action.toolTip() == "Only administrator may manage users."
    access.apply({"username": "fm", "role": "floor_manager", "permissions": ["view_floor"]})
    assert not button.isEnabled()
    assert button.toolTip() == "Only supervisor or administrator may change the blacklist."
    access.clear()  # logged out: nothing allowed, and the tooltip says why
    assert button.toolTip().startswith("Not logged in.")
    access.apply({"username": "a", "role": "admin", "must_change_password": True,
                  "permissions": ["manage_users", "edit_blacklist"]})
    assert not button.isEnabled() and button.toolTip() == "Change your password first."


def test_a_refusal_for_a_gone_session_is_reported_once_besides_the_commands_own(
        qtbot: Any, fake_client: Any) -> None:
    fake_client.session = "tok"
    bridge = _bridge(qtbot, fake_client)
    access = access_of(bridge)
    seen: list[tuple[str, str, str]] = []
    own: list[Any] = []
    access.session_refused.connect(lambda *a: seen.append(a))
    gone = SimpleNamespace(code="not_authenticated", message="the session has expired")
    fake_client.command_replies["alarms.ack"] = (False, gone)
    bridge.client.command("alarms.ack", {"id": 1}, on_failure=own.append)
    fake_client.command_replies["login"] = (False, SimpleNamespace(
        code="not_authenticated", message="wrong user name or password"))
    bridge.client.command("login", {"username": "x", "password": "y"})
    fake_client.command_replies["logout"] = (False, gone)
    bridge.client.command("logout", {})
    bridge.drain()
    assert seen == [("not_authenticated", "the session has expired", "alarms.ack")]
    assert own == [gone]  # the screen still hears its own failure
    fake_client.session = None  # view only: a refusal is not a lost session
    bridge.client.command("alarms.ack", {"id": 1})
    bridge.drain()
    assert len(seen) == 1


def test_every_role_has_a_translated_label(qtbot: Any) -> None:
    """A role without a label shows its raw word ("collection") in the console's tooltips."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from console.common.access import ROLE_LABELS, role_label
    from models.security import Role

    missing = sorted(r.value for r in Role if r.value not in ROLE_LABELS)
    assert not missing, f"roles without a label in console/common/access.py: {missing}"
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(Path(__file__).parents[3] / "resources" / "translations"
                                 / "callfloor_zh_CN.qm"))
    app.installTranslator(translator)
    try:
        untranslated = sorted(r.value for r in Role if role_label(r.value) == ROLE_LABELS[r.value])
    finally:
        app.removeTranslator(translator)
    assert not untranslated, f"roles without Chinese for their label: {untranslated}"


def test_a_whoami_without_an_answer_keeps_the_role_and_asks_again(qtbot: Any,
                                                                   fake_client: Any) -> None:
    """A daemon busy after a restart may not answer whoami in time: that is not 'no session',
    so the logged-in person keeps their role (an admin's console was greyed whole) and the
    console asks again; a real 'not authenticated' still clears it."""
    bridge = _bridge(qtbot, fake_client)
    access = access_of(bridge)
    bridge.drain()
    assert access.allowed("edit_blacklist")
    fake_client.command_replies["whoami"] = (False, SimpleNamespace(
        code="timeout", message="no answer within 5 s"))
    access.refresh()
    bridge.drain()
    assert access.allowed("edit_blacklist") and access.username == "wang"
    asked = sum(1 for name, _ in fake_client.commands if name == "whoami")
    fake_client.command_replies["whoami"] = (True, SUPERVISOR)
    qtbot.waitUntil(lambda: sum(1 for name, _ in fake_client.commands
                                if name == "whoami") > asked, timeout=5000)
    fake_client.command_replies["whoami"] = (False, SimpleNamespace(
        code="not_authenticated", message="the session has expired"))
    access.refresh()
    bridge.drain()
    assert not access.allowed("edit_blacklist")


def test_a_language_switch_retranslates_the_greyed_tooltips(qtbot: Any,
                                                            fake_client: Any) -> None:
    """A guarded action is not a widget and never hears LanguageChange itself: the language
    switch tells Access, which says "who may" in the new language."""
    from PySide6.QtCore import QCoreApplication

    from console.shell.i18n import Translations

    bridge = _bridge(qtbot, fake_client)
    access = access_of(bridge)
    bridge.drain()
    action = QAction("Users")
    access.guard(action, "manage_users", "")
    assert action.toolTip() == "Only administrator may do this."
    translations = Translations(QCoreApplication.instance())
    try:
        translations.switch("zh_CN")
        assert "管理员" in action.toolTip(), action.toolTip()
    finally:
        translations.switch("en")
    assert action.toolTip() == "Only administrator may do this."
