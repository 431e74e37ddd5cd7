"""The daemon's memory under issue 11's memory attacks (items 3-5), on a real switchlink.

Run with ``.venv/bin/pytest tests/perf/test_attack_memory.py -s -m perf``. One daemon process
(``main.py switchlink --scenario large --speed 60``: the large floor, busy enough to publish
steadily) serves while an allowed key attacks it; its RSS is sampled every 50 ms from
/proc. Printed per attack: RSS before, peak during, and 3 s after. Goal: the peak stays under
:data:`BOUND_MB` for each attack the issue names.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zmq

from switchlink.transport import admission
from switchlink.transport import protocol as proto
from switchlink.transport.keys import KeySet, authorize_client, ensure_keys, make_curve_client

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "switchlink"))
from scripted_switch import free_port_pair  # noqa: E402

pytestmark = pytest.mark.perf
ADMIN_PASSWORD = "bench-admin-pw-1"
BOUND_MB = 300.0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


class Sampler:
    """Peak RSS of a process over an interval (sampled every 50 ms on a thread)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.05)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(2)


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, KeySet, int]]:
    tmp = tmp_path_factory.mktemp("memory")
    keys = ensure_keys(tmp / "config")
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    env = dict(os.environ, CALLFLOOR_ADMIN_PASSWORD=ADMIN_PASSWORD, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "main.py", "switchlink", "--scenario", "large", "--speed", "60",
         "--endpoint", endpoint, "--config-dir", str(tmp / "config"),
         "--data-dir", str(tmp / "data"), "--log-level", "error"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        yield endpoint, keys, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _socket(keys: KeySet, kind: int, endpoint: str) -> zmq.Socket:
    sock = zmq.Context.instance().socket(kind)
    sock.linger = 0
    make_curve_client(sock, keys.server_public, keys.client_public, keys.client_secret)
    sock.connect(endpoint)
    return sock


def _frozen_sub(keys: KeySet, pub: str, public: bytes, secret: bytes) -> zmq.Socket:
    """A SUB that never reads: as little buffered on its side as zmq allows."""
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.linger = 0
    sub.rcvhwm = 1
    sub.rcvbuf = 64 * 1024
    make_curve_client(sub, keys.server_public, public, secret)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(pub)
    return sub


def _call(sock: zmq.Socket, keys: KeySet, name: str, args: dict) -> proto.Reply:
    sock.send_multipart(proto.encode_request(keys.signing_key, proto.Request(name, args)))
    assert sock.poll(20_000), f"no answer to {name}"
    return proto.decode_reply(keys.signing_key, sock.recv_multipart())


def _wait_until_serving(endpoint: str, keys: KeySet) -> None:
    sock = _socket(keys, zmq.DEALER, endpoint)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            sock.send_multipart(proto.encode_request(keys.signing_key, proto.Request("status")))
            if sock.poll(1000):
                sock.recv_multipart()
                return
        raise AssertionError("the daemon never answered")
    finally:
        sock.close()


@pytest.mark.timeout(900)
def test_rss_under_each_memory_attack(daemon: tuple[str, KeySet, int]) -> None:
    endpoint, keys, pid = daemon
    config = keys.authorized_dir.parent.parent
    pub = proto.pub_endpoint(endpoint)
    _wait_until_serving(endpoint, keys)
    time.sleep(5)  # the floor is built and publishing
    key = keys.signing_key
    admin = _socket(keys, zmq.DEALER, endpoint)
    session = _call(admin, keys, "login", {"username": "admin", "password": ADMIN_PASSWORD})
    assert session.ok, session
    token = session.data["session"]

    def reply_cache_flood() -> None:
        """40 history pages of the largest size and 20,000 audited commands, distinct ids,
        replies never read (issue: 40 x history.calls limit 10,000 took 65 -> 255 MB)."""
        sock = _socket(keys, zmq.DEALER, endpoint)
        for limit in (10_000, 1_000):
            for _ in range(40):
                req = proto.Request("history.calls", {"limit": limit}, session=token)
                sock.send_multipart(proto.encode_request(key, req))
        for _ in range(20_000):
            req = proto.Request("set_agent_state", {"agent": "x", "state": "ready",
                                                    "reason": uuid.uuid4().hex}, session="bogus")
            sock.send_multipart(proto.encode_request(key, req))
        time.sleep(5)
        sock.close()

    def many_frame_message() -> None:
        """One unsigned message of 60 frames x 4 MiB (issue: +376 MB before refusal)."""
        sock = _socket(keys, zmq.DEALER, endpoint)
        sock.sndtimeo = 10_000
        with contextlib.suppress(zmq.Again):
            sock.send_multipart([b"\0" * (4 * 1024 * 1024)] * 60)
        time.sleep(3)
        sock.close()

    def many_small_frames() -> None:
        """The residual: 60 frames just under the frame limit (libzmq buffers a whole
        message before the daemon sees its first frame; see docs/protocol.md)."""
        sock = _socket(keys, zmq.DEALER, endpoint)
        sock.send_multipart([b"\0" * (proto.SOCKET_MAX_MSG_BYTES - 64)] * 60)
        time.sleep(3)
        sock.close()

    def frozen_subscribers() -> None:
        """Three SUBs from one key that never read, for 20 s (issue: 1,285 MB)."""
        subs = []
        for _ in range(3):
            sub = zmq.Context.instance().socket(zmq.SUB)
            sub.linger = 0
            sub.rcvhwm = 1
            sub.rcvbuf = 64 * 1024
            make_curve_client(sub, keys.server_public, keys.client_public, keys.client_secret)
            sub.setsockopt(zmq.SUBSCRIBE, b"")
            sub.connect(pub)
            subs.append(sub)
        time.sleep(20)
        for sub in subs:
            sub.close()

    def frozen_from_one_key() -> None:
        """100 SUBs from one key that never read, for 30 s: the key's burst is served, the
        rest refused at the handshake (transport/admission.py)."""
        subs = [_frozen_sub(keys, pub, keys.client_public, keys.client_secret)
                for _ in range(100)]
        time.sleep(30)
        for sub in subs:
            sub.close()

    def frozen_up_to_the_cap() -> None:
        """The worst case for memory: enough allowed keys to fill every subscriber slot
        (admission.MAX_SUBSCRIBERS), all frozen, for 30 s."""
        per_key = admission.PUBLISH_BURST_PER_KEY
        pairs = [zmq.curve_keypair() for _ in range(-(-admission.MAX_SUBSCRIBERS // per_key))]
        for i, (public, _) in enumerate(pairs):
            authorize_client(public, f"attacker-{i}", base=config)
        time.sleep(2)  # the daemon re-reads the allow-list once a second
        subs = [_frozen_sub(keys, pub, public, secret)
                for public, secret in pairs for _ in range(per_key)]
        time.sleep(30)
        for sub in subs:
            sub.close()

    attacks: list[tuple[str, Callable[[], None], bool]] = [
        ("reply cache flood", reply_cache_flood, True),
        ("many-frame message 60 x 4 MiB", many_frame_message, True),
        ("frozen subscribers x3, 20 s", frozen_subscribers, True),
        ("frozen subscribers x100 one key, 30 s", frozen_from_one_key, True),
        (f"frozen x{admission.MAX_SUBSCRIBERS} (cap), 8 keys, 30 s", frozen_up_to_the_cap, True),
        ("60 frames x 257 KiB (residual)", many_small_frames, False),
    ]
    results = []
    for name, attack, bounded in attacks:
        before = rss_mb(pid)
        with Sampler(pid) as sampler:
            attack()
        time.sleep(3)
        after = rss_mb(pid)
        results.append((name, before, sampler.peak, after, bounded))
        print(f"\n{name:40s} RSS before {before:6.1f} MB  peak {sampler.peak:6.1f} MB  "
              f"after {after:6.1f} MB")
    assert _call(admin, keys, "status", {}).ok, "the daemon still answers"
    admin.close()
    for name, _, peak, _, bounded in results:
        if bounded:
            assert peak < BOUND_MB, f"{name}: peak RSS {peak:.0f} MB over {BOUND_MB:.0f} MB"
