"""Issue 10, "wrong on the wall": what a 1080p wall must show readably, offscreen checks.

The real-display checks (time in state moving under Xvfb) are in test_real_display.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import QDate, QDateTime, QRect, QSettings, Qt, QTime

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.models.agent_grid import CELL_ROLE
from console.screens.wallboard.models.alarm_list import PLAN
from console.screens.wallboard.screen import WallboardScreen
from console.shell.window import MainWindow

LONG_PLAN = ("通知值班经理和质检组长；从投诉受理抽调五名坐席支援话费查询，开启排队语音分流，"
             "十分钟后仍未恢复则上报客服中心主任并启动应急预案二级响应")


@pytest.fixture
def wall(qtbot, fake_client: FakeClient, tmp_path: Path) -> MainWindow:
    bridge = ClientBridge(fake_client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    return win


def _screen(win: MainWindow) -> WallboardScreen:
    screen = win.screens["wallboard"]
    assert isinstance(screen, WallboardScreen)
    return screen


def test_dispatch_plan_wraps_in_full_beside_a_wide_escalated_level(
        qtbot, wall: MainWindow, fake_client: FakeClient) -> None:
    """Item 4: "ispatch pla" and a plan cut with … pushed off the right edge."""
    fake_client.push("alarm/b1", {
        "id": "b1", "level": "black", "escalated": True, "acked_by": None, "scope": "queue:q000",
        "metric": "service_level_15m", "value": 0.41, "threshold": 0.7, "raised_at": 1.0e9,
        "state": "active", "dispatch_plan": LONG_PLAN})
    panel = _screen(wall).alarms
    qtbot.waitUntil(lambda: panel.model.row_of("b1") is not None)
    qtbot.wait(50)
    table = panel.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    # the plan column is on screen, at least a third of the table, its title readable
    plan_left = header.sectionViewportPosition(PLAN)
    plan_width = header.sectionSize(PLAN)
    assert plan_left + plan_width <= viewport + 1
    assert plan_width >= viewport // 3
    assert plan_width >= header.fontMetrics().horizontalAdvance("Dispatch plan") + 8
    # the whole plan fits its (wrapped) row: nothing is cut
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("b1"), PLAN)).row()
    needed = table.fontMetrics().boundingRect(
        QRect(0, 0, plan_width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), LONG_PLAN).height()
    assert table.rowHeight(row) >= needed


def test_first_window_takes_most_of_the_screen_then_keeps_its_size(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    """Item 5: the first window was Qt's ~570×715 px in a corner of a 1920×1080 screen."""
    from PySide6.QtWidgets import QApplication

    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ClientBridge(fake_client), prefs)
    qtbot.addWidget(win)
    win.restore_geometry()
    area = QApplication.primaryScreen().availableGeometry()
    assert win.width() >= 0.85 * area.width() and win.height() >= 0.85 * area.height()
    assert area.contains(win.geometry().center())
    win.resize(700, 500)
    win.save_geometry()
    again = MainWindow(ClientBridge(fake_client), prefs)
    qtbot.addWidget(again)
    again.restore_geometry()
    assert (again.width(), again.height()) == (700, 500)  # remembered, as before


def test_a_tile_title_too_long_for_its_tile_ends_in_an_ellipsis_not_cut_both_sides(
        qtbot) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QLabel

    from console.screens.wallboard import floor
    from console.screens.wallboard.widgets.tiles import Tile

    tile = Tile(floor.TILES[2])  # "Service level (15 min)"
    qtbot.addWidget(tile)
    tile.resize(90, 120)
    tile.show()
    title = tile.title
    assert title.is_elided()
    reference = QLabel(alignment=title.alignment())
    qtbot.addWidget(reference)
    reference.setFont(title.font())
    reference.resize(title.size())
    reference.setText(title.fontMetrics().elidedText(
        title.text(), Qt.TextElideMode.ElideRight, title.contentsRect().width()))

    def pixels(label: QLabel) -> QImage:
        image = QImage(label.size(), QImage.Format.Format_ARGB32)
        image.fill(0)
        label.render(image)
        return image

    assert pixels(title) == pixels(reference)


