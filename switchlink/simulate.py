"""``python main.py simulate``: run a scenario as fast as possible and print its statistics.

The statistics come from the emulator's own event stream (:func:`compute_statistics`), so a
later metrics engine can be checked against them.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

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

ROUTE_PREFIX = "queue:"


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
    _wait_total: float = field(default=0.0, repr=False)
    _handle_total: float = field(default=0.0, repr=False)
    _handled: int = field(default=0, repr=False)

    def finish(self) -> None:
        self.service_level = self.answered_in_threshold / self.offered if self.offered else None
        self.asa_s = self._wait_total / self.answered if self.answered else None
        self.aht_s = self._handle_total / self._handled if self._handled else None

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


def compute_statistics(events: list[Event], thresholds: dict[str, float]) -> Statistics:
    """Per-queue and center figures from an event stream.

    ``thresholds`` maps queue id -> service-level threshold (s). A call counts as offered to
    the first queue it is routed to (``CallIvrStep`` node ``queue:<id>``); service level is
    answered within the threshold / offered; ASA is first queue entry -> first answer; AHT is
    talk + hold from answer to end plus the agent's following after-call work. Calls refused
    before routing (no trunk, no IVR channel) count as busy for the center only.
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
    for ev in events:
        kind = type(ev)
        if kind is AgentStateChanged:
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
        q.finish()
    center.offered += center.busy - sum(q.busy for q in queues.values())
    center.finish()
    return stats


def run_scenario(scenario: str, seed: int, hours: float | None) -> tuple[Any, list[Event]]:
    """Run ``scenario`` fast for ``hours`` (default: its working day); returns it and events."""
    from switchlink.adapters.loopback import LoopbackAdapter, load_scenario

    sc = load_scenario(scenario)
    start = datetime(2026, 3, 2) + timedelta(seconds=sc.day_start_s)
    adapter = LoopbackAdapter(scenario=sc, seed=seed, speed="fast", start=start)
    end = adapter.start_time + (sc.hours if hours is None else hours) * 3600.0
    events: list[Event] = []
    with adapter:
        while True:
            batch = adapter.poll(max_events=20_000)
            if not batch:  # nothing yet: a dropped link may be holding events back
                if adapter.now() > end or adapter.simulation.next_time() == float("inf"):
                    break
                continue
            if batch[-1].t > end:
                events.extend(e for e in batch if e.t <= end)
                break
            events.extend(batch)
    return sc, events


def _fmt(value: float | None, pattern: str) -> str:
    return "-" if value is None else pattern.format(value)


def format_table(stats: Statistics, names: dict[str, str]) -> str:
    header = ("queue", "offered", "answered", "abandoned", "busy", "SL", "ASA s", "AHT s",
              "max wait s")
    rows = [header]
    for q in [*stats.queues.values(), stats.center]:
        label = "center" if q.queue == "*" else f"{q.queue} {names.get(q.queue, '')}".strip()
        rows.append((
            label, str(q.offered), str(q.answered), str(q.abandoned), str(q.busy),
            _fmt(None if q.service_level is None else q.service_level * 100, "{:.1f}%"),
            _fmt(q.asa_s, "{:.1f}"), _fmt(q.aht_s, "{:.0f}"), f"{q.max_wait_s:.0f}",
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "-" * len(lines[0]))
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


def run(args: argparse.Namespace) -> int:
    from switchlink.adapters.errors import AdapterError

    if args.hours is not None and not args.hours > 0:
        print(f"simulate: --hours must be positive, got {args.hours}", file=sys.stderr)
        return 2
    try:
        scenario, events = run_scenario(args.scenario, args.seed, args.hours)
    except AdapterError as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    thresholds = {q.id: q.sl_threshold_s for q in scenario.queues}
    stats = compute_statistics(events, thresholds)
    if args.json:
        out = {"scenario": scenario.name, "seed": args.seed, "events": len(events),
               **stats.as_dict()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"scenario {scenario.name}, seed {args.seed}, {len(events)} events")
        print(format_table(stats, {q.id: q.name for q in scenario.queues}))
    return 0
