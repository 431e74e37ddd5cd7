"""complaints.* commands (docs/complaints.md "Protocol"): catalogue, new, show, list, act,
warnings, report, spikes, announce, volume. Which action each role may take is decided by
models.complaints.lifecycle; the registry only checks the coarse permission."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from models.complaints.lifecycle import (
    ACTION_LABELS_ZH,
    DESK,
    PRIORITIES,
    STATE_LABELS_ZH,
    Actor,
    Refused,
    WorkOrderState,
    allowed_actions,
    decide,
)
from models.complaints.order import WorkOrder
from models.complaints.settings import ERROR_CLASSES
from models.persistence.complaints import OrderQuery, StaleOrder
from models.persistence.convert import NotFound
from models.security import Permission
from switchlink.services.complaints.desk import SERVICE_KEY, ComplaintDesk
from switchlink.services.complaints.wire import (
    MAX_ATTACHMENTS,
    MAX_TEXT,
    bool_arg,
    choice_arg,
    int_arg,
    list_arg,
    order_to_wire,
    session_department,
    text_arg,
    time_arg,
)
from switchlink.services.registry import CommandError, Context, command

P = Permission
MAX_LIST = 500
PERIODS = ("hourly", "daily", "weekly", "monthly")
SORTS = ("created", "due")
NEW_PARAMS = ("caller", "customer_level", "channel", "classification", "description", "cause",
              "responsible_department", "priority", "cross_region", "error_class",
              "attachments", "call_id", "area")


def _desk(ctx: Context) -> ComplaintDesk:
    desk = ctx.services.get(SERVICE_KEY)
    if desk is None:
        raise CommandError("unsupported", "this switchlink runs without complaint work orders "
                                          "(no database)")
    return desk


def _actor(ctx: Context) -> Actor:
    assert ctx.session is not None
    return Actor(ctx.session.username, ctx.session.role.value, session_department(ctx))


def _now(ctx: Context) -> float:
    return float(ctx.adapter.now())


def _wire(ctx: Context, desk: ComplaintDesk, order: WorkOrder) -> dict[str, Any]:
    return order_to_wire(order, _now(ctx), desk)


@command("complaints.catalogue", permission=P.VIEW_COMPLAINTS)
def _catalogue(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    s = _desk(ctx).settings
    return {"tree": s.tree, "causes": list(s.causes), "departments": list(s.departments),
            "channels": list(s.channels), "priorities": list(PRIORITIES),
            "error_classes": list(ERROR_CLASSES), "customer_levels": list(s.customer_levels),
            "desk": DESK, "actions": {a.value: zh for a, zh in ACTION_LABELS_ZH.items()},
            "states": {st.value: zh for st, zh in STATE_LABELS_ZH.items()}}


def _from_call(ctx: Context, desk: ComplaintDesk, call_id: str) -> dict[str, Any]:
    """Caller, level and IVR trail of the call: live on the floor, else from history."""
    live = ctx.floor.get(f"call/{call_id}") if ctx.floor is not None else None
    if live:
        return {"caller": live.get("caller", ""), "customer_level": live.get("customer_level"),
                "ivr_trail": list(live.get("ivr_trail") or [])}
    from models.persistence.calls import CallRepository

    record = CallRepository(desk.db).newest(call_id)
    if record is None:
        raise CommandError("unknown_target", f"no call {call_id!r} on the floor or in history")
    return {"caller": record.caller, "customer_level": str(record.customer_level),
            "ivr_trail": list(record.ivr_trail)}


@command("complaints.new", permission=P.ACCEPT_COMPLAINTS, params=NEW_PARAMS, audit=True,
         slow=True)
def _new(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    desk = _desk(ctx)
    s = desk.settings
    call_id = text_arg(args, "call_id", limit=64) or None
    known = _from_call(ctx, desk, call_id) if call_id else {}
    caller = text_arg(args, "caller", limit=32) or known.get("caller", "")
    if not caller:
        raise CommandError("bad_request", "argument 'caller' is required (or a call_id)")
    level = args.get("customer_level") or known.get("customer_level") or "normal"
    level = choice_arg({"customer_level": level}, "customer_level", s.customer_levels)
    channel = choice_arg(args, "channel", s.channels, "hotline")
    classification = text_arg(args, "classification", required=True, limit=64).strip("/")
    if classification not in s.paths:
        raise CommandError("bad_request", f"unknown classification {classification!r} "
                                          "(complaints.catalogue lists the tree)")
    description = text_arg(args, "description", required=True, limit=MAX_TEXT)
    cause = choice_arg(args, "cause", ("", *s.causes), "")
    responsible = choice_arg(args, "responsible_department", ("", *s.departments), "")
    priority = choice_arg(args, "priority", PRIORITIES, "normal")
    error_class = choice_arg(args, "error_class", ERROR_CLASSES, "")
    now = _now(ctx)
    deadline = s.deadlines.deadline(now, classification, str(level))
    order = WorkOrder(
        id="", caller=caller, customer_level=str(level), channel=str(channel),
        classification=classification, description=description, cause=str(cause),
        responsible_department=str(responsible), priority=str(priority),
        cross_region=bool(bool_arg(args, "cross_region", False)), error_class=str(error_class),
        attachments=list_arg(args, "attachments", MAX_ATTACHMENTS), call_id=call_id,
        ivr_trail=list(known.get("ivr_trail", [])), area=text_arg(args, "area", limit=64),
        created_at=now, created_by=ctx.user, due_at=deadline.due_at,
        level_at=dict(deadline.level_at))
    day = s.calendar.local_day(now).strftime("%Y%m%d")
    order = desk.repo.create(order, day=day, role=_actor(ctx).role)
    desk.arrived(order)
    ctx.audit_target = order.id
    ctx.audit_detail = {"classification": classification, "call_id": call_id}
    return _wire(ctx, desk, order)


def _get(desk: ComplaintDesk, args: dict[str, Any]) -> WorkOrder:
    number = text_arg(args, "id", required=True, limit=24)
    order = desk.repo.get(number)
    if order is None:
        raise CommandError("unknown_target", f"no work order {number!r}")
    return order


@command("complaints.show", permission=P.VIEW_COMPLAINTS, params=("id",), slow=True)
def _show(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    desk = _desk(ctx)
    order = _get(desk, args)
    history = [{"at": h.at, "by": h.by, "role": h.role, "action": h.action,
                "from_state": h.from_state, "to_state": h.to_state, "note": h.note}
               for h in desk.repo.history(order.id)]
    return {"order": _wire(ctx, desk, order), "history": history,
            "actions": allowed_actions(order.view(), _actor(ctx))}


@command("complaints.list", permission=P.VIEW_COMPLAINTS, slow=True,
         params=("state", "classification", "warning", "department", "mine", "since", "until",
                 "text", "offset", "limit", "sort"))
def _list(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    desk = _desk(ctx)
    q = OrderQuery(
        state=choice_arg(args, "state", [st.value for st in WorkOrderState]),
        classification=text_arg(args, "classification", limit=64) or None,
        warning=choice_arg(args, "warning", ("yellow", "orange", "red", "black")),
        department=text_arg(args, "department", limit=64) or None,
        since=time_arg(args, "since"), until=time_arg(args, "until"),
        text=text_arg(args, "text", limit=100) or None,
        offset=int_arg(args, "offset", 0, 0, 1_000_000),
        limit=int_arg(args, "limit", 100, 1, MAX_LIST),
        sort=str(choice_arg(args, "sort", SORTS, "created")))
    if bool_arg(args, "mine", False):
        actor = _actor(ctx)
        if actor.role == "department":
            q.department = actor.department or "\0"  # no department: nothing is mine
        elif actor.role == "quality_inspector":
            q.department = DESK
        else:
            q.created_by = actor.username
    total, rows = desk.repo.search(q, _now(ctx))
    return {"total": total, "rows": [_wire(ctx, desk, o) for o in rows]}


@command("complaints.act", permission=P.WORK_COMPLAINTS, audit=True, slow=True,
         params=("id", "action", "version", "note", "department", "satisfied"))
def _act(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    desk = _desk(ctx)
    number = text_arg(args, "id", required=True, limit=24)
    action = text_arg(args, "action", required=True, limit=32)
    version = args.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version < 2**63:
        raise CommandError("bad_request", "argument 'version' is required: the version you "
                                          "read (optimistic concurrency; 1 or more)")
    note = text_arg(args, "note", limit=MAX_TEXT)
    department = text_arg(args, "department", limit=64)
    satisfied = bool_arg(args, "satisfied")
    actor = _actor(ctx)
    now = _now(ctx)
    ctx.audit_target, ctx.audit_reason = number, note[:500]
    ctx.audit_detail = {"action": action, "version": version}
    departments = frozenset(desk.settings.departments)
    try:
        order, step = desk.repo.act(
            number, version,
            lambda o: decide(o.view(), action, actor, now, note=note, department=department,
                             satisfied=satisfied, departments=departments),
            by=actor.username, role=actor.role, at=now)
    except Refused as exc:
        raise CommandError(exc.code, exc.message) from None
    except NotFound:
        raise CommandError("unknown_target", f"no work order {number!r}") from None
    except StaleOrder as exc:
        when = datetime.fromtimestamp(exc.at, desk.settings.calendar.zone)
        raise CommandError("stale", f"{number} was changed by {exc.by or 'someone'} at "
                                    f"{when:%Y-%m-%d %H:%M:%S} (version {exc.version}, you "
                                    f"sent {exc.sent}); reload it") from None
    if step.action.value == "urge":
        desk.urged(order, actor.username, note, now)
    ctx.audit_detail["to_state"] = step.to_state.value
    return _wire(ctx, desk, order)


@command("complaints.warnings", permission=P.VIEW_COMPLAINTS, slow=True)
def _warnings(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return _desk(ctx).repo.warnings(_now(ctx))


def period_bounds(desk: ComplaintDesk, period: str, day_text: str) -> tuple[float, float]:
    """[start, end) of the hourly / daily / weekly / monthly period holding ``date``
    (hourly: the day's 24 hours as one report, rows per hour come from the caller)."""
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise CommandError("bad_request", f"argument 'date' must be YYYY-MM-DD, got "
                                          f"{day_text!r}") from None
    if period == "weekly":
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=7)
    elif period == "monthly":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1)
    else:
        first, last = day, day + timedelta(days=1)
    zone = desk.settings.calendar.zone
    start = datetime.combine(first, datetime.min.time(), zone).timestamp()
    end = datetime.combine(last, datetime.min.time(), zone).timestamp()
    return start, end


@command("complaints.report", permission=P.VIEW_COMPLAINTS, params=("period", "date"),
         slow=True)
def _report(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    desk = _desk(ctx)
    period = str(choice_arg(args, "period", PERIODS, "daily"))
    default_day = desk.settings.calendar.local_day(_now(ctx)).isoformat()
    start, end = period_bounds(desk, period, text_arg(args, "date", limit=10) or default_day)
    now = _now(ctx)
    out: dict[str, Any] = {"period": period, "start": start, "end": end,
                           **desk.repo.report(start, end, now)}
    if period == "hourly":
        out["hours"] = [{"start": h, **desk.repo.report(h, h + 3600, now)}
                        for h in (start + i * 3600 for i in range(int((end - start) // 3600)))]
    return out


@command("complaints.spikes", permission=P.VIEW_COMPLAINTS)
def _spikes(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return {"spikes": _desk(ctx).spike_list()}
