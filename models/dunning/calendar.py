"""The dunning calendar (REQUIREMENTS.md §9): the 21st, the 10:00–22:00 window in the site's
time zone, closed days, the 10-day recall, one- and two-month suspension. Every number is a
field of :class:`DunningConfig`; everything here is pure so a simulated clock drives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

DAY_S = 86_400.0


class ConfigError(ValueError):
    """A dunning setting that makes no sense (named, with the reason)."""


@dataclass(frozen=True, slots=True)
class DunningConfig:
    """The site's dunning rules; defaults are the requirements'."""

    entry_day: int = 21  # day of month: last month's unpaid bills enter the list
    window_start: str = "10:00"  # local time the dialer may start
    window_end: str = "22:00"  # ... and must stop dialing
    #: when the day is planned and its files written: after the morning's reconciliation
    #: file, before the window (payments imported later restore service the next day)
    run_at: str = "09:00"
    timezone: str = "Asia/Shanghai"
    recall_days: int = 10  # unpaid this long after a delivered notice -> called again
    closed_days: frozenset[str] = frozenset()  # "YYYY-MM-DD": no calls at all
    closed_weekdays: frozenset[int] = frozenset()  # 0 = Monday … 6 = Sunday
    contacts_per_day: int = 1  # calls that reached the account (person or machine)
    contacts_per_week: int = 3  # ... in any 7 local days
    attempts_per_day: int = 3  # tries a day, retries included
    retry_after_s: tuple[float, ...] = (1800.0, 3600.0)  # back-off after no answer / busy
    max_channels: int = 4  # concurrent outbound dunning calls at most
    vip_manual: bool = True  # VIP accounts go to the manual seat, never the robot
    #: pacing on inbound 15-minute service level (see models.dunning.pacing)
    slow_margin: float = 0.05
    resume_margin: float = 0.05
    resume_hold_s: float = 120.0
    #: a queue with fewer calls offered in its 15 minutes is not judged (one call is 0 %)
    min_offered: int = 10
    caller_id: str = ""  # the number the dunning calls show (the switch's default if empty)
    closed_note: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not 1 <= self.entry_day <= 28:
            raise ConfigError(f"entry_day must be 1–28 (every month has it), got {self.entry_day}")
        parse_clock(self.run_at)
        start, end = parse_clock(self.window_start), parse_clock(self.window_end)
        if start >= end:
            raise ConfigError(f"window {self.window_start}–{self.window_end}: start must be "
                              "before end on the same day")
        try:
            ZoneInfo(self.timezone)
        except Exception:
            raise ConfigError(f"unknown time zone {self.timezone!r}") from None
        for name in ("recall_days", "contacts_per_day", "contacts_per_week",
                     "attempts_per_day", "max_channels"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, got {getattr(self, name)}")
        for day in self.closed_days:
            parse_day(day)
        if any(not 0 <= w <= 6 for w in self.closed_weekdays):
            raise ConfigError("closed_weekdays are 0 (Monday) … 6 (Sunday)")
        if any(s < 0 for s in self.retry_after_s):
            raise ConfigError("retry_after_s must not be negative")

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def parse_clock(text: str) -> dt.time:
    try:
        hh, mm = text.split(":")
        return dt.time(int(hh), int(mm))
    except (ValueError, TypeError):
        raise ConfigError(f"{text!r} is not a time of day HH:MM") from None


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (ValueError, TypeError):
        raise ConfigError(f"{text!r} is not a date YYYY-MM-DD") from None


def local_date(t: float, cfg: DunningConfig) -> dt.date:
    """The site's calendar date at epoch ``t``."""
    return dt.datetime.fromtimestamp(t, cfg.zone).date()


def local_time(day: dt.date, clock: str, cfg: DunningConfig) -> float:
    """Epoch seconds of ``clock`` (HH:MM) on ``day`` in the site's zone."""
    return dt.datetime.combine(day, parse_clock(clock), cfg.zone).timestamp()


def window(day: dt.date, cfg: DunningConfig) -> tuple[float, float]:
    """The day's dialing window as epoch seconds [start, end)."""
    return local_time(day, cfg.window_start, cfg), local_time(day, cfg.window_end, cfg)


def is_open(day: dt.date, cfg: DunningConfig) -> bool:
    """Whether the site dials at all on ``day`` (not declared closed)."""
    return day.isoformat() not in cfg.closed_days and day.weekday() not in cfg.closed_weekdays


def may_dial(t: float, cfg: DunningConfig) -> bool:
    """Inside the window of an open day: the one test every automatic dial passes."""
    day = local_date(t, cfg)
    if not is_open(day, cfg):
        return False
    start, end = window(day, cfg)
    return start <= t < end


def period_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_period(period: str) -> tuple[int, int]:
    try:
        year, month = period.split("-")
        y, m = int(year), int(month)
    except (ValueError, AttributeError):
        raise ConfigError(f"{period!r} is not a billing period YYYY-MM") from None
    if not (1 <= m <= 12 and 1900 <= y <= 9999 and len(period) == 7):
        raise ConfigError(f"{period!r} is not a billing period YYYY-MM")
    return y, m


def months_after(period: str, n: int) -> tuple[int, int]:
    y, m = parse_period(period)
    index = y * 12 + (m - 1) + n
    return index // 12, index % 12 + 1


def milestone(period: str, n: int, cfg: DunningConfig) -> dt.date:
    """The entry day of the n-th month after the bill's period (n=1: enters the list)."""
    y, m = months_after(period, n)
    return dt.date(y, m, cfg.entry_day)


def months_overdue(period: str, day: dt.date, cfg: DunningConfig) -> int:
    """0: not yet on the list; 1: on the list (the 21st of the next month has come);
    2: one month in arrears (one-way suspension); 3 or more: two-way suspension."""
    y, m = parse_period(period)
    index = (day.year * 12 + day.month - 1) - (y * 12 + m - 1)
    if day.day < cfg.entry_day:
        index -= 1
    return max(0, index)
