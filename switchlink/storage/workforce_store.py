"""The volume forecast, read from the stored half-hour intervals on a worker thread.

A server ticker: once per switch half hour (a minute after an interval closes, so the writer
has stored it) it starts one background read of the last weeks' ``interval_stats`` and builds
the weekday × half-hour forecast (models/workforce/forecast.py). The result is handed to the
live staffing figures on the loop's own thread at the next tick, so the database is never read
on the event path and the staffing keys change in one place.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from models.persistence.calls import CallRepository
from models.persistence.database import Database
from models.records import IntervalStat
from models.workforce.forecast import (
    DEFAULT_WEEKS,
    HALF_HOUR_S,
    ForecastSlot,
    SeasonalForecast,
    scaled,
    today_level,
)
from switchlink.engine.staffing import AHEAD_SLOTS, StaffingLive

log = logging.getLogger(__name__)

#: the forecast is rebuilt this long after each half hour closes (switch seconds)
AFTER_CLOSE_S = 60.0
#: today and this many days after it go into ``staffing/center.days``
DAYS_AHEAD = 2
CENTER = "center"

Ahead = dict[str, list[ForecastSlot]]
Days = list[dict[str, Any]]


def _day_of(t: float) -> date:
    return datetime.fromtimestamp(t).date()


def build_forecast(rows: list[IntervalStat], now: float,
                   ahead: int = AHEAD_SLOTS, days_ahead: int = DAYS_AHEAD) -> tuple[Ahead, Days]:
    """Per queue and for the centre: the next ``ahead`` half hours from the current one
    (today's level applied), and the centre's 48 half hours of today and the next days."""
    covered = {_day_of(r.start) for r in rows}
    by_queue: dict[str, list[IntervalStat]] = defaultdict(list)
    for row in rows:
        by_queue[row.queue].append(row)
    current = now - now % HALF_HOUR_S
    starts = [current + i * HALF_HOUR_S for i in range(ahead)]
    today = _day_of(now)
    out: Ahead = {}
    for scope, scope_rows in [*by_queue.items(), (CENTER, rows)]:
        model = SeasonalForecast(scope_rows, days=covered)
        today_slots = model.day(today)
        actual: dict[float, float] = defaultdict(float)
        for r in scope_rows:
            if _day_of(r.start) == today and r.start < current:
                actual[r.start] += r.offered
        level = today_level(today_slots, actual)
        out[scope] = scaled([model.slot(s) for s in starts], level)
        if scope == CENTER:
            days: Days = [{"day": today.isoformat(), "level": round(level, 3),
                           "offered": [round(s.offered * level, 1) for s in today_slots],
                           "basis": _day_basis(today_slots)}]
            for i in range(1, days_ahead + 1):
                day = today + timedelta(days=i)
                slots = model.day(day)
                days.append({"day": day.isoformat(), "level": 1.0,
                             "offered": [round(s.offered, 1) for s in slots],
                             "basis": _day_basis(slots)})
    return out, days


def _day_basis(slots: list[ForecastSlot]) -> str:
    """"none" when no history stood behind the day (the console says so rather than 0)."""
    kinds = {s.basis for s in slots}
    return "none" if kinds <= {"none"} else "weekday" if "weekday" in kinds else "any_day"


class ForecastFeed:
    """A ticker that keeps ``StaffingLive`` supplied with the forecast, off the loop."""

    def __init__(self, db: Database, staffing: StaffingLive, weeks: int = DEFAULT_WEEKS,
                 read: Callable[[float, float], list[IntervalStat]] | None = None) -> None:
        self.staffing = staffing
        self.weeks = weeks
        self._read = read or (lambda since, until: CallRepository(db).intervals(None, since,
                                                                                 until))
        self._next = float("-inf")
        self._worker: threading.Thread | None = None
        self._result: tuple[Ahead, Days] | None = None

    def tick(self, now: float) -> list[Any]:
        """Hand a finished forecast over; start the next one when a half hour has closed."""
        result, self._result = self._result, None
        if result is not None:
            self.staffing.set_forecast(*result)
        busy = self._worker is not None and self._worker.is_alive()
        if now >= self._next and not busy:
            self._next = now - now % HALF_HOUR_S + HALF_HOUR_S + AFTER_CLOSE_S
            self._worker = threading.Thread(target=self._build, args=(now,),
                                            name="forecast", daemon=True)
            self._worker.start()
        return []

    def _build(self, now: float) -> None:
        try:
            since = now - (self.weeks * 7 + 1) * 86400
            self._result = build_forecast(self._read(since, now + 1), now)
        except Exception:  # a failed read costs one forecast, never the floor
            log.exception("the volume forecast could not be built")

    def join(self, timeout: float = 10.0) -> None:
        """Wait for a forecast in progress (tests, shutdown)."""
        if self._worker is not None:
            self._worker.join(timeout)
