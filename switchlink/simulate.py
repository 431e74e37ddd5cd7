"""``python main.py simulate``: run a scenario as fast as possible and print its statistics.

The statistics come from the emulator's own event stream (:func:`compute_statistics`), so a
later metrics engine can be checked against them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from models.agents import AgentState
from models.calls import CallOutcome, Direction
from models.events import (
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallIvrStep,
    CallQueued,
    Event,
)
from switchlink.ctl.output import display_width  # one table width rule for both tools

ROUTE_PREFIX = "queue:"
#: wall seconds between progress lines on stderr
PROGRESS_EVERY_S = 2.0
#: seat states that count as working on a call (occupancy's numerator)
WORKING = frozenset({AgentState.TALKING, AgentState.ON_HOLD, AgentState.AFTER_CALL_WORK})
#: seat states that count as available (occupancy's denominator): signed in and not "not ready"
AVAILABLE = WORKING | {AgentState.READY, AgentState.RINGING}


@dataclass(slots=True)
class QueueStats:
    """Figures for one queue (or the whole center, under the id ``"*"``)."""

    queue: str
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    busy: int = 0
    released: int = 0
    answered_in_threshold: int = 0
    service_level: float | None = None
    asa_s: float | None = None
    aht_s: float | None = None
    max_wait_s: float = 0.0
    occupancy: float | None = None
    _work_s: float = field(default=0.0, repr=False)
    _available_s: float = field(default=0.0, repr=False)
    _wait_total: float = field(default=0.0, repr=False)
    _handle_total: float = field(default=0.0, repr=False)
    _handled: int = field(default=0, repr=False)

    def finish(self) -> None:
        self.service_level = self.answered_in_threshold / self.offered if self.offered else None
        self.asa_s = self._wait_total / self.answered if self.answered else None
        self.aht_s = self._handle_total / self._handled if self._handled else None
        self.occupancy = self._work_s / self._available_s if self._available_s else None

    def public(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}


@dataclass(slots=True)
class Statistics:
    queues: dict[str, QueueStats]
    center: QueueStats
    inbound: int = 0
    self_service: int = 0
    outbound: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "center": self.center.public(),
            "queues": {qid: q.public() for qid, q in self.queues.items()},
            "inbound": self.inbound,
            "self_service": self.self_service,
            "outbound": self.outbound,
        }


def compute_statistics(
    events: list[Event], thresholds: dict[str, float],
    skills: dict[str, frozenset[str]] | None = None, until: float | None = None,
) -> Statistics:
    """Per-queue and center figures from an event stream.

    ``thresholds`` maps queue id -> service-level threshold (s). A call counts as offered to
    the first queue it is routed to (``CallIvrStep`` node ``queue:<id>``); service level is
    answered within the threshold / offered; ASA is first queue entry -> first answer; AHT is
    talk + hold from answer to end plus the agent's following after-call work. Calls refused
    before routing (no trunk, no IVR channel) count as busy for the center only.

    Occupancy is the agents' time talking, on hold or in after-call work / their available
    time (signed in and not "not ready": ready, ringing, talking, held, after-call work), up to
    ``until`` (default: the last event). A queue's occupancy is that of the agents who have its
    skill (``skills``: agent id -> queue ids), counting all their calls, so an agent counts in
    each of their skill groups; the center's is over every agent.
    """
    queues = {qid: QueueStats(qid) for qid in thresholds}
    center = QueueStats("*")
    stats = Statistics(queues, center)
    home: dict[str, QueueStats] = {}
    queued_at: dict[str, float] = {}
    answered_at: dict[str, float] = {}
    inbound: set[str] = set()
    acw_from: dict[str, tuple[float, QueueStats]] = {}
    call_agent: dict[str, str] = {}
    seat: dict[str, tuple[AgentState, float]] = {}
    work_s: dict[str, float] = {}
    available_s: dict[str, float] = {}

    def close(agent: str, t: float) -> None:
        state, since = seat[agent]
        if state in AVAILABLE:
            available_s[agent] = available_s.get(agent, 0.0) + (t - since)
            if state in WORKING:
                work_s[agent] = work_s.get(agent, 0.0) + (t - since)

    for ev in events:
        kind = type(ev)
        if kind is AgentStateChanged:
            if ev.agent in seat:
                close(ev.agent, ev.t)
            seat[ev.agent] = (ev.state, ev.t)
            pending = acw_from.pop(ev.agent, None)
            if pending is not None:
                pending[1]._handle_total += ev.t - pending[0]
            if ev.state == "after_call_work":
                last = call_agent.get(ev.agent)
                q = home.get(last) if last is not None else None
                if q is not None:
                    acw_from[ev.agent] = (ev.t, q)
        elif kind is CallArrived:
            if ev.direction is Direction.INBOUND:
                inbound.add(ev.call)
                stats.inbound += 1
            else:
                stats.outbound += 1
        elif kind is CallIvrStep:
            if ev.node.startswith(ROUTE_PREFIX) and ev.call not in home:
                q = queues.get(ev.node[len(ROUTE_PREFIX):])
                if q is not None:
                    home[ev.call] = q
                    q.offered += 1
        elif kind is CallQueued:
            queued_at.setdefault(ev.call, ev.t)
        elif kind is CallAnswered:
            q = home.get(ev.call)
            if ev.agent is not None:
                call_agent[ev.agent] = ev.call
            if q is None or ev.call in answered_at:
                continue
            answered_at[ev.call] = ev.t
            wait = ev.t - queued_at.get(ev.call, ev.t)
            q.answered += 1
            q._wait_total += wait
            q.max_wait_s = max(q.max_wait_s, wait)
            if wait <= thresholds[q.queue]:
                q.answered_in_threshold += 1
        elif kind is CallEnded:
            call = ev.call
            q = home.pop(call, None)
            start = answered_at.pop(call, None)
            t_queued = queued_at.pop(call, None)
            was_inbound = call in inbound
            inbound.discard(call)
            if q is None:
                if was_inbound and ev.outcome is CallOutcome.BUSY:
                    center.busy += 1
                elif was_inbound and ev.outcome is CallOutcome.SELF_SERVICE:
                    stats.self_service += 1
                continue
            home[call] = q  # keep for the agent's after-call work
            if start is not None:
                q._handle_total += ev.t - start
                q._handled += 1
            elif ev.outcome is CallOutcome.ABANDONED:
                q.abandoned += 1
                if t_queued is not None:
                    q.max_wait_s = max(q.max_wait_s, ev.t - t_queued)
            elif ev.outcome is CallOutcome.BUSY:
                q.busy += 1
            elif ev.outcome is CallOutcome.RELEASED:
                q.released += 1
    for q in queues.values():
        center.offered += q.offered
        center.answered += q.answered
        center.abandoned += q.abandoned
        center.busy += q.busy
        center.released += q.released
        center.answered_in_threshold += q.answered_in_threshold
        center.max_wait_s = max(center.max_wait_s, q.max_wait_s)
        center._wait_total += q._wait_total
        center._handle_total += q._handle_total
        center._handled += q._handled
    center.offered += center.busy - sum(q.busy for q in queues.values())
    end = until if until is not None else (events[-1].t if events else 0.0)
    for agent in seat:
        close(agent, end)
    for agent, avail in available_s.items():
        work = work_s.get(agent, 0.0)
        center._available_s += avail
        center._work_s += work
        for qid in (skills or {}).get(agent, ()):
            q = queues.get(qid)
            if q is not None:
                q._available_s += avail
                q._work_s += work
    for q in queues.values():
        q.finish()
    center.finish()
    return stats


Progress = Callable[[float, float, int], None]


def run_start(scenario: Any) -> float:
    """Where every ``simulate`` run starts: 2026-03-02 (a Monday) at the scenario's day start."""
    return (datetime(2026, 3, 2) + timedelta(seconds=scenario.day_start_s)).timestamp()


