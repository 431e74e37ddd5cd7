"""``ctl`` verbs for alarms: the active ones (worst first) and acknowledging one."""

from __future__ import annotations

import argparse
import json
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import (
    EXIT_LINK,
    EXIT_OK,
    SWITCH_CLOCK,
    local_time,
    metric_value,
    print_table,
    say,
)

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
    active = active_alarms(conn.client.mirror)
    if args.json:  # the published alarms as they are; their times are on the switch clock
        print(json.dumps([dict(a, clock=SWITCH_CLOCK) for a in active], ensure_ascii=False))
    else:
        print_table(alarm_rows(active))
    return EXIT_OK


#: alarm levels, worst last, as published in ``alarm/<id>``
_LEVEL_ORDER = ("yellow", "orange", "red", "black")


def active_alarms(mirror: Any) -> list[dict[str, Any]]:
    """Active alarms from the mirror, most severe first, then oldest."""
    alarms = list(mirror.items("alarm/").values())
    rank = {level: i for i, level in enumerate(_LEVEL_ORDER)}
    return sorted(alarms, key=lambda a: (-rank.get(a.get("level"), -1), a.get("raised_at", 0)))


def alarm_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Active alarms as table rows: level (escalated said so), metric in its unit, the clock."""
    return [
        {"id": r["id"],
         "level": r["level"] + (" (escalated)" if r.get("escalated") else ""),
         "scope": r["scope"],
         "rule": r.get("rule_name") or r["rule_id"],
         "metric": r.get("metric", ""),
         "value": f"{_value(r, 'value') or '?'} vs {_value(r, 'threshold')}",
         "state": r["state"], f"since ({SWITCH_CLOCK})": local_time(r["raised_at"])}
        for r in data
    ]


def _value(alarm: dict[str, Any], field: str) -> str:
    return metric_value(alarm.get("metric", ""), alarm.get(field))
