"""Alarms per level with their time to acknowledge, and complaint work-order figures."""

from __future__ import annotations

from collections import defaultdict

from models.alarmlog import AlarmLogEntry
from models.reports.records import WorkOrderFact

#: S3's four warning levels, mildest first (others are listed after them)
LEVELS = ("yellow", "orange", "red", "black")


def alarm_figures(log: list[AlarmLogEntry], start: float, end: float) -> dict:
    """Alarms raised in ``[start, end)`` per level and how long acknowledging them took.

    An alarm id can come back after a daemon restart, so an acknowledgement belongs to the
    latest raise of its id before it. Escalations count at the level they reached.
    """
    raised: dict[str, dict] = {}  # alarm id -> its current raise inside the period
    rows: list[dict] = []
    for e in sorted(log, key=lambda e: (e.at, e.id or 0)):
        if e.transition == "raised":
            if start <= e.at < end:
                rows.append({"level": e.level, "at": e.at, "acked_at": None,
                             "escalated_to": None})
                raised[e.alarm_id] = rows[-1]
            else:
                raised.pop(e.alarm_id, None)
        elif e.transition == "escalated" and e.alarm_id in raised:
            row = raised[e.alarm_id]
            if row["acked_at"] is None and e.at < end:
                row["escalated_to"] = e.level
        elif e.transition == "acknowledged" and e.alarm_id in raised:
            row = raised[e.alarm_id]
            if row["acked_at"] is None:
                row["acked_at"] = e.at
        elif e.transition == "cleared":
            raised.pop(e.alarm_id, None)
    per_level: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        per_level[row["escalated_to"] or row["level"]].append(row)
    order = list(LEVELS) + sorted(set(per_level) - set(LEVELS))
    levels = []
    for level in order:
        group = per_level.get(level, [])
        acks = [r["acked_at"] - r["at"] for r in group if r["acked_at"] is not None]
        levels.append({
            "level": level,
            "raised": len(group),
            "acknowledged": len(acks),
            "unacknowledged": len(group) - len(acks),
            "mean_ack_s": sum(acks) / len(acks) if acks else None,
            "max_ack_s": max(acks) if acks else None,
        })
    return {"total": len(rows), "levels": levels}


def complaint_figures(orders: list[WorkOrderFact] | None, end: float) -> dict:
    """Complaints created in the period by classification, cause and department, with the
    on-time rate (archived by the due time, of those archived with one) and the
    satisfaction rate (feedback that closed the order, of all feedback given)."""
    if orders is None:
        return {"available": False}

    def group(key) -> list[dict]:
        buckets: dict[str, list[WorkOrderFact]] = defaultdict(list)
        for o in orders:
            buckets[key(o) or "-"].append(o)
        return [dict(name=name, **_rates(items, end))
                for name, items in sorted(buckets.items(), key=lambda kv: (-len(kv[1]), kv[0]))]

    return {
        "available": True,
        **_rates(orders, end),
        "by_category": group(lambda o: o.category),
        "by_cause": group(lambda o: o.cause),
        "by_department": group(lambda o: o.department),
    }


def _rates(orders: list[WorkOrderFact], end: float) -> dict:
    closed = [o for o in orders if o.archived_at is not None and o.due_at is not None]
    on_time = sum(1 for o in closed if o.archived_at <= o.due_at)  # type: ignore[operator]
    feedback = [o for o in orders if o.satisfied is not None]
    satisfied = sum(1 for o in feedback if o.satisfied)
    return {
        "count": len(orders),
        "archived": sum(1 for o in orders if o.archived_at is not None),
        "on_time_rate": on_time / len(closed) if closed else None,
        "satisfaction_rate": satisfied / len(feedback) if feedback else None,
        "overdue_open": sum(
            1 for o in orders
            if o.archived_at is None and o.due_at is not None and o.due_at < end
        ),
    }
