"""A real PostgreSQL server for tests: initdb into a temp dir, start on a free local port, stop.

Needs Debian's ``postgresql`` package (``/usr/lib/postgresql/<version>/bin``). Without it the
tests skip with the reason; with ``CI=true`` they fail instead, since CI installs it.
As root the server runs as the ``postgres`` user, because postgres refuses to run as root.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_db_counter = itertools.count(1)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason} (install Debian package 'postgresql')")


def find_pg_bin() -> Path | None:
    """The newest installed PostgreSQL bin directory holding initdb and pg_ctl."""
    def version(path: str) -> int:
        name = Path(path).parent.parent.name
        return int(name) if name.isdigit() else 0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Start a throw-away server; yields its admin URL without a database name."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        _unavailable("initdb not found under /usr/lib/postgresql/*/bin or on PATH")
    assert bin_dir is not None
    prefix: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="callfloor-pg-"))
    if os.geteuid() == 0:
        try:
            shutil.chown(workdir, user="postgres", group="postgres")
        except (LookupError, OSError) as exc:
            shutil.rmtree(workdir, ignore_errors=True)
            _unavailable(f"running as root and cannot hand the data dir to user postgres: {exc}")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = workdir / "data", workdir / "server.log"
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = (
            f"-c port={port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={workdir} -c max_connections=50"
        )
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace").strip()
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL ({exc.cmd[len(prefix)]}): {detail}\n{tail}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(workdir, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A fresh, empty database on the server; returns its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_db_counter)}"
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """URL of a fresh, empty database on the session's PostgreSQL server."""
    return create_database(postgres_server)
