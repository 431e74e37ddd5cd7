"""Supervisor control of agents (issue 12): forced states with reason codes, cancelling a
pending sign-out, bulk actions, and the team scope every agent / call command obeys.

A user with ``teams`` (a team leader, usually) may act only on agents of those teams; a
call counts as its agent's. One ``agents.bulk`` request runs each agent through the same
checks as the single command and writes one audit entry per agent; one agent's refusal
never fails the others. Everything here runs on the daemon's loop: a check is a dict
look-up and the emulator answers in microseconds (500 agents take ~20 ms, docs/protocol.md).
"""

from __future__ import annotations

import time
from typing import Any

from models.agents import AgentState
from models.security import ROLE_PERMISSIONS, AuditEntry, Permission, Role
from models.supervision import (
    DEFAULT_NOT_READY_REASONS,
    ReasonCode,
    parse_reason_codes,
    team_refusal,
    unique_agents,
)
from switchlink.adapters.errors import AdapterError
from switchlink.services.registry import (
    CommandError,
    Context,
    Deferred,
    arg_str,
    command,
)

#: ``Context.services`` key of the configured not-ready reasons (a tuple of ReasonCode)
REASONS_KEY = "not_ready_reasons"
#: most agents one ``agents.bulk`` request may name
MAX_BULK = 5000
#: adapter error code -> protocol error code (as the registry maps them)
_ADAPTER_CODES = {"invalid_argument": "bad_request", "adapter_not_started": "link_down"}

#: action -> (state asked of the switch, permission)
ACTIONS: dict[str, tuple[AgentState | None, Permission]] = {
    "ready": (AgentState.READY, Permission.FORCE_AGENT_STATE),
    "not_ready": (AgentState.NOT_READY, Permission.FORCE_AGENT_STATE),
    "logout": (AgentState.LOGGED_OUT, Permission.FORCE_LOGOUT),
    "cancel_logout": (None, Permission.FORCE_LOGOUT),
}
#: what ``set_agent_state`` accepts for ``state`` -> action
_STATE_WORDS = {"ready": "ready", "not_ready": "not_ready", "not-ready": "not_ready",
                "logout": "logout", "logged_out": "logout"}


# --- scope --------------------------------------------------------------------------------


def check_agent_scope(ctx: Context, agent: str) -> dict[str, Any]:
    """The agent's floor record, if the session may act on it; else ``CommandError``."""
    record = ctx.floor.get(f"agent/{agent}")
    if record is None:
        raise CommandError("unknown_target", f"no agent {agent!r} on this floor")
    session = ctx.session
    if session is None:
        return record
    if session.role is Role.TEAM_LEADER and not session.teams:
        raise CommandError("forbidden", f"team leader {session.username} has no team assigned")
    refusal = team_refusal(agent, str(record.get("team") or ""), session.teams)
    if refusal is not None:
        raise CommandError("forbidden", refusal)
    return record


def check_call_scope(ctx: Context, call: str) -> dict[str, Any]:
    """The call's floor record, if the session may act on its agent."""
    record = ctx.floor.get(f"call/{call}")
    if record is None:
        raise CommandError("unknown_target", f"no call {call!r} on this floor")
    session = ctx.session
    scoped = session is not None and (session.teams or session.role is Role.TEAM_LEADER)
    if scoped:
        agent = record.get("agent")
        if not agent:
            assert session is not None
            teams = ", ".join(session.teams) or "none assigned"
            raise CommandError("forbidden", f"call {call} has no agent in your teams ({teams})")
        check_agent_scope(ctx, str(agent))
    return record


def adapter_call(run: Any, *args: Any, **kwargs: Any) -> Any:
    """Run an adapter operation; its neutral error becomes the protocol's code."""
    try:
        return run(*args, **kwargs)
    except AdapterError as exc:
        code = _ADAPTER_CODES.get(exc.code, exc.code)
        message = f"link down: {exc}" if code == "link_down" else str(exc)
        raise CommandError(code, message) from None


# --- reason codes -------------------------------------------------------------------------


def config_services(not_ready_reasons: list[Any] | None) -> dict[str, Any]:
    """The ``Context.services`` entries the daemon's config sets (checked by its loader)."""
    reasons = parse_reason_codes(not_ready_reasons) if not_ready_reasons else (
        DEFAULT_NOT_READY_REASONS)
    return {REASONS_KEY: reasons}


def reason_codes(ctx: Context) -> tuple[ReasonCode, ...]:
    return ctx.services.get(REASONS_KEY) or DEFAULT_NOT_READY_REASONS


@command("reason_codes")
def _reason_codes(ctx: Context, args: dict[str, Any]) -> list[dict[str, str]]:
    """The not-ready reasons a forced not-ready must give, with their labels."""
    return [{"code": r.code, "zh": r.zh, "en": r.en} for r in reason_codes(ctx)]


def _reason_code(ctx: Context, action: str, args: dict[str, Any]) -> str:
    code = arg_str(args, "reason_code", required=False, limit=32)
    if action != "not_ready":
        return code
    known = [r.code for r in reason_codes(ctx)]
    if not code and args.get("reason") in known:  # a reason that is itself a code will do
        code = str(args["reason"])
    if code not in known:
        given = f"{code!r} is not one" if code else "missing"
        raise CommandError("bad_request", f"reason_code {given}: a not-ready needs one of "
                                          f"{', '.join(known)}")
    return code


# --- agent actions ------------------------------------------------------------------------


