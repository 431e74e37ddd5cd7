"""Stored alarm rules and alarm-log entries, as the persistence layer hands them out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The life of an alarm as the log records it.
TRANSITIONS = ("raised", "acknowledged", "escalated", "deescalated", "cleared")


@dataclass(slots=True)
class StoredAlarmRule:
    """A rule as stored; ``definition`` is the rule's own plain form (thresholds, levels …)."""

    id: str
    name: str
    scope: str
    metric: str
    enabled: bool = True
    definition: dict[str, Any] = field(default_factory=dict)
    updated_at: float = 0.0
    updated_by: str = ""


@dataclass(slots=True)
class AlarmLogEntry:
    """One transition of one alarm (raised, acknowledged, escalated, cleared)."""

    alarm_id: str
    rule_id: str
    level: str
    transition: str
    at: float
    value: float | None = None
    threshold: float | None = None
    scope: str = ""
    by: str = ""
    note: str = ""
    id: int | None = None
