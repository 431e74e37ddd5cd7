"""How many subscribers the PUB endpoint serves, so frozen ones cannot take the daemon's memory.

libzmq tells no one which key a PUB connection belongs to when it closes (an XPUB's
disconnect "unsubscribe" carries no metadata, a monitor event no key), so an exact count of
open connections *per key* is not available. What is exact, and what memory depends on:

* :class:`SubscriberGate` — the PUB is an XPUB in manual mode, so a connection receives
  nothing until the daemon subscribes it. Every subscription carries its connection's token
  (ZAP metadata, below) and every disconnect returns one "unsubscribe" per topic, so the gate
  knows exactly how many subscribed connections are open (counted in topics, which only
  over-counts a client that subscribes several). Past :data:`MAX_SUBSCRIBERS` a new
  connection is left unsubscribed: it is sent nothing and holds nothing.
* :class:`AdmissionAuthenticator` — the ZAP handler tags each connection with a token, refuses
  PUB handshakes while the gate is full (the client retries with its back-off) and lets one
  key start at most :data:`PUBLISH_BURST_PER_KEY` PUB handshakes at once, one more every
  :data:`PUBLISH_REFILL_S` (:class:`KeyBucket`).
"""

from __future__ import annotations

import errno
import logging
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path

import zmq
from zmq.auth.thread import ThreadAuthenticator
from zmq.utils import z85

log = logging.getLogger(__name__)

#: the ZAP domain of the PUB socket (the command socket keeps the default one)
PUBLISH_DOMAIN = "publish"
#: subscribed PUB connections, all keys together; with ``server.PUB_HWM`` x
#: ``server.PUB_MSG_MAX_BYTES`` per connection this bounds what subscribers can hold
MAX_SUBSCRIBERS = 64
#: PUB handshakes one key may make back to back ...
PUBLISH_BURST_PER_KEY = 8
#: ... and one more each this many seconds after that
PUBLISH_REFILL_S = 15.0
#: the ZAP metadata property naming one connection
CONNECTION_PROPERTY = "X-Connection"


class KeyBucket:
    """A token bucket per key: ``burst`` admissions at once, then one per ``refill_s``."""

    def __init__(self, burst: int = PUBLISH_BURST_PER_KEY, refill_s: float = PUBLISH_REFILL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.refill_s, self.clock = burst, refill_s, clock
        self._tokens: dict[str, tuple[float, float]] = {}  # key -> (tokens, when)

    def take(self, key: str) -> bool:
        now = self.clock()
        tokens, then = self._tokens.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) / self.refill_s)
        if tokens < 1.0:
            self._tokens[key] = (tokens, now)
            return False
        self._tokens[key] = (tokens - 1.0, now)
        if len(self._tokens) > 10_000:  # keys are allow-listed; this only guards a bug
            self._tokens.pop(next(iter(self._tokens)))
        return True


class SubscriberGate:
    """Subscribes at most ``limit`` PUB connections; reads the XPUB's subscription messages.

    Runs on the server's loop thread (the XPUB's owner). ``open_topics`` is exact: +1 for a
    topic a connection adds, -1 when it drops it or disconnects (libzmq then sends one
    anonymous unsubscribe per topic it still had).
    """

    def __init__(self, limit: int = MAX_SUBSCRIBERS) -> None:
        self.limit = limit
        self.open_topics = 0
        self.refused = 0
        self._topics: dict[str, set[bytes]] = {}  # connection token -> its topics
        self._served: set[str] = set()  # tokens the daemon subscribed
        self._last_warning = 0.0

    @property
    def full(self) -> bool:
        return self.open_topics >= self.limit

    def drain(self, xpub: zmq.Socket, budget: int = 1000) -> None:
        for _ in range(budget):
            try:
                frame = xpub.recv(zmq.NOBLOCK, copy=False)
            except zmq.Again:
                return
            self._on_message(xpub, frame)

    def _on_message(self, xpub: zmq.Socket, frame: zmq.Frame) -> None:
        data = frame.bytes
        if not data or data[0] not in (0, 1):
            return  # XPUB passes only (un)subscriptions; anything else is not ours
        subscribe, topic = data[0] == 1, data[1:]
        token = _property(frame, CONNECTION_PROPERTY)
        if token is None:
            if not subscribe:  # a connection closed: one per topic it had
                self.open_topics = max(0, self.open_topics - 1)
            return  # a subscription without a token did not pass our ZAP: serve nothing
        topics = self._topics.setdefault(token, set())
        if not subscribe:
            if topic in topics:
                topics.discard(topic)
                self.open_topics -= 1
            if not topics:
                self._topics.pop(token, None)
                if token in self._served:
                    self._served.discard(token)
                    xpub.setsockopt(zmq.UNSUBSCRIBE, b"")
            return
        if topic in topics:
            return
        topics.add(topic)
        self.open_topics += 1
        if token in self._served:
            return
        if self.open_topics <= self.limit:
            self._served.add(token)
            xpub.setsockopt(zmq.SUBSCRIBE, b"")  # this connection: everything, once
            return
        self.refused += 1
        now = time.monotonic()
        if now - self._last_warning >= 10.0:
            self._last_warning = now
            log.warning("PUB subscriber from key %s not served: %d subscribers are open "
                        "(limit %d); %d refused so far", _property(frame, "User-Id"),
                        self.open_topics - 1, self.limit, self.refused)


