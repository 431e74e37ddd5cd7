"""Blacklist commands: blacklist.list / show / add / edit / lift / import / export.

Everyone on the floor may look (VIEW_FLOOR); changing needs EDIT_BLACKLIST, names a reason,
and is audited with it. A change is written to the database first (one transaction, history
included), then put in the daemon's :class:`~switchlink.engine.blacklist.BlacklistBook`, which
the adapter screens every arriving call with. Times are switch time, like the calls'.
"""

from __future__ import annotations

import math
from typing import Any

from models.blacklist import (
    MAX_REASON,
    BlacklistChange,
    BlacklistEntry,
    EntryState,
    RepeatRule,
    check_window,
    parse_action,
    parse_level,
    suggest_window,
)
from models.blacklist_csv import CsvRefused, parse_csv, to_csv
from models.codec import to_plain
from models.persistence.blacklist import BlacklistRepository, EntryChange
from models.phone_numbers import NumberError, display, normalise
from models.security import Permission
from switchlink.engine.blacklist import BlacklistBook
from switchlink.services.registry import CommandError, Context, arg_str, command

SERVICE_KEY = "blacklist"
DB_KEY = "db"
MAX_PAGE = 1000
#: the repeat-offender rule the daemon suggests longer windows by (docs/blacklist.md)
REPEAT_RULE = RepeatRule()
_EDIT = Permission.EDIT_BLACKLIST
_VIEW = Permission.VIEW_FLOOR


def _book(ctx: Context) -> BlacklistBook:
    book = ctx.services.get(SERVICE_KEY)
    if book is None:
        raise CommandError("unsupported", "the blacklist is not running in this switchlink")
    return book


def _repo(ctx: Context) -> BlacklistRepository:
    db = ctx.services.get(DB_KEY)
    if db is None:
        raise CommandError("unsupported", "this switchlink keeps no database")
    return BlacklistRepository(db)


def _now(ctx: Context) -> float:
    return float(ctx.adapter.now())


def _number(args: dict[str, Any]) -> str:
    try:
        return normalise(args.get("number"))
    except NumberError as exc:
        raise CommandError("bad_request", f"number {args.get('number')!r}: {exc}") from None


def _reason(args: dict[str, Any]) -> str:
    reason = arg_str(args, "reason", limit=MAX_REASON).strip()
    if not reason:
        raise CommandError("bad_request", "a reason is required")
    return reason


def _time(args: dict[str, Any], name: str) -> float | None:
    value = args.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise CommandError("bad_request", f"argument {name!r} must be a time in epoch seconds")
    return float(value)


def _window(args: dict[str, Any], start: float, until: float | None) -> tuple[float, float | None]:
    """``from`` / ``until`` / ``duration_s`` applied over the current window."""
    if args.get("from") is not None:
        start = _time(args, "from")  # type: ignore[assignment]
    name = "from"
    if args.get("duration_s") is not None:
        if "until" in args and args["until"] is not None:
            raise CommandError("bad_request", "give until or duration_s, not both")
        duration = _time(args, "duration_s")
        if duration is None or duration <= 0:
            raise CommandError("bad_request", "duration_s must be more than 0 seconds")
        until, name = start + duration, "duration_s"
    elif "until" in args:
        until = _time(args, "until")  # None: no end
        name = "until" if until is not None else name
    try:
        check_window(start, until)
    except ValueError as exc:
        raise CommandError("bad_request", f"{name}: {exc}") from None
    return start, until


def _plain(entry: BlacklistEntry, now: float) -> dict[str, Any]:
    out = to_plain(entry)
    out["state"] = entry.state(now).value
    out["display"] = display(entry.number)
    return out


# --- reading ------------------------------------------------------------------------------


@command("blacklist.list", permission=_VIEW,
         params=("state", "action", "search", "offset", "limit"))
