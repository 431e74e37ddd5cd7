"""The emulator's clock: real time, accelerated (× N), or as fast as possible."""

from __future__ import annotations

import time
from collections.abc import Callable


class SimClock:
    """Maps wall-clock time to simulated time; ``speed`` 0 means "as fast as possible"."""

    def __init__(self, start: float, speed: float,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        if speed < 0:
            raise ValueError("speed must be >= 0")
        self.start = start
        self.speed = speed
        self._monotonic = monotonic
        self._wall0 = monotonic()

    @property
    def fast(self) -> bool:
        return self.speed == 0

    def restart(self) -> None:
        """Simulated time ``start`` is now (called when the adapter starts)."""
        self._wall0 = self._monotonic()

    def sim_now(self) -> float:
        """Simulated time the wall clock has reached (not meaningful in fast mode)."""
        return self.start + (self._monotonic() - self._wall0) * self.speed

    def wall_seconds(self, sim_seconds: float) -> float:
        """Wall-clock seconds that ``sim_seconds`` of simulated time take."""
        return sim_seconds / self.speed if self.speed else 0.0


def parse_speed(value: object) -> float:
    """``"fast"``, 0, or a positive factor (1 = real time) as a float; ValueError otherwise."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("fast", "max", "0"):
            return 0.0
        text = text.removeprefix("x").removesuffix("x")
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"speed must be 'fast' or a number like 1, 10, 60; got {value!r}")\
                from None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ValueError(f"speed must be 'fast' or a number; got {value!r}")
    if value < 0 or value == float("inf"):
        raise ValueError(f"speed must be 'fast', 0, or a positive factor; got {value!r}")
    return float(value)