def test_nothing_received_yet_says_so_and_shows_no_figures(
        qtbot, tmp_path: Path) -> None:
    """Item 7: a dead endpoint read "Link lost since …: the figures shown are stale" over
    tiles at 0 / "Normal", as if there had been data."""
    client = FakeClient()
    client.endpoint = "tcp://10.0.0.9:5555"  # type: ignore[attr-defined]
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    bridge.start()
    win.show()
    client.set_link("lost")  # no heartbeat ever: the client gives up the link
    screen = _screen(win)
    qtbot.waitUntil(lambda: screen.stale_banner.status == "lost")
    banner = screen.stale_banner
    assert banner.isVisible()
    assert banner.text() == "Connecting to tcp://10.0.0.9:5555: nothing received yet"
    for tile in screen.tiles.tiles.values():
        assert tile.value.text() == "–", tile.spec.id
        assert tile.level_text.text() == "", tile.spec.id
    # the first snapshot arrives: figures, and the banner goes
    from fakes import sample_floor

    client.resync(sample_floor())
    client.set_link("live")
    qtbot.waitUntil(lambda: screen.tiles.tiles["waiting"].value.text() == "17")
    assert not banner.isVisible()


def _ticked_floor() -> dict[str, dict]:
    """The sample floor plus what the daemon's metrics tick publishes together: one
    ``metrics/agent/<wn>`` per agent and centre counts that agree with them."""
    from fakes import sample_floor

    floor_state = sample_floor(agents=40, queues=4, seed=3)
    counts: dict[str, int] = {}
    for key, agent in list(floor_state.items()):
        if key.startswith("agent/"):
            floor_state["metrics/" + key] = {"work_number": agent["work_number"],
                                             "state": agent["state"],
                                             "state_since": agent["state_since"], "reason": ""}
            counts[agent["state"]] = counts.get(agent["state"], 0) + 1
    center = floor_state["metrics/center"]
    for metric in ("ready", "talking", "after_call_work", "not_ready"):
        center["agents_" + metric] = counts.get(metric, 0)
    return floor_state


def test_grid_legend_and_tiles_show_the_same_tick_while_events_run_ahead(
        qtbot, tmp_path: Path) -> None:
    """Item 2: tiles said talking 19 / ready 5 / ACW 5 / not ready 5 while the grid showed
    20 / 5 / 3 / 6: ``agent/`` keys arrive per event, the centre's counts once a tick."""
    client = FakeClient()
    client.load(_ticked_floor())
    client.set_link("live")
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    screen = _screen(win)
    # events move three ready agents to talking before the next metrics tick
    moved = [k for k, v in client.mirror.items("agent/").items() if v["state"] == "ready"][:3]
    assert len(moved) == 3
    for key in moved:
        client.push(key, dict(client.mirror.get(key) or {}, state="talking"))
    qtbot.wait(100)

    def shown() -> dict[str, int]:
        return {metric: int(screen.tiles.tiles[tile].value.text()) for tile, metric in (
            ("ready", "ready"), ("talking", "talking"), ("acw", "after_call_work"),
            ("not_ready", "not_ready"))}

    grid = screen.agents.counts
    painted: dict[str, int] = {}
    model = screen.agent_model
    for row in range(model.rowCount()):
        state = model.data(model.index(row, 0), CELL_ROLE)[2]
        painted[state] = painted.get(state, 0) + 1
    assert painted == grid
    assert shown() == {s: grid.get(s, 0) for s in shown()}
    # the tick arrives: everything moves together
    center = dict(client.mirror.get("metrics/center") or {})
    center["agents_ready"] -= 3
    center["agents_talking"] += 3
    for key in moved:
        client.push("metrics/" + key, dict(client.mirror.get("metrics/" + key) or {},
                                          state="talking"))
    client.push("metrics/center", center)
    qtbot.waitUntil(lambda: screen.agents.counts.get("talking") == center["agents_talking"])
    assert shown() == {s: screen.agents.counts.get(s, 0) for s in shown()}


