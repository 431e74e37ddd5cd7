"""The Qt-free switchlink client the console and ``ctl`` share: mirror, commands, link state.

Non-blocking by design: :meth:`SwitchlinkClient.process` drains the sockets, applies
deltas, checks heartbeats, time-outs and back-off, then fires callbacks. A GUI calls it
when a socket's ``zmq.FD`` is readable and on a timer; the CLI uses :meth:`run_for`.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import zmq

from switchlink.client.mirror import StateMirror
from switchlink.transport import protocol as proto
from switchlink.transport.keys import config_dir, make_curve_client

log = logging.getLogger(__name__)

HEARTBEAT_S = 1.0
#: heartbeats missed before the link is declared lost
LIVENESS = 3
BACKOFF_MIN_S = 1.0
BACKOFF_MAX_S = 32.0
#: deltas buffered while a snapshot is on its way; beyond this, snapshot again
MAX_BUFFERED_CHANGES = 500_000


class LinkStatus(StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    LOST = "lost"


class CommandError(Exception):
    """A command the daemon refused or that failed: stable ``code``, human ``message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class ClientError(Exception):
    """The client cannot be set up (missing keys, bad endpoint)."""


def load_default_keys(base: Path | None = None) -> tuple[bytes, tuple[bytes, bytes], bytes]:
    """``(server public key, (client public, client secret), signing key)`` from the config dir."""
    import zmq.auth

    base = base or config_dir()
    try:
        server_public, _ = zmq.auth.load_certificate(base / "keys" / "server.key")
        client_public, client_secret = zmq.auth.load_certificate(
            base / "keys" / "client.key_secret"
        )
        signing = (base / "signing.key").read_text().strip().encode()
    except (OSError, ValueError) as exc:
        raise ClientError(
            f"no switchlink keys in {base} ({exc}); start switchlink once on this machine or "
            "copy server.key, your client key pair and signing.key there"
        ) from None
    assert client_secret is not None
    return server_public, (client_public, client_secret), signing


@dataclass(slots=True)
class _Pending:
    frames: list[bytes]
    deadline: float
    sent: bool
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[CommandError], None] | None


