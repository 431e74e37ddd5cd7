"""Acknowledging an alarm from the console's alarm list on a real switchlink, gated by role."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "switchlink"))

from scripted_switch import PASSWORD, Running, live_client, start_server

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.models.alarm_list import ACKED
from console.screens.wallboard.screen import WallboardScreen
from console.screens.wallboard.widgets.alarms import AckDialog
from console.shell.window import MainWindow
from models.events import CallArrived, CallIvrStep, CallQueued
from switchlink.services.alarms import MemoryRuleStore

pytestmark = pytest.mark.slow

RULE = {
    "id": "q0-waiting",
    "name": "calls waiting",
    "metric": "waiting",
    "scope": "queue:q0",
    "levels": {"red": {"threshold": 2, "clear_threshold": 1, "dispatch_plan": "调两名坐席"}},
}


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = start_server(tmp_path, rule_store=MemoryRuleStore([RULE]))
    yield r
    r.stop()


def _window(qtbot, r: Running, tmp_path: Path, user: str) -> WallboardScreen:
    client = live_client(r)
    client.login(user, PASSWORD)
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen, timeout=10_000)
    return win.screens["wallboard"]


def _raise_alarm(qtbot, r: Running, win: WallboardScreen) -> None:
    t = r.adapter.clock
    for call in ("c1", "c2"):
        r.adapter.push(CallArrived(t, call, "13800000000"), CallIvrStep(t, call, "queue:q0"),
                       CallQueued(t, call, "q0"))
    qtbot.waitUntil(lambda: win.alarm_model.rowCount() == 1, timeout=10_000)


class Noted(AckDialog):
    """The ack dialog as a user fills it in: a note, then OK."""

    def exec(self) -> int:
        self.note.setPlainText("已调两名坐席支援")
        self.accept()
        return self.result()


def test_floor_manager_acknowledges_an_alarm_from_the_alarm_list(
        qtbot, running: Running, tmp_path: Path) -> None:
    win = _window(qtbot, running, tmp_path, "floor")
    try:
        qtbot.waitUntil(lambda: win.alarms.can_ack and win.actions_by_name["ack"].isEnabled(),
                        timeout=5_000)
        _raise_alarm(qtbot, running, win)
        assert win.queue_model.level(win.queue_model.row_of("q0")) == "red"  # row coloured
        win.alarms.dialog_factory = lambda alarm: Noted(alarm, win)
        win.alarms.table.selectRow(0)
        win.actions_by_name["ack"].trigger()
        qtbot.waitUntil(lambda: "acknowledged" in win.window().statusBar().currentMessage(),
                        timeout=5_000)
        def alarm() -> dict:
            return next(iter(win.bridge.mirror.items("alarm/").values()))

        qtbot.waitUntil(lambda: alarm()["state"] == "acknowledged", timeout=5_000)
        assert alarm()["acked_by"] == "floor"
        qtbot.waitUntil(lambda: win.alarm_model.data(win.alarm_model.index(0, ACKED))
                        == "floor", timeout=5_000)
    finally:
        win.bridge.stop()
        win.bridge.client.close()


def test_role_without_ack_alarm_gets_a_disabled_acknowledge_action(
        qtbot, running: Running, tmp_path: Path) -> None:
    win = _window(qtbot, running, tmp_path, "qi")  # quality inspector: no ack_alarm
    try:
        qtbot.waitUntil(lambda: not win.alarms.ack_button.isEnabled(), timeout=5_000)
        assert not win.actions_by_name["ack"].isEnabled()
        _raise_alarm(qtbot, running, win)
        win.alarms.acknowledge_selected()  # even if reached another way: refused, not sent
        # the refusal names who may, as every greyed action does
        message = win.window().statusBar().currentMessage()
        assert message.startswith("Only ") and "may acknowledge alarms" in message, message
        assert "floor manager" in win.alarms.ack_button.toolTip()
        alarm = next(iter(win.bridge.mirror.items("alarm/").values()))
        assert alarm["state"] != "acknowledged"
    finally:
        win.bridge.stop()
        win.bridge.client.close()
