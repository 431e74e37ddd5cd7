"""Queues, routing, abandonment, queue limits and trunk capacity in the emulator."""

from __future__ import annotations

import dataclasses

from loopback_helpers import of, run_hours, started, tiny

from models.calls import CallOutcome
from models.events import (
    CallAnswered,
    CallArrived,
    CallEnded,
    CallHeld,
    CallIvrStep,
    CallQueued,
    CallRetrieved,
    CallRinging,
)


def outcomes(events: list) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in of(events, CallEnded):
        counts[e.outcome.value] = counts.get(e.outcome.value, 0) + 1
    return counts


def test_overloaded_queue_loses_callers_to_abandonment() -> None:
    events = run_hours(started(tiny(agents=1, per_half_hour=60)), 2)
    assert outcomes(events).get("abandoned", 0) > 20


def test_abandonment_can_be_disabled_for_the_whole_center() -> None:
    scenario = tiny(agents=1, per_half_hour=60, center="abandonment = false")
    events = run_hours(started(scenario), 2)
    assert "abandoned" not in outcomes(events)
    assert len(of(events, CallQueued)) > 100


def test_a_full_queue_answers_callers_busy() -> None:
    scenario = tiny(agents=1, per_half_hour=60, queue="max_length = 2",
                    center="abandonment = false")
    events = run_hours(started(scenario), 1)
    busy = [e for e in of(events, CallEnded) if e.outcome is CallOutcome.BUSY]
    assert busy
    routed = {e.call for e in of(events, CallIvrStep) if e.node == "queue:q1"}
    queued = {e.call for e in of(events, CallQueued)}
    assert all(e.call in routed and e.call not in queued for e in busy)
    waiting = 0
    for e in events:  # the queue never holds more than its limit
        if isinstance(e, CallQueued):
            waiting += 1
        elif isinstance(e, CallRinging):
            waiting -= 1
        assert waiting <= 2


def test_callers_beyond_trunk_capacity_get_busy_without_a_trunk() -> None:
    scenario = tiny(agents=1, per_half_hour=60, capacity=2)
    events = run_hours(started(scenario), 1)
    refused = {e.call for e in of(events, CallArrived) if e.trunk is None}
    assert refused
    ended = {e.call: e.outcome for e in of(events, CallEnded)}
    assert all(ended[c] is CallOutcome.BUSY for c in refused)
    assert not refused & {e.call for e in of(events, CallQueued)}


def test_vip_callers_are_served_before_normal_callers_in_the_same_queue() -> None:
    scenario = tiny(agents=2, per_half_hour=90, center="abandonment = false")
    line = dataclasses.replace(scenario.lines[0], vip_share=0.2)
    events = run_hours(started(dataclasses.replace(scenario, lines=(line,))), 2)
    queued = {e.call: e for e in of(events, CallQueued)}
    answered = {e.call: e.t for e in of(events, CallAnswered)}
    waits = {"vip": [], "normal": []}
    for call, q in queued.items():
        if call in answered:
            waits["vip" if q.priority > 0 else "normal"].append(answered[call] - q.t)
    assert waits["vip"] and waits["normal"]
    mean = {k: sum(v) / len(v) for k, v in waits.items()}
    assert mean["vip"] < mean["normal"] / 3


def test_the_longest_idle_agent_gets_the_next_call() -> None:
    adapter = started(tiny(agents=3, per_half_hour=0))
    adapter.advance(60)  # all three signed in at the start, 1001 first
    line = adapter.simulation.lines[0]
    adapter.simulation._on_arrival(line)  # one caller, now
    ringing = of(adapter.advance(1), CallRinging)
    assert [e.agent for e in ringing] == ["1001"]


def test_a_call_through_the_ivr_is_routed_to_a_queue_or_served_in_the_ivr() -> None:
    events = run_hours(started("small"), 1)
    ivr_calls = {e.call for e in of(events, CallArrived) if e.callee == "10000"}
    nodes: dict[str, list[str]] = {}
    for e in of(events, CallIvrStep):
        nodes.setdefault(e.call, []).append(e.node)
    finished = {e.call for e in of(events, CallEnded)}
    for call in ivr_calls & finished:
        trail = nodes.get(call, [])
        assert trail[:1] == ["welcome"] or not trail  # no trail: refused before the IVR
    choices = [t[1] for t in nodes.values() if len(t) > 1]
    assert {"queue:billing", "queue:faults", "self_service"} <= set(choices)


def test_holds_during_talk_are_reported_and_retrieved() -> None:
    events = run_hours(started("small"), 3)
    held = {e.call for e in of(events, CallHeld)}
    retrieved = {e.call for e in of(events, CallRetrieved)}
    assert held
    ended = {e.call for e in of(events, CallEnded)}
    assert held & ended <= retrieved
