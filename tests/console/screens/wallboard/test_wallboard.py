"""The wall-board window against a FakeClient: tiles, tables, alarms, staleness, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.screen import MainWindow


@pytest.fixture
def window(qtbot, fake_client: FakeClient, tmp_path: Path) -> MainWindow:
    bridge = ClientBridge(fake_client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    return win


def test_tiles_show_center_metrics(window: MainWindow) -> None:
    assert window.tiles.tiles["waiting"].value.text() == "17"
    assert window.tiles.tiles["service_level"].value.text() == "78%"  # 15 min
    assert window.tiles.tiles["service_level"].sub.text() == "Today 81%"
    assert window.tiles.tiles["longest_wait"].value.text() == "1:14"
    assert window.tiles.tiles["answered"].value.text() == "5,321"


def test_tile_takes_worst_alarm_level_in_colour_and_words(window: MainWindow) -> None:
    tile = window.tiles.tiles["waiting"]
    assert tile.property("level") == "red"
    assert "Red" in tile.level_text.text()
    assert window.tiles.tiles["answered"].level_text.text() == "Normal"


def test_delta_reaches_tile_and_queue_table_in_a_frame(qtbot, window: MainWindow,
                                                      fake_client: FakeClient) -> None:
    center = dict(fake_client.mirror.get("metrics/center") or {}, waiting=42)
    fake_client.push("metrics/center", center)
    queue = dict(fake_client.mirror.get("metrics/queue/q000") or {}, waiting=99)
    fake_client.push("metrics/queue/q000", queue)
    qtbot.waitUntil(lambda: window.tiles.tiles["waiting"].value.text() == "42")
    model = window.queue_model
    row = model.row_of("q000")
    assert row is not None and model.data(model.index(row, 1)) == "99"


def test_new_black_alarm_shows_in_banner_and_list(qtbot, window: MainWindow,
                                                 fake_client: FakeClient) -> None:
    fake_client.push("alarm/a9", {"id": "a9", "level": "black", "metric": "service_level_15m",
                                  "scope": "center", "value": 0.4, "threshold": 0.6,
                                  "raised_at": 1.0e9, "state": "active",
                                  "dispatch_plan": "全员示闲"})
    qtbot.waitUntil(lambda: window.alarm_banner.property("level") == "black")
    assert "Black" in window.alarm_banner.text()
    assert window.tiles.tiles["service_level"].property("level") == "black"
    top = window.alarms.proxy.index(0, 0)
    assert top.data() == "Black"


def test_link_loss_greys_out_and_says_since_when_then_clears(qtbot, window: MainWindow,
                                                            fake_client: FakeClient) -> None:
    fake_client.set_link("lost")
    qtbot.waitUntil(lambda: window.stale_banner.isVisible())
    assert "Link lost since" in window.stale_banner.text()
    assert window.tiles.tiles["waiting"].property("stale") is True
    assert window.queue_model.stale
    fake_client.set_link("live")
    qtbot.waitUntil(lambda: not window.stale_banner.isVisible())
    assert window.tiles.tiles["waiting"].property("stale") is False


def test_resync_rebuilds_tables_from_the_new_snapshot(qtbot, window: MainWindow,
                                                      fake_client: FakeClient) -> None:
    from fakes import sample_floor

    fake_client.resync(sample_floor(agents=50, queues=6, seed=9))
    qtbot.waitUntil(lambda: window.agent_model.rowCount() == 50)
    assert window.queue_model.rowCount() == 6


def test_ack_sends_note_with_alarm_id(qtbot, window: MainWindow,
                                      fake_client: FakeClient) -> None:
    from console.screens.wallboard.widgets.alarms import AckDialog

    class Noted(AckDialog):
        def exec(self) -> int:
            self.note.setPlainText("已调配5名坐席")
            self.accept()
            return self.result()

    window.alarms.dialog_factory = lambda alarm: Noted(alarm, window)
    window.alarms.table.selectRow(0)  # worst first: the red alarm a1
    window.actions_by_name["ack"].trigger()
    assert fake_client.commands[-1][0] == "alarms.ack"
    assert fake_client.commands[-1][1] == {"alarm": "a1", "note": "已调配5名坐席"}
    qtbot.waitUntil(lambda: "acknowledged" in window.statusBar().currentMessage())


def test_ack_dialog_refuses_an_empty_note(qtbot) -> None:
    from console.screens.wallboard.widgets.alarms import AckDialog

    dialog = AckDialog({"id": "a1", "level": "red", "metric": "waiting"})
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0
    assert "note" in dialog.error.text()


def test_role_without_ack_permission_cannot_send(window: MainWindow,
                                                 fake_client: FakeClient) -> None:
    window.alarms.set_can_ack(False)
    window.alarms.acknowledge_selected()
    assert not window.alarms.ack_button.isEnabled()
    assert all(name != "alarms.ack" for name, _ in fake_client.commands)


def test_agent_grid_filter_by_team(qtbot, window: MainWindow) -> None:
    window.agents.set_filter(team="班组2")
    assert window.agents.proxy.rowCount() == 8
    assert "8 of 24" in window.agents.count.text()


def test_layout_choice_is_remembered(qtbot, window: MainWindow, tmp_path: Path) -> None:
    layout = window.layout_prefs
    layout.tiles = ["waiting", "service_level"]
    layout.show_grid = False
    layout.hidden_queues = {"q001"}
    window.prefs.save_layout(layout)
    again = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    assert again.layout().tiles == ["waiting", "service_level"]
    assert again.layout().show_grid is False
    assert again.layout().hidden_queues == {"q001"}
    window.apply_layout(again.layout())
    assert not window.tiles.tiles["answered"].isVisible()
    assert not window.agents.isVisible()


def test_role_is_asked_once_live_and_decides_whether_ack_is_offered(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    fake_client.command_replies["whoami"] = (True, {"role": "quality_inspector",
                                                    "permissions": ["view_floor"]})
    bridge = ClientBridge(fake_client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    bridge.start()
    qtbot.waitUntil(lambda: not win.alarms.ack_button.isEnabled())
    assert ("whoami", {}) in fake_client.commands


def test_tile_keeps_its_big_number_when_an_alarm_recolours_it(qtbot, qapp,
                                                              window: MainWindow) -> None:
    from console.shell.themes import apply_theme

    apply_theme(qapp, "dark")  # the style sheet's small font is what re-polishing restores
    tile = window.tiles.tiles["answered"]
    qtbot.waitUntil(lambda: tile.value.font().pixelSize() > 20)
    before = tile.value.font().pixelSize()
    tile.set_level("red")
    tile.set_level(None)
    tile.set_stale(True)
    assert tile.value.font().pixelSize() == before


def test_ack_dialog_names_the_queue_and_shows_the_dispatch_plan(qtbot, window: MainWindow,
                                                                fake_client: FakeClient) -> None:
    alarm = {"id": "q9", "level": "red", "metric": "waiting", "scope": "queue:q1",
             "value": 12, "threshold": 10, "escalated": True,
             "dispatch_plan": "leaders take calls"}
    queue_name = window.alarms.model.scope_label("queue:q1")
    assert queue_name != "queue:q1"  # the fake floor names its queues
    dialog = window.alarms.dialog_factory(alarm)
    qtbot.addWidget(dialog)
    assert queue_name in dialog.summary.text() and "queue:q1" not in dialog.summary.text()
    assert "escalated" in dialog.summary.text()
    assert "leaders take calls" in dialog.plan.text()


def test_a_4k_wall_scales_all_type_not_just_tiles(qtbot, window: MainWindow, qapp) -> None:
    from console.shell.themes import apply_theme, style_sheet, wall_scale

    assert (wall_scale(1080), wall_scale(2160), wall_scale(1440)) == (1.0, 2.0, 1.25)
    apply_theme(qapp, "dark")
    try:
        header_1080 = window.queue_table.horizontalHeader().sectionSize(1)
        window.resize(3840, 2160)
        qtbot.waitUntil(lambda: window.type_scale == 2.0)
        assert qapp.styleSheet() == style_sheet("dark", 2.0)
        assert "font-size: 30px" in qapp.styleSheet()  # the 15 px body type, doubled
        axis = window.charts.sl.getPlotItem().getAxis("left")
        assert axis.style["tickFont"].pixelSize() == 24
        qtbot.waitUntil(lambda: window.queue_table.horizontalHeader().sectionSize(1)
                        > header_1080)  # number columns refitted to the larger type
        window.resize(1920, 1080)
        qtbot.waitUntil(lambda: window.type_scale == 1.0)
        assert qapp.styleSheet() == style_sheet("dark")
    finally:
        qapp.setStyleSheet("")
