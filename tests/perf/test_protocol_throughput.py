"""Protocol benchmarks: serialisation, raw PUB/SUB vs end-to-end, snapshot time, 20 clients.

Run with ``.venv/bin/pytest tests/perf/test_protocol_throughput.py -s -m perf``; every test
PRINTS its figures. Assertions only check that the runs completed and stayed consistent.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import msgpack
import pytest
import zmq

from switchlink.client import LinkStatus, SwitchlinkClient
from switchlink.transport.keys import KeySet, ensure_keys

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.perf


def free_port_pair() -> int:
    import socket

    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            with socket.socket() as s2:
                s2.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue


@pytest.fixture
def keys(tmp_path: Path) -> KeySet:
    return ensure_keys(tmp_path / "config")


def start_bench_server(tmp_path: Path, *args: object) -> tuple[subprocess.Popen[str], str, str]:
    """Start protocol_bench_server.py with ``args`` (see its docstring); (process, endpoint,
    marker agent or "")."""
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "protocol_bench_server.py"), endpoint, str(tmp_path / "config"),
         *map(str, args)],
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line[:1] == ["ready"], line
    return proc, endpoint, (line[1] if len(line) > 1 else "")


@pytest.fixture
def cleanup() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for p in procs:
        p.terminate()
        p.wait(10)


def client(endpoint: str, keys: KeySet) -> SwitchlinkClient:
    c = SwitchlinkClient(endpoint, server_public_key=keys.server_public,
                         client_keys=(keys.client_public, keys.client_secret),
                         signing_key=keys.signing_key, rcvhwm=100_000)
    c.connect()
    return c


def sample_batch(n: int = 1000) -> list[tuple[str, dict]]:
    return [
        (f"agent/{10000 + i}", {"work_number": str(10000 + i), "name": f"坐席{i}", "team": "t1",
                                "skills": {"q0": 5, "q1": 3}, "state": "ready",
                                "state_since": 1.7e9 + i, "reason": "", "pending_logout": False,
                                "call_id": None, "calls_handled": i})
        for i in range(n)
    ]


def test_serialisation_msgpack_vs_json() -> None:
    batch = sample_batch()
    rounds = 50
    for name, enc, dec in (
        ("msgpack", lambda o: msgpack.packb(o, use_bin_type=True),
         lambda b: msgpack.unpackb(b, raw=False)),
        ("json", lambda o: json.dumps(o, ensure_ascii=False).encode(), json.loads),
    ):
        t0 = time.perf_counter()
        for _ in range(rounds):
            data = enc(batch)
        t1 = time.perf_counter()
        for _ in range(rounds):
            dec(data)
        t2 = time.perf_counter()
        n = rounds * len(batch)
        print(f"\n[serialisation] {name:8s} encode {n / (t1 - t0):>10,.0f} changes/s  "
              f"decode {n / (t2 - t1):>10,.0f} changes/s  "
              f"size {len(data) / len(batch):.0f} B/change")


RAW_PUB = """
import sys, time, zmq
ep, n, curve = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
s = zmq.Context().socket(zmq.PUB); s.sndhwm = 0
if curve:
    s.curve_server = True
    s.curve_publickey, s.curve_secretkey = sys.argv[4].encode(), sys.argv[5].encode()
s.bind(ep); time.sleep(1.5)
msg = b"x" * 120
for _ in range(n):
    s.send(msg)
s.send(b"END"); time.sleep(1)
"""


def raw_pubsub_rate(keys: KeySet, n: int, curve: bool) -> float:
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    args = [sys.executable, "-c", RAW_PUB, endpoint, str(n), "1" if curve else "0"]
    if curve:
        server_public, server_secret = zmq.curve_keypair()
        args += [server_public.decode(), server_secret.decode()]
    pub = subprocess.Popen(args)
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.rcvhwm = 0
    if curve:
        sub.curve_serverkey = server_public
        sub.curve_publickey, sub.curve_secretkey = zmq.curve_keypair()
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(endpoint)
    try:
        first = sub.recv()
        t0 = time.perf_counter()
        count = 1
        while first != b"END":
            first = sub.recv()
            count += 1
        elapsed = time.perf_counter() - t0
    finally:
        sub.close(0)
        pub.wait(20)
    assert count >= n * 0.99
    return count / elapsed


def emulator_e2e_rate(
    tmp_path: Path, keys: KeySet, cleanup: list[subprocess.Popen[str]], events: int
) -> tuple[float, int]:
    """Loopback emulator (large, fast) inside the daemon, metrics and alarms on, CURVE tcp, to
    one client mirror: events/s from the first event leaving the emulator to the last one's
    state applied in the mirror; and the client's re-snapshots."""
    proc, endpoint, marker = start_bench_server(tmp_path, "loopback", "large", events, 6.0)
    cleanup.append(proc)
    assert proc.stdout is not None
    c = client(endpoint, keys)
    key = f"agent/{marker}"
    try:
        assert c.wait_until(lambda: c.link_status is LinkStatus.LIVE, 30)
        assert c.mirror.get(key, {}).get("reason") != "bench-end"
        assert c.wait_until(lambda: c.mirror.get(key, {}).get("reason") == "bench-end", 300)
        end = time.time()
        resyncs = c.resyncs - 1
        assert len(c.mirror.items("metrics/queue/")) == 200  # metrics were live all along
    finally:
        c.close()
    word, start = proc.stdout.readline().split()
    assert word == "start"
    return (events + 1) / (end - float(start)), resyncs


