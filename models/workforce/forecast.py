"""Half-hourly volume forecast from stored history: weekday × half-hour seasonal mean.

Method (docs/workforce.md): the offered calls of a half hour are forecast as the mean of the
same weekday and half hour over the last ``weeks`` weeks of history; a weekday with no history
yet falls back to the same half hour over every stored day of the last two weeks. For the
rest of today the result is scaled by today's level so far (actual ÷ forecast over the closed
half hours, clamped to 0.5–2): a busy morning lifts the afternoon.

Why not Holt-Winters (statsmodels): a weekly season of 336 half hours needs several weeks of
history before it fits at all, and numpy, scipy, pandas and statsmodels in the daemon for one
mean is a poor trade; the seasonal mean is what planners use for the next days, and its error
is measured on emulator history (tests/models/workforce/test_forecast.py).

Pure: rows in, numbers out. Rows are anything with ``start``, ``offered``, ``answered`` and
``total_handle_s`` (models.records.IntervalStat).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Protocol

HALF_HOUR_S = 1800
SLOTS_PER_DAY = 48
#: same-weekday history used, in weeks
DEFAULT_WEEKS = 4
#: fallback: any weekday, this many days back
FALLBACK_DAYS = 14
#: today's level is trusted after this many closed half hours with this many calls forecast
LEVEL_MIN_SLOTS = 4
LEVEL_MIN_CALLS = 20.0
LEVEL_CLAMP = (0.5, 2.0)


class IntervalRow(Protocol):
    start: float
    offered: int
    answered: int
    total_handle_s: float


@dataclass(frozen=True, slots=True)
class ForecastSlot:
    """One half hour ahead: expected offered calls and handle time (None: no history)."""

    start: float
    offered: float
    aht_s: float | None
    #: "weekday" (same weekday), "any_day" (fallback) or "none" (no history at all)
    basis: str


def _slot_of(start: float, tz: tzinfo | None) -> tuple[date, int]:
    moment = datetime.fromtimestamp(start, tz)
    return moment.date(), (moment.hour * 60 + moment.minute) // 30


class SeasonalForecast:
    """Built once from a history (one queue, or the centre summed); asked for any half hour."""

    def __init__(self, rows: Iterable[IntervalRow], *, days: Iterable[date] | None = None,
                 tz: tzinfo | None = None, weeks: int = DEFAULT_WEEKS) -> None:
        self.tz = tz
        self.weeks = weeks
        #: (day, slot) -> [offered, answered, handle seconds]
        self.cells: dict[tuple[date, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for row in rows:
            cell = self.cells[_slot_of(row.start, tz)]
            cell[0] += row.offered
            cell[1] += row.answered
            cell[2] += row.total_handle_s
        #: the days history covers (a covered day without a row in a half hour had no calls)
        self.days = sorted(set(days) if days is not None else {d for d, _ in self.cells})

    def slot(self, start: float) -> ForecastSlot:
        """The forecast of the half hour starting at ``start`` (history before its day only)."""
        day, index = _slot_of(start, self.tz)
        past = [d for d in self.days if d < day]
        same = [d for d in past if d.weekday() == day.weekday()
                and (day - d).days <= 7 * self.weeks]
        basis, chosen = "weekday", same
        if not same:
            basis = "any_day"
            chosen = [d for d in past if (day - d).days <= FALLBACK_DAYS]
        if not chosen:
            return ForecastSlot(start, 0.0, None, "none")
        offered = answered = handle = 0.0
        for d in chosen:
            cell = self.cells.get((d, index))
            if cell is not None:
                offered += cell[0]
                answered += cell[1]
                handle += cell[2]
        aht = handle / answered if answered > 0 else self._aht_fallback(chosen)
        return ForecastSlot(start, offered / len(chosen), aht, basis)

    def _aht_fallback(self, days: Sequence[date]) -> float | None:
        chosen = set(days)
        answered = sum(c[1] for (d, _), c in self.cells.items() if d in chosen)
        handle = sum(c[2] for (d, _), c in self.cells.items() if d in chosen)
        return handle / answered if answered > 0 else None

    def day(self, day: date) -> list[ForecastSlot]:
        """The 48 half hours of a calendar day (in the forecast's time zone)."""
        midnight = datetime.combine(day, datetime.min.time(), tzinfo=self.tz)
        if self.tz is None:
            midnight = midnight.astimezone()
        return [self.slot((midnight + timedelta(minutes=30 * i)).timestamp())
                for i in range(SLOTS_PER_DAY)]


def today_level(forecast: Sequence[ForecastSlot], actual: dict[float, float]) -> float:
    """Today's actual ÷ forecast over the closed half hours in ``actual`` (start -> offered),
    1.0 until enough of the day is known, clamped to :data:`LEVEL_CLAMP`."""
    closed = [s for s in forecast if s.start in actual]
    expected = sum(s.offered for s in closed)
    if len(closed) < LEVEL_MIN_SLOTS or expected < LEVEL_MIN_CALLS:
        return 1.0
    level = sum(actual[s.start] for s in closed) / expected
    return min(LEVEL_CLAMP[1], max(LEVEL_CLAMP[0], level))


def scaled(slots: Sequence[ForecastSlot], level: float) -> list[ForecastSlot]:
    return [ForecastSlot(s.start, s.offered * level, s.aht_s, s.basis) for s in slots]


def wape(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """Weighted absolute percentage error: Σ|actual − forecast| ÷ Σ actual (robust to quiet
    half hours, unlike MAPE)."""
    total = sum(actual)
    if total <= 0:
        raise ValueError("WAPE needs some actual volume")
    return sum(abs(a - f) for a, f in zip(actual, forecast, strict=True)) / total


def mape(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """Mean absolute percentage error over the half hours that had calls."""
    pairs = [(a, f) for a, f in zip(actual, forecast, strict=True) if a > 0]
    if not pairs:
        raise ValueError("MAPE needs half hours with calls")
    return sum(abs(a - f) / a for a, f in pairs) / len(pairs)


def slot_to_plain(slot: ForecastSlot, required: int | None = None) -> dict[str, Any]:
    return {"start": slot.start, "offered": round(slot.offered, 1), "aht_s": slot.aht_s,
            "basis": slot.basis, "required": required}
