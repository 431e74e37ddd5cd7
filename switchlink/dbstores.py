"""Database-backed UserStore and AuditLog for the daemon, and the first-run admin bootstrap."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher

from models.persistence.database import Database
from models.persistence.users import AuditRepository, UserRepository
from models.security import AuditEntry, Role, User


class DbUserStore:
    """The ``UserStore`` interface of switchlink.auth over the ``users`` table."""

    def __init__(self, db: Database) -> None:
        self._repo = UserRepository(db)

    def get(self, username: str) -> User | None:
        return self._repo.get(username)

    def save(self, user: User) -> None:
        self._repo.save(user)

    def list(self) -> list[User]:
        return self._repo.list()


class DbAuditLog:
    """The ``AuditLog`` interface of switchlink.auth over the ``audit_log`` table."""

    def __init__(self, db: Database) -> None:
        self._repo = AuditRepository(db)

    def record(self, entry: AuditEntry) -> None:
        self._repo.record(entry)

    def search(
        self,
        user: str | None = None,
        action: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
    ) -> list[AuditEntry]:
        return self._repo.search(user=user, action=action, since=since, until=until, limit=limit)


def ensure_admin(store: DbUserStore, hasher: PasswordHasher | None = None) -> str | None:
    """First run: create ``admin`` with a random password and return it; None if an admin exists.

    There is no default password: the caller prints the returned one once and tells the
    operator to change it (``ctl passwd``); nothing else ever shows it again.
    """
    if any(u.role is Role.ADMIN and not u.disabled for u in store.list()):
        return None
    password = secrets.token_urlsafe(12)
    existing = store.get("admin")
    user = existing or User(username="admin", role=Role.ADMIN, display_name="Administrator")
    user.role, user.disabled = Role.ADMIN, False
    user.password_hash = (hasher or PasswordHasher()).hash(password)
    store.save(user)
    return password
