"""``ctl`` verbs over history: intervals, calls, alarm-history, audit.

They only send one command and print its answer, so they work without waiting for a
snapshot of the floor. Times on the command line are local (``2026-03-02`` or
``2026-03-02T09:30``) or epoch seconds; tables print local times. Two clocks: calls,
intervals and alarms carry the switch's time of the event (on the emulator its simulated
clock), the audit trail this host's wall clock; every time column and JSON row says which.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import (
    EXIT_OK,
    SWITCH_CLOCK,
    WALL_CLOCK,
    duration,
    metric_value,
    percent,
    print_table,
)
from switchlink.ctl.output import fixed as _n
from switchlink.ctl.output import local_time as _t

ACTIONS = ("intervals", "calls", "alarm-history", "audit")


def when(text: str) -> float:
    """``--since`` / ``--until``: epoch seconds, or a local ISO date or date-time."""
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).astimezone().timestamp()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time: use YYYY-MM-DD, YYYY-MM-DDTHH:MM or epoch seconds"
        ) from None


def day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError(f"{text!r}: the limit is a whole number 1..10000")
    return value


def add_parsers(sub: Any) -> None:
    """Add the history actions to ctl's sub-parsers."""
    p = sub.add_parser("intervals", help="half-hour statistics of a day (all queues or one)")
    p.add_argument("--day", type=day, default=date.today().isoformat(),
                   help="local date YYYY-MM-DD on the switch clock (default today)")
    p.add_argument("--queue", help="one queue ('' = calls that never reached a queue)")
    p = sub.add_parser("calls", help="finished calls by number and time, newest first")
    p.add_argument("--number", help="caller or called number")
    _range(p)
    p = sub.add_parser("alarm-history", help="alarm steps (raised, escalated, acked, cleared)")
    _range(p)
    p = sub.add_parser("audit", help="the audit trail by user, action, target, result and time")
    p.add_argument("--user")
    p.add_argument("--action", help="command name, e.g. set_agent_state")
    p.add_argument("--target", help="what it was done to: an agent, a call, a user …")
    p.add_argument("--result", choices=["ok", "refused"])
    _range(p)
    for name in ACTIONS:
        sub.choices[name].add_argument("--json", action="store_true", help="JSON for scripts")


def _range(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=when, help="from (inclusive): YYYY-MM-DD[THH:MM] or epoch; "
                   "switch clock, for audit the wall clock")
    p.add_argument("--until", type=when, help="to (exclusive)")
    p.add_argument("--limit", type=_limit, default=100, help="at most this many rows (100)")


def run(args: argparse.Namespace, conn: Connection) -> int:
    """Send the action's command, print a table (or JSON); returns the exit code 0."""
    name, arg_names, table = _QUERIES[args.ctl_command]
    cmd_args = {n: getattr(args, n) for n in arg_names if getattr(args, n, None) is not None}
    data = _fetch(conn, name, cmd_args)
    if args.ctl_command == "alarm-history":
        data = _with_rules(conn, data)
    clock = WALL_CLOCK if args.ctl_command == "audit" else SWITCH_CLOCK
    if args.json:  # the answer as it is, each row saying which clock its times are on
        print(json.dumps([dict(r, clock=clock) for r in data], ensure_ascii=False))
    else:
        print_table(table(data))
    return EXIT_OK


#: the daemon answers these a page at a time (switchlink.services.history.MAX_PAGE rows)
_PAGED = frozenset({"history.calls", "history.alarms"})
PAGE_ROWS = 1_000


def _fetch(conn: Connection, name: str, cmd_args: dict[str, Any]) -> list[dict[str, Any]]:
    """The command's rows; a paged one is asked page by page until ``limit`` rows or the end."""
    if name not in _PAGED:
        return conn.client.call(name, cmd_args)
    wanted, rows = cmd_args.get("limit", 100), []
    while len(rows) < wanted:
        size = min(PAGE_ROWS, wanted - len(rows))
        page = conn.client.call(name, dict(cmd_args, limit=size, offset=len(rows)))
        rows += page
        if len(page) < size:
            break
    return rows


def _with_rules(conn: Connection, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Alarm-log entries with their rule's name and metric (the log keeps only the rule id)."""
    from switchlink.client import CommandError

    try:
        rules = {r["id"]: r for r in conn.client.call("alarms.rules.get", {})}
    except CommandError:  # no right to read the rules: the ids and raw values still tell
        rules = {}
    return [dict(e, rule_name=rules.get(e["rule_id"], {}).get("name", ""),
                 metric=rules.get(e["rule_id"], {}).get("metric", "")) for e in entries]


def _at(column: str, clock: str) -> str:
    """A time column's header names its clock: ``at (switch clock)``."""
    return f"{column} ({clock})"


def _interval_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in data:
        answered = r["answered"]
        rows.append({
            "queue": r["queue"] or "(none)", _at("start", SWITCH_CLOCK): _t(r["start"], "%H:%M"),
            "offered": r["offered"], "answered": answered, "abandoned": r["abandoned"],
            "sl": percent(r["service_level"]),
            "avg_wait": duration(r["total_wait_s"] / r["offered"]) if r["offered"] else "",
            "max_wait": duration(r["max_wait_s"]),
            "aht": duration(r["total_handle_s"] / answered) if answered else "",
        })
    return rows


def _call_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"call": r["call_id"], _at("arrived", SWITCH_CLOCK): _t(r["arrived_at"]),
         "caller": r["caller"], "callee": r["callee"], "queue": r["queue"] or "",
         "agent": r["agent"] or "", "outcome": r["outcome"], "wait": duration(r["wait_s"]),
         "handle": duration(r["handle_s"])}
        for r in data
    ]


def _alarm_log_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per alarm step: what was measured where, in its unit (m:ss, %, ms, count)."""
    return [
        {_at("at", SWITCH_CLOCK): _t(r["at"]), "alarm": r["alarm_id"], "level": r["level"],
         "step": r["transition"], "rule": r.get("rule_name") or r["rule_id"],
         "metric": r.get("metric") or "?", "scope": r.get("scope", ""),
         "value": _measured(r, "value"), "threshold": _measured(r, "threshold"),
         "by": r["by"], "note": r["note"]}
        for r in data
    ]


def _measured(entry: dict[str, Any], field: str) -> str:
    """In the metric's unit; a rule that is gone leaves a bare number (its unit unknown)."""
    if entry.get("metric"):
        return metric_value(entry["metric"], entry[field])
    return _n(entry[field], 2)


def _audit_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {_at("at", WALL_CLOCK): _t(r["at"]), "user": r["user"], "role": r["role"],
         "action": r["action"], "target": r["target"], "result": r["result"],
         "reason": r["reason"]}
        for r in data
    ]


_RANGE = ("since", "until", "limit")
#: action -> (command, the flags it forwards, table rows from the answer)
_QUERIES: dict[str, tuple[str, tuple[str, ...], Callable[[Any], list[dict[str, Any]]]]] = {
    "intervals": ("history.intervals", ("day", "queue"), _interval_rows),
    "calls": ("history.calls", ("number", *_RANGE), _call_rows),
    "alarm-history": ("history.alarms", _RANGE, _alarm_log_rows),
    "audit": ("audit.search", ("user", "action", "target", "result", *_RANGE), _audit_rows),
}
