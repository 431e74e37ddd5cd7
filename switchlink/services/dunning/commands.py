"""Dunning commands (docs/dunning.md): status, start / pause, run a day, accounts, files and
imports, and the manual seat. Everyone with ``view_dunning`` may look; supervisors run the
campaign; the collection group works the seat; every change is audited."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from models.blacklist_csv import CsvRefused
from models.dunning.calendar import local_date
from models.dunning.files import (
    parse_billing,
    parse_payments,
    suspension_csv,
    yuan_to_fen,
)
from models.dunning.records import Stage
from models.persistence.dunning import ImportConflict
from models.security import Permission
from switchlink.services.dunning.day import FILE_KINDS
from switchlink.services.dunning.dialer import SERVICE_KEY, DunningDialer
from switchlink.services.dunning.seat import ManualSeat
from switchlink.services.registry import CommandError, Context, arg_str, command

SEAT_KEY = "dunning_seat"
MAX_PAGE = 500
_VIEW, _RUN = Permission.VIEW_DUNNING, Permission.RUN_DUNNING
_FILES, _SEAT = Permission.DUNNING_FILES, Permission.MANUAL_DUNNING
STAGE_FILTERS = {s.value for s in Stage if s is not Stage.NONE} | {"collection"}


def _dialer(ctx: Context) -> DunningDialer:
    dialer = ctx.services.get(SERVICE_KEY)
    if dialer is None:
        raise CommandError("unsupported", "dunning is not running in this switchlink")
    return dialer


def _seat(ctx: Context) -> ManualSeat:
    seat = ctx.services.get(SEAT_KEY)
    if seat is None:
        seat = ctx.services[SEAT_KEY] = ManualSeat(_dialer(ctx))
    return seat


def _listing(exc: CsvRefused) -> str:
    lines = [str(e) for e in exc.errors[:200]]
    more = len(exc.errors) - len(lines)
    tail = [f"… and {more} more"] if more > 0 else []
    return f"{len(exc.errors)} bad row(s), nothing imported:\n" + "\n".join(lines + tail)


def _day(ctx: Context, args: dict[str, Any]) -> dt.date:
    text = arg_str(args, "day", required=False, limit=10)
    dialer = _dialer(ctx)
    if not text:
        return local_date(dialer.clock(), dialer.cfg)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError("bad_request", f"day {text!r} is not a date YYYY-MM-DD") from None


def _int(args: dict[str, Any], name: str, default: int, high: int) -> int:
    value = args.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise CommandError("bad_request", f"argument {name!r} must be a whole number 0–{high}")
    return value


@command("dunning.status", permission=_VIEW)
def status(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    dialer = _dialer(ctx)
    return dialer.status() | {"files": dialer.repo.files(20)}


@command("dunning.start", permission=_RUN, params=("reason",), audit=True)
def start(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.audit_target = "dunning campaign"
    return _dialer(ctx).set_running(True, ctx.user)


@command("dunning.pause", permission=_RUN, params=("reason",), audit=True)
def pause(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.audit_target = "dunning campaign"
    return _dialer(ctx).set_running(False, ctx.user)


@command("dunning.run_day", permission=_RUN, params=("day",), audit=True, slow=True)
def run_day(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Plan a day and write its files (on a worker: seconds on a large database; the loop
    loads today's queue on its next tick); running it again changes nothing."""
    day = _day(ctx, args)
    ctx.audit_target = "dunning " + day.isoformat()
    return _dialer(ctx).plan_for_loop(day)


@command("dunning.accounts", permission=_VIEW,
         params=("stage", "search", "limit", "offset"), slow=True)
