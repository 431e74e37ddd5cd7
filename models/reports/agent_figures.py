"""Per-agent figures integrated from the agent-state log, and the centre's occupancy.

Each agent's time in every state is summed between its state changes, clipped to the period
(the state it was in at the start comes from the last change before it). After-call work is
matched to the call it follows — the ACW that starts when the agent's call ends — so a
queue's AHT includes it like the live metrics do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from models.records import CallRecord
from models.reports.records import AgentStateEntry, ForcedAction

LOGGED_OUT, NOT_READY, ACW = "logged_out", "not_ready", "after_call_work"
TALKING, ON_HOLD, RINGING, READY = "talking", "on_hold", "ringing", "ready"
#: how a forced change is named in the report, by the state it forced
FORCED_STATE_NAMES = {READY: "force_ready", NOT_READY: "force_busy", LOGGED_OUT: "force_logout"}


@dataclass(slots=True)
class AgentTimes:
    """Seconds per state, not-ready by reason, and the after-call-work stretches."""

    by_state: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    not_ready_by_reason: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    #: (start, seconds) of each after-call-work stretch that started inside the period
    acw: list[tuple[float, float]] = field(default_factory=list)
    forced: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def logged_in_s(self) -> float:
        return sum(s for state, s in self.by_state.items() if state != LOGGED_OUT)


def integrate(
    states: list[AgentStateEntry], opening: dict[str, AgentStateEntry], start: float, end: float,
) -> dict[str, AgentTimes]:
    """Time per state for each agent seen before or inside ``[start, end)``."""
    by_agent: dict[str, list[AgentStateEntry]] = defaultdict(list)
    for entry in states:
        if start <= entry.at < end:
            by_agent[entry.agent].append(entry)
    out: dict[str, AgentTimes] = {}
    for agent in sorted(set(by_agent) | set(opening)):
        times = AgentTimes()
        current = opening.get(agent)
        t, state, reason = start, (current.state if current else LOGGED_OUT), (
            current.reason if current else "")
        for entry in sorted(by_agent.get(agent, ()), key=lambda e: (e.at, e.id or 0)):
            _credit(times, state, reason, t, entry.at)
            if entry.forced and entry.state in FORCED_STATE_NAMES:
                times.forced[FORCED_STATE_NAMES[entry.state]] += 1
            t, state, reason = entry.at, entry.state, entry.reason
        _credit(times, state, reason, t, end)
        if times.logged_in_s > 0 or times.forced:
            out[agent] = times
    return out


def _credit(times: AgentTimes, state: str, reason: str, t0: float, t1: float) -> None:
    seconds = max(0.0, t1 - t0)
    if seconds <= 0 and state != ACW:
        return
    times.by_state[state] += seconds
    if state == NOT_READY:
        times.not_ready_by_reason[reason or "-"] += seconds
    elif state == ACW:
        times.acw.append((t0, seconds))


def acw_lookup(times: dict[str, AgentTimes]):
    """A function: call record -> seconds of after-call work that followed it (0 if none).

    A dictionary by agent and whole second of the stretch's start, so a month of calls costs
    one look-up each (a scan of the agent's stretches per call was quadratic)."""
    starts: dict[tuple[str, int], float] = {}
    for agent, t in times.items():
        for at, seconds in t.acw:
            starts.setdefault((agent, int(at)), seconds)

    def acw_of(record: CallRecord) -> float:
        if record.answered_at is None or not record.agent:
            return 0.0
        second = int(record.ended_at)
        for key in ((record.agent, second), (record.agent, second + 1),
                    (record.agent, second - 1)):
            if key in starts:
                return starts[key]
        return 0.0

    return acw_of


def agent_rows(
    times: dict[str, AgentTimes], calls: list[CallRecord], forced: list[ForcedAction],
    acw_of,
) -> list[dict]:
    """One row per agent: calls, talk / hold / ACW, not ready by reason, forced actions."""
    handled: dict[str, list[CallRecord]] = defaultdict(list)
    for r in calls:
        if r.agent and r.answered_at is not None:
            handled[r.agent].append(r)
    by_call = {r.call_id: r for r in calls if r.agent}
    interventions: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for action in forced:
        record = by_call.get(action.call)
        if record is not None and record.agent:
            interventions[record.agent][action.action] += 1
    rows = []
    for agent in sorted(set(times) | set(handled) | set(interventions)):
        t = times.get(agent, AgentTimes())
        agent_calls = handled.get(agent, [])
        acw = sum(acw_of(r) for r in agent_calls)
        talk = t.by_state.get(TALKING, 0.0)
        hold = t.by_state.get(ON_HOLD, 0.0)
        acw_time = t.by_state.get(ACW, 0.0)
        logged_in = t.logged_in_s
        forced_counts = dict(t.forced)
        for action, n in interventions.get(agent, {}).items():
            forced_counts[action] = forced_counts.get(action, 0) + n
        handle = sum(r.handle_s for r in agent_calls) + acw
        rows.append({
            "agent": agent,
            "calls": len(agent_calls),
            "talk_s": talk,
            "hold_s": hold,
            "acw_s": acw_time,
            "ringing_s": t.by_state.get(RINGING, 0.0),
            "ready_s": t.by_state.get(READY, 0.0),
            "not_ready_s": t.by_state.get(NOT_READY, 0.0),
            "not_ready_by_reason": dict(sorted(t.not_ready_by_reason.items())),
            "logged_in_s": logged_in,
            "aht_s": handle / len(agent_calls) if agent_calls else None,
            "utilisation": _ratio(talk + hold + acw_time, logged_in),
            "forced": dict(sorted(forced_counts.items())),
            "forced_total": sum(forced_counts.values()),
        })
    return rows


def _ratio(num: float, den: float) -> float | None:
    return None if den <= 0 else min(1.0, max(0.0, num / den))


def centre_occupancy(times: dict[str, AgentTimes]) -> dict[str, float | None]:
    """Occupancy (占用率) and work-time utilisation (工时利用率) over every agent."""
    busy = work = logged_in = not_ready = 0.0
    for t in times.values():
        s = t.by_state
        work += s.get(TALKING, 0.0) + s.get(ON_HOLD, 0.0) + s.get(ACW, 0.0)
        busy += s.get(RINGING, 0.0)
        not_ready += s.get(NOT_READY, 0.0)
        logged_in += t.logged_in_s
    return {
        "occupancy": _ratio(work + busy, logged_in - not_ready),
        "utilisation": _ratio(work, logged_in),
        "logged_in_s": logged_in,
        "agents": len(times),
    }
