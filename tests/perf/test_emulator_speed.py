"""Benchmarks of the loopback emulator in fast mode: events/s, and a busy hour's wall time."""

from __future__ import annotations

import time

import pytest

from models.calls import Direction
from models.events import CallArrived
from switchlink.adapters.loopback import LoopbackAdapter, load_scenario

START = 1_772_438_400.0
#: issue 10: 1,000 agents for one busy hour (~40,000 calls) in at most this many wall seconds
BUSY_HOUR_GOAL_S = 10.0


@pytest.mark.perf
@pytest.mark.parametrize(("scenario", "target"), [("default", 200_000), ("large", 1_000_000)])
def test_emulator_events_per_second_in_fast_mode(scenario: str, target: int) -> None:
    loaded = load_scenario(scenario)
    t0 = time.perf_counter()
    adapter = LoopbackAdapter(scenario=loaded, seed=1, speed="fast", start=START)
    adapter.start()
    setup = time.perf_counter() - t0
    count = 0
    t0 = time.perf_counter()
    while count < target:
        batch = adapter.poll(max_events=10_000)
        if not batch:
            break
        count += len(batch)
    elapsed = time.perf_counter() - t0
    hours = (adapter.now() - START) / 3600
    adapter.shutdown()
    print(f"\nemulator {scenario}: {count} events in {elapsed:.2f} s = "
          f"{count / elapsed:,.0f} events/s ({hours:.1f} simulated h, setup {setup:.2f} s, "
          f"{loaded.agent_count} agents, {len(loaded.queues)} queues)")
    assert count > 0


@pytest.mark.perf
def test_a_busy_hour_of_1000_agents_runs_in_under_10_wall_seconds() -> None:
    """``busyhour-1000``: one simulated hour, timed from building the adapter to its end."""
    loaded = load_scenario("busyhour-1000")
    assert loaded.agent_count == 1000
    t0 = time.perf_counter()
    adapter = LoopbackAdapter(scenario=loaded, seed=1, speed="fast", start=START)
    adapter.start()
    events = calls = 0
    end = START + 3600.0
    while True:
        batch = adapter.advance(min(60.0, end - adapter.now()))
        events += len(batch)
        calls += sum(1 for e in batch
                     if type(e) is CallArrived and e.direction is Direction.INBOUND)
        if adapter.now() >= end:
            break
    wall = time.perf_counter() - t0
    adapter.shutdown()
    print(f"\nemulator busyhour-1000: 1 simulated h, {loaded.agent_count} agents, {calls:,} "
          f"calls, {events:,} events in {wall:.2f} s wall = {events / wall:,.0f} events/s "
          f"(goal <= {BUSY_HOUR_GOAL_S:.0f} s)")
    assert 36_000 <= calls <= 44_000
    assert wall <= BUSY_HOUR_GOAL_S
