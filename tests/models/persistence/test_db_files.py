"""The SQLite file: private (0600, with its -wal/-shm), never in a directory made up on the fly,
and migrations that say one line when they change something and nothing otherwise."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from models.persistence.database import DatabaseConfigError, open_database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_are_0600(tmp_path: Path) -> None:
    os.umask(0o022)  # the usual umask, which gave 0644 before
    path = tmp_path / "callfloor.sqlite3"
    db = open_database(f"sqlite:///{path}")
    try:
        db.migrate()
        with db.begin() as session:  # a write, so the -wal and -shm exist
            session.execute(text("CREATE TABLE scratch (x INTEGER)"))
        for item in (path, path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
            assert item.exists(), item
            assert mode(item) == 0o600, (item, oct(mode(item)))
    finally:
        db.close()


def test_an_existing_world_readable_database_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(f"sqlite:///{path}")
    db.migrate()
    db.close()
    path.chmod(0o644)
    open_database(f"sqlite:///{path}").close()
    assert mode(path) == 0o600


def test_a_missing_directory_is_refused_not_created(tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.db"
    with pytest.raises(DatabaseConfigError, match="does not exist"):
        open_database(f"sqlite:///{target}")
    assert not target.parent.exists()


def test_an_empty_url_is_refused() -> None:
    with pytest.raises(DatabaseConfigError, match="--db is empty"):
        open_database("")


def test_migrations_say_one_line_when_they_change_something_and_nothing_otherwise(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    with caplog.at_level(logging.INFO):
        db = open_database(url)
        db.migrate()
        db.close()
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert len(lines) == 1 and "migrated from empty to" in lines[0], lines
    caplog.clear()
    with caplog.at_level(logging.INFO):
        db = open_database(url)
        db.migrate()
        db.close()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO] == []
