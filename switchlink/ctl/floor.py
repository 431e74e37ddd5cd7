"""``ctl`` verbs over the live floor: status, agents, queues, links, snapshot, watch, force-state.

All but force-state read the client's mirror, so they wait for the floor's snapshot first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_LINK, EXIT_OK, print_table, say

ACTIONS = ("status", "agents", "queues", "links", "snapshot", "watch", "force-state")


def add_parsers(sub: Any) -> None:
    for name, help_text in (
        ("status", "link, epoch, sequence, adapter, counts"),
        ("agents", "agents and their states"),
        ("queues", "queues with waiting calls"),
        ("links", "links, boards and trunks"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="machine-readable output")
    p = sub.add_parser("snapshot", help="the whole floor state")
    p.add_argument("--json", action="store_true", help="JSON (the default for snapshot)")
    p = sub.add_parser("watch", help="print changes as they happen")
    p.add_argument("--count", type=int, help="stop after N changes")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p = sub.add_parser("force-state", help="force an agent ready, not-ready or logged out")
    p.add_argument("agent", help="work number")
    p.add_argument("state", choices=["ready", "not-ready", "logout"])
    p.add_argument("--reason", required=True, help="why (goes to the audit log)")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, conn: Connection) -> int:
    action = args.ctl_command
    as_json = getattr(args, "json", False)
    client = conn.client
    if action == "force-state":
        data = client.call(
            "set_agent_state", {"agent": args.agent, "state": args.state, "reason": args.reason}
        )
        say(data, as_json, f"agent {data['agent']} is now forced {data['state']}")
        return EXIT_OK
    if not conn.need_live():
        return EXIT_LINK
    if action == "status":
        data = client.call("status", {})
        data["link"] = str(client.link_status)
        if as_json:
            print(json.dumps(data))
        else:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(data["counts"].items()))
            print(f"link      {data['link']} (switch link {_sw(client)})")
            print(f"epoch     {data['epoch']}")
            print(f"sequence  {data['sequence']}")
            print(f"adapter   {data['adapter']}")
            print(f"counts    {counts}")
        return EXIT_OK
    if action == "snapshot":
        m = client.mirror
        print(json.dumps({"epoch": m.epoch, "sequence": m.sequence, "state": m.items("")},
                         ensure_ascii=False))
        return EXIT_OK
    if action == "watch":
        return _watch(client, args.count, as_json)
    rows = _TABLES[action](client.mirror)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        print_table(rows)
    return EXIT_OK


def _sw(client: Any) -> str:
    info = client.mirror.get("daemon/info") or {}
    return str(info.get("link", "?"))


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


def _queues(mirror: Any) -> list[dict[str, Any]]:
    waiting: dict[str, int] = {}
    for c in mirror.items("call/").values():
        if c.get("phase") == "queued" and c.get("queue"):
            waiting[c["queue"]] = waiting.get(c["queue"], 0) + 1
    return [
        {"queue": q["id"], "name": q["name"], "waiting": waiting.get(q["id"], 0),
         "sl_target": q.get("sl_target"), "sl_threshold_s": q.get("sl_threshold_s")}
        for _, q in sorted(mirror.items("queue/").items())
    ]


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


_TABLES = {"agents": _agents, "queues": _queues, "links": _links}
