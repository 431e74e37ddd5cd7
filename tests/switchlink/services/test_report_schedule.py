"""The report desk's schedule on the switch clock: on the hour the last hour, after midnight
the day (on Monday the week, on the 1st the month), again an hour later; a restart catches up
the periods it missed that have history."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from models.calls import CallOutcome
from models.persistence.calls import CallRepository
from models.persistence.database import Database, open_database
from models.persistence.reports import ReportRepository
from models.records import CallRecord
from switchlink.services.reports.desk import ReportDesk

pytestmark = pytest.mark.slow


def at(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()  # the daemon's local zone, as it runs


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    database.migrate()
    yield database
    database.close()


def _call(cid: str, queued: str) -> CallRecord:
    t = at(queued)
    return CallRecord(call_id=cid, caller="1", queue="billing", agent="1001", arrived_at=t,
                      queued_at=t, answered_at=t + 4, ended_at=t + 100,
                      outcome=CallOutcome.ANSWERED)


def _stored(db: Database) -> dict[tuple[str, str], str]:
    return {(r.kind, r.period_key): r.generated_by for r in ReportRepository(db).list(limit=500)}


def test_periods_are_made_as_the_switch_clock_passes_them(db: Database) -> None:
    # Sunday 31 May 2026 (the day, the week and the month end at the same midnight)
    CallRepository(db).write_batch([_call("a", "2026-05-31T09:10"),
                                    _call("b", "2026-05-31T22:40")])
    desk = ReportDesk(db)
    try:
        desk.tick(at("2026-05-31T10:06"))  # the first tick: catch up what has history
        desk.wait(30)
        assert _stored(db) == {("hourly", "2026-05-31T09"): "schedule"}
        desk.tick(at("2026-05-31T11:04"))  # 10:00-11:00 is not due before 11:05
        desk.wait(30)
        assert ("hourly", "2026-05-31T10") not in _stored(db)
        desk.tick(at("2026-06-01T00:06"))  # a jump (a fast emulator): every period is made
        desk.wait(30)
        stored = _stored(db)
        assert {f"2026-05-31T{h:02d}" for h in range(9, 24)} <= {
            key for kind, key in stored if kind == "hourly"}
        assert {("daily", "2026-05-31"), ("weekly", "2026-W22"), ("monthly", "2026-05")} <= set(
            stored)
        day = ReportRepository(db).get("daily", at("2026-05-31T00:00"))
        assert day is not None and day.figures["centre"]["offered"] == 2
        first = day.generated_at
        # a call still going at midnight lands later; the final pass an hour on includes it
        CallRepository(db).write_batch([_call("c", "2026-05-31T23:59")])
        desk.tick(at("2026-06-01T01:06"))
        desk.wait(30)
        again = ReportRepository(db).get("daily", at("2026-05-31T00:00"))
        assert again is not None and again.generated_at > first
        assert again.figures["centre"]["offered"] == 3
        assert again.id == day.id  # a console showing it by id still finds it
    finally:
        desk.close()


def test_a_restart_catches_up_the_periods_it_missed(db: Database) -> None:
    CallRepository(db).write_batch([_call("a", "2026-05-30T09:10")])
    desk = ReportDesk(db)
    desk.tick(at("2026-05-30T10:06"))
    desk.wait(30)
    desk.close()
    # down for a day; calls of the next day arrived meanwhile (another writer, a restore)
    CallRepository(db).write_batch([_call("b", "2026-05-31T15:20")])
    desk = ReportDesk(db)
    try:
        desk.tick(at("2026-06-01T08:06"))
        desk.wait(60)
        stored = _stored(db)
        assert ("hourly", "2026-05-31T15") in stored  # missed while down, it had history
        assert ("daily", "2026-05-30") in stored and ("daily", "2026-05-31") in stored
        assert ("hourly", "2026-05-31T03") not in stored  # no history: nothing to report
    finally:
        desk.close()


def test_stopping_does_not_wait_for_a_long_report(db: Database) -> None:
    """A SIGTERM while a month is being computed (seen: 36 s under load) stops within the
    timeout, and the half-made report is not stored."""
    import time as clock

    CallRepository(db).write_batch([_call("a", "2026-05-31T09:10")])
    desk = ReportDesk(db)
    slow = desk.compute

    def compute(period):  # type: ignore[no-untyped-def]
        clock.sleep(3.0)
        return slow(period)

    desk.compute = compute  # type: ignore[method-assign]
    desk.tick(at("2026-05-31T10:06"))  # the catch-up starts on the worker
    clock.sleep(0.3)
    started = clock.monotonic()
    desk.close(timeout_s=0.5)
    assert clock.monotonic() - started < 2.0
    clock.sleep(3.5)  # the worker finishes its computation ...
    assert _stored(db) == {}  # ... and stores nothing
    # ... and computes no further period of the catch-up (hundreds of hours: the worker
    # thread held a finished test run's exit for minutes, as it would hold the daemon's)
    for thread in threading.enumerate():
        if thread.name.startswith("switchlink-reports"):
            thread.join(timeout=5.0)
            assert not thread.is_alive(), "the report worker still runs after close"