def test_per_queue_agent_columns_say_they_count_an_agent_in_each_skill_group(
        wall: MainWindow) -> None:
    from console.screens.wallboard.models.queue_table import READY, TALKING

    model = _screen(wall).queue_model
    for column in (READY, TALKING):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert "counts in each" in tip


def test_chart_day_labels_follow_the_ui_language(qtbot) -> None:
    """Item 8: the Chinese chart axis read the English "Mon 30"."""
    from PySide6.QtWidgets import QApplication

    from console.screens.wallboard.widgets.charts import LocalizedDateAxis
    from console.shell.i18n import Translations

    axis = LocalizedDateAxis()
    monday = QDateTime(QDate(2024, 9, 30), QTime(0, 0)).toSecsSinceEpoch()
    translations = Translations(QApplication.instance())
    try:
        translations.switch("zh_CN")
        # the zoom level pyqtgraph picks for a few days across: ticks "%a %d"
        axis.zoomLevel = next(z for z in axis.zoomLevels.values()
                              if any(s.format == "%a %d" for s in z.tickSpecs))
        spacing = next(s.spacing for s in axis.zoomLevel.tickSpecs if s.format == "%a %d")
        assert axis.tickStrings([monday], 1.0, spacing) == ["30日 周一"]
        translations.switch("en")
        assert axis.tickStrings([monday], 1.0, spacing) == ["Mon 30"]
    finally:
        translations.switch("en")


def test_the_service_level_definition_in_force_is_on_screen(
        qtbot, wall: MainWindow, fake_client: FakeClient) -> None:
    """Item 25: switchlink publishes the definition; the console never showed it."""
    center = dict(fake_client.mirror.get("metrics/center") or {}, sl_definition="offered",
                  sl_threshold_s=20.0, short_abandon_s=5.0,
                  sl_text="answered ≤ 20 s ÷ (offered − abandons < 5 s)")
    fake_client.push("metrics/center", center)
    label = _screen(wall).sl_definition
    qtbot.waitUntil(lambda: "20 s" in label.text())
    assert label.isVisible()
    assert label.text() == "Service level = answered within 20 s ÷ (offered − abandons under 5 s)"
    # a definition this console does not know: switchlink's own words
    fake_client.push("metrics/center", dict(center, sl_definition="site_special",
                                            sl_text="site formula 20 s"))
    qtbot.waitUntil(lambda: label.text() == "Service level = site formula 20 s")


def test_a_grid_hidden_in_the_layout_dialog_stays_hidden_after_a_restart(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    """Building the board checked "Agent grid", which saved ``layout/show_grid = true``."""
    from console.screens.wallboard.prefs import load_layout, save_layout

    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    prefs = Preferences(settings)
    layout = load_layout(prefs)
    layout.show_grid = False
    save_layout(prefs, layout)  # what the layout dialog's OK does
    for _restart in range(2):
        win = MainWindow(ClientBridge(fake_client), Preferences(
            QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)))
        qtbot.addWidget(win)
        screen = _screen(win)
        assert screen.agent_area.isHidden()
        assert not screen.actions_by_name["toggle_grid"].isChecked()
        win.close()
    settings.sync()
    assert load_layout(Preferences(QSettings(str(tmp_path / "console.ini"),
                                             QSettings.Format.IniFormat))).show_grid is False