def run_scenario(
    scenario: str, seed: int, hours: float | None, progress: Progress | None = None,
) -> tuple[Any, list[Event]]:
    """Run ``scenario`` fast for ``hours`` (default: its working day); returns it and events.

    ``progress(simulated_s, total_s, events)`` is called about every :data:`PROGRESS_EVERY_S`
    wall seconds.
    """
    from switchlink.adapters.loopback import LoopbackAdapter, load_scenario

    sc = load_scenario(scenario)
    adapter = LoopbackAdapter(scenario=sc, seed=seed, speed="fast", start=run_start(sc))
    total = (sc.hours if hours is None else hours) * 3600.0
    end = adapter.start_time + total
    events: list[Event] = []
    next_report = time.monotonic() + PROGRESS_EVERY_S
    with adapter:
        while True:
            batch = adapter.poll(max_events=20_000)
            if progress is not None and time.monotonic() >= next_report:
                progress(min(total, adapter.now() - adapter.start_time), total, len(events))
                next_report = time.monotonic() + PROGRESS_EVERY_S
            if not batch:  # nothing yet: a dropped link may be holding events back
                if adapter.now() > end or adapter.simulation.next_time() == float("inf"):
                    break
                continue
            if batch[-1].t > end:
                events.extend(e for e in batch if e.t <= end)
                break
            events.extend(batch)
    return sc, events


