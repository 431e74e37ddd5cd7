"""Calls: who rang, where they went, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CustomerLevel(StrEnum):
    """Customer level used for priority and for the blacklist."""

    NORMAL = "normal"  # 普通客户
    VIP = "vip"  # 大客户 / 高端客户


class Direction(StrEnum):
    INBOUND = "inbound"  # 呼入
    OUTBOUND = "outbound"  # 外呼
    INTERNAL = "internal"  # 内部呼叫


class CallPhase(StrEnum):
    """Where a live call is now."""

    ARRIVING = "arriving"
    IVR = "ivr"
    QUEUED = "queued"
    RINGING = "ringing"
    TALKING = "talking"
    ON_HOLD = "on_hold"
    DIALING = "dialing"  # outbound, not yet answered
    ENDED = "ended"


class CallOutcome(StrEnum):
    """How a call ended."""

    ANSWERED = "answered"  # 接通 (an agent, or the callee of an outbound call, answered)
    SELF_SERVICE = "self_service"  # finished in the IVR without an agent
    ABANDONED = "abandoned"  # caller hung up while waiting (放弃)
    BUSY = "busy"  # rejected: no trunk free or queue full (系统忙)
    BLOCKED = "blocked"  # filtered by the blacklist (拦截)
    NO_ANSWER = "no_answer"  # outbound: nobody answered
    INVALID = "invalid"  # outbound: invalid / empty number
    MACHINE = "machine"  # outbound: answered by an answering machine (答录机)
    RELEASED = "released"  # force-released by a supervisor (强拆)
    DROPPED = "dropped"  # cut off by an equipment failure or reset (掉线)


class Participation(StrEnum):
    """How a supervisor takes part in a call."""

    MONITOR = "monitor"  # 监听
    WHISPER = "whisper"  # 耳语 / 辅导
    BARGE = "barge"  # 强插


@dataclass(slots=True)
class Call:
    """One call through the center, inbound or outbound."""

    id: str
    caller: str
    callee: str = ""
    customer_level: CustomerLevel = CustomerLevel.NORMAL
    direction: Direction = Direction.INBOUND
    queue: str | None = None
    phase: CallPhase = CallPhase.ARRIVING
    agent: str | None = None
    trunk: str | None = None
    arrived_at: float = 0.0
    ivr_at: float | None = None
    queued_at: float | None = None
    ringing_at: float | None = None
    answered_at: float | None = None
    ended_at: float | None = None
    outcome: CallOutcome | None = None
    #: IVR nodes visited, oldest first (the caller's IVR trail)
    ivr_trail: list[str] = field(default_factory=list)
    #: the flow the caller went through, its last steps (``node: what``) and menu position
    ivr_flow: str = ""
    ivr_steps: list[str] = field(default_factory=list)
    ivr_position: list[str] = field(default_factory=list)
    #: supervisor id -> how they take part
    participants: dict[str, Participation] = field(default_factory=dict)
    #: supervisor id -> switch time their recording of the call started (监听录音)
    recording: dict[str, float] = field(default_factory=dict)
    hold_started_at: float | None = None
    hold_total_s: float = 0.0
    #: announcement played on an outbound call (dunning notice, number-change notice …)
    announcement: str = ""
    #: the blacklist entry that screened the call: entry id, action, reason (None: none did)
    blacklist: dict[str, object] | None = None

    @property
    def wait_s(self) -> float | None:
        """Seconds from entering the queue to being answered (or to the end)."""
        if self.queued_at is None:
            return None
        end = self.answered_at if self.answered_at is not None else self.ended_at
        return None if end is None else end - self.queued_at
