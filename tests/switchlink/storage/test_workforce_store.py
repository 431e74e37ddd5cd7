"""The forecast read from stored intervals off the loop and published with staffing now."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models.persistence.calls import CallRepository
from models.persistence.database import Database, open_database
from models.queues import SkillGroup
from models.records import IntervalStat
from models.workforce import erlang_c_agents_required
from switchlink.engine.staffing import StaffingLive
from switchlink.storage.workforce_store import ForecastFeed, build_forecast

MONDAY_9 = datetime(2026, 3, 16, 9, 0)  # local time, as the daemon's intervals are


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'w.db'}")
    database.migrate()
    yield database
    database.close()


def two_weeks() -> list[IntervalStat]:
    rows = []
    for back in range(1, 15):
        day = MONDAY_9 - timedelta(days=back)
        for offset, offered in ((0, 20), (30, 40), (60, 60)):
            start = (day + timedelta(minutes=offset)).timestamp()
            rows.append(IntervalStat("q", start, offered=offered, answered=offered,
                                     total_handle_s=offered * 180.0))
    return rows


def test_the_feed_reads_the_database_off_the_loop_and_staffing_publishes_it(
        db: Database) -> None:
    CallRepository(db).write_batch([], two_weeks())
    staffing = StaffingLive([SkillGroup("q", "Billing", sl_threshold_s=20, sl_target=0.8)])
    feed = ForecastFeed(db, staffing)
    now = MONDAY_9.timestamp() + 60
    assert feed.tick(now) == []
    feed.join()
    staffing.tick(now, {"metrics/queue/q": {"agents_logged_in": 10}})
    feed.tick(now + 1)  # the loop takes the finished forecast over
    out = staffing.tick(now + 2, {})
    ahead = out["staffing/queue/q"]["ahead"]
    # 09:00, 09:30, 10:00 half hours: 20, 40 and 60 calls at 180 s; then nothing
    assert [(a["offered"], a["aht_s"]) for a in ahead[:3]] == [(20, 180), (40, 180), (60, 180)]
    expected = [erlang_c_agents_required(n / 1800, 180, 20, 0.8) for n in (20, 40, 60)]
    assert [a["required"] for a in ahead] == [*expected, 0] == [4, 7, 9, 0]
    center = out["staffing/center"]
    assert [a["required"] for a in center["ahead"]] == [*expected, 0]
    assert [d["day"] for d in center["days"]] == ["2026-03-16", "2026-03-17", "2026-03-18"]
    assert sum(center["days"][1]["offered"]) == 120
    assert [d["basis"] for d in center["days"]] == ["weekday", "weekday", "weekday"]


def test_a_day_with_no_history_behind_it_says_so(db: Database) -> None:
    """The demo's first day: today had no stored day before it, so the forecast is not "0
    calls" but no forecast at all; tomorrow already has today."""
    staffing = StaffingLive([SkillGroup("q", "Billing", sl_threshold_s=20, sl_target=0.8)])
    feed = ForecastFeed(db, staffing)
    now = MONDAY_9.timestamp() + 60
    feed.tick(now)
    feed.join()
    staffing.tick(now, {"metrics/queue/q": {"agents_logged_in": 10}})
    feed.tick(now + 1)
    days = staffing.tick(now + 2, {})["staffing/center"]["days"]
    assert days[0]["basis"] == "none"


def test_a_forecast_is_rebuilt_once_per_half_hour(db: Database) -> None:
    reads: list[float] = []

    def read(since: float, until: float) -> list[IntervalStat]:
        reads.append(until)
        return []

    feed = ForecastFeed(db, StaffingLive([]), read=read)
    t = MONDAY_9.timestamp()
    for step in range(0, 1800, 30):  # half an hour of ticks
        feed.tick(t + step)
        feed.join()
    assert len(reads) == 1
    feed.tick(t + 1800 + 60)
    feed.join()
    assert len(reads) == 2


def test_a_failed_read_costs_the_forecast_not_the_loop(db: Database,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    def broken(since: float, until: float) -> list[IntervalStat]:
        raise RuntimeError("database gone")

    staffing = StaffingLive([])
    feed = ForecastFeed(db, staffing, read=broken)
    feed.tick(MONDAY_9.timestamp())
    feed.join()
    feed.tick(MONDAY_9.timestamp() + 1)
    assert staffing.forecast == {}
    assert "forecast could not be built" in caplog.text


def test_today_s_busy_morning_lifts_the_next_half_hours() -> None:
    rows = two_weeks()
    # today 07:00–09:00 ran at double the usual 30 calls a half hour
    for back in range(1, 15):
        for h in range(4):
            start = (MONDAY_9 - timedelta(days=back, hours=2) + timedelta(minutes=30 * h))
            rows.append(IntervalStat("q", start.timestamp(), offered=30))
    for h in range(4):
        start = MONDAY_9 - timedelta(hours=2) + timedelta(minutes=30 * h)
        rows.append(IntervalStat("q", start.timestamp(), offered=60))
    ahead, days = build_forecast(rows, MONDAY_9.timestamp() + 60)
    assert [round(s.offered) for s in ahead["q"][:3]] == [40, 80, 120]
    assert days[0]["level"] == 2.0