def accounts(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    stage = arg_str(args, "stage", required=False, limit=20)
    if stage and stage not in STAGE_FILTERS:
        raise CommandError("bad_request", f"stage {stage!r} is not one of "
                           f"{', '.join(sorted(STAGE_FILTERS))}")
    search = arg_str(args, "search", required=False, limit=64).strip()
    limit, offset = _int(args, "limit", 200, MAX_PAGE), _int(args, "offset", 0, 10**9)
    repo = _dialer(ctx).repo
    total, page = repo.accounts(stage=None if stage in ("", "collection") else stage,
                                manual=True if stage == "collection" else None,
                                search=search, limit=limit or MAX_PAGE, offset=offset)
    owed = repo.owed(a.account for a in page)
    rows = []
    for a in page:
        fen, months, oldest = owed.get(a.account, (0, 0, None))
        rows.append({"account": a.account, "name": a.name, "phone": a.phone, "level": a.level,
                     "stage": a.stage.value, "suspension": a.suspension.value,
                     "do_not_call": a.do_not_call, "owed_fen": fen, "unpaid_bills": months,
                     "oldest_period": oldest or "", "promise_date": a.promise_date,
                     "manual": a.level == "vip" or a.stage is Stage.TWO_WAY})
    return {"total": total, "accounts": rows}


@command("dunning.account", permission=_VIEW, params=("account",), slow=True)
def account(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return _seat(ctx).detail(arg_str(args, "account", limit=32))


@command("dunning.files", permission=_VIEW, slow=True)
def files(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return {"files": _dialer(ctx).repo.files(200)}


@command("dunning.export", permission=_FILES, params=("kind", "day"), audit=True, slow=True)
def export(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """A suspension / restore file as written on its day (the same bytes every time)."""
    kind = arg_str(args, "kind", limit=16)
    if kind not in FILE_KINDS:
        raise CommandError("bad_request", f"kind {kind!r} is not one of {', '.join(FILE_KINDS)}")
    day = _day(ctx, args)
    ctx.audit_target = f"dunning file {kind} {day.isoformat()}"
    stored = _dialer(ctx).repo.get_file(kind, day.isoformat())
    if stored is None:
        raise CommandError("unknown_target", f"no {kind} file for {day.isoformat()} (run the "
                           "day first, or that day had nobody for it)")
    return {"kind": kind, "day": stored.day, "rows": len(stored.rows),
            "name": f"dunning-{kind}-{stored.day}.csv", "csv": suspension_csv(stored.rows)}


@command("dunning.import_payments", permission=_FILES, params=("csv", "reason"), audit=True,
         slow=True)
def import_payments(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """The reconciliation file: all or nothing; a reference seen before is skipped."""
    text = args.get("csv")
    if not isinstance(text, str):
        raise CommandError("bad_request", "argument 'csv' must be the file's text")
    ctx.audit_target = "dunning payments"
    dialer = _dialer(ctx)
    repo = dialer.repo
    try:
        lines = parse_payments(text, dialer.cfg, repo.account_ids())
    except CsvRefused as exc:
        raise CommandError("bad_request", _listing(exc)) from None
    result = repo.import_payments(lines)
    now = dialer.clock()
    key = "paid/" + local_date(now, dialer.cfg).isoformat()
    paid = repo.get_state(key) or {"accounts": 0}
    paid["accounts"] = int(paid.get("accounts", 0)) + len(result["paid_accounts"])
    repo.set_state(key, paid, now)
    dialer.counts["paid"] = paid["accounts"]
    ctx.audit_detail = {"imported": result["imported"], "duplicates": result["duplicates"]}
    restore = [a for a in result["paid_accounts"]
               if (acc := repo.get_account(a)) is not None and acc.suspension != "none"]
    return result | {"restore_after_payment": restore}


@command("dunning.import_accounts", permission=_FILES, params=("csv", "reason"), audit=True,
         slow=True)
def import_accounts(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """The billing file (accounts and their bills): all or nothing."""
    text = args.get("csv")
    if not isinstance(text, str):
        raise CommandError("bad_request", "argument 'csv' must be the file's text")
    ctx.audit_target = "dunning accounts"
    dialer = _dialer(ctx)
    try:
        rows = parse_billing(text)
        return dialer.repo.import_billing(rows, dialer.clock(), dialer.cfg)
    except CsvRefused as exc:
        raise CommandError("bad_request", _listing(exc)) from None
    except ImportConflict as exc:
        raise CommandError("bad_request", str(exc)) from None


@command("dunning.seat.next", permission=_SEAT)
def seat_next(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """The next account for this seat (claimed for ten minutes), or none."""
    return {"account": _seat(ctx).next(ctx.user)}


@command("dunning.seat.dial", permission=_SEAT, params=("account",), audit=True)
def seat_dial(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    account_id = arg_str(args, "account", limit=32)
    ctx.audit_target = account_id
    return _seat(ctx).dial(account_id, ctx.user)


@command("dunning.seat.record", permission=_SEAT,
         params=("account", "result", "promise_date", "promise_amount", "note"), audit=True)
def seat_record(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    account_id = arg_str(args, "account", limit=32)
    ctx.audit_target = account_id
    amount = args.get("promise_amount", "")
    if isinstance(amount, int | float) and not isinstance(amount, bool) and math.isfinite(amount):
        amount = f"{amount:.2f}"
    if not isinstance(amount, str):
        raise CommandError("bad_request", "promise_amount must be yuan, e.g. \"120.50\"")
    try:
        fen = yuan_to_fen(amount) if amount.strip() else 0
    except ValueError as exc:
        raise CommandError("bad_request", f"promise_amount: {exc}") from None
    return _seat(ctx).record(
        account_id, arg_str(args, "result", limit=20), ctx.user,
        promise_date=arg_str(args, "promise_date", required=False, limit=10),
        promise_fen=fen, note=arg_str(args, "note", required=False, limit=256))
