"""What an alarm says on the board: the metric's window, escalation, where, and no ghost rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from walls import open_wall

from console.screens.wallboard.models.alarm_list import (
    LEVEL,
    METRIC,
    SCOPE,
    VALUE,
    AlarmListModel,
    metric_label,
)
from console.screens.wallboard.screen import WallboardScreen


@pytest.fixture
def window(qtbot, fake_client: FakeClient, tmp_path: Path) -> WallboardScreen:
    return open_wall(qtbot, fake_client, tmp_path)


def _sl_alarm(aid: str, level: str, **fields: object) -> dict[str, object]:
    return {"id": aid, "rule_id": "center-sl-15m", "level": level, "scope": "center",
            "metric": "service_level_15m", "value": 0.75, "threshold": 0.70,
            "raised_at": 1.0e9, "state": "active", "acked_by": None, "escalated": False,
            "dispatch_plan": "班长上线接听", **fields}


def _cells(model: AlarmListModel, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


@pytest.mark.parametrize(("metric", "label"), [
    ("service_level_15m", "Service level (15 min)"),
    ("abandon_rate_today", "Abandon rate (today)"),
    ("waiting_interval", "Calls waiting (this half hour)"),
    ("waiting", "Calls waiting"),
    ("blocked_today", "Blocked today"),
])
def test_metric_labels_name_the_window(qapp, metric: str, label: str) -> None:
    assert metric_label(metric) == label


def test_sl_and_abandon_tiles_show_the_15_minute_window_the_rules_watch(
        window: WallboardScreen) -> None:
    sl, abandon = window.tiles.tiles["service_level"], window.tiles.tiles["abandon_rate"]
    assert sl.title.text() == "Service level (15 min)"
    assert (sl.value.text(), sl.sub.text()) == ("78%", "Today 81%")
    assert abandon.title.text() == "Abandon rate (15 min)"
    assert abandon.sub.text() == "Today 4%"
    assert not window.tiles.tiles["waiting"].sub.isVisibleTo(window)


def test_escalated_alarm_says_so_in_the_list_and_the_banner(qtbot, window: WallboardScreen,
                                                           fake_client: FakeClient) -> None:
    fake_client.push("alarm/e1", _sl_alarm("e1", "black", escalated=True, threshold=0.5))
    qtbot.waitUntil(lambda: window.alarm_model.row_of("e1") is not None)
    row = window.alarm_model.row_of("e1")
    assert window.alarm_model.data(window.alarm_model.index(row, LEVEL)) == \
        "Black\n(escalated, not acknowledged)"
    assert window.alarm_banner.text().startswith(
        "Black alarm (escalated, not acknowledged): Service level (15 min) 75% (threshold 50%)")
    fake_client.push("alarm/e1", _sl_alarm("e1", "black", escalated=True, threshold=0.5,
                                           acked_by="zhang"))
    qtbot.waitUntil(lambda: window.alarm_model.data(
        window.alarm_model.index(row, LEVEL)) == "Black\n(escalated)")


def test_alarm_value_republished_live_updates_the_row(qtbot, window: WallboardScreen,
                                                      fake_client: FakeClient) -> None:
    fake_client.push("alarm/e1", _sl_alarm("e1", "red"))
    qtbot.waitUntil(lambda: window.alarm_model.row_of("e1") is not None)
    fake_client.push("alarm/e1", _sl_alarm("e1", "red", value=0.66))
    row = window.alarm_model.row_of("e1")
    qtbot.waitUntil(lambda: window.alarm_model.data(window.alarm_model.index(row, VALUE))
                    == "66%")


def test_tile_coloured_by_a_queue_alarm_names_the_queue(window: WallboardScreen) -> None:
    # sample floor: a2 is a yellow service_level_15m alarm on queue q001 (故障报修)
    sl = window.tiles.tiles["service_level"]
    assert sl.property("level") == "yellow"
    # the queue's name and the alarm's own value: the big number is the centre's
    assert sl.level_text.text() == "Yellow alarm · 故障报修 79%"
    assert window.tiles.tiles["waiting"].level_text.text() == "Red alarm"  # center-wide


def _longest_waits(fake_client: FakeClient, now: float) -> None:
    """q002 (投诉受理) holds the centre's longest wait, 1:06; q001 (故障报修) waits 0:30."""
    for qid, wait in (("q000", 20.0), ("q001", 30.0), ("q002", 66.0), ("q003", 5.0)):
        record = dict(fake_client.mirror.get("metrics/queue/" + qid) or {},
                      longest_wait_s=wait)
        fake_client.push("metrics/queue/" + qid, record)
    fake_client.push("metrics/center", dict(fake_client.mirror.get("metrics/center") or {},
                                            longest_wait_s=66.0, at=now))