def _list(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    now = _now(ctx)
    state = str(args.get("state") or "")
    action = str(args.get("action") or "")
    if state and state not in {s.value for s in EntryState}:
        raise CommandError("bad_request", f"unknown state {state!r} (pending, active, "
                                          "expired, lifted)")
    if action:
        try:
            action = parse_action(action).value
        except ValueError as exc:
            raise CommandError("bad_request", str(exc)) from None
    search = arg_str(args, "search", required=False, limit=100).strip().lower()
    digits = "".join(ch for ch in search if ch.isdigit())
    if search.startswith("+"):
        digits = "+" + digits
    offset, limit = args.get("offset", 0), args.get("limit", 200)
    for name, value, high in (("offset", offset, 10**9), ("limit", limit, MAX_PAGE)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise CommandError("bad_request", f"{name} must be an integer 0..{high}")
    found = []
    for e in _book(ctx).entries():
        if action and e.action != action:
            continue
        if state and e.state(now) != state:
            continue
        if search and not (
            (digits and digits in e.number) or search in e.reason.lower()
            or search in e.created_by.lower()
        ):
            continue
        found.append(e)
    found.sort(key=lambda e: (-e.created_at, e.number))
    page = found[offset:offset + limit]
    return {"total": len(found), "offset": offset, "now": now,
            "entries": [_plain(e, now) for e in page]}


@command("blacklist.show", permission=_VIEW, params=("number",), slow=True)
def _show(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    number = _number(args)
    entry = _book(ctx).get(number)
    if entry is None:
        raise CommandError("unknown_target", f"{display(number)} is not on the blacklist")
    now, repo = _now(ctx), _repo(ctx)
    calls = [
        {"call_id": c.call_id, "arrived_at": c.arrived_at, "ended_at": c.ended_at,
         "outcome": c.outcome.value, "action": c.blacklist_action, "agent": c.agent,
         "queue": c.queue}
        for c in repo.screened_calls(entry.id or 0, 500)
    ]
    return {"entry": _plain(entry, now), "history": repo.history_details(number),
            "calls": calls, "suggestion": _suggestion(repo, entry, now)}


def _suggestion(repo: BlacklistRepository, entry: BlacklistEntry, now: float) -> Any:
    since = now - REPEAT_RULE.days * 86400.0
    found = suggest_window(entry, repo.blocked_times(entry.id or 0, since), now, REPEAT_RULE)
    if found is None:
        return None
    return {"until": found.blocked_until, "blocked_calls": found.blocked_calls,
            "days": found.days, "why": found.why()}


@command("blacklist.export", permission=_VIEW)
def _export(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    entries = sorted(_book(ctx).entries(), key=lambda e: e.number)
    return {"csv": to_csv(entries), "entries": sum(1 for e in entries if e.active)}


# --- changing -----------------------------------------------------------------------------

_CHANGE_PARAMS = ("number", "action", "customer_level", "from", "until", "duration_s", "reason")


def _fields(args: dict[str, Any], entry: BlacklistEntry) -> None:
    try:
        if args.get("action") is not None:
            entry.action = parse_action(str(args["action"]))
        if args.get("customer_level") is not None:
            entry.customer_level = parse_level(str(args["customer_level"]))
    except ValueError as exc:
        raise CommandError("bad_request", str(exc)) from None


def _write(ctx: Context, change: EntryChange) -> BlacklistEntry:
    stored = _repo(ctx).apply([change])[0]
    _book(ctx).put(stored)
    return stored


@command("blacklist.add", permission=_EDIT, params=_CHANGE_PARAMS, audit=True, slow=True)
def _add(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    number, reason = _number(args), _reason(args)
    ctx.audit_target, ctx.audit_reason = f"blacklist/{number}", reason
    if args.get("action") is None:
        raise CommandError("bad_request", "an action is required: busy, release or warn")
    book, now = _book(ctx), _now(ctx)
    with book.lock:
        old = book.get(number)
        if old is not None and old.state(now) in (EntryState.ACTIVE, EntryState.PENDING):
            raise CommandError("invalid_operation",
                               f"{display(number)} is already listed ({old.state(now).value}): "
                               "edit it or lift it")
        entry = BlacklistEntry(number, created_by=ctx.user, created_at=now, reason=reason)
        if old is not None:  # lifted or expired: the same entry, listed again
            entry.id, entry.created_at = old.id, old.created_at
        _fields(args, entry)
        entry.blocked_from, entry.blocked_until = _window(args, now, None)
        change = BlacklistChange.ADDED if old is None else BlacklistChange.RELISTED
        stored = _write(ctx, EntryChange(entry, change, ctx.user, reason, now))
    ctx.audit_detail = {"action": stored.action.value, "until": stored.blocked_until}
    out = {"entry": _plain(stored, now), "change": change.value, "suggestion": None}
    if old is not None:
        out["suggestion"] = _suggestion(_repo(ctx), stored, now)
    return out


@command("blacklist.edit", permission=_EDIT, params=_CHANGE_PARAMS, audit=True, slow=True)
def _edit(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    number, reason = _number(args), _reason(args)
    ctx.audit_target, ctx.audit_reason = f"blacklist/{number}", reason
    book, now = _book(ctx), _now(ctx)
    with book.lock:
        old = book.get(number)
        if old is None:
            raise CommandError("unknown_target", f"{display(number)} is not on the blacklist")
        if not old.active:
            raise CommandError("invalid_operation",
                               f"{display(number)} was lifted: add it again to list it")
        entry = BlacklistEntry(**{f: getattr(old, f) for f in BlacklistEntry.__slots__})
        _fields(args, entry)
        entry.blocked_from, entry.blocked_until = _window(args, old.blocked_from,
                                                          old.blocked_until)
        entry.reason = reason
        stored = _write(ctx, EntryChange(entry, BlacklistChange.UPDATED, ctx.user, reason, now))
    ctx.audit_detail = {"action": stored.action.value, "until": stored.blocked_until}
    return {"entry": _plain(stored, now), "change": "updated"}


@command("blacklist.lift", permission=_EDIT, params=("number", "reason"), audit=True, slow=True)
def _lift(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    number, reason = _number(args), _reason(args)
    ctx.audit_target, ctx.audit_reason = f"blacklist/{number}", reason
    book, now = _book(ctx), _now(ctx)
    with book.lock:
        old = book.get(number)
        if old is None:
            raise CommandError("unknown_target", f"{display(number)} is not on the blacklist")
        if not old.active:
            raise CommandError("invalid_operation", f"{display(number)} is already lifted")
        entry = BlacklistEntry(**{f: getattr(old, f) for f in BlacklistEntry.__slots__})
        entry.active = False
        stored = _write(ctx, EntryChange(entry, BlacklistChange.REMOVED, ctx.user, reason, now))
    return {"entry": _plain(stored, now), "change": "removed"}


@command("blacklist.import", permission=_EDIT, params=("csv", "reason"), audit=True, slow=True)
def _import(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """All or nothing: any bad row refuses the file, naming each bad row by its line."""
    text = args.get("csv")
    if not isinstance(text, str):
        raise CommandError("bad_request", "argument 'csv' must be the file's text")
    reason = arg_str(args, "reason", required=False, limit=MAX_REASON).strip() or "CSV import"
    ctx.audit_target, ctx.audit_reason = "blacklist", reason
    try:
        rows = parse_csv(text)
    except CsvRefused as exc:
        raise CommandError("bad_request", _listing(exc)) from None
    book, now = _book(ctx), _now(ctx)
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    with book.lock:
        changes, errors = [], []
        for row in rows:
            old = book.get(row.number)
            try:
                start, until = row.window(old.blocked_from if old else None, now)
            except ValueError as exc:
                errors.append(f"line {row.line}: {exc}")
                continue
            entry = BlacklistEntry(
                row.number, row.customer_level, start, until, row.action, row.reason,
                created_by=ctx.user, created_at=now,
            )
            if old is not None:
                entry.id, entry.created_by, entry.created_at = old.id, old.created_by, \
                    old.created_at
                if old.active and _same(old, entry):
                    counts["unchanged"] += 1
                    continue
            change = (BlacklistChange.ADDED if old is None else
                      BlacklistChange.UPDATED if old.active else BlacklistChange.RELISTED)
            counts["added" if old is None else "updated"] += 1
            changes.append(EntryChange(entry, change, ctx.user, row.reason or reason, now))
        if errors:
            raise CommandError("bad_request", f"{len(errors)} bad row(s), nothing imported:\n"
                               + "\n".join(errors))
        if changes:
            book.put_many(_repo(ctx).apply(changes))
    ctx.audit_detail = dict(counts)
    return counts


def _same(a: BlacklistEntry, b: BlacklistEntry) -> bool:
    return (a.action, a.customer_level, a.blocked_from, a.blocked_until, a.reason) == (
        b.action, b.customer_level, b.blocked_from, b.blocked_until, b.reason)


def _listing(exc: CsvRefused) -> str:
    lines = [str(e) for e in exc.errors[:200]]
    more = len(exc.errors) - len(lines)
    tail = [f"… and {more} more"] if more > 0 else []
    return f"{len(exc.errors)} bad row(s), nothing imported:\n" + "\n".join(lines + tail)