def test_switch_clock_runs_at_the_emulators_speed_between_reports() -> None:
    """Item 1, second cause: wall time plus a fixed offset fell a minute behind every second
    at speed 60, so recent state changes lay "in the future" and read 0:00."""
    from console.screens.wallboard.screen import SwitchClock, speed_factor

    wall = [100.0]
    clock = SwitchClock(wall=lambda: wall[0])
    clock.follow(50_000.0, speed_factor("x60"))
    wall[0] += 2.0
    assert clock() == pytest.approx(50_120.0)
    # "fast": no factor given, the rate is learnt from two reports
    fast = SwitchClock(wall=lambda: wall[0])
    fast.follow(1_000.0, speed_factor("fast"))
    wall[0] += 1.0
    fast.follow(1_500.0, None)
    wall[0] += 1.0
    assert fast() == pytest.approx(2_000.0)


def test_a_5000_agent_floor_shows_groups_worst_first_and_drills_down(
        qtbot, tmp_path: Path) -> None:
    """Item 6: 48 of 5,000 cells visible, with scrollbars. The wall shows the floor per team
    (agents per state, fewest ready first), one team's cells on demand, queues worst first."""
    from fakes import sample_floor

    from console.screens.wallboard.models.queue_table import NAME

    client = FakeClient()
    state = sample_floor(agents=5000, queues=40, seed=11)
    # queue q007 has a red alarm, q003 is far below target, the rest comfortably above
    for key, record in state.items():
        if key.startswith("metrics/queue/"):
            record["service_level_today"] = 0.95
    state["metrics/queue/q003"]["service_level_today"] = 0.40
    state["alarm/r7"] = {"id": "r7", "level": "red", "scope": "queue:q007", "metric": "waiting",
                         "value": 30, "threshold": 20, "raised_at": 1.0, "state": "active"}
    client.load(state)
    client.set_link("live")
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    screen = _screen(win)
    table = screen.queue_table
    table.resort()
    first = [table.proxy.index(r, NAME).data() for r in range(3)]
    assert first[0].startswith(state["queue/q007"]["name"])  # the red alarm first
    assert first[1].startswith(state["queue/q001"]["name"])  # the sample's yellow alarm
    assert first[2] == state["queue/q003"]["name"]  # then the widest SL gap
    # no 5,000 cells: a choice, and the summary per team
    grid = screen.agents
    assert grid.proxy.rowCount() == 0
    assert "choose a team" in grid.count.text()
    qtbot.waitUntil(lambda: screen.summary.isVisible() and screen.summary.model.rowCount() == 3)
    summary = screen.summary.model
    totals = [int(summary.index(r, 1).data().replace(",", "")) for r in range(3)]
    logged_out = sum(1 for k, v in state.items() if k.startswith("agent/")
                     and v["state"] == "logged_out")
    assert sum(totals) == 5000 - logged_out
    # drill down: click a team, its agents fill the grid
    team = summary.index(0, 0).data()
    screen.summary.table.clicked.emit(summary.index(0, 0))
    expected = sum(1 for k, v in state.items() if k.startswith("agent/") and v["team"] == team)
    assert grid.proxy.rowCount() == expected
    assert grid.count.text() == f"{expected} of 5000 agents"


def test_a_long_alarm_banner_never_widens_the_window_past_the_screen(
        qtbot, wall: MainWindow, fake_client: FakeClient) -> None:
    """Seen on the large scenario under Xvfb: "(+2435 more…)" on one line made the window
    wider than 1920 px and pushed tiles and alarms off the right edge."""
    fake_client.push("alarm/x1", {
        "id": "x1", "level": "black", "escalated": True, "scope": "queue:q000",
        "metric": "service_level_15m", "value": 0.2, "threshold": 0.5, "raised_at": 2.0e9,
        "state": "active", "dispatch_plan": LONG_PLAN * 3})
    screen = _screen(wall)
    qtbot.waitUntil(lambda: screen.alarm_banner.isVisible())
    assert wall.minimumSizeHint().width() <= 1920
    assert screen.alarm_banner.minimumSizeHint().width() < 400
