"""Alarms in the database: the alarm log's sink and the ``alarm_rules`` table as a RuleStore.

Transitions are queued on the daemon's one history writer (history_feed.py), never written
from the event loop; the rule set is replaced in one transaction, all or nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from models.alarmlog import TRANSITIONS, AlarmLogEntry, StoredAlarmRule
from models.alarms import AlarmTransition
from models.persistence.alarms import AlarmRepository
from models.persistence.database import Database
from switchlink.alarms import RuleSetError
from switchlink.storage.batch_writer import BatchWriter
from switchlink.storage.history_feed import HistoryItem

log = logging.getLogger(__name__)

#: column widths of ``alarm_rules`` that PostgreSQL enforces (SQLite would not)
_RULE_LIMITS = {"id": 64, "name": 128, "scope": 128, "metric": 64}


def alarm_log_entry(transition: AlarmTransition) -> AlarmLogEntry:
    """One alarm-log row for one lifecycle step."""
    alarm = transition.alarm
    return AlarmLogEntry(
        alarm_id=transition.alarm_id, rule_id=alarm.rule_id, level=transition.level.label,
        transition=transition.kind, at=transition.at, value=alarm.value,
        threshold=alarm.threshold, scope=alarm.scope, by=transition.by, note=transition.note,
    )


def alarm_log_sink(
    writer: BatchWriter[HistoryItem],
) -> Callable[[list[AlarmTransition]], None]:
    """``on_alarm_transitions`` for the server: queue each step for the alarm log."""

    def sink(transitions: list[AlarmTransition]) -> None:
        for t in transitions:
            if t.kind not in TRANSITIONS:  # one odd step must not poison a whole batch
                log.warning("alarm %s: transition %r not logged (unknown kind)", t.alarm_id, t.kind)
                continue
            writer.submit(alarm_log_entry(t))

    return sink


class DbRuleStore:
    """The alarm ``RuleStore`` over ``alarm_rules``: the whole set replaced in one transaction.

    An empty table means "nothing saved yet", so the daemon starts from the default rules.
    """

    def __init__(self, db: Database) -> None:
        self._repo = AlarmRepository(db)

    def load(self) -> list[dict[str, Any]] | None:
        rules = self._repo.rules()
        return [dict(r.definition) for r in rules] if rules else None

    def save(self, rules: list[dict[str, Any]]) -> None:
        now = time.time()
        stored = []
        for i, rule in enumerate(rules):
            for key, width in _RULE_LIMITS.items():
                if len(str(rule.get(key, ""))) > width:
                    raise RuleSetError(f"rules[{i}].{key}: longer than {width} characters")
            stored.append(
                StoredAlarmRule(
                    id=str(rule["id"]), name=str(rule.get("name", "")),
                    scope=str(rule.get("scope", "")), metric=str(rule.get("metric", "")),
                    enabled=bool(rule.get("enabled", True)), definition=dict(rule),
                    updated_at=now,
                )
            )
        self._repo.replace_rules(stored)
