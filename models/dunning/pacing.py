"""Outbound pacing that never hurts inbound service: the dialer runs, slows to half its
channels, or stops on the worst inbound queue's 15-minute service level, and climbs back
only after the level has held above target plus a margin for a while (hysteresis)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from models.dunning.calendar import DunningConfig


class Pace(StrEnum):
    RUNNING = "running"
    SLOWED = "slowed"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class QueueLevel:
    """One inbound queue's rolling 15-minute service level and its target (0–1)."""

    queue: str
    service_level: float | None
    target: float
    offered: int | None = None  # calls offered in the 15 minutes (None: not known)


@dataclass(frozen=True, slots=True)
class PaceReason:
    """Why the dialer is where it is: the worst queue and its figures (for the screen)."""

    queue: str = ""
    service_level: float | None = None
    target: float | None = None


class Pacer:
    """The pacing state machine; feed it every tick with the switch time and queue levels."""

    def __init__(self, cfg: DunningConfig) -> None:
        self.cfg = cfg
        self.pace = Pace.RUNNING
        self.reason = PaceReason()
        self._good_since: float | None = None

    def channels(self) -> int:
        """Concurrent outbound calls allowed now."""
        if self.pace is Pace.STOPPED:
            return 0
        if self.pace is Pace.SLOWED:
            return max(1, self.cfg.max_channels // 2)
        return self.cfg.max_channels

    def update(self, now: float, levels: Iterable[QueueLevel]) -> Pace:
        worst: QueueLevel | None = None
        gap = float("inf")  # the worst queue's level minus its target
        for q in levels:
            if q.service_level is None or (q.offered is not None
                                           and q.offered < self.cfg.min_offered):
                continue  # too few calls in the window to judge (one abandon would be 0 %)
            g = q.service_level - q.target
            if g < gap:
                gap, worst = g, q
        margin, resume = self.cfg.slow_margin, self.cfg.resume_margin
        if gap < 0:  # below target: stop at once
            self._set(Pace.STOPPED, worst)
            self._good_since = None
        elif self.pace is Pace.STOPPED:  # back to half speed only after holding target+resume
            self._climb(now, gap >= resume, Pace.SLOWED, worst)
        elif gap < margin:  # close to target: slow at once, stay slowed
            if self.pace is Pace.RUNNING:
                self._set(Pace.SLOWED, worst)
            self._good_since = None
        elif self.pace is Pace.SLOWED:  # full speed only after holding target+margin+resume
            self._climb(now, gap >= margin + resume, Pace.RUNNING, worst)
        else:
            self.reason = PaceReason()
        return self.pace

    def _climb(self, now: float, good: bool, to: Pace, worst: QueueLevel | None) -> None:
        if not good:
            self._good_since = None
            return
        if self._good_since is None:
            self._good_since = now
        if now - self._good_since >= self.cfg.resume_hold_s:
            self._set(to, worst)
            self._good_since = None

    def _set(self, pace: Pace, worst: QueueLevel | None) -> None:
        self.pace = pace
        running = worst is None or pace is Pace.RUNNING
        self.reason = PaceReason() if running else self._why(worst)

    @staticmethod
    def _why(q: QueueLevel) -> PaceReason:
        return PaceReason(q.queue, q.service_level, q.target)
