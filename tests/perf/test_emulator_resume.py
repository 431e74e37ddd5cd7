"""Benchmark: what a restart of the emulator costs at start (the silent replay of the day).

Prints, per scenario, the stored calls after ``CALLFLOOR_RESUME_HOURS`` (default 10) simulated
hours and the wall time of :func:`resume` that continues after them; the baseline in the same
run is simulating those hours without a resume (the replay can be no cheaper than that).
"""

from __future__ import annotations

import os
import time

import pytest

from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.adapters.loopback.resume import resume
from switchlink.storage.call_history import CallRecorder

HOURS = float(os.environ.get("CALLFLOOR_RESUME_HOURS", "10"))


@pytest.mark.perf
@pytest.mark.timeout(900)
@pytest.mark.parametrize("scenario", ["default", "large"])
def test_resume_costs_about_one_simulation_of_the_stored_hours(scenario: str) -> None:
    adapter = LoopbackAdapter(scenario=scenario, seed=1, speed="fast", start="2026-03-02T08:00")
    adapter.start()
    stored: dict[str, tuple[float, float]] = {}
    recorder = CallRecorder(lambda r, d: stored.__setitem__(r.call_id, (r.arrived_at, r.ended_at)))
    end = adapter.start_time + HOURS * 3600
    t0 = time.perf_counter()
    while adapter.now() < end:
        for event in adapter.advance(min(600.0, end - adapter.now())):
            recorder.feed(event)
    baseline = time.perf_counter() - t0
    t0 = time.perf_counter()
    resumed = resume(adapter.scenario, 1, adapter.start_time, stored)
    took = time.perf_counter() - t0
    assert resumed is not None and resumed.epoch == ""
    print(f"\n{scenario}: {HOURS:g} h, {len(stored):,} stored calls; resume {took:.2f} s "
          f"(baseline: running those hours {baseline:.2f} s); {resumed.live_calls} calls live")
