"""Early warning (S3): a spike of similar complaints — same classification and area.

The statistic is the Poisson tail probability of the count in the last window given the
key's trailing rate: complaints arrive one by one and independently, so the count in a
window is Poisson; the tail probability is exact for the small counts a classification
sees (where a normal / EWMA z-score is not), reads as a false-alarm rate per window, needs
no tuning per key, and a step up shows within one window. The trailing rate comes from the
baseline span before the window (the window itself excluded, so a spike does not raise
its own bar), floored by a prior rate so a key with no history does not alarm on its first
two complaints; a minimum count keeps single bursts of 2–3 quiet.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpikeSettings:
    window_s: float = 30 * 60
    baseline_s: float = 7 * 24 * 3600
    #: a key's rate is never taken below this (complaints per hour)
    prior_per_hour: float = 0.5
    min_count: int = 5
    #: a spike when P(X >= count) is below this
    p_value: float = 1e-6


@dataclass(frozen=True, slots=True)
class Spike:
    key: str
    count: int
    expected: float
    p_value: float
    since: float

    @property
    def surprise(self) -> float:
        """-log10 of the tail probability: the value the alarm rule compares."""
        return -math.log10(max(self.p_value, 1e-300))


def poisson_tail(k: int, mean: float) -> float:
    """P(X >= k) for X ~ Poisson(mean), summed from k upwards (stable for small tails)."""
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    log_term = -mean + k * math.log(mean) - math.lgamma(k + 1)
    term, total, i = math.exp(log_term), 0.0, k
    while term > 1e-300 and i < k + 10_000:
        total += term
        i += 1
        term *= mean / i
        if term < total * 1e-16:
            break
    return min(1.0, total)


def spike_key(classification: str, area: str) -> str:
    return f"{classification}@{area}"


class SpikeDetector:
    """Arrival times per key, kept for the baseline span; :meth:`evaluate` finds spikes."""

    def __init__(self, settings: SpikeSettings | None = None) -> None:
        self.settings = settings or SpikeSettings()
        self._times: dict[str, deque[float]] = {}
        self._since: dict[str, float] = {}
        self._first: float | None = None

    def add(self, key: str, t: float) -> None:
        times = self._times.setdefault(key, deque())
        if times and t < times[-1]:  # late arrival: keep the list sorted
            pos = bisect_left(list(times), t)
            times.insert(pos, t)
        else:
            times.append(t)
        self._first = t if self._first is None else min(self._first, t)

    def evaluate(self, now: float) -> dict[str, Spike]:
        """The keys spiking at ``now``."""
        s = self.settings
        window_start, horizon = now - s.window_s, now - s.window_s - s.baseline_s
        out: dict[str, Spike] = {}
        for key, times in list(self._times.items()):
            while times and times[0] < horizon:
                times.popleft()
            if not times:
                del self._times[key]
                self._since.pop(key, None)
                continue
            count = len(times) - bisect_left(times, window_start)
            if count < s.min_count:
                self._since.pop(key, None)
                continue
            before = len(times) - count
            span = max(s.window_s, min(s.baseline_s, window_start - (self._first or now)))
            rate = max(before / span, s.prior_per_hour / 3600.0)
            expected = rate * s.window_s
            p = poisson_tail(count, expected)
            if p < s.p_value:
                since = self._since.setdefault(key, now)
                out[key] = Spike(key, count, expected, p, since)
            else:
                self._since.pop(key, None)
        return out
