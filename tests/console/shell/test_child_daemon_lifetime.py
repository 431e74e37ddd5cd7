"""The embedded switchlink never outlives its console: SIGTERM, Ctrl+C and kill -9 alike."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def wait(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def start_console(tmp_path: Path, settle_s: float = 2.0,
                  **extra_env: str) -> tuple[subprocess.Popen[bytes], int]:
    env = dict(os.environ, **extra_env, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("CALLFLOOR_CONFIG_DIR", None)
    env.pop("CALLFLOOR_DATA_DIR", None)
    console = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--scenario", "small"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    assert wait(lambda: bool(children(console.pid)), 20), "console started no switchlink"
    (daemon,) = children(console.pid)
    time.sleep(settle_s)  # let the console connect and paint (or not, when 0)
    return console, daemon


@pytest.mark.slow
@pytest.mark.parametrize("settle_s", [2.0, 0.0], ids=["running", "starting"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signalled_console_stops_its_switchlink(
    tmp_path: Path, signum: int, settle_s: float
) -> None:
    console, daemon = start_console(tmp_path, settle_s)
    try:
        console.send_signal(signum)
        assert console.wait(20) == 0
        assert wait(lambda: not alive(daemon), 10), "switchlink outlived its console"
    finally:
        for pid in (console.pid, daemon):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
def test_a_killed_console_takes_its_switchlink_with_it(tmp_path: Path) -> None:
    console, daemon = start_console(tmp_path)
    try:
        console.kill()
        console.wait(10)
        assert wait(lambda: not alive(daemon), 10), "switchlink served on, orphaned"
    finally:
        if alive(daemon):
            os.kill(daemon, signal.SIGKILL)


@pytest.mark.slow
def test_a_killed_console_leaves_no_session_token_in_tmp(tmp_path: Path) -> None:
    """The admin token used to stay in /tmp/callfloor-*/session.json after kill -9."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    console, daemon = start_console(tmp_path, TMPDIR=str(scratch))
    try:
        # the console read the hand-off and deleted it: nothing to steal while it runs
        assert list(scratch.glob("callfloor-*/session.json")) == []
        console.kill()
        console.wait(10)
        assert wait(lambda: not alive(daemon), 10)
        assert list(scratch.glob("callfloor-*/session.json")) == []
    finally:
        if alive(daemon):
            os.kill(daemon, signal.SIGKILL)
