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
#: rows in one reply at most (a call row is ~500 bytes packed, so a page stays under ~1 MB);
#: longer answers are read page by page with ``offset`` (ctl follows the pages)
MAX_PAGE = 1_000
#: ``offset`` at most: deep enough for any screen, bounded so one query stays cheap
MAX_OFFSET = 1_000_000


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


def _int_arg(args: dict[str, Any], name: str, default: int, low: int, high: int) -> int:
    value = args.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CommandError(
            "bad_request",
            f"argument {name!r} must be an integer {low}..{high}"
            + (" (one page; ask for the next with 'offset')" if name == "limit" else ""),
        )
    return value


def _page(args: dict[str, Any]) -> tuple[int, int]:
    """``(limit, offset)``: one page of at most :data:`MAX_PAGE` rows."""
    return (_int_arg(args, "limit", 100, 1, MAX_PAGE),
            _int_arg(args, "offset", 0, 0, MAX_OFFSET))


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


@command("history.intervals", permission=Permission.VIEW_HISTORY, params=("day", "queue"),
         slow=True)
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
         params=("number", "since", "until", "limit", "offset"), slow=True)
def _calls(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Finished calls by caller or callee number and arrival time, newest first."""
    number = arg_str(args, "number", required=False, limit=32) or None
    since, until = _time(args, "since"), _time(args, "until")
    limit, offset = _page(args)
    repo = CallRepository(_db(ctx))
    records = _query(lambda: repo.search(number=number, since=since, until=until, limit=limit,
                                         offset=offset))
    out = []
    for record in records:
        row = to_plain(record)
        row["wait_s"], row["handle_s"] = record.wait_s, record.handle_s
        out.append(row)
    return out


@command("history.call", permission=Permission.VIEW_HISTORY, params=("call",), slow=True)
def _call(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """One finished call by the switch's id (the newest of that id), recordings included."""
    call = arg_str(args, "call", limit=64)
    record = _query(lambda: CallRepository(_db(ctx)).newest(call))
    if record is None:
        raise CommandError("unknown_target", f"no finished call {call!r} in the history")
    row = to_plain(record)
    row["wait_s"], row["handle_s"] = record.wait_s, record.handle_s
    return row


@command("history.alarms", permission=Permission.VIEW_HISTORY,
         params=("since", "until", "limit", "offset"), slow=True)
def _alarms(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Alarm transitions (raised, escalated, acknowledged, cleared …), newest first."""
    since, until = _time(args, "since"), _time(args, "until")
    limit, offset = _page(args)
    repo = AlarmRepository(_db(ctx))
    entries = _query(lambda: repo.history(since=since, until=until, limit=limit, offset=offset))
    return [to_plain(e) for e in entries]
