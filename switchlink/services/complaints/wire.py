"""Complaint orders on the wire, and the argument checks every complaint command shares."""

from __future__ import annotations

import math
from typing import Any

from models.complaints.order import WorkOrder
from switchlink.services.registry import CommandError, Context

MAX_TEXT = 4000
MAX_ATTACHMENTS = 20


def order_to_wire(order: WorkOrder, now: float, desk: Any) -> dict[str, Any]:
    """The order dict of docs/complaints.md: the stored fields plus time left and warning."""
    remaining = None
    if order.due_at is not None:
        until = now if order.replied_at is None or order.state.value in (
            "accepted", "dispatched", "returned", "reprocessing") else order.replied_at
        remaining = round(desk.settings.deadlines.remaining(order.due_at, until), 1)
    return {
        "id": order.id, "caller": order.caller, "customer_level": order.customer_level,
        "channel": order.channel, "classification": order.classification,
        "description": order.description, "cause": order.cause,
        "responsible_department": order.responsible_department,
        "holder_department": order.holder_department, "priority": order.priority,
        "cross_region": order.cross_region, "error_class": order.error_class,
        "attachments": list(order.attachments), "call_id": order.call_id,
        "ivr_trail": list(order.ivr_trail), "area": order.area, "state": order.state.value,
        "version": order.version, "created_at": order.created_at,
        "created_by": order.created_by, "updated_at": order.updated_at,
        "updated_by": order.updated_by, "due_at": order.due_at, "remaining_s": remaining,
        "warning": desk.warning_of(order, now), "satisfied": order.satisfied,
        "immediate": order.immediate, "replied_at": order.replied_at,
        "closed_at": order.closed_at,
    }


def text_arg(args: dict[str, Any], name: str, *, required: bool = False,
             limit: int = 200) -> str:
    value = args.get(name)
    if value is None:
        if required:
            raise CommandError("bad_request", f"argument {name!r} is required")
        return ""
    if not isinstance(value, str):
        raise CommandError("bad_request", f"argument {name!r} must be text, got {value!r}")
    value = value.strip()
    if required and not value:
        raise CommandError("bad_request", f"argument {name!r} is empty")
    if len(value) > limit:
        raise CommandError("bad_request",
                           f"argument {name!r} is longer than {limit} characters")
    return value


def choice_arg(args: dict[str, Any], name: str, choices: tuple[str, ...] | list[str],
               default: str | None = None) -> str | None:
    value = args.get(name, default)
    if value is None:
        return None
    if value not in choices:
        shown = ", ".join(repr(c) for c in choices)
        raise CommandError("bad_request", f"argument {name!r} must be one of {shown}, "
                                          f"got {value!r}")
    return str(value)


def bool_arg(args: dict[str, Any], name: str, default: bool | None = None) -> bool | None:
    value = args.get(name, default)
    if value is not None and not isinstance(value, bool):
        raise CommandError("bad_request", f"argument {name!r} must be true or false")
    return value


def time_arg(args: dict[str, Any], name: str) -> float | None:
    value = args.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise CommandError("bad_request", f"argument {name!r} must be a time (epoch seconds)")
    return float(value)


def int_arg(args: dict[str, Any], name: str, default: int, low: int, high: int) -> int:
    value = args.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CommandError("bad_request", f"argument {name!r} must be an integer "
                                          f"{low}..{high}, got {value!r}")
    return value


def list_arg(args: dict[str, Any], name: str, limit: int) -> list[str]:
    value = args.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() and len(v) < 500
                                              for v in value):
        raise CommandError("bad_request", f"argument {name!r} must be a list of references")
    if len(value) > limit:
        raise CommandError("bad_request", f"argument {name!r}: at most {limit} entries")
    return [v.strip() for v in value]


def session_department(ctx: Context) -> str:
    return str(getattr(ctx.session, "department", "") or "")
