"""Benchmark: events per second the loopback emulator produces in fast mode."""

from __future__ import annotations

import time

import pytest

from switchlink.adapters.loopback import LoopbackAdapter, load_scenario

START = 1_772_438_400.0


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
