"""End to end through a real switchlink on the emulator: `ctl complaint` takes, dispatches,
replies, records feedback and archives an order, lists and searches it; two clients acting
on one order at once: one wins, the other is told it is stale; usage errors exit 2."""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_ctl_history import PASSWORD, env, main, run_daemon, wait_for  # noqa: F401

from switchlink.client import CommandError, SwitchlinkClient, load_default_keys


def _ctl(env: dict[str, str], endpoint: str, *args: str) -> tuple[int, Any, str]:  # noqa: F811
    code, out, err = main(env, "ctl", "--endpoint", endpoint, *args)
    try:
        data = json.loads(out) if out.strip().startswith(("{", "[")) else out
    except ValueError:
        data = out
    return code, data, err


def _client(env: dict[str, str], endpoint: str) -> SwitchlinkClient:  # noqa: F811
    server_key, client_keys, signing = load_default_keys(Path(env["CALLFLOOR_CONFIG_DIR"]))
    client = SwitchlinkClient(endpoint, server_public_key=server_key, client_keys=client_keys,
                              signing_key=signing, command_timeout=10)
    client.connect()
    client.login("admin", PASSWORD)
    return client


@pytest.mark.timeout(600)  # ~20 ctl processes: minutes on a loaded 2-core machine
def test_a_complaint_through_ctl_and_two_clients_at_once(env: dict[str, str],  # noqa: F811
                                                         run_daemon: Any) -> None:  # noqa: F811
    endpoint, proc = run_daemon()
    wait_for(lambda: main(env, "ctl", "--endpoint", endpoint, "login", "admin",
                          "--password-stdin", stdin=PASSWORD + "\n")[0] == 0, proc, 60)
    code, order, err = _ctl(env, endpoint, "complaint", "new", "--caller", "13800000001",
                            "--classification", "业务办理/宽带/装机", "--area", "0571",
                            "--description", "宽带装机三天没人上门", "--json")
    assert code == 0, err
    number = order["id"]
    assert number.startswith("TS") and order["state"] == "accepted"
    assert order["remaining_s"] > 0 and order["due_at"] > order["created_at"]
    code, order, err = _ctl(env, endpoint, "complaint", "act", number, "dispatch",
                            "--department", "装维中心", "--json")
    assert code == 0, err
    assert order["holder_department"] == "装维中心" and order["version"] == 2

    # two consoles at once on version 2: one wins, the other is stale and loses nothing
    clients = [_client(env, endpoint), _client(env, endpoint)]
    barrier = threading.Barrier(2)
    outcome: list[Any] = [None, None]

    def go(i: int, note: str) -> None:
        barrier.wait()
        try:
            outcome[i] = clients[i].call("complaints.act", {"id": number, "action": "note",
                                                            "version": 2, "note": note})
        except CommandError as exc:
            outcome[i] = exc

    threads = [threading.Thread(target=go, args=(i, f"note {i}")) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    stale = [o for o in outcome if isinstance(o, CommandError)]
    assert len(stale) == 1 and stale[0].code == "stale", outcome
    assert "changed by admin" in stale[0].message and "reload it" in stale[0].message

    code, order, err = _ctl(env, endpoint, "complaint", "act", number, "reply",
                            "--note", "已安排明天上门", "--json")  # no --version: reads it
    assert code == 0, err
    code, order, err = _ctl(env, endpoint, "complaint", "act", number, "archive", "--json")
    assert code == 1 and "record the customer's feedback" in err
    for step in (("feedback", "--satisfied", "yes"), ("archive",)):
        code, order, err = _ctl(env, endpoint, "complaint", "act", number, *step, "--json")
        assert code == 0, err
    assert order["state"] == "archived" and order["satisfied"] is True
    code, shown, err = _ctl(env, endpoint, "complaint", "show", number, "--json")
    assert [h["action"] for h in shown["history"]] == [
        "accept", "dispatch", "note", "reply", "feedback", "archive"]
    code, listed, err = _ctl(env, endpoint, "complaint", "list", "--text", "明天上门", "--json")
    assert code == 0 and [r["id"] for r in listed["rows"]] == [number]
    code, out, err = _ctl(env, endpoint, "complaint", "list", "--state", "archived")
    assert code == 0 and number in out and "1 of 1 shown" in out
    code, out, err = _ctl(env, endpoint, "complaint", "warnings")
    assert code == 0 and "black" in out

    # usage errors exit 2; refusals exit 1 with the reason
    assert _ctl(env, endpoint, "complaint", "list", "--limit", "0")[0] == 2
    assert _ctl(env, endpoint, "complaint", "list", "--since", "yesterday")[0] == 2
    assert _ctl(env, endpoint, "complaint", "act", number, "explode")[0] == 2
    assert _ctl(env, endpoint, "complaint", "new", "--classification", "其他",
                "--description", "x")[0] == 2
    code, _, err = _ctl(env, endpoint, "complaint", "new", "--caller", "1",
                        "--classification", "不存在", "--description", "x")
    assert code == 1 and "unknown classification" in err


@pytest.mark.timeout(600)
def test_a_spike_on_a_real_switchlink_becomes_an_ivr_announcement(
        env: dict[str, str],  # noqa: F811
        run_daemon: Any) -> None:  # noqa: F811
    """Nine outage complaints from one area in a minute raise a spike alarm; from that alarm
    the supervisor's announcement lands in the running flow's emergency notice."""
    endpoint, proc = run_daemon("--scenario", "hotline-ivr", "--speed", "60")
    wait_for(lambda: main(env, "ctl", "--endpoint", endpoint, "login", "admin",
                          "--password-stdin", stdin=PASSWORD + "\n")[0] == 0, proc, 60)
    client = _client(env, endpoint)
    try:
        time.sleep(15)  # a quarter of an hour of calls in the history at x60
        for i in range(9):
            client.call("complaints.new", {"caller": f"1380000{i:04d}", "area": "0571",
                                           "classification": "故障报修/停电",
                                           "description": f"萧山区停电 {i}"})
        spikes: list[dict[str, Any]] = []

        def spiking() -> bool:
            spikes[:] = client.call("complaints.spikes", {})["spikes"]
            return bool(spikes and spikes[0]["alarm"])

        wait_for(spiking, proc, 20)
        assert spikes[0]["key"] == "故障报修/停电@0571" and spikes[0]["count"] == 9
        alarms = client.call("alarms.list", {})
        assert any(a["id"] == spikes[0]["alarm"] and a["rule_id"] == "complaint-spike"
                   for a in alarms)
        done = client.call("complaints.announce", {
            "alarm": spikes[0]["alarm"], "text": "萧山区部分线路停电,正在抢修,预计两小时内恢复。",
            "expires_at": spikes[0]["since"] + 2 * 86400})
        assert (done["flow"], done["node"]) == ("hotline-10000", "fault_number")
        assert done["notice"]["text"].startswith("萧山区部分线路停电")
        assert len(done["volume"]["before"]) == 12
        assert sum(n for _, n in done["volume"]["before"]) > 0  # fault calls through the menu
        flows = {f["flow"]: f for f in client.call("ivr.flows", {})["flows"]}
        assert flows["hotline-10000"]["notice"] is True
    finally:
        client.close()
