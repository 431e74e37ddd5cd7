"""Report periods: hourly, daily, weekly (Monday first) and monthly, in the switch's time zone.

A period is named by its kind and the local date (and hour) it starts on; the scheduler asks
which periods ended between two switch times, so an emulated day at high speed produces its
hourly, daily, weekly and monthly reports exactly like a real one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum


class PeriodKind(StrEnum):
    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


KINDS = tuple(k.value for k in PeriodKind)


class PeriodError(ValueError):
    """A period named wrongly (unknown kind, a date that is not one): the message says how."""


@dataclass(frozen=True, slots=True)
class Period:
    """``[start, end)`` in epoch seconds; ``key`` names it (``2026-11-30T09`` / ``2026-11-30``
    / ``2026-W48`` / ``2026-11``) and is the same on every machine in the same zone."""

    kind: PeriodKind
    start: float
    end: float
    key: str

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind.value, "start": self.start, "end": self.end, "key": self.key}


def _local(t: float, tz: tzinfo | None) -> datetime:
    return datetime.fromtimestamp(t, tz) if tz is not None else datetime.fromtimestamp(t)


def _epoch(d: datetime, tz: tzinfo | None) -> float:
    if tz is not None:
        return d.replace(tzinfo=tz).timestamp()
    return d.timestamp()  # naive = the local zone


def _key(kind: PeriodKind, start: datetime) -> str:
    if kind is PeriodKind.HOURLY:
        return start.strftime("%Y-%m-%dT%H")
    if kind is PeriodKind.DAILY:
        return start.strftime("%Y-%m-%d")
    if kind is PeriodKind.WEEKLY:
        year, week, _ = start.date().isocalendar()
        return f"{year}-W{week:02d}"
    return start.strftime("%Y-%m")


def _bounds(kind: PeriodKind, anchor: datetime) -> tuple[datetime, datetime]:
    """Naive local start and end of the period holding ``anchor`` (naive local)."""
    if kind is PeriodKind.HOURLY:
        start = anchor.replace(minute=0, second=0, microsecond=0)
        return start, start + timedelta(hours=1)
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    if kind is PeriodKind.DAILY:
        return day, day + timedelta(days=1)
    if kind is PeriodKind.WEEKLY:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=7)
    start = day.replace(day=1)
    nxt = (start + timedelta(days=32)).replace(day=1)
    return start, nxt


def period_at(kind: PeriodKind | str, t: float, tz: tzinfo | None = None) -> Period:
    """The period of ``kind`` holding epoch time ``t``."""
    kind = parse_kind(kind)
    anchor = _local(t, tz).replace(tzinfo=None)
    start, end = _bounds(kind, anchor)
    return Period(kind, _epoch(start, tz), _epoch(end, tz), _key(kind, start))


def parse_kind(kind: PeriodKind | str) -> PeriodKind:
    try:
        return PeriodKind(kind)
    except ValueError:
        raise PeriodError(
            f"unknown report period {kind!r} (use one of: {', '.join(KINDS)})"
        ) from None


_DATE_HELP = {
    PeriodKind.HOURLY: "YYYY-MM-DDTHH (e.g. 2026-11-30T09)",
    PeriodKind.DAILY: "YYYY-MM-DD",
    PeriodKind.WEEKLY: "YYYY-MM-DD (any day of the week) or YYYY-Www",
    PeriodKind.MONTHLY: "YYYY-MM or YYYY-MM-DD",
}


def period_named(kind: PeriodKind | str, text: str, tz: tzinfo | None = None) -> Period:
    """The period a person names: ``hourly 2026-11-30T09``, ``weekly 2026-W48``, ``monthly
    2026-11`` …; :class:`PeriodError` says which form the kind takes."""
    kind = parse_kind(kind)
    value = (text or "").strip()
    anchor = _parse_anchor(kind, value)
    if anchor is None:
        raise PeriodError(
            f"--date {text!r} is not a {kind.value} period: use {_DATE_HELP[kind]}")
    start, end = _bounds(kind, anchor)
    return Period(kind, _epoch(start, tz), _epoch(end, tz), _key(kind, start))


def _parse_anchor(kind: PeriodKind, value: str) -> datetime | None:
    try:
        if kind is PeriodKind.HOURLY:
            for fmt in ("%Y-%m-%dT%H", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H"):
                try:
                    return datetime.strptime(value, fmt)
                except ValueError:
                    continue
            return None
        if kind is PeriodKind.WEEKLY and "-W" in value:
            return datetime.strptime(value + "-1", "%G-W%V-%u")
        if kind is PeriodKind.MONTHLY and len(value) == 7:
            return datetime.strptime(value, "%Y-%m")
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    except ValueError:
        return None


def periods_ended(since: float, until: float, tz: tzinfo | None = None) -> list[Period]:
    """Every period (all kinds) whose end lies in ``(since, until]``, oldest end first.

    The scheduler calls this with the switch time of its last check and now: on the hour the
    last hour, after midnight the day, on Monday the week, on the 1st the month.
    """
    if until <= since:
        return []
    out: list[Period] = []
    for kind in PeriodKind:
        period = period_at(kind, since, tz)
        # a jump of many periods (a restart after days) yields each, bounded to a year's hours
        for _ in range(24 * 366):
            if period.end > until:
                break
            if period.end > since:
                out.append(period)
            period = period_at(kind, period.end, tz)
    out.sort(key=lambda p: (p.end, list(PeriodKind).index(p.kind)))
    return out


def previous(period: Period, tz: tzinfo | None = None) -> Period:
    """The period of the same kind just before ``period``."""
    return period_at(period.kind, period.start - 1.0, tz)
