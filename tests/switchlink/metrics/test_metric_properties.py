"""Properties over random event streams: never negative, rates within [0, 1], counts add up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.agents import Agent, AgentState
from models.calls import CallOutcome, CustomerLevel
from models.events import (
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallQueued,
    CallTransferred,
    Event,
)
from models.queues import SkillGroup
from switchlink.adapters.base import Inventory
from switchlink.metrics import Clock, FloorMetrics, MetricsConfig

T0 = 1_767_600_000.0
QUEUES = ("q1", "q2", "q3")
AGENTS = ("a1", "a2", "a3", "a4")
OPS = ("arrive", "answer", "abandon", "end", "transfer", "move", "block", "busy_wait", "state")

steps = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 1000), st.floats(0.0, 400.0)),
    max_size=120,
)


class Floor:
    """A tiny, always-consistent call center that writes the events and knows the truth."""

    def __init__(self) -> None:
        self.t = T0
        self.n = 0
        self.events: list[Event] = []
        self.waiting: dict[str, str] = {}  # call -> queue, never answered
        self.requeued: dict[str, str] = {}  # answered, waiting again after a transfer
        self.talking: dict[str, str] = {}  # call -> agent
        self.free = list(AGENTS)

    def step(self, op: str, pick: int, dt: float) -> None:
        self.t += dt
        t, ev = self.t, self.events.append
        waiting = sorted(self.waiting)
        if op == "arrive" or op == "block":
            self.n += 1
            call = f"c{self.n}"
            level = CustomerLevel.VIP if pick % 3 == 0 else CustomerLevel.NORMAL
            ev(CallArrived(t, call, "555", customer_level=level))
            if op == "block":
                ev(CallEnded(t, call, CallOutcome.BLOCKED))
            else:
                self.waiting[call] = QUEUES[pick % 3]
                ev(CallQueued(t, call, self.waiting[call]))
        elif op == "answer" and (waiting or self.requeued) and self.free:
            call = (waiting + sorted(self.requeued))[pick % (len(waiting) + len(self.requeued))]
            self.waiting.pop(call, None)
            self.requeued.pop(call, None)
            agent = self.free.pop(pick % len(self.free))
            self.talking[call] = agent
            ev(AgentStateChanged(t, agent, AgentState.TALKING))
            ev(CallAnswered(t, call, agent))
        elif op in ("abandon", "busy_wait") and waiting:
            call = waiting[pick % len(waiting)]
            del self.waiting[call]
            outcome = CallOutcome.ABANDONED if op == "abandon" else CallOutcome.BUSY
            ev(CallEnded(t, call, outcome))
        elif op == "end" and self.talking:
            call = sorted(self.talking)[pick % len(self.talking)]
            agent = self.talking.pop(call)
            self.free.append(agent)
            ev(CallEnded(t, call, CallOutcome.ANSWERED))
            ev(AgentStateChanged(t, agent, AgentState.AFTER_CALL_WORK))
            ev(AgentStateChanged(t + dt / 2, agent, AgentState.READY))
        elif op == "transfer" and self.talking:
            call = sorted(self.talking)[pick % len(self.talking)]
            agent = self.talking.pop(call)
            self.free.append(agent)
            self.requeued[call] = QUEUES[pick % 3]
            ev(CallTransferred(t, call, agent, to_queue=self.requeued[call]))
            ev(AgentStateChanged(t, agent, AgentState.READY))
        elif op == "move" and waiting:
            call = waiting[pick % len(waiting)]
            self.waiting[call] = QUEUES[(QUEUES.index(self.waiting[call]) + 1) % 3]
            ev(CallQueued(t, call, self.waiting[call]))
        elif op == "state" and self.free:
            agent = self.free[pick % len(self.free)]
            state = AgentState.NOT_READY if pick % 2 else AgentState.READY
            ev(AgentStateChanged(t, agent, state, reason="break" if pick % 2 else ""))


def run(ops: list[tuple[str, int, float]]) -> tuple[Floor, dict]:
    inv = Inventory(
        agents=[Agent(a, a, skills={q: 5 for q in QUEUES[: i % 3 + 1]})
                for i, a in enumerate(AGENTS)],
        queues=[SkillGroup(q, q) for q in QUEUES],
    )
    # a fixed UTC clock, and every run stays within the day (120 × 400 s < 16 h)
    m = FloorMetrics(inv, MetricsConfig(clock=Clock(utc_offset_s=0)), now=T0)
    f = Floor()
    for a in AGENTS:
        f.events.append(AgentStateChanged(T0, a, AgentState.READY))
    for op in ops:
        f.step(*op)
    for e in f.events:
        m.apply(e)
    return f, m.snapshot(f.t + 1)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(steps)
def test_metrics_are_never_negative_and_rates_stay_within_zero_and_one(ops):
    _, out = run(ops)
    for key, values in out.items():
        if not key.startswith(("metrics/center", "metrics/queue/")):
            continue
        for name, value in values.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                assert value >= 0, (key, name, value)
            if name.startswith(("service_level", "occupancy", "utilisation", "abandon_rate",
                                "connection_rate", "answer_overtime")):
                assert value is None or 0.0 <= value <= 1.0, (key, name, value)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(steps)
def test_offered_calls_add_up_to_answered_abandoned_other_and_still_waiting(ops):
    f, out = run(ops)
    for q in QUEUES:
        m = out[f"metrics/queue/{q}"]
        still = sum(1 for queue in f.waiting.values() if queue == q)
        resolved = m["answered_today"] + m["abandoned_today"] + m["unanswered_other_today"]
        assert m["offered_today"] == resolved + still
        again = sum(1 for queue in f.requeued.values() if queue == q)
        assert m["waiting"] == still + again
    c = out["metrics/center"]
    resolved = c["answered_today"] + c["abandoned_today"] + c["unanswered_other_today"]
    assert c["offered_today"] == resolved + len(f.waiting)
    assert c["arrived_today"] == c["offered_today"] + c["blocked_today"]
    assert c["arrived_vip_today"] + c["arrived_normal_today"] == c["arrived_today"]
    assert sum(out[f"metrics/queue/{q}"]["answered_today"] for q in QUEUES) >= c["answered_today"]
    assert c["agents_logged_in"] == len(AGENTS)
