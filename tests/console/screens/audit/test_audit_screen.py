"""The audit viewer on a standalone switchlink: filters by user, action, target, result and
time; pages; CSV of every matching entry (not only the page), UTF-8 with BOM."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, QSettings
from standalone import ADMIN_PASSWORD, Standalone

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.audit import screen as audit_screen
from console.screens.audit.screen import AuditScreen
from switchlink.client import CommandError

pytestmark = pytest.mark.slow


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Standalone]:
    from console.shell.launcher import free_port_pair

    server = Standalone(tmp_path, f"tcp://127.0.0.1:{free_port_pair()}")
    server.start()
    admin = server.client()
    admin.login("admin", ADMIN_PASSWORD)
    for i in range(5):
        admin.call("blacklist.add", {"number": f"1380013800{i}", "action": "busy",
                                     "reason": f"骚扰电话 {i}"}, timeout=15)
    admin.call("users.create", {"username": "zhao", "role": "floor_manager",
                                "password": "first-pw-1"}, timeout=15)
    zhao = server.client()
    zhao.login("zhao", "first-pw-1")
    zhao.call("passwd", {"password": "zhao-pw-2"}, timeout=15)
    with pytest.raises(CommandError):  # a refusal: the audit keeps it too
        zhao.call("blacklist.add", {"number": "13900139000", "action": "busy",
                                    "reason": "not mine to add"}, timeout=15)
    zhao.close()
    # the audit trail is written in batches (refusals rate-limited): wait until all six are
    # stored, so a loaded machine does not search before the last batch lands
    deadline = time.monotonic() + 30
    while len(admin.call("audit.search", {"action": "blacklist.add"}, timeout=15)) < 6:
        assert time.monotonic() < deadline, "the six blacklist.add entries never reached the audit"
        time.sleep(0.1)
    admin.close()
    yield server
    server.stop()


@pytest.fixture
def screen(qtbot: Any, daemon: Standalone, tmp_path: Path) -> Iterator[AuditScreen]:
    client = daemon.client()
    client.login("admin", ADMIN_PASSWORD)
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    widget = AuditScreen(bridge, prefs)
    qtbot.addWidget(widget)
    bridge.start()
    widget.show()
    qtbot.waitUntil(lambda: access_of(bridge).allowed("view_audit"), timeout=20_000)
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=15_000)
    yield widget
    bridge.stop()
    client.close()


def search(qtbot: Any, screen: AuditScreen, offset: int = 0) -> list[dict[str, Any]]:
    screen.model.set_rows([])
    screen.search(offset)
    qtbot.waitUntil(lambda: screen.page_label.text() != "Searching…", timeout=15_000)
    return screen.model.rows


def test_filters_by_user_action_target_result_and_time(qtbot: Any, screen: AuditScreen) -> None:
    screen.action.setText("blacklist.add")
    rows = search(qtbot, screen)
    assert len(rows) == 6 and {r["action"] for r in rows} == {"blacklist.add"}
    assert rows[0]["at"] >= rows[-1]["at"]  # newest first
    screen.user.setText("zhao")
    rows = search(qtbot, screen)
    assert [(r["user"], r["result"]) for r in rows] == [("zhao", "forbidden")]
    assert screen.model.index(0, 6).data() == "refused: forbidden"
    screen.user.clear()
    screen.result.setCurrentIndex(screen.result.findData("refused"))
    assert [r["user"] for r in search(qtbot, screen)] == ["zhao"]
    screen.result.setCurrentIndex(screen.result.findData("ok"))
    assert len(search(qtbot, screen)) == 5
    screen.result.setCurrentIndex(0)
    screen.target.setText("blacklist/13800138003")
    rows = search(qtbot, screen)
    assert [r["reason"] for r in rows] == ["骚扰电话 3"]
    screen.target.clear()
    screen.use_since.setChecked(True)
    screen.since.setDateTime(QDateTime.fromSecsSinceEpoch(int(time.time()) + 3600))
    assert search(qtbot, screen) == []
    assert screen.page_label.text() == "No entries match."


def test_pages_go_older_and_newer(qtbot: Any, screen: AuditScreen,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_screen, "PAGE_ROWS", 2)
    screen.action.setText("blacklist.add")
    first = search(qtbot, screen)
    assert len(first) == 2 and screen.older.isEnabled() and not screen.newer.isEnabled()
    screen.older.click()
    qtbot.waitUntil(lambda: screen.offset == 2, timeout=15_000)
    second = list(screen.model.rows)
    assert len(second) == 2 and not {r["id"] for r in first} & {r["id"] for r in second}
    assert screen.page_label.text() == "Entries 3–4, newest first"
    screen.newer.click()
    qtbot.waitUntil(lambda: screen.offset == 0, timeout=15_000)
    assert [r["id"] for r in screen.model.rows] == [r["id"] for r in first]


def test_csv_export_writes_every_match_with_a_bom(qtbot: Any, screen: AuditScreen,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from console.screens.audit import export

    monkeypatch.setattr(audit_screen, "PAGE_ROWS", 2)
    monkeypatch.setattr(export, "PAGE", 4)  # several pages even for a few entries
    screen.action.setText("blacklist.add")
    assert len(search(qtbot, screen)) == 2  # the page on screen
    target = tmp_path / "audit"
    screen.save_path = lambda: str(target)
    screen.export_csv()
    written = tmp_path / "audit.csv"
    qtbot.waitUntil(lambda: "written to" in screen.page_label.text(), timeout=20_000)
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(export.HEADER)
    assert len(rows) == 1 + 6
    assert sorted(r[6] for r in rows[1:] if r[2] == "admin") == [f"骚扰电话 {i}" for i in range(5)]
    assert screen.page_label.text() == f"6 entries written to {written}."
