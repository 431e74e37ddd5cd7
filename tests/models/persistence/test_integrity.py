"""The integrity check looks at every row: broken foreign keys and constraints are found.

On PostgreSQL the constraints are re-checked by query and the btree indexes by amcheck, so a
row let in past a constraint (replication role, NOT VALID) is reported, not waved through.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import ForeignKeyConstraint, text

from models.persistence import integrity
from models.persistence.database import Database
from models.persistence.schema import Base


def _foreign_keys() -> int:
    return sum(isinstance(c, ForeignKeyConstraint)
               for table in Base.metadata.tables.values() for c in table.constraints)


def test_a_healthy_database_passes_every_check(db: Database) -> None:
    report = integrity.check(db, install_amcheck=True)
    assert report.problems == []
    if db.dialect == "postgresql":
        assert report.checked["foreign keys"] == _foreign_keys() > 0
        assert report.checked["unique keys"] >= len(Base.metadata.tables)
        assert report.checked["tables (not null)"] >= len(Base.metadata.tables)
        # amcheck ships with Debian's postgresql package; the fixture's user is a superuser
        assert report.checked["btree indexes (amcheck)"] > len(Base.metadata.tables), report.notes


def test_an_orphaned_row_is_reported_with_its_foreign_key(db: Database) -> None:
    orphan = ("INSERT INTO agent_skills (work_number, skill_group_id, level) "
              "VALUES ('9999', 'nowhere', 1)")
    if db.dialect == "sqlite":  # a connection without foreign_keys = ON (SQLite's default)
        with sqlite3.connect(db.engine.url.database) as raw:
            raw.execute(orphan)
    else:
        with db.engine.begin() as conn:  # as a logical replica applies rows: no FK triggers
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text(orphan))
    problems = db.integrity_check()
    assert problems, "an agent_skills row without its agent and skill group went unnoticed"
    if db.dialect == "postgresql":
        assert any("agent_skills(work_number) have no agents(work_number)" in p
                   for p in problems), problems
        assert any("skill_groups(id)" in p for p in problems), problems
    else:
        assert all(p.startswith("foreign_key_check: ('agent_skills'") for p in problems)


@pytest.mark.postgres
def test_postgres_finds_rows_that_break_a_check_added_not_valid(postgres_url: str) -> None:
    from models.persistence.database import open_database

    db = open_database(postgres_url)
    try:
        db.migrate()
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO skill_groups (id, name, sl_threshold_s, sl_target) "
                              "VALUES ('q', 'Q', -5, 0.8)"))
            conn.execute(text("ALTER TABLE skill_groups ADD CONSTRAINT ck_threshold "
                              "CHECK (sl_threshold_s >= 0) NOT VALID"))
        [problem] = db.integrity_check()
        assert problem.startswith("check ck_threshold on skill_groups: 1 row(s) violate")
    finally:
        db.close()
