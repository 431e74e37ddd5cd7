"""Command handlers and their registry: each checks a permission, calls the adapter, audits.

Other services register more commands with the same decorator::

    @command("alarms.ack", permission=Permission.ACK_ALARM, params=("alarm",), audit=True)
    def ack(ctx: Context, args: dict) -> dict: ...
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.agents import AgentState
from models.security import ROLE_PERMISSIONS, AuditEntry, Permission
from switchlink.adapters.base import SwitchAdapter
from switchlink.adapters.errors import AdapterError
from switchlink.auth import AuditLog, Authenticator, AuthError, Session
from switchlink.engine.state import FloorState

log = logging.getLogger(__name__)

#: stable error codes of the protocol (docs/protocol.md)
ERROR_CODES = frozenset(
    {
        "not_authenticated", "forbidden", "bad_request", "unknown_command", "unknown_target",
        "invalid_operation", "unsupported", "link_down", "timeout", "internal", "bad_signature",
        "bad_version", "too_large", "stale",
    }
)
#: adapter error code -> protocol error code
_ADAPTER_CODES = {"invalid_argument": "bad_request", "adapter_not_started": "link_down"}


class CommandError(Exception):
    """A refused or failed command: a stable ``code`` and a message for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(slots=True)
class Context:
    """What a handler may use: the switch, the floor, the user behind the request."""

    adapter: SwitchAdapter
    floor: FloorState
    auth: Authenticator
    audit: AuditLog
    session: Session | None = None
    #: filled by the server: link, epoch, sequence, adapter, counts
    status: Callable[[], dict[str, Any]] = dict
    #: the daemon's other services by name ("alarms", "db" …) for registered commands
    services: dict[str, Any] = field(default_factory=dict)
    #: audit fields a handler sets (target, reason, detail)
    audit_target: str = ""
    audit_reason: str = ""
    audit_detail: dict[str, Any] = field(default_factory=dict)

    @property
    def user(self) -> str:
        return self.session.username if self.session else ""

    def require(self, permission: Permission) -> None:
        if self.session is None or permission not in ROLE_PERMISSIONS.get(
            self.session.role, frozenset()
        ):
            role = self.session.role.value if self.session else "anonymous"
            raise CommandError("forbidden", f"role {role!r} lacks permission {permission.value!r}")


Handler = Callable[[Context, dict[str, Any]], Any]
PermissionRule = Permission | Callable[[dict[str, Any]], Permission] | None


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    handler: Handler
    permission: PermissionRule
    params: frozenset[str]
    #: needs a logged-in session
    auth: bool
    #: state-changing: every attempt is written to the audit log
    audit: bool


COMMANDS: dict[str, CommandSpec] = {}


def command(
    name: str,
    *,
    permission: PermissionRule = None,
    params: tuple[str, ...] = (),
    auth: bool = True,
    audit: bool = False,
) -> Callable[[Handler], Handler]:
    """Register ``handler`` under ``name``; a second registration of a name is an error."""

    def register(handler: Handler) -> Handler:
        if name in COMMANDS:
            raise ValueError(f"command {name!r} is already registered")
        COMMANDS[name] = CommandSpec(name, handler, permission, frozenset(params), auth, audit)
        return handler

    return register


def dispatch(ctx: Context, name: str, args: dict[str, Any], token: str | None) -> Any:
    """Run command ``name``; returns its data or raises :class:`CommandError`."""
    spec = COMMANDS.get(name)
    if spec is None:
        raise CommandError("unknown_command", f"no command named {name!r}")
    unknown = set(args) - spec.params
    if unknown:
        allowed = ", ".join(sorted(spec.params)) or "none"
        raise CommandError(
            "bad_request",
            f"{name}: unknown argument(s) {sorted(map(str, unknown))} (allowed: {allowed})",
        )
    if spec.auth:
        try:
            ctx.session = ctx.auth.session(token)
        except AuthError as exc:
            raise CommandError(exc.code, exc.message) from None
    result = "ok"
    try:
        if spec.permission is not None:
            perm = spec.permission(args) if callable(spec.permission) else spec.permission
            ctx.require(perm)
        return spec.handler(ctx, args)
    except CommandError as exc:
        result = exc.code
        raise
    except AdapterError as exc:
        result = _ADAPTER_CODES.get(exc.code, exc.code)
        raise CommandError(result, str(exc)) from None
    except Exception:
        log.exception("command %s failed", name)
        result = "internal"
        raise CommandError("internal", f"{name} failed inside switchlink; see its log") from None
    finally:
        if spec.audit:
            _audit(ctx, name, args, result)


def _audit(ctx: Context, name: str, args: dict[str, Any], result: str) -> None:
    target = ctx.audit_target or str(
        args.get("agent") or args.get("call") or args.get("board") or args.get("channel") or ""
    )
    reason = ctx.audit_reason or str(args.get("reason", ""))
    entry = AuditEntry(
        at=time.time(),
        user=ctx.user or str(args.get("username", "")),
        role=ctx.session.role.value if ctx.session else "",
        action=name,
        target=target[:200],
        reason=reason[:500],
        result=result,
        detail=ctx.audit_detail,
    )
    try:
        ctx.audit.record(entry)
    except Exception:  # an audit failure is loud but never takes the daemon down
        log.exception("could not write the audit record for %s", name)


