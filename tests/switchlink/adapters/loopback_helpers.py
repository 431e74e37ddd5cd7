"""Shared helpers for the loopback emulator tests: fixed start, fast clock, small scenarios."""

from __future__ import annotations

import dataclasses
from typing import Any

from models.events import Event
from switchlink.adapters.loopback import LoopbackAdapter, Scenario, load_scenario
from switchlink.adapters.loopback.scenario import parse_scenario

#: 2026-03-02 08:00 UTC: a fixed start keeps every run deterministic
START = 1_772_438_400.0


def small(**changes: Any) -> Scenario:
    """The bundled small scenario with top-level fields replaced."""
    return dataclasses.replace(load_scenario("small"), **changes)


def with_queue(scenario: Scenario, queue_id: str, **changes: Any) -> Scenario:
    queues = tuple(
        dataclasses.replace(q, **changes) if q.id == queue_id else q for q in scenario.queues
    )
    return dataclasses.replace(scenario, queues=queues)


def tiny(
    *,
    agents: int = 1,
    per_half_hour: float = 60.0,
    halves: int = 4,
    capacity: int = 50,
    queue: str = "",
    center: str = "",
    extra: str = "",
) -> Scenario:
    """One direct line into one queue, ``agents`` agents: for exact, readable set-ups."""
    profile = ", ".join([str(per_half_hour)] * halves)
    text = f"""
spec = "1.0"
name = "tiny"
[center]
ring_time = 2
{center}
[[boards]]
id = "acd-1"
kind = "acd"
[[boards]]
id = "trunk-1"
kind = "trunk"
[[boards]]
id = "ivr-1"
kind = "ivr"
channels = 4
[[boards]]
id = "fax-1"
kind = "fax"
channels = 1
[[trunks]]
id = "pstn-1"
board = "trunk-1"
capacity = {capacity}
[[queues]]
id = "q1"
handle_time = 120
acw = 10
patience = 60
{queue}
[[lines]]
number = "95598"
trunk = "pstn-1"
profile = [{profile}]
queue = "q1"
[[teams]]
id = "t1"
count = {agents}
first_work_number = 1001
skills = {{ q1 = 5 }}
{extra}
"""
    import tomllib

    return parse_scenario(tomllib.loads(text), "tiny.toml")


def started(scenario: Scenario | str = "small", seed: int = 1) -> LoopbackAdapter:
    adapter = LoopbackAdapter(scenario=scenario, seed=seed, speed="fast", start=START)
    adapter.start()
    return adapter


def of(events: list[Event], kind: type) -> list[Any]:
    return [e for e in events if isinstance(e, kind)]


def run_hours(adapter: LoopbackAdapter, hours: float) -> list[Event]:
    return adapter.advance(hours * 3600.0)


def advance_until(adapter: LoopbackAdapter, kind: type, step_s: float = 5.0,
                  limit_s: float = 7200.0, **match: Any) -> tuple[Any, list[Event]]:
    """Advance until an event of ``kind`` (with the given field values) appears."""
    seen: list[Event] = []
    spent = 0.0
    while spent < limit_s:
        batch = adapter.advance(step_s)
        seen += batch
        for e in batch:
            if isinstance(e, kind) and all(getattr(e, k) == v for k, v in match.items()):
                return e, seen
        spent += step_s
    raise AssertionError(f"no {kind.__name__} {match} within {limit_s} s")
