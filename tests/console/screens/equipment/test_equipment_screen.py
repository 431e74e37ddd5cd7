"""The equipment screen on a fake client: channel map colours and counts, filters, an action
with its measured result, greyed actions naming the role that may, CSV export, retranslation."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeClient
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.equipment.labels import STATE_COLOURS
from console.screens.equipment.screen import EquipmentScreen

T0 = 1_772_438_400.0


def equipment_floor() -> dict[str, dict[str, Any]]:
    c0 = {"calls": 0, "errors": 0, "tests_passed": 0, "tests_failed": 0}
    floor: dict[str, dict[str, Any]] = {
        "daemon/info": {"adapter": "loopback"},
        "link/cti-1": {"id": "cti-1", "status": "up", "latency_ms": 12.0, "last_error": "",
                       "counters": c0, "since": None, "reconnects_1h": 2},
        "board/ivr-1": {"id": "ivr-1", "kind": "ivr", "status": "up", "last_error": "",
                        "counters": c0, "since": None},
        "board/fax-1": {"id": "fax-1", "kind": "fax", "status": "down",
                        "last_error": "board failure (fault injected)", "counters": c0,
                        "since": T0},
        "board/trunk-1": {"id": "trunk-1", "kind": "trunk", "status": "up", "last_error": "",
                          "counters": c0, "since": None},
        "trunk/pstn-1": {"id": "pstn-1", "board": "trunk-1", "capacity": 6, "in_use": 4,
                         "status": "up", "last_error": "", "counters": c0, "since": None},
    }
    states = ["idle", "busy", "busy", "stuck", "out_of_service", "testing"]
    for i, state in enumerate(states, 1):
        floor[f"channel/ivr-1/{i}"] = {
            "id": f"ivr-1/{i}", "board": "ivr-1", "kind": "ivr", "status": state,
            "call_id": "call-9" if state == "busy" else None, "last_error": "",
            "counters": c0, "since": T0,
            "out_of_service": {"reason": "card swap", "by": "tech", "since": T0}
            if state == "out_of_service" else None}
    for i in (1, 2):
        floor[f"channel/fax-1/{i}"] = {"id": f"fax-1/{i}", "board": "fax-1", "kind": "fax",
                                       "status": "down", "call_id": None, "last_error": "",
                                       "counters": c0, "since": T0}
    return floor


@pytest.fixture
def screen(qtbot, tmp_path: Path):
    client = FakeClient()
    client.load(equipment_floor())
    client.command_replies["whoami"] = (True, {"username": "tech", "role": "maintenance",
                                               "permissions": ["view_floor", "run_diagnostics",
                                                               "inject_fault", "view_history"]})
    bridge = ClientBridge(client)
    widget = EquipmentScreen(bridge, Preferences(str(tmp_path / "prefs.ini")))
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    bridge.start()
    client.set_link("live")
    client.process()
    bridge.flush()
    client.process()
    return widget, client, bridge


def cell_colour(widget: EquipmentScreen, ident: str) -> str:
    view = widget.channel_map.view
    model = widget.map_model
    row = next(i for i, c in enumerate(model.cells) if c[0] == ident)
    rect = view.visualRect(model.index(row))
    image: QImage = view.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 3, rect.top() + 3).name()


def test_every_channel_and_trunk_circuit_is_a_cell_coloured_by_its_state(screen) -> None:
    widget, *_ = screen
    assert widget.map_model.rowCount() == 6 + 2 + 6  # IVR, fax and six circuits of pstn-1
    assert widget.map_model.counts() == {"idle": 3, "busy": 6, "stuck": 1,
                                         "out_of_service": 1, "testing": 1, "down": 2}
    for ident, state in (("ivr-1/1", "idle"), ("ivr-1/2", "busy"), ("ivr-1/4", "stuck"),
                         ("ivr-1/5", "out_of_service"), ("fax-1/1", "down"),
                         ("pstn-1#4", "busy"), ("pstn-1#5", "idle")):
        assert cell_colour(widget, ident) == STATE_COLOURS[state], ident
    assert "14" in widget.channel_map.legend.text()


def test_filter_by_kind_and_board(screen) -> None:
    widget, *_ = screen
    widget.channel_map.set_filter(kind="fax")
    assert [c[0] for c in widget.map_model.cells] == ["fax-1/1", "fax-1/2"]
    widget.channel_map.set_filter(board="trunk-1")
    assert len(widget.map_model.cells) == 6
    widget.channel_map.set_filter(kind="acd")
    assert widget.map_model.rowCount() == 0 and widget.channel_map.empty.isVisibleTo(widget)


def test_a_loopback_test_comes_back_with_what_it_measured(screen, qtbot) -> None:
    widget, client, bridge = screen
    client.command_replies["loopback_test"] = (True, {"test": "test-7", "target": "ivr-1/1",
                                                      "state": "running"})
    widget.select("channel", "ivr-1/1", "ivr-1")
    widget.actions_panel.buttons["loopback_test"].click()
    client.process()
    assert client.commands[-1] == ("loopback_test", {"channel": "ivr-1/1"})
    assert "test-7" in widget.actions_panel.result.text()
    client.push("test/test-7", {"id": "test-7", "kind": "loopback", "target": "ivr-1/1",
                                "state": "passed", "detail": "loopback test passed",
                                "measured": {"tone_dbm0": -10.1, "dtmf_echoed": 12}})
    client.process()
    bridge.flush()
    text = widget.actions_panel.result.text()
    assert text.startswith("Passed: Loopback test on ivr-1/1")
    assert "tone_dbm0 -10.1" in text and "dtmf_echoed 12" in text


def test_actions_are_greyed_with_the_role_that_may_for_a_supervisor(screen) -> None:
    widget, *_ = screen
    widget.set_permissions({"view_floor", "ack_alarm"})
    button = widget.actions_panel.buttons["reset"]
    assert not button.isEnabled()
    assert "maintenance or administrator" in button.toolTip()
    assert not widget.rehearsal.go.isEnabled()
    assert "maintenance or administrator" in widget.rehearsal.go.toolTip()


def test_rehearsal_is_refused_in_the_ui_on_a_real_switch(screen) -> None:
    widget, client, bridge = screen
    client.push("daemon/info", {"adapter": "ami"})
    client.process()
    bridge.flush()
    assert not widget.rehearsal.go.isEnabled()
    assert "emulator only" in widget.rehearsal.banner.text()
    assert widget.rehearsal.title() == "REHEARSAL (emulator only)"


def test_out_of_service_asks_why_and_the_history_exports_as_csv(screen, tmp_path) -> None:
    widget, client, _ = screen
    widget.select("channel", "ivr-1/1", "ivr-1")
    widget.ask_text = lambda *_: "noisy line"
    widget.actions_panel.buttons["out_of_service"].click()
    assert client.commands[-1] == ("equipment.out_of_service",
                                   {"target": "ivr-1/1", "reason": "noisy line"})
    client.command_replies["equipment.tests"] = (True, [
        {"target": "ivr-1/1", "kind": "loopback", "passed": False, "at": T0, "board": "ivr-1",
         "by": "tech", "detail": "DTMF 6/12 echoed", "measured": {"dtmf_echoed": 6.0},
         "test_id": "test-3"}])
    client.command_replies["equipment.pass_rate"] = (True, [
        {"board": "ivr-1", "period": "2026-03-02", "tests": 4, "passed": 3, "rate": 0.75}])
    widget.tabs.setCurrentIndex(1)
    client.process()
    assert widget.history.model.rowCount() == 1 and widget.history.rates.rows[0]["rate"] == "75.0 %"
    out = tmp_path / "tests.csv"
    widget.save_path = lambda: str(out)
    widget.history.export_button.click()
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["target"], row["result"], row["measured"]) == ("ivr-1/1", "fail", "dtmf_echoed=6")


def test_the_screen_retranslates_on_a_language_change(screen) -> None:
    widget, *_ = screen
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(Path(__file__).parents[4] / "resources" / "translations"
                               / "callfloor_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        for child in [*widget.findChildren(type(widget.actions_panel)), widget.channel_map]:
            QCoreApplication.sendEvent(child, QEvent(QEvent.Type.LanguageChange))
        assert widget.channel_map.title.text() == "通道图"
        assert widget.actions_panel.buttons["loopback_test"].text() == "环回测试"
        assert widget.rehearsal.title() == "故障演练（仅限模拟器）"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_hidden_tab_skips_per_frame_rebuilds_and_catches_up_when_shown(qtbot,
                                                                         tmp_path) -> None:
    """In the main window the equipment tab is usually hidden behind the wall: the switch
    clock (daemon/info, every frame) never rebuilds its map, a channel change while hidden
    waits, and showing the tab shows the channel's new state."""
    from PySide6.QtWidgets import QTabWidget, QWidget

    client = FakeClient()
    client.load(equipment_floor())
    bridge = ClientBridge(client)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    wall = QWidget()
    tabs.addTab(wall, "wall")
    widget = EquipmentScreen(bridge, Preferences(str(tmp_path / "prefs.ini")))
    tabs.addTab(widget, "equipment")
    tabs.show()
    bridge.start()
    client.set_link("live")
    client.process()
    bridge.flush()
    rebuilds: list[int] = []
    original = widget.rebuild
    widget.rebuild = lambda: (rebuilds.append(1), original())[1]  # type: ignore[method-assign]
    for second in range(5):
        client.push("daemon/info", {"adapter": "loopback", "switch_time": T0 + second})
        client.process()
        bridge.flush()
    assert rebuilds == []
    changed = dict(equipment_floor()["channel/ivr-1/1"], status="stuck")
    client.push("channel/ivr-1/1", changed)
    client.process()
    bridge.flush()
    assert rebuilds == []  # hidden: nothing to paint
    tabs.setCurrentWidget(widget)
    assert rebuilds == [1]
    row = next(c for c in widget.map_model.cells if c[0] == "ivr-1/1")
    assert "stuck" in repr(row)
