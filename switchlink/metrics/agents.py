"""Per-agent live figures and the oldest-first timers the per-agent alarm rules read."""

from __future__ import annotations

from dataclasses import dataclass

from models.agents import AgentState

#: agent states whose duration per-agent alarm rules watch -> timer name
STATE_TIMERS: dict[AgentState, str] = {
    AgentState.ON_HOLD: "hold_s",
    AgentState.AFTER_CALL_WORK: "after_call_work_s",
    AgentState.NOT_READY: "not_ready_s",
}
CALL_TIMER = "call_s"
TIMER_NAMES = (*STATE_TIMERS.values(), CALL_TIMER)


@dataclass(slots=True)
class AgentRec:
    """What the metrics know about one seat; ``calls_handled``/``handle_s`` are today's."""

    work_number: str
    skills: tuple[str, ...] = ()
    state: AgentState = AgentState.LOGGED_OUT
    state_since: float = 0.0
    reason: str = ""
    calls_handled: int = 0
    handle_s: float = 0.0
    #: queue of the last call handled: after-call work time is counted there
    last_queue: str | None = None
    #: (call id, start) of the call segment the agent is handling now
    segment: tuple[str, float] | None = None
    #: the day (its midnight) the daily figures belong to
    day: float = 0.0

    def as_plain(self, now: float) -> dict[str, object]:
        """The ``metrics/agent/<work_number>`` value."""
        return {
            "work_number": self.work_number,
            "state": self.state.value,
            "state_since": self.state_since,
            "time_in_state_s": max(0.0, now - self.state_since),
            "reason": self.reason,
            "calls_handled": self.calls_handled,
            "handle_time_s": self.handle_s,
            "aht_s": self.handle_s / self.calls_handled if self.calls_handled else None,
        }


class AgentTimers:
    """For each timer name, work number -> since, kept in insertion (= time) order.

    Events arrive in switch-time order, so the first entry of each dict is the oldest:
    a rule "hold longer than N s" walks from the front and stops at the first young one.
    """

    def __init__(self) -> None:
        self.timers: dict[str, dict[str, float]] = {name: {} for name in TIMER_NAMES}

    def change(self, agent: str, old: AgentState, new: AgentState, t: float) -> None:
        old_timer, new_timer = STATE_TIMERS.get(old), STATE_TIMERS.get(new)
        if old_timer != new_timer:
            if old_timer:
                self.timers[old_timer].pop(agent, None)
            if new_timer:
                self.timers[new_timer][agent] = t
        in_call = new in (AgentState.TALKING, AgentState.ON_HOLD)
        calls = self.timers[CALL_TIMER]
        if in_call and agent not in calls:
            calls[agent] = t
        elif not in_call:
            calls.pop(agent, None)
