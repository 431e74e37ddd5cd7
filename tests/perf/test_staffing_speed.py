"""Staffing now on a 200-queue floor: what one analytics tick costs the daemon's loop.

Prints the worst tick and the total per switch minute, with Erlang A fits spread over ticks
(the daemon's way) and, measured in the same run as the baseline, all fitted in one tick.
`pytest tests/perf/test_staffing_speed.py -m perf -s`
"""

from __future__ import annotations

import time

import pytest

import switchlink.engine.staffing as live_module
from models.queues import SkillGroup
from switchlink.engine.staffing import StaffingLive

QUEUES = 200
RATE = 300 / 1800  # 300 calls a half hour per queue, 8 % abandoned


def _dicts(t: float) -> dict:
    n = RATE * t
    return {f"metrics/queue/q{i}": {
        "offered_today": n, "answered_today": 0.92 * n, "abandoned_today": 0.08 * n,
        "handled_today": 0.92 * n, "aht_s_today": 180.0, "agents_logged_in": 31,
        "agents_not_ready": 2, "agents_ready": 3} for i in range(QUEUES)}


def _minute(budget: float) -> tuple[float, float, int]:
    """(worst tick s, total s, ticks) for the minute after 30 minutes of history."""
    staffing = StaffingLive([SkillGroup(f"q{i}", f"q{i}", sl_threshold_s=20, sl_target=0.8)
                             for i in range(QUEUES)])
    live_module.ERLANG_A_BUDGET_S = 0.0  # the history minutes: one fit each, not measured
    for t in range(0, 1800, 60):
        staffing.tick(float(t), _dicts(float(t)))
    live_module.ERLANG_A_BUDGET_S = budget
    worst = total = 0.0
    ticks = 0
    t = 1800.0
    while ticks == 0 or staffing._erlang_a:
        start = time.perf_counter()
        staffing.tick(t, _dicts(t) if ticks == 0 else {})
        spent = time.perf_counter() - start
        worst, total, ticks = max(worst, spent), total + spent, ticks + 1
        t += 0.5
    assert all(f.required_erlang_a for f in staffing.figures.values())
    return worst, total, ticks


@pytest.mark.perf
def test_a_tick_stays_short_on_200_queues() -> None:
    saved = live_module.ERLANG_A_BUDGET_S
    try:
        spread = _minute(saved)
        at_once = _minute(1e9)
    finally:
        live_module.ERLANG_A_BUDGET_S = saved
    print(f"\n{QUEUES} queues, Erlang A spread ({saved * 1000:.0f} ms budget): worst tick "
          f"{spread[0] * 1000:.0f} ms, {spread[2]} ticks, {spread[1] * 1000:.0f} ms a minute")
    print(f"baseline, all in one tick: worst tick {at_once[0] * 1000:.0f} ms, "
          f"{at_once[1] * 1000:.0f} ms a minute")
