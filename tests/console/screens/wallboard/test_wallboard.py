"""The wall-board screen against a FakeClient: tiles, tables, alarms, staleness, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import QSettings
from walls import open_wall

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.prefs import load_layout, save_layout
from console.screens.wallboard.screen import WallboardScreen
from console.shell.window import MainWindow


@pytest.fixture
def board(qtbot, fake_client: FakeClient, tmp_path: Path) -> WallboardScreen:
    return open_wall(qtbot, fake_client, tmp_path)


def test_tiles_show_center_metrics(board: WallboardScreen) -> None:
    assert board.tiles.tiles["waiting"].value.text() == "17"
    assert board.tiles.tiles["service_level"].value.text() == "78%"  # 15 min
    assert board.tiles.tiles["service_level"].sub.text() == "Today 81%"
    assert board.tiles.tiles["longest_wait"].value.text() == "1:14"
    assert board.tiles.tiles["answered"].value.text() == "5,321"


def test_tile_takes_worst_alarm_level_in_colour_and_words(board: WallboardScreen) -> None:
    tile = board.tiles.tiles["waiting"]
    assert tile.property("level") == "red"
    assert "Red" in tile.level_text.text()
    assert board.tiles.tiles["answered"].level_text.text() == "Normal"


def test_delta_reaches_tile_and_queue_table_in_a_frame(qtbot, board: WallboardScreen,
                                                      fake_client: FakeClient) -> None:
    center = dict(fake_client.mirror.get("metrics/center") or {}, waiting=42)
    fake_client.push("metrics/center", center)
    queue = dict(fake_client.mirror.get("metrics/queue/q000") or {}, waiting=99)
    fake_client.push("metrics/queue/q000", queue)
    qtbot.waitUntil(lambda: board.tiles.tiles["waiting"].value.text() == "42")
    model = board.queue_model
    row = model.row_of("q000")
    assert row is not None and model.data(model.index(row, 1)) == "99"


def test_new_black_alarm_shows_in_banner_and_list(qtbot, board: WallboardScreen,
                                                 fake_client: FakeClient) -> None:
    fake_client.push("alarm/a9", {"id": "a9", "level": "black", "metric": "service_level_15m",
                                  "scope": "center", "value": 0.4, "threshold": 0.6,
                                  "raised_at": 1.0e9, "state": "active",
                                  "dispatch_plan": "全员示闲"})
    qtbot.waitUntil(lambda: board.alarm_banner.property("level") == "black")
    assert "Black" in board.alarm_banner.text()
    assert board.tiles.tiles["service_level"].property("level") == "black"
    top = board.alarms.proxy.index(0, 0)
    assert top.data() == "Black"


def test_link_loss_greys_out_and_says_since_when_then_clears(qtbot, board: WallboardScreen,
                                                            fake_client: FakeClient) -> None:
    fake_client.set_link("lost")
    qtbot.waitUntil(lambda: board.stale_banner.isVisible())
    assert "Link lost since" in board.stale_banner.text()
    assert board.tiles.tiles["waiting"].property("stale") is True
    assert board.queue_model.stale
    fake_client.set_link("live")
    qtbot.waitUntil(lambda: not board.stale_banner.isVisible())
    assert board.tiles.tiles["waiting"].property("stale") is False


def test_resync_rebuilds_tables_from_the_new_snapshot(qtbot, board: WallboardScreen,
                                                      fake_client: FakeClient) -> None:
    from fakes import sample_floor

    fake_client.resync(sample_floor(agents=50, queues=6, seed=9))
    qtbot.waitUntil(lambda: board.agent_model.rowCount() == 50)
    assert board.queue_model.rowCount() == 6


def test_ack_sends_note_with_alarm_id(qtbot, board: WallboardScreen,
                                      fake_client: FakeClient) -> None:
    from console.screens.wallboard.widgets.alarms import AckDialog

    class Noted(AckDialog):
        def exec(self) -> int:
            self.note.setPlainText("已调配5名坐席")
            self.accept()
            return self.result()

    board.alarms.dialog_factory = lambda alarm: Noted(alarm, board)
    board.alarms.table.selectRow(0)  # worst first: the red alarm a1
    board.actions_by_name["ack"].trigger()
    assert fake_client.commands[-1][0] == "alarms.ack"
    assert fake_client.commands[-1][1] == {"alarm": "a1", "note": "已调配5名坐席"}
    qtbot.waitUntil(lambda: "acknowledged" in board.window().statusBar().currentMessage())


def test_ack_dialog_refuses_an_empty_note(qtbot) -> None:
    from console.screens.wallboard.widgets.alarms import AckDialog

    dialog = AckDialog({"id": "a1", "level": "red", "metric": "waiting"})
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0
    assert "note" in dialog.error.text()


def test_role_without_ack_permission_cannot_send(board: WallboardScreen,
                                                 fake_client: FakeClient) -> None:
    board.alarms.set_can_ack(False)
    board.alarms.acknowledge_selected()
    assert not board.alarms.ack_button.isEnabled()
    assert all(name != "alarms.ack" for name, _ in fake_client.commands)


def test_agent_grid_filter_by_team(qtbot, board: WallboardScreen) -> None:
    board.agents.set_filter(team="班组2")
    assert board.agents.proxy.rowCount() == 8
    assert "8 of 24" in board.agents.count.text()


def test_layout_choice_is_remembered(qtbot, board: WallboardScreen, tmp_path: Path) -> None:
    layout = board.layout_prefs
    layout.tiles = ["waiting", "service_level"]
    layout.show_grid = False
    layout.hidden_queues = {"q001"}
    save_layout(board.prefs, layout)
    again = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    assert load_layout(again).tiles == ["waiting", "service_level"]
    assert load_layout(again).show_grid is False
    assert load_layout(again).hidden_queues == {"q001"}
    board.apply_layout(load_layout(again))
    assert not board.tiles.tiles["answered"].isVisible()
    assert not board.agents.isVisible()


def test_role_is_asked_once_live_and_decides_whether_ack_is_offered(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    fake_client.command_replies["whoami"] = (True, {"role": "quality_inspector",
                                                    "permissions": ["view_floor"]})
    bridge = ClientBridge(fake_client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    bridge.start()
    qtbot.waitUntil(lambda: not win.screens["wallboard"].alarms.ack_button.isEnabled())
    assert ("whoami", {}) in fake_client.commands


def test_tile_keeps_its_big_number_when_an_alarm_recolours_it(qtbot, qapp,
                                                              board: WallboardScreen) -> None:
    from console.shell.themes import apply_theme

    apply_theme(qapp, "dark")  # the style sheet's small font is what re-polishing restores
    tile = board.tiles.tiles["answered"]
    qtbot.waitUntil(lambda: tile.value.font().pixelSize() > 20)
    before = tile.value.font().pixelSize()
    tile.set_level("red")
    tile.set_level(None)
    tile.set_stale(True)
    assert tile.value.font().pixelSize() == before


def test_ack_dialog_names_the_queue_and_shows_the_dispatch_plan(qtbot, board: WallboardScreen,
                                                                fake_client: FakeClient) -> None:
    alarm = {"id": "q9", "level": "red", "metric": "waiting", "scope": "queue:q1",
             "value": 12, "threshold": 10, "escalated": True,
             "dispatch_plan": "leaders take calls"}
    queue_name = board.alarms.model.scope_label("queue:q1")
    assert queue_name != "queue:q1"  # the fake floor names its queues
    dialog = board.alarms.dialog_factory(alarm)
    qtbot.addWidget(dialog)
    assert queue_name in dialog.summary.text() and "queue:q1" not in dialog.summary.text()
    assert "escalated" in dialog.summary.text()
    assert "leaders take calls" in dialog.plan.text()


def test_a_4k_wall_scales_all_type_not_just_tiles(qtbot, board: WallboardScreen, qapp) -> None:
    from console.shell.themes import apply_theme, style_sheet, wall_scale

    assert (wall_scale(1080), wall_scale(2160), wall_scale(1440)) == (1.0, 2.0, 1.25)
    apply_theme(qapp, "dark")
    try:
        header_1080 = board.queue_table.horizontalHeader().sectionSize(1)
        board.window().resize(3840, 2160)
        qtbot.waitUntil(lambda: board.window().type_scale == 2.0)
        assert qapp.styleSheet() == style_sheet("dark", 2.0)
        assert "font-size: 30px" in qapp.styleSheet()  # the 15 px body type, doubled
        axis = board.charts.sl.getPlotItem().getAxis("left")
        assert axis.style["tickFont"].pixelSize() == 24
        qtbot.waitUntil(lambda: board.queue_table.horizontalHeader().sectionSize(1)
                        > header_1080)  # number columns refitted to the larger type
        board.window().resize(1920, 1080)
        qtbot.waitUntil(lambda: board.window().type_scale == 1.0)
        assert qapp.styleSheet() == style_sheet("dark")
    finally:
        qapp.setStyleSheet("")
