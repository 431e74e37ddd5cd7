"""Opening the database: default location, URL errors, SQLite pragmas and BEGIN IMMEDIATE."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from models.persistence.database import (
    BUSY_TIMEOUT_MS,
    DatabaseConfigError,
    open_database,
)


def test_default_database_is_a_sqlite_file_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda app: str(tmp_path / app))
    db = open_database(None)
    db.migrate()
    assert db.dialect == "sqlite"
    assert (tmp_path / "callfloor" / "callfloor.sqlite3").exists()
    db.close()


@pytest.mark.parametrize(
    ("url", "words"),
    [("not a url", "not a database URL"), ("mysql://u@h/db", "unsupported database 'mysql'")],
)
def test_bad_url_gives_one_clear_line(url: str, words: str) -> None:
    with pytest.raises(DatabaseConfigError, match=words) as info:
        open_database(url)
    assert "\n" not in str(info.value) and url in str(info.value)


def test_postgresql_urls_use_psycopg3() -> None:
    db = open_database("postgresql://someone@127.0.0.1:1/nothing")
    assert db.engine.dialect.driver == "psycopg"
    db.close()


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS
    db.close()


def test_write_unit_of_work_takes_the_write_lock_at_begin(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = open_database(f"sqlite:///{path}")
    db.migrate()
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with db.begin() as s:
        s.execute(text("SELECT count(*) FROM users"))  # a read only, yet the lock is held
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # released on commit
    other.execute("ROLLBACK")
    other.close()
    db.close()


def test_reads_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    writer, reader = open_database(f"sqlite:///{path}"), open_database(f"sqlite:///{path}")
    writer.migrate()
    with writer.begin() as w:
        w.execute(text("INSERT INTO teams (id, name, leader) VALUES ('t1', 'T', '')"))
        with reader.read() as r:
            # WAL: the reader sees the last commit, without blocking on the open write
            assert r.execute(text("SELECT count(*) FROM teams")).scalar() == 0
    with reader.read() as r:
        assert r.execute(text("SELECT count(*) FROM teams")).scalar() == 1
    writer.close()
    reader.close()


def test_integrity_check_of_a_healthy_database_is_empty(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    db.migrate()
    assert db.integrity_check() == []
    db.close()


def test_integrity_check_reports_a_missing_table(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    db.migrate()
    with db.begin() as s:
        s.execute(text("DROP TABLE link_test_results"))
    assert db.integrity_check() == ["missing table link_test_results"]
    db.close()
