"""Alarm rules and the alarm log (alarm history)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.alarmlog import TRANSITIONS, AlarmLogEntry, StoredAlarmRule
from models.persistence.convert import (
    InvalidQuery,
    NotFound,
    newest_in_window,
    row_values,
    to_domain,
)
from models.persistence.database import Database
from models.persistence.schema import AlarmLogRow, AlarmRuleRow


class AlarmRepository:
    """Rules (replace whole) and the append-only log of alarm transitions."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save_rule(self, rule: StoredAlarmRule) -> None:
        with self.db.begin() as s:
            s.merge(AlarmRuleRow(**row_values(AlarmRuleRow, rule)))

    def get_rule(self, rule_id: str) -> StoredAlarmRule | None:
        with self.db.read() as s:
            row = s.get(AlarmRuleRow, rule_id)
            return None if row is None else to_domain(StoredAlarmRule, row)

    def rules(self) -> list[StoredAlarmRule]:
        with self.db.read() as s:
            rows = s.scalars(select(AlarmRuleRow).order_by(AlarmRuleRow.id))
            return [to_domain(StoredAlarmRule, r) for r in rows]

    def delete_rule(self, rule_id: str) -> None:
        with self.db.begin() as s:
            row = s.get(AlarmRuleRow, rule_id)
            if row is None:
                raise NotFound(f"no alarm rule {rule_id!r}")
            s.delete(row)

    def replace_rules(self, rules: list[StoredAlarmRule]) -> None:
        """Make ``rules`` the whole stored rule set in one transaction: all or nothing."""
        with self.db.begin() as s:
            s.execute(delete(AlarmRuleRow))
            s.add_all([AlarmRuleRow(**row_values(AlarmRuleRow, r)) for r in rules])

    def log_in(self, session: Session, entries: list[AlarmLogEntry]) -> None:
        """Append transitions inside a caller's unit of work (the daemon's batch writer)."""
        for entry in entries:
            _check_transition(entry)
        session.add_all([AlarmLogRow(**row_values(AlarmLogRow, e)) for e in entries])

    def log(self, entry: AlarmLogEntry) -> int:
        """Append one transition; returns its id."""
        _check_transition(entry)
        with self.db.begin() as s:
            row = AlarmLogRow(**row_values(AlarmLogRow, entry))
            s.add(row)
            s.flush()
            entry.id = row.id
            return row.id

    def history(
        self,
        alarm_id: str | None = None,
        rule_id: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[AlarmLogEntry]:
        """Alarm transitions, newest first."""
        query = select(AlarmLogRow)
        if alarm_id is not None:
            query = query.where(AlarmLogRow.alarm_id == alarm_id)
        if rule_id is not None:
            query = query.where(AlarmLogRow.rule_id == rule_id)
        query = newest_in_window(
            query, AlarmLogRow.at, AlarmLogRow.id, since, until, limit, offset
        )
        with self.db.read() as s:
            return [to_domain(AlarmLogEntry, r) for r in s.scalars(query)]


def _check_transition(entry: AlarmLogEntry) -> None:
    if entry.transition not in TRANSITIONS:
        raise InvalidQuery(
            f"alarm transition {entry.transition!r} is not one of {', '.join(TRANSITIONS)}"
        )