def _wait_alarm(aid: str, level: str, qid: str, value: float, now: float) -> dict[str, object]:
    return {"id": aid, "level": level, "scope": f"queue:{qid}", "metric": "longest_wait_s",
            "value": value, "threshold": 25.0, "raised_at": now, "state": "active"}


def test_longest_wait_caption_never_names_another_queue_as_the_shown_value(
        qtbot, window: WallboardScreen, fake_client: FakeClient) -> None:
    """Issue 10 item 3: 1:21 (故障报修02) was captioned "Yellow alarm · 话费查询02 0:21"."""
    now = 1_000_000.0
    _longest_waits(fake_client, now)
    fake_client.push("alarm/w7", _wait_alarm("w7", "yellow", "q001", 30.0, now))
    tile = window.tiles.tiles["longest_wait"]
    qtbot.waitUntil(lambda: "(worse:" in tile.level_text.text())
    assert tile.value.text() == "1:06"
    assert tile.sub.text() == "in 投诉受理"  # q002 holds the 1:06
    # 投诉受理 has no alarm of its own: not coloured by, nor captioned as, 故障报修's yellow
    assert tile.level is None
    assert tile.level_text.text() == "Normal (worse: 故障报修 Yellow)"


def test_longest_wait_caption_gives_the_shown_queues_own_alarm_and_a_worse_one(
        qtbot, window: WallboardScreen, fake_client: FakeClient) -> None:
    now = 1_000_000.0
    _longest_waits(fake_client, now)
    fake_client.push("alarm/w2", _wait_alarm("w2", "yellow", "q002", 66.0, now))
    tile = window.tiles.tiles["longest_wait"]
    qtbot.waitUntil(lambda: tile.level == "yellow")
    assert tile.level_text.text() == "Yellow alarm · 投诉受理"
    fake_client.push("alarm/w7", _wait_alarm("w7", "red", "q001", 30.0, now))
    qtbot.waitUntil(lambda: "(worse:" in tile.level_text.text())
    assert tile.level == "yellow"  # the colour is the shown value's, like the words
    assert tile.level_text.text() == "Yellow alarm · 投诉受理 (worse: 故障报修 Red)"


def test_cleared_alarm_never_shows_as_an_empty_row_between_frames(
        qtbot, window: WallboardScreen, fake_client: FakeClient) -> None:
    """The client applies deltas between frames; a row must not read the mirror's gap."""
    bridge = window.bridge
    bridge.stop()  # drive drain/flush by hand: the gap between them is the bug's window
    for i in range(3):
        fake_client.push(f"alarm/x{i}", _sl_alarm(f"x{i}", "orange", scope=f"queue:q00{i}"))
    bridge.drain()
    bridge.flush()
    assert window.alarm_model.rowCount() == 5
    assert "(+4 more)" in window.alarm_banner.text()
    for i in range(3):
        fake_client.push(f"alarm/x{i}", None)
    bridge.drain()  # the mirror lost them; the frame has not come yet
    window.alarms.table.viewport().repaint()
    model = window.alarms.proxy
    levels = [model.data(model.index(r, LEVEL)) for r in range(model.rowCount())]
    scopes = [model.data(model.index(r, SCOPE)) for r in range(model.rowCount())]
    assert "" not in levels and all(levels)
    assert scopes.count("Whole center") == 1  # only a1 is center-wide
    assert "(+4 more)" in window.alarm_banner.text()  # banner and list agree on one frame
    bridge.flush()
    assert sorted(window.alarm_model.ids()) == ["a1", "a2"]
    assert _cells(window.alarm_model, METRIC) == ["Calls waiting", "Service level (15 min)"]
    assert "(+1 more)" in window.alarm_banner.text()
