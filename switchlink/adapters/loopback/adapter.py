"""``LoopbackAdapter``: a whole emulated call center behind the ordinary adapter contract.

Selectable like any adapter (``create_adapter("loopback", scenario="default", seed=1,
speed=10)``). Options: ``scenario`` (a bundled name, a file path, or a ``Scenario``),
``seed`` (int, default 1), ``speed`` (1 = real time, N = N× accelerated, ``"fast"`` or 0 =
as fast as possible), ``start`` (epoch seconds, ISO date-time or ``datetime``; default today
at the scenario's ``day_start``, local time), ``resume_budget_s`` (wall seconds a restart may
spend replaying the day, default 2.5; 0 = never replay). Told what history holds
(:meth:`continue_history`), a restart continues the day after it instead of repeating it.

What is NOT simulated: audio and DTMF (IVR flows run with prompt times and simulated keys,
ivr_stage.py), recording, ring-no-answer at an agent (agents always answer
after the ring time), callers who retry after abandoning or getting busy, consult calls and
conferences beyond supervisor monitor / whisper / barge, agent-initiated outbound calls,
per-circuit trunk channels (a trunk is a capacity count), a fax cut off by a board failure
(the job fails when its sending would have ended, then retries), and network latency
except through the ``event_delay`` fault. Tests measure simulated values (maintenance.py).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from ivr.model import Flow
from models.agents import Agent, AgentState
from models.calls import CustomerLevel, Participation
from models.equipment import Board, Channel, Counters, Link, Trunk
from models.events import Event
from models.fax import FaxJob
from models.queues import SkillGroup
from switchlink.adapters.base import (
    CallScreen,
    Inventory,
    StoredCalls,
    SwitchAdapter,
    check_number,
)
from switchlink.adapters.errors import InvalidArgument, InvalidOperation, LinkDown
from switchlink.adapters.limits import check_options
from switchlink.adapters.loopback.clock import SimClock, parse_speed
from switchlink.adapters.loopback.distributions import MAX_SECONDS
from switchlink.adapters.loopback.resume import DEFAULT_BUDGET_S, NEW_EPOCH, Resumed, resume
from switchlink.adapters.loopback.scenario import Scenario, load_scenario
from switchlink.adapters.loopback.simulation import Simulation

log = logging.getLogger(__name__)

OPTIONS = frozenset({"scenario", "seed", "speed", "start", "resume_budget_s"})
#: a replay at restart may be given at most an hour of wall time
MAX_RESUME_BUDGET_S = 3600.0


def resolve_start(start: object, scenario: Scenario) -> float:
    """Epoch seconds for the ``start`` option (default: today at the scenario's day start)."""
    if start is None:
        midnight = datetime.combine(date.today(), datetime.min.time())
        return (midnight + timedelta(seconds=scenario.day_start_s)).timestamp()
    if isinstance(start, datetime):
        return start.timestamp()
    if isinstance(start, str):
        try:
            return datetime.fromisoformat(start).timestamp()
        except ValueError:
            raise InvalidArgument(
                f"start: expected an ISO date-time like 2026-03-02T08:00, got {start!r}"
            ) from None
    if isinstance(start, int | float) and not isinstance(start, bool) and math.isfinite(start):
        return float(start)
    raise InvalidArgument(f"start: expected epoch seconds or an ISO date-time, got {start!r}")


class LoopbackAdapter(SwitchAdapter):
    """The loopback emulator: a discrete-event simulation of a hotline center."""

    name: ClassVar[str] = "loopback"
    rehearses_faults: ClassVar[bool] = True

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        check_options("loopback", options, OPTIONS)
        scenario = options.get("scenario", "default")
        if isinstance(scenario, Scenario):
            self.scenario = scenario
        elif isinstance(scenario, str | Path):
            self.scenario = load_scenario(scenario)
        else:
            raise InvalidArgument(f"scenario: expected a name or a path, got {scenario!r}")
        seed = options.get("seed", 1)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise InvalidArgument(f"seed: expected an integer, got {seed!r}")
        self.seed = seed
        try:
            self.speed = parse_speed(options.get("speed", 1.0))
        except ValueError as exc:
            raise InvalidArgument(f"speed: {exc}") from None
        self.start_time = resolve_start(options.get("start"), self.scenario)
        self.resume_budget_s = float(check_number(
            "resume_budget_s", options.get("resume_budget_s", DEFAULT_BUDGET_S),
            high=MAX_RESUME_BUDGET_S, unit="seconds"))
        self._clock = SimClock(self.start_time, self.speed)
        self._sim = Simulation(self.scenario, seed, self.start_time)
        self.ivr_flows: dict[str, dict[str, Any]] = {}
        self._stored: StoredCalls | None = None
        self._call_screen: CallScreen | None = None
        #: how the last start continued stored history (None: it started the day afresh)
        self.resumed: Resumed | None = None

    @property
    def simulation(self) -> Simulation:
        """The running simulation (for tests and the ``simulate`` command)."""
        return self._sim

    # --- lifecycle and events -----------------------------------------------------------

    def continue_history(self, stored: StoredCalls) -> None:
        """Continue the simulated day after the calls history holds (resume.py says how)."""
        super().continue_history(stored)
        self._stored = stored

    def _start(self) -> Inventory:
        if self._stored is not None:
            resumed = resume(self.scenario, self.seed, self.start_time,
                             self._stored(self.start_time), self.resume_budget_s)
            if resumed is not None:
                self.resumed = resumed
                self._sim = resumed.sim
                self._sim.out[:0] = resumed.pending
                self._clock = SimClock(resumed.at, self.speed)
                at = datetime.fromtimestamp(resumed.at).isoformat(timespec="seconds")
                if resumed.mode == NEW_EPOCH:
                    log.info("emulator: new epoch %s from %s, after the stored calls (%s); "
                             "the floor starts there with no call in progress",
                             resumed.epoch.rstrip("-"), at, resumed.reason)
                else:
                    log.info("emulator: continuing the day at %s after the stored calls "
                             "(same run, replayed); %d calls in progress announced again",
                             at, resumed.live_calls)
        self._clock.restart()
        self._sim.screen = self._call_screen  # a resumed day keeps the blacklist
        return self._inventory()

    def _set_call_screen(self, screen: CallScreen | None) -> bool:
        """The emulated switch blocks in itself, before its IVR (screening.py)."""
        self._call_screen = screen
        self._sim.screen = screen
        return True

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        sim, clock = self._sim, self._clock
        if clock.fast:
            if len(sim.out) < max_events:
                sim.run_fast(max_events)
            return sim.take(max_events)
        deadline = time.monotonic() + timeout
        while True:
            sim.run_until(clock.sim_now())
            if sim.out:
                return sim.take(max_events)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            due = sim.next_time()
            if sim._delayed:
                due = min(due, sim._delayed[0][0])
            wait = clock.wall_seconds(due - sim.now) if math.isfinite(due) else remaining
            time.sleep(max(0.0005, min(remaining, wait)))

    def advance(self, seconds: float) -> list[Event]:
        """Fast mode only: run ``seconds`` of simulated time and return every event up to then.

        Lets a test or a what-if study place an operation at a chosen simulated moment.
        """
        self._check_started()
        if not self._clock.fast:
            raise InvalidOperation("advance() is for the fast clock; in real time, poll()")
        seconds = check_number("seconds", seconds, high=MAX_SECONDS, unit="seconds")
        sim = self._sim
        sim.run_until(sim.now + seconds)
        return sim.take(len(sim.out))

    def _now(self) -> float:
        if self._clock.fast or not self.started:
            return self._sim.now
        return max(self._sim.now, self._clock.sim_now())

    def _ready(self) -> Simulation:
        """Bring the simulation up to the clock, and refuse while the link is down."""
        sim = self._sim
        if not self._clock.fast:
            sim.run_until(self._clock.sim_now())
        link = sim.link_down()
        if link is not None:
            raise LinkDown(f"link {link.id} is down: {link.error}")
        return sim

    # --- agents -------------------------------------------------------------------------

    def _login(self, agent: str, state: AgentState) -> None:
        self._ready().op_login(agent, state)

    def _set_state(self, agent: str, state: AgentState, reason: str, forced: bool,
                   by: str) -> None:
        self._ready().op_set_state(agent, state, reason, forced, by)

    def _set_skills(self, agent: str, skills: dict[str, int]) -> None:
        self._ready().op_set_skills(agent, skills)

    # --- calls --------------------------------------------------------------------------

    def _join_call(self, call: str, supervisor: str, how: Participation) -> None:
        self._ready().op_join(call, supervisor, how)

    def _leave_call(self, call: str, supervisor: str) -> None:
        self._ready().op_leave(call, supervisor)

    def _start_recording(self, call: str, supervisor: str) -> None:
        self._ready().op_start_recording(call, supervisor)

    def _cancel_logout(self, agent: str, reason: str, by: str) -> None:
        self._ready().op_cancel_logout(agent, reason, by)

    def _force_release(self, call: str, by: str, reason: str) -> None:
        self._ready().op_force_release(call)

    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None:
        self._ready().op_transfer(call, to_agent, to_queue)

    def _originate(self, number: str, announcement: str, caller_id: str) -> str:
        return self._ready().originate(number, announcement, caller_id)

    # --- IVR, fax, tests, faults --------------------------------------------------------

    def _load_ivr_flow(self, name: str, flow: dict[str, Any]) -> None:
        self._ready()
        self.ivr_flows[name] = dict(flow)

    def _load_flow(self, name: str, flow: Flow) -> None:
        self._ready().load_flow(name, flow)

    def flows(self) -> dict[str, Flow]:
        return dict(self._sim.flows)

    def route_fax(self, send: Callable[[str, str, int], str] | None) -> None:
        """Send the IVR's faxes (``fax.send_bill``) through ``send`` — another fax adapter."""
        self._sim.fax_sender = send

    def _test_prompt(self, channel: str, prompt: str) -> str:
        return self._ready().test_prompt(channel, prompt)

    def _send_fax(self, number: str, document: str, pages: int, resolution: str) -> str:
        return self._ready().send_fax(number, document, pages)

    def _fax_status(self, job: str) -> FaxJob:
        return self._sim.fax_status(job)

    def _self_test(self, board: str) -> str:
        return self._ready().self_test(board)

    def _loopback_test(self, channel: str) -> str:
        return self._ready().loopback_test(channel)

    def _reset(self, target: str) -> None:
        self._ready().reset(target)

    def _set_in_service(self, target: str, in_service: bool, reason: str, by: str) -> None:
        self._ready().set_in_service(target, in_service, reason)

    def _inject_fault(self, kind: str, target: str, params: dict[str, Any]) -> None:
        sim = self._sim
        if not self._clock.fast:
            sim.run_until(self._clock.sim_now())
        sim.inject_fault(kind, target, params)

    # --- inventory ----------------------------------------------------------------------

    def _boards(self) -> list[Board]:
        return [
            Board(b.id, b.kind, b.status, b.error,
                  Counters(tests_passed=b.tests_passed, tests_failed=b.tests_failed))
            for b in self._sim.boards.values()
        ]

    def _trunks(self) -> list[Trunk]:
        return [
            Trunk(t.id, t.board.id, t.capacity, t.in_use, t.status, t.error,
                  Counters(calls=t.calls))
            for t in self._sim.trunks.values()
        ]

    def _channels(self) -> list[Channel]:
        return [
            Channel(c.id, c.board.id, c.kind, c.status, c.holder, c.error, Counters(calls=c.calls))
            for c in self._sim.channels.values()
        ]

    def _links(self) -> list[Link]:
        return [Link(lk.id, lk.status, lk.delay_s * 1000, lk.error)
                for lk in self._sim.links.values()]

    def _inventory(self) -> Inventory:
        sim = self._sim
        agents = [
            Agent(a.id, a.name, a.team.id, dict(a.skills), a.state, a.since, a.reason,
                  a.pending_logout is not None, a.call.id if a.call else None, a.handled)
            for a in sim.agents.values()
        ]
        queues = [
            SkillGroup(q.id, q.spec.name, q.spec.sl_threshold_s, q.spec.sl_target,
                       q.spec.max_length,
                       {CustomerLevel.VIP: q.spec.vip_priority, CustomerLevel.NORMAL: 0})
            for q in sim.queues.values()
        ]
        return Inventory(agents, queues, self._boards(), self._trunks(), self._channels(),
                         self._links())
