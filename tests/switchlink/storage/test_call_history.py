"""The recorder turns events into call records; the batch writer stores them durably."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from models.calls import CallOutcome, Direction
from models.events import (
    CallAnswered,
    CallArrived,
    CallEnded,
    CallHeld,
    CallIvrStep,
    CallQueued,
    CallRetrieved,
    CallRinging,
    CallTransferred,
)
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.records import CallRecord, IntervalStat
from switchlink.storage.batch_writer import BatchWriter
from switchlink.storage.call_history import NO_QUEUE, CallRecorder, call_record_writer

T0 = 1_739_998_800.0  # on a half-hour boundary


def _record_all(events: list[object], **kw: object) -> list[tuple[CallRecord, IntervalStat | None]]:
    out: list[tuple[CallRecord, IntervalStat | None]] = []
    rec = CallRecorder(lambda r, d: out.append((r, d)), **kw)  # type: ignore[arg-type]
    for e in events:
        rec.feed(e)  # type: ignore[arg-type]
    assert rec.live_calls == 0
    return out


def test_an_answered_call_becomes_one_record_with_every_timestamp() -> None:
    [(r, d)] = _record_all([
        CallArrived(T0, "c1", "13800000001", "10000", trunk="tr1"),
        CallIvrStep(T0 + 1, "c1", "welcome"), CallIvrStep(T0 + 3, "c1", "billing"),
        CallQueued(T0 + 5, "c1", "billing"), CallRinging(T0 + 9, "c1", "1001"),
        CallAnswered(T0 + 12, "c1", "1001"), CallHeld(T0 + 20, "c1"),
        CallRetrieved(T0 + 30, "c1"), CallTransferred(T0 + 40, "c1", "1001", "1002"),
        CallEnded(T0 + 70, "c1", CallOutcome.ANSWERED),
    ])
    assert (r.caller, r.queue, r.agent, r.trunk) == ("13800000001", "billing", "1002", "tr1")
    assert (r.arrived_at, r.ivr_at, r.queued_at, r.ringing_at, r.answered_at, r.ended_at) == (
        T0, T0 + 1, T0 + 5, T0 + 9, T0 + 12, T0 + 70)
    assert r.ivr_trail == ["welcome", "billing"]
    assert (r.hold_total_s, r.transfers) == (10.0, 1)
    assert d == IntervalStat("billing", T0, offered=1, answered=1, answered_within_threshold=1,
                             total_wait_s=7.0, max_wait_s=7.0, total_handle_s=58.0)


def test_service_level_uses_the_queue_threshold() -> None:
    events = [CallArrived(T0, "c1", "1"), CallQueued(T0, "c1", "vip"),
              CallAnswered(T0 + 12, "c1", "1001"), CallEnded(T0 + 20, "c1", CallOutcome.ANSWERED)]
    [(_, d)] = _record_all(events, sl_thresholds={"vip": 10.0})
    assert d is not None and (d.answered, d.answered_within_threshold) == (1, 0)


def test_blocked_and_abandoned_calls_count_in_their_interval() -> None:
    out = _record_all([
        CallArrived(T0, "b", "13700000000"), CallEnded(T0 + 1, "b", CallOutcome.BLOCKED),
        CallArrived(T0 + 1790, "a", "2"), CallQueued(T0 + 1795, "a", "billing"),
        CallEnded(T0 + 1830, "a", CallOutcome.ABANDONED),
    ])
    blocked, abandoned = (d for _, d in out)
    assert blocked == IntervalStat(NO_QUEUE, T0, offered=1, blocked=1)
    assert abandoned == IntervalStat("billing", T0, offered=1, abandoned=1,
                                     total_wait_s=35.0, max_wait_s=35.0)


def test_outbound_calls_are_recorded_without_interval_counts() -> None:
    [(r, d)] = _record_all([
        CallArrived(T0, "o", "10000", "13800000001", direction=Direction.OUTBOUND,
                    announcement="dunning"),
        CallEnded(T0 + 30, "o", CallOutcome.NO_ANSWER),
    ])
    assert (r.direction, r.outcome, r.announcement, d) == (
        Direction.OUTBOUND, CallOutcome.NO_ANSWER, "dunning", None)


def test_events_for_unknown_calls_are_counted_not_fatal() -> None:
    rec = CallRecorder(lambda r, d: pytest.fail("nothing to record"))
    rec.feed(CallEnded(T0, "ghost", CallOutcome.ANSWERED))
    rec.feed(CallAnswered(T0, "ghost2"))
    assert rec.unknown_events == 2


def test_writer_commits_in_batches_and_flush_waits_for_them() -> None:
    batches: list[list[int]] = []
    writer: BatchWriter[int] = BatchWriter(batches.append, batch_size=4, max_delay_s=0.05)
    for i in range(10):
        assert writer.submit(i)
    assert writer.flush(timeout=10)
    assert sorted(x for b in batches for x in b) == list(range(10))
    assert max(len(b) for b in batches) <= 4
    stats = writer.stats()
    assert (stats.written, stats.dropped, stats.depth) == (10, 0, 0)
    writer.close()


def test_a_full_queue_drops_and_counts_instead_of_blocking() -> None:
    gate = threading.Event()
    writer: BatchWriter[int] = BatchWriter(lambda b: gate.wait(10), batch_size=1,
                                           max_delay_s=0.05, capacity=2)
    results = [writer.submit(i) for i in range(10)]  # the writer is stuck on item 0
    assert results.count(False) >= 7 and writer.stats().dropped == results.count(False)
    gate.set()
    writer.close()


def test_close_drains_what_was_queued() -> None:
    seen: list[int] = []
    writer: BatchWriter[int] = BatchWriter(seen.extend, batch_size=1000, max_delay_s=5.0)
    for i in range(50):
        writer.submit(i)
    writer.close()
    assert seen == list(range(50))
    assert writer.submit(99) is False  # closed


def test_a_batch_that_keeps_failing_is_counted_and_the_writer_goes_on() -> None:
    calls: list[list[int]] = []

    def write(batch: list[int]) -> None:
        calls.append(batch)
        if 13 in batch:
            raise RuntimeError("disk on fire")

    writer: BatchWriter[int] = BatchWriter(write, batch_size=1, max_delay_s=0.01, retries=2)
    writer.submit(13)
    writer.submit(14)
    assert writer.flush(timeout=10)
    stats = writer.stats()
    assert (stats.failed, stats.written) == (1, 1) and calls.count([13]) == 2
    writer.close()


def test_call_record_writer_stores_records_and_intervals(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    db.migrate()
    writer = call_record_writer(db, batch_size=3, max_delay_s=0.05)
    recorder = CallRecorder(lambda r, d: writer.submit((r, d)))
    for i in range(7):
        recorder.feed(CallArrived(T0 + i, f"c{i}", "13800000001"))
        recorder.feed(CallQueued(T0 + i, f"c{i}", "billing"))
        recorder.feed(CallEnded(T0 + i + 5, f"c{i}", CallOutcome.ABANDONED))
    writer.close()
    repo = CallRepository(db)
    assert repo.count() == 7
    [stat] = repo.intervals("billing", T0, T0 + 1800)
    assert (stat.offered, stat.abandoned, stat.total_wait_s) == (7, 7, 35.0)
    db.close()


CHILD = r"""
import sys, time
from models.persistence.database import open_database
from models.records import CallRecord, IntervalStat
from switchlink.storage.call_history import call_record_writer
db = open_database(sys.argv[1]); db.migrate()
out = open(sys.argv[2], "a", buffering=1)
def committed(batch):
    out.write(" ".join(r.call_id for r, _ in batch) + "\n")
