"""Diagnostics: the daemon's status, board self-tests, channel loop-backs and injected faults.

``status`` needs no login (a console shows it before one); the rest need RUN_DIAGNOSTICS or
INJECT_FAULT and are audited. Test results arrive later as ``TestCompleted`` events.
"""

from __future__ import annotations

from typing import Any

from models.security import Permission
from switchlink.services.registry import CommandError, Context, arg_str, command, target_exists


@command("status", auth=False)
def _status(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return ctx.status()


# --- maintenance --------------------------------------------------------------------------


@command("inject_fault", permission=Permission.INJECT_FAULT, params=("kind", "target", "params"),
         audit=True)
def _inject_fault(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    kind = arg_str(args, "kind", limit=32)
    target = arg_str(args, "target", required=False, limit=64)
    params = args.get("params", {})
    if not isinstance(params, dict) or not all(isinstance(k, str) for k in params):
        raise CommandError("bad_request", "argument 'params' must be a map with string keys")
    ctx.audit_target = target
    ctx.audit_detail = {"kind": kind, "params": params}
    ctx.adapter.inject_fault(kind, target, **params)
    return {"kind": kind, "target": target}


@command("self_test", permission=Permission.RUN_DIAGNOSTICS, params=("board",), audit=True)
def _self_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    board = arg_str(args, "board", limit=64)
    target_exists(ctx, "board", board)
    return {"test": ctx.adapter.self_test(board)}


@command("loopback_test", permission=Permission.RUN_DIAGNOSTICS, params=("channel",), audit=True)
def _loopback_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    channel = arg_str(args, "channel", limit=64)
    target_exists(ctx, "channel", channel)
    return {"test": ctx.adapter.loopback_test(channel)}
