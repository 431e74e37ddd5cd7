"""``ctl`` verbs for alarms: the active ones (worst first) and acknowledging one."""

from __future__ import annotations

import argparse
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_LINK, EXIT_OK, print_rows, say
from switchlink.ctl.output import fixed as _n
from switchlink.ctl.output import local_time as _t

ACTIONS = ("alarms", "ack")


def add_parsers(sub: Any) -> None:
    sub.add_parser("alarms", help="active alarms")
    p = sub.add_parser("ack", help="acknowledge an alarm")
    p.add_argument("alarm", help="alarm id (see `ctl alarms`)")
    p.add_argument("--note", default="", help="what is being done about it")
    for name in ACTIONS:
        sub.choices[name].add_argument("--json", action="store_true", help="JSON for scripts")


def run(args: argparse.Namespace, conn: Connection) -> int:
    if args.ctl_command == "ack":  # one command and its answer: no snapshot needed
        data = conn.client.call("alarms.ack", {"alarm": args.alarm, "note": args.note})
        say(data, args.json, f"alarm {data['id']} acknowledged by {data['acked_by']}")
        return EXIT_OK
    # part of the floor everyone allowed sees: no login needed, but the snapshot is
    if not conn.need_live():
        return EXIT_LINK
    print_rows(alarm_rows(_active_alarms(conn.client.mirror)), args.json)
    return EXIT_OK


#: alarm levels, worst last, as published in ``alarm/<id>``
_LEVEL_ORDER = ("yellow", "orange", "red", "black")


def _active_alarms(mirror: Any) -> list[dict[str, Any]]:
    """Active alarms from the mirror, most severe first, then oldest."""
    alarms = list(mirror.items("alarm/").values())
    rank = {level: i for i, level in enumerate(_LEVEL_ORDER)}
    return sorted(alarms, key=lambda a: (-rank.get(a.get("level"), -1), a.get("raised_at", 0)))


def alarm_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Active alarms as table rows, the escalated ones said so next to their level."""
    return [
        {"id": r["id"],
         "level": r["level"] + (" (escalated)" if r.get("escalated") else ""),
         "scope": r["scope"],
         "rule": r.get("rule_name") or r["rule_id"],
         "value": f"{_n(r['value'], 2) or '?'} vs {_n(r['threshold'], 2)}",
         "state": r["state"], "since": _t(r["raised_at"])}
        for r in data
    ]
