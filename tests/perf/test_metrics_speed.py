"""Benchmarks: metrics µs per event at 5,000 agents / 200 queues; alarm evaluation, 1,000 rules."""

from __future__ import annotations

import heapq
import random
import time

import pytest

from models.agents import Agent, AgentState
from models.alarms import validate_rule
from models.calls import CallOutcome
from models.events import (
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallQueued,
    CallRinging,
    Event,
)
from models.queues import SkillGroup
from switchlink.adapters.base import Inventory
from switchlink.alarms import AlarmEngine
from switchlink.metrics import METRIC_NAMES, FloorMetrics

N_AGENTS, N_QUEUES, N_CALLS = 5_000, 200, 40_000
T0 = 1_767_600_000.0
S = AgentState


def synthetic_floor(seed: int = 1) -> tuple[Inventory, list[Event]]:
    """Agents with 3 skills each; calls that queue, ring, talk, end, with after-call work."""
    rng = random.Random(seed)
    queues = [SkillGroup(f"q{i}", f"q{i}") for i in range(N_QUEUES)]
    agents = [Agent(f"{1000 + i}", "", skills={f"q{(i + k * 67) % N_QUEUES}": 5 for k in range(3)})
              for i in range(N_AGENTS)]
    events: list[Event] = [AgentStateChanged(T0, a.work_number, S.READY) for a in agents]
    t = T0
    free = [a.work_number for a in agents]
    busy: list[tuple[float, str, str]] = []  # (end, call, agent)
    for n in range(N_CALLS):
        t += rng.expovariate(10.0)  # ~10 calls a second
        while busy and busy[0][0] <= t:
            end, call, agent = heapq.heappop(busy)
            events += [CallEnded(end, call, CallOutcome.ANSWERED),
                       AgentStateChanged(end, agent, S.AFTER_CALL_WORK),
                       AgentStateChanged(end + 5, agent, S.READY)]
            free.append(agent)
        call, queue = f"c{n}", f"q{rng.randrange(N_QUEUES)}"
        events += [CallArrived(t, call, "555"), CallQueued(t, call, queue)]
        if rng.random() < 0.1 or not free:
            events.append(CallEnded(t + 8, call, CallOutcome.ABANDONED))
            continue
        agent = free.pop(rng.randrange(len(free)))
        events += [CallRinging(t + 2, call, agent), AgentStateChanged(t + 2, agent, S.RINGING),
                   CallAnswered(t + 4, call, agent), AgentStateChanged(t + 4, agent, S.TALKING)]
        heapq.heappush(busy, (t + 4 + rng.uniform(60, 400), call, agent))
    events.sort(key=lambda e: e.t)
    return Inventory(agents=agents, queues=queues), events


@pytest.mark.perf
def test_metrics_cost_per_event_at_5000_agents_and_200_queues():
    inventory, events = synthetic_floor()
    metrics = FloorMetrics(inventory, now=T0)
    start = time.perf_counter()
    next_tick = T0 + 1
    ticks = 0
    publish_s = 0.0
    for e in events:
        if e.t >= next_tick:
            p0 = time.perf_counter()
            metrics.publish(next_tick)
            publish_s += time.perf_counter() - p0
            ticks += 1
            next_tick += 1
        metrics.apply(e)
    total = time.perf_counter() - start
    apply_us = (total - publish_s) / len(events) * 1e6
    print(f"\nmetrics: {len(events)} events, {N_AGENTS} agents, {N_QUEUES} queues: "
          f"{apply_us:.2f} µs/event (apply), publish {publish_s / ticks * 1e3:.2f} ms/tick "
          f"over {ticks} ticks")
    p0 = time.perf_counter()
    full = metrics.snapshot(events[-1].t)
    spent_ms = (time.perf_counter() - p0) * 1e3
    print(f"metrics: full snapshot of {len(full)} keys in {spent_ms:.1f} ms")


@pytest.mark.perf
def test_alarm_evaluation_time_for_1000_rules():
    metrics_names = ["waiting", "longest_wait_s", "service_level_15m", "abandon_rate_15m",
                     "agents_ready"]
    rules = []
    for q in range(N_QUEUES):
        for m in metrics_names:
            rules.append(validate_rule({
                "id": f"{m}-q{q}", "metric": m, "scope": f"queue:q{q}",
                "direction": "below" if m in ("service_level_15m", "agents_ready") else "above",
                "levels": {"yellow": {"threshold": 0.8 if m == "service_level_15m" else 5}},
            }, METRIC_NAMES))
    engine = AlarmEngine(rules)
    rng = random.Random(3)
    runs, spent, transitions = 50, 0.0, 0
    for i in range(runs):
        metrics = {
            f"metrics/queue/q{q}": {
                "waiting": rng.randrange(10), "longest_wait_s": rng.uniform(0, 60),
                "service_level_15m": rng.uniform(0.6, 1.0), "abandon_rate_15m": rng.random() / 5,
                "agents_ready": rng.randrange(20),
            }
            for q in range(N_QUEUES)
        }
        t0 = time.perf_counter()
        transitions += len(engine.evaluate(T0 + i, metrics, agents={}, equipment={}))
        spent += time.perf_counter() - t0
    print(f"\nalarms: {len(rules)} rules, all {N_QUEUES} queue dicts changed: "
          f"{spent / runs * 1e3:.2f} ms per evaluation ({transitions} transitions in {runs} runs)")
    t0 = time.perf_counter()
    for i in range(runs):
        engine.evaluate(T0 + runs + i, {}, agents={}, equipment={})
    print(f"alarms: tick with no changed metrics: "
          f"{(time.perf_counter() - t0) / runs * 1e3:.3f} ms per evaluation")
