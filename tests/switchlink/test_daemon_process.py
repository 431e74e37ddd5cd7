"""The real daemon process on the loopback emulator: kill -9, restart, start errors, ctl codes."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from scripted_switch import free_port_pair

from switchlink.client import LinkStatus, SwitchlinkClient
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[2]
RUNNER = (
    "import argparse, importlib, sys; m = importlib.import_module(sys.argv[1]); "
    "p = argparse.ArgumentParser(); m.add_arguments(p); sys.exit(m.run(p.parse_args(sys.argv[2:])))"
)
ADMIN_PASSWORD = "test-admin-pw-1"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    ensure_keys(tmp_path / "config")  # first-run key creation, done before any process races
    return dict(
        os.environ,
        CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
        CALLFLOOR_DATA_DIR=str(tmp_path / "data"),
        CALLFLOOR_ADMIN_PASSWORD=ADMIN_PASSWORD,
        PYTHONPATH=str(ROOT),
    )


@pytest.fixture
def endpoint() -> str:
    return f"tcp://127.0.0.1:{free_port_pair()}"


def spawn(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, "switchlink.daemon", "--scenario", "small", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def run_module(
    env: dict[str, str], module: str, *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, module, *args], cwd=ROOT, env=env, input=stdin,
        capture_output=True, text=True, timeout=60,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def daemon(env: dict[str, str], endpoint: str) -> Iterator[subprocess.Popen[str]]:
    proc = spawn(env, "--endpoint", endpoint)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=10)


def client_for(env: dict[str, str], endpoint: str) -> SwitchlinkClient:
    keys = ensure_keys(Path(env["CALLFLOOR_CONFIG_DIR"]))
    client = SwitchlinkClient(
        endpoint, server_public_key=keys.server_public,
        client_keys=(keys.client_public, keys.client_secret), signing_key=keys.signing_key,
    )
    client.connect()
    return client


@pytest.mark.slow
def test_kill_9_is_noticed_within_3_s_and_a_restart_resyncs_by_itself(
    env: dict[str, str], endpoint: str, daemon: subprocess.Popen[str]
) -> None:
    client = client_for(env, endpoint)
    try:
        assert client.wait_until(lambda: client.link_status is LinkStatus.LIVE, 30)
        first_epoch = client.mirror.epoch
        assert client.mirror.items("agent/")
        daemon.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        assert client.wait_until(lambda: client.link_status is LinkStatus.LOST, 5)
        # three missed heartbeats after the last one heard, checked every 50 ms
        assert time.monotonic() - killed <= 3.2
        restarted = spawn(env, "--endpoint", endpoint)
        try:
            def resynced() -> bool:
                return client.link_status is LinkStatus.LIVE and client.mirror.epoch != first_epoch

            assert client.wait_until(resynced, 30), "no resync with the restarted daemon"
            assert client.mirror.items("agent/")
        finally:
            restarted.send_signal(signal.SIGTERM)
            restarted.communicate(timeout=10)
    finally:
        client.close()


def test_sigterm_shuts_down_cleanly(env: dict[str, str], endpoint: str,
                                    daemon: subprocess.Popen[str]) -> None:
    client = client_for(env, endpoint)
    try:
        assert client.wait_until(lambda: client.link_status is LinkStatus.LIVE, 30)
    finally:
        client.close()
    daemon.send_signal(signal.SIGTERM)
    _, err = daemon.communicate(timeout=10)
    assert daemon.returncode == 0
    assert "switchlink stopped" in err and "Traceback" not in err


def test_a_taken_port_fails_with_one_clear_line(env: dict[str, str], endpoint: str) -> None:
    import zmq

    blocker = zmq.Context.instance().socket(zmq.REP)
    blocker.bind(endpoint)
    try:
        code, _, err = run_module(env, "switchlink.daemon", "--scenario", "small",
                                  "--endpoint", endpoint)
    finally:
        blocker.close(0)
    assert code == 1
    assert "already in use" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--adapter", "acme"], 2, "no adapter named 'acme'"),
        (["--scenario", "no-such-scenario"], 2, "no-such-scenario"),
        (["--no-curve", "--endpoint", "tcp://0.0.0.0:7999"], 2, "without CURVE"),
        (["--endpoint", "tcp://127.0.0.1"], 2, "port"),
    ],
)
def test_start_errors_are_one_line_and_usage_errors_exit_2(
    env: dict[str, str], args: list[str], code: int, message: str
) -> None:
    rc, _, err = run_module(env, "switchlink.daemon", *args)
    assert rc == code
    assert message in err and "Traceback" not in err


@pytest.mark.slow
def test_ctl_exit_codes_tables_and_json(
    env: dict[str, str], endpoint: str, daemon: subprocess.Popen[str], tmp_path: Path
) -> None:
    ctl = ("switchlink.ctl", "--endpoint", endpoint)
    code, out, _ = run_module(env, *ctl, "--timeout", "20", "status", "--json")
    assert code == 0 and json.loads(out)["adapter"] == "loopback"
    code, out, _ = run_module(env, *ctl, "agents")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["AGENT", "NAME", "TEAM"]
    code, out, _ = run_module(env, *ctl, "snapshot", "--json")
    assert code == 0 and any(k.startswith("queue/") for k in json.loads(out)["state"])
    code, out, _ = run_module(env, *ctl, "watch", "--count", "3", "--json")
    assert code == 0 and len(out.splitlines()) == 3
    code, _, err = run_module(env, *ctl, "force-state", "1001", "ready", "--reason", "x")
    assert code == 1 and "not_authenticated" in err
    code, out, _ = run_module(env, *ctl, "login", "admin", "--password-stdin",
                              stdin=ADMIN_PASSWORD + "\n")
    assert code == 0 and "admin" in out
    agent = json.loads(run_module(env, *ctl, "agents", "--json")[1])[0]["agent"]
    code, out, err = run_module(env, *ctl, "force-state", agent, "not-ready", "--reason", "drill")
    assert code == 1 and "reason_code missing" in err, "a not-ready needs a reason code"
    code, out, err = run_module(env, *ctl, "force-state", agent, "not-ready", "--reason", "drill",
                                "--code", "meeting")
    assert code == 0, err
    code, _, _ = run_module(env, *ctl, "force-state", agent, "sideways", "--reason", "x")
    assert code == 2
    other = f"tcp://127.0.0.1:{free_port_pair()}"
    code, _, err = run_module(env, "switchlink.ctl", "--endpoint", other, "--timeout", "1",
                              "status")
    assert code == 3 and "link down" in err


def test_local_session_file_logs_a_local_console_in_as_admin(
    env: dict[str, str], endpoint: str, tmp_path: Path
) -> None:
    session_file = tmp_path / "local-session.json"
    proc = spawn(env, "--endpoint", endpoint, "--local-session-file", str(session_file))
    client = client_for(env, endpoint)
    try:
        assert client.wait_until(lambda: client.link_status is LinkStatus.LIVE, 30)
        assert stat.S_IMODE(session_file.stat().st_mode) == 0o600
        data = json.loads(session_file.read_text())
        assert data["endpoint"] == endpoint
        client.session = data["session"]
        assert client.call("whoami", {})["role"] == "admin"
    finally:
        client.close()
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=10)


def test_with_a_database_users_and_audit_live_there(
    env: dict[str, str], endpoint: str, tmp_path: Path
) -> None:
    from models.persistence.database import open_database
    from models.persistence.users import AuditRepository

    url = f"sqlite:///{tmp_path / 'floor.db'}"
    proc = spawn(env, "--endpoint", endpoint, "--db", url)
    client = client_for(env, endpoint)
    try:
        assert client.wait_until(lambda: client.link_status is LinkStatus.LIVE, 30)
        client.login("admin", ADMIN_PASSWORD)
        agent = next(iter(client.mirror.items("agent/").values()))["work_number"]
        client.call("set_agent_state", {"agent": agent, "state": "not-ready", "reason": "db",
                                         "reason_code": "other"})
    finally:
        client.close()
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=10)
    db = open_database(url)
    try:
        (entry,) = AuditRepository(db).search(action="set_agent_state")
        assert (entry.user, entry.target, entry.reason) == ("admin", agent, "db")
    finally:
        db.close()
