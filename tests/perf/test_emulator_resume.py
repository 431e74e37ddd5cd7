"""Benchmark: what a restart of the emulator costs before the daemon serves (issue 11 item 16).

For the default and large scenarios, history is stored for 2 h and for 10 h of the day; then
``adapter.start()`` after it is timed twice in the same run: "before" with an unlimited budget
(the silent replay of the day, what every restart did first) and "after" with the default
budget (replay if cheap, else a new epoch at the resume point). The baseline is simulating
those hours without a restart (a replay can be no cheaper than that).
"""

from __future__ import annotations

import time

import pytest

from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.adapters.loopback.adapter import MAX_RESUME_BUDGET_S
from switchlink.adapters.loopback.resume import DEFAULT_BUDGET_S, NEW_EPOCH, SAME_RUN
from switchlink.storage.call_history import CallRecorder

START = "2026-03-02T08:00"
HOURS = (2.0, 10.0)


def timed_restart(scenario: str, stored: dict[str, tuple[float, float]],
                  budget: float) -> tuple[float, LoopbackAdapter]:
    adapter = LoopbackAdapter(scenario=scenario, seed=1, speed="fast", start=START,
                              resume_budget_s=budget)
    adapter.continue_history(lambda since: stored)
    t0 = time.perf_counter()
    adapter.start()
    return time.perf_counter() - t0, adapter


@pytest.mark.perf
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("scenario", ["default", "large"])
def test_restart_start_up_time_replay_versus_budgeted(scenario: str) -> None:
    adapter = LoopbackAdapter(scenario=scenario, seed=1, speed="fast", start=START)
    adapter.start()
    stored: dict[str, tuple[float, float]] = {}
    recorder = CallRecorder(lambda r, d: stored.__setitem__(r.call_id, (r.arrived_at, r.ended_at)))
    t_run = time.perf_counter()
    for hours in HOURS:
        end = adapter.start_time + hours * 3600
        while adapter.now() < end:
            for event in adapter.advance(min(600.0, end - adapter.now())):
                recorder.feed(event)
        baseline = time.perf_counter() - t_run
        before, replayed = timed_restart(scenario, stored, MAX_RESUME_BUDGET_S)
        after, budgeted = timed_restart(scenario, stored, DEFAULT_BUDGET_S)
        assert replayed.resumed is not None and replayed.resumed.mode == SAME_RUN
        assert budgeted.resumed is not None
        mode = budgeted.resumed.mode
        print(f"\n{scenario} {hours:g} h ({len(stored):,} stored calls): start-up before "
              f"(replay) {before:.2f} s, after {after:.2f} s ({mode}; estimated replay "
              f"{budgeted.resumed.estimated_s:.1f} s); baseline simulating {hours:g} h "
              f"{baseline:.2f} s")
        if mode == NEW_EPOCH:
            assert after < before
