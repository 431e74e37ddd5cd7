"""The daemon's database wiring: one history writer, the event feed, alarm rules and alarm log.

Everything the event loop produces for history (finished calls with their interval deltas,
alarm transitions, link-test results) goes through ONE :class:`~switchlink.recorder.BatchWriter`
thread, so SQLite sees a single writer and the loop never waits for a commit. A batch of
mixed items is written in one transaction: all or nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from models.alarmlog import TRANSITIONS, AlarmLogEntry, StoredAlarmRule
from models.alarms import AlarmTransition
from models.events import Event, TestCompleted
from models.linktests import LinkTestResult
from models.persistence.alarms import AlarmRepository
from models.persistence.calls import CallRepository
from models.persistence.database import Database
from models.persistence.linktests import LinkTestRepository
from models.records import CallRecord, IntervalStat
from switchlink.alarms import RuleSetError
from switchlink.engine.state import Change, FloorState
from switchlink.recorder import BatchWriter, CallRecorder, Recorded

log = logging.getLogger(__name__)

HistoryItem = Recorded | AlarmLogEntry | LinkTestResult

#: column widths of ``alarm_rules`` that PostgreSQL enforces (SQLite would not)
_RULE_LIMITS = {"id": 64, "name": 128, "scope": 128, "metric": 64}


def history_writer(
    db: Database,
    *,
    batch_size: int = 500,
    max_delay_s: float = 0.5,
    capacity: int = 100_000,
) -> BatchWriter[HistoryItem]:
    """The daemon's single writer thread for calls, intervals, alarm log and link tests."""
    calls, alarms, tests = CallRepository(db), AlarmRepository(db), LinkTestRepository(db)

    def write(batch: list[HistoryItem]) -> None:
        records: list[CallRecord] = []
        deltas: list[IntervalStat] = []
        entries: list[AlarmLogEntry] = []
        results: list[LinkTestResult] = []
        for item in batch:
            if isinstance(item, AlarmLogEntry):
                entries.append(item)
            elif isinstance(item, LinkTestResult):
                results.append(item)
            else:
                record, delta = item
                records.append(record)
                if delta is not None:
                    deltas.append(delta)
        with db.begin() as session:
            calls.write_in(session, records, deltas)
            alarms.log_in(session, entries)
            tests.record_in(session, results)

    return BatchWriter(
        write, batch_size=batch_size, max_delay_s=max_delay_s, capacity=capacity,
        name="history-writer",
    )


class HistoryFeed:
    """A server processor: finished calls and test results go to the writer, nothing published."""

    def __init__(
        self, writer: BatchWriter[HistoryItem], sl_thresholds: dict[str, float] | None = None
    ) -> None:
        self.writer = writer
        self.recorder = CallRecorder(self._call_finished, dict(sl_thresholds or {}))

    @classmethod
    def for_floor(cls, writer: BatchWriter[HistoryItem], floor: FloorState) -> HistoryFeed:
        """Service-level thresholds taken from the floor's queues (``queue/<id>`` values)."""
        thresholds = {
            str(q["id"]): float(q["sl_threshold_s"])
            for _, q in floor.items("queue/")
            if q.get("sl_threshold_s") is not None
        }
        return cls(writer, thresholds)

    def _call_finished(self, record: CallRecord, delta: IntervalStat | None) -> None:
        self.writer.submit((record, delta))

    def __call__(self, events: list[Event], floor: FloorState) -> list[Change]:
        feed = self.recorder.feed
        for event in events:
            if isinstance(event, TestCompleted):
                self.writer.submit(
                    LinkTestResult(
                        target=event.target, kind=event.kind, passed=event.passed,
                        at=event.t, detail=event.detail,
                    )
                )
            else:
                feed(event)
        return []


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