def agent_skills(scenario: Any) -> dict[str, frozenset[str]]:
    """Agent id (work number) -> the queues the agent has a skill for."""
    return {
        str(n): frozenset(qid for qid, _ in team.skills)
        for team in scenario.teams
        for n in range(team.first_work_number, team.first_work_number + team.count)
    }


def _pad(text: str, width: int, left: bool) -> str:
    fill = " " * (width - display_width(text))
    return text + fill if left else fill + text


def _fmt(value: float | None, pattern: str) -> str:
    return "-" if value is None else pattern.format(value)


def format_table(stats: Statistics, names: dict[str, str]) -> str:
    header = ("queue", "offered", "answered", "abandoned", "busy", "SL", "ASA s", "AHT s",
              "max wait s", "occupancy")
    rows = [header]
    for q in [*stats.queues.values(), stats.center]:
        label = "center" if q.queue == "*" else f"{q.queue} {names.get(q.queue, '')}".strip()
        rows.append((
            label, str(q.offered), str(q.answered), str(q.abandoned), str(q.busy),
            _fmt(None if q.service_level is None else q.service_level * 100, "{:.1f}%"),
            _fmt(q.asa_s, "{:.1f}"), _fmt(q.aht_s, "{:.0f}"), f"{q.max_wait_s:.0f}",
            _fmt(None if q.occupancy is None else q.occupancy * 100, "{:.1f}%"),
        ))
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(_pad(c, w, left=i == 0)
                       for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "-" * display_width(lines[0]))
    lines.append(f"inbound {stats.inbound}, self-service {stats.self_service}, "
                 f"outbound {stats.outbound}")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default="default",
                        help="bundled scenario name or path to a scenario file (default: default)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--hours", type=float, default=None,
                        help="simulated hours to run (default: the scenario's working day)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--quiet", action="store_true",
                       help="no progress lines on stderr")
    shown.add_argument("--progress", action="store_true",
                       help="progress lines on stderr even when it is not a terminal "
                            f"(default: every {PROGRESS_EVERY_S:g} s on a terminal)")


def _print_progress(simulated_s: float, total_s: float, events: int) -> None:
    share = simulated_s / total_s * 100 if total_s else 100.0
    print(f"simulate: {simulated_s / 3600:.1f} of {total_s / 3600:.1f} simulated h "
          f"({share:.0f} %), {events:,} events", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from switchlink.adapters.errors import AdapterError

    if args.hours is not None and not args.hours > 0:
        print(f"simulate: --hours must be positive, got {args.hours}", file=sys.stderr)
        return 2
    show_progress = getattr(args, "progress", False) or (
        not getattr(args, "quiet", False) and sys.stderr.isatty())
    started = time.monotonic()
    try:
        scenario, events = run_scenario(args.scenario, args.seed, args.hours,
                                        _print_progress if show_progress else None)
    except AdapterError as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    thresholds = {q.id: q.sl_threshold_s for q in scenario.queues}
    hours = scenario.hours if args.hours is None else args.hours
    until = run_start(scenario) + hours * 3600.0
    stats = compute_statistics(events, thresholds, agent_skills(scenario), until)
    if show_progress:
        print(f"simulate: done, {len(events):,} events in {time.monotonic() - started:.1f} s",
              file=sys.stderr, flush=True)
    if args.json:
        out = {"scenario": scenario.name, "seed": args.seed, "hours": hours,
               "events": len(events), **stats.as_dict()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"scenario {scenario.name}, seed {args.seed}, {hours:g} h, {len(events)} events")
        print(format_table(stats, {q.id: q.name for q in scenario.queues}))
    return 0
