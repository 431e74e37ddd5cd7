"""Test history over the database: results (newest first, paged) and pass rate per board.

The CSV form is :func:`models.linktests.results_csv` (ctl and the console write it).
"""

from __future__ import annotations

from typing import Any

from models.codec import to_plain
from models.persistence.linktests import LinkTestRepository
from models.security import Permission
from switchlink.services.history import _db, _page, _query, _time
from switchlink.services.registry import CommandError, arg_str, command


def _filters(args: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("board", "target", "kind"):
        if name in args:
            out[name] = arg_str(args, name, limit=64)
    if "passed" in args:
        if not isinstance(args["passed"], bool):
            raise CommandError("bad_request", "argument 'passed' must be true or false")
        out["passed"] = args["passed"]
    return out


@command("equipment.tests", permission=Permission.VIEW_HISTORY,
         params=("board", "target", "kind", "passed", "since", "until", "limit", "offset"),
         slow=True)
def _tests(ctx: Any, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Finished tests, newest first, one page (``limit`` ≤ 1,000; ``offset`` for more)."""
    limit, offset = _page(args)
    since, until = _time(args, "since"), _time(args, "until")
    repo = LinkTestRepository(_db(ctx))
    found = _query(lambda: repo.search(**_filters(args), since=since, until=until,
                                       limit=limit, offset=offset))
    return [to_plain(r) for r in found]


@command("equipment.pass_rate", permission=Permission.VIEW_HISTORY,
         params=("board", "since", "until", "period"), slow=True)
def _pass_rate(ctx: Any, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Tests and passes per board per local ``day`` (default) or ``week``, oldest first."""
    period = arg_str(args, "period", required=False, limit=8) or "day"
    if period not in ("day", "week"):
        raise CommandError("bad_request", f"argument 'period' must be day or week, "
                           f"got {period!r}")
    board = arg_str(args, "board", limit=64) if "board" in args else None
    since, until = _time(args, "since"), _time(args, "until")
    repo = LinkTestRepository(_db(ctx))
    rows = _query(lambda: repo.pass_rates(since=since, until=until, period=period,
                                          board=board))
    return [{"board": r.board, "period": r.period, "tests": r.tests, "passed": r.passed,
             "rate": round(r.rate, 4)} for r in rows]
