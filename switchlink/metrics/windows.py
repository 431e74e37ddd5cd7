"""Counters over today, the current half hour and a bucketed rolling 15 minutes, in O(1) per add.

A :class:`Tally` belongs to one queue or to the center. Counts are added at event time;
agent state times are integrated from live gauges (agents per state × elapsed time), lazily
per gauge and split exactly at bucket boundaries, so nothing is ever rescanned.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# --- counter slots ----------------------------------------------------------------------
ARRIVED = 0  # inbound calls that reached the switch (center only)
ARRIVED_VIP = 1
ARRIVED_NORMAL = 2
BLOCKED = 3  # inbound calls filtered by the blacklist (center only)
BUSY = 4  # inbound calls refused before queueing: no trunk / queue full (center only)
OFFERED = 5  # calls that entered the queue (counted once per queue, before an answer)
OFFERED_VIP = 6
OFFERED_NORMAL = 7
ANSWERED = 8
ANSWERED_IN_SL = 9  # answered with wait <= SL threshold
OVERTIME = 10  # answered with wait > SL threshold (应答逾限)
WAIT_SUM = 11  # seconds waited by answered calls
ABANDONED = 12
SHORT_ABANDONED = 13  # abandoned with wait < short-abandon threshold
ABANDONED_IN_SL = 14  # abandoned, not short, with wait <= SL threshold
OTHER = 15  # offered, then left unanswered another way: overflow, busy, released, moved
HANDLED = 16  # answered calls that ended
HANDLE_SUM = 17  # talk + hold + after-call-work seconds
# agent-state seconds, in the order of STATE_GAUGES
T_READY = 18
T_NOT_READY = 19
T_RINGING = 20
T_TALKING = 21
T_ON_HOLD = 22
T_ACW = 23
SURVEYED = 24  # satisfaction-survey answers (IVR survey after or without an agent)
SATISFIED = 25  # of them: satisfied or fairly satisfied (满意 + 基本满意)
WARNED = 26  # inbound calls let through with a blacklist warning to the agent (center only)
N_COUNTERS = 27

#: gauge index -> the counter its state time accumulates into
STATE_TIME_SLOTS = (T_READY, T_NOT_READY, T_RINGING, T_TALKING, T_ON_HOLD, T_ACW)
N_GAUGES = len(STATE_TIME_SLOTS)


@dataclass(slots=True, frozen=True)
class Clock:
    """Switch-time calendar: bucket, half-hour interval and (local or fixed-offset) midnight."""

    bucket_s: int = 10
    rolling_buckets: int = 90  # 90 × 10 s = 15 min
    interval_s: int = 1800
    #: seconds east of UTC for "midnight"; None uses the machine's local time zone
    utc_offset_s: int | None = None

    def day_start(self, t: float) -> float:
        if self.utc_offset_s is not None:
            local = t + self.utc_offset_s
            return local - local % 86400 - self.utc_offset_s
        lt = time.localtime(t)
        return time.mktime((lt.tm_year, lt.tm_mon, lt.tm_mday, 0, 0, 0, 0, 0, -1))

    def interval_start(self, t: float, day_start: float) -> float:
        return day_start + (t - day_start) // self.interval_s * self.interval_s


class Tally:
    """Counters for one scope (a queue or the center) over three windows plus a day's history.

    The per-event path stays O(1): :meth:`add` and :meth:`move` touch only the current
    bucket (``cur``) and one gauge's running integral. ``today``, ``interval`` and ``rolling``
    hold closed buckets; a bucket joins them when it closes, and :meth:`windows` adds the
    current one for a reader.
    """

    __slots__ = (
        "_bucket_no", "_buckets", "_clock", "_next", "_since", "cur", "day_start", "gauges",
        "history", "interval", "interval_start", "last_t", "rolling", "today",
    )

    def __init__(self, clock: Clock, t: float) -> None:
        self._clock = clock
        self.today = [0.0] * N_COUNTERS
        self.interval = [0.0] * N_COUNTERS
        self.rolling = [0.0] * N_COUNTERS
        self._buckets = [[0.0] * N_COUNTERS for _ in range(clock.rolling_buckets)]
        #: agents in each state of STATE_TIME_SLOTS, for state-time integration
        self.gauges = [0] * N_GAUGES
        #: per gauge, the time up to which its state time is already in ``cur``
        self._since = [t] * N_GAUGES
        #: closed half-hour intervals since midnight: (start, counters)
        self.history: list[tuple[float, list[float]]] = []
        self.day_start = clock.day_start(t)
        self.interval_start = clock.interval_start(t, self.day_start)
        self._bucket_no = int(t // clock.bucket_s)
        self._next = (self._bucket_no + 1) * clock.bucket_s
        #: the current bucket: counted here, added to the windows when it closes
        self.cur = self._buckets[self._bucket_no % clock.rolling_buckets]
        #: latest time seen; state time is never integrated backwards
        self.last_t = t

    def advance(self, t: float) -> bool:
        """Move to time ``t``, rolling buckets it passes; True when a half-hour interval closed."""
        if t > self.last_t:
            self.last_t = t
        closed = False
        while t >= self._next:
            closed |= self._roll(self._next)
        return closed

    def add(self, slot: int, amount: float) -> None:
        """Count into the current bucket; call :meth:`advance` for the event's time first."""
        self.cur[slot] += amount

    def move(self, old: int | None, new: int | None) -> None:
        """One agent leaves gauge ``old`` for gauge ``new`` (None: not counted) at ``last_t``.

        Only the two gauges whose count changes need their state time brought up to date.
        """
        t = self.last_t
        gauges, since, cur = self.gauges, self._since, self.cur
        if old is not None:
            if t > since[old]:
                cur[STATE_TIME_SLOTS[old]] += gauges[old] * (t - since[old])
                since[old] = t
            gauges[old] -= 1
        if new is not None:
            if t > since[new]:
                cur[STATE_TIME_SLOTS[new]] += gauges[new] * (t - since[new])
                since[new] = t
            gauges[new] += 1

    def windows(self) -> tuple[list[float], list[float], list[float]]:
        """(today, interval, rolling) up to :attr:`last_t`: closed buckets plus the current one."""
        self._integrate(self.last_t)
        cur = self.cur
        return (
            [a + b for a, b in zip(self.today, cur, strict=True)],
            [a + b for a, b in zip(self.interval, cur, strict=True)],
            [a + b for a, b in zip(self.rolling, cur, strict=True)],
        )

    def _integrate(self, end: float) -> None:
        """Bring every gauge's state time in the current bucket up to ``end``."""
        since, cur = self._since, self.cur
        for g, n in enumerate(self.gauges):
            if end > since[g]:
                if n:
                    cur[STATE_TIME_SLOTS[g]] += n * (end - since[g])
                since[g] = end

    def _roll(self, boundary: float) -> bool:
        """Close the current bucket into the windows and start the next (the expiring one)."""
        self._integrate(boundary)
        today, interval, rolling = self.today, self.interval, self.rolling
        for i, v in enumerate(self.cur):
            if v:
                today[i] += v
                interval[i] += v
                rolling[i] += v
        clock = self._clock
        self._bucket_no += 1
        self._next = (self._bucket_no + 1) * clock.bucket_s
        expired = self._buckets[self._bucket_no % clock.rolling_buckets]
        for i, v in enumerate(expired):
            if v:
                rolling[i] -= v
                expired[i] = 0.0
        self.cur = expired
        if boundary - self.interval_start < clock.interval_s:
            return False
        self.history.append((self.interval_start, self.interval))
        self.interval = [0.0] * N_COUNTERS
        day_start = clock.day_start(boundary)
        if day_start != self.day_start:
            self.day_start = day_start
            self.today = [0.0] * N_COUNTERS
            self.history = []
        self.interval_start = clock.interval_start(boundary, self.day_start)
        return True