class SwitchlinkClient:
    """Mirror of one daemon's floor plus a command channel to it."""

    def __init__(
        self,
        endpoint: str,
        *,
        server_public_key: bytes | None = None,
        client_keys: tuple[bytes, bytes] | None = None,
        session: str | None = None,
        command_timeout: float = 5.0,
        context: zmq.Context | None = None,
        signing_key: bytes | None = None,
        curve: bool = True,
        heartbeat_s: float = HEARTBEAT_S,
        rcvhwm: int = 10_000,
    ) -> None:
        try:
            self.pub_endpoint = proto.pub_endpoint(endpoint)
        except ValueError as exc:
            raise ClientError(str(exc)) from None
        self.endpoint = endpoint
        self.curve = curve
        if (curve and (server_public_key is None or client_keys is None)) or signing_key is None:
            default_server, default_client, default_signing = load_default_keys()
            server_public_key = server_public_key or default_server
            client_keys = client_keys or default_client
            signing_key = signing_key or default_signing
        self._server_key = server_public_key
        self._client_keys = client_keys
        self._signing_key = signing_key
        self.session = session
        self.command_timeout = command_timeout
        self.heartbeat_s = heartbeat_s
        self.rcvhwm = rcvhwm
        self._ctx = context or zmq.Context.instance()
        self.mirror = StateMirror()
        self.link_status = LinkStatus.CONNECTING
        self.link_since = time.time()
        self._sub: zmq.Socket | None = None
        self._dealer: zmq.Socket | None = None
        self._pending: dict[str, _Pending] = {}
        self._syncing = False
        self._snap_id = ""
        self._snap_deadline = 0.0
        self._snap_frames: list[bytes] = []
        self._snap_sent = False
        self._buffer: list[tuple[str, int, list[Any]]] = []
        self._buffered = 0
        self._overflow = False
        self._last_heard = time.monotonic()
        self._backoff = BACKOFF_MIN_S
        self._next_attempt = 0.0
        self._lost_at = 0.0
        self._change_cbs: list[Callable[[set[str]], None]] = []
        self._link_cbs: list[Callable[[LinkStatus], None]] = []
        self._resync_cbs: list[Callable[[], None]] = []
        self._due: list[Callable[[], None]] = []
        self.resyncs = 0

    # --- public API ---------------------------------------------------------------------

    def connect(self) -> None:
        """Subscribe, then ask for a snapshot; returns at once."""
        self._open()
        self._request_snapshot()

    def close(self) -> None:
        self._close_sockets()

    def sockets(self) -> list[zmq.Socket]:
        return [s for s in (self._sub, self._dealer) if s is not None]

    def on_change(self, cb: Callable[[set[str]], None]) -> None:
        self._change_cbs.append(cb)

    def on_link(self, cb: Callable[[LinkStatus], None]) -> None:
        self._link_cbs.append(cb)

    def on_resync(self, cb: Callable[[], None]) -> None:
        self._resync_cbs.append(cb)

    def command(
        self,
        name: str,
        args: dict[str, Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[CommandError], None] | None = None,
        timeout: float | None = None,
    ) -> str:
        """Send a command; its callback runs in a later :meth:`process`. Returns the message id."""
        req = proto.Request(name=name, args=args, session=self.session)
        frames = proto.encode_request(self._signing_key, req)
        deadline = time.monotonic() + (self.command_timeout if timeout is None else timeout)
        pending = _Pending(frames, deadline, False, on_success, on_failure)
        self._pending[req.id] = pending
        pending.sent = self._send(frames)
        return req.id

    def call(self, name: str, args: dict[str, Any], timeout: float | None = None) -> Any:
        """Send a command and wait for its answer; raises :class:`CommandError`."""
        result: dict[str, Any] = {}
        self.command(
            name,
            args,
            on_success=lambda data: result.setdefault("ok", data),
            on_failure=lambda err: result.setdefault("err", err),
            timeout=timeout,
        )
        self.wait_until(lambda: bool(result), (timeout or self.command_timeout) + 1.0)
        if "err" in result:
            raise result["err"]
        if "ok" not in result:
            raise CommandError("timeout", f"no answer to {name} from {self.endpoint}")
        return result["ok"]

    def login(self, username: str, password: str) -> dict[str, Any]:
        data = self.call("login", {"username": username, "password": password})
        self.session = data["session"]
        return data

    def run_for(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            self._wait_readable(min(left, 0.1))
            self.process()

    def wait_until(self, predicate: Callable[[], bool], timeout: float) -> bool:
        end = time.monotonic() + timeout
        self.process()
        while not predicate():
            left = end - time.monotonic()
            if left <= 0:
                return False
            self._wait_readable(min(left, 0.05))
            self.process()
        return True

    def process(self) -> None:
        """Drain the sockets, apply what came, check timers, then fire the callbacks."""
        changed: set[str] = set()
        now = time.monotonic()
        self._drain_sub(now, changed)
        self._drain_dealer(now, changed)
        self._check_timers(time.monotonic())
        due, self._due = self._due, []
        for fn in due:
            try:
                fn()
            except Exception:
                log.exception("client callback failed")
        if changed:
            for cb in self._change_cbs:
                try:
                    cb(changed)
                except Exception:
                    log.exception("on_change callback failed")

    # --- sockets ------------------------------------------------------------------------

    def _open(self) -> None:
        """Create the two sockets once; zmq itself reconnects them with back-off (1 s .. 32 s),
        so the sockets (and a GUI's notifiers on their FDs) stay the same for the client's life."""
        self._close_sockets()
        sub = self._ctx.socket(zmq.SUB)
        dealer = self._ctx.socket(zmq.DEALER)
        for sock in (sub, dealer):
            sock.linger = 0
            sock.reconnect_ivl = int(BACKOFF_MIN_S * 1000)
            sock.reconnect_ivl_max = int(BACKOFF_MAX_S * 1000)
            if self.curve:
                assert self._server_key is not None and self._client_keys is not None
                make_curve_client(sock, self._server_key, *self._client_keys)
        sub.rcvhwm = self.rcvhwm  # a client that falls further behind loses deltas, resyncs
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        # queue only on a live connection: what is sent while the link is down is resent by us
        dealer.immediate = True
        sub.connect(self.pub_endpoint)
        dealer.connect(self.endpoint)
        self._sub, self._dealer = sub, dealer
        self._last_heard = time.monotonic()

    def _close_sockets(self) -> None:
        for sock in (self._sub, self._dealer):
            if sock is not None:
                sock.close(linger=0)
        self._sub = self._dealer = None

    def _send(self, frames: list[bytes]) -> bool:
        """False when there is no live connection yet (the caller retries later)."""
        if self._dealer is None:
            return False
        try:
            self._dealer.send_multipart(frames, flags=zmq.NOBLOCK)
        except zmq.Again:
            return False
        return True

    def _wait_readable(self, timeout: float) -> None:
        socks = self.sockets()
        if not socks:
            time.sleep(timeout)
            return
        poller = zmq.Poller()
        for sock in socks:
            poller.register(sock, zmq.POLLIN)
        poller.poll(timeout * 1000)

    # --- state sync ---------------------------------------------------------------------

    def _request_snapshot(self) -> None:
        req = proto.Request(name="snapshot", session=self.session)
        self._snap_id = req.id
        self._snap_deadline = time.monotonic() + max(self.command_timeout, 5.0)
        self._syncing = True
        self._buffer, self._buffered, self._overflow = [], 0, False
        self._snap_frames = proto.encode_request(self._signing_key, req)
        self._snap_sent = self._send(self._snap_frames)

    def _drain_sub(self, now: float, changed: set[str]) -> None:
        sock = self._sub
        while sock is not None:
            try:
                frames = sock.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                return
            self._last_heard = now
            try:
                topic, body = proto.decode_publication(frames)
            except proto.ProtocolError as exc:
                log.warning("dropped a publication: %s", exc)
                continue
            if topic == proto.TOPIC_DELTA:
                self._on_delta(body, changed)
            else:
                self._on_heartbeat(body)

    def _on_delta(self, body: dict[str, Any], changed: set[str]) -> None:
        epoch, first, changes = body["e"], body.get("f"), body.get("c")
        if not isinstance(first, int) or not isinstance(changes, list):
            log.warning("dropped a malformed delta")
            return
        if self._syncing:
            if self._overflow:
                return
            self._buffer.append((epoch, first, changes))
            self._buffered += len(changes)
            if self._buffered > MAX_BUFFERED_CHANGES:
                self._overflow = True
                self._buffer = []
            return
        mirror = self.mirror
        if epoch != mirror.epoch:
            log.info("daemon epoch changed (%s -> %s): resyncing", mirror.epoch, epoch)
            self._request_snapshot()
        elif first > mirror.sequence + 1:
            log.info("gap in deltas (have %d, got %d): resyncing", mirror.sequence, first)
            self._request_snapshot()
        elif first + len(changes) - 1 > mirror.sequence:
            mirror._apply(first, changes, changed)

    def _on_heartbeat(self, body: dict[str, Any]) -> None:
        if self._syncing:
            return
        seq = body.get("s")
        if body["e"] != self.mirror.epoch:
            log.info("heartbeat from a new daemon epoch: resyncing")
            self._request_snapshot()
        elif isinstance(seq, int) and seq > self.mirror.sequence:
            log.info("heartbeat shows missed deltas (%d > %d): resyncing",
                     seq, self.mirror.sequence)
            self._request_snapshot()

    def _drain_dealer(self, now: float, changed: set[str]) -> None:
        sock = self._dealer
        while sock is not None:
            try:
                frames = sock.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                return
            self._last_heard = now
            try:
                reply = proto.decode_reply(self._signing_key, frames)
            except proto.ProtocolError as exc:
                log.warning("dropped a reply: %s", exc)
                continue
            if reply.id == self._snap_id:
                self._on_snapshot(reply, changed)
                continue
            pending = self._pending.pop(reply.id, None)
            if pending is None:
                continue  # late answer to a timed-out command
            if reply.ok:
                if pending.on_success is not None:
                    self._due.append(lambda cb=pending.on_success, d=reply.data: cb(d))
            elif pending.on_failure is not None:
                err = CommandError(reply.code, reply.message)
                self._due.append(lambda cb=pending.on_failure, e=err: cb(e))

    def _on_snapshot(self, reply: proto.Reply, changed: set[str]) -> None:
        self._snap_id = ""
        if not reply.ok or not isinstance(reply.data, dict):
            log.warning("snapshot refused: %s %s", reply.code, reply.message)
            self._snap_deadline = time.monotonic() + self.heartbeat_s
            return
        if self._overflow:
            self._request_snapshot()
            return
        data = reply.data
        mirror = self.mirror
        changed.update(mirror)
        mirror._replace(data["epoch"], data["seq"], data["items"])
        changed.update(mirror)
        buffered, self._buffer, self._buffered = self._buffer, [], 0
        self._syncing = False
        for epoch, first, changes in buffered:
            if epoch != mirror.epoch or first + len(changes) - 1 <= mirror.sequence:
                continue
            if first > mirror.sequence + 1:
                self._request_snapshot()
                return
            mirror._apply(first, changes, changed)
        self.resyncs += 1
        self._backoff = BACKOFF_MIN_S
        for cb in self._resync_cbs:
            self._due.append(cb)
        self._set_link(LinkStatus.LIVE)

    # --- timers -------------------------------------------------------------------------

    def _check_timers(self, now: float) -> None:
        if self._dealer is None:
            return
        silent = now - self._last_heard
        if self.link_status is LinkStatus.LOST:
            if self._last_heard > self._lost_at:  # the daemon speaks again: resync
                log.info("%s answers again: resyncing", self.endpoint)
                self._set_link(LinkStatus.CONNECTING)
                self._resync_and_resend()
            elif now >= self._next_attempt:
                self._next_attempt = now + self._backoff
                self._backoff = min(self._backoff * 2, BACKOFF_MAX_S)
                self._reconnect_sub()
                self._resync_and_resend()
        elif silent > LIVENESS * self.heartbeat_s:
            log.warning("no word from %s for %d heartbeats: link lost", self.endpoint, LIVENESS)
            self._lost_at = now
            self._next_attempt = now + self._backoff
            self._backoff = min(self._backoff * 2, BACKOFF_MAX_S)
            self._set_link(LinkStatus.LOST)
        elif self._syncing and now > self._snap_deadline:
            self._request_snapshot()
        if self._syncing and self._snap_id and not self._snap_sent:
            self._snap_sent = self._send(self._snap_frames)
        for pending in self._pending.values():
            if not pending.sent:
                pending.sent = self._send(pending.frames)
        for msg_id in [i for i, p in self._pending.items() if now > p.deadline]:
            pending = self._pending.pop(msg_id)
            if pending.on_failure is not None:
                err = CommandError("timeout", f"no answer from {self.endpoint} in time")
                self._due.append(lambda cb=pending.on_failure, e=err: cb(e))

    def _reconnect_sub(self) -> None:
        """A fresh PUB connection on the same socket (its FD stays, for a GUI's notifier):
        libzmq never retries one the daemon refused at the handshake (allow-list, subscriber
        limits), and a silent one may be one the daemon chose not to serve."""
        if self._sub is None:
            return
        with contextlib.suppress(zmq.ZMQError):
            self._sub.disconnect(self.pub_endpoint)
        self._sub.connect(self.pub_endpoint)

    def _resync_and_resend(self) -> None:
        self._request_snapshot()
        for pending in self._pending.values():  # same ids: the daemon never applies twice
            pending.sent = self._send(pending.frames)

    def _set_link(self, status: LinkStatus) -> None:
        if status is self.link_status:
            return
        self.link_status = status
        self.link_since = time.time()
        for cb in self._link_cbs:
            self._due.append(lambda cb=cb, s=status: cb(s))
