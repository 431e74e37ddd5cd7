"""Finished-call records and half-hour interval statistics: the floor's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.calls import CallOutcome, CustomerLevel, Direction

#: Interval statistics are kept per queue per half hour (S1 short-term forecasts).
INTERVAL_S = 1800


def interval_start(t: float) -> float:
    """The start (epoch seconds) of the half-hour interval holding ``t``."""
    return float(int(t // INTERVAL_S) * INTERVAL_S)


@dataclass(slots=True)
class CallRecord:
    """One finished call, inbound or outbound, with every timestamp the switch reported."""

    call_id: str
    caller: str
    callee: str = ""
    customer_level: CustomerLevel = CustomerLevel.NORMAL
    direction: Direction = Direction.INBOUND
    queue: str | None = None
    #: the agent who last held the call (after transfers)
    agent: str | None = None
    trunk: str | None = None
    arrived_at: float = 0.0
    ivr_at: float | None = None
    queued_at: float | None = None
    ringing_at: float | None = None
    answered_at: float | None = None
    ended_at: float = 0.0
    outcome: CallOutcome = CallOutcome.ANSWERED
    #: IVR nodes visited, oldest first
    ivr_trail: list[str] = field(default_factory=list)
    hold_total_s: float = 0.0
    transfers: int = 0
    announcement: str = ""
    #: the blacklist entry that screened the call (blocked or warned) and its action
    blacklist_entry: int | None = None
    blacklist_action: str = ""
    #: recordings made while monitoring (监听录音): [{by, started_at, ended_at}]
    recordings: list[dict[str, Any]] = field(default_factory=list)
    #: database id once stored
    id: int | None = None

    @property
    def wait_s(self) -> float | None:
        """Seconds in the queue before an answer (or before the caller gave up)."""
        if self.queued_at is None:
            return None
        end = self.answered_at if self.answered_at is not None else self.ended_at
        return max(0.0, end - self.queued_at)

    @property
    def handle_s(self) -> float:
        """Seconds from answer to end (0 when never answered)."""
        if self.answered_at is None:
            return 0.0
        return max(0.0, self.ended_at - self.answered_at)


@dataclass(slots=True)
class IntervalStat:
    """Counts for one queue over one half hour; deltas of the same key add up."""

    queue: str
    start: float
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    answered_within_threshold: int = 0
    busy: int = 0
    blocked: int = 0
    total_wait_s: float = 0.0
    max_wait_s: float = 0.0
    total_handle_s: float = 0.0

    def add(self, other: IntervalStat) -> None:
        """Fold another delta for the same queue and interval into this one."""
        if (other.queue, other.start) != (self.queue, self.start):
            raise ValueError(
                f"cannot add interval {other.queue}@{other.start} to {self.queue}@{self.start}"
            )
        self.offered += other.offered
        self.answered += other.answered
        self.abandoned += other.abandoned
        self.answered_within_threshold += other.answered_within_threshold
        self.busy += other.busy
        self.blocked += other.blocked
        self.total_wait_s += other.total_wait_s
        self.max_wait_s = max(self.max_wait_s, other.max_wait_s)
        self.total_handle_s += other.total_handle_s

    @property
    def service_level(self) -> float | None:
        """Share of answered calls answered within the threshold (None with no answers)."""
        return self.answered_within_threshold / self.answered if self.answered else None
