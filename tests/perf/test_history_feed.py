"""Benchmark: what recording history costs the event loop, and whether the writer keeps up."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from switchlink.adapters.loopback import LoopbackAdapter, load_scenario
from switchlink.storage.history_feed import HistoryFeed, history_writer

START = 1_772_438_400.0
EVENTS = 500_000


@pytest.mark.perf
def test_history_feed_cost_per_event_and_writer_backlog(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'perf.sqlite3'}")
    db.migrate()
    writer = history_writer(db)
    feed = HistoryFeed(writer)
    adapter = LoopbackAdapter(scenario=load_scenario("large"), seed=1, speed="fast", start=START)
    adapter.start()
    count, in_feed = 0, 0.0
    t_all = time.perf_counter()
    while count < EVENTS:
        batch = adapter.poll(max_events=5000)
        if not batch:
            break
        t0 = time.perf_counter()
        feed(batch, None)  # type: ignore[arg-type]
        in_feed += time.perf_counter() - t0
        count += len(batch)
    wall = time.perf_counter() - t_all
    t0 = time.perf_counter()
    assert writer.flush(120)
    drain = time.perf_counter() - t0
    writer.close()
    stats = writer.stats()
    stored = CallRepository(db).count()
    adapter.shutdown()
    db.close()
    print(
        f"\nhistory feed (large scenario, SQLite): {count} events, "
        f"{in_feed / count * 1e6:.2f} µs/event on the event loop; {stats.written} rows in "
        f"{stats.batches} batches, queue high water {stats.high_water}, dropped "
        f"{stats.dropped}; {stats.written / wall:,.0f} rows/s while fed, drain after "
        f"{drain:.2f} s; {stored} call records stored"
    )
    assert stats.failed == 0 and stored > 0
