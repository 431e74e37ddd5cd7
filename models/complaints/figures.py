"""The complaint figures (counts, on-time and satisfaction rates) as one pure function.

``complaints.report`` and the periodic reports (issue 18) both call :func:`report` over the
same ``work_orders`` rows, so the product gives one on-time rate: the first reply at or before
the deadline, out of the replied orders and the open ones already past due.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

#: the groupings both the desk and the periodic reports show, in this order
GROUPS = ("by_classification", "by_cause", "by_department")


@dataclass(frozen=True, slots=True)
class ComplaintFact:
    """What the figures read of one work order (its columns, as the desk writes them)."""

    classification: str
    cause: str
    #: the responsible department, else the department holding it
    department: str
    due_at: float | None
    #: the first reply to the customer; a reprocessed order keeps it
    replied_at: float | None
    #: the customer's latest feedback; None: none given
    satisfied: bool | None
    #: archived (归档) at
    closed_at: float | None = None


@dataclass(slots=True)
class Tally:
    """Raw counts of a group of orders, judged as of ``now``."""

    count: int = 0
    replied: int = 0
    on_time: int = 0
    overdue_open: int = 0
    feedback: int = 0
    satisfied: int = 0
    archived: int = 0

    def add(self, o: ComplaintFact, now: float) -> None:
        self.count += 1
        replied = o.replied_at is not None and o.replied_at <= now
        if replied:
            self.replied += 1
            if o.due_at is not None and o.replied_at <= o.due_at:  # type: ignore[operator]
                self.on_time += 1
        elif o.due_at is not None and o.due_at < now:
            self.overdue_open += 1
        if o.satisfied is not None:
            self.feedback += 1
            self.satisfied += int(o.satisfied)
        if o.closed_at is not None and o.closed_at <= now:
            self.archived += 1

    def row(self, key: str) -> dict[str, Any]:
        """The row ``complaints.report`` answers (docs/complaints.md)."""
        judged = self.replied + self.overdue_open
        return {"key": key, "count": self.count, "replied": self.replied,
                "on_time": self.on_time,
                "on_time_rate": self.on_time / judged if judged else None,
                "feedback": self.feedback, "satisfied": self.satisfied,
                "satisfaction_rate": self.satisfied / self.feedback if self.feedback else None}


def tally(orders: Iterable[ComplaintFact], now: float) -> Tally:
    """The counts over all of ``orders``."""
    out = Tally()
    for o in orders:
        out.add(o, now)
    return out


def grouped(orders: Iterable[ComplaintFact], now: float,
            key: Callable[[ComplaintFact], str]) -> list[tuple[str, Tally]]:
    """(key, tally) per group, most orders first, then by key."""
    buckets: dict[str, Tally] = defaultdict(Tally)
    for o in orders:
        buckets[key(o) or ""].add(o, now)
    return sorted(buckets.items(), key=lambda kv: (-kv[1].count, kv[0]))


_KEYS: dict[str, Callable[[ComplaintFact], str]] = {
    "by_classification": lambda o: o.classification,
    "by_cause": lambda o: o.cause,
    "by_department": lambda o: o.department,
}


def report(orders: Iterable[ComplaintFact], now: float) -> dict[str, list[dict[str, Any]]]:
    """``complaints.report``'s ``by_classification / by_cause / by_department`` rows over
    ``orders`` (the ones taken in the period), replies and deadlines judged as of ``now``."""
    orders = list(orders)
    return {name: [t.row(k) for k, t in grouped(orders, now, _KEYS[name])] for name in GROUPS}


def group_key(name: str) -> Callable[[ComplaintFact], str]:
    """The key function of one of :data:`GROUPS`."""
    return _KEYS[name]
