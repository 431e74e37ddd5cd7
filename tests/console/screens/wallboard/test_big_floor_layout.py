"""Issue 10 item 6 as seen on a real 1080p display (Xvfb, large scenario): tiles took the height
(5 queue rows), team names were cut ("team-1…"), the agent bar made the window 2,380 px wide,
and the empty alarm list cut its own titles ("knowledged"). Checked here offscreen with the
wall's style sheet; the screenshots in the closing note are from the real display."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeClient, sample_floor
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.models.alarm_list import PLAN
from console.screens.wallboard.screen import WallboardScreen
from console.shell.i18n import Translations
from console.shell.themes import apply_theme
from console.shell.window import MainWindow


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[Translations]:
    """The dark wall theme (its type sizes decide what fits); English or Chinese."""
    apply_theme(qapp, "dark")
    tr = Translations(qapp)
    yield tr
    tr.switch("en")
    qapp.setStyleSheet("")


def _floor(agents: int, queues: int) -> dict[str, dict]:
    """The sample floor with teams of ~25 named like the large scenario's (team-1-01 …)."""
    state = sample_floor(agents=agents, queues=queues, seed=5)
    for key, agent in state.items():
        if key.startswith("agent/"):
            n = int(agent["work_number"]) - 1001
            agent["team"] = f"team-{n // 25 % 4 + 1}-{n // 100 + 1:02d}"
    return state


def _wall(qtbot, tmp_path: Path, state: dict[str, dict], lang: str = "en") -> WallboardScreen:
    client = FakeClient()
    client.load(state)
    client.set_link("live")
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs, language=lang)
    qtbot.addWidget(win)
    win.resize(1728, 972)  # the first window on a 1920×1080 screen (90 %)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    screen = win.screens["wallboard"]
    assert isinstance(screen, WallboardScreen)
    screen._refresh_floor_summary()  # the once-a-second pass that switches to the big floor
    qtbot.wait(50)
    return screen


@pytest.mark.parametrize(("agents", "queues"), [(5000, 200), (480, 40)])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_big_floor_on_a_1080p_wall_shows_the_worst_queues_and_every_team_name(
        qtbot, tmp_path: Path, styled: Translations, agents: int, queues: int,
        lang: str) -> None:
    styled.switch(lang)
    screen = _wall(qtbot, tmp_path, _floor(agents, queues), lang)
    win = screen.window()
    # nothing sets the window wider than the screen (the agent bar made it 2,380 px)
    assert win.minimumSizeHint().width() <= 1920
    assert win.width() <= 1920
    # the worst queues: at least 12 whole rows (5 were visible)
    table = screen.queue_table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows >= 12, rows
    # the tiles in one row, still all shown
    tops = {tile.y() for tile in screen.tiles.tiles.values() if tile.isVisible()}
    assert len(tops) == 1
    # the summary per team takes the width while no team is chosen, with whole names
    summary = screen.summary
    assert summary.isVisible() and not screen.agents.isVisible()
    assert summary.width() >= 0.9 * screen.width()
    names = [summary.model.index(r, 0).data() for r in range(summary.model.rowCount())]
    widest = max(summary.table.fontMetrics().horizontalAdvance(n) for n in names)
    assert summary.table.columnWidth(0) >= widest + 6  # its text and the cell margins
    shown = summary.table.viewport().height() // summary.table.rowHeight(0)
    assert shown >= 5, shown
    # drill down: the chosen team's cells come back beside the summary
    summary.table.clicked.emit(summary.model.index(0, 0))
    qtbot.waitUntil(lambda: screen.agents.isVisible())
    assert screen.agents.proxy.rowCount() > 0


