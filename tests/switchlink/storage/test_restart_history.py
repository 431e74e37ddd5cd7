"""Restarting the real daemon on the same database never writes the emulated day twice.

The daemon runs the emulator at 1,200x on a fixed simulated day, is killed with SIGKILL
mid-day, restarted on the same database, and stopped. What is stored must be exactly what a
single uninterrupted run writes up to the same simulated moment: the same call ids (none
twice), the same records and the same half-hour sums (issue 11 item 16).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from scripted_switch import free_port_pair
from sqlalchemy import func, select

from models.persistence.calls import CallRepository, merge_deltas
from models.persistence.database import Database, open_database
from models.persistence.schema import CallRecordRow, IntervalStatRow
from models.records import CallRecord, IntervalStat
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.storage.call_history import CallRecorder
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[3]
SCENARIO, SEED, START, SPEED = "small", 7, "2026-03-02T08:00", "1200"
SUMMED = ("offered", "answered", "abandoned", "answered_within_threshold", "busy", "blocked")
TIMED = ("total_wait_s", "total_handle_s", "max_wait_s")

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'history.db'}"
    return str(request.getfixturevalue("postgres_url"))


def spawn(tmp: Path, db_url: str) -> subprocess.Popen[str]:
    config = tmp / "switchlink.toml"
    config.write_text(f'[adapter_options]\nstart = "{START}"\nseed = {SEED}\n', "utf-8")
    env = dict(os.environ, CALLFLOOR_CONFIG_DIR=str(tmp / "config"),
               CALLFLOOR_DATA_DIR=str(tmp / "data"), CALLFLOOR_ADMIN_PASSWORD="pw-restart-1",
               PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "switchlink", "--config", str(config),
         "--scenario", SCENARIO, "--speed", SPEED, "--db", db_url,
         "--endpoint", f"tcp://127.0.0.1:{free_port_pair()}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def stored_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(CallRecordRow)) or 0)


def run_until_stored(tmp: Path, db_url: str, db: Database, more: int) -> subprocess.Popen[str]:
    """Start the daemon and let it run until ``more`` calls were added to history."""
    target = stored_count(db) + more
    proc = spawn(tmp, db_url)
    deadline = time.monotonic() + 60
    while stored_count(db) < target:
        if proc.poll() is not None:
            pytest.fail(f"switchlink exited {proc.returncode}: {proc.communicate()[1][-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"no {more} calls stored within 60 s")
        time.sleep(0.1)
    return proc


def uninterrupted(until: float) -> tuple[list[CallRecord], list[IntervalStat]]:
    """The calls (and half-hour sums) one run without a restart stores up to ``until``."""
    adapter = LoopbackAdapter(scenario=SCENARIO, seed=SEED, start=START, speed="fast")
    inventory = adapter.start()
    thresholds = {q.id: q.sl_threshold_s for q in inventory.queues}
    records: list[CallRecord] = []
    deltas: list[IntervalStat] = []

    def sink(record: CallRecord, delta: IntervalStat | None) -> None:
        records.append(record)
        if delta is not None:
            deltas.append(delta)

    recorder = CallRecorder(sink, thresholds)
    for event in adapter.advance(until - adapter.now()):
        recorder.feed(event)
    return records, merge_deltas(deltas)


def test_a_killed_and_restarted_daemon_stores_the_day_once(tmp_path: Path, db_url: str) -> None:
    ensure_keys(tmp_path / "config")
    db = open_database(db_url)
    db.migrate()
    try:
        first = run_until_stored(tmp_path, db_url, db, 60)
        first.send_signal(signal.SIGKILL)  # no flush, no goodbye
        first.communicate(timeout=10)
        after_kill = stored_count(db)
        second = run_until_stored(tmp_path, db_url, db, 60)
        second.send_signal(signal.SIGTERM)
        _, err = second.communicate(timeout=30)
        assert second.returncode == 0, err[-2000:]

        with db.read() as s:
            rows = s.execute(select(CallRecordRow.call_id)).scalars().all()
            stored_stats = {(r.queue, r.start): r for r in s.scalars(select(IntervalStatRow))}
        twice = [c for c, n in Counter(rows).items() if n > 1]
        assert not twice, f"{len(twice)} calls stored twice, e.g. {twice[:5]}"
        assert len(rows) >= after_kill + 60

        stored = CallRepository(db).search(limit=10_000)
        until = max(r.ended_at for r in stored)  # type: ignore[type-var]
        expected, expected_stats = uninterrupted(until)

        def key(r: CallRecord) -> tuple:
            return (r.call_id, r.arrived_at, r.ended_at, str(r.outcome), r.queue, r.agent)

        assert sorted(map(key, stored)) == sorted(map(key, expected))
        assert set(stored_stats) == {(d.queue, d.start) for d in expected_stats}
        for d in expected_stats:
            row = stored_stats[(d.queue, d.start)]
            assert [getattr(row, f) for f in SUMMED] == [getattr(d, f) for f in SUMMED], d
            for f in TIMED:
                assert getattr(row, f) == pytest.approx(getattr(d, f)), (f, d)
        assert "continuing the day" in err, err[-2000:]  # said in the daemon's log
    finally:
        db.close()
