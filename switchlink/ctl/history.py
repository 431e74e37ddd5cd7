"""``ctl`` verbs over history: intervals, calls, alarm-history, audit.

They only send one command and print its answer, so they work without waiting for a
snapshot of the floor. Times on the command line are local (``2026-03-02`` or
``2026-03-02T09:30``) or epoch seconds; tables print local times.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_OK, print_table
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
                   help="local date YYYY-MM-DD (default today)")
    p.add_argument("--queue", help="one queue ('' = calls that never reached a queue)")
    p = sub.add_parser("calls", help="finished calls by number and time, newest first")
    p.add_argument("--number", help="caller or called number")
    _range(p)
    p = sub.add_parser("alarm-history", help="alarm steps (raised, escalated, acked, cleared)")
    _range(p)
    p = sub.add_parser("audit", help="the audit trail by user, action and time")
    p.add_argument("--user")
    p.add_argument("--action", help="command name, e.g. set_agent_state")
    _range(p)
    for name in ACTIONS:
        sub.choices[name].add_argument("--json", action="store_true", help="JSON for scripts")


def _range(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=when, help="from (inclusive): YYYY-MM-DD[THH:MM] or epoch")
    p.add_argument("--until", type=when, help="to (exclusive)")
    p.add_argument("--limit", type=_limit, default=100, help="at most this many rows (100)")


def run(args: argparse.Namespace, conn: Connection) -> int:
    """Send the action's command, print a table (or JSON); returns the exit code 0."""
    name, arg_names, table = _QUERIES[args.ctl_command]
    cmd_args = {n: getattr(args, n) for n in arg_names if getattr(args, n, None) is not None}
    data = conn.client.call(name, cmd_args)
    _out(args, data, lambda: print_table(table(data)))
    return EXIT_OK


def _out(args: argparse.Namespace, data: Any, text: Callable[[], None]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        text()


def _interval_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in data:
        answered = r["answered"]
        rows.append({
            "queue": r["queue"] or "(none)", "start": _t(r["start"], "%H:%M"),
            "offered": r["offered"], "answered": answered, "abandoned": r["abandoned"],
            "sl": "" if r["service_level"] is None else f"{r['service_level'] * 100:.0f}%",
            "avg_wait_s": _n(r["total_wait_s"] / r["offered"]) if r["offered"] else "",
            "max_wait_s": _n(r["max_wait_s"]),
            "aht_s": _n(r["total_handle_s"] / answered) if answered else "",
        })
    return rows


def _call_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"call": r["call_id"], "arrived": _t(r["arrived_at"]), "caller": r["caller"],
         "callee": r["callee"], "queue": r["queue"] or "", "agent": r["agent"] or "",
         "outcome": r["outcome"], "wait_s": _n(r["wait_s"]), "handle_s": _n(r["handle_s"])}
        for r in data
    ]


def _alarm_log_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"at": _t(r["at"]), "alarm": r["alarm_id"], "level": r["level"],
         "step": r["transition"], "value": _n(r["value"], 2), "threshold": _n(r["threshold"], 2),
         "by": r["by"], "note": r["note"]}
        for r in data
    ]


def _audit_rows(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"at": _t(r["at"]), "user": r["user"], "role": r["role"], "action": r["action"],
         "target": r["target"], "result": r["result"], "reason": r["reason"]}
        for r in data
    ]


_RANGE = ("since", "until", "limit")
#: action -> (command, the flags it forwards, table rows from the answer)
_QUERIES: dict[str, tuple[str, tuple[str, ...], Callable[[Any], list[dict[str, Any]]]]] = {
    "intervals": ("history.intervals", ("day", "queue"), _interval_rows),
    "calls": ("history.calls", ("number", *_RANGE), _call_rows),
    "alarm-history": ("history.alarms", _RANGE, _alarm_log_rows),
    "audit": ("audit.search", ("user", "action", *_RANGE), _audit_rows),
}
