"""The daemon and its database: first-run admin, the config file's ``db`` key, local session."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from scripted_switch import free_port_pair

from models.persistence.database import open_database
from models.persistence.users import UserRepository
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    ensure_keys(tmp_path / "config")
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALLFLOOR_")}
    return dict(base, CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
                CALLFLOOR_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))


class Daemon:
    """One switchlink child whose stderr goes to a file we can read while it runs."""

    def __init__(self, env: dict[str, str], tmp_path: Path, *args: str) -> None:
        self.endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
        self.ready = tmp_path / f"session-{self.endpoint.rsplit(':', 1)[1]}.json"
        self.log = self.ready.with_suffix(".log")
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario", "small",
                 "--endpoint", self.endpoint, "--local-session-file", str(self.ready), *args],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
            )
        deadline = time.monotonic() + 60
        while not self.ready.exists():  # written once the daemon serves
            assert self.proc.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, "switchlink did not start"
            time.sleep(0.1)

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=20)
        return self.log.read_text()


@pytest.fixture
def daemons(env: dict[str, str], tmp_path: Path) -> Iterator[list[Daemon]]:
    started: list[Daemon] = []
    yield started
    for d in started:
        d.stop()


def _ctl(env: dict[str, str], d: Daemon, *args: str, stdin: str = "") -> tuple[int, str, str]:
    session = str(Path(env["CALLFLOOR_DATA_DIR"]) / "ctl.json")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "ctl", "--endpoint", d.endpoint,
         "--session-file", session, *args],
        cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=60,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.slow
def test_first_run_hands_the_admin_password_to_the_console_once_never_to_the_log(
    env: dict[str, str], tmp_path: Path, daemons: list[Daemon]
) -> None:
    first = Daemon(env, tmp_path)
    daemons.append(first)
    password = json.loads(first.ready.read_text())["first_run_password"]
    # an embedded daemon's stderr is the console's log file: no secret there
    assert password not in first.log.read_text()
    assert "first run" not in first.log.read_text()
    code, _, err = _ctl(env, first, "login", "admin", "--password-stdin", stdin=password + "\n")
    assert code == 0, err
    code, _, err = _ctl(env, first, "passwd", "--password-stdin", stdin="my-own-password\n")
    assert code == 0, err
    assert "Traceback" not in first.stop()
    second = Daemon(env, tmp_path)
    daemons.append(second)
    code, _, _ = _ctl(env, second, "login", "admin", "--password-stdin", stdin=password + "\n")
    assert code == 1  # the printed password was only good until changed
    code, _, err = _ctl(env, second, "login", "admin", "--password-stdin",
                        stdin="my-own-password\n")
    assert code == 0, err
    assert "first_run_password" not in second.ready.read_text()
    assert "first run" not in second.stop()


@pytest.mark.slow
def test_a_standalone_first_run_prints_the_password_on_its_terminal(
    env: dict[str, str], tmp_path: Path
) -> None:
    endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario", "small",
         "--endpoint", endpoint], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        # read until the notice's last line, however many log lines come first (a fixed count
        # blocked for ever once a start-up log line went away)
        while len(lines) < 40 and "ctl passwd" not in "".join(lines):
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=20)
    match = re.search(r"created user 'admin' with password (\S+)", "".join(lines))
    assert match, lines
    assert "ctl passwd" in "".join(lines)


def test_the_config_file_db_key_selects_the_database(
    env: dict[str, str], tmp_path: Path, daemons: list[Daemon]
) -> None:
    db_file = tmp_path / "site.sqlite3"
    config = tmp_path / "switchlink.toml"
    config.write_text(f'[switchlink]\ndb = "sqlite:///{db_file}"\n')
    d = Daemon(dict(env, CALLFLOOR_ADMIN_PASSWORD="cfg-admin-pw"), tmp_path, "--config",
               str(config))
    daemons.append(d)
    session = json.loads(d.ready.read_text())
    assert session["username"] == "admin"
    db = open_database(f"sqlite:///{db_file}")
    try:
        assert [u.username for u in UserRepository(db).list()] == ["admin"]
    finally:
        db.close()
    assert not (Path(env["CALLFLOOR_DATA_DIR"]) / "callfloor.sqlite3").exists()
