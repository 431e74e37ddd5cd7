"""The audit viewer shows the answer to the latest search only: an earlier search still in
flight (the first load after login, a previous filter) must not replace the page asked for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.audit.screen import AuditScreen


def entry(i: int, action: str) -> dict[str, Any]:
    return {"id": i, "at": 1_796_000_000.0 + i, "user": "admin", "role": "admin",
            "action": action, "target": "", "reason": "", "result": "ok"}


def test_a_late_answer_to_an_earlier_search_is_dropped(qtbot: Any, fake_client: Any,
                                                        tmp_path: Path) -> None:
    fake_client.command_replies["whoami"] = (True, {
        "username": "admin", "role": "admin", "permissions": ["view_floor", "view_audit"]})
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    screen = AuditScreen(bridge, prefs)
    qtbot.addWidget(screen)
    bridge.start()
    bridge.drain()
    assert access_of(bridge).allowed("view_audit")
    fake_client.drop_replies()  # whatever the screen asked at start: answered below
    fake_client.command_replies["audit.search"] = (True, [entry(1, "login"),
                                                          entry(2, "blacklist.add")])
    screen.search(0)  # unfiltered, still in flight when the person narrows it
    screen.action.setText("blacklist.add")
    fake_client.command_replies["audit.search"] = (True, [entry(2, "blacklist.add")])
    screen.search(0)
    fake_client.answer_next()  # the first search's answer arrives late
    assert screen.model.rows == []
    assert screen.page_label.text() == "Searching…"
    fake_client.answer_next()
    assert [r["action"] for r in screen.model.rows] == ["blacklist.add"]
    assert screen.page_label.text() == "Entries 1–1, newest first"
