"""``AmiAdapter``: Asterisk with app_queue through the Asterisk Manager Interface.

Options: ``host`` (127.0.0.1), ``port`` (5038), ``username``, ``secret``, ``timeout_s`` (5),
``max_backoff_s`` (30), ``supervisor_channel`` (dial string of a supervisor's phone, default
``PJSIP/{supervisor}``), ``outbound_channel`` (``PJSIP/{number}@trunk``), ``outbound_context``
(dialplan context that plays ``announcement``; empty: Playback application),
``transfer_context`` (context holding queue and agent extensions; empty: no transfer).

The link is one AMI session; a reader thread turns events into neutral events
(:mod:`mapping`). When the session drops the link is reported down and a thread reconnects
with doubling back-off, logs in again and re-reads QueueStatus so the floor is right again.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
import time
import uuid
from typing import Any, ClassVar

from models.agents import AgentState
from models.calls import Participation
from models.equipment import Board, BoardKind, Channel, Counters, EquipmentStatus, Link, Trunk
from models.events import (
    AgentLogoutPending,
    CallParticipantsChanged,
    Event,
    LinkStatusChanged,
    TestCompleted,
)
from switchlink.adapters.ami.connection import AmiConnection
from switchlink.adapters.ami.mapping import AmiFloor, penalty_of
from switchlink.adapters.ami.protocol import Message
from switchlink.adapters.base import Inventory, SwitchAdapter, check_number
from switchlink.adapters.errors import (
    AdapterError,
    InvalidArgument,
    InvalidOperation,
    LinkDown,
    ProtocolSurprise,
    UnknownTarget,
    UnsupportedOperation,
)
from switchlink.adapters.limits import check_options

OPTIONS = frozenset({"host", "port", "username", "secret", "timeout_s", "max_backoff_s",
                     "supervisor_channel", "outbound_channel", "outbound_context",
                     "transfer_context", "id"})
#: ChanSpy options per mode: q quiet, d DTMF 4/5/6 switch modes, E end with the spied call
SPY_OPTIONS = {Participation.MONITOR: "qdE", Participation.WHISPER: "qdwE",
               Participation.BARGE: "qdBE"}
#: ChanSpy's ``d`` option: these digits switch a running spy between the modes
SPY_DIGITS = {Participation.MONITOR: "4", Participation.WHISPER: "5", Participation.BARGE: "6"}


class AmiAdapter(SwitchAdapter):
    """Asterisk app_queue queues, members and calls behind the neutral contract."""

    name: ClassVar[str] = "ami"
    capabilities: ClassVar[frozenset[str]] = frozenset({"acd"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        check_options("ami", options, OPTIONS)
        self.host = str(options.get("host", "127.0.0.1"))
        self.port = int(check_number("port", options.get("port", 5038), low=1, high=65535,
                                     integer=True))
        self.username = str(options.get("username", "callfloor"))
        self.secret = str(options.get("secret", ""))
        self.id = str(options.get("id", "asterisk"))
        self.timeout_s = float(check_number("timeout_s", options.get("timeout_s", 5.0),
                                            low=0.1, high=300))
        self.max_backoff_s = float(check_number(
            "max_backoff_s", options.get("max_backoff_s", 30.0), low=0.05, high=3600))
        self.supervisor_channel = str(options.get("supervisor_channel", "PJSIP/{supervisor}"))
        self.outbound_channel = str(options.get("outbound_channel", "PJSIP/{number}@trunk"))
        self.outbound_context = str(options.get("outbound_context", ""))
        self.transfer_context = str(options.get("transfer_context", ""))
        self.floor = AmiFloor()
        self._events: queue.Queue[Event] = queue.Queue()
        self._lock = threading.RLock()
        self._conn: AmiConnection | None = None
        self._link_error = ""
        self._reconnects = 0
        self._latency_ms = 0.0
        self._stop = threading.Event()
        self._reconnector: threading.Thread | None = None
        self._pending_logout: dict[str, str] = {}
        self._test_ids = itertools.count(1)

    # --- the session --------------------------------------------------------------------

    def _connect(self) -> list[Event]:
        """Open, log in and take a snapshot; events for whatever changed meanwhile."""
        conn = AmiConnection(self.host, self.port, self.timeout_s, self._on_ami_event,
                             self._on_lost)
        conn.open(self.username, self.secret)
        try:
            started = time.monotonic()
            reply, events = conn.list("QueueStatus")
            self._latency_ms = (time.monotonic() - started) * 1000
            if reply.response != "Success":
                raise ProtocolSurprise(f"asterisk AMI at {conn.where}: QueueStatus refused: "
                                       f"{reply.get('message')}")
            spans = channels = []
            reply, found = conn.list("DAHDIShowStatus")
            if reply.response == "Success":  # chan_dahdi loaded: spans and their channels
                spans = found
                _reply, channels = conn.list("DAHDIShowChannels")
            with self._lock:
                changes = self.floor.load_queue_status(events)
                self.floor.load_dahdi(spans, channels)
                self._conn, self._link_error = conn, ""
        except AdapterError:
            conn.close()
            raise
        return changes

    def _on_ami_event(self, message: Message) -> None:
        with self._lock:
            events = self.floor.on_event(message)
            for event in events:
                self._events.put(event)
            for agent in list(self._pending_logout):
                if agent not in self.floor.members or self.floor.members[agent].state in (
                        AgentState.AFTER_CALL_WORK, AgentState.READY, AgentState.NOT_READY):
                    self._pending_logout.pop(agent, None)
                    # not on this (the reader's) thread: it must stay free to read the answers
                    threading.Thread(target=self._finish_logout, args=(agent,), daemon=True,
                                     name="ami-logout").start()

    def _on_lost(self, why: str) -> None:
        with self._lock:
            self._conn, self._link_error = None, why
        self._events.put(LinkStatusChanged(time.time(), self.id, EquipmentStatus.DOWN,
                                           error=why))
        if not self._stop.is_set():
            self._reconnector = threading.Thread(target=self._reconnect, daemon=True,
                                                 name="ami-reconnect")
            self._reconnector.start()

    def _reconnect(self) -> None:
        delay = 0.5
        while not self._stop.wait(min(delay, self.max_backoff_s)):
            try:
                changes = self._connect()
            except LinkDown as exc:
                with self._lock:
                    self._link_error = str(exc)
                delay *= 2
                continue
            except AdapterError as exc:  # refused login, surprises: keep trying, say why
                with self._lock:
                    self._link_error = str(exc)
                delay *= 2
                continue
            with self._lock:
                self._reconnects += 1
            self._events.put(LinkStatusChanged(time.time(), self.id, EquipmentStatus.UP,
                                               self._latency_ms))
            for event in changes:
                self._events.put(event)
            return

    def _send(self, action: str, **fields: object) -> Message:
        with self._lock:
            conn = self._conn
        if conn is None:
            raise LinkDown(f"asterisk AMI link {self.id} is down: {self._link_error}")
        reply = conn.action(action, **fields)
        if reply.response != "Success":
            raise InvalidOperation(f"asterisk refused {action}: "
                                   f"{reply.get('message') or reply.response}")
        return reply

    # --- lifecycle ----------------------------------------------------------------------

    def _start(self) -> Inventory:
        for event in self._connect():
            self._events.put(event)
        with self._lock:
            return Inventory(self.floor.agents(), list(self.floor.queues.values()),
                             self._boards(), self._trunks(), self._channels(), self._links())

    def _shutdown(self) -> None:
        self._stop.set()
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(AdapterError):
                conn.action("Logoff")
            conn.close()

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        out: list[Event] = []
        with contextlib.suppress(queue.Empty):
            out.append(self._events.get(timeout=timeout) if timeout else
                       self._events.get_nowait())
            while len(out) < max_events:
                out.append(self._events.get_nowait())
        return out

    def _now(self) -> float:
        return time.time()

    # --- agents -------------------------------------------------------------------------

    def _member(self, agent: str):  # type: ignore[no-untyped-def]
        with self._lock:
            member = self.floor.members.get(agent)
        if member is None:
            raise UnknownTarget(f"ami: no queue member with work number {agent!r}")
        return member

    def _login(self, agent: str, state: AgentState) -> None:
        member = self._member(agent)
        levels = member.queues or member.known_queues
        if not levels:
            raise InvalidOperation(f"ami: {agent} has no queues to sign into; set skills first")
        for queue_name, level in levels.items():
            self._send("QueueAdd", Queue=queue_name, Interface=member.interface,
                       Penalty=penalty_of(level), MemberName=member.name,
                       Paused=state == AgentState.NOT_READY)

    def _set_state(self, agent: str, state: AgentState, reason: str, forced: bool,
                   by: str) -> None:
        member = self._member(agent)
        if state == AgentState.LOGGED_OUT:
            if member.state.on_call:
                with self._lock:
                    self._pending_logout[agent] = reason
                self._events.put(AgentLogoutPending(time.time(), agent, reason, by))
                return
            self._remove_everywhere(agent)
            return
        if not member.queues:
            raise InvalidOperation(f"ami: {agent} is signed out; sign in first")
        self._send("QueuePause", Interface=member.interface,
                   Paused=state == AgentState.NOT_READY,
                   Reason=reason or ("forced" if forced else None))

    def _remove_everywhere(self, agent: str) -> None:
        member = self._member(agent)
        for queue_name in list(member.queues):
            self._send("QueueRemove", Queue=queue_name, Interface=member.interface)

    def _finish_logout(self, agent: str) -> None:
        """The deferred forced sign-out, once the agent's call has ended."""
        with contextlib.suppress(AdapterError):
            self._remove_everywhere(agent)

    def _set_skills(self, agent: str, skills: dict[str, int]) -> None:
        member = self._member(agent)
        unknown = sorted(set(skills) - set(self.floor.queues))
        if unknown:
            raise UnknownTarget(f"ami: no queue named {', '.join(unknown)}")
        current = dict(member.queues)
        for queue_name, level in skills.items():
            if queue_name not in current:
                self._send("QueueAdd", Queue=queue_name, Interface=member.interface,
                           Penalty=penalty_of(level), MemberName=member.name,
                           Paused=member.paused)
            elif current[queue_name] != level:
                self._send("QueuePenalty", Interface=member.interface,
                           Penalty=penalty_of(level), Queue=queue_name)
        for queue_name in set(current) - set(skills):
            self._send("QueueRemove", Queue=queue_name, Interface=member.interface)

    # --- calls --------------------------------------------------------------------------

    def _call(self, call: str):  # type: ignore[no-untyped-def]
        with self._lock:
            live = self.floor.calls.get(call)
        if live is None:
            raise UnknownTarget(f"ami: no call {call!r} in progress")
        return live

    def _join_call(self, call: str, supervisor: str, how: Participation) -> None:
        live = self._call(call)
        if not live.agent_channel:
            raise InvalidOperation(f"ami: call {call} is not connected to an agent yet")
        spy = live.spies.get(supervisor)
        if spy:  # already listening: ChanSpy's d option switches mode on a digit
            self._send("PlayDTMF", Channel=spy, Digit=SPY_DIGITS[how], Receive=True)
        else:
            spy_id = f"callfloor-spy-{uuid.uuid4().hex[:12]}"
            with self._lock:
                self.floor.spy_ids[spy_id] = (call, supervisor)
            device = self.supervisor_channel.format(supervisor=supervisor)
            self._send("Originate", Channel=device, Application="ChanSpy",
                       Data=f"{live.agent_channel},{SPY_OPTIONS[how]}", Async=True,
                       ChannelId=spy_id, CallerID=f"callfloor <{supervisor}>")
            live.spies[supervisor] = spy_id  # Asterisk finds a channel by its Uniqueid too
        live.modes[supervisor] = how
        self._events.put(CallParticipantsChanged(time.time(), call, dict(live.modes)))

    def _leave_call(self, call: str, supervisor: str) -> None:
        live = self._call(call)
        spy = live.spies.get(supervisor)
        if spy is None:
            raise InvalidOperation(f"ami: {supervisor} is not on call {call}")
        self._send("Hangup", Channel=spy)

    def _force_release(self, call: str, by: str, reason: str) -> None:
        live = self._call(call)
        self._send("Hangup", Channel=live.channel, Cause=16)

    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None:
        if not self.transfer_context:
            raise UnsupportedOperation("ami: transfer needs the transfer_context option (a "
                                       "dialplan context with queue and agent extensions)")
        live = self._call(call)
        self._send("Redirect", Channel=live.channel, Context=self.transfer_context,
                   Exten=to_queue or to_agent, Priority=1)

    def _originate(self, number: str, announcement: str, caller_id: str) -> str:
        if any(c in number for c in ",|/@\r\n"):
            raise InvalidArgument(f"number {number!r} has characters a dial string cannot take")
        call = f"callfloor-out-{uuid.uuid4().hex[:12]}"
        fields: dict[str, object] = {
            "Channel": self.outbound_channel.format(number=number), "Async": True,
            "ChannelId": call, "CallerID": caller_id or None, "Timeout": 30000}
        if self.outbound_context:
            fields.update(Context=self.outbound_context, Exten=number, Priority=1,
                          Variable=f"CALLFLOOR_ANNOUNCEMENT={announcement}")
        else:
            fields.update(Application="Playback", Data=announcement or "beep")
        self._send("Originate", **fields)
        return call

    # --- equipment ----------------------------------------------------------------------

    def _boards(self) -> list[Board]:
        with self._lock:
            up = self._conn is not None
            return [Board(self.id, BoardKind.ACD, EquipmentStatus.UP if up
                          else EquipmentStatus.DOWN, self._link_error),
                    *self.floor.boards.values()]

    def _trunks(self) -> list[Trunk]:
        return []

    def _channels(self) -> list[Channel]:
        with self._lock:
            return list(self.floor.channels.values())

    def _links(self) -> list[Link]:
        with self._lock:
            up = self._conn is not None
            return [Link(self.id, EquipmentStatus.UP if up else EquipmentStatus.DOWN,
                         self._latency_ms, self._link_error, Counters(errors=self._reconnects))]

    def _self_test(self, board: str) -> str:
        if board != self.id:
            raise UnsupportedOperation(f"ami: only the AMI link ({self.id}) can self-test, "
                                       f"not {board!r}")
        test = f"{self.id}-selftest-{next(self._test_ids)}"
        started = time.monotonic()
        try:
            self._send("Ping")
            with self._lock:
                conn = self._conn
            if conn is None:
                raise LinkDown(f"asterisk AMI link {self.id} is down")
            _reply, summary = conn.list("QueueSummary")
            rtt = (time.monotonic() - started) * 1000
            logged_in = sum(int(m.get("loggedin", "0") or 0) for m in summary)
            passed, detail = True, (f"ping and QueueSummary in {rtt:.0f} ms; {len(summary)} "
                                    f"queue(s), {logged_in} member(s) logged in")
        except AdapterError as exc:
            passed, detail = False, str(exc)
        self._events.put(TestCompleted(time.time(), board, "self_test", passed, detail))
        return test

    def _loopback_test(self, channel: str) -> str:
        raise UnsupportedOperation("ami: loopback test calls are not supported yet")