def _refusal(agent: str, action: str, record: dict[str, Any], code: str) -> str | None:
    """Why ``action`` makes no sense for the agent as the floor shows it (None: go ahead)."""
    state = record.get("state")
    if action == "cancel_logout":  # the switch knows best: the floor may lag the booking
        return None
    if action == "logout" and state == AgentState.LOGGED_OUT.value:
        return f"agent {agent} is already signed out"  # ready on a signed-out seat: the switch says
    if action == "logout" and record.get("pending_logout"):
        return f"agent {agent} already has a sign-out pending"
    if action == "ready" and state == AgentState.READY.value:
        return f"agent {agent} is already ready"
    if action == "not_ready" and state == AgentState.NOT_READY.value and (
        record.get("reason") == code
    ):
        return f"agent {agent} is already not ready ({code})"
    return None


def act_on_agent(ctx: Context, agent: str, action: str, reason: str, code: str
                 ) -> dict[str, Any]:
    """One agent: scope, state, then the switch. Returns ``{agent, state|pending}``."""
    record = check_agent_scope(ctx, agent)
    refusal = _refusal(agent, action, record, code)
    if refusal is not None:
        raise CommandError("invalid_operation", refusal)
    state = ACTIONS[action][0]
    if state is None:
        adapter_call(ctx.adapter.cancel_logout, agent, reason=reason, by=ctx.user)
        return {"agent": agent, "pending": False}
    adapter_call(ctx.adapter.set_state, agent, state, reason=code or reason, forced=True,
                 by=ctx.user)
    out: dict[str, Any] = {"agent": agent, "state": state.value}
    if state is AgentState.LOGGED_OUT and record.get("call_id"):
        out["pending"] = True  # signed out when the call ends (agent/<id> pending_logout)
    return out


@command("set_agent_state", permission=lambda args: ACTIONS.get(
    _STATE_WORDS.get(str(args.get("state")), ""), (None, Permission.FORCE_AGENT_STATE))[1],
    params=("agent", "state", "reason", "reason_code"), audit=True)
def _set_agent_state(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """强制示闲 / 强制示忙 / 强制签出: always a forced change by the session's user."""
    agent = arg_str(args, "agent", limit=64)
    raw = arg_str(args, "state", limit=32)
    action = _STATE_WORDS.get(raw)
    if action is None:
        raise CommandError("bad_request", f"state must be ready, not_ready or logout, not {raw!r}")
    reason = arg_str(args, "reason", limit=500)
    code = _reason_code(ctx, action, args)
    if code:
        ctx.audit_detail = {"reason_code": code}
    return act_on_agent(ctx, agent, action, reason, code)


@command("cancel_logout", permission=Permission.FORCE_LOGOUT, params=("agent", "reason"),
         audit=True)
def _cancel_logout(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Cancel a forced sign-out still waiting for the agent's call to end."""
    agent = arg_str(args, "agent", limit=64)
    reason = arg_str(args, "reason", limit=500)
    return act_on_agent(ctx, agent, "cancel_logout", reason, "")


@command("agents.bulk", params=("agents", "action", "reason", "reason_code"), audit=True)
def _bulk(ctx: Context, args: dict[str, Any]) -> Deferred:
    """One action on many agents: a result per agent, one audit entry per agent.

    Runs in steps of the daemon's loop (:class:`Deferred`), so thousands of agents never hold
    up heartbeats or publishing; each agent is checked against the floor as it is then.
    """
    action = arg_str(args, "action", limit=32)
    if action not in ACTIONS:
        raise CommandError("bad_request", f"action must be one of {', '.join(ACTIONS)}, "
                                          f"not {action!r}")
    try:
        agents = unique_agents(args.get("agents"), MAX_BULK)  # type: ignore[arg-type]
    except ValueError as exc:
        raise CommandError("bad_request", str(exc)) from None
    reason = arg_str(args, "reason", limit=500)
    code = _reason_code(ctx, action, args)
    assert ctx.session is not None
    session = ctx.session
    ctx.audited_by_handler = True
    allowed = ACTIONS[action][1] in ROLE_PERMISSIONS.get(session.role, frozenset())
    name = "cancel_logout" if action == "cancel_logout" else "set_agent_state"
    detail = {"bulk": len(agents), "action": action, **({"reason_code": code} if code else {})}
    results: list[dict[str, Any]] = []

    def step(budget_s: float) -> tuple[bool, Any]:
        deadline = time.monotonic() + budget_s
        entries: list[AuditEntry] = []
        now = time.time()
        while len(results) < len(agents):
            agent = agents[len(results)]
            try:
                if not allowed:
                    ctx.require(ACTIONS[action][1])
                done = act_on_agent(ctx, agent, action, reason, code)
                results.append({"agent": agent, "ok": True,
                                **({"pending": True} if done.get("pending") else {})})
                outcome = "ok"
            except CommandError as exc:
                results.append({"agent": agent, "ok": False, "code": exc.code,
                                "message": exc.message})
                outcome = exc.code
            entries.append(AuditEntry(at=now, user=session.username, role=session.role.value,
                                      action=name, target=agent, reason=reason[:500],
                                      result=outcome, detail=detail))
            if len(results) % 50 == 0 and time.monotonic() >= deadline:
                break
        _audit_all(ctx, entries)
        finished = len(results) == len(agents)
        return finished, ({"results": results} if finished else None)

    return Deferred(step)


def _audit_all(ctx: Context, entries: list[AuditEntry]) -> None:
    """Every agent's entry, refusals included (a bulk request is one deliberate act)."""
    record_many = getattr(ctx.audit, "record_many", None)
    if record_many is not None:
        record_many(entries)
    else:
        for entry in entries:
            ctx.audit.record(entry)
