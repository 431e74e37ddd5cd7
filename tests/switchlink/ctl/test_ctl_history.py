"""End to end: a real switchlink on the emulator writes history; `ctl` reads it back.

Each test isolates its directories (XDG_* and CALLFLOOR_* point into tmp_path), so the
real user data directory is never touched.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests" / "switchlink"))
from scripted_switch import free_port_pair  # noqa: E402

PASSWORD = "e2e-admin-password"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    ensure_keys(tmp_path / "config")
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALLFLOOR_")}
    return dict(
        base,
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
        CALLFLOOR_ADMIN_PASSWORD=PASSWORD,
        PYTHONPATH=str(ROOT),
    )


def main(env: dict[str, str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env, input=stdin,
        capture_output=True, text=True, timeout=60,
    )
    return proc.returncode, proc.stdout, proc.stderr


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"switchlink exited early: {proc.communicate()[1][-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.2)


@pytest.fixture
def run_daemon(env: dict[str, str]) -> Iterator[Callable[..., tuple[str, subprocess.Popen[str]]]]:
    procs: list[subprocess.Popen[str]] = []

    def start(*args: str) -> tuple[str, subprocess.Popen[str]]:
        endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario", "small",
             "--speed", "600", "--endpoint", endpoint, *args],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        procs.append(proc)
        return endpoint, proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def _calls_stored(url: str) -> Callable[[], bool]:
    def check() -> bool:
        if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
            return False
        db = open_database(url)
        try:
            return db.current_revision() is not None and CallRepository(db).count() >= 5
        except Exception:  # not migrated yet
            return False
        finally:
            db.close()

    return check


def _history_through_ctl(env: dict[str, str], endpoint: str) -> None:
    ctl = ("ctl", "--endpoint", endpoint, "--session-file", env["XDG_DATA_HOME"] + "/ctl.json")
    code, out, err = main(env, *ctl, "calls")
    assert code == 1 and "not_authenticated" in err  # history needs a login
    code, out, err = main(env, *ctl, "login", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    code, out, err = main(env, *ctl, "calls", "--json", "--limit", "5")
    assert code == 0, err
    calls = json.loads(out)
    assert len(calls) == 5 and all(c["ended_at"] >= c["arrived_at"] for c in calls)
    code, out, err = main(env, *ctl, "calls", "--number", calls[0]["caller"])
    assert code == 0, err
    assert out.split()[:5] == ["CALL", "ARRIVED", "(SWITCH", "CLOCK)", "CALLER"]
    assert calls[0]["call_id"] in out
    day = datetime.fromtimestamp(calls[0]["arrived_at"]).date().isoformat()
    code, out, err = main(env, *ctl, "intervals", "--day", day, "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert sum(r["offered"] for r in rows) >= 5
    code, out, err = main(env, *ctl, "intervals", "--day", day)
    assert code == 0 and out.split()[:5] == ["QUEUE", "START", "(SWITCH", "CLOCK)", "OFFERED"]
    code, out, err = main(env, *ctl, "audit", "--action", "login", "--json")
    assert code == 0 and json.loads(out)[0]["user"] == "admin"
    code, out, err = main(env, *ctl, "alarm-history")
    assert code == 0 and ("STEP" in out or out.strip() == "(none)"), err
    code, out, err = main(env, *ctl, "alarms", "--json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out, err = main(env, *ctl, "ack", "no-such-alarm", "--note", "x")
    assert code == 1 and "unknown_target" in err
    code, out, err = main(env, *ctl, "calls", "--since", "yesterday-ish")
    assert code == 2 and "not a time" in err


@pytest.mark.slow
def test_emulator_calls_land_in_the_default_sqlite_file_and_ctl_reads_them(
    env: dict[str, str], run_daemon: Callable[..., tuple[str, subprocess.Popen[str]]],
) -> None:
    endpoint, proc = run_daemon()
    # no --db and no --data-dir: the platform's user data dir (here inside tmp via XDG)
    db_file = Path(env["XDG_DATA_HOME"]) / "callfloor" / "callfloor.sqlite3"
    wait_for(_calls_stored(f"sqlite:///{db_file}"), proc, 60)
    _history_through_ctl(env, endpoint)
    _tests_and_alarms_are_recorded(env, endpoint, f"sqlite:///{db_file}", proc)


def _tests_and_alarms_are_recorded(
    env: dict[str, str], endpoint: str, url: str, proc: subprocess.Popen[str]
) -> None:
    """A board self-test lands in link_test_results; a failed board's alarm in the alarm log."""
    from models.persistence.linktests import LinkTestRepository

    ctl = ("ctl", "--endpoint", endpoint, "--session-file", env["XDG_DATA_HOME"] + "/ctl.json")
    code, out, err = main(env, *ctl, "--timeout", "20", "links", "--json")
    assert code == 0, err
    board = next(r["id"] for r in json.loads(out) if r["id"].startswith("board/"))[6:]
    code, _, err = main(env, *ctl, "call", "self_test", json.dumps({"board": board}))
    assert code == 0, err
    code, _, err = main(env, *ctl, "call", "inject_fault",
                        json.dumps({"kind": "board_failure", "target": board}))
    assert code == 0, err
    db = open_database(url)
    try:
        wait_for(lambda: bool(LinkTestRepository(db).recent(board)), proc, 30)
    finally:
        db.close()

    def alarm_logged() -> bool:
        code, out, _ = main(env, *ctl, "alarm-history", "--json")
        return code == 0 and any(r["transition"] == "raised" for r in json.loads(out))

    wait_for(alarm_logged, proc, 30)


@pytest.mark.postgres
@pytest.mark.slow
def test_emulator_calls_land_in_postgresql_and_ctl_reads_them(
    env: dict[str, str], run_daemon: Callable[..., tuple[str, subprocess.Popen[str]]],
    postgres_url: str,
) -> None:
    endpoint, proc = run_daemon("--db", postgres_url)
    wait_for(_calls_stored(postgres_url), proc, 60)
    _history_through_ctl(env, endpoint)


def test_a_database_newer_than_the_code_is_refused_in_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'future.db'}"
    db = open_database(url)
    db.migrate()
    with db.begin() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.close()
    code, _, err = main(env, "switchlink", "--scenario", "small", "--db", url, "--endpoint",
                      f"tcp://127.0.0.1:{free_port_pair()}")
    assert code == 1 and "Traceback" not in err
    [line] = [ln for ln in err.splitlines() if ln.startswith("switchlink: error")]
    assert "newer than this callfloor knows" in line


@pytest.mark.parametrize(
    ("url", "message"),
    [("mysql://u@h/db", "unsupported database 'mysql'"), ("not a url", "not a database URL")],
)
def test_an_unusable_db_url_is_one_clear_line(
    env: dict[str, str], url: str, message: str
) -> None:
    code, _, err = main(env, "switchlink", "--scenario", "small", "--db", url)
    assert code == 2 and message in err and "Traceback" not in err  # a usage error
