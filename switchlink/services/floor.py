"""Agents and calls on the floor: set skills, listen in, release, transfer, dial.

Each command checks its permission (in the registry), its target and the session's team
scope (:mod:`switchlink.services.supervision`, which also holds the agent-state commands),
asks the adapter and is audited; the floor changes arrive later as events, not as replies.
"""

from __future__ import annotations

from typing import Any

from models.calls import Participation
from models.security import Permission
from switchlink.services.registry import (
    CommandError,
    Context,
    Handler,
    arg_str,
    command,
    target_exists,
)
from switchlink.services.supervision import adapter_call, check_agent_scope, check_call_scope

# --- agents -------------------------------------------------------------------------------


@command("set_skills", permission=Permission.SET_SKILLS, params=("agent", "skills"), audit=True)
def _set_skills(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    agent = arg_str(args, "agent", limit=64)
    skills = args.get("skills")
    if not isinstance(skills, dict):
        raise CommandError("bad_request", "argument 'skills' must be a map of skill group -> level")
    for group in skills:
        target_exists(ctx, "queue", str(group))
    check_agent_scope(ctx, agent)
    ctx.audit_detail = {"skills": skills}
    adapter_call(ctx.adapter.set_skills, agent, skills)
    return {"agent": agent, "skills": skills}


# --- calls --------------------------------------------------------------------------------


def _join(how: Participation) -> Handler:
    """monitor / whisper / barge: the same supervisor's participation, switched in place."""

    def handler(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        call = arg_str(args, "call", limit=64)
        record = args.get("record", False)
        if not isinstance(record, bool):
            raise CommandError("bad_request", "argument 'record' must be true or false")
        check_call_scope(ctx, call)
        if how is Participation.MONITOR:
            if record:
                ctx.audit_detail = {"record": True}
            adapter_call(ctx.adapter.monitor, call, ctx.user, record=record)
        else:
            adapter_call(getattr(ctx.adapter, how.value), call, ctx.user)
        out: dict[str, Any] = {"call": call, "participation": how.value}
        if how is Participation.MONITOR:
            out["recording"] = record or ctx.user in (ctx.floor.get(f"call/{call}") or {}).get(
                "recording", {})
        return out

    return handler


command("monitor", permission=Permission.MONITOR_CALL, params=("call", "record"), audit=True)(
    _join(Participation.MONITOR)
)
command("whisper", permission=Permission.MONITOR_CALL, params=("call",), audit=True)(
    _join(Participation.WHISPER)
)
command("barge", permission=Permission.BARGE_CALL, params=("call",), audit=True)(
    _join(Participation.BARGE)
)


@command("leave", permission=Permission.MONITOR_CALL, params=("call",), audit=True)
def _leave(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    call = arg_str(args, "call", limit=64)
    check_call_scope(ctx, call)
    adapter_call(ctx.adapter.leave, call, ctx.user)
    return {"call": call, "participation": None}


@command("release", permission=Permission.RELEASE_CALL, params=("call", "reason"), audit=True)
def _release(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    call = arg_str(args, "call", limit=64)
    reason = arg_str(args, "reason", limit=500)
    check_call_scope(ctx, call)
    adapter_call(ctx.adapter.force_release, call, by=ctx.user, reason=reason)
    return {"call": call}


@command("transfer", permission=Permission.TRANSFER_CALL, params=("call", "to_agent", "to_queue"),
         audit=True)
def _transfer(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    call = arg_str(args, "call", limit=64)
    to_agent = arg_str(args, "to_agent", required=False, limit=64) or None
    to_queue = arg_str(args, "to_queue", required=False, limit=64) or None
    if (to_agent is None) == (to_queue is None):
        raise CommandError("bad_request", "transfer needs exactly one of to_agent or to_queue")
    check_call_scope(ctx, call)
    if to_agent:
        check_agent_scope(ctx, to_agent)  # a team leader transfers within their teams
    if to_queue:
        target_exists(ctx, "queue", to_queue)
    ctx.audit_detail = {"to_agent": to_agent, "to_queue": to_queue}
    adapter_call(ctx.adapter.transfer, call, to_agent=to_agent, to_queue=to_queue)
    return {"call": call}


@command("originate", permission=Permission.ORIGINATE,
         params=("number", "announcement", "caller_id"), audit=True)
def _originate(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    number = arg_str(args, "number", limit=32)
    announcement = arg_str(args, "announcement", required=False, limit=500)
    caller_id = arg_str(args, "caller_id", required=False, limit=32)
    ctx.audit_target = number
    call = ctx.adapter.originate(number, announcement=announcement, caller_id=caller_id)
    return {"call": call}
