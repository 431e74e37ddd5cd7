"""``ctl users``: an administrator sees lockouts, lifts one, disables and enables a user."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from scripted_switch import PASSWORD, Running, start_server

from switchlink.ctl import main as ctl
from switchlink.services.users.auth import AuthError


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = start_server(tmp_path)
    yield r
    r.stop()


def run_ctl(running: Running, tmp_path: Path, *argv: str) -> tuple[int, str]:
    """``main.py ctl ARGV`` in this process; its exit code."""
    parser = argparse.ArgumentParser()
    ctl.add_arguments(parser)
    args = parser.parse_args(["--endpoint", running.endpoint, "--config-dir",
                              str(tmp_path / "config"), "--session-file",
                              str(tmp_path / "session.json"), *argv])
    return ctl.run(args), ""


def test_an_admin_sees_a_lockout_and_lifts_it(
    running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CALLFLOOR_PASSWORD", "wrong guess")
    for _ in range(5):
        assert run_ctl(running, tmp_path, "login", "sup")[0] == 1
    assert run_ctl(running, tmp_path, "login", "sup")[0] == 1
    assert "locked_out" in capsys.readouterr().err
    monkeypatch.setenv("CALLFLOOR_PASSWORD", PASSWORD)
    assert run_ctl(running, tmp_path, "login", "admin")[0] == 0
    capsys.readouterr()
    assert run_ctl(running, tmp_path, "users", "lockouts", "--json")[0] == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["subject"] == "sup" and r["locked"] for r in rows)
    assert run_ctl(running, tmp_path, "users", "lockouts")[0] == 0
    table = capsys.readouterr().out
    assert "LOCKED UNTIL" in table and "sup" in table
    assert run_ctl(running, tmp_path, "users", "unlock", "--user", "sup")[0] == 0
    assert "user sup unlocked" in capsys.readouterr().out
    assert running.authenticator.login("sup", PASSWORD).username == "sup"


def test_an_admin_disables_and_enables_a_user(
    running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    token = running.authenticator.login("qi", PASSWORD).token
    monkeypatch.setenv("CALLFLOOR_PASSWORD", PASSWORD)
    assert run_ctl(running, tmp_path, "login", "admin")[0] == 0
    assert run_ctl(running, tmp_path, "users", "disable", "qi")[0] == 0
    assert "qi disabled (open sessions ended)" in capsys.readouterr().out
    with pytest.raises(AuthError, match=r"expired or is unknown"):
        running.authenticator.session(token)
    assert run_ctl(running, tmp_path, "users", "list", "--json")[0] == 0
    users = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert users["qi"]["disabled"] is True
    assert run_ctl(running, tmp_path, "users", "enable", "qi")[0] == 0
    assert run_ctl(running, tmp_path, "users", "unlock", "--user", "nobody")[0] == 1
    assert "unknown_target" in capsys.readouterr().err
