"""Agents and calls on the floor: force a state, set skills, listen in, release, transfer, dial.

Each command checks its permission (in the registry), checks its target is on the floor,
asks the adapter and is audited; the floor changes arrive later as events, not as replies.
"""

from __future__ import annotations

from typing import Any

from models.agents import AgentState
from models.security import Permission
from switchlink.services.registry import (
    CommandError,
    Context,
    Handler,
    arg_str,
    command,
    target_exists,
)

# --- agents -------------------------------------------------------------------------------

_STATES = {"ready": AgentState.READY, "not-ready": AgentState.NOT_READY,
           "not_ready": AgentState.NOT_READY, "logout": AgentState.LOGGED_OUT,
           "logged_out": AgentState.LOGGED_OUT}


def _state_permission(args: dict[str, Any]) -> Permission:
    return Permission.FORCE_LOGOUT if args.get("state") in ("logout", "logged_out") else (
        Permission.FORCE_AGENT_STATE
    )


@command("set_agent_state", permission=_state_permission, params=("agent", "state", "reason"),
         audit=True)
def _set_agent_state(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    agent = arg_str(args, "agent", limit=64)
    raw = arg_str(args, "state", limit=32)
    reason = arg_str(args, "reason", limit=500)
    state = _STATES.get(raw)
    if state is None:
        raise CommandError("bad_request", f"state must be ready, not-ready or logout, not {raw!r}")
    target_exists(ctx, "agent", agent)
    ctx.adapter.set_state(agent, state, reason=reason, forced=True, by=ctx.user)
    return {"agent": agent, "state": state.value}


@command("set_skills", permission=Permission.SET_SKILLS, params=("agent", "skills"), audit=True)
def _set_skills(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    agent = arg_str(args, "agent", limit=64)
    skills = args.get("skills")
    if not isinstance(skills, dict):
        raise CommandError("bad_request", "argument 'skills' must be a map of skill group -> level")
    for group in skills:
        target_exists(ctx, "queue", str(group))
    target_exists(ctx, "agent", agent)
    ctx.audit_detail = {"skills": skills}
    ctx.adapter.set_skills(agent, skills)
    return {"agent": agent, "skills": skills}



# --- calls --------------------------------------------------------------------------------


def _join(how: str) -> Handler:
    def handler(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        call = arg_str(args, "call", limit=64)
        target_exists(ctx, "call", call)
        getattr(ctx.adapter, how)(call, ctx.user)
        return {"call": call}

    return handler


command("monitor", permission=Permission.MONITOR_CALL, params=("call",), audit=True)(
    _join("monitor")
)
command("whisper", permission=Permission.MONITOR_CALL, params=("call",), audit=True)(
    _join("whisper")
)
command("barge", permission=Permission.BARGE_CALL, params=("call",), audit=True)(_join("barge"))
command("leave", permission=Permission.MONITOR_CALL, params=("call",), audit=True)(_join("leave"))


@command("release", permission=Permission.RELEASE_CALL, params=("call", "reason"), audit=True)
def _release(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    call = arg_str(args, "call", limit=64)
    reason = arg_str(args, "reason", limit=500)
    target_exists(ctx, "call", call)
    ctx.adapter.force_release(call, by=ctx.user, reason=reason)
    return {"call": call}


@command("transfer", permission=Permission.TRANSFER_CALL, params=("call", "to_agent", "to_queue"),
         audit=True)
def _transfer(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    call = arg_str(args, "call", limit=64)
    to_agent = arg_str(args, "to_agent", required=False, limit=64) or None
    to_queue = arg_str(args, "to_queue", required=False, limit=64) or None
    if (to_agent is None) == (to_queue is None):
        raise CommandError("bad_request", "transfer needs exactly one of to_agent or to_queue")
    target_exists(ctx, "call", call)
    if to_agent:
        target_exists(ctx, "agent", to_agent)
    if to_queue:
        target_exists(ctx, "queue", to_queue)
    ctx.audit_detail = {"to_agent": to_agent, "to_queue": to_queue}
    ctx.adapter.transfer(call, to_agent=to_agent, to_queue=to_queue)
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
