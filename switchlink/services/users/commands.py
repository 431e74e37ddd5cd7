"""Users and sessions: login, logout, whoami, passwd, and searching the audit trail.

The passwords, sessions and audit interfaces are in :mod:`switchlink.services.users.auth`;
the database-backed stores the daemon plugs in are in :mod:`switchlink.storage.user_store`.
"""

from __future__ import annotations

import time
from typing import Any

from models.security import ROLE_PERMISSIONS, AuditEntry, Permission
from switchlink.services.registry import CommandError, Context, arg_str, command
from switchlink.services.users.auth import AuthError, Session
from switchlink.services.users.lockout import Lockout

# --- session ------------------------------------------------------------------------------


def _whoami(session: Session) -> dict[str, Any]:
    perms = sorted(p.value for p in ROLE_PERMISSIONS.get(session.role, frozenset()))
    return {"username": session.username, "role": session.role.value, "permissions": perms}


@command("login", params=("username", "password"), auth=False, audit=True, slow=True)
def _login(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    username = arg_str(args, "username", limit=64)
    password = arg_str(args, "password", limit=256)
    try:
        ctx.session = ctx.auth.login(username, password, key=ctx.peer)
    except AuthError as exc:
        for lockout in exc.lockouts:
            _audit_lockout(ctx, lockout)
        raise CommandError(exc.code, exc.message) from None
    return {"session": ctx.session.token, **_whoami(ctx.session)}


def _audit_lockout(ctx: Context, lockout: Lockout) -> None:
    """A lockout that just started: always written (never rate-limited)."""
    ctx.audit.record(AuditEntry(
        at=time.time(), user=lockout.subject if lockout.scope == "user" else "", role="",
        action="login.lockout", target=f"{lockout.scope}:{lockout.subject}"[:200],
        reason=f"{lockout.failures} failed logins in a row", result="locked_out",
        detail={"scope": lockout.scope, "failures": lockout.failures,
                "seconds": lockout.seconds, "until": lockout.until, "key": ctx.peer},
    ))


@command("logout")
def _logout(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    assert ctx.session is not None
    ctx.auth.logout(ctx.session.token)
    return {}


@command("whoami")
def _whoami_cmd(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    assert ctx.session is not None
    return _whoami(ctx.session)


# --- users and audit ----------------------------------------------------------------------


@command("audit.search", permission=Permission.VIEW_AUDIT,
         params=("user", "action", "since", "until", "limit"), slow=True)
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


@command("passwd", params=("username", "password", "role"), audit=True, slow=True)
def _passwd(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Change one's own password; with MANAGE_USERS, anyone's (and create users with a role).

    The user's other open sessions end (all of them when an administrator resets it).
    """
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
        keep = ctx.session.token if username == ctx.user else None
        user = ctx.auth.set_password(username, password, role, keep_session=keep)
    except AuthError as exc:
        raise CommandError(exc.code, exc.message) from None
    return {"username": user.username, "role": user.role.value}
