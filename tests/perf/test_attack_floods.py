"""Heartbeat gaps under attack floods on a real switchlink (large scenario), issue 11.

Run with ``.venv/bin/pytest tests/perf/test_attack_floods.py -s -m perf``. One daemon
process (``main.py switchlink --scenario large``, SQLite audit trail, the daemon's own
argon2 parameters) serves while an allowed key floods it; a subscriber notes every
heartbeat. Printed per flood: the longest heartbeat gap (goal <= 1.5 s; a console calls
the link lost at 3 s), the time the flood took to be answered, and the baseline (no flood)
measured in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import zmq

from switchlink.transport.keys import KeySet, authorize_client, ensure_keys

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "switchlink"))
from flood_tools import Flooder, HeartbeatWatch  # noqa: E402
from scripted_switch import free_port_pair  # noqa: E402

pytestmark = pytest.mark.perf
ADMIN_PASSWORD = "bench-admin-pw-1"
GOAL_S = 1.5
#: extra keys allowed for the many-keys login flood (one guesser per key)
EXTRA_KEYS = 6


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, KeySet, Path]]:
    tmp = tmp_path_factory.mktemp("floods")
    keys = ensure_keys(tmp / "config")
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    env = dict(os.environ, CALLFLOOR_ADMIN_PASSWORD=ADMIN_PASSWORD, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "main.py", "switchlink", "--scenario", "large", "--endpoint", endpoint,
         "--config-dir", str(tmp / "config"), "--data-dir", str(tmp / "data"),
         "--log-level", "error"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        yield endpoint, keys, tmp
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _pub(endpoint: str) -> str:
    host, port = endpoint.rsplit(":", 1)
    return f"{host}:{int(port) + 1}"


def _keys_with(keys: KeySet, public: bytes, secret: bytes) -> KeySet:
    from dataclasses import replace

    return replace(keys, client_public=public, client_secret=secret)


def _measure(beats: HeartbeatWatch, attack: object) -> tuple[float, float]:
    """(longest heartbeat gap, seconds the attack took) over the attack and 2 s after it."""
    start = time.monotonic()
    attack()  # type: ignore[operator]
    took = time.monotonic() - start
    time.sleep(2.0)
    return beats.longest_gap(start, time.monotonic()), took


@pytest.mark.timeout(900)
def test_heartbeat_gap_under_each_flood(daemon: tuple[str, KeySet, Path]) -> None:
    endpoint, keys, tmp = daemon
    admin_f = Flooder(endpoint, keys)
    admin = admin_f.call("login", {"username": "admin", "password": ADMIN_PASSWORD},
                         timeout=60).data["session"]
    assert admin_f.call("passwd", {"username": "fm", "password": "floor-pw-123",
                                   "role": "floor_manager"}, admin).ok
    fm = admin_f.call("login", {"username": "fm", "password": "floor-pw-123"}).data["session"]
    agents = [k for k, _ in admin_f.call("snapshot", {}).data["items"] if k.startswith("agent/")]
    agent = agents[0].split("/", 1)[1]
    pairs = [zmq.curve_keypair() for _ in range(EXTRA_KEYS)]
    for i, (public, _) in enumerate(pairs):
        authorize_client(public, f"guesser{i}", tmp / "config")
    time.sleep(2.5)  # the daemon re-reads the allow-list within a second (connect after it)
    guessers = [Flooder(endpoint, _keys_with(keys, pub, sec)) for pub, sec in pairs]
    beats = HeartbeatWatch(_pub(endpoint), keys)
    beats.wait_for_beats(3, timeout=60)
    time.sleep(3.0)  # the large floor settles after its first snapshot requests

    def baseline() -> None:
        time.sleep(10.0)

    def login_flood_one_key() -> None:  # issue 11: 60 wrong logins from one allowed key
        ids = admin_f.flood("login", {"username": "fm", "password": "wrong guess"}, 60)
        admin_f.collect(ids, timeout=30)
        right = admin_f.call("login", {"username": "fm", "password": "floor-pw-123"})
        after_flood["right password"] = right.code or "accepted"

    def login_flood_many_keys() -> None:  # 60 argon2 checks: 10 names from each of 6 keys
        ids = [(g, g.send("login", {"username": f"user{n}", "password": "wrong guess"}))
               for n in range(10) for g in guessers]
        for g in guessers:
            g.collect([i for who, i in ids if who is g], timeout=30)

    def refusal_burst() -> None:  # 1,000 forbidden commands from a floor manager
        ids = admin_f.flood("set_agent_state", {"agent": agent, "state": "logout"}, 1000, fm)
        admin_f.collect(ids, timeout=10)

    def invalid_argument_burst() -> None:  # 2,000 commands with a bad argument from an admin
        ids = admin_f.flood("set_agent_state", {"agent": agent, "state": "dancing"}, 2000, admin)
        admin_f.collect(ids, timeout=10)

    results = {}
    after_flood: dict[str, str] = {}
    try:
        for name, attack in (
            ("baseline (no flood)", baseline),
            ("login flood, 60 guesses, 1 key", login_flood_one_key),
            ("login flood, 60 guesses, 6 keys", login_flood_many_keys),
            ("refusal burst, 1,000 forbidden", refusal_burst),
            ("invalid-argument burst, 2,000", invalid_argument_burst),
        ):
            results[name] = _measure(beats, attack)
    finally:
        beats.close()
        admin_f.close()
        for g in guessers:
            g.close()
    print(f"\nlongest heartbeat gap seen by a subscriber (goal <= {GOAL_S} s), large scenario:")
    for name, (gap, took) in results.items():
        print(f"  {name:34s} {gap:5.2f} s   (attack lasted {took:5.2f} s)")
    print(f"  right password right after the 1-key login flood: {after_flood['right password']}")
    assert after_flood["right password"] == "locked_out"
    worst = max(gap for name, (gap, _) in results.items() if not name.startswith("baseline"))
    assert worst <= GOAL_S, f"a flood froze the heartbeat for {worst:.2f} s"
