"""The discrete-event core: arrivals, IVR stage, queues, routing, talk, holds, ACW, agents.

One ``heapq`` of ``(t, seq, handler, arg)`` timers and one seeded ``random.Random``: the
same scenario, start and seed give the same event stream. Timers carry the ``epoch`` (agents)
or ``step`` (calls) they were set for, so a state change cancels them without a search.
Equipment, faults, outbound calls and fax live in the mixins this class combines.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections import deque
from collections.abc import Callable
from typing import Any

from models.agents import AgentState
from models.calls import CallOutcome, CallPhase, CustomerLevel, Direction
from models.equipment import ChannelStatus, EquipmentStatus
from models.events import (
    CallAnswered,
    CallArrived,
    CallEnded,
    CallHeld,
    CallIvrStep,
    CallQueued,
    CallRetrieved,
    CallRinging,
    ChannelStatusChanged,
    Event,
    TrunkStatusChanged,
)
from switchlink.adapters.loopback.agents import AgentsMixin
from switchlink.adapters.loopback.entities import SimAgent, SimCall, SimLine, SimQueue
from switchlink.adapters.loopback.faults import EquipmentMixin
from switchlink.adapters.loopback.ivr_stage import IvrStageMixin
from switchlink.adapters.loopback.maintenance import MaintenanceMixin
from switchlink.adapters.loopback.operations import OperationsMixin
from switchlink.adapters.loopback.scenario import INTERVAL_S, MAX_INTERVALS, Scenario
from switchlink.adapters.loopback.screening import ScreeningMixin
from switchlink.adapters.loopback.services import ServicesMixin

DAY_S = 86400.0
R = AgentState.READY
NR = AgentState.NOT_READY
OUT = AgentState.LOGGED_OUT
TALKING = AgentState.TALKING
QUEUED = CallPhase.QUEUED
ON_CALL = (AgentState.RINGING, AgentState.TALKING, AgentState.ON_HOLD)


class Simulation(AgentsMixin, EquipmentMixin, MaintenanceMixin, ServicesMixin, OperationsMixin,
                 IvrStageMixin, ScreeningMixin):
    """A whole hotline center in simulated time starting at ``start`` (epoch seconds)."""

    def __init__(self, scenario: Scenario, seed: int, start: float, id_tag: str = "") -> None:
        self.scenario = scenario
        #: put into every id (``call-<tag><n>``): a run that continues after different
        #: history has ids that history can tell apart (see resume.py)
        self.id_tag = id_tag
        self.rng = random.Random(seed)
        self.start = start
        self.now = start
        self._heap: list[tuple[float, int, Callable[[Any], None], Any]] = []
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self.out: list[Event] = []
        self.emit: Callable[[Event], None] = self.out.append
        self.calls: dict[str, SimCall] = {}
        rng = self.rng
        self.ring_time = scenario.ring_time.sampler(rng)
        self.ivr_time = scenario.ivr_time.sampler(rng)
        self.queues: dict[str, SimQueue] = {}
        for spec in scenario.queues:
            self.queues[spec.id] = SimQueue(spec, {
                "handle": spec.handle_time.sampler(rng),
                "acw": spec.acw.sampler(rng),
                "patience": spec.patience.sampler(rng)
                if spec.patience is not None and scenario.abandonment else None,
                "hold": spec.hold_time.sampler(rng),
            })
        self._init_equipment()
        self._init_services()
        self._init_ivr_stage()
        self._init_screening(seed)
        self.agents: dict[str, SimAgent] = {}
        self._breaks: dict[str, tuple[Callable[[], float], Callable[[], float]]] = {}
        for team in scenario.teams:
            if team.breaks is not None:
                self._breaks[team.id] = (team.breaks.interval.sampler(rng),
                                         team.breaks.duration.sampler(rng))
            for n in range(team.first_work_number, team.first_work_number + team.count):
                agent = SimAgent(str(n), f"{team.name}-{n}", team)
                agent.since = start
                self.agents[agent.id] = agent
                for qid in agent.skills:
                    self.queues[qid].skilled += 1
                self.schedule(start + team.shift_start_s, self._on_shift_start, agent)
        self.lines = []
        for spec in scenario.lines:
            line = SimLine(spec)
            line.trunk = self.trunks[spec.trunk]
            if spec.queue is not None:
                line.queue = self.queues[spec.queue]
            acc = 0.0
            for qid, p in spec.choices:
                acc += p
                line.choices.append((acc, self.queues[qid]))
            self.lines.append(line)
            self._schedule_arrival(line, start)
        self._schedule_scenario_faults()

    # --- the event loop -----------------------------------------------------------------

    def schedule(self, t: float, handler: Callable[[Any], None], arg: Any) -> None:
        heapq.heappush(self._heap, (t, next(self._seq), handler, arg))

    def next_time(self) -> float:
        return self._heap[0][0] if self._heap else float("inf")

    def run_until(self, t_limit: float) -> None:
        """Process every timer due at or before ``t_limit``; the clock ends at ``t_limit``."""
        heap, pop = self._heap, heapq.heappop
        while heap and heap[0][0] <= t_limit:
            t, _, handler, arg = pop(heap)
            self.now = t
            handler(arg)
            if self._delayed:
                self._release_delayed(t)
        if t_limit > self.now:
            self.now = t_limit
        if self._delayed:
            self._release_delayed(self.now)

    def run_fast(self, want: int) -> None:
        """Process timers until ``want`` events are ready (or a step budget is spent)."""
        heap, pop, out = self._heap, heapq.heappop, self.out
        budget = want * 20 + 1000
        while heap and len(out) < want and budget:
            t, _, handler, arg = pop(heap)
            self.now = t
            handler(arg)
            budget -= 1
            if self._delayed:
                self._release_delayed(t)

    def take(self, max_events: int) -> list[Event]:
        out = self.out
        if len(out) <= max_events:
            events = out[:]
            out.clear()
        else:
            events = out[:max_events]
            del out[:max_events]
        return events

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{self.id_tag}{next(self._ids)}"

    # --- arrivals -----------------------------------------------------------------------

    def _rate(self, line: SimLine, interval: int) -> float:
        k = interval % MAX_INTERVALS
        profile = line.spec.profile
        return profile[k] / INTERVAL_S if k < len(profile) else 0.0

    def _schedule_arrival(self, line: SimLine, after: float) -> None:
        """Next Poisson arrival: per-interval exponential gaps (exact, memoryless)."""
        expo = self.rng.expovariate
        if not any(line.spec.profile):
            return
        k = line.interval
        t = after
        while True:
            end = self.start + (k + 1) * INTERVAL_S
            rate = self._rate(line, k)
            if rate > 0.0:
                t_next = t + expo(rate)
                if t_next < end:
                    line.interval = k
                    self.schedule(t_next, self._on_arrival, line)
                    return
            k += 1
            t = end

    def _on_arrival(self, line: SimLine) -> None:
        rng = self.rng
        level = CustomerLevel.VIP if rng.random() < line.spec.vip_share else CustomerLevel.NORMAL
        caller = str(rng.randrange(13_000_000_000, 19_000_000_000))
        if self.harassers is not None:
            caller = self.pick_caller(caller)
        self._schedule_arrival(line, self.now)
        self.arrive(line, caller, level, 0)

    def arrive(self, line: SimLine, caller: str, level: CustomerLevel, redials: int) -> None:
        """A call from ``caller`` on ``line`` (``redials``: a harasser's how-many-th retry)."""
        now = self.now
        spec = line.spec
        call = SimCall(self.new_id("call-"), caller, spec.number, level, Direction.INBOUND, now)
        trunk = line.trunk
        emit = self.emit
        if trunk.status is not EquipmentStatus.UP or trunk.in_use >= trunk.capacity:
            emit(CallArrived(now, call.id, caller, spec.number, level, Direction.INBOUND, None))
            emit(CallEnded(now, call.id, CallOutcome.BUSY))
            return
        self.calls[call.id] = call
        self.seize_trunk(call, trunk)
        emit(CallArrived(now, call.id, caller, spec.number, level, Direction.INBOUND, trunk.id))
        if self.screen is not None and self.screen_arrival(call, line, redials):
            return  # blocked by the blacklist before the IVR and the queues
        if line.queue is not None:
            self._route(call, line.queue)
            return
        channel = self.take_ivr_channel(call)
        if channel is None:
            self.end_call(call, CallOutcome.BUSY)
            return
        call.phase = CallPhase.IVR
        if self.ivr_callers is not None:
            self.start_flow(call)  # the scenario's flow (ivr_stage.py)
            return
        emit(CallIvrStep(now, call.id, "welcome"))
        self.schedule(now + self.ivr_time(), self._on_ivr_done, (call, call.step, line))

    def _on_ivr_done(self, arg: tuple[SimCall, int, SimLine]) -> None:
        call, step, line = arg
        if call.step != step:
            return
        self.free_channel(call)
        u = self.rng.random()
        for acc, queue in line.choices:
            if u < acc:
                self._route(call, queue)
                return
        self.emit(CallIvrStep(self.now, call.id, "self_service"))
        self.end_call(call, CallOutcome.SELF_SERVICE)

    # --- queues and routing -------------------------------------------------------------

    def _route(self, call: SimCall, queue: SimQueue) -> None:
        now = self.now
        self.emit(CallIvrStep(now, call.id, f"queue:{queue.id}"))
        limit = queue.spec.max_length
        if limit is not None and queue.length >= limit:
            call.queue = queue
            self.end_call(call, CallOutcome.BUSY)
            return
        self.enqueue(call, queue)

    def enqueue(self, call: SimCall, queue: SimQueue) -> None:
        now = self.now
        call.queue = queue
        call.phase = QUEUED
        call.queued_at = now
        call.step += 1
        prio = queue.spec.vip_priority if call.level is CustomerLevel.VIP else 0
        call.priority = prio
        self.emit(CallQueued(now, call.id, queue.id, prio))
        agent = self._find_agent(queue)
        if agent is not None:
            self.ring(call, agent)
            return
        dq = queue.waiting.get(prio)
        if dq is None:
            dq = queue.waiting[prio] = deque()
            queue.prios = sorted(queue.waiting, reverse=True)
        dq.append((call, call.step))
        queue.length += 1
        if queue.patience is not None:
            self.schedule(now + queue.patience(), self._on_abandon, (call, call.step))

    def _find_agent(self, queue: SimQueue) -> SimAgent | None:
        """The ready agent with the highest level, longest idle first."""
        if self.acd_down:
            return None
        heap = queue.ready
        while heap:
            _, _, _, agent, epoch = heapq.heappop(heap)
            if agent.epoch == epoch and agent.state is R and queue.id in agent.skills:
                return agent
        return None

    def _head(self, queue: SimQueue) -> tuple[SimCall, int] | None:
        for prio in queue.prios:
            dq = queue.waiting[prio]
            while dq:
                call, step = dq[0]
                if call.step == step and call.phase is QUEUED and call.queue is queue:
                    return call, prio
                dq.popleft()
        return None

    def _next_call_for(self, agent: SimAgent) -> SimCall | None:
        best = None
        best_key: tuple[int, int, float] | None = None
        for qid, level in agent.skills.items():
            queue = self.queues.get(qid)
            if queue is None or not queue.length:
                continue
            head = self._head(queue)
            if head is None:
                continue
            call, prio = head
            key = (-prio, -level, call.queued_at)
            if best_key is None or key < best_key:
                best, best_key = call, key
        if best is not None:
            queue = best.queue
            queue.waiting[best.priority].popleft()  # type: ignore[union-attr]
            queue.length -= 1  # type: ignore[union-attr]
        return best

    def dequeue(self, call: SimCall) -> None:
        """Take a waiting call out of its queue (lazily: its deque entry goes stale)."""
        if call.phase is QUEUED and call.queue is not None:
            call.queue.length -= 1
        call.step += 1

    def _on_abandon(self, arg: tuple[SimCall, int]) -> None:
        call, step = arg
        if call.step != step or call.phase is not QUEUED:
            return
        self.dequeue(call)
        self.end_call(call, CallOutcome.ABANDONED)

    def dispatch_all(self) -> None:
        """Match waiting calls to ready agents (after the ACD comes back)."""
        for queue in self.queues.values():
            while queue.length:
                agent = self._find_agent(queue)
                if agent is None:
                    break
                call = self._next_call_for(agent)
                if call is None:
                    self.push_ready(agent)
                    break
                self.ring(call, agent)

    # --- the call with an agent ---------------------------------------------------------

    def ring(self, call: SimCall, agent: SimAgent) -> None:
        now = self.now
        call.phase = CallPhase.RINGING
        call.agent = agent
        call.step += 1
        if self.ivr_calls:
            self.ivr_left(call)  # a caller waiting in a flow's queue is answered
        agent.call = call
        self.set_agent(agent, AgentState.RINGING)
        self.emit(CallRinging(now, call.id, agent.id))
        self.schedule(now + self.ring_time(), self._on_answer, (call, call.step))

    def _on_answer(self, arg: tuple[SimCall, int]) -> None:
        call, step = arg
        if call.step != step:
            return
        now = self.now
        agent = call.agent
        queue = call.queue
        call.phase = CallPhase.TALKING
        call.answered = True
        self.emit(CallAnswered(now, call.id, agent.id))  # type: ignore[union-attr]
        self.set_agent(agent, TALKING)  # type: ignore[arg-type]
        talk = queue.handle()  # type: ignore[union-attr]
        if queue.hold_p and self.rng.random() < queue.hold_p:  # type: ignore[union-attr]
            at = talk * self.rng.uniform(0.2, 0.8)
            call.remaining = talk - at
            self.schedule(now + at, self._on_hold, (call, step))
        else:
            self.schedule(now + talk, self._on_hangup, (call, step))

    def _on_hold(self, arg: tuple[SimCall, int]) -> None:
        call, step = arg
        if call.step != step:
            return
        call.phase = CallPhase.ON_HOLD
        self.emit(CallHeld(self.now, call.id))
        self.set_agent(call.agent, AgentState.ON_HOLD)  # type: ignore[arg-type]
        self.schedule(self.now + call.queue.hold(), self._on_retrieve, arg)  # type: ignore[union-attr]

    def _on_retrieve(self, arg: tuple[SimCall, int]) -> None:
        call, step = arg
        if call.step != step:
            return
        call.phase = CallPhase.TALKING
        self.emit(CallRetrieved(self.now, call.id))
        self.set_agent(call.agent, TALKING)  # type: ignore[arg-type]
        self.schedule(self.now + call.remaining, self._on_hangup, arg)

    def _on_hangup(self, arg: tuple[SimCall, int]) -> None:
        call, step = arg
        if call.step != step:
            return
        if self.ivr_callers is not None and self.survey_after_call(call):
            return  # the caller rates the call in the flow's survey first
        self.end_call(call, CallOutcome.ANSWERED)

    def end_call(self, call: SimCall, outcome: CallOutcome) -> None:
        """End a live call: free its trunk and channel, then send its agent on."""
        now = self.now
        call.step += 1
        call.phase = CallPhase.ENDED
        if self.ivr_calls:
            self.ivr_left(call)
        self.free_channel(call)
        trunk = call.trunk
        if trunk is not None:
            trunk.in_use -= 1
            call.trunk = None
            self.emit(TrunkStatusChanged(now, trunk.id, trunk.status, trunk.in_use, trunk.error))
        self.calls.pop(call.id, None)
        if call.recording:
            self.stop_recordings(call)
        self.emit(CallEnded(now, call.id, outcome))
        agent = call.agent
        if agent is not None and agent.call is call:
            self.release_agent(agent, talked=agent.state is not AgentState.RINGING)

    def release_agent(self, agent: SimAgent, talked: bool) -> None:
        """The call left the seat: sign-out now if forced, else after-call work."""
        call = agent.call
        agent.call = None
        agent.handled += talked
        if agent.pending_logout is not None:
            reason, by = agent.pending_logout
            self.logout(agent, reason, True, by)
            return
        acw = call.queue.acw() if talked and call is not None and call.queue else 0.0
        if acw > 0.0:
            self.set_agent(agent, AgentState.AFTER_CALL_WORK)
            self.schedule(self.now + acw, self._on_acw_done, (agent, agent.epoch))
        else:
            self.after_call(agent)

    def _on_acw_done(self, arg: tuple[SimAgent, int]) -> None:
        agent, epoch = arg
        if agent.epoch == epoch:
            self.after_call(agent)

    def after_call(self, agent: SimAgent) -> None:
        """Where a seat goes after its call: booked request, shift end, break, or ready."""
        if agent.pending_logout is not None:
            reason, by = agent.pending_logout
            self.logout(agent, reason, True, by)
        elif agent.shift_over:
            self.logout(agent, "shift end", False, "")
        elif agent.after is not None:
            state, reason, forced, by = agent.after
            agent.after = None
            if state is OUT:
                self.logout(agent, reason, forced, by)
            elif state is NR:
                self.set_agent(agent, NR, reason, forced, by)
            else:
                self.make_ready(agent, reason, forced, by)
        elif agent.break_due:
            self.start_break(agent)
        else:
            self.make_ready(agent)

    # --- channels and trunks ------------------------------------------------------------

    def seize_trunk(self, call: SimCall, trunk: Any) -> None:
        trunk.in_use += 1
        trunk.calls += 1
        call.trunk = trunk
        self.emit(TrunkStatusChanged(self.now, trunk.id, trunk.status, trunk.in_use, trunk.error))

    def free_channel(self, call: SimCall) -> None:
        channel = call.channel
        if channel is None:
            return
        call.channel = None
        channel.holder = None
        if channel.status is ChannelStatus.BUSY:
            status = self.rest_status(channel)  # idle, or out of service once its call ended
            channel.status = status
            if status is ChannelStatus.IDLE:
                self.idle_ivr.append(channel)
        self.emit(ChannelStatusChanged(self.now, channel.id, channel.status, None, channel.error))
