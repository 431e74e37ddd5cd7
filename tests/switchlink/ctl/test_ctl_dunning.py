"""`ctl dunning` against a real switchlink: imports all or nothing, payments idempotent, a
day run twice writes its files once, the exported file as documented, start / pause, and
exit codes (2 usage, 1 refused) with one clear line. A bad dunning.toml stops the daemon
with exit 2 naming the setting."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_ctl_history import PASSWORD, ROOT, env, main, run_daemon, wait_for  # noqa: F401

BILLING = ("account,name,phone,level,do_not_call,period,amount\n"
           "A1,张三,13800000001,normal,0,2026-01,88.50\n"
           "A2,李四,13800000002,normal,0,2025-12,20\n")
PAYMENTS = "reference,account,amount,paid_at,channel\nP-1,A2,20,2026-03-20,bank\n"


def _ctl(env: dict[str, str], endpoint: str, *args: str,  # noqa: F811
         stdin: str = "") -> tuple[int, Any, str]:
    code, out, err = main(env, "ctl", "--endpoint", endpoint, *args, stdin=stdin)
    try:
        data = json.loads(out) if out.strip().startswith(("{", "[")) else out
    except ValueError:
        data = out
    return code, data, err


def test_ctl_dunning_on_a_real_switchlink(env: dict[str, str], run_daemon: Any,  # noqa: F811
                                          tmp_path: Path) -> None:
    endpoint, proc = run_daemon()
    wait_for(lambda: _ctl(env, endpoint, "login", "admin", "--password-stdin",
                          stdin=PASSWORD + "\n")[0] == 0, proc, 60)
    bad = BILLING + "A3,王五,not-a-number,normal,0,2026-01,10\n"
    code, _, err = _ctl(env, endpoint, "dunning", "import-accounts", "-", stdin=bad)
    assert code == 1 and "line 4: phone" in err and "nothing imported" in err
    code, data, err = _ctl(env, endpoint, "dunning", "import-accounts", "-", "--json",
                           stdin=BILLING)
    assert code == 0, err
    assert data["accounts_new"] == 2 and data["bills_new"] == 2
    for expected in (1, 0):
        code, data, err = _ctl(env, endpoint, "dunning", "import-payments", "-", "--json",
                               stdin=PAYMENTS)
        assert code == 0, err
        assert data["imported"] == expected
    code, data, err = _ctl(env, endpoint, "dunning", "run-day", "--day", "2026-03-21",
                           "--json")
    assert code == 0, err
    assert data["files"] == {"one_way": {"rows": 1, "written": True}}
    code, data, err = _ctl(env, endpoint, "dunning", "run-day", "--day", "2026-03-21",
                           "--json")
    assert data["files"] == {"one_way": {"rows": 1, "written": False}}
    out = tmp_path / "one_way.csv"
    code, _, err = _ctl(env, endpoint, "dunning", "export", "one_way", "--day", "2026-03-21",
                        "-o", str(out))
    assert code == 0, err
    lines = out.read_text("utf-8").splitlines()
    assert lines == ["file_date,action,account,phone,name,months_in_arrears,owed,oldest_period",
                     "2026-03-21,suspend_one_way,A1,13800000001,张三,1,88.50,2026-01"]
    assert _ctl(env, endpoint, "dunning", "start", "--json")[1]["running"] is True
    code, text, err = _ctl(env, endpoint, "dunning", "status")
    assert code == 0 and "campaign running (by admin)" in text and "pacing:" in text
    assert "window 10:00–22:00 Asia/Shanghai" in text
    assert _ctl(env, endpoint, "dunning", "pause", "--json")[1]["running"] is False
    # usage errors: exit 2, one line, no traceback
    code, _, err = _ctl(env, endpoint, "dunning", "run-day", "--day", "21/03/2026")
    assert code == 2 and "is not a date" in err and "Traceback" not in err
    code, _, err = _ctl(env, endpoint, "dunning", "import-payments", str(tmp_path / "nope"))
    assert code == 2 and "cannot read" in err
    code, _, err = _ctl(env, endpoint, "dunning", "export", "two_way", "--day", "2026-03-21")
    assert code == 1 and "no two_way file for 2026-03-21" in err


def test_a_bad_dunning_toml_stops_the_daemon_with_exit_2(env: dict[str, str]) -> None:  # noqa: F811
    Path(env["CALLFLOOR_CONFIG_DIR"], "dunning.toml").write_text(
        "[dunning]\nwindow_start = \"23:00\"\n", "utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "switchlink", "--scenario",
                           "small", "--endpoint", "tcp://127.0.0.1:1"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "window 23:00–22:00" in proc.stderr and "Traceback" not in proc.stderr
