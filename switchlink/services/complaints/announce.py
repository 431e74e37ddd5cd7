"""From a complaint spike to a fault announcement in the IVR (S3): the IVR service's own
emergency notice (linted, at most 20 s, expiring by itself) on the flow whose menu serves
the classification, and the calls through that menu per interval before and after."""

from __future__ import annotations

import math
from typing import Any

from models.persistence.complaints import ivr_node_volume
from models.security import Permission
from switchlink.services import ivr as ivr_service
from switchlink.services.complaints.commands import _desk, _now
from switchlink.services.complaints.wire import int_arg, text_arg, time_arg
from switchlink.services.registry import CommandError, Context, command

VOLUME_INTERVAL_S = 300
VOLUME_BEFORE_S = 3600
MAX_NOTICE_S = 7 * 24 * 3600
MAX_INTERVALS = 2000


@command("complaints.announce", permission=Permission.ANNOUNCE_FAULT, audit=True,
         params=("alarm", "classification", "text", "expires_at", "flow"))
def _announce(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    desk = _desk(ctx)
    alarm = text_arg(args, "alarm", limit=32)
    classification = text_arg(args, "classification", limit=64).strip("/")
    if alarm:
        key = desk.spike_of_alarm(alarm)
        if key is None:
            raise CommandError("unknown_target", f"alarm {alarm!r} is not an active complaint "
                                                 "spike alarm (complaints.spikes lists them)")
        classification = key.rpartition("@")[0]
    elif not classification:
        raise CommandError("bad_request", "name the spike's 'alarm' or a 'classification'")
    if classification not in desk.settings.paths:
        raise CommandError("bad_request", f"unknown classification {classification!r}")
    menu = desk.settings.menu_for(classification)
    if menu is None:
        raise CommandError("invalid_operation",
                           f"{classification.split('/')[0]} has no IVR menu in the complaint "
                           "catalogue (tree[].ivr): nothing to announce on")
    flow = text_arg(args, "flow", limit=200) or menu[0]
    node = menu[1]
    now = _now(ctx)
    expires = time_arg(args, "expires_at")
    if expires is None or not now < expires <= now + MAX_NOTICE_S:
        raise CommandError("bad_request", "argument 'expires_at' must be a time after now and "
                                          "within a week (epoch seconds, switch time)")
    text = text_arg(args, "text", required=True, limit=ivr_service.MAX_NOTICE_CHARS)
    minutes = max(1, math.ceil((expires - now) / 60))
    result = ivr_service._emergency(ctx, {"flow": flow, "text": text, "minutes": minutes})
    ctx.audit_target = f"{flow}/{node}"
    ctx.audit_detail = {"classification": classification, "alarm": alarm or None,
                        "notice": result["notice"]}
    before = ivr_node_volume(desk.db, node, now - VOLUME_BEFORE_S, now, VOLUME_INTERVAL_S)
    return {"flow": flow, "node": node, "classification": classification,
            "notice": result["notice"],
            "volume": {"node": node, "interval_s": VOLUME_INTERVAL_S, "before": before,
                       "after": [], "notice_at": now}}


@command("complaints.volume", permission=Permission.VIEW_COMPLAINTS, slow=True,
         params=("node", "since", "until", "interval_s"))
def _volume(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Calls through an IVR node per interval, from call history (before / after a notice)."""
    desk = _desk(ctx)
    node = text_arg(args, "node", required=True, limit=100)
    now = _now(ctx)
    until = time_arg(args, "until")  # 0 is a time (and a window too long), not "not given"
    until = now if until is None else until
    since = time_arg(args, "since")
    since = until - 2 * VOLUME_BEFORE_S if since is None else since
    interval = int_arg(args, "interval_s", VOLUME_INTERVAL_S, 60, 86_400)
    if since >= until or (until - since) / interval > MAX_INTERVALS:
        raise CommandError("bad_request", f"'since' must be before 'until', at most "
                                          f"{MAX_INTERVALS} intervals apart")
    return {"node": node, "interval_s": interval,
            "rows": ivr_node_volume(desk.db, node, since, until, interval)}
