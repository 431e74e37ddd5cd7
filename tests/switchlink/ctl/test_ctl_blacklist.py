"""End to end: a real switchlink on the emulator enforces what `ctl blacklist` keeps.

Harassers (a scenario's ``[harassers]``) call a real daemon; a `busy` and a `release` number
never reach an agent, a `warn` number does with the warning on the call, and a number whose
window ended is routed like anyone else. Exit codes and --json as for every verb.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_ctl_history import PASSWORD, env, main, run_daemon, wait_for  # noqa: E402, F401

BUSY, RELEASE, WARN, SHORT = "13900000001", "13900000002", "13900000003", "13900000004"
SCENARIO = (ROOT / "resources" / "scenarios" / "small.toml").read_text("utf-8") + f"""
[harassers]
numbers = ["{BUSY}", "{RELEASE}", "{WARN}", "{SHORT}"]
share = 0.25
redial_probability = 0.5
redial_delay = 120
max_redials = 2
"""


def _ctl(env: dict[str, str], endpoint: str, *args: str,  # noqa: F811
         stdin: str = "") -> tuple[int, Any, str]:
    code, out, err = main(env, "ctl", "--endpoint", endpoint, *args, stdin=stdin)
    try:
        data = json.loads(out) if out.strip().startswith(("{", "[")) else out
    except ValueError:
        data = out
    return code, data, err


def test_each_action_on_a_real_switchlink(env: dict[str, str], run_daemon: Any,  # noqa: F811
                                          tmp_path: Path) -> None:
    scenario = tmp_path / "harassed.toml"
    scenario.write_text(SCENARIO, "utf-8")
    endpoint, proc = run_daemon("--scenario", str(scenario), "--speed", "300")
    wait_for(lambda: _ctl(env, endpoint, "login", "admin", "--password-stdin",
                          stdin=PASSWORD + "\n")[0] == 0, proc, 60)
    for number, action in ((BUSY, "busy"), (RELEASE, "release"), (WARN, "warn")):
        code, data, err = _ctl(env, endpoint, "blacklist", "add", number, "--action", action,
                               "--reason", "harasses agents", "--json")
        assert code == 0, err
        assert data["entry"]["state"] == "active"
    code, data, err = _ctl(env, endpoint, "blacklist", "add", SHORT, "--action", "release",
                           "--for", "30m", "--reason", "one half hour", "--json")
    assert code == 0, err
    short_until = data["entry"]["blocked_until"]
    # usage and refusals: exit codes 2 and 1, one line each
    assert _ctl(env, endpoint, "blacklist", "add", "12345678", "--action", "busy",
                "--reason", "x")[0] == 1
    assert _ctl(env, endpoint, "blacklist", "add", BUSY, "--action", "busy", "--for", "7 years",
                "--reason", "x")[0] == 2

    def screened(number: str) -> list[dict[str, Any]]:
        code, data, _ = _ctl(env, endpoint, "blacklist", "show", number, "--json")
        return data["calls"] if code == 0 else []

    wait_for(lambda: len(screened(BUSY)) >= 2 and len(screened(RELEASE)) >= 2
             and any(c["agent"] for c in screened(WARN)), proc, 180)
    for number in (BUSY, RELEASE):
        calls = screened(number)
        assert all(c["outcome"] == "blocked" and c["agent"] is None for c in calls), calls
    warned = screened(WARN)
    assert all(c["action"] == "warn" for c in warned)
    assert any(c["agent"] and c["outcome"] == "answered" for c in warned)
    # the short window ended by itself: its history says so, and it no longer screens
    def expired() -> bool:
        code, data, _ = _ctl(env, endpoint, "blacklist", "show", SHORT, "--json")
        return code == 0 and data["entry"]["state"] == "expired" and any(
            h["change"] == "expired" for h in data["history"])
    wait_for(expired, proc, 120)
    assert all(c["arrived_at"] < short_until for c in screened(SHORT))
    code, listing, _ = _ctl(env, endpoint, "blacklist", "list", "--state", "expired", "--json")
    assert [e["number"] for e in listing["entries"]] == [SHORT]
    time.sleep(0.1)
    code, out, _ = _ctl(env, endpoint, "blacklist", "export")
    assert code == 0 and out.splitlines()[0] == "number,action,customer_level,from,until,reason"
    assert len(out.splitlines()) == 5
