"""Opening the database: URL choice, SQLite pragmas, BEGIN IMMEDIATE, migrations, checks.

SQLite follows the pysqlite recipe from the SQLAlchemy docs: the driver's own transaction
handling is switched off (``isolation_level = None``) and we emit ``BEGIN IMMEDIATE``
ourselves, so a write transaction takes the write lock up front instead of failing with
"database is locked" when a deferred read turns into a write. Read-only units of work
(:meth:`Database.read`) begin deferred so they never wait for the writer (WAL).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

#: File name of the default database in the user data directory.
DEFAULT_FILE = "callfloor.sqlite3"
#: How long an SQLite connection waits for a lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000
_READ_OPTION = "callfloor_read_only"


class DatabaseError(Exception):
    """A database problem a user can act on; the message is one clear line."""


class DatabaseConfigError(DatabaseError):
    """The database URL is malformed or names an unsupported database."""


class SchemaTooNew(DatabaseError):
    """The database was migrated by a newer callfloor than this one."""


def default_url() -> str:
    """The SQLite file in the user data directory (created if missing)."""
    import platformdirs

    directory = Path(platformdirs.user_data_dir("callfloor"))
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return f"sqlite:///{directory / DEFAULT_FILE}"


def normalise_url(url: str) -> URL:
    """Parse ``url`` and pick our drivers (psycopg 3 for PostgreSQL); clear errors otherwise."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseConfigError(
            f"--db {url!r}: not a database URL; expected sqlite:///PATH or "
            "postgresql://USER@HOST:PORT/DBNAME"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    raise DatabaseConfigError(
        f"--db {url!r}: unsupported database {backend!r}; callfloor runs on sqlite or postgresql"
    )


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # take transaction control away from pysqlite (SQLAlchemy's documented recipe)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit survives power loss too, not only a killed process; the writer
        # batches rows so this costs one fsync per batch
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get(_READ_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _migrations_config(connection: Any = None) -> Config:
    cfg = Config()
    location = resources.files("models.persistence") / "migrations"
    cfg.set_main_option("script_location", str(location))
    cfg.attributes["connection"] = connection
    return cfg


@contextmanager
def _alembic_quiet() -> Iterator[None]:
    """Alembic logs at WARNING and above only, unless our own logging is at DEBUG."""
    alembic_log = logging.getLogger("alembic")
    saved = alembic_log.level
    if not log.isEnabledFor(logging.DEBUG):
        alembic_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        alembic_log.setLevel(saved)


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(_migrations_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """One database: an engine plus units of work; the only door to the tables."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read_engine = engine.execution_options(**{_READ_OPTION: True})
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self._read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A write unit of work: commits on success, rolls back on error (BEGIN IMMEDIATE)."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work that never takes SQLite's write lock."""
        with self._read_sessions() as session:
            yield session

    def session(self) -> Session:
        """A bare session for callers that manage the transaction themselves."""
        return self._sessions()

    # --- schema -----------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        """The revision the database is at; None for an empty (never migrated) database."""
        with _alembic_quiet(), self._read_engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def migrate(self, revision: str = "head") -> None:
        """Upgrade to ``revision`` (head by default); refuse a database newer than this code.

        Alembic's own INFO chatter (plugins, context, one line per step) is held back unless
        debugging; one line says what changed, and nothing is said when nothing did.
        """
        self.check_not_too_new()
        before = self.current_revision()
        with _alembic_quiet(), self.engine.begin() as conn:
            command.upgrade(_migrations_config(conn), revision)
        after = self.current_revision()
        if after != before:
            log.info("database %s migrated from %s to %s", self.describe(),
                     before or "empty", after)

    def downgrade(self, revision: str) -> None:
        """Downgrade to ``revision`` (``"base"`` empties the schema)."""
        self.check_not_too_new()
        with self.engine.begin() as conn:
            command.downgrade(_migrations_config(conn), revision)

    def check_not_too_new(self) -> None:
        """Raise :class:`SchemaTooNew` when the database's revision is unknown here."""
        current = self.current_revision()
        if current is None:
            return
        script = ScriptDirectory.from_config(_migrations_config())
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise SchemaTooNew(
                f"database {self.describe()} has schema revision {current!r}, newer than this "
                f"callfloor knows (head {script.get_current_head()!r}); upgrade callfloor or "
                "choose another --db"
            )

    def integrity_check(self) -> list[str]:
        """Problems found (empty when healthy): every row against every constraint, see
        :mod:`models.persistence.integrity` (SQLite's own checks; PostgreSQL by query)."""
        from models.persistence.integrity import check

        return check(self).problems

    def describe(self) -> str:
        """The URL without its password, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def _private_sqlite_file(path: Path, url: str | None) -> None:
    """Refuse a missing directory; create the file 0600 and tighten one we own to 0600.

    The database holds password hashes, the audit trail and caller numbers. SQLite gives its
    -wal, -shm and -journal files the database file's mode, so 0600 here covers them too.
    A typo'd directory is refused rather than created: it would silently start a fresh
    database (with a new admin) somewhere nobody looks.
    """
    what = f"--db {url!r}" if url else f"database {path}"
    if not path.parent.is_dir():
        raise DatabaseConfigError(
            f"{what}: directory {path.parent} does not exist (create it first)")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)  # an empty file is an empty SQLite database
        return
    except FileExistsError:
        pass
    except OSError as exc:
        raise DatabaseConfigError(f"{what}: cannot create {path}: {exc.strerror}") from None
    for item in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        try:
            info = item.stat()
            if info.st_uid == os.getuid() and info.st_mode & 0o077:
                item.chmod(0o600)
                log.info("%s was readable by others: now 0600", item)
        except OSError:
            continue


def open_database(url: str | None = None, *, echo: bool = False) -> Database:
    """Open (not migrate) the database at ``url``; None means the default SQLite file."""
    if url is not None and not url.strip():
        raise DatabaseConfigError("--db is empty; give sqlite:///PATH or postgresql://... "
                                  "or leave it out for the default file")
    parsed = normalise_url(url or default_url())
    try:
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                _private_sqlite_file(Path(parsed.database).expanduser(), url)
            engine = create_engine(
                parsed, echo=echo, connect_args={"check_same_thread": False}
            )
            _sqlite_hooks(engine)
        else:
            engine = create_engine(parsed, echo=echo, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise DatabaseConfigError(f"cannot open database {url!r}: {exc}") from None
    return Database(engine)