def synthetic_e2e_rate(
    tmp_path: Path, keys: KeySet, cleanup: list[subprocess.Popen[str]], events: int
) -> tuple[float, int]:
    """The synthetic switch (agent-state changes only) through the same daemon and client."""
    proc, endpoint, _ = start_bench_server(tmp_path, "synthetic", 5000, 200, events, 6.0)
    cleanup.append(proc)
    c = client(endpoint, keys)
    try:
        assert c.wait_until(lambda: c.link_status is LinkStatus.LIVE, 30)
        base = c.mirror.sequence
        assert c.wait_until(lambda: c.mirror.sequence > base + 1, 30)
        t0 = time.perf_counter()
        start_seq = c.mirror.sequence
        # heartbeats and metrics ticks add a few changes a second: negligible against 200 k
        assert c.wait_until(lambda: c.mirror.sequence >= base + events, 120)
        elapsed = time.perf_counter() - t0
        return (c.mirror.sequence - start_seq) / elapsed, c.resyncs - 1
    finally:
        c.close()


@pytest.mark.timeout(600)
def test_end_to_end_throughput_with_curve_vs_raw_pubsub(
    tmp_path: Path, keys: KeySet, cleanup: list[subprocess.Popen[str]]
) -> None:
    e2e, resyncs = emulator_e2e_rate(tmp_path, keys, cleanup, 300_000)
    synthetic, synthetic_resyncs = synthetic_e2e_rate(tmp_path, keys, cleanup, 200_000)
    raw_plain = raw_pubsub_rate(keys, 1_000_000, curve=False)
    raw_curve = raw_pubsub_rate(keys, 1_000_000, curve=True)
    print(f"\n[e2e] loopback emulator (large, fast) -> daemon (metrics + alarms on) -> client "
          f"mirror, CURVE, tcp: {e2e:,.0f} events/s (goal >= 50,000; re-snapshots {resyncs})")
    print(f"[e2e] synthetic switch (agent-state changes only), same path: {synthetic:,.0f} "
          f"events/s (re-snapshots {synthetic_resyncs})")
    print(f"[raw] pyzmq PUB/SUB 120 B msgs: plain {raw_plain:,.0f} msg/s, "
          f"CURVE {raw_curve:,.0f} msg/s")
    print(f"[ratio] emulator e2e / raw CURVE = {e2e / raw_curve:.2f}; "
          f"e2e / raw plain = {e2e / raw_plain:.2f}")


def test_snapshot_of_5000_agents_and_200_queues(
    tmp_path: Path, keys: KeySet, cleanup: list[subprocess.Popen[str]]
) -> None:
    proc, endpoint, _ = start_bench_server(tmp_path, "synthetic", 5000, 200, 0, 0)
    cleanup.append(proc)
    c = client(endpoint, keys)
    try:
        assert c.wait_until(lambda: c.link_status is LinkStatus.LIVE, 20)
        times = []
        for _ in range(10):
            before = c.resyncs
            t0 = time.perf_counter()
            c._request_snapshot()
            assert c.wait_until(lambda b=before: c.resyncs > b, 10)
            times.append((time.perf_counter() - t0) * 1000)
        assert len(c.mirror.items("agent/")) == 5000 and len(c.mirror.items("queue/")) == 200
    finally:
        c.close()
    print(f"\n[snapshot] 5,000 agents + 200 queues requested, received, applied: "
          f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms (goal <= 300 ms)")


def test_twenty_clients_on_one_daemon(
    tmp_path: Path, keys: KeySet, cleanup: list[subprocess.Popen[str]]
) -> None:
    events = 50_000
    proc, endpoint, _ = start_bench_server(tmp_path, "synthetic", 5000, 200, events, 6.0)
    cleanup.append(proc)
    clients = [client(endpoint, keys) for _ in range(20)]
    try:
        deadline = time.monotonic() + 30
        while not all(c.link_status is LinkStatus.LIVE for c in clients):
            assert time.monotonic() < deadline, "not every client went live"
            for c in clients:
                c.run_for(0.01)
        base = max(c.mirror.sequence for c in clients)
        while not any(c.mirror.sequence > base + 1 for c in clients):  # events begin
            assert time.monotonic() < deadline + 30, "the events never started"
            clients[0].run_for(0.01)
        t0 = time.perf_counter()
        deadline = time.monotonic() + 180
        while not all(c.mirror.sequence >= base + events for c in clients):
            assert time.monotonic() < deadline, "clients did not catch up"
            for c in clients:
                c.process()
            time.sleep(0.001)
        elapsed = time.perf_counter() - t0
        agents = [c.mirror.items("agent/") for c in clients]
        assert all(a == agents[0] for a in agents[1:]), "mirrors disagree"
        resyncs = sum(c.resyncs - 1 for c in clients)
    finally:
        for c in clients:
            c.close()
    print(f"\n[20 clients] {events:,} events to each of 20 mirrors in one client process: "
          f"{elapsed:.1f} s, {20 * events / elapsed:,.0f} "
          f"applied changes/s in total, re-snapshots {resyncs}")
