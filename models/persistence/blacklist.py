"""Blacklist entries and their history: every change is written with who and why."""

from __future__ import annotations

import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.blacklist import BlacklistChange, BlacklistEntry, BlacklistHistory
from models.persistence.convert import NotFound, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import BlacklistHistoryRow, BlacklistRow


class BlacklistRepository:
    """Add, change and remove blocked numbers; history is kept in the same transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _history(
        self, s: Session, row: BlacklistRow, by: str, change: BlacklistChange, reason: str,
        at: float | None,
    ) -> None:
        s.add(
            BlacklistHistoryRow(
                entry_id=row.id, number=row.number, at=time.time() if at is None else at,
                by=by, change=str(change), reason=reason,
            )
        )

    def add(self, entry: BlacklistEntry, by: str, at: float | None = None) -> BlacklistEntry:
        """Store a new entry; returns it with its id."""
        with self.db.begin() as s:
            values = row_values(BlacklistRow, entry)
            values.pop("id", None)
            row = BlacklistRow(**values)
            s.add(row)
            s.flush()
            self._history(s, row, by, BlacklistChange.ADDED, entry.reason, at)
            entry.id = row.id
            return to_domain(BlacklistEntry, row)

    def update(self, entry: BlacklistEntry, by: str, reason: str = "") -> None:
        """Replace an entry's fields (found by id)."""
        with self.db.begin() as s:
            row = s.get(BlacklistRow, entry.id) if entry.id is not None else None
            if row is None:
                raise NotFound(f"no blacklist entry with id {entry.id!r}")
            for key, value in row_values(BlacklistRow, entry).items():
                setattr(row, key, value)
            self._history(s, row, by, BlacklistChange.UPDATED, reason, None)

    def remove(self, entry_id: int, by: str, reason: str = "", at: float | None = None) -> None:
        """Turn a harasser back into a normal customer; the entry stays, inactive."""
        with self.db.begin() as s:
            row = s.get(BlacklistRow, entry_id)
            if row is None:
                raise NotFound(f"no blacklist entry with id {entry_id}")
            row.active = False
            self._history(s, row, by, BlacklistChange.REMOVED, reason, at)

    def active(self) -> list[BlacklistEntry]:
        """Active entries (the engine loads these at start)."""
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
