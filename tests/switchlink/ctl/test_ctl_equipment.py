"""End to end: ctl's maintenance verbs against a real switchlink on the emulator.

Tests wait for their measured result; out-of-service shows its reason in the listing; the
test history comes back as a table, CSV and a pass rate; fault rehearsal says what it is.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from test_ctl_history import PASSWORD, env, main, run_daemon  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests" / "switchlink"))


def test_maintenance_verbs_on_a_real_daemon(env, run_daemon) -> None:  # noqa: F811
    endpoint, _proc = run_daemon("--speed", "60", "--sweep-at", "off")
    ctl = ("ctl", "--endpoint", endpoint, "--session-file", env["XDG_DATA_HOME"] + "/ctl.json",
           "--timeout", "15")
    code, out, err = main(env, *ctl, "login", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err

    code, out, err = main(env, *ctl, "equipment", "channels", "--kind", "fax")
    assert code == 0, err
    assert out.split()[:3] == ["ID", "STATUS", "BOARD"] and out.count("fax-1/") == 2
    assert "ivr-1/" not in out

    code, out, err = main(env, *ctl, "loopback-test", "fax-1/2", "--wait", "60")
    assert code == 0, err
    assert out.startswith("PASSED: loopback fax-1/2") and "dtmf_echoed 12" in out

    code, out, err = main(env, *ctl, "fault", "line_noise", "fax-1/1")
    assert code == 0 and out.startswith("REHEARSAL (emulator only): line_noise fax-1/1"), err
    code, out, err = main(env, *ctl, "loopback-test", "fax-1/1", "--json", "--wait", "60")
    assert code == 1, err  # a failed test: exit 1, with what was measured
    failed = json.loads(out)
    assert failed["state"] == "failed" and failed["measured"]["dtmf_echoed"] < 12

    code, out, err = main(env, *ctl, "out-of-service", "fax-1/1", "--reason", "noisy line")
    assert code == 0 and "out of service" in out, err
    code, out, err = main(env, *ctl, "equipment", "channels", "--board", "fax-1", "--json")
    assert code == 0, err
    [one] = [c for c in json.loads(out)["channels"] if c["id"] == "fax-1/1"]
    assert one["status"] == "out_of_service"
    assert (one["out_of_service"]["reason"], one["out_of_service"]["by"]) == ("noisy line",
                                                                            "admin")
    code, out, err = main(env, *ctl, "out-of-service", "fax-1/1")
    assert code == 2 and "--reason" in err  # a usage error

    code, out, err = main(env, *ctl, "test-history", "--board", "fax-1")
    assert code == 0, err
    assert "FAIL" in out and "pass" in out and "admin" in out
    code, out, err = main(env, *ctl, "test-history", "--csv", "-")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["target"], r["result"]) for r in rows} == {("fax-1/2", "pass"),
                                                         ("fax-1/1", "fail")}
    code, out, err = main(env, *ctl, "test-history", "--pass-rate", "--json")
    assert code == 0, err
    [rate] = json.loads(out)
    assert (rate["board"], rate["tests"], rate["passed"], rate["rate"]) == ("fax-1", 2, 1, 0.5)

    code, out, err = main(env, *ctl, "reset", "ivr-9")
    assert code == 1 and "unknown_target" in err
    code, out, err = main(env, *ctl, "sweep")
    assert code == 0 and out.startswith("schedule: off"), err
