"""A restarted emulator continues its simulated day instead of writing it into history again.

The emulator's day is a pure function of scenario, seed and start, so a restart used to
replay it from the day's start and the daemon stored every call a second time. Instead the
adapter is told which finished calls history already holds (call id -> arrived_at,
ended_at). The latest ``ended_at`` is the resume point: the day is replayed silently up to
it (fast, nothing emitted), the simulated clock carries on from there, and the calls still
live at that instant are announced again (their events from arrival on), so each is written
once, when it ends. Nothing that ended at or before the resume point is emitted again.

Same run or a new epoch: if every stored call of the day is one the replay made, with the
same id and arrival time, the history is this run's and the continuation is exactly what an
uninterrupted run would have produced. If not (another seed or scenario, an operator's
commands that the replay cannot repeat, another switch's calls in the same database), the
replay runs again with an epoch tag in every id (``call-<tag>-<n>``): the figures still
continue from the resume point without doubling, and no id can collide with a stored one.
A replay covers at most one simulated day: a resume point further on starts from the day
it falls in.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from models import events as ev
from switchlink.adapters.loopback.scenario import Scenario
from switchlink.adapters.loopback.simulation import DAY_S, Simulation

#: the call's own events: what the floor and the call recorder need to rebuild a live call
CALL_EVENTS = (
    ev.CallArrived, ev.CallIvrStep, ev.CallQueued, ev.CallRinging, ev.CallAnswered,
    ev.CallHeld, ev.CallRetrieved, ev.CallTransferred, ev.CallParticipantsChanged,
    ev.CallEnded,
)
#: simulated seconds replayed per step (the events of a step are looked at, then dropped)
STEP_S = 300.0

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


def resume(scenario: Scenario, seed: int, start: float, stored: Stored) -> Resumed | None:
    """The simulation continued after ``stored``; None when history holds nothing after start."""
    ends = [ended for _, ended in stored.values() if math.isfinite(ended) and ended > start]
    if not ends:
        return None
    at = max(ends)
    origin = start + math.floor((at - start) / DAY_S) * DAY_S
    sim = Simulation(scenario, seed, origin)
    arrivals, live = _replay(sim, at)
    epoch = ""
    if not _same_run(stored, arrivals, origin):
        epoch = f"{int(at):x}-"
        sim = Simulation(scenario, seed, origin, id_tag=epoch)
        arrivals, live = _replay(sim, at)
    else:
        _forget_stored(sim, stored, live)
    pending = [e for events in live.values() for e in events]
    pending.sort(key=lambda e: e.t)  # stable: a call's own events keep their order
    return Resumed(sim, at, pending, epoch, len(live))


def _replay(sim: Simulation, until: float) -> tuple[dict[str, float], dict[str, list[ev.Event]]]:
    """Run ``sim`` to ``until`` emitting nothing; arrivals seen, and live calls' events."""
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
