"""Administering users: list, disable / enable, and the failed-login lockouts (see / unlock).

Disabling a user ends their open sessions at once (so does a password reset, in
``passwd``); a lockout (:mod:`switchlink.services.users.lockout`) is cleared only by time
or by ``users.unlock``.
"""

from __future__ import annotations

from typing import Any

from models.security import Permission, Role
from switchlink.services.registry import CommandError, Context, arg_str, command
from switchlink.services.users.auth import AuthError


@command("users.list", permission=Permission.MANAGE_USERS, slow=True)
def _list(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"username": u.username, "role": u.role.value, "display_name": u.display_name,
         "disabled": u.disabled}
        for u in ctx.auth.users.list()
    ]


def _set_disabled(ctx: Context, args: dict[str, Any], disabled: bool) -> dict[str, Any]:
    username = arg_str(args, "username", limit=64)
    ctx.audit_target = username
    if disabled and username == ctx.user:
        raise CommandError("invalid_operation", "you cannot disable your own account")
    if disabled:
        others = [u for u in ctx.auth.users.list()
                  if u.role is Role.ADMIN and not u.disabled and u.username != username]
        if not others:
            raise CommandError("invalid_operation", "the last enabled admin cannot be disabled")
    try:
        user = ctx.auth.set_disabled(username, disabled)
    except AuthError as exc:
        raise CommandError(exc.code, exc.message) from None
    return {"username": user.username, "role": user.role.value, "disabled": user.disabled}


@command("users.disable", permission=Permission.MANAGE_USERS, params=("username",),
         audit=True, slow=True)
def _disable(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Refuse the user's logins from now on and end their open sessions."""
    return _set_disabled(ctx, args, True)


@command("users.enable", permission=Permission.MANAGE_USERS, params=("username",),
         audit=True, slow=True)
def _enable(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return _set_disabled(ctx, args, False)


@command("users.lockouts", permission=Permission.MANAGE_USERS)
def _lockouts(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """User names and keys with recent failed logins; ``locked`` ones refuse every login."""
    return ctx.auth.guard.lockouts()


@command("users.unlock", permission=Permission.MANAGE_USERS, params=("username", "key"),
         audit=True)
def _unlock(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Clear the failed logins (and lockout) of a user name or of a client key."""
    username = arg_str(args, "username", required=False, limit=64)
    key = arg_str(args, "key", required=False, limit=64)
    if bool(username) == bool(key):
        raise CommandError("bad_request", "give exactly one of 'username' or 'key'")
    scope, subject = ("user", username) if username else ("key", key)
    ctx.audit_target = f"{scope}:{subject}"
    if not ctx.auth.guard.unlock(scope, subject):
        raise CommandError("unknown_target", f"no failed logins recorded for {scope} {subject!r}")
    return {"scope": scope, "subject": subject, "unlocked": True}
