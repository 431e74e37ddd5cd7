"""ctl over the live floor: queue figures, status that names each link, history with units.

The first tests feed ctl's tables a mirror built by hand; the last one drives a real
switchlink on the emulator, drops its CTI link and reads status, links and alarms back.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from test_ctl_history import env, main, run_daemon, wait_for  # noqa: F401 (fixtures)

from switchlink.client import StateMirror
from switchlink.ctl import floor, health, history, output

SWITCH_T = 1_772_445_600.0  # 2026-03-02 10:00 UTC


def mirror(values: dict[str, dict[str, Any]]) -> StateMirror:
    m = StateMirror()
    m._replace("e1", 42, [[k, v] for k, v in values.items()])
    return m


QUEUE_METRICS = {
    "waiting": 3, "longest_wait_s": 75.4, "service_level_15m": 0.834,
    "service_level_today": 0.9, "offered_today": 120, "answered_today": 110,
    "abandoned_today": 7, "agents_ready": 2, "agents_talking": 11,
    "sl_text": "answered ≤ 15 s ÷ (offered − abandons < 5 s)",
}


def floor_mirror(link_status: str = "up", adapter_link: str = "up") -> StateMirror:
    return mirror({
        "daemon/info": {"adapter": "loopback", "link": adapter_link, "switch_time": SWITCH_T,
                        "speed": 60.0, "started_at": SWITCH_T - 100},
        "queue/billing": {"id": "billing", "name": "话费查询", "sl_target": 0.8,
                          "sl_threshold_s": 15.0},
        "metrics/queue/billing": QUEUE_METRICS,
        "metrics/center": dict(QUEUE_METRICS, agents_ready=2, agents_talking=9),
        "link/cti-1": {"id": "cti-1", "status": link_status, "latency_ms": 0.0,
                       "last_error": "" if link_status == "up" else "link dropped"},
        "board/acd-1": {"id": "acd-1", "status": "up", "kind": "acd"},
        "trunk/pstn-1": {"id": "pstn-1", "status": "up", "in_use": 3, "capacity": 30},
    })


def test_queues_give_the_live_figures_with_units_and_a_centre_row(capsys) -> None:
    m = floor_mirror()
    rows = floor.queue_figures(m)
    assert [r["queue"] for r in rows] == ["billing", "*"]
    billing = rows[0]
    assert (billing["waiting"], billing["longest_wait_s"], billing["offered_today"],
            billing["answered_today"], billing["abandoned_today"], billing["agents_ready"],
            billing["agents_talking"]) == (3, 75.4, 120, 110, 7, 2, 11)
    assert (billing["service_level_15m"], billing["service_level_today"]) == (0.834, 0.9)
    floor._print_queues(m, as_json=False)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["QUEUE", "NAME", "WAITING", "LONGEST", "SL_15M", "SL_TODAY",
                                "TARGET", "OFFERED", "ANSWERED", "ABANDONED", "READY", "TALKING"]
    assert lines[1].split() == ["billing", "话费查询", "3", "1:15", "83%", "90%", "80%", "in",
                                "15", "s", "120", "110", "7", "2", "11"]
    assert lines[2].split()[:2] == ["*", "(centre)"]
    assert "each of their queues" in "\n".join(lines[3:])  # the double count is said


def test_queues_without_metrics_still_count_waiting_calls() -> None:
    m = mirror({"queue/q": {"id": "q", "name": "Q"},
                "call/c1": {"phase": "queued", "queue": "q"},
                "call/c2": {"phase": "talking", "queue": "q"}})
    [row] = floor.queue_figures(m)
    assert row["waiting"] == 1 and row["offered_today"] is None


def test_status_names_a_dropped_switch_link_even_though_the_daemon_and_adapter_are_up() -> None:
    m = floor_mirror(link_status="down")
    data = health.health(m, "live", "tcp://127.0.0.1:1")
    assert data["overall"] == "degraded"
    assert data["daemon_link"] == "live" and data["adapter_link"] == "up"
    assert data["switch_links"] == [{"id": "cti-1", "status": "down", "latency_ms": 0.0,
                                     "error": "link dropped"}]
    assert data["problems"] == ["switch link cti-1 down: link dropped"]
    text = dict(health.health_lines(data, []))
    assert text["overall"].startswith("DEGRADED") and "cti-1" in text["overall"]
    assert text["switch"] == "cti-1 DOWN: link dropped — 0 of 1 up"
    assert "switch clock" in text["clock"] and "wall clock" in text["clock"]


def test_status_says_when_the_adapter_itself_is_lost_and_ok_when_all_is_up() -> None:
    data = health.health(floor_mirror(adapter_link="down"), "live", "e")
    assert data["overall"] == "degraded" and data["adapter_link"] == "down"
    assert "DOWN" in dict(health.health_lines(data, []))["adapter"]
    healthy = health.health(floor_mirror(), "live", "e")
    assert (healthy["overall"], healthy["problems"]) == ("ok", [])


def test_alarm_history_rows_show_metric_scope_and_units() -> None:
    entries = [
        {"at": SWITCH_T, "alarm_id": "11", "rule_id": "queue-longest-wait", "level": "yellow",
         "transition": "raised", "value": 1210.94, "threshold": 1200.0, "scope": "queue:vip",
         "by": "", "note": "", "metric": "longest_wait_s", "rule_name": "longest wait"},
        {"at": SWITCH_T, "alarm_id": "12", "rule_id": "center-sl-15m", "level": "red",
         "transition": "raised", "value": 0.4999, "threshold": 0.5, "scope": "center",
         "by": "", "note": "", "metric": "service_level_15m", "rule_name": "SL"},
        {"at": SWITCH_T, "alarm_id": "13", "rule_id": "gone", "level": "red",
         "transition": "cleared", "value": 3.0, "threshold": 2.5, "scope": "center",
         "by": "", "note": "", "metric": "", "rule_name": ""},
    ]
    rows = history._alarm_log_rows(entries)
    assert next(iter(rows[0])) == "at (switch clock)"
    assert (rows[0]["metric"], rows[0]["scope"], rows[0]["value"], rows[0]["threshold"]) == (
        "longest_wait_s", "queue:vip", "20:11", "20:00")
    assert (rows[1]["value"], rows[1]["threshold"]) == ("50%", "50%")
    assert (rows[2]["metric"], rows[2]["value"], rows[2]["rule"]) == ("?", "3.00", "gone")


def test_every_time_column_names_its_clock() -> None:
    call = {"call_id": "c", "arrived_at": SWITCH_T, "caller": "1", "callee": "2", "queue": "q",
            "agent": "a", "outcome": "answered", "wait_s": 65.0, "handle_s": 3725.0}
    [row] = history._call_rows([call])
    assert row["arrived (switch clock)"] and (row["wait"], row["handle"]) == ("1:05", "1:02:05")
    audit = {"at": SWITCH_T, "user": "u", "role": "admin", "action": "login", "target": "",
             "result": "ok", "reason": ""}
    assert "at (wall clock)" in history._audit_rows([audit])[0]
    interval = {"queue": "q", "start": SWITCH_T, "offered": 2, "answered": 1, "abandoned": 1,
                "service_level": 0.5, "total_wait_s": 30.0, "max_wait_s": 20.0,
                "total_handle_s": 200.0}
    [row] = history._interval_rows([interval])
    assert row["start (switch clock)"] and (row["sl"], row["avg_wait"], row["aht"]) == (
        "50%", "0:15", "3:20")
    assert output.metric_value("link_latency_ms", 12.4) == "12 ms"
    assert output.metric_value("offered_15m", 12) == "12"


@pytest.mark.slow
def test_a_dropped_cti_link_shows_in_status_links_and_alarms_alike(
    env: dict[str, str], run_daemon: Callable[..., tuple[str, subprocess.Popen[str]]],  # noqa: F811
) -> None:
    endpoint, proc = run_daemon()
    ctl = ("ctl", "--endpoint", endpoint, "--session-file", env["XDG_DATA_HOME"] + "/ctl.json",
           "--timeout", "20")

    def queues() -> list[dict[str, Any]]:
        code, out, err = main(env, *ctl, "queues", "--json")
        assert code == 0, err
        return json.loads(out)

    wait_for(lambda: any((r["offered_today"] or 0) > 0 for r in queues()), proc, 60)
    assert all(isinstance(r["agents_ready"], int) for r in queues())
    code, out, err = main(env, *ctl, "status")
    assert code == 0 and out.startswith("overall   OK"), out + err
    code, out, err = main(env, *ctl, "login", "admin", "--password-stdin",
                          stdin=env["CALLFLOOR_ADMIN_PASSWORD"] + "\n")
    assert code == 0, err
    code, _, err = main(env, *ctl, "call", "inject_fault", json.dumps({"kind": "link_drop"}))
    assert code == 0, err

    def link_alarm() -> bool:
        code, out, _ = main(env, *ctl, "alarms", "--json")
        return code == 0 and any(a["metric"] == "link_lost_s" for a in json.loads(out))

    wait_for(link_alarm, proc, 30)
    code, out, _ = main(env, *ctl, "links", "--json")
    down = {r["id"][5:] for r in json.loads(out) if r["id"].startswith("link/")
            and r["status"] == "down"}
    code, out, err = main(env, *ctl, "status", "--json")
    status = json.loads(out)
    assert status["overall"] == "degraded" and status["daemon_link"] == "live"
    assert {x["id"] for x in status["switch_links"] if x["status"] == "down"} == down != set()
    assert status["alarms"]["worst"] == "black"
    code, out, _ = main(env, *ctl, "status")
    assert "DEGRADED" in out and "switch link up" not in out and all(d in out for d in down)
    code, out, _ = main(env, *ctl, "alarm-history")
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["AT", "(SWITCH", "CLOCK)"] and "METRIC" in header
    assert any("link_lost_s" in r and "link:" in r for r in rows)
