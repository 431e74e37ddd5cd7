"""kill -9 of the real switchlink while it writes history, on SQLite and on PostgreSQL.

`main.py switchlink` runs the emulator fast, so finished calls, interval statistics and alarm
transitions stream into the database. The test keeps what the daemon itself answered from
its database (``history.calls`` / ``history.alarms``: committed rows) up to the moment it
kills the process with SIGKILL mid-write. Then: the database passes every integrity check
(models/persistence/integrity.py: SQLite's PRAGMAs; on PostgreSQL every foreign key, check,
NOT NULL and unique key by query, and amcheck on every btree index), every acknowledged row
is there, each call's interval statistics committed with it, and a restarted daemon on the
same database starts, serves the old history and stores calls past the kill.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from scripted_switch import free_port_pair
from sqlalchemy import text

from models.persistence import integrity
from models.persistence.database import open_database
from switchlink.client import LinkStatus, SwitchlinkClient
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "kill9-admin-password"
#: the emulator's speed: a busy morning in seconds, so the writer is never idle
SPEED = "900"
#: acknowledged calls before the kill: several of the writer's batches
ACKED_CALLS = 600


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    ensure_keys(tmp_path / "config")
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALLFLOOR_")}
    return dict(base, XDG_DATA_HOME=str(tmp_path / "xdg-data"),
                XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
                XDG_STATE_HOME=str(tmp_path / "xdg-state"),
                CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
                CALLFLOOR_ADMIN_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'history.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def daemons(env: dict[str, str]) -> Iterator[Callable[[str, str], subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []

    def start(url: str, endpoint: str) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario", "default",
             "--speed", SPEED, "--db", url, "--endpoint", endpoint],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def _client(env: dict[str, str], endpoint: str, proc: subprocess.Popen[str]) -> SwitchlinkClient:
    keys = ensure_keys(Path(env["CALLFLOOR_CONFIG_DIR"]))
    client = SwitchlinkClient(endpoint, server_public_key=keys.server_public,
                              client_keys=(keys.client_public, keys.client_secret),
                              signing_key=keys.signing_key, command_timeout=20)
    client.connect()
    if not client.wait_until(lambda: client.link_status is LinkStatus.LIVE, 60):
        client.close()
        proc.kill()
        pytest.fail(f"switchlink never went live: {proc.communicate()[1][-2000:]}")
    client.login("admin", PASSWORD)
    return client


def _all(client: SwitchlinkClient, command: str, time_key: str) -> list[dict[str, Any]]:
    """Every row of a paged history command, newest first, paging back by time (``until``).

    Paging by time, not offset, so rows written meanwhile (newer) never shift the pages.
    """
    rows: list[dict[str, Any]] = []
    args: dict[str, Any] = {"limit": 1000}
    while True:
        page = client.call(command, args)
        rows += page
        if len(page) < args["limit"]:
            return rows
        args["until"] = min(r[time_key] for r in page)


def _acknowledged(client: SwitchlinkClient) -> tuple[dict[str, float], set[int]]:
    """Calls (id -> arrival) and alarm-log rows the daemon answered from its database."""
    calls = _all(client, "history.calls", "arrived_at")
    alarms = _all(client, "history.alarms", "at")
    return {c["call_id"]: c["arrived_at"] for c in calls}, {a["id"] for a in alarms}


def _stored(url: str) -> dict[str, Any]:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            calls = {r[0]: r[1] for r in conn.execute(text(
                "SELECT call_id, max(arrived_at) FROM call_records GROUP BY call_id"))}
            rows = conn.execute(text("SELECT count(*) FROM call_records")).scalar()
            inbound = conn.execute(text(
                "SELECT count(*) FROM call_records WHERE direction = 'inbound'")).scalar()
            offered = conn.execute(text(
                "SELECT coalesce(sum(offered), 0) FROM interval_stats")).scalar()
            alarm_ids = {r[0] for r in conn.execute(text("SELECT id FROM alarm_log"))}
        report = integrity.check(db, install_amcheck=True)
    finally:
        db.close()
    return {"calls": calls, "rows": rows, "inbound": inbound, "offered": offered,
            "alarm_ids": alarm_ids, "report": report}


def _assert_whole(url: str, calls: dict[str, float], alarm_ids: set[int]) -> dict[str, Any]:
    stored = _stored(url)
    report = stored["report"]
    assert report.problems == [], report.problems
    if url.startswith("postgresql"):
        assert report.checked["foreign keys"] > 0
        assert report.checked["btree indexes (amcheck)"] > 0, report.notes
    lost = set(calls) - set(stored["calls"])
    assert not lost, f"{len(lost)} of {len(calls)} acknowledged calls lost, e.g. {sorted(lost)[:5]}"
    lost_alarms = alarm_ids - stored["alarm_ids"]
    assert not lost_alarms, f"acknowledged alarm-log rows lost: {sorted(lost_alarms)[:10]}"
    # a call and its interval statistics are one transaction: never one without the other
    assert stored["offered"] == stored["inbound"], stored
    return stored


@pytest.mark.slow
def test_kill_9_of_switchlink_under_write_load_keeps_every_committed_row_and_it_carries_on(
    env: dict[str, str], db_url: str, daemons: Callable[[str, str], subprocess.Popen[str]],
) -> None:
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    proc = daemons(db_url, endpoint)
    client = _client(env, endpoint, proc)
    try:
        calls: dict[str, float] = {}
        alarm_ids: set[int] = set()
        deadline = time.monotonic() + 120
        while len(calls) < ACKED_CALLS:
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert time.monotonic() < deadline, f"only {len(calls)} calls stored in 120 s"
            calls, alarm_ids = _acknowledged(client)
            time.sleep(0.2)
        # still writing: more calls land while we look, so the kill hits a busy writer
        before = len(calls)
        while len(calls) == before:
            calls, alarm_ids = _acknowledged(client)
        # a batch commits at most 0.5 s after its first row: land anywhere in that cycle
        time.sleep(random.uniform(0.0, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        client.close()
    assert proc.returncode == -signal.SIGKILL
    assert alarm_ids, "no alarm transition was written before the kill"
    stored = _assert_whole(db_url, calls, alarm_ids)
    last_before_kill = max(stored["calls"].values())
    print(f"\n{db_url.split(':')[0]}: killed after {len(calls)} acknowledged calls and "
          f"{len(alarm_ids)} alarm steps; {len(stored['calls'])} calls stored "
          f"({len(stored['calls']) - len(calls)} committed after the last answer); integrity "
          f"checked {stored['report'].checked}")

    restarted = daemons(db_url, endpoint)
    client = _client(env, endpoint, restarted)
    try:
        served, _ = _acknowledged(client)
        assert set(calls) <= set(served)  # the old history is served again

        def past_the_kill() -> bool:
            newest = client.call("history.calls", {"limit": 1})
            return bool(newest) and newest[0]["arrived_at"] > last_before_kill

        deadline = time.monotonic() + 180
        while not past_the_kill():  # new calls, later than anything stored before the kill
            assert restarted.poll() is None, restarted.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the restarted switchlink stored no new calls"
            time.sleep(0.5)
    finally:
        client.close()
    restarted.send_signal(signal.SIGTERM)
    _, err = restarted.communicate(timeout=30)
    assert restarted.returncode == 0 and "Traceback" not in err, err[-2000:]
    after = _assert_whole(db_url, calls, alarm_ids)
    assert after["rows"] > stored["rows"]
    print(f"restarted: {after['rows'] - stored['rows']} more call rows, clean SIGTERM")
