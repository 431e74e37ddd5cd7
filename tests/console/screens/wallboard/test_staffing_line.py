"""The wall's staffing line (issue 18): Staffed / Needed per queue, coloured when short, and
the strip under the table with the short queues and the forecast — the same figures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from walls import open_wall

from console.screens.wallboard import staffing
from console.screens.wallboard.models.queue_table import NEEDED, READY, STAFFED
from console.screens.wallboard.screen import WallboardScreen
from console.shell.i18n import Translations

NINE = datetime(2026, 3, 16, 9, 0).timestamp()
SHORT = {"name": "话费查询", "required": 14, "available": 11, "ready": 2, "agents_short": 3,
         "required_erlang_a": 13, "patience_s": 130.0, "rate_per_h": 200.0, "aht_s": 180.0,
         "sl_target": 0.8, "sl_threshold_s": 20.0, "note": "",
         "ahead": [{"start": NINE, "offered": 100.0, "required": 14, "aht_s": 180.0},
                   {"start": NINE + 1800, "offered": 80.0, "required": 12, "aht_s": 180.0}]}
CENTER = {"required": 14, "available": 11, "ready": 2, "short_queues": 1, "complete": True,
          "ahead": [{"start": NINE, "offered": 100.0, "required": 14}], "days": []}


@pytest.fixture
def board(qtbot, fake_client: FakeClient, tmp_path: Path) -> WallboardScreen:
    return open_wall(qtbot, fake_client, tmp_path)


def _cell(board: WallboardScreen, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    model = board.queue_model
    return model.data(model.index(model.row_of("q000"), column), role)


def test_before_the_first_minute_the_strip_says_figures_are_coming(
        board: WallboardScreen) -> None:
    assert "once a minute" in board.staffing.now.text()
    assert _cell(board, NEEDED) == "–"


def test_a_short_queue_shows_needed_beside_staffed_in_red_and_in_the_strip(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    fake_client.push("staffing/queue/q000", SHORT)
    fake_client.push("staffing/center", CENTER)
    # the cells read the mirror at once; the strip follows on the frame that carries the keys
    qtbot.waitUntil(lambda: _cell(board, NEEDED) == "14"
                    and "话费查询" in board.staffing.now.text())
    assert _cell(board, STAFFED) == "11"
    assert STAFFED == READY + 1  # beside the agents ready
    assert _cell(board, NEEDED, Qt.ItemDataRole.BackgroundRole) == staffing.SHORT_BG
    tip = _cell(board, NEEDED, Qt.ItemDataRole.ToolTipRole)
    assert "Erlang C: 14 agents for 80% of calls answered within 20 s" in tip
    assert "Short by 3 agents: 11 staffed" in tip
    assert "Erlang A" in tip and "2:10" in tip
    strip = board.staffing.now.text()
    assert "话费查询 −3" in strip and "needed 14 · staffed 11" in strip
    assert "SHORT" not in strip and "font-weight: bold" in board.staffing.now.styleSheet()
    assert "100 calls · 14 agents" in board.staffing.ahead.text()


def test_a_staffed_queue_is_not_coloured_and_the_strip_says_so(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    fake_client.push("staffing/queue/q000", dict(SHORT, available=15, agents_short=-1))
    fake_client.push("staffing/center", dict(CENTER, available=15, short_queues=0))
    qtbot.waitUntil(lambda: _cell(board, STAFFED) == "15" and board.staffing.now.text()
                    .startswith("Every queue staffed to its target"))
    assert _cell(board, NEEDED, Qt.ItemDataRole.BackgroundRole) != staffing.SHORT_BG
    assert board.staffing.now.styleSheet() == ""


def test_queues_staffed_with_shared_agents_but_a_short_centre_says_so_in_red(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    """Each queue counts every agent who has its skill; the centre counts them once."""
    fake_client.push("staffing/queue/q000", dict(SHORT, available=15, agents_short=-1))
    fake_client.push("staffing/center", dict(CENTER, available=9, short_queues=0,
                                             staffed_in_queues=15, agents_short=5))
    qtbot.waitUntil(lambda: "centre is short" in board.staffing.now.text())
    assert board.staffing.now.text().startswith("The centre is short by 5 agents")
    assert "needed 14 · staffed 9" in board.staffing.now.text()
    assert "font-weight: bold" in board.staffing.now.styleSheet()
    assert _cell(board, NEEDED, Qt.ItemDataRole.BackgroundRole) != staffing.SHORT_BG


def test_the_staffing_line_speaks_chinese(qtbot, board: WallboardScreen,
                                          fake_client: FakeClient) -> None:
    fake_client.push("staffing/queue/q000", SHORT)
    fake_client.push("staffing/center", CENTER)
    qtbot.waitUntil(lambda: _cell(board, NEEDED) == "14")
    translations = Translations(QApplication.instance())
    try:
        translations.switch("zh_CN")
        qtbot.waitUntil(lambda: "缺" in board.staffing.now.text())
        model = board.queue_model
        assert model.headerData(NEEDED, Qt.Orientation.Horizontal) == "需配"
        assert "话务量" in board.staffing.ahead.text() or "个来话" in board.staffing.ahead.text()
        assert "Erlang C" in _cell(board, NEEDED, Qt.ItemDataRole.ToolTipRole)
        assert "人" in _cell(board, NEEDED, Qt.ItemDataRole.ToolTipRole)
    finally:
        translations.switch("en")
