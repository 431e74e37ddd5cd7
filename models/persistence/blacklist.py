"""Blacklist entries and their history: every change is written with who and why.

Changes come in batches (:meth:`BlacklistRepository.apply`) so a CSV import is one
transaction: every row or none. Blocked and warned calls are the call records that name
the entry (``call_records.blacklist_entry``), so an entry's story is one query away.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.blacklist import BlacklistChange, BlacklistEntry, BlacklistHistory, BlockAction
from models.calls import CallOutcome, CustomerLevel
from models.codec import to_plain
from models.persistence.convert import NotFound, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import BlacklistHistoryRow, BlacklistRow, CallRecordRow
from models.records import CallRecord


@dataclass(slots=True)
class EntryChange:
    """One change to write: the entry as it is after the change (``id`` None: a new one)."""

    entry: BlacklistEntry
    change: BlacklistChange
    by: str
    reason: str = ""
    at: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)


def _detail(entry: BlacklistEntry) -> dict[str, Any]:
    return {k: v for k, v in to_plain(entry).items()
            if k in ("action", "customer_level", "blocked_from", "blocked_until", "active")}


class BlacklistRepository:
    """Add, change and lift blocked numbers; history is kept in the same transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _history(
        self, s: Session, row: BlacklistRow, by: str, change: BlacklistChange, reason: str,
        at: float | None, detail: dict[str, Any] | None = None,
    ) -> None:
        s.add(
            BlacklistHistoryRow(
                entry_id=row.id, number=row.number, at=time.time() if at is None else at,
                by=by, change=str(change), reason=reason, detail=detail or {},
            )
        )

    def apply(self, changes: list[EntryChange]) -> list[BlacklistEntry]:
        """Write every change in ONE transaction; returns the entries (new ones with ids)."""
        out: list[BlacklistEntry] = []
        with self.db.begin() as s:
            for c in changes:
                values = row_values(BlacklistRow, c.entry)
                if c.entry.id is None:
                    values.pop("id", None)
                    row = BlacklistRow(**values)
                    s.add(row)
                    s.flush()
                else:
                    row = s.get(BlacklistRow, c.entry.id)
                    if row is None:
                        raise NotFound(f"no blacklist entry with id {c.entry.id!r}")
                    for key, value in values.items():
                        setattr(row, key, value)
                    row.updated_at, row.updated_by = c.at or time.time(), c.by
                self._history(s, row, c.by, c.change, c.reason, c.at or None,
                              {**_detail(c.entry), **c.detail})
                out.append(to_domain(BlacklistEntry, row))
        return out

    def add(self, entry: BlacklistEntry, by: str, at: float | None = None) -> BlacklistEntry:
        """Store a new entry; returns it with its id."""
        stored = self.apply([EntryChange(entry, BlacklistChange.ADDED, by, entry.reason,
                                         at or 0.0)])[0]
        entry.id = stored.id
        return stored

    def update(self, entry: BlacklistEntry, by: str, reason: str = "") -> None:
        """Replace an entry's fields (found by id)."""
        if entry.id is None:
            raise NotFound("no blacklist entry with id None")
        self.apply([EntryChange(entry, BlacklistChange.UPDATED, by, reason)])

    def remove(self, entry_id: int, by: str, reason: str = "", at: float | None = None) -> None:
        """Turn a harasser back into a normal customer; the entry stays, inactive."""
        with self.db.begin() as s:
            row = s.get(BlacklistRow, entry_id)
            if row is None:
                raise NotFound(f"no blacklist entry with id {entry_id}")
            row.active = False
            self._history(s, row, by, BlacklistChange.REMOVED, reason, at)

    def record_expiries(self, expired: list[tuple[int, str, float]], by: str) -> None:
        """History rows for windows that ended by themselves: (entry id, number, at)."""
        if not expired:
            return
        with self.db.begin() as s:
            s.add_all(
                BlacklistHistoryRow(entry_id=i, number=n, at=t, by=by,
                                    change=str(BlacklistChange.EXPIRED), reason="", detail={})
                for i, n, t in expired
            )

    def all(self) -> list[BlacklistEntry]:
        """Every entry, lifted ones too (switchlink holds them all in memory).

        Plain column tuples straight into entries: rows were validated and normalised when
        written, and ORM objects plus the generic codec per row made a daemon with 1,000,000
        entries take ~35 s to start (tests/perf/test_blacklist_speed.py prints the load time).
        """
        c = BlacklistRow.__table__.c
        query = select(c.id, c.number, c.customer_level, c.blocked_from, c.blocked_until,
                       c.action, c.reason, c.created_by, c.created_at, c.active).order_by(c.id)
        levels = {v.value: v for v in CustomerLevel}
        actions = {v.value: v for v in BlockAction}
        with self.db.read() as s:
            return [
                BlacklistEntry(number, levels.get(level) or CustomerLevel(level),
                               float(since), None if until is None else float(until),
                               actions.get(action) or BlockAction(action), reason or "",
                               by or "", float(at or 0.0), bool(active), entry_id)
                for entry_id, number, level, since, until, action, reason, by, at, active
                in s.execute(query)
            ]

    def active(self) -> list[BlacklistEntry]:
        """Entries not lifted."""
        query = select(BlacklistRow).where(BlacklistRow.active.is_(True)).order_by(BlacklistRow.id)
        with self.db.read() as s:
            return [to_domain(BlacklistEntry, r) for r in s.scalars(query)]

    def find(self, number: str) -> list[BlacklistEntry]:
        """Every entry, active or not, for a number."""
        query = select(BlacklistRow).where(BlacklistRow.number == number).order_by(BlacklistRow.id)
        with self.db.read() as s:
            return [to_domain(BlacklistEntry, r) for r in s.scalars(query)]

    def history(self, number: str) -> list[BlacklistHistory]:
        """Changes to a number's entries, oldest first."""
        query = (
            select(BlacklistHistoryRow)
            .where(BlacklistHistoryRow.number == number)
            .order_by(BlacklistHistoryRow.at, BlacklistHistoryRow.id)
        )
        with self.db.read() as s:
            return [to_domain(BlacklistHistory, r) for r in s.scalars(query)]

    def history_details(self, number: str) -> list[dict[str, Any]]:
        """:meth:`history` with what each change set, as plain dicts for the wire."""
        query = (
            select(BlacklistHistoryRow)
            .where(BlacklistHistoryRow.number == number)
            .order_by(BlacklistHistoryRow.at, BlacklistHistoryRow.id)
        )
        with self.db.read() as s:
            return [
                {"at": r.at, "by": r.by, "change": r.change, "reason": r.reason,
                 "detail": dict(r.detail or {})}
                for r in s.scalars(query)
            ]

    def screened_calls(self, entry_id: int, limit: int = 1000) -> list[CallRecord]:
        """Calls the entry blocked or warned, newest first."""
        query = (
            select(CallRecordRow)
            .where(CallRecordRow.blacklist_entry == entry_id)
            .order_by(CallRecordRow.arrived_at.desc(), CallRecordRow.id.desc())
            .limit(limit)
        )
        with self.db.read() as s:
            return [to_domain(CallRecord, r) for r in s.scalars(query)]

    def blocked_times(self, entry_id: int, since: float) -> list[float]:
        """When the entry's blocked calls arrived, from ``since`` on (repeat-offender rule)."""
        query = select(CallRecordRow.arrived_at).where(
            CallRecordRow.blacklist_entry == entry_id,
            CallRecordRow.outcome == str(CallOutcome.BLOCKED),
            CallRecordRow.arrived_at >= since,
        )
        with self.db.read() as s:
            return list(s.scalars(query))
