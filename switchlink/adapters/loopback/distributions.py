"""Random durations for the emulator, all drawn from one seeded ``random.Random``."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Sampler = Callable[[], float]

#: kind -> the parameters it needs (all in seconds unless noted)
KINDS: dict[str, tuple[str, ...]] = {
    "exponential": ("mean",),
    "lognormal": ("mean", "sd"),
    "fixed": ("value",),
    "uniform": ("low", "high"),
}


class DistributionError(ValueError):
    """A distribution spec is malformed; the message says which parameter and why."""


@dataclass(frozen=True, slots=True)
class Distribution:
    """A duration distribution as written in a scenario file (``{kind = ..., ...}``)."""

    kind: str
    params: tuple[tuple[str, float], ...]

    @property
    def mean(self) -> float:
        p = dict(self.params)
        if self.kind == "fixed":
            return p["value"]
        if self.kind == "uniform":
            return (p["low"] + p["high"]) / 2
        return p["mean"]

    def sampler(self, rng: random.Random) -> Sampler:
        """A zero-argument function drawing from ``rng``; built once, called on the hot path."""
        p = dict(self.params)
        if self.kind == "fixed":
            value = p["value"]
            return lambda: value
        if self.kind == "exponential":
            rate = 1.0 / p["mean"]
            expo = rng.expovariate
            return lambda: expo(rate)
        if self.kind == "uniform":
            low, high = p["low"], p["high"]
            uni = rng.uniform
            return lambda: uni(low, high)
        # lognormal given the mean and standard deviation of the duration itself
        mean, sd = p["mean"], p["sd"]
        sigma2 = math.log(1.0 + (sd * sd) / (mean * mean))
        mu = math.log(mean) - sigma2 / 2.0
        sigma = math.sqrt(sigma2)
        logn = rng.lognormvariate
        return lambda: logn(mu, sigma)


def fixed(value: float) -> Distribution:
    return Distribution("fixed", (("value", float(value)),))


#: the longest duration a scenario may give (about 31 years): keeps every draw finite
MAX_SECONDS = 1e9
#: the smallest positive mean / sd: below it the lognormal's parameters overflow
MIN_POSITIVE = 1e-6


def show(value: Any, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters, for one-line error messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _seconds(name: str, value: Any, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DistributionError(f"'{name}' must be a number, got {show(value)}")
    if not math.isfinite(value):
        raise DistributionError(f"'{name}' must be a finite number, got {show(value)}")
    if value < 0 or (positive and value <= 0):
        raise DistributionError(f"'{name}' must be positive, got {show(value)}")
    if positive and value < MIN_POSITIVE:
        raise DistributionError(f"'{name}' must be at least {MIN_POSITIVE:g}, got {show(value)}")
    if value > MAX_SECONDS:
        raise DistributionError(f"'{name}' must be at most {MAX_SECONDS:g} s, got {show(value)}")
    return float(value)


def parse_distribution(spec: Any) -> Distribution:
    """A :class:`Distribution` from a number (fixed) or a table with ``kind``.

    Raises :class:`DistributionError` naming the offending parameter. Every number must be
    finite, non-negative and at most :data:`MAX_SECONDS`; means and ``sd`` positive.
    """
    if isinstance(spec, bool):
        raise DistributionError(f"expected a number or a table with 'kind', got {show(spec)}")
    if isinstance(spec, int | float):
        if math.isfinite(spec) and spec < 0:
            raise DistributionError(f"a duration cannot be negative, got {show(spec)}")
        return fixed(_seconds("value", spec))
    if not isinstance(spec, dict):
        raise DistributionError(f"expected a number or a table with 'kind', got {show(spec)}")
    kind = spec.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise DistributionError(f"kind must be one of {', '.join(KINDS)}, got {show(kind)}")
    wanted = KINDS[kind]
    extra = sorted(set(spec) - {"kind", *wanted})
    if extra:
        raise DistributionError(
            f"unknown parameter(s) {show(', '.join(extra))} for {kind} "
            f"(expects {', '.join(wanted)})"
        )
    values: dict[str, float] = {}
    for name in wanted:
        if name not in spec:
            raise DistributionError(f"{kind} needs '{name}'")
        values[name] = _seconds(name, spec[name], positive=name in ("mean", "sd"))
    if kind == "uniform" and values["high"] < values["low"]:
        raise DistributionError(
            f"'high' ({values['high']:g}) must not be below 'low' ({values['low']:g})"
        )
    return Distribution(kind, tuple((n, values[n]) for n in wanted))
