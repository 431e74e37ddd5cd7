"""``ctl`` verbs over the live floor: status, agents, queues, links, snapshot, watch, force-state,
and supervisor control's agent and reason-codes (ctl/supervise.py).

All but force-state, agent and reason-codes read the client's mirror, so they wait for the
floor's snapshot first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from switchlink.ctl import supervise
from switchlink.ctl.alarms import active_alarms
from switchlink.ctl.connection import Connection
from switchlink.ctl.health import health, health_lines
from switchlink.ctl.output import (
    EXIT_LINK,
    EXIT_OK,
    SWITCH_CLOCK,
    duration,
    percent,
    print_table,
    say,
)

ACTIONS = ("status", "agents", "queues", "links", "snapshot", "watch", "force-state", "agent",
           "reason-codes")


def add_parsers(sub: Any) -> None:
    for name, help_text in (
        ("status", "daemon, adapter and switch links, equipment, alarms, clocks"),
        ("agents", "agents and their states"),
        ("queues", "live queue figures: waiting, longest wait, SL, calls, agents"),
        ("links", "links, boards and trunks"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="machine-readable output")
    p = sub.add_parser("snapshot", help="the whole floor state")
    p.add_argument("--json", action="store_true", help="JSON (the default for snapshot)")
    p = sub.add_parser("watch", help="print changes as they happen")
    p.add_argument("--count", type=_positive_count, help="stop after N changes")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p = sub.add_parser("force-state", help="force an agent ready, not-ready or logged out")
    p.add_argument("agent", help="work number")
    p.add_argument("state", choices=["ready", "not-ready", "logout"])
    p.add_argument("--reason", required=True, help="why (goes to the audit log)")
    p.add_argument("--code", help="not-ready reason code (see `ctl reason-codes`)")
    p.add_argument("--json", action="store_true")
    supervise.add_parsers(sub)


def run(args: argparse.Namespace, conn: Connection) -> int:
    action = args.ctl_command
    as_json = getattr(args, "json", False)
    client = conn.client
    if action == "agent":
        return supervise.run_agent(args, client)
    if action == "reason-codes":
        return supervise.run_reason_codes(args, client)
    if action == "force-state":
        extra = {"reason_code": args.code} if args.code else {}
        data = client.call(
            "set_agent_state",
            {"agent": args.agent, "state": args.state, "reason": args.reason, **extra},
        )
        say(data, as_json, f"agent {data['agent']} is now forced {data['state']}")
        return EXIT_OK
    if not conn.need_live():
        return EXIT_LINK
    if action == "status":
        return _status(client, conn.endpoint, as_json)
    if action == "snapshot":
        m = client.mirror
        print(json.dumps({"epoch": m.epoch, "sequence": m.sequence, "state": m.items("")},
                         ensure_ascii=False))
        return EXIT_OK
    if action == "watch":
        return _watch(client, args.count, as_json)
    if action == "queues":
        _print_queues(client.mirror, as_json)
        return EXIT_OK
    rows = _TABLES[action](client.mirror)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        print_table(rows)
    return EXIT_OK


def _status(client: Any, endpoint: str, as_json: bool) -> int:
    """The three links (daemon, adapter, switch), equipment, alarms and clocks; see health.py."""
    data = health(client.mirror, str(client.link_status), endpoint)
    data.update(client.call("status", {}))
    data.pop("link", None)  # the daemon's own word for the adapter poll: adapter_link here
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    lines = health_lines(data, active_alarms(client.mirror))
    lines.append(("counts", ", ".join(f"{k} {v}" for k, v in sorted(data["counts"].items()))))
    for label, text in lines:
        print(f"{label:<9} {text}")
    return EXIT_OK


def _positive_count(text: str) -> int:
    """``--count``: 1 or more (0 or -3 used to stop after the first change, unexplained)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: a whole number of changes, 1 or more")
    return value


def _watch(client: Any, count: int | None, as_json: bool) -> int:
    seen = 0
    done = False

    def on_change(keys: set[str]) -> None:
        nonlocal seen, done
        for key in sorted(keys):
            if count is not None and seen >= count:
                done = True
                return
            value = client.mirror.get(key)
            if as_json:
                print(json.dumps({"seq": client.mirror.sequence, "key": key, "value": value},
                                 ensure_ascii=False), flush=True)
            else:
                summary = "deleted" if value is None else _summary(value)
                print(f"{client.mirror.sequence:>8} {key:<24} {summary}", flush=True)
            seen += 1
        done = count is not None and seen >= count

    def on_link(status: Any) -> None:
        print(f"# link {status}", file=sys.stderr, flush=True)

    client.on_change(on_change)
    client.on_link(on_link)
    try:
        while not done:
            client.run_for(0.2)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _summary(value: dict[str, Any]) -> str:
    for field in ("state", "phase", "status"):
        if field in value:
            return f"{field}={value[field]}"
    return json.dumps(value, ensure_ascii=False)[:60]


