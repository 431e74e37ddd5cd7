"""The command registry every service registers with, and the one dispatcher the server calls.

A handler gets a :class:`Context` (adapter, floor, user, the daemon's services) and returns
plain data or raises :class:`CommandError`; :func:`dispatch` checks the session, the
permission and the arguments, and audits state-changing commands — once, for every service —
and every refusal of a session, an argument or a name (rate-limited per principal:
:mod:`switchlink.services.users.refusals`). Commands marked ``slow`` (password hashing, the
database) are run by the server on a worker thread, never on its event loop.
The handlers live in one module (or folder) per capability beside this one and register
with the decorator::

    @command("alarms.ack", permission=Permission.ACK_ALARM, params=("alarm",), audit=True)
    def ack(ctx: Context, args: dict) -> dict: ...
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.security import ROLE_PERMISSIONS, AuditEntry, Permission
from switchlink.adapters.base import SwitchAdapter
from switchlink.adapters.errors import AdapterError
from switchlink.engine.state import FloorState
from switchlink.services.users.auth import AuditLog, Authenticator, AuthError, Session
from switchlink.services.users.refusals import RefusalAudit

log = logging.getLogger(__name__)

#: stable error codes of the protocol (docs/protocol.md)
ERROR_CODES = frozenset(
    {
        "not_authenticated", "forbidden", "bad_request", "unknown_command", "unknown_target",
        "invalid_operation", "unsupported", "link_down", "timeout", "internal", "bad_signature",
        "bad_version", "too_large", "stale", "locked_out", "busy", "password_change_required",
    }
)
#: what a session whose password an administrator set may still do (issue 12)
WHILE_PASSWORD_CHANGE_REQUIRED = frozenset({"whoami", "logout", "passwd"})
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
    #: the client's CURVE public key (Z85; "" without CURVE): lockouts and refusals count by it
    peer: str = ""
    #: rate-limits refusals in the audit trail (None: every refusal written directly)
    refusals: RefusalAudit | None = None
    #: the handler wrote its own audit entries (one per agent of a bulk request)
    audited_by_handler: bool = False
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


class Deferred:
    """A handler's answer that takes more than one turn of the daemon's loop (agents.bulk of
    thousands): ``step(budget_s)`` works for about ``budget_s`` seconds and returns
    ``(True, data)`` when finished, ``(False, None)`` otherwise. The server runs one step per
    turn, so heartbeats and publishing go on in between; :func:`run_to_end` for direct calls.
    """

    def __init__(self, step: Callable[[float], tuple[bool, Any]]) -> None:
        self.step = step


def run_to_end(data: Any) -> Any:
    """``data`` itself, or a :class:`Deferred` run to its end (tests, tools, ``handle``)."""
    while isinstance(data, Deferred):
        done, result = data.step(float("inf"))
        if done:
            return result
    return data


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
    #: hashes passwords or waits on the database: the server runs it off its event loop
    slow: bool = False


COMMANDS: dict[str, CommandSpec] = {}


def command(
    name: str,
    *,
    permission: PermissionRule = None,
    params: tuple[str, ...] = (),
    auth: bool = True,
    audit: bool = False,
    slow: bool = False,
) -> Callable[[Handler], Handler]:
    """Register ``handler`` under ``name``; a second registration of a name is an error."""

    def register(handler: Handler) -> Handler:
        if name in COMMANDS:
            raise ValueError(f"command {name!r} is already registered")
        COMMANDS[name] = CommandSpec(
            name, handler, permission, frozenset(params), auth, audit, slow
        )
        return handler

    return register


def is_slow(name: str) -> bool:
    """Whether the server should run command ``name`` on a worker thread."""
    spec = COMMANDS.get(name)
    return spec is not None and spec.slow


def dispatch(ctx: Context, name: str, args: dict[str, Any], token: str | None) -> Any:
    """Run command ``name``; returns its data or raises :class:`CommandError`.

    Audited: every attempt at a state-changing command, and for any command a refusal at the
    gate (unknown name, unknown argument, missing / bogus session) — refusals go through
    ``ctx.refusals`` so a flood of them cannot fill the audit table.
    """
    spec = COMMANDS.get(name)
    audited = spec is None or spec.audit
    result = "ok"
    try:
        if spec is None:
            raise CommandError("unknown_command", f"no command named {name!r}")
        unknown = set(args) - spec.params
        if unknown:
            audited = True
            if spec.auth and token:  # only to name who tried, in the audit trail
                with contextlib.suppress(AuthError):
                    ctx.session = ctx.auth.session(token)
            allowed = ", ".join(sorted(spec.params)) or "none"
            raise CommandError(
                "bad_request",
                f"{name}: unknown argument(s) {sorted(map(str, unknown))} (allowed: {allowed})",
            )
        if spec.auth:
            try:
                ctx.session = ctx.auth.session(token)
            except AuthError as exc:
                audited = True
                raise CommandError(exc.code, exc.message) from None
            if ctx.session.must_change_password and name not in WHILE_PASSWORD_CHANGE_REQUIRED:
                audited = True
                raise CommandError("password_change_required",
                                   "change your password first (passwd)")
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
        if audited and not (result == "ok" and ctx.audited_by_handler):
            audit_attempt(ctx, name, args, result)


def audit_attempt(ctx: Context, name: str, args: dict[str, Any], result: str) -> None:
    """Write one attempt: allowed ones directly, refusals through the rate limit."""
    target = ctx.audit_target or str(
        args.get("agent") or args.get("call") or args.get("board") or args.get("channel") or ""
    )
    reason = ctx.audit_reason or str(args.get("reason", ""))
    detail = dict(ctx.audit_detail)
    if ctx.session is None and ctx.peer:
        detail.setdefault("key", ctx.peer)
    entry = AuditEntry(
        at=time.time(),
        user=(ctx.user or str(args.get("username", "")))[:64],
        role=ctx.session.role.value if ctx.session else "",
        action=name[:64],
        target=target[:200],
        reason=reason[:500],
        result=result,
        detail=detail,
    )
    try:
        if result != "ok" and ctx.refusals is not None:
            principal = f"user:{ctx.user}" if ctx.session else f"key:{ctx.peer or '-'}"
            ctx.refusals.refused(entry, principal)
        else:
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


def target_exists(ctx: Context, kind: str, ident: str) -> None:
    """Refuse with ``unknown_target`` unless ``<kind>/<ident>`` is on the floor."""
    if ctx.floor.get(f"{kind}/{ident}") is None:
        raise CommandError("unknown_target", f"no {kind} {ident!r} on this floor")
