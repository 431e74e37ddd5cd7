"""History commands over the database: interval statistics, call records, the alarm log.

``audit.search`` (the fourth history query) lives with the other user commands in
:mod:`switchlink.services.users.commands`, reading the same database via the audit log.
The handlers find the :class:`~models.persistence.database.Database` in
``Context.services["db"]``, which the daemon fills.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from models.codec import to_plain
from models.persistence.alarms import AlarmRepository
from models.persistence.calls import CallRepository
from models.persistence.database import Database, DatabaseError
from models.security import Permission
from switchlink.services.registry import CommandError, Context, arg_str, command

SERVICE_KEY = "db"
MAX_LIMIT = 10_000


def _db(ctx: Context) -> Database:
    db = ctx.services.get(SERVICE_KEY)
    if db is None:
        raise CommandError("unsupported", "this switchlink runs without a database: no history")
    return db


def _time(args: dict[str, Any], name: str) -> float | None:
    value = args.get(name)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise CommandError("bad_request", f"argument {name!r} must be a number (epoch seconds)")
    return float(value)


def _limit(args: dict[str, Any], default: int = 100) -> int:
    limit = args.get("limit", default)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise CommandError("bad_request", f"argument 'limit' must be an integer 1..{MAX_LIMIT}")
    return limit


def _day(args: dict[str, Any]) -> date:
    text = arg_str(args, "day", limit=10)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            "bad_request", f"argument 'day' must be a date YYYY-MM-DD, not {text!r}"
        ) from None


def _query(run: Any) -> Any:
    """Run a repository query; its one-line complaints (inverted range …) become bad_request."""
    try:
        return run()
    except DatabaseError as exc:
        raise CommandError("bad_request", str(exc)) from None


@command("history.intervals", permission=Permission.VIEW_HISTORY, params=("day", "queue"))
def _intervals(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Half-hour statistics of one local calendar day; every queue unless ``queue`` is given.

    Calls that never reached a queue (blocked, busy, self-service) are under queue ``""``.
    """
    day = _day(args)
    queue = arg_str(args, "queue", required=False, limit=64) if "queue" in args else None
    repo = CallRepository(_db(ctx))
    rows = _query(lambda: repo.intervals_for_day(queue, day))
    out = []
    for stat in rows:
        row = to_plain(stat)
        row["service_level"] = stat.service_level
        out.append(row)
    return out


@command("history.calls", permission=Permission.VIEW_HISTORY,
         params=("number", "since", "until", "limit"))
def _calls(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Finished calls by caller or callee number and arrival time, newest first."""
    number = arg_str(args, "number", required=False, limit=32) or None
    since, until, limit = _time(args, "since"), _time(args, "until"), _limit(args)
    repo = CallRepository(_db(ctx))
    records = _query(lambda: repo.search(number=number, since=since, until=until, limit=limit))
    out = []
    for record in records:
        row = to_plain(record)
        row["wait_s"], row["handle_s"] = record.wait_s, record.handle_s
        out.append(row)
    return out


@command("history.alarms", permission=Permission.VIEW_HISTORY,
         params=("since", "until", "limit"))
def _alarms(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Alarm transitions (raised, escalated, acknowledged, cleared …), newest first."""
    since, until, limit = _time(args, "since"), _time(args, "until"), _limit(args)
    repo = AlarmRepository(_db(ctx))
    entries = _query(lambda: repo.history(since=since, until=until, limit=limit))
    return [to_plain(e) for e in entries]