def _agents(mirror: Any) -> list[dict[str, Any]]:
    now = time.time()
    info = mirror.get("daemon/info") or {}
    now = info.get("switch_time", now)
    rows = []
    for _key, a in sorted(mirror.items("agent/").items()):
        rows.append({
            "agent": a["work_number"], "name": a["name"], "team": a.get("team", ""),
            "state": a["state"], "for_s": round(max(0.0, now - a.get("state_since", now))),
            "reason": a.get("reason", ""), "call": a.get("call_id") or "",
        })
    return rows


#: (JSON key, metric published in metrics/queue/<id> and metrics/center)
QUEUE_FIGURES = (
    ("waiting", "waiting"), ("longest_wait_s", "longest_wait_s"),
    ("service_level_15m", "service_level_15m"), ("service_level_today", "service_level_today"),
    ("offered_today", "offered_today"), ("answered_today", "answered_today"),
    ("abandoned_today", "abandoned_today"), ("agents_ready", "agents_ready"),
    ("agents_talking", "agents_talking"),
)
QUEUE_NOTE = (
    "SL = service level ({sl}); TARGET = goal within the queue's threshold.\n"
    "OFFERED, ANSWERED, ABANDONED since midnight ({clock}); an agent with several skills "
    "counts in READY / TALKING of each of their queues, once in the centre row."
)


def queue_figures(mirror: Any) -> list[dict[str, Any]]:
    """Per queue, then the centre (``queue`` ``*``): the live figures of metrics/queue/<id>.

    A daemon without metrics still gives waiting, counted from the calls in the mirror.
    """
    waiting: dict[str, int] = {}
    for c in mirror.items("call/").values():
        if c.get("phase") == "queued" and c.get("queue"):
            waiting[c["queue"]] = waiting.get(c["queue"], 0) + 1
    rows = []
    for _, q in sorted(mirror.items("queue/").items()):
        m = mirror.get(f"metrics/queue/{q['id']}") or {}
        row = {"queue": q["id"], "name": q["name"], "scope": "queue",
               "sl_target": q.get("sl_target"), "sl_threshold_s": q.get("sl_threshold_s")}
        row.update({key: m.get(metric) for key, metric in QUEUE_FIGURES})
        if not m:
            row["waiting"] = waiting.get(q["id"], 0)
        rows.append(row)
    center = mirror.get("metrics/center")
    if center:
        row = {"queue": "*", "name": "(centre)", "scope": "center", "sl_target": None,
               "sl_threshold_s": center.get("sl_threshold_s")}
        row.update({key: center.get(metric) for key, metric in QUEUE_FIGURES})
        rows.append(row)
    return rows


def _queue_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def target(r: dict[str, Any]) -> str:
        if r["sl_target"] is None or r["sl_threshold_s"] is None:
            return ""
        return f"{percent(r['sl_target'])} in {r['sl_threshold_s']:g} s"

    def count(value: Any) -> str:
        return "" if value is None else str(value)

    return [
        {"queue": r["queue"], "name": r["name"], "waiting": count(r["waiting"]),
         "longest": duration(r["longest_wait_s"]) if r["waiting"] else "",
         "sl_15m": percent(r["service_level_15m"]), "sl_today": percent(r["service_level_today"]),
         "target": target(r), "offered": count(r["offered_today"]),
         "answered": count(r["answered_today"]), "abandoned": count(r["abandoned_today"]),
         "ready": count(r["agents_ready"]), "talking": count(r["agents_talking"])}
        for r in rows
    ]


def _print_queues(mirror: Any, as_json: bool) -> None:
    rows = queue_figures(mirror)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    print_table(_queue_table(rows))
    center = mirror.get("metrics/center") or {}
    sl = center.get("sl_text") or center.get("sl_definition") or "see docs/metrics.md"
    print(QUEUE_NOTE.format(sl=sl, clock=SWITCH_CLOCK))


def _links(mirror: Any) -> list[dict[str, Any]]:
    rows = []
    for prefix in ("link/", "board/", "trunk/"):
        for key, v in sorted(mirror.items(prefix).items()):
            rows.append({"id": key, "status": v.get("status", ""),
                         "detail": f"{v['latency_ms']:.0f} ms" if "latency_ms" in v
                         else f"{v.get('in_use', '')}/{v['capacity']}" if "capacity" in v
                         else v.get("kind", ""),
                         "error": v.get("last_error", "")})
    return rows


_TABLES = {"agents": _agents, "links": _links}
