"""The Blocked today tile carries the warned callers (connected with a harasser warning) on
its second line, from the same metrics/center frame as its big number (issue 13)."""

from __future__ import annotations

from console.screens.wallboard.widgets.tiles import TileBoard


def test_blocked_tile_shows_warned_today_under_blocked_today(qtbot) -> None:
    board = TileBoard()
    qtbot.addWidget(board)
    board.update_values({"blocked_today": 12, "warned_today": 3}, {})
    tile = board.tiles["blocked"]
    assert (tile.title.text(), tile.value.text(), tile.sub.text()) == (
        "Blocked today", "12", "Warned 3")
    assert tile.sub.isVisibleTo(board)
    board.update_values({"blocked_today": 12, "warned_today": 4}, {})
    assert tile.sub.text() == "Warned 4"
