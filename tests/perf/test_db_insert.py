"""Benchmark: batched call-record inserts on SQLite and PostgreSQL, against the large scenario.

Run: ``.venv/bin/pytest tests/perf/test_db_insert.py -s -p no:cacheprovider``. Prints rows/s
and the rate the ``large`` scenario produces at x10; asserts only correctness, never speed.
"""

from __future__ import annotations

import random
import time
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from models.calls import CallOutcome
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.records import CallRecord, interval_start
from switchlink.storage.call_history import call_record_writer, interval_delta

pytestmark = pytest.mark.perf
ROWS = 20_000
BATCH = 500
SPEEDUP = 10
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def large_scenario_calls_per_s(speedup: int = SPEEDUP) -> float:
    """Peak calls/s of resources/scenarios/large.toml (profiles are calls per half hour)."""
    text = (resources.files("resources") / "scenarios" / "large.toml").read_text("utf-8")
    lines = tomllib.loads(text)["lines"]
    slots = max(len(line["profile"]) for line in lines)
    peak = max(sum(line["profile"][i] for line in lines if i < len(line["profile"]))
               for i in range(slots))
    return peak / 1800 * speedup


def _records(n: int, seed: int = 7) -> list[CallRecord]:
    rng = random.Random(seed)
    t0 = 1_739_998_800.0
    out = []
    for i in range(n):
        arrived = t0 + i * 0.5
        answered = rng.random() < 0.9
        out.append(CallRecord(
            call_id=f"c{i}", caller=f"138{rng.randrange(10**8):08d}", callee="10000",
            queue=f"billing-{rng.randrange(200):03d}", agent=f"{11001 + rng.randrange(5000)}",
            arrived_at=arrived, ivr_at=arrived + 1, queued_at=arrived + 20,
            answered_at=arrived + 30 if answered else None, ended_at=arrived + 200,
            outcome=CallOutcome.ANSWERED if answered else CallOutcome.ABANDONED,
            ivr_trail=["welcome", "billing"],
        ))
    return out


def _url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _url(request, tmp_path)


def test_batched_insert_throughput(url: str) -> None:
    db = open_database(url)
    db.migrate()
    repo = CallRepository(db)
    records = _records(ROWS)
    pairs = [(r, interval_delta(r, 15.0)) for r in records]
    start = time.perf_counter()
    for i in range(0, ROWS, BATCH):
        chunk = pairs[i:i + BATCH]
        repo.write_batch([r for r, _ in chunk], [d for _, d in chunk if d is not None])
    elapsed = time.perf_counter() - start
    need = large_scenario_calls_per_s()
    print(f"\n[db-insert] {db.dialect}: {ROWS} call records in batches of {BATCH}: "
          f"{ROWS / elapsed:,.0f} rows/s ({elapsed:.2f} s); large scenario x{SPEEDUP} peak "
          f"needs {need:,.0f} rows/s -> headroom x{ROWS / elapsed / need:,.1f}")
    assert repo.count() == ROWS
    assert sum(s.offered for s in repo.intervals("billing-000", 0, 2e9)) == sum(
        1 for r in records if r.queue == "billing-000")
    db.close()


def test_writer_keeps_up_with_the_large_scenario_at_x10(url: str) -> None:
    """Feed the writer at the scenario's peak rate for a few seconds; print its queue depth."""
    db = open_database(url)
    db.migrate()
    writer = call_record_writer(db)
    rate = large_scenario_calls_per_s()
    records = _records(int(rate * 4))
    start = time.perf_counter()
    for i, r in enumerate(records):
        due = start + i / rate
        while (now := time.perf_counter()) < due:
            time.sleep(min(0.005, due - now))  # pacing the producer, not waiting on a result
        writer.submit((r, interval_delta(r, 15.0)))
    fed = time.perf_counter() - start
    writer.close()
    drained = time.perf_counter() - start - fed
    stats = writer.stats()
    print(f"\n[db-writer] {db.dialect}: fed {len(records)} records at {rate:,.0f}/s for "
          f"{fed:.1f} s; queue high-water {stats.high_water} of {stats.capacity}, "
          f"{stats.batches} batches, dropped {stats.dropped}, drain after feed {drained:.2f} s")
    assert stats.written == len(records) and stats.dropped == 0
    assert CallRepository(db).count() == len(records)
    assert interval_start(records[0].arrived_at) == records[0].arrived_at
    db.close()
