"""Asterisk app_queue as the neutral floor: members are agents, queues skill groups,
the caller's channel Uniqueid is the call id. Event and field names follow the manager
event documentation in apps/app_queue.c and channels/chan_dahdi.c (Asterisk 13 – 22).

A member's neutral state comes from its queue memberships (none: signed out), ``Paused``
(not ready, with ``PausedReason``), ``InCall`` and the device ``Status`` (1 not in use,
2 in use, 3 busy, 4 invalid, 5 unavailable, 6 ringing, 7 ring in use, 8 on hold). A queue
penalty 0..9 is the skill level 10..1 (lower penalty = tried first = more skilled).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from models.agents import Agent, AgentState
from models.calls import CallOutcome, Participation
from models.equipment import Board, BoardKind, Channel, ChannelStatus, EquipmentStatus
from models.events import (
    AgentSkillsChanged,
    AgentStateChanged,
    BoardStatusChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallParticipantsChanged,
    CallQueued,
    CallRinging,
    ChannelStatusChanged,
    Event,
)
from models.queues import SkillGroup
from switchlink.adapters.ami.protocol import Message

UNAVAILABLE = {"0", "4", "5"}
MAX_LEVEL = 10


def agent_id(interface: str) -> str:
    """``PJSIP/1001`` or ``Local/1001@agents/n`` -> ``1001``: the work number on the floor."""
    tail = interface.split("/", 1)[-1]
    return tail.split("@", 1)[0] or interface


def level_of(penalty: str) -> int:
    try:
        return max(1, MAX_LEVEL - int(penalty))
    except ValueError:
        return MAX_LEVEL


def penalty_of(level: int) -> int:
    return MAX_LEVEL - level


@dataclass(slots=True)
class Member:
    interface: str
    name: str
    queues: dict[str, int] = field(default_factory=dict)  # queue -> level
    #: the queues last seen, kept after a sign-out so signing in again knows where to
    known_queues: dict[str, int] = field(default_factory=dict)
    paused: bool = False
    reason: str = ""
    status: str = "1"
    in_call: bool = False
    state: AgentState = AgentState.LOGGED_OUT

    def computed_state(self) -> AgentState:
        if not self.queues:
            return AgentState.LOGGED_OUT
        if self.status in ("6", "7"):
            return AgentState.RINGING
        if self.status == "8":
            return AgentState.ON_HOLD
        if self.in_call or self.status in ("2", "3"):
            return AgentState.TALKING
        if self.paused or self.status in UNAVAILABLE:
            return AgentState.NOT_READY
        return AgentState.READY

    def computed_reason(self) -> str:
        if self.paused:
            return self.reason or "paused"
        return "device unavailable" if self.status in UNAVAILABLE and self.queues else ""


@dataclass(slots=True)
class LiveCall:
    id: str
    channel: str
    queue: str = ""
    agent: str | None = None
    agent_channel: str = ""
    answered: bool = False
    spies: dict[str, str] = field(default_factory=dict)  # supervisor -> spy channel name
    modes: dict[str, Participation] = field(default_factory=dict)


class AmiFloor:
    """What the adapter knows of the switch, updated by AMI events into neutral events."""

    def __init__(self) -> None:
        self.members: dict[str, Member] = {}  # by agent id
        self.queues: dict[str, SkillGroup] = {}
        self.calls: dict[str, LiveCall] = {}
        self.spy_ids: dict[str, tuple[str, str]] = {}  # spy uniqueid -> (call, supervisor)
        self.channels: dict[str, Channel] = {}  # DAHDI channels
        self.boards: dict[str, Board] = {}  # DAHDI spans
        self.ignored = 0

    # --- snapshot -----------------------------------------------------------------------

    def load_queue_status(self, events: list[Message]) -> list[Event]:
        """Rebuild members and queues from a QueueStatus list; events for what changed."""
        seen: dict[str, Member] = {}
        waiting: list[Message] = []
        for m in events:
            if m.event == "QueueParams":
                queue = m.get("queue")
                threshold = int(m.get("servicelevel", "0") or 0)
                max_len = int(m.get("max", "0") or 0)
                self.queues[queue] = SkillGroup(queue, queue, float(threshold or 15),
                                                max_length=max_len or None)
            elif m.event == "QueueMember":
                interface = m.get("location") or m.get("interface")
                key = agent_id(interface)
                member = seen.setdefault(key, Member(interface, m.get("name") or key))
                member.queues[m.get("queue")] = level_of(m.get("penalty", "0"))
                member.known_queues = dict(member.queues)
                member.paused = m.get("paused") == "1"
                member.reason = m.get("pausedreason")
                member.status = m.get("status", "1")
                member.in_call = m.get("incall") == "1"
            elif m.event == "QueueEntry":
                waiting.append(m)
        out: list[Event] = []
        now = time.time()
        for key, old in list(self.members.items()):
            if key not in seen and old.queues:  # signed out while we were not looking
                old.queues = {}
                out += self._state_events(old, now)
        for key, member in seen.items():
            old = self.members.get(key)
            if old is not None:
                member.state = old.state
                member.known_queues = {**old.known_queues, **member.queues}
                if old.queues != member.queues:
                    out.append(AgentSkillsChanged(now, key, dict(member.queues)))
            self.members[key] = member
            out += self._state_events(member, now) if old is not None else []
            if old is None:
                member.state = member.computed_state()
        for m in waiting:
            call = m.get("uniqueid")
            if call and call not in self.calls:
                self.calls[call] = LiveCall(call, m.get("channel"), m.get("queue"))
                out += [CallArrived(now, call, m.get("calleridnum")),
                        CallQueued(now, call, m.get("queue"), int(m.get("priority", "0") or 0))]
        return out

    def agents(self) -> list[Agent]:
        return [Agent(key, m.name, "", dict(m.queues), m.state, time.time(),
                      m.computed_reason()) for key, m in self.members.items()]

    def load_dahdi(self, spans: list[Message], channels: list[Message]) -> None:
        for m in spans:
            span = f"dahdi-span-{m.get('span')}"
            alarms = m.get("alarms")
            ok = alarms.upper() in ("", "OK")
            self.boards[span] = Board(span, BoardKind.TRUNK, EquipmentStatus.UP if ok
                                      else EquipmentStatus.DOWN, "" if ok else alarms)
        for m in channels:
            cid = f"DAHDI/{m.get('dahdichannel')}"
            alarm = m.get("alarm")
            ok = alarm in ("", "No Alarm")
            busy = bool(m.get("uniqueid"))
            self.channels[cid] = Channel(
                cid, "dahdi", BoardKind.TRUNK,
                ChannelStatus.BUSY if busy else ChannelStatus.IDLE if ok else ChannelStatus.DOWN,
                m.get("uniqueid") or None, "" if ok else alarm)
        if self.channels and "dahdi" not in self.boards:
            self.boards["dahdi"] = Board("dahdi", BoardKind.TRUNK)

    # --- events -------------------------------------------------------------------------

    def on_event(self, m: Message) -> list[Event]:
        handler = getattr(self, "_on_" + m.event.lower(), None)
        if handler is None:
            self.ignored += 1
            return []
        stamp = m.get("timestamp")
        try:
            now = float(stamp) if stamp else time.time()
        except ValueError:
            now = time.time()
        return handler(m, now)

    def _member(self, m: Message) -> Member:
        interface = m.get("interface") or m.get("location")
        key = agent_id(interface)
        member = self.members.get(key)
        if member is None:
            member = self.members[key] = Member(interface, m.get("membername") or key)
        return member

    def _state_events(self, member: Member, now: float, **extra: object) -> list[Event]:
        new = member.computed_state()
        if new == member.state:
            return []
        member.state = new
        return [AgentStateChanged(now, agent_id(member.interface), new,
                                  member.computed_reason(), **extra)]  # type: ignore[arg-type]

    def _update_member(self, m: Message, member: Member) -> None:
        if m.get("paused"):
            member.paused = m.get("paused") == "1"
            member.reason = m.get("pausedreason")
        if m.get("status"):
            member.status = m.get("status")
        if m.get("incall"):
            member.in_call = m.get("incall") == "1"

    def _on_queuememberstatus(self, m: Message, now: float) -> list[Event]:
        member = self._member(m)
        self._update_member(m, member)
        return self._state_events(member, now)

    _on_queuememberpause = _on_queuememberstatus
    _on_queuememberpaused = _on_queuememberstatus  # Asterisk 11's name for it

    def _on_queuememberadded(self, m: Message, now: float) -> list[Event]:
        member = self._member(m)
        member.queues[m.get("queue")] = level_of(m.get("penalty", "0"))
        member.known_queues = {**member.known_queues, **member.queues}
        self._update_member(m, member)
        return [AgentSkillsChanged(now, agent_id(member.interface), dict(member.queues)),
                *self._state_events(member, now)]

    def _on_queuememberremoved(self, m: Message, now: float) -> list[Event]:
        member = self._member(m)
        member.queues.pop(m.get("queue"), None)
        return [AgentSkillsChanged(now, agent_id(member.interface), dict(member.queues)),
                *self._state_events(member, now)]

    def _on_queuememberpenalty(self, m: Message, now: float) -> list[Event]:
        member = self._member(m)
        member.queues[m.get("queue")] = level_of(m.get("penalty", "0"))
        member.known_queues = {**member.known_queues, **member.queues}
        return [AgentSkillsChanged(now, agent_id(member.interface), dict(member.queues))]

    def _on_newchannel(self, m: Message, now: float) -> list[Event]:
        uid = m.get("uniqueid")
        if uid in self.spy_ids or uid in self.calls or m.get("linkedid", uid) != uid:
            return []  # a supervisor's spy leg, a call we placed, or a leg of a known call
        self.calls[uid] = LiveCall(uid, m.get("channel"))
        return [CallArrived(now, uid, m.get("calleridnum"), m.get("exten"))]

    def _call_for(self, m: Message, now: float) -> tuple[LiveCall, list[Event]]:
        uid = m.get("uniqueid")
        call = self.calls.get(uid)
        if call is not None:
            return call, []
        call = self.calls[uid] = LiveCall(uid, m.get("channel"))
        return call, [CallArrived(now, uid, m.get("calleridnum"), m.get("exten"))]

    def _on_queuecallerjoin(self, m: Message, now: float) -> list[Event]:
        call, out = self._call_for(m, now)
        call.queue = m.get("queue")
        return [*out, CallQueued(now, call.id, call.queue, int(m.get("priority", "0") or 0))]

    def _on_queuecallerleave(self, m: Message, now: float) -> list[Event]:
        return []  # AgentConnect, QueueCallerAbandon or Hangup says how it went

    def _on_queuecallerabandon(self, m: Message, now: float) -> list[Event]:
        call = self.calls.pop(m.get("uniqueid"), None)
        return [CallEnded(now, call.id, CallOutcome.ABANDONED)] if call else []

    def _on_agentcalled(self, m: Message, now: float) -> list[Event]:
        call, out = self._call_for(m, now)
        call.agent = agent_id(m.get("interface"))
        return [*out, CallRinging(now, call.id, call.agent)]

    def _on_agentringnoanswer(self, m: Message, now: float) -> list[Event]:
        call = self.calls.get(m.get("uniqueid"))
        if call is None:
            return []
        call.agent = None
        return [CallQueued(now, call.id, m.get("queue") or call.queue)]

    def _on_agentconnect(self, m: Message, now: float) -> list[Event]:
        call, out = self._call_for(m, now)
        call.agent = agent_id(m.get("interface"))
        call.agent_channel = m.get("destchannel")
        call.answered = True
        return [*out, CallAnswered(now, call.id, call.agent)]

    def _on_agentcomplete(self, m: Message, now: float) -> list[Event]:
        call = self.calls.pop(m.get("uniqueid"), None)
        return [CallEnded(now, call.id, CallOutcome.ANSWERED)] if call else []

    def _on_hangup(self, m: Message, now: float) -> list[Event]:
        uid = m.get("uniqueid")
        if uid in self.spy_ids:
            call_id, supervisor = self.spy_ids.pop(uid)
            call = self.calls.get(call_id)
            if call is None:
                return []
            call.spies.pop(supervisor, None)
            call.modes.pop(supervisor, None)
            return [CallParticipantsChanged(now, call.id, dict(call.modes))]
        call = self.calls.pop(uid, None)
        if call is None:
            return []
        outcome = CallOutcome.ANSWERED if call.answered else (
            CallOutcome.ABANDONED if call.queue else CallOutcome.SELF_SERVICE)
        for spy in list(self.spy_ids):
            if self.spy_ids[spy][0] == call.id:
                del self.spy_ids[spy]
        return [CallEnded(now, call.id, outcome)]

    def _dahdi_channel(self, m: Message, now: float, down: bool) -> list[Event]:
        cid = f"DAHDI/{m.get('dahdichannel') or m.get('channel')}"
        status = ChannelStatus.DOWN if down else ChannelStatus.IDLE
        error = m.get("alarm") if down else ""
        channel = self.channels.get(cid)
        if channel is None:
            channel = self.channels[cid] = Channel(cid, "dahdi", BoardKind.TRUNK)
            self.boards.setdefault("dahdi", Board("dahdi", BoardKind.TRUNK))
        channel.status, channel.last_error = status, error
        return [ChannelStatusChanged(now, cid, status, error=error)]

    def _on_alarm(self, m: Message, now: float) -> list[Event]:
        return self._dahdi_channel(m, now, True)

    def _on_alarmclear(self, m: Message, now: float) -> list[Event]:
        return self._dahdi_channel(m, now, False)

    def _span(self, m: Message, now: float, down: bool) -> list[Event]:
        bid = f"dahdi-span-{m.get('span')}"
        status = EquipmentStatus.DOWN if down else EquipmentStatus.UP
        error = m.get("alarm") if down else ""
        self.boards[bid] = Board(bid, BoardKind.TRUNK, status, error)
        return [BoardStatusChanged(now, bid, status, error)]

    def _on_spanalarm(self, m: Message, now: float) -> list[Event]:
        return self._span(m, now, True)

    def _on_spanalarmclear(self, m: Message, now: float) -> list[Event]:
        return self._span(m, now, False)