# --- argument helpers ---------------------------------------------------------------------


def arg_str(args: dict[str, Any], name: str, *, required: bool = True, limit: int = 200) -> str:
    value = args.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise CommandError("bad_request", f"argument {name!r} must be a non-empty string")
    if len(value) > limit:
        raise CommandError("bad_request", f"argument {name!r} is longer than {limit} characters")
    return value


def _target_exists(ctx: Context, kind: str, ident: str) -> None:
    if ctx.floor.get(f"{kind}/{ident}") is None:
        raise CommandError("unknown_target", f"no {kind} {ident!r} on this floor")


# --- session ------------------------------------------------------------------------------


def _whoami(session: Session) -> dict[str, Any]:
    perms = sorted(p.value for p in ROLE_PERMISSIONS.get(session.role, frozenset()))
    return {"username": session.username, "role": session.role.value, "permissions": perms}


@command("login", params=("username", "password"), auth=False, audit=True)
def _login(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    username = arg_str(args, "username", limit=64)
    password = arg_str(args, "password", limit=256)
    try:
        ctx.session = ctx.auth.login(username, password)
    except AuthError as exc:
        raise CommandError(exc.code, exc.message) from None
    return {"session": ctx.session.token, **_whoami(ctx.session)}


@command("logout")
def _logout(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    assert ctx.session is not None
    ctx.auth.logout(ctx.session.token)
    return {}


@command("whoami")
def _whoami_cmd(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    assert ctx.session is not None
    return _whoami(ctx.session)


@command("status", auth=False)
def _status(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return ctx.status()


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
    _target_exists(ctx, "agent", agent)
    ctx.adapter.set_state(agent, state, reason=reason, forced=True, by=ctx.user)
    return {"agent": agent, "state": state.value}


@command("set_skills", permission=Permission.SET_SKILLS, params=("agent", "skills"), audit=True)
def _set_skills(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    agent = arg_str(args, "agent", limit=64)
    skills = args.get("skills")
    if not isinstance(skills, dict):
        raise CommandError("bad_request", "argument 'skills' must be a map of skill group -> level")
    for group in skills:
        _target_exists(ctx, "queue", str(group))
    _target_exists(ctx, "agent", agent)
    ctx.audit_detail = {"skills": skills}
    ctx.adapter.set_skills(agent, skills)
    return {"agent": agent, "skills": skills}


# --- calls --------------------------------------------------------------------------------


def _join(how: str) -> Handler:
    def handler(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        call = arg_str(args, "call", limit=64)
        _target_exists(ctx, "call", call)
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
    _target_exists(ctx, "call", call)
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
    _target_exists(ctx, "call", call)
    if to_agent:
        _target_exists(ctx, "agent", to_agent)
    if to_queue:
        _target_exists(ctx, "queue", to_queue)
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
    _target_exists(ctx, "board", board)
    return {"test": ctx.adapter.self_test(board)}


@command("loopback_test", permission=Permission.RUN_DIAGNOSTICS, params=("channel",), audit=True)
def _loopback_test(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    channel = arg_str(args, "channel", limit=64)
    _target_exists(ctx, "channel", channel)
    return {"test": ctx.adapter.loopback_test(channel)}


# --- users and audit ----------------------------------------------------------------------


@command("audit.search", permission=Permission.VIEW_AUDIT,
         params=("user", "action", "since", "until", "limit"))
def _audit_search(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    for name in ("since", "until"):
        v = args.get(name)
        if v is not None and (not isinstance(v, int | float) or isinstance(v, bool)):
            raise CommandError("bad_request", f"argument {name!r} must be a number (epoch seconds)")
    limit = args.get("limit", 100)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= 10_000:
        raise CommandError("bad_request", "argument 'limit' must be an integer 1..10000")
    entries = ctx.audit.search(
        user=arg_str(args, "user", required=False) or None,
        action=arg_str(args, "action", required=False) or None,
        since=args.get("since"),
        until=args.get("until"),
        limit=limit,
    )
    from dataclasses import asdict

    return [asdict(e) for e in entries]


@command("passwd", params=("username", "password", "role"), audit=True)
def _passwd(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Change one's own password; with MANAGE_USERS, anyone's (and create users with a role)."""
    assert ctx.session is not None
    username = arg_str(args, "username", required=False, limit=64) or ctx.user
    password = arg_str(args, "password", limit=256)
    role_name = arg_str(args, "role", required=False, limit=32)
    if username != ctx.user or role_name:
        ctx.require(Permission.MANAGE_USERS)
    ctx.audit_target = username
    from models.security import Role

    try:
        role = Role(role_name) if role_name else None
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise CommandError("bad_request", f"unknown role {role_name!r} (known: {known})") from None
    try:
        user = ctx.auth.set_password(username, password, role)
    except AuthError as exc:
        raise CommandError(exc.code, exc.message) from None
    return {"username": user.username, "role": user.role.value}
