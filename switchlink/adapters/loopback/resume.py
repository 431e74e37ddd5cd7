"""A restarted emulator continues its simulated day instead of writing it into history again.

The emulator's day is a pure function of scenario, seed and start, so a restart used to
replay it from the day's start and the daemon stored every call a second time. Instead the
adapter is told which finished calls history already holds (call id -> arrived_at,
ended_at). The latest ``ended_at`` is the resume point; nothing that ended at or before it is
emitted again. Two ways to carry on from there, chosen by cost (issue 11 item 16):

- **Same run** (the replay is cheap): the day is replayed silently up to the resume point,
  the clock carries on from there and the calls still live at that instant are announced
  again (their events from arrival on), so each is written once, when it ends. If every
  stored call of the day is one the replay made (same id, same arrival), the continuation is
  exactly what an uninterrupted run would have produced.
- **New epoch** (the replay would cost more than ``budget_s`` of wall time, or the stored
  history is not this run's: another seed or scenario, an operator's commands the replay
  cannot repeat, another switch's calls): the floor starts fresh AT the resume point. Only
  the agents' shifts and breaks and the scenario's faults are run up to it (cheap: a few
  timers per agent, no calls), so agents and equipment are where the day has them, with no
  call in progress; arrivals begin at the resume point, and every new id carries an epoch
  tag (``call-<tag>-<n>``) that no stored id has. The calls that were in progress when the
  old run stopped are not stored.

The replay's cost is estimated before it starts (the scenario's expected arrivals up to the
resume point x ``SECONDS_PER_CALL``) and its wall time is watched while it runs: past the
budget it is dropped for a new epoch, so a restart never waits much longer than the budget.
A replay covers at most one simulated day: a resume point further on starts from the day it
falls in.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from models import events as ev
from switchlink.adapters.loopback.scenario import INTERVAL_S, MAX_INTERVALS, Scenario
from switchlink.adapters.loopback.simulation import DAY_S, Simulation

#: the call's own events: what the floor and the call recorder need to rebuild a live call
CALL_EVENTS = (
    ev.CallArrived, ev.CallIvrStep, ev.CallQueued, ev.CallRinging, ev.CallAnswered,
    ev.CallHeld, ev.CallRetrieved, ev.CallTransferred, ev.CallParticipantsChanged,
    ev.CallEnded,
)
#: simulated seconds replayed per step (the events of a step are looked at, then dropped;
#: the wall-time budget is checked between steps)
STEP_S = 120.0
#: wall seconds the replay spends per call of the day, on the slowest floor measured (the
#: large scenario: 114 s for 447,714 calls on the shared 2-core machine; default ~65 us)
SECONDS_PER_CALL = 2.6e-4
#: a restart waits at most about this long for a replay (the console waits 30 s in all)
DEFAULT_BUDGET_S = 2.5
SAME_RUN, NEW_EPOCH = "same run", "new epoch"

#: call id -> (arrived_at, ended_at) of finished calls history holds
Stored = Mapping[str, tuple[float, float]]


@dataclass
class Resumed:
    """A simulation brought up to the resume point, and what it must say first."""

    sim: Simulation
    #: simulated time the clock carries on from (the latest stored ``ended_at``)
    at: float
    #: the events (in order) of the calls live at ``at``: emitted before anything new
    pending: list[ev.Event] = field(default_factory=list)
    #: "" when the stored history is this run's; else the tag in every new id
    epoch: str = ""
    live_calls: int = 0
    #: ``SAME_RUN`` (replayed, ids continue) or ``NEW_EPOCH`` (fresh floor at ``at``)
    mode: str = SAME_RUN
    #: the replay's estimated wall seconds, and why a new epoch was chosen ("" if not)
    estimated_s: float = 0.0
    reason: str = ""


def resume(scenario: Scenario, seed: int, start: float, stored: Stored,
           budget_s: float = DEFAULT_BUDGET_S) -> Resumed | None:
    """The simulation continued after ``stored``; None when history holds nothing after start.

    Replays the day (same run) when that fits in ``budget_s`` wall seconds, else starts a
    new epoch at the resume point; see the module docstring.
    """
    ends = [ended for _, ended in stored.values() if math.isfinite(ended) and ended > start]
    if not ends:
        return None
    at = max(ends)
    origin = start + math.floor((at - start) / DAY_S) * DAY_S
    estimated = expected_calls(scenario, origin, at) * SECONDS_PER_CALL
    if estimated > budget_s:
        reason = f"a replay would take about {estimated:.0f} s (budget {budget_s:g} s)"
        return _new_epoch(scenario, seed, origin, at, stored, estimated, reason)
    sim = Simulation(scenario, seed, origin)
    replayed = _replay(sim, at, time.monotonic() + budget_s)
    if replayed is None:
        reason = f"the replay ran past its budget of {budget_s:g} s"
        return _new_epoch(scenario, seed, origin, at, stored, estimated, reason)
    arrivals, live = replayed
    if not _same_run(stored, arrivals, origin):
        reason = "the stored day is not this run's (seed, scenario, operator actions)"
        return _new_epoch(scenario, seed, origin, at, stored, estimated, reason)
    _forget_stored(sim, stored, live)
    pending = [e for events in live.values() for e in events]
    pending.sort(key=lambda e: e.t)  # stable: a call's own events keep their order
    return Resumed(sim, at, pending, "", len(live), SAME_RUN, estimated)


def expected_calls(scenario: Scenario, origin: float, until: float) -> float:
    """Inbound calls the scenario's profiles expect from ``origin`` to ``until`` (one day)."""
    elapsed = min(max(until - origin, 0.0), DAY_S)
    whole, part = int(elapsed // INTERVAL_S), (elapsed % INTERVAL_S) / INTERVAL_S
    total = 0.0
    for line in scenario.lines:
        profile = line.profile
        total += sum(profile[:min(whole, MAX_INTERVALS)])
        if whole < len(profile):
            total += profile[whole] * part
    return total


def _new_epoch(scenario: Scenario, seed: int, origin: float, at: float, stored: Stored,
               estimated: float, reason: str) -> Resumed:
    """A fresh floor at ``at``: shifts, breaks and faults run up to it, no calls; tagged ids."""
    epoch = _epoch_tag(at, stored)
    sim = Simulation(scenario, seed, origin, id_tag=epoch)
    arrival = sim._on_arrival
    sim._heap[:] = [timer for timer in sim._heap if timer[2] != arrival]
    heapq.heapify(sim._heap)
    while sim.now < at:  # agents' timers only: cheap whatever the call volume
        sim.run_until(min(at, sim.now + 3600.0))
        sim.out.clear()
    sim._backlog.clear()  # held-back events are from before the resume point
    sim._delayed.clear()
    for line in sim.lines:
        line.interval = int((at - origin) // INTERVAL_S)
        sim._schedule_arrival(line, at)
    return Resumed(sim, at, [], epoch, 0, NEW_EPOCH, estimated, reason)


def _epoch_tag(at: float, stored: Stored) -> str:
    """``<hex of the resume point>-``, made unique against the ids history holds."""
    base = f"{int(at):x}"
    tag, n = f"{base}-", 1
    while True:
        prefix = f"call-{tag}"
        if not any(call.startswith(prefix) for call in stored):
            return tag
        n += 1
        tag = f"{base}.{n}-"


def _replay(sim: Simulation, until: float, deadline: float,
            ) -> tuple[dict[str, float], dict[str, list[ev.Event]]] | None:
    """Run ``sim`` to ``until`` emitting nothing; arrivals seen, and live calls' events.

    None when the wall clock passes ``deadline`` first.
    """
    arrivals: dict[str, float] = {}
    live: dict[str, list[ev.Event]] = {}
    out = sim.out
    while True:
        step = min(until, sim.now + STEP_S)
        sim.run_until(step)
        for event in out:
            if not isinstance(event, CALL_EVENTS):
                continue
            if isinstance(event, ev.CallArrived):
                arrivals[event.call] = event.t
                live[event.call] = [event]
            elif isinstance(event, ev.CallEnded):
                live.pop(event.call, None)
            elif event.call in live:
                live[event.call].append(event)
        out.clear()
        if step >= until:
            return arrivals, live
        if time.monotonic() > deadline:
            return None


def _same_run(stored: Stored, arrivals: dict[str, float], origin: float) -> bool:
    """Every stored call since ``origin`` is one the replay made, arriving at the same time."""
    for call, (arrived, _) in stored.items():
        if arrived >= origin and arrivals.get(call) != arrived:
            return False
    return True


def _forget_stored(sim: Simulation, stored: Stored, live: dict[str, list[ev.Event]]) -> None:
    """Drop what history already holds from what is still to come (an event delay's backlog)."""
    for call in [c for c in live if c in stored]:
        del live[call]

    def kept(event: ev.Event) -> bool:
        return not (isinstance(event, CALL_EVENTS) and event.call in stored)

    sim._backlog[:] = [e for e in sim._backlog if kept(e)]
    delayed = [item for item in sim._delayed if kept(item[2])]
    heapq.heapify(delayed)
    sim._delayed[:] = delayed