def _property(frame: zmq.Frame, name: str) -> str | None:
    try:
        return frame.get(name)
    except (zmq.ZMQError, UnicodeDecodeError):
        return None


def _metadata(name: str, value: str) -> bytes:
    """One ZMTP property (name length byte, name, 4-byte value length, value)."""
    raw_name, raw_value = name.encode("ascii"), value.encode("ascii")
    return bytes([len(raw_name)]) + raw_name + struct.pack(">I", len(raw_value)) + raw_value


class AdmissionAuthenticator(ThreadAuthenticator):
    """pyzmq's ZAP handler (the allow-list) plus the PUB admission limits."""

    def __init__(self, context: zmq.Context, gate: SubscriberGate | None = None,
                 bucket: KeyBucket | None = None) -> None:
        super().__init__(context)
        self.gate = gate
        self.bucket = bucket or KeyBucket()
        self._next_token = 0
        self._lock = threading.Lock()

    async def _authenticate_curve(self, domain: str, client_key: bytes) -> tuple[bool, bytes]:
        allowed, reason = await super()._authenticate_curve("*", client_key)
        if not allowed or domain != PUBLISH_DOMAIN:
            return allowed, reason
        key = z85.encode(client_key).decode("ascii")
        if self.gate is not None and self.gate.full:
            log.warning("PUB connection from key %s refused: %d subscribers open (limit %d)",
                        key, self.gate.open_topics, self.gate.limit)
            return False, b"too many subscribers"
        if not self.bucket.take(key):
            log.warning("PUB connection from key %s refused: more than %d handshakes, one "
                        "per %.0f s", key, self.bucket.burst, self.bucket.refill_s)
            return False, b"too many connections from this key"
        return True, reason

    def _send_zap_reply(self, request_id: bytes, status_code: bytes, status_text: bytes,
                        user_id: str = "anonymous") -> None:
        if status_code != b"200":
            super()._send_zap_reply(request_id, status_code, status_text, user_id)
            return
        with self._lock:
            self._next_token += 1
            token = str(self._next_token)
        self.zap_socket.send_multipart([
            b"1.0", request_id, status_code, status_text, user_id.encode("utf-8", "replace"),
            _metadata(CONNECTION_PROPERTY, token),
        ])


def start_admission_authenticator(context: zmq.Context, authorized_dir: Path,
                                  gate: SubscriberGate) -> AdmissionAuthenticator:
    """A ZAP handler for the allow-list in ``authorized_dir`` that also admits PUB peers."""
    auth = AdmissionAuthenticator(context, gate)
    for attempt in range(50):
        try:
            auth.start()
            break
        except zmq.ZMQError as exc:
            # a server closed just before in this process (tests, a restart) releases the ZAP
            # endpoint asynchronously (libzmq's reaper); wait for it rather than fail
            if exc.errno != errno.EADDRINUSE or attempt == 49:
                raise
            if auth.zap_socket is not None:
                auth.zap_socket.close(linger=0)
                auth.zap_socket = None  # type: ignore[assignment]
            time.sleep(0.02)
    auth.configure_curve(domain="*", location=str(authorized_dir))
    return auth
