"""The daemon's DB-backed user store, audit log and first-run admin."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher

from models.persistence.database import Database, open_database
from models.security import AuditEntry, Role, User
from switchlink.storage.user_store import DbAuditLog, DbUserStore, ensure_admin

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _db(tmp_path: Path) -> Database:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    db.migrate()
    return db


def test_first_run_creates_admin_with_a_random_password_that_verifies(tmp_path: Path) -> None:
    store = DbUserStore(_db(tmp_path))
    password = ensure_admin(store, FAST)
    assert password is not None and len(password) >= 12
    admin = store.get("admin")
    assert admin is not None and admin.role is Role.ADMIN
    assert FAST.verify(admin.password_hash, password)
    assert ensure_admin(store, FAST) is None  # an admin exists: nothing printed, nothing reset
    (tmp_path / "other").mkdir()  # a database is never made in a folder made up on the fly
    other = DbUserStore(_db(tmp_path / "other"))
    assert ensure_admin(other, FAST) != password  # no fixed default


def test_a_disabled_admin_does_not_count(tmp_path: Path) -> None:
    store = DbUserStore(_db(tmp_path))
    store.save(User("boss", Role.ADMIN, disabled=True))
    assert ensure_admin(store, FAST) is not None


def test_audit_log_interface_records_and_searches(tmp_path: Path) -> None:
    audit = DbAuditLog(_db(tmp_path))
    audit.record(AuditEntry(at=1.0, user="li", role="supervisor", action="force_ready"))
    audit.record(AuditEntry(at=2.0, user="wang", role="admin", action="add_user"))
    assert [e.user for e in audit.search(action="add_user")] == ["wang"]
    assert [e.at for e in audit.search(since=0.5, until=1.5)] == [1.0]


def test_an_unattended_install_sets_the_first_admin_password_it_was_given(tmp_path: Path) -> None:
    store = DbUserStore(_db(tmp_path))
    assert ensure_admin(store, FAST, password="site-chosen-pw") == "site-chosen-pw"
    admin = store.get("admin")
    assert admin is not None and FAST.verify(admin.password_hash, "site-chosen-pw")
