"""One AMI TCP session: login, actions matched to responses by ActionID, a reader thread.

Plain sockets and one thread rather than an asyncio client library: the daemon is a
synchronous loop that polls adapters (docs/decisions.md, issue 14).
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
from collections.abc import Callable

from switchlink.adapters.ami.protocol import AmiParser, Message, format_action
from switchlink.adapters.errors import LinkDown, LoginRefused, ProtocolSurprise

#: actions whose answer is an event list ending in an ``EventList: Complete`` event
LIST_ACTIONS = frozenset({"queuestatus", "queuesummary", "dahdishowchannels",
                          "dahdishowstatus", "coreshowchannels"})


class _Pending:
    def __init__(self, is_list: bool) -> None:
        self.is_list = is_list
        self.response: Message | None = None
        self.events: list[Message] = []
        self.done = threading.Event()


class AmiConnection:
    """Connect, log in, then :meth:`action`; unsolicited events go to ``on_event``."""

    def __init__(self, host: str, port: int, timeout_s: float,
                 on_event: Callable[[Message], None],
                 on_lost: Callable[[str], None]) -> None:
        self.where = f"{host}:{port}"
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.on_event, self.on_lost = on_event, on_lost
        self.parser = AmiParser()
        self._sock: socket.socket | None = None
        self._ids = itertools.count(1)
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._reader: threading.Thread | None = None

    # --- opening and closing ------------------------------------------------------------

    def open(self, username: str, secret: str) -> None:
        try:
            self._sock = socket.create_connection((self.host, self.port), self.timeout_s)
        except OSError as exc:
            why = "no answer (timed out)" if isinstance(exc, TimeoutError) else (
                exc.strerror or str(exc))
            raise LinkDown(f"asterisk AMI at {self.where} is unreachable: {why}") from None
        self._sock.settimeout(None)
        self._reader = threading.Thread(target=self._read, name="ami-reader", daemon=True)
        self._reader.start()
        reply = self.action("Login", Username=username, Secret=secret, Events="on")
        if reply.response != "Success":
            self.close()
            raise LoginRefused(f"asterisk AMI at {self.where} refused the login of "
                               f"{username!r}: {reply.get('message') or reply.response}")

    def close(self) -> None:
        self._closed = True
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._fail_pending("connection closed")

    def _fail_pending(self, why: str) -> None:
        with self._lock:
            pending, self._pending = list(self._pending.values()), {}
        for p in pending:
            p.response = None
            p.done.set()
        self._lost_reason = why

    # --- actions ------------------------------------------------------------------------

    def action(self, name: str, **fields: object) -> Message:
        """Send one action and wait for its response."""
        response, _events = self._send(name, fields)
        return response

    def list(self, name: str, **fields: object) -> tuple[Message, list[Message]]:
        """A list action: its response and the events up to the Complete event."""
        return self._send(name, fields)

    def _send(self, name: str, fields: dict[str, object]) -> tuple[Message, list[Message]]:
        sock = self._sock
        if sock is None:
            raise LinkDown(f"asterisk AMI at {self.where} is not connected")
        action_id = f"callfloor-{next(self._ids)}"
        pending = _Pending(name.lower() in LIST_ACTIONS)
        with self._lock:
            self._pending[action_id] = pending
        try:
            sock.sendall(format_action(name, action_id, fields))
        except OSError as exc:
            with self._lock:
                self._pending.pop(action_id, None)
            raise LinkDown(f"asterisk AMI at {self.where}: sending {name} failed: "
                           f"{exc.strerror or exc}") from None
        if not pending.done.wait(self.timeout_s):
            with self._lock:
                self._pending.pop(action_id, None)
            raise ProtocolSurprise(f"asterisk AMI at {self.where}: no complete answer to "
                                   f"{name} within {self.timeout_s:g} s")
        if pending.response is None:
            raise LinkDown(f"asterisk AMI at {self.where}: connection lost during {name}")
        return pending.response, pending.events

    # --- reading ------------------------------------------------------------------------

    def _read(self) -> None:
        sock = self._sock
        why = "closed by the server"
        while sock is not None:
            try:
                data = sock.recv(65536)
            except OSError as exc:
                why = exc.strerror or str(exc)
                break
            if not data:
                break
            for message in self.parser.feed(data):
                self._dispatch(message)
        if not self._closed:
            self._fail_pending(why)
            self.on_lost(f"asterisk AMI at {self.where}: {why}")

    def _dispatch(self, message: Message) -> None:
        action_id = message.action_id
        with self._lock:
            pending = self._pending.get(action_id) if action_id else None
        if pending is None:
            if message.event:
                self.on_event(message)
            return
        if message.response:
            pending.response = message
            listing = message.get("eventlist").lower() == "start"
            if not (pending.is_list and listing and message.response == "Success"):
                self._finish(action_id, pending)
        elif message.event:
            if message.get("eventlist").lower() in ("complete", "cancelled"):
                self._finish(action_id, pending)
            else:
                pending.events.append(message)

    def _finish(self, action_id: str, pending: _Pending) -> None:
        with self._lock:
            self._pending.pop(action_id, None)
        pending.done.set()
