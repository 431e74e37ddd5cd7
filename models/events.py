"""The typed event stream every adapter emits and the engine, metrics and recorder consume.

Events are facts the switch reports, in order; ``t`` is switch time in seconds since the
Unix epoch (the emulator's simulated clock, or the vendor's timestamp). They are frozen so
one instance can be shared by every consumer.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from models.agents import AgentState
from models.calls import CallOutcome, CustomerLevel, Direction, Participation
from models.equipment import ChannelStatus, EquipmentStatus
from models.fax import FaxStatus


@dataclass(frozen=True, slots=True)
class Event:
    t: float

    def as_dict(self) -> dict[str, Any]:
        """A plain dict (enums as their values) with the event's type name under ``type``."""
        out: dict[str, Any] = {"type": type(self).__name__}
        for f in fields(self):
            out[f.name] = _plain(getattr(self, f.name))
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") else value


# --- agents -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgentStateChanged(Event):
    agent: str
    state: AgentState
    reason: str = ""
    #: True when a supervisor forced the change (强制示闲 / 强制示忙 / 强制签出)
    forced: bool = False
    by: str = ""


@dataclass(frozen=True, slots=True)
class AgentSkillsChanged(Event):
    agent: str
    skills: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AgentLogoutPending(Event):
    """A forced sign-out was asked for during a call; it applies when the call ends."""

    agent: str
    reason: str = ""
    by: str = ""


@dataclass(frozen=True, slots=True)
class AgentLogoutCancelled(Event):
    """A pending forced sign-out was cancelled before the call ended (issue 12)."""

    agent: str
    reason: str = ""
    by: str = ""


# --- calls ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallArrived(Event):
    call: str
    caller: str
    callee: str = ""
    customer_level: CustomerLevel = CustomerLevel.NORMAL
    direction: Direction = Direction.INBOUND
    trunk: str | None = None
    announcement: str = ""


@dataclass(frozen=True, slots=True)
class CallIvrStep(Event):
    """The caller reached an IVR node (the trail travels with the call)."""

    call: str
    node: str
    #: the flow the node belongs to ("" for the emulator's simple IVR stage and routing steps)
    flow: str = ""


@dataclass(frozen=True, slots=True)
class CallIvrTrail(Event):
    """The IVR trail handed on with a call leaving the flow for an agent or a queue:
    the last steps (``node: what``) and the menu position (docs/ivr.md)."""

    call: str
    flow: str
    steps: tuple[str, ...] = ()
    position: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SurveyAnswered(Event):
    """A caller answered a satisfaction-survey question (feeds 答复满意率)."""

    call: str
    flow: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class CallQueued(Event):
    call: str
    queue: str
    priority: int = 0


@dataclass(frozen=True, slots=True)
class CallRinging(Event):
    call: str
    agent: str


@dataclass(frozen=True, slots=True)
class CallAnswered(Event):
    """An agent (inbound) or the called party (outbound) answered."""

    call: str
    agent: str | None = None


@dataclass(frozen=True, slots=True)
class CallHeld(Event):
    call: str


@dataclass(frozen=True, slots=True)
class CallRetrieved(Event):
    call: str


@dataclass(frozen=True, slots=True)
class CallTransferred(Event):
    call: str
    from_agent: str | None
    to_agent: str | None = None
    to_queue: str | None = None


@dataclass(frozen=True, slots=True)
class CallParticipantsChanged(Event):
    call: str
    participants: dict[str, Participation] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CallRecordingStarted(Event):
    """A supervisor monitoring the call started recording it (监听录音)."""

    call: str
    by: str


@dataclass(frozen=True, slots=True)
class CallRecordingStopped(Event):
    """The recording ended: the supervisor left, or the call ended or moved on."""

    call: str
    by: str
    started_at: float = 0.0


@dataclass(frozen=True, slots=True)
class CallScreened(Event):
    """The blacklist matched the caller on arrival (docs/blacklist.md "Enforcement").

    ``action`` is ``busy`` / ``release`` (the call ends ``blocked`` without reaching an
    agent) or ``warn`` (it goes on, and its agent is warned). ``in_switch``: the switch
    applied the action itself; otherwise switchlink released the call through the adapter.
    """

    call: str
    number: str
    entry: int
    action: str
    reason: str = ""
    in_switch: bool = True


@dataclass(frozen=True, slots=True)
class CallEnded(Event):
    call: str
    outcome: CallOutcome


# --- equipment --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardStatusChanged(Event):
    board: str
    status: EquipmentStatus
    error: str = ""


@dataclass(frozen=True, slots=True)
class TrunkStatusChanged(Event):
    trunk: str
    status: EquipmentStatus
    in_use: int = 0
    error: str = ""


@dataclass(frozen=True, slots=True)
class ChannelStatusChanged(Event):
    channel: str
    status: ChannelStatus
    call: str | None = None
    error: str = ""


@dataclass(frozen=True, slots=True)
class LinkStatusChanged(Event):
    link: str
    status: EquipmentStatus
    latency_ms: float = 0.0
    error: str = ""


@dataclass(frozen=True, slots=True)
class TestCompleted(Event):
    """A self-test, loopback test call, prompt test-play or line test finished."""

    target: str
    kind: str
    passed: bool
    detail: str = ""
    #: the id the adapter returned when the test started ("" if it cannot say)
    test: str = ""
    #: what was measured, by name (``tone_dbm0``, ``dtmf_echoed``, ``round_trip_ms`` …)
    measured: dict[str, float] = field(default_factory=dict)


# --- fax --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FaxJobChanged(Event):
    job: str
    status: FaxStatus
    number: str = ""
    pages: int = 0
    error: str = ""


#: Every event type by name, for decoding and for the docs.
EVENT_TYPES: dict[str, type[Event]] = {
    cls.__name__: cls
    for cls in (
        AgentStateChanged,
        AgentSkillsChanged,
        AgentLogoutPending,
        AgentLogoutCancelled,
        CallArrived,
        CallIvrStep,
        CallIvrTrail,
        SurveyAnswered,
        CallQueued,
        CallRinging,
        CallAnswered,
        CallHeld,
        CallRetrieved,
        CallTransferred,
        CallParticipantsChanged,
        CallRecordingStarted,
        CallRecordingStopped,
        CallScreened,
        CallEnded,
        BoardStatusChanged,
        TrunkStatusChanged,
        ChannelStatusChanged,
        LinkStatusChanged,
        TestCompleted,
        FaxJobChanged,
    )
}
