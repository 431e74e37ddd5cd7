"""Spike detection on generated complaint streams: quiet on a flat rate, an alarm within
one window of a step up; the Poisson tail itself."""

from __future__ import annotations

import math
import random

from models.complaints.spikes import SpikeDetector, SpikeSettings, poisson_tail

HOUR = 3600.0
DAY = 24 * HOUR


def poisson_stream(rng: random.Random, start: float, end: float, per_hour: float) -> list[float]:
    times, t = [], start
    while True:
        t += rng.expovariate(per_hour / HOUR)
        if t >= end:
            return times
        times.append(t)


def run(detector: SpikeDetector, times: list[float], until: float, key: str = "故障报修@0571",
        every: float = 60.0) -> list[tuple[float, float]]:
    """Feed arrivals, evaluate every minute; returns (time, surprise) of each spike seen."""
    seen, i, now = [], 0, times[0] if times else 0.0
    while now < until:
        while i < len(times) and times[i] <= now:
            detector.add(key, times[i])
            i += 1
        spikes = detector.evaluate(now)
        if key in spikes:
            seen.append((now, spikes[key].surprise))
        now += every
    return seen


def test_poisson_tail_matches_the_closed_form() -> None:
    assert poisson_tail(0, 3.0) == 1.0
    assert math.isclose(poisson_tail(1, 2.0), 1 - math.exp(-2.0))
    exact = 1 - sum(math.exp(-1.0) / math.factorial(k) for k in range(9))
    assert math.isclose(poisson_tail(9, 1.0), exact, rel_tol=1e-6)
    assert poisson_tail(400, 1.0) < 1e-300 or poisson_tail(400, 1.0) == 0.0


def test_no_alarm_on_a_flat_rate_for_two_weeks() -> None:
    for seed in range(3):
        rng = random.Random(seed)
        times = poisson_stream(rng, 0.0, 14 * DAY, per_hour=2.0)
        assert run(SpikeDetector(), times, 14 * DAY) == []


def test_a_step_up_alarms_within_one_window() -> None:
    settings = SpikeSettings()  # 30 min window, p < 1e-6, at least 5
    for seed in range(3):
        rng = random.Random(seed)
        step = 8 * DAY
        times = poisson_stream(rng, 0.0, step, 2.0) + poisson_stream(rng, step, step + 2 * HOUR,
                                                                      30.0)
        seen = run(SpikeDetector(settings), times, step + 2 * HOUR)
        assert seen, f"seed {seed}: no alarm after a step from 2/h to 30/h"
        first = seen[0][0]
        assert step <= first <= step + settings.window_s


def test_a_new_key_needs_more_than_a_couple_of_complaints() -> None:
    detector = SpikeDetector()
    for t in (10.0, 20.0, 30.0):
        detector.add("其他@", t)
    assert detector.evaluate(60.0) == {}
    for t in range(40, 160, 10):  # 12 more in two minutes: a burst nobody expects
        detector.add("其他@", float(t))
    spikes = detector.evaluate(170.0)
    assert spikes["其他@"].count == 15 and spikes["其他@"].surprise > 6
