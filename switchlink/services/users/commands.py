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


def _whoami(ctx: Context, session: Session) -> dict[str, Any]:
    """Who the session is and what it may do: the console greys what the role may not."""
    perms = sorted(p.value for p in ROLE_PERMISSIONS.get(session.role, frozenset()))
    return {"username": session.username, "role": session.role.value,
            "display_name": session.display_name, "permissions": perms,
            "teams": list(session.teams), "department": session.department,
            "must_change_password": session.must_change_password,
            "idle_timeout_s": ctx.auth.idle_timeout(session)}


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
    return {"session": ctx.session.token, **_whoami(ctx, ctx.session)}


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
    return _whoami(ctx, ctx.session)


@command("roles")
def _roles(ctx: Context, args: dict[str, Any]) -> dict[str, list[str]]:
    """Every role's permissions, so a console can say which role may do what it greys."""
    return {role.value: sorted(p.value for p in perms)
            for role, perms in ROLE_PERMISSIONS.items()}


# --- users and audit ----------------------------------------------------------------------


#: audit.search ``result`` filter values
AUDIT_RESULTS = ("ok", "refused")
MAX_AUDIT_OFFSET = 1_000_000


def _audit_int(args: dict[str, Any], name: str, default: int, low: int, high: int) -> int:
    value = args.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CommandError("bad_request", f"argument {name!r} must be an integer {low}..{high}")
    return value


@command("audit.search", permission=Permission.VIEW_AUDIT,
         params=("user", "action", "target", "result", "since", "until", "limit", "offset"),
         slow=True)
def _audit_search(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Newest first; ``target`` the agent / call / user acted on, ``result`` ok or refused."""
    for name in ("since", "until"):
        v = args.get(name)
        if v is not None and (not isinstance(v, int | float) or isinstance(v, bool)):
            raise CommandError("bad_request", f"argument {name!r} must be a number (epoch seconds)")
    limit = _audit_int(args, "limit", 100, 1, 10_000)
    offset = _audit_int(args, "offset", 0, 0, MAX_AUDIT_OFFSET)
    result = arg_str(args, "result", required=False, limit=16) or None
    if result is not None and result not in AUDIT_RESULTS:
        raise CommandError("bad_request",
                           f"argument 'result' must be ok or refused, not {result!r}")
    entries = ctx.audit.search(
        user=arg_str(args, "user", required=False) or None,
        action=arg_str(args, "action", required=False) or None,
        since=args.get("since"),
        until=args.get("until"),
        limit=limit,
        target=arg_str(args, "target", required=False) or None,
        result=result,
        offset=offset,
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
    if (username != ctx.user or role_name) and ctx.session.must_change_password:
        raise CommandError("password_change_required", "change your own password first")
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
        own = username == ctx.user
        if own and ctx.session.must_change_password:
            _must_differ(ctx, password)
        keep = ctx.session.token if own else None
        # someone else's password is a one-time one: they choose their own at the next login
        user = ctx.auth.set_password(username, password, role, keep_session=keep,
                                     must_change=not own)
    except AuthError as exc:
        raise CommandError(exc.code, exc.message) from None
    return {"username": user.username, "role": user.role.value}


def _must_differ(ctx: Context, password: str) -> None:
    """A forced change must change something: the one-time password is refused again."""
    from argon2.exceptions import InvalidHashError, VerificationError

    user = ctx.auth.user(ctx.user)
    try:
        same = user is not None and ctx.auth.hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        same = False
    if same:
        raise CommandError("bad_request", "choose a new password, not the one you were given")
