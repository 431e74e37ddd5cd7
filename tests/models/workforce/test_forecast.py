"""The half-hourly forecast, measured on held-out emulator history.

Three weeks of the ``small`` scenario (two queues, ~850 calls a day between 08:00 and 16:00)
are recorded through the daemon's own CallRecorder into half-hour interval rows, as stored
history holds them. The first two weeks train the weekday × half-hour seasonal mean; the third
week is held out and forecast a day at a time. The error bound is the measured error plus a
margin (printed with ``-s``); a flat forecast (the day's volume spread evenly over its open
hours) misses the centre's bound, so the test fails when the half-hour shape is
lost.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest

from models.records import IntervalStat
from models.workforce.forecast import (
    ForecastSlot,
    SeasonalForecast,
    mape,
    scaled,
    today_level,
    wape,
)
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.storage.call_history import CallRecorder

MONDAY = datetime(2026, 3, 2, tzinfo=UTC)
DAYS = 21
TRAIN_DAYS = 14


def _row(queue: str, start: float, offered: float, answered: int = 0,
         handle: float = 0.0) -> IntervalStat:
    return IntervalStat(queue=queue, start=start, offered=int(offered), answered=answered,
                        total_handle_s=handle)


@pytest.fixture(scope="module")
def history() -> dict[tuple[str, float], IntervalStat]:
    """(queue, half-hour start) -> the interval row, for three emulated weeks."""
    rows: dict[tuple[str, float], IntervalStat] = {}

    def sink(_record: object, delta: IntervalStat | None) -> None:
        if delta is not None:
            rows.setdefault((delta.queue, delta.start), IntervalStat(delta.queue, delta.start))
            rows[(delta.queue, delta.start)].add(delta)

    recorder = CallRecorder(sink)
    start = (MONDAY + timedelta(hours=8)).timestamp()
    adapter = LoopbackAdapter(scenario="small", seed=11, speed="fast", start=start)
    with adapter:
        end = MONDAY.timestamp() + DAYS * 86400
        while adapter.now() < end:
            for event in adapter.advance(3600.0):
                recorder.feed(event)
    return rows


def _day_slots(day: date) -> list[float]:
    midnight = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    return [(midnight + timedelta(minutes=30 * i)).timestamp() for i in range(48)]


def _errors(history: dict, queue: str | None) -> tuple[float, float, float]:
    """WAPE and MAPE of the seasonal forecast over the held-out week, and a flat forecast's
    WAPE; ``queue`` None is the centre (every queue summed)."""
    rows = [r for (q, _), r in history.items() if queue is None or q == queue]
    train_end = MONDAY.timestamp() + TRAIN_DAYS * 86400
    days = [(MONDAY + timedelta(days=i)).date() for i in range(TRAIN_DAYS)]
    model = SeasonalForecast([r for r in rows if r.start < train_end], days=days, tz=UTC)
    actual_by_start: dict[float, float] = defaultdict(float)
    for r in rows:
        actual_by_start[r.start] += r.offered
    actual, seasonal, flat = [], [], []
    for i in range(TRAIN_DAYS, DAYS):
        day = (MONDAY + timedelta(days=i)).date()
        slots = model.day(day)
        day_actual = [actual_by_start.get(s, 0.0) for s in _day_slots(day)]
        actual += day_actual
        seasonal += [s.offered for s in slots]
        open_slots = [s for s in slots if s.offered > 0]
        mean = sum(s.offered for s in open_slots) / len(open_slots)
        flat += [mean if s.offered > 0 else 0.0 for s in slots]
    return wape(actual, seasonal), mape(actual, seasonal), wape(actual, flat)


@pytest.mark.parametrize(("queue", "bound"), [(None, 0.17), ("billing", 0.22),
                                              ("faults", 0.30)])
def test_held_out_week_is_forecast_within_the_bound(history: dict, queue: str | None,
                                                    bound: float) -> None:
    seasonal, seasonal_mape, flat = _errors(history, queue)
    print(f"{queue or 'centre'}: WAPE {seasonal:.3f} (MAPE {seasonal_mape:.3f}), "
          f"flat {flat:.3f}, bound {bound}")
    assert seasonal <= bound
    if queue is None:  # ~55 calls a half hour: enough for the shape to beat the noise
        assert flat > bound  # without the half-hour shape the same bound is missed


def test_a_weekday_without_history_falls_back_to_the_recent_days() -> None:
    tuesday = MONDAY + timedelta(days=1)
    rows = [_row("q", (tuesday + timedelta(hours=9)).timestamp(), 40, 40, 40 * 120)]
    model = SeasonalForecast(rows, tz=UTC)
    # the next Tuesday has its own weekday; Wednesday borrows Tuesday's shape
    next_tuesday = model.slot((tuesday + timedelta(days=7, hours=9)).timestamp())
    wednesday = model.slot((tuesday + timedelta(days=1, hours=9)).timestamp())
    assert (next_tuesday.offered, next_tuesday.basis, next_tuesday.aht_s) == (40, "weekday", 120)
    assert (wednesday.offered, wednesday.basis) == (40, "any_day")
    assert model.slot(tuesday.timestamp()).basis == "none"  # nothing before it


def test_a_covered_day_without_calls_in_a_half_hour_counts_as_zero() -> None:
    rows = [_row("q", (MONDAY + timedelta(hours=9)).timestamp(), 30)]
    days = [MONDAY.date(), (MONDAY - timedelta(days=7)).date()]  # two Mondays, one silent
    model = SeasonalForecast(rows, days=days, tz=UTC)
    assert model.slot((MONDAY + timedelta(days=7, hours=9)).timestamp()).offered == 15


def test_a_busy_morning_lifts_the_rest_of_the_day_within_limits() -> None:
    slots = [ForecastSlot(float(i), 10.0, 100.0, "weekday") for i in range(8)]
    assert today_level(slots, {0.0: 15, 1.0: 15}) == 1.0  # two half hours: too early to say
    level = today_level(slots, {float(i): 15 for i in range(4)})
    assert level == pytest.approx(1.5)
    assert today_level(slots, {float(i): 100 for i in range(4)}) == 2.0  # clamped
    assert [s.offered for s in scaled(slots[4:], level)] == [15.0] * 4


def test_errors_need_volume() -> None:
    with pytest.raises(ValueError, match="WAPE needs"):
        wape([0, 0], [1, 1])
    assert wape([10, 20], [12, 18]) == pytest.approx(4 / 30)
    assert mape([10, 0, 20], [12, 5, 18]) == pytest.approx((0.2 + 0.1) / 2)