def test_a_small_floor_keeps_two_rows_of_big_tiles_and_its_grid(
        qtbot, tmp_path: Path, styled: Translations) -> None:
    screen = _wall(qtbot, tmp_path, _floor(60, 5))
    assert not screen.big_floor and not screen.summary.isVisible()
    assert screen.agents.isVisible() and screen.agents.proxy.rowCount() == 60
    tops = {tile.y() for tile in screen.tiles.tiles.values() if tile.isVisible()}
    assert len(tops) == 2


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("alarms", [False, True])
def test_every_alarm_column_title_fits_its_column(
        qtbot, tmp_path: Path, styled: Translations, lang: str, alarms: bool) -> None:
    """"Level" and "Acknowledged by" were cut in the empty alarm list on a 1080p wall."""
    styled.switch(lang)
    state = _floor(5000, 200)
    if not alarms:
        state = {k: v for k, v in state.items() if not k.startswith("alarm/")}
    screen = _wall(qtbot, tmp_path, state, lang)
    table = screen.alarms.table
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for column in range(PLAN + 1):
        if header.isSectionHidden(column):
            continue
        title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        needed = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 8
        if column == header.sortIndicatorSection():
            needed += 12  # the sort arrow beside it
        assert header.sectionSize(column) >= needed, (column, title)
        # a two-line title gets a header tall enough for both lines
        lines = title.count("\n") + 1
        assert header.height() >= lines * metrics.height()
    assert not table.horizontalScrollBar().isVisible()
    plan_right = header.sectionViewportPosition(PLAN) + header.sectionSize(PLAN)
    assert plan_right <= table.viewport().width() + 1


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_word_of_an_escalated_alarm_level_is_cut(
        qtbot, tmp_path: Path, styled: Translations, lang: str) -> None:
    """Large scenario on Xvfb: "Black (escalate… not acknowle…" in a column as wide as its
    title: the words of a cell may wrap, never lose their ends."""
    styled.switch(lang)
    state = _floor(5000, 200)
    state["alarm/b9"] = {
        "id": "b9", "level": "black", "escalated": True, "acked_by": None, "scope": "center",
        "metric": "service_level_15m", "value": 0.61, "threshold": 0.5, "raised_at": 2.0e9,
        "state": "active", "dispatch_plan": "启动应急预案：通知中心主任，启用备用座席和溢出队列"}
    state["alarm/a2"]["acked_by"] = "zhang"  # the "Acknowledged by" column shows too
    screen = _wall(qtbot, tmp_path, state, lang)
    table = screen.alarms.table
    qtbot.waitUntil(lambda: screen.alarms.proxy.rowCount() == 3)
    screen.alarms.fit_columns()
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    plan_title = str(table.model().headerData(PLAN, Qt.Orientation.Horizontal))
    # seen under Xvfb: "Dispatch pla" once the long words had taken the width
    assert header.sectionSize(PLAN) >= QFontMetrics(bold).horizontalAdvance(plan_title) + 8
    for row in range(screen.alarms.proxy.rowCount()):
        for column in range(PLAN):
            text = screen.alarms.proxy.index(row, column).data()
            for word in str(text or "").split():
                if any(ch >= "\u2e80" for ch in word):
                    continue  # Chinese wraps between any two characters
                assert metrics.horizontalAdvance(word) + 6 <= table.columnWidth(column), \
                    (row, column, word)


def test_the_acknowledged_by_column_shows_only_once_someone_acknowledged(
        qtbot, tmp_path: Path, styled: Translations) -> None:
    """Default floor, English, on Xvfb: the empty "Acknowledged by" column left the plan a
    narrow strip, and the escalated alarm's plan wrapped into a row taller than the list."""
    from console.screens.wallboard.models.alarm_list import ACKED

    state = _floor(60, 5)
    state["alarm/a1"]["dispatch_plan"] = "启动应急预案：通知中心主任，启用备用座席和溢出队列，" \
        "IVR 引导自助服务。Emergency plan: center head told, standby seats and overflow on."
    screen = _wall(qtbot, tmp_path, state)
    panel = screen.alarms
    header = panel.table.horizontalHeader()
    assert header.isSectionHidden(ACKED)
    assert header.sectionSize(PLAN) >= panel.table.viewport().width() // 3
    acked = dict(state["alarm/a2"], acked_by="zhang")
    screen.bridge.client.push("alarm/a2", acked)
    qtbot.waitUntil(lambda: not header.isSectionHidden(ACKED))
    assert header.sectionSize(ACKED) > 0


