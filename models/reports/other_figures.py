"""Alarms per level with their time to acknowledge, and complaint work-order figures."""

from __future__ import annotations

from collections import defaultdict

from models.alarmlog import AlarmLogEntry
from models.complaints import figures as complaint_rules
from models.complaints.figures import ComplaintFact

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


def complaint_figures(orders: list[ComplaintFact] | None, end: float) -> dict:
    """Complaints created in the period by classification, cause and department: the
    complaints desk's own figures (:mod:`models.complaints.figures`, what
    ``complaints.report`` answers), judged as of the period's end so a regenerated report
    gives the same figures. On time = first reply by the deadline, out of the replied and
    the open past due; satisfied = the customer's feedback, of all feedback given."""
    if orders is None:
        return {"available": False}

    def group(name: str) -> list[dict]:
        return [_figures(key or "-", t)
                for key, t in complaint_rules.grouped(orders, end, complaint_rules.group_key(name))]

    total = _figures("", complaint_rules.tally(orders, end))
    del total["name"]
    return {
        "available": True,
        **total,
        "by_category": group("by_classification"),
        "by_cause": group("by_cause"),
        "by_department": group("by_department"),
    }


def _figures(name: str, t: complaint_rules.Tally) -> dict:
    """The desk's row (same rates) plus what the report's table shows besides."""
    row = t.row(name)
    return {"name": name, "count": t.count, "archived": t.archived,
            "on_time_rate": row["on_time_rate"], "satisfaction_rate": row["satisfaction_rate"],
            "overdue_open": t.overdue_open, "replied": t.replied, "on_time": t.on_time,
            "feedback": t.feedback, "satisfied": t.satisfied}
