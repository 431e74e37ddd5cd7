"""The blacklist tab against a fake switchlink: list and filters, detail with history,
inline validation, greyed editing with the roles named, the import error listing."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.blacklist.screen import BlacklistScreen

ENTRY = {"id": 1, "number": "087112345678", "display": "0871-12345678", "state": "active",
         "action": "busy", "customer_level": "normal", "blocked_from": 1_780_000_000.0,
         "blocked_until": None, "created_by": "lead", "created_at": 1_780_000_000.0,
         "reason": "abusive", "active": True}


@pytest.fixture
def tab(qtbot: Any, fake_client: Any, tmp_path: Path) -> Any:
    fake_client.command_replies["blacklist.list"] = (True, {"total": 1, "entries": [ENTRY]})
    fake_client.command_replies["whoami"] = (True, {"permissions": ["view_floor",
                                                                    "edit_blacklist"]})
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    screen = BlacklistScreen(bridge, prefs)
    qtbot.addWidget(screen)
    bridge.start()
    screen.resize(1400, 800)

    def pump() -> None:
        for _ in range(3):
            bridge.drain()
            bridge.flush()

    screen.pump = pump
    pump()
    return screen


def test_lists_entries_and_sends_the_filters(tab: Any, fake_client: Any) -> None:
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 0)) == "0871-12345678"
    tab.state.setCurrentIndex(tab.state.findData("lifted"))
    tab.action.setCurrentIndex(tab.action.findData("warn"))
    tab.search.setText("abus")
    tab.refresh()
    name, args = fake_client.commands[-1]
    assert name == "blacklist.list"
    assert (args["state"], args["action"], args["search"]) == ("lifted", "warn", "abus")


def test_a_selected_entry_shows_its_history_and_screened_calls(tab: Any,
                                                             fake_client: Any) -> None:
    fake_client.command_replies["blacklist.show"] = (True, {
        "entry": ENTRY, "suggestion": {"until": 1_780_600_000.0, "blocked_calls": 6,
                                       "days": 30.0, "why": "x"},
        "history": [{"at": 1_780_000_000.0, "by": "lead", "change": "added",
                     "reason": "abusive", "detail": {}}],
        "calls": [{"call_id": "call-9", "arrived_at": 1_780_000_100.0, "outcome": "blocked",
                   "action": "busy", "agent": None, "ended_at": 1_780_000_104.0,
                   "queue": None}]})
    tab.table.selectRow(0)
    tab.pump()
    assert tab.detail.history.rowCount() == 1 and tab.detail.calls.rowCount() == 1
    assert tab.detail.history.item(0, 1).text() == "Added"
    assert "blocked 6 times" in tab.detail.hint.text()
    tab.detail.apply.click()  # the suggestion opens the edit dialog: the supervisor confirms
    assert tab.dialog is not None and tab.dialog.window_kind.currentData() == "until"
    assert not any(name == "blacklist.edit" for name, _ in fake_client.commands)


def test_the_add_dialog_shows_a_bad_number_inline_and_sends_nothing(tab: Any,
                                                                   fake_client: Any) -> None:
    dialog = tab.add_entry()
    dialog.number.setText("12345678")
    dialog.reason.setText("abusive")
    dialog.send()
    assert "area code" in dialog.error.text()
    assert "\n" not in dialog.error.text()
    assert not any(name == "blacklist.add" for name, _ in fake_client.commands)
    dialog.number.setText("+86 871 1234 5678")
    dialog.send()
    name, args = fake_client.commands[-1]
    assert name == "blacklist.add" and args["number"] == "087112345678"
    assert args["duration_s"] == 7 * 86400.0


def test_a_refusal_from_switchlink_stays_in_the_dialog(tab: Any, fake_client: Any) -> None:
    fake_client.command_replies["blacklist.add"] = (False, SimpleNamespace(
        code="invalid_operation", message="0871-12345678 is already listed (active)"))
    dialog = tab.add_entry()
    dialog.number.setText("0871-12345678")
    dialog.reason.setText("again")
    dialog.send()
    tab.pump()
    assert "already listed" in dialog.error.text() and dialog.isVisible()


def test_without_the_permission_editing_is_greyed_with_the_roles_named(tab: Any) -> None:
    from console.common.access import access_of

    access_of(tab.bridge).apply({"username": "fm", "role": "floor_manager",
                                 "permissions": ["view_floor"]})
    for name in ("add", "edit", "lift", "import"):
        assert not tab.buttons[name].isEnabled()
        assert "team leader" in tab.buttons[name].toolTip()
        assert "administrator" in tab.buttons[name].toolTip()
    assert tab.buttons["export"].isEnabled()
    tab.table.selectRow(0)
    assert tab.lift_selected() is None


def test_whoami_decides_the_editing_actions(tab: Any) -> None:
    assert tab.buttons["add"].isEnabled()  # the fixture's user may edit


def test_a_refused_import_lists_each_bad_row_in_a_dialog(tab: Any, fake_client: Any,
                                                         tmp_path: Path) -> None:
    listing = ("2 bad row(s), nothing imported:\nline 3: number 'abc': not allowed\n"
               "line 5: unknown action 'zap'")
    fake_client.command_replies["blacklist.import"] = (False, SimpleNamespace(
        code="bad_request", message=listing))
    path = tmp_path / "bad.csv"
    path.write_text("number,action\n13800000001,busy\nabc,busy\n", "utf-8")
    tab.import_file(str(path))
    tab.pump()
    assert fake_client.commands[-1][0] == "blacklist.import"
    text = tab.dialog.listing.toPlainText()
    assert text.splitlines() == ["line 3: number 'abc': not allowed",
                                 "line 5: unknown action 'zap'"]


def test_a_reply_without_an_entry_leaves_the_detail_empty_and_survives_a_language_change(
        tab: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    tab.detail.show_entry({})  # e.g. a fake or an older switchlink answering without "entry"
    assert tab.detail.data is None
    QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert tab.detail.history.rowCount() == 0
