"""The embedded daemon's files: a private log with no password in it, no token left in /tmp,
the first-run password shown once, and a failed start said in one line (and a dialog)."""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from console.shell import notices
from console.shell.launcher import LaunchError, LocalSwitchlink, sweep_stale_run_dirs
from console.shell.session import ConsoleSession


@pytest.fixture
def private_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("CONFIG", "DATA", "RUNTIME"):
        monkeypatch.setenv(f"CALLFLOOR_{name}_DIR", str(tmp_path / name.lower()))
    monkeypatch.delenv("CALLFLOOR_ADMIN_PASSWORD", raising=False)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp_path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow
def test_the_first_run_password_reaches_the_console_and_not_the_log(private_env: Path) -> None:
    os.umask(0o022)
    local = LocalSwitchlink("small", "1", log_dir=private_env / "log")
    try:
        local.start()
        assert local.session
        password = local.first_run_password
        assert password
        assert local.log_path is not None
        assert mode(private_env / "log") == 0o700
        assert mode(local.log_path) == 0o600
        time.sleep(0.5)  # let the daemon write whatever it writes after serving
        assert password not in local.log_path.read_text()
        # the hand-off (endpoint, token, password) was deleted as soon as it was read
        assert list((private_env / "tmp").glob("callfloor-*")) == []
    finally:
        local.stop()
    again = LocalSwitchlink("small", "1", log_dir=private_env / "log")
    try:
        again.start()
        assert again.first_run_password is None  # only the first run has one
    finally:
        again.stop()


@pytest.mark.slow
def test_a_bad_scenario_is_a_one_line_reason_with_the_daemons_usage_code(
    private_env: Path
) -> None:
    local = LocalSwitchlink("no-such-floor", "1", log_dir=private_env / "log")
    with pytest.raises(LaunchError) as info:
        local.start()
    assert info.value.exit_code == 2
    assert "\n" not in info.value.reason
    assert "no-such-floor" in info.value.reason
    assert not info.value.reason.startswith("switchlink: error")


def test_stale_hand_off_folders_are_swept_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / "callfloor-stale"
    stale.mkdir()
    (stale / "session.json").write_text(json.dumps({"session": "t0k3n", "pid": dead.pid}))
    live = tmp_path / "callfloor-live"
    live.mkdir()
    (live / "session.json").write_text(json.dumps({"session": "x", "pid": os.getpid()}))
    starting = tmp_path / "callfloor-console-new"  # a console starting now: no file yet
    starting.mkdir()
    left = tmp_path / "callfloor-console-left"  # its daemon removed the file on exit
    left.mkdir()
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    other = tmp_path / "callfloor-pg-x"  # another tool's folder with our prefix
    other.mkdir()
    (other / "postmaster.pid").write_text("1")
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    assert sorted(sweep_stale_run_dirs(tmp_path)) == sorted([stale, left])
    assert live.exists() and starting.exists() and not stale.exists() and not left.exists()
    assert (other / "postmaster.pid").exists()


def console_args(**overrides: object) -> argparse.Namespace:
    values = {"screenshot": None, "connect": None, "session": None, "scenario": "small",
              "speed": "1"}
    values.update(overrides)
    return argparse.Namespace(**values)


def test_a_failed_start_on_a_display_is_shown_in_a_dialog(
    qapp, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(notices, "has_real_display", lambda: True)
    monkeypatch.setattr(notices.StartErrorDialog, "exec",
                        lambda self: shown.append(self.informativeText()) or 0)
    session = ConsoleSession(console_args())
    session._start_failed(LaunchError("switchlink exited with code 2:\n…", "bad scenario", 2))
    assert shown == ["bad scenario"]
    assert session.exit_code == 2
    assert capsys.readouterr().err.strip() == \
        "callfloor: error: could not start the local switchlink: bad scenario"


def test_a_failed_start_without_a_display_is_one_line_and_no_dialog(
    qapp, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(notices.StartErrorDialog, "exec",
                        lambda self: pytest.fail("a dialog nobody can close"))
    session = ConsoleSession(console_args())
    session._start_failed(LaunchError("switchlink did not start within 30 s", "", None))
    assert session.exit_code == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_the_first_run_password_is_shown_once_with_how_to_change_it(
    qapp, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(notices, "has_real_display", lambda: True)
    monkeypatch.setattr(notices.FirstRunDialog, "open",
                        lambda self: opened.append(self.text() + self.informativeText()))
    session = ConsoleSession(console_args())
    session.local = LocalSwitchlink("small")
    session.local.first_run_password = "s3cret-Once"
    session._tell_first_run_password()
    session._tell_first_run_password()
    assert len(opened) == 1
    assert "s3cret-Once" in opened[0] and "ctl passwd" in opened[0]
    assert session.local.first_run_password is None
    session.local = None


def test_without_a_display_the_password_goes_to_the_terminal_once(
    qapp, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    session = ConsoleSession(console_args())
    session.local = LocalSwitchlink("small")
    session.local.first_run_password = "s3cret-Once"
    session._tell_first_run_password()
    session._tell_first_run_password()
    err = capsys.readouterr().err
    assert err.count("s3cret-Once") == 1 and "ctl passwd" in err
    session.local = None
