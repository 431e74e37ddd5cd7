"""Blacklist benchmarks: a 1,000,000-entry look-up per call, and the daemon's end-to-end
events/s with that list loaded vs. an empty one, in one run.

Run with ``.venv/bin/pytest tests/perf/test_blacklist_speed.py -s -m perf``; the figures
are PRINTED. The e2e figure is measured as in test_protocol_throughput.py (the loopback
emulator, large scenario, fast, inside a real server with metrics and alarms, CURVE tcp, to
one client mirror).
"""

from __future__ import annotations

import gc
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import insert

from models.persistence.blacklist import BlacklistRepository
from models.persistence.database import open_database
from models.persistence.schema import BlacklistRow
from switchlink.client import LinkStatus, SwitchlinkClient
from switchlink.storage.blacklist_store import open_blacklist
from switchlink.transport.keys import KeySet, ensure_keys

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from blacklist_bench_server import book_of  # noqa: E402
from test_protocol_throughput import emulator_e2e_rate, free_port_pair  # noqa: E402

pytestmark = pytest.mark.perf
ENTRIES = 1_000_000


def test_lookup_time_with_a_million_entries() -> None:
    t0 = time.perf_counter()
    book = book_of(ENTRIES)
    built = time.perf_counter() - t0
    rng = random.Random(3)
    callers = [str(rng.randrange(13_000_000_000, 19_000_000_000)) for _ in range(1_000_000)]
    listed = [e.number for e in list(book.entries())[:100_000]]
    written = [f"+86 {n[:3]} {n[3:7]} {n[7:]}" for n in listed[:100_000]]
    screen = book.screen
    gc.disable()
    try:
        timings = {}
        for name, numbers in (("miss (canonical caller)", callers), ("hit", listed),
                              ("hit, written +86 …", written)):
            t = time.perf_counter()
            for number in numbers:
                screen(number, 1.0)
            timings[name] = (time.perf_counter() - t) / len(numbers)
    finally:
        gc.enable()
    hits = sum(1 for n in listed[:1000] if screen(n, 1.0) is not None)
    assert hits == 1000 and len(book) == ENTRIES
    print(f"\n[blacklist] {ENTRIES:,} entries built in {built:.1f} s")
    for name, per in timings.items():
        print(f"[blacklist] look-up, {name}: {per * 1e9:,.0f} ns per call")


def test_daemon_start_loads_a_million_stored_entries(tmp_path: Path) -> None:
    """What switchlink does at start (storage/blacklist_store.open_blacklist) on a SQLite file
    holding ENTRIES rows: read them all, build the book, install its screen."""
    db = open_database(f"sqlite:///{tmp_path / 'blacklist.sqlite3'}")
    db.migrate()
    levels, actions = ("normal", "vip"), ("busy", "release", "warn")
    rows = [
        {"number": e.number, "customer_level": levels[i % 2], "blocked_from": 0.0,
         "blocked_until": None if i % 4 else 4e9, "action": actions[i % 3], "reason": "bench",
         "created_by": "bench", "created_at": 0.0, "active": bool(i % 10), "updated_by": ""}
        for i, e in enumerate(book_of(ENTRIES).entries())
    ]
    with db.begin() as s:
        s.execute(insert(BlacklistRow), rows)
    del rows
    gc.collect()
    installed = []
    adapter = SimpleNamespace(now=time.time, set_call_screen=installed.append)
    t0 = time.perf_counter()
    entries = BlacklistRepository(db).all()
    read = time.perf_counter() - t0
    del entries
    gc.collect()
    t0 = time.perf_counter()
    book = open_blacklist(db, adapter)
    loaded = time.perf_counter() - t0
    db.close()
    assert len(book) == ENTRIES and installed == [book.screen]
    print(f"\n[blacklist] daemon start, {ENTRIES:,} stored entries: loaded in {loaded:.1f} s "
          f"(reading the rows alone {read:.1f} s)")


@pytest.fixture
def keys(tmp_path: Path) -> KeySet:
    return ensure_keys(tmp_path / "config")


@pytest.fixture
def cleanup() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for p in procs:
        p.terminate()
        p.wait(30)


def e2e_rate(tmp_path: Path, keys: KeySet, cleanup: list, events: int, entries: int) -> float:
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "blacklist_bench_server.py"), endpoint,
         str(tmp_path / "config"), "large", str(events), "6.0", str(entries)],
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE, text=True,
    )
    cleanup.append(proc)
    assert proc.stdout is not None
    ready = proc.stdout.readline().split()
    assert ready[:1] == ["ready"], ready
    key = f"agent/{ready[1]}"
    c = SwitchlinkClient(endpoint, server_public_key=keys.server_public,
                         client_keys=(keys.client_public, keys.client_secret),
                         signing_key=keys.signing_key, rcvhwm=100_000)
    c.connect()
    try:
        assert c.wait_until(lambda: c.link_status is LinkStatus.LIVE, 60)
        live_at = time.time()
        assert c.wait_until(lambda: c.mirror.get(key, {}).get("reason") == "bench-end", 300)
        end = time.time()
        summary = c.mirror.get("blacklist/summary") or {}
    finally:
        c.close()
    word, start = proc.stdout.readline().split()
    assert word == "start"
    assert summary.get("entries") == entries
    # a flood that began before the client subscribed reaches it as a snapshot, not as events
    assert live_at < float(start), "the emulator started before the client was live"
    return (events + 1) / (end - float(start))


@pytest.mark.timeout(900)
def test_end_to_end_events_per_second_with_the_list_loaded_vs_empty(
    tmp_path: Path, keys: KeySet, cleanup: list
) -> None:
    rates: dict[str, list[float]] = {}
    for _ in range(2):  # interleaved: the shared machine drifts
        # baseline: test_protocol_throughput's server, no blacklist at all
        rates.setdefault("none", []).append(emulator_e2e_rate(tmp_path, keys, cleanup,
                                                              300_000)[0])
        for entries in (0, ENTRIES):
            rates.setdefault(str(entries), []).append(
                e2e_rate(tmp_path, keys, cleanup, 300_000, entries))
    none, empty, loaded = max(rates["none"]), max(rates["0"]), max(rates[str(ENTRIES)])
    print(f"\n[e2e] emulator (large, fast) -> daemon -> client mirror, 300,000 events, best of 2:"
          f" no blacklist (protocol bench) {none:,.0f} events/s, empty list {empty:,.0f} "
          f"events/s, {ENTRIES:,} entries {loaded:,.0f} events/s "
          f"({(loaded / empty - 1) * 100:+.1f} % vs empty); all runs: "
          f"{ {k: [round(r) for r in v] for k, v in rates.items()} }")
