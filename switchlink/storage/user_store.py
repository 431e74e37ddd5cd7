"""Database-backed UserStore and AuditLog for the daemon, and the first-run admin bootstrap."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher

from models.persistence.database import Database, DatabaseError
from models.persistence.users import AuditRepository, UserRepository
from models.security import AuditEntry, Role, User


class DbUserStore:
    """The ``UserStore`` interface of switchlink.services.users.auth over the ``users`` table."""

    def __init__(self, db: Database) -> None:
        self._repo = UserRepository(db)

    def get(self, username: str) -> User | None:
        return self._repo.get(username)

    def save(self, user: User) -> None:
        self._repo.save(user)

    def list(self) -> list[User]:
        return self._repo.list()


class DbAuditLog:
    """The ``AuditLog`` interface of switchlink.services.users.auth over the ``audit_log`` table."""

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
        target: str | None = None,
        result: str | None = None,
        offset: int = 0,
    ) -> list[AuditEntry]:
        try:
            return self._repo.search(
                user=user, action=action, since=since, until=until, limit=limit,
                target=target, result=result, offset=offset,
            )
        except DatabaseError as exc:  # an inverted range is the caller's mistake, not ours
            from switchlink.services.registry import CommandError

            raise CommandError("bad_request", str(exc)) from None


def ensure_admin(
    store: DbUserStore, hasher: PasswordHasher | None = None, password: str | None = None
) -> str | None:
    """First run: create ``admin`` and return its password; None if an enabled admin exists.

    ``password`` (from ``$CALLFLOOR_ADMIN_PASSWORD`` on unattended installs) or else a random
    one: there is no default password. The caller prints a random one once and tells the
    operator to change it (``ctl passwd``); nothing else ever shows it again.
    """
    if any(u.role is Role.ADMIN and not u.disabled for u in store.list()):
        return None
    # a generated one-time password must be changed at the first login (issue 12); one the
    # installer chose ($CALLFLOOR_ADMIN_PASSWORD) is already theirs
    must_change = not password
    password = password or secrets.token_urlsafe(12)
    existing = store.get("admin")
    user = existing or User(username="admin", role=Role.ADMIN, display_name="Administrator")
    user.role, user.disabled = Role.ADMIN, False
    user.must_change_password = must_change
    user.password_hash = (hasher or PasswordHasher()).hash(password)
    store.save(user)
    return password


def first_run_notice(password: str) -> str:
    """What the daemon prints once when it created the admin with a random password."""
    return (
        f"switchlink: first run: created user 'admin' with password {password}\n"
        "switchlink: it is shown only this once; set your own with "
        "`main.py ctl login admin` then `main.py ctl passwd`"
    )
