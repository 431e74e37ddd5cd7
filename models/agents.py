"""Agents (客服代表) and the states a seat moves through."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class AgentState(StrEnum):
    """Seat states; the Chinese terms are the floor's own (REQUIREMENTS.md §3)."""

    LOGGED_OUT = "logged_out"  # 签出
    READY = "ready"  # 示闲
    NOT_READY = "not_ready"  # 示忙 (with a reason code)
    RINGING = "ringing"  # 振铃
    TALKING = "talking"  # 通话
    ON_HOLD = "on_hold"  # 保持
    AFTER_CALL_WORK = "after_call_work"  # 后续处理 / 话后整理

    @property
    def on_call(self) -> bool:
        """True while a call is attached to the seat."""
        return self in (AgentState.RINGING, AgentState.TALKING, AgentState.ON_HOLD)

    @property
    def logged_in(self) -> bool:
        return self is not AgentState.LOGGED_OUT


#: States an agent (or a supervisor forcing it) may ask for; the others follow from calls.
REQUESTABLE_STATES = frozenset({AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT})

#: Transitions the switch itself performs; anything else is a protocol error from a vendor.
ALLOWED_TRANSITIONS: dict[AgentState, frozenset[AgentState]] = {
    AgentState.LOGGED_OUT: frozenset({AgentState.READY, AgentState.NOT_READY}),
    AgentState.READY: frozenset(
        {AgentState.NOT_READY, AgentState.RINGING, AgentState.LOGGED_OUT, AgentState.TALKING}
    ),
    AgentState.NOT_READY: frozenset(
        {AgentState.READY, AgentState.LOGGED_OUT, AgentState.TALKING, AgentState.RINGING}
    ),
    AgentState.RINGING: frozenset(
        {AgentState.TALKING, AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT}
    ),
    AgentState.TALKING: frozenset(
        {
            AgentState.ON_HOLD,
            AgentState.AFTER_CALL_WORK,
            AgentState.READY,
            AgentState.NOT_READY,
            AgentState.LOGGED_OUT,
        }
    ),
    AgentState.ON_HOLD: frozenset(
        {AgentState.TALKING, AgentState.AFTER_CALL_WORK, AgentState.READY, AgentState.NOT_READY,
         AgentState.LOGGED_OUT}
    ),
    AgentState.AFTER_CALL_WORK: frozenset(
        {AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT}
    ),
}


def can_transition(old: AgentState, new: AgentState) -> bool:
    """Whether the switch may move a seat from ``old`` to ``new``."""
    return old == new or new in ALLOWED_TRANSITIONS[old]


@dataclass(slots=True)
class Agent:
    """A customer-service representative at a seat, known by work number (工号)."""

    work_number: str
    name: str
    team: str = ""
    #: skill group id -> level 1 (lowest) .. 10 (expert)
    skills: dict[str, int] = field(default_factory=dict)
    state: AgentState = AgentState.LOGGED_OUT
    state_since: float = 0.0
    #: reason code for NOT_READY (break, meeting, training, forced …) or for a forced change
    reason: str = ""
    #: a forced sign-out asked for during a call; applied when the call ends
    pending_logout: bool = False
    #: who asked for the pending sign-out
    pending_logout_by: str = ""
    #: the state was set by a supervisor (``forced_by``), until the agent changes it themselves
    forced: bool = False
    forced_by: str = ""
    #: supervisors barged into the agent's current call (the agent's barge notice)
    barged_by: list[str] = field(default_factory=list)
    call_id: str | None = None
    calls_handled: int = 0
