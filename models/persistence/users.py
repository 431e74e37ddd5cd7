"""Users and the audit trail in the database (they used to live in files)."""

from __future__ import annotations

from sqlalchemy import select

from models.persistence.convert import NotFound, newest_in_window, row_values, to_domain
from models.persistence.database import Database
from models.persistence.schema import AuditRow, UserRow
from models.security import AuditEntry, User


class UserRepository:
    """Console users, by username."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, username: str) -> User | None:
        with self.db.read() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == username))
            return None if row is None else to_domain(User, row)

    def save(self, user: User) -> None:
        """Create or replace the user with this username."""
        values = row_values(UserRow, user)
        with self.db.begin() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == user.username))
            if row is None:
                s.add(UserRow(**values))
            else:
                for key, value in values.items():
                    setattr(row, key, value)

    def delete(self, username: str) -> None:
        with self.db.begin() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == username))
            if row is None:
                raise NotFound(f"no user named {username!r}")
            s.delete(row)

    def list(self) -> list[User]:
        with self.db.read() as s:
            rows = s.scalars(select(UserRow).order_by(UserRow.username))
            return [to_domain(User, r) for r in rows]


class AuditRepository:
    """The audit log: append and search, never edit."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, entry: AuditEntry) -> int:
        """Append one entry; returns its id (also set on ``entry``)."""
        with self.db.begin() as s:
            row = AuditRow(**row_values(AuditRow, entry))
            s.add(row)
            s.flush()
            entry.id = row.id
            return row.id

    def record_many(self, entries: list[AuditEntry]) -> None:
        """Append entries in one transaction (the daemon's batched audit writer)."""
        with self.db.begin() as s:
            rows = [AuditRow(**row_values(AuditRow, e)) for e in entries]
            s.add_all(rows)
            s.flush()
            for entry, row in zip(entries, rows, strict=True):
                entry.id = row.id

    def search(
        self,
        user: str | None = None,
        action: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
        target: str | None = None,
        result: str | None = None,
        offset: int = 0,
    ) -> list[AuditEntry]:
        """Newest first; ``since`` inclusive, ``until`` exclusive; ``result`` "ok" or "refused"
        (any other result: a refusal's error code); ``offset`` rows skipped (pages)."""
        query = select(AuditRow)
        if user is not None:
            query = query.where(AuditRow.user == user)
        if action is not None:
            query = query.where(AuditRow.action == action)
        if target is not None:
            query = query.where(AuditRow.target == target)
        if result is not None:
            query = query.where(
                AuditRow.result == "ok" if result == "ok" else AuditRow.result != "ok")
        query = newest_in_window(query, AuditRow.at, AuditRow.id, since, until, limit, offset)
        with self.db.read() as s:
            return [to_domain(AuditEntry, r) for r in s.scalars(query)]
