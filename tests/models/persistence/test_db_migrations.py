"""Migrations: from empty, from the previous revision, downgrade, and refusing newer schemas."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from models.persistence.database import Database, SchemaTooNew, head_revision
from models.persistence.schema import HEAD_REVISION, Base


def test_schema_module_names_the_head_revision() -> None:
    assert head_revision() == HEAD_REVISION


def test_upgrade_from_empty_matches_the_orm_schema(empty_db: Database) -> None:
    assert empty_db.current_revision() is None
    empty_db.migrate()
    assert empty_db.current_revision() == HEAD_REVISION
    with empty_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_search_index})
        diff = compare_metadata(context, Base.metadata)
        assert _search_index_present(conn, empty_db.dialect)
    assert diff == []
    assert empty_db.integrity_check() == []


def _not_search_index(name: str | None, kind: str, parents: object) -> bool:
    """Complaint search lives outside the ORM (0005): SQLite's FTS5 table and its shadow
    tables, PostgreSQL's trigram index; checked by :func:`_search_index_present` instead."""
    return not (name or "").startswith(("work_order_search", "ix_work_orders_search_trgm"))


def _search_index_present(conn: object, dialect: str) -> bool:
    if dialect == "sqlite":
        sql = "SELECT count(*) FROM sqlite_master WHERE name = 'work_order_search'"
    else:
        sql = "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_work_orders_search_trgm'"
    return conn.execute(text(sql)).scalar() == 1  # type: ignore[attr-defined]


def test_migrate_twice_is_harmless(db: Database) -> None:
    db.migrate()
    assert db.current_revision() == HEAD_REVISION


def test_upgrade_from_previous_revision_keeps_call_records(empty_db: Database) -> None:
    empty_db.migrate("0001")
    with empty_db.begin() as s:
        s.execute(
            text(
                "INSERT INTO call_records (call_id, caller, callee, customer_level, direction,"
                " arrived_at, ended_at, outcome, ivr_trail, hold_total_s, announcement)"
                " VALUES ('c1', '13800000000', '10000', 'normal', 'inbound', 1, 2,"
                " 'answered', '[]', 0, '')"
            )
        )
    empty_db.migrate()
    with empty_db.read() as s:
        row = s.execute(text("SELECT call_id, transfers FROM call_records")).one()
    assert tuple(row) == ("c1", 0)


def test_downgrade_to_previous_revision_and_to_empty(db: Database) -> None:
    db.downgrade("0001")
    assert db.current_revision() == "0001"
    with db.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("call_records")}
    assert "transfers" not in columns
    db.downgrade("base")
    assert db.current_revision() is None
    with db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    db.migrate()
    assert db.current_revision() == HEAD_REVISION


def test_refuses_a_database_migrated_by_a_newer_callfloor(db: Database) -> None:
    with db.begin() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew, match="'9999', newer than this callfloor knows") as info:
        db.migrate()
    assert "\n" not in str(info.value)
