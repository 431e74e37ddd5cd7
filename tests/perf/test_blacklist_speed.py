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

import pytest

from switchlink.client import LinkStatus, SwitchlinkClient
from switchlink.transport.keys import KeySet, ensure_keys

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from blacklist_bench_server import book_of  # noqa: E402
from test_protocol_throughput import free_port_pair  # noqa: E402

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
        assert c.wait_until(lambda: c.mirror.get(key, {}).get("reason") == "bench-end", 300)
        end = time.time()
        summary = c.mirror.get("blacklist/summary") or {}
    finally:
        c.close()
    word, start = proc.stdout.readline().split()
    assert word == "start"
    assert summary.get("entries") == entries
    return (events + 1) / (end - float(start))


@pytest.mark.timeout(900)
def test_end_to_end_events_per_second_with_the_list_loaded_vs_empty(
    tmp_path: Path, keys: KeySet, cleanup: list
) -> None:
    rates = {}
    for entries in (0, ENTRIES, 0, ENTRIES):  # interleaved: the shared machine drifts
        rates.setdefault(entries, []).append(e2e_rate(tmp_path, keys, cleanup, 300_000, entries))
    empty, loaded = max(rates[0]), max(rates[ENTRIES])
    print(f"\n[e2e] emulator (large, fast) -> daemon -> client mirror, 300,000 events, best of 2:"
          f" empty list {empty:,.0f} events/s, {ENTRIES:,} entries {loaded:,.0f} events/s "
          f"({(loaded / empty - 1) * 100:+.1f} %); all runs: {rates}")
