"""Business time: working hours, weekends, holidays and make-up working days (调休).

Complaint deadlines count only the time the departments work, so an order taken on Friday
evening is not overdue on Monday morning. Times are epoch seconds; the calendar's days are
local days in its time zone (Asia/Shanghai by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

#: how far ahead a deadline may be searched (a calendar with no working time never ends)
MAX_DAYS = 3 * 366


class CalendarError(ValueError):
    """A calendar that cannot be used (no working hours, a malformed period)."""


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    timezone: str = "Asia/Shanghai"
    #: (start, end) local times of each working day, in order, not overlapping
    periods: tuple[tuple[time, time], ...] = ((time(9), time(12)), (time(13), time(18)))
    #: Monday = 0 … Sunday = 6
    weekdays: frozenset[int] = frozenset(range(5))
    holidays: frozenset[date] = field(default_factory=frozenset)
    #: weekend days worked instead of a holiday (调休)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.periods:
            raise CalendarError("the calendar has no working hours")
        previous = time(0)
        for start, end in self.periods:
            if not start < end or start < previous:
                raise CalendarError(f"working period {start:%H:%M}-{end:%H:%M} is empty or "
                                    "overlaps the one before")
            previous = end
        if not self.weekdays and not self.workdays:
            raise CalendarError("the calendar has no working days")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def day_seconds(self) -> float:
        """Working seconds in one working day (a 'business day' of a deadline)."""
        return sum(_seconds(end) - _seconds(start) for start, end in self.periods)

    def is_working_day(self, day: date) -> bool:
        if day in self.holidays:
            return False
        return day in self.workdays or day.weekday() in self.weekdays

    def _spans(self, day: date) -> list[tuple[float, float]]:
        if not self.is_working_day(day):
            return []
        zone = self.zone
        return [(datetime.combine(day, start, zone).timestamp(),
                 datetime.combine(day, end, zone).timestamp()) for start, end in self.periods]

    def local_day(self, t: float) -> date:
        return datetime.fromtimestamp(t, self.zone).date()

    def between(self, start: float, end: float) -> float:
        """Working seconds from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        if end < start:
            return -self.between(end, start)
        total = 0.0
        day, last = self.local_day(start), self.local_day(end)
        while day <= last:
            for a, b in self._spans(day):
                total += max(0.0, min(b, end) - max(a, start))
            day += timedelta(days=1)
        return total

    def add(self, start: float, seconds: float) -> float:
        """The moment ``seconds`` of working time after ``start``."""
        if seconds <= 0:
            return start
        left = seconds
        day = self.local_day(start)
        for _ in range(MAX_DAYS):
            for a, b in self._spans(day):
                a = max(a, start)
                if b <= a:
                    continue
                if b - a >= left:
                    return a + left
                left -= b - a
            day += timedelta(days=1)
        raise CalendarError(f"no {seconds / 3600:.1f} working hours within {MAX_DAYS} days")


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second
