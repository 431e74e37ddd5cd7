"""Deadlines by classification and customer level, and the four warning levels (黄橙红黑).

An order's limit is business time (working days of the calendar, or hours for the urgent
kinds); its warning levels are fractions of that limit used up: yellow at 50 %, orange at
75 %, red at 90 % and black once the deadline has passed (docs/complaints.md). Each level's
moment is computed once, when the order is taken, so the database can filter and count
orders by level with plain comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from models.complaints.calendar import BusinessCalendar

LEVELS = ("yellow", "orange", "red", "black")
DEFAULT_FRACTIONS: dict[str, float] = {"yellow": 0.5, "orange": 0.75, "red": 0.9, "black": 1.0}


@dataclass(frozen=True, slots=True)
class LimitRule:
    """``classification`` is a path prefix ("" matches all); ``level`` "" matches any level."""

    classification: str
    customer_level: str
    days: float = 0.0
    hours: float = 0.0

    def seconds(self, calendar: BusinessCalendar) -> float:
        return self.days * calendar.day_seconds + self.hours * 3600.0

    def matches(self, classification: str, customer_level: str) -> bool:
        if self.customer_level and self.customer_level != customer_level:
            return False
        prefix = self.classification
        return not prefix or classification == prefix or classification.startswith(prefix + "/")


@dataclass(frozen=True, slots=True)
class Deadline:
    due_at: float
    #: level -> the moment the order reaches it
    level_at: dict[str, float]
    limit_s: float


class DeadlineTable:
    """The most specific matching rule wins: a longer prefix, then a named customer level."""

    def __init__(self, rules: list[LimitRule], calendar: BusinessCalendar,
                 fractions: Mapping[str, float] | None = None) -> None:
        if not any(r.classification == "" and r.customer_level == "" for r in rules):
            raise ValueError("the limits table needs a default rule (classification '' and "
                             "customer_level '')")
        fractions = dict(fractions or DEFAULT_FRACTIONS)
        values = [fractions[lv] for lv in LEVELS]
        if values != sorted(values) or values[0] <= 0 or values[-1] != 1.0:
            raise ValueError("warning fractions must rise yellow < orange < red < black = 1.0")
        self.rules = sorted(rules, key=lambda r: (-len(r.classification), not r.customer_level))
        self.calendar = calendar
        self.fractions = fractions

    def rule_for(self, classification: str, customer_level: str) -> LimitRule:
        return next(r for r in self.rules if r.matches(classification, customer_level))

    def deadline(self, created_at: float, classification: str, customer_level: str) -> Deadline:
        limit = self.rule_for(classification, customer_level).seconds(self.calendar)
        cal = self.calendar
        level_at = {lv: cal.add(created_at, limit * self.fractions[lv]) for lv in LEVELS}
        return Deadline(level_at["black"], level_at, limit)

    def remaining(self, due_at: float, now: float) -> float:
        """Working seconds left until ``due_at`` (negative: overdue by that much)."""
        return self.calendar.between(now, due_at)


def warning_at(level_at: Mapping[str, float | None], now: float) -> str:
    """The worst level reached by ``now`` ("" for none)."""
    reached = ""
    for level in LEVELS:
        at = level_at.get(level)
        if at is not None and now >= at:
            reached = level
    return reached
