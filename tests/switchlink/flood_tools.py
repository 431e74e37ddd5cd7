"""Attack helpers: a subscriber timing heartbeats, and a raw client that floods commands.

Shared by the attack tests (tests/switchlink/transport/test_command_attacks.py) and the
benchmark (tests/perf/test_attack_floods.py). The longest gap between heartbeats a
subscriber sees is what a console feels as a freeze (3 s of silence is "link lost").
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from typing import Any

import zmq

from switchlink.transport import protocol as proto
from switchlink.transport.keys import KeySet, make_curve_client


class HeartbeatWatch:
    """A CURVE SUB on the daemon's PUB socket noting when each heartbeat arrives."""

    def __init__(self, pub_endpoint: str, keys: KeySet) -> None:
        self._sock = zmq.Context.instance().socket(zmq.SUB)
        self._sock.linger = 0
        self._sock.rcvhwm = 0
        make_curve_client(self._sock, keys.server_public, keys.client_public, keys.client_secret)
        self._sock.setsockopt(zmq.SUBSCRIBE, proto.TOPIC_HEARTBEAT)
        self._sock.connect(pub_endpoint)
        self.beats: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._sock.poll(50):
                frames = self._sock.recv_multipart()
                if frames and frames[0] == proto.TOPIC_HEARTBEAT:
                    self.beats.append(time.monotonic())

    def wait_for_beats(self, n: int = 2, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        start = len(self.beats)
        while len(self.beats) < start + n:
            if time.monotonic() > deadline:
                raise AssertionError("no heartbeats from the daemon")
            time.sleep(0.05)

    def longest_gap(self, start: float, end: float) -> float:
        """The longest silence in ``[start, end]`` (monotonic), its edges included."""
        points = [start, *(t for t in self.beats if start < t < end), end]
        return max(b - a for a, b in itertools.pairwise(points))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close(linger=0)


class Flooder:
    """A raw DEALER with the allowed key: sends signed requests as fast as it can.

    It reads replies while it sends (into an inbox): the daemon drops the replies of a
    client that never reads (a bounded send queue), which is not what these tests measure.
    """

    def __init__(self, endpoint: str, keys: KeySet) -> None:
        self.key = keys.signing_key
        self.sock = zmq.Context.instance().socket(zmq.DEALER)
        self.sock.linger = 0
        self.sock.sndhwm = 0
        self.sock.rcvhwm = 0
        make_curve_client(self.sock, keys.server_public, keys.client_public, keys.client_secret)
        self.sock.connect(endpoint)
        self.inbox: dict[str, proto.Reply] = {}

    def send(self, name: str, args: dict[str, Any], session: str | None = None) -> str:
        req = proto.Request(name, args, session=session, id=uuid.uuid4().hex, ts=time.time())
        self.sock.send_multipart(proto.encode_request(self.key, req))
        self._read_waiting()
        return req.id

    def _read_waiting(self) -> None:
        while self.sock.poll(0):
            reply = proto.decode_reply(self.key, self.sock.recv_multipart())
            self.inbox[reply.id] = reply

    def call(self, name: str, args: dict[str, Any], session: str | None = None,
             timeout: float = 30.0) -> proto.Reply:
        """Send one request and wait for its reply, resending (a new id) every 3 s.

        A reply sent while the daemon's queue to this client is full (right after a flood)
        is dropped, as it would be for a real client, which retries the same way.
        """
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            wanted = self.send(name, args, session)
            got = self.collect([wanted], min(3.0, left))
            if got:
                return got[wanted]
        raise AssertionError(f"no reply to {name} within {timeout} s")

    def flood(self, name: str, args: dict[str, Any], count: int,
              session: str | None = None) -> list[str]:
        return [self.send(name, args, session) for _ in range(count)]

    def collect(self, ids: list[str], timeout: float = 60.0) -> dict[str, proto.Reply]:
        """Replies to ``ids`` (by id) until all came or ``timeout`` passed."""
        wanted = set(ids)
        got = {i: self.inbox.pop(i) for i in ids if i in self.inbox}
        deadline = time.monotonic() + timeout
        while wanted - got.keys() and (left := deadline - time.monotonic()) > 0:
            if self.sock.poll(int(min(left, 1.0) * 1000)):
                reply = proto.decode_reply(self.key, self.sock.recv_multipart())
                if reply.id in wanted:
                    got[reply.id] = reply
                else:
                    self.inbox[reply.id] = reply
        return got

    def close(self) -> None:
        self.sock.close(linger=0)
