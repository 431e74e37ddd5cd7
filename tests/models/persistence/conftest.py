"""A migrated database per test, on SQLite and (when installed) on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.persistence.database import Database, open_database

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'callfloor.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=BACKENDS)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An opened, never migrated database."""
    db = open_database(backend_url(request, tmp_path))
    yield db
    db.close()


@pytest.fixture
def db(empty_db: Database) -> Database:
    """A database migrated to head."""
    empty_db.migrate()
    return empty_db
