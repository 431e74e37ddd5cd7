"""``ctl staffing``: per queue, Erlang C agents required now beside those available, and the
forecast of the next half hours (docs/workforce.md). Reads the mirror's ``staffing/…`` keys,
the same figures the wall-board shows."""

from __future__ import annotations

import argparse
import json
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_LINK, EXIT_OK, local_time, print_table

ACTIONS = ("staffing",)
#: why a queue has no figure, in words
NOTES = {"warming_up": "fewer than 5 minutes known", "no_calls": "no calls in 30 min",
         "no_handle_time": "no handled call yet"}


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("staffing", help="agents required now (Erlang C) vs available, per "
                                        "queue, and the forecast of the next half hours")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _count(value: Any) -> str:
    return "" if value is None else str(value)


def staffing_rows(mirror: Any) -> list[dict[str, Any]]:
    rows = []
    for key, s in sorted(mirror.items("staffing/queue/").items()):
        ahead = s.get("ahead") or []
        rows.append({
            "queue": key[len("staffing/queue/"):], "name": s.get("name", ""),
            "required": _count(s.get("required")), "available": _count(s.get("available")),
            "short": _count(s.get("agents_short")),
            "erlang_a": _count(s.get("required_erlang_a")),
            "calls/h": "" if s.get("rate_per_h") is None else f"{s['rate_per_h']:.0f}",
            "aht": "" if s.get("aht_s") is None else f"{s['aht_s']:.0f} s",
            "next": " ".join(f"{local_time(a['start'], '%H:%M')} {a['offered']:g}/"
                             f"{_count(a.get('required'))}" for a in ahead),
            "note": NOTES.get(s.get("note") or "", ""),
        })
    return rows


def run(args: argparse.Namespace, conn: Connection) -> int:
    if not conn.need_live():
        return EXIT_LINK
    mirror = conn.client.mirror
    if args.json:
        print(json.dumps({"queues": mirror.items("staffing/queue/"),
                          "center": mirror.get("staffing/center")}, ensure_ascii=False))
        return EXIT_OK
    rows = staffing_rows(mirror)
    if not rows:
        print("no staffing figures yet: they are computed once a switch minute")
        return EXIT_OK
    print_table(rows)
    center = mirror.get("staffing/center") or {}
    print(f"centre: {center.get('required', '')} required (the queues' sum), "
          f"{center.get('available', '')} available (agents at work, each counted once; in "
          f"the rows an agent with several skills counts in each queue); 'next' is time "
          f"calls/agents required; 'short' < 0 is agents to spare")
    return EXIT_OK