def test_a_flood_of_metrics_ticks_redraws_the_charts_twice_a_second_ending_on_the_newest(
        qtbot, tmp_path: Path) -> None:
    """Console load benchmark: centre ticks in every frame redrew pyqtgraph up to 10 times a
    second (421 redraws in 60 s against 59) and the longest GUI stall went 165 → 369 ms."""
    import time

    state = _floor(5000, 200)
    screen = _wall(qtbot, tmp_path, state)
    client = screen.bridge.client
    before = screen.charts.redraws
    started = time.monotonic()
    for waiting in range(20):  # a tick every 50 ms for a second
        client.push("metrics/center", dict(client.mirror.get("metrics/center") or {},
                                           waiting=waiting, at=time.time()))
        qtbot.wait(50)
    elapsed = time.monotonic() - started
    assert screen.charts.redraws - before <= elapsed / 0.5 + 2
    # the chart still ends on the value the tile shows, once the last redraw is due
    qtbot.waitUntil(lambda: screen.charts.waiting_curve.getData()[1] is not None
                    and screen.charts.waiting_curve.getData()[1][-1] == 19, timeout=5000)
    assert screen.tiles.tiles["waiting"].value.text() == "19"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_queue_table_fits_a_1080p_wall_with_whole_queue_names(
        qtbot, tmp_path: Path, styled: Translations, lang: str) -> None:
    """Default floor, English, on Xvfb: fourteen columns needed a horizontal scroll bar and
    every queue name read "…". A fresh wall shows the columns that fit; the rest are one
    right-click away."""
    from console.screens.wallboard.models.queue_table import NAME

    state = _floor(60, 5)
    screen = _wall(qtbot, tmp_path, state, lang)
    table = screen.queue_table
    screen.queue_table.fit_columns()
    qtbot.wait(50)
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    names = [str(table.proxy.index(r, NAME).data()) for r in range(table.proxy.rowCount())]
    assert any(" · " in n for n in names)  # a row that names its alarm level too (the widest)
    for text in names:
        assert metrics.horizontalAdvance(text) + 6 <= table.columnWidth(NAME), (text, lang)
    for column in range(1, table.proxy.columnCount()):
        if table.isColumnHidden(column):
            continue
        title = str(table.proxy.headerData(column, Qt.Orientation.Horizontal))
        assert metrics.horizontalAdvance(title) <= table.columnWidth(column), title


def test_the_header_menu_chooses_the_queue_columns_and_the_wall_keeps_them(
        qtbot, tmp_path: Path, styled: Translations) -> None:
    from console.screens.wallboard.models.queue_table import COLUMN_KEYS, TALKING
    from console.screens.wallboard.prefs import load_layout

    screen = _wall(qtbot, tmp_path, _floor(60, 5))
    table = screen.queue_table
    assert table.isColumnHidden(TALKING)  # not on a fresh wall
    menu = table.column_menu()
    talking = next(a for a in menu.actions() if a.data() == COLUMN_KEYS[TALKING])
    assert not talking.isChecked() and talking.text() == "Talking"
    talking.setChecked(True)
    assert not table.isColumnHidden(TALKING)
    assert COLUMN_KEYS[TALKING] not in load_layout(screen.prefs).hidden_columns
    waiting = next(a for a in table.column_menu().actions() if a.data() == "waiting")
    waiting.setChecked(False)
    assert table.isColumnHidden(1)
    assert load_layout(screen.prefs).hidden_columns == {"offered_today", "answered_today",
                                                        "waiting"}
    # the layout dialog keeps the choice it does not show
    from console.screens.wallboard.settings_dialog import SettingsDialog

    dialog = SettingsDialog(screen.layout_prefs, {"q1": "q1"}, screen)
    assert "waiting" in dialog.result_layout().hidden_columns
