"""An embedded daemon: ctl finds its random port, its tokens die with it, its files are private,
and a failed start is the one line that matters."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scripted_switch import free_port_pair

from switchlink.client import CommandError, SwitchlinkClient
from switchlink.runtime import announce, choose_endpoint, running_daemons, withdraw
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[2]


# --- the endpoint announcement ---------------------------------------------------------------

def test_a_live_daemon_is_found_and_a_dead_ones_file_is_dropped(tmp_path: Path) -> None:
    mine = announce("tcp://127.0.0.1:40001", curve=True, base=tmp_path)
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700
    assert stat.S_IMODE(mine.stat().st_mode) == 0o600
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f"switchlink-{dead.pid}.json").write_text(
        json.dumps({"endpoint": "tcp://127.0.0.1:40003", "pid": dead.pid, "started": 9e9}))
    assert [d["endpoint"] for d in running_daemons(tmp_path)] == ["tcp://127.0.0.1:40001"]
    assert not (tmp_path / f"switchlink-{dead.pid}.json").exists()
    withdraw(mine)
    assert running_daemons(tmp_path) == []


def test_ctl_prefers_the_flag_then_a_live_saved_endpoint_then_the_running_daemon(
    tmp_path: Path
) -> None:
    default = "tcp://127.0.0.1:7600"
    assert choose_endpoint(None, None, default, tmp_path) == default
    assert choose_endpoint(None, "tcp://127.0.0.1:5000", default, tmp_path) == \
        "tcp://127.0.0.1:5000"
    announce("tcp://127.0.0.1:40001", curve=True, base=tmp_path)
    assert choose_endpoint(None, None, default, tmp_path) == "tcp://127.0.0.1:40001"
    # a saved session from an earlier console's daemon, long gone
    assert choose_endpoint(None, "tcp://127.0.0.1:5000", default, tmp_path) == \
        "tcp://127.0.0.1:40001"
    # another machine is never second-guessed, and the flag always wins
    assert choose_endpoint(None, "tcp://10.0.0.5:7600", default, tmp_path) == \
        "tcp://10.0.0.5:7600"
    assert choose_endpoint("tcp://127.0.0.1:1", None, default, tmp_path) == "tcp://127.0.0.1:1"


# --- the real daemon, embedded the way the console starts it ---------------------------------

@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    ensure_keys(tmp_path / "config")
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALLFLOOR_")}
    return dict(base, CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
                CALLFLOOR_DATA_DIR=str(tmp_path / "data"),
                CALLFLOOR_RUNTIME_DIR=str(tmp_path / "run"), PYTHONPATH=str(ROOT))


def embedded(env: dict[str, str], tmp_path: Path, name: str) -> tuple[subprocess.Popen[str],
                                                                       str, Path]:
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    hand_off = tmp_path / name / "session.json"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario", "small",
         "--endpoint", endpoint, "--local-session-file", str(hand_off)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not hand_off.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "switchlink did not start"
        time.sleep(0.05)
    return proc, endpoint, hand_off


def token_works(env: dict[str, str], endpoint: str, token: str) -> bool:
    keys = ensure_keys(Path(env["CALLFLOOR_CONFIG_DIR"]))
    client = SwitchlinkClient(
        endpoint, server_public_key=keys.server_public, signing_key=keys.signing_key,
        client_keys=(keys.client_public, keys.client_secret), session=token,
        command_timeout=10)
    client.connect()
    try:
        return client.call("whoami", {})["username"] == "admin"
    except CommandError as exc:
        assert exc.code == "not_authenticated", exc
        return False
    finally:
        client.close()


def ctl(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "ctl", "--session-file",
         str(Path(env["CALLFLOOR_DATA_DIR"]) / "ctl.json"), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
def test_ctl_reaches_the_embedded_daemon_without_being_told_where(
    env: dict[str, str], tmp_path: Path
) -> None:
    proc, endpoint, hand_off = embedded(env, tmp_path, "a")
    try:
        status = ctl(env, "--timeout", "20", "status", "--json")
        assert status.returncode == 0, status.stderr
        announced = list((tmp_path / "run").glob("switchlink-*.json"))
        assert [json.loads(p.read_text())["endpoint"] for p in announced] == [endpoint]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert list((tmp_path / "run").glob("switchlink-*.json")) == []  # withdrawn on exit
    assert not hand_off.exists()  # the session hand-off too


@pytest.mark.slow
def test_the_consoles_session_dies_with_its_daemon_even_after_kill_9(
    env: dict[str, str], tmp_path: Path
) -> None:
    first, endpoint, hand_off = embedded(env, tmp_path, "a")
    token = json.loads(hand_off.read_text())["session"]
    try:
        assert token_works(env, endpoint, token)
    finally:
        first.kill()  # kill -9: no clean-up code runs
        first.communicate(timeout=20)
    second, endpoint2, _ = embedded(env, tmp_path, "b")
    try:
        assert not token_works(env, endpoint2, token)
        # the dead daemon's announcement is not taken for a live one
        assert [d["endpoint"] for d in running_daemons(tmp_path / "run")] == [endpoint2]
    finally:
        second.send_signal(signal.SIGTERM)
        second.communicate(timeout=20)


@pytest.mark.slow
def test_the_data_directory_and_database_are_private(env: dict[str, str], tmp_path: Path) -> None:
    os.umask(0o022)
    proc, _, _ = embedded(env, tmp_path, "a")
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=20)
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = [p for p in data.iterdir() if p.name.startswith("callfloor.sqlite3")]
    assert files
    for item in files:
        assert stat.S_IMODE(item.stat().st_mode) == 0o600, item


@pytest.mark.slow
def test_a_failed_start_on_a_migrated_database_is_the_one_line_that_matters(
    env: dict[str, str], tmp_path: Path
) -> None:
    proc, _, _ = embedded(env, tmp_path, "a")  # first run: creates and migrates the database
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=20)
    port = free_port_pair()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario", "small",
             "--endpoint", f"tcp://127.0.0.1:{port}"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "address is already in use" in lines[0]