writer = call_record_writer(db, on_commit=committed, batch_size=200, max_delay_s=0.02)
i = 0
while True:
    for _ in range(100):
        r = CallRecord(call_id=f"{sys.argv[3]}-{i}", caller="1380000%04d" % (i % 10000),
                       arrived_at=1.74e9 + i, ended_at=1.74e9 + i + 30, queue="q")
        writer.submit((r, IntervalStat("q", 1.74e9, offered=1)))
        i += 1
    time.sleep(0.001)
"""


@pytest.mark.slow
def test_kill_9_while_writing_loses_no_committed_record(tmp_path: Path) -> None:
    url, log = f"sqlite:///{tmp_path / 'calls.db'}", tmp_path / "committed.txt"
    log.touch()
    for run in ("first", "second"):
        child = subprocess.Popen([sys.executable, "-c", CHILD, url, str(log), run],
                                 cwd=Path(__file__).resolve().parents[3])
        try:
            _wait_for(lambda run=run: log.read_text().count(f"{run}-") >= 2000, child)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        db = open_database(url)
        assert db.integrity_check() == []
        committed = {i for line in log.read_text().splitlines() for i in line.split()}
        stored = CallRepository(db).call_ids()
        assert committed <= stored, f"{len(committed - stored)} committed records lost"
        assert any(i.startswith(f"{run}-") for i in stored)  # the second run carried on
        [stat] = CallRepository(db).intervals("q", 1.74e9, 1.74e9 + 1)
        assert stat.offered == len(stored)  # record and interval commit together
        db.close()


def _wait_for(condition: object, child: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert child.poll() is None, f"writer child died with {child.returncode}"
        assert time.monotonic() < deadline, "writer child committed too little in time"
        time.sleep(0.05)
