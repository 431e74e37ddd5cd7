"""Administering users: create, update, reset a password, list, disable / enable, and the
failed-login lockouts (see / unlock).

Disabling a user ends their open sessions at once (so does a password reset); a password
an administrator sets is a one-time one (the user must change it at the next login); a
lockout (:mod:`switchlink.services.users.lockout`) is cleared only by time or by
``users.unlock``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from models.security import Permission, Role, User
from switchlink.services.registry import CommandError, Context, arg_str, command
from switchlink.services.users.auth import AuthError

#: at most this many teams per user, each id at most 64 characters
MAX_TEAMS = 64


def user_row(u: User) -> dict[str, Any]:
    """Everything about a user but the password hash."""
    return {"username": u.username, "role": u.role.value, "display_name": u.display_name,
            "disabled": u.disabled, "teams": list(u.teams), "department": u.department,
            "must_change_password": u.must_change_password}


@command("users.list", permission=Permission.MANAGE_USERS, slow=True)
def _list(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    return [user_row(u) for u in ctx.auth.users.list()]


def _role(args: dict[str, Any], required: bool) -> Role | None:
    name = arg_str(args, "role", required=required, limit=32)
    if not name:
        return None
    try:
        return Role(name)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise CommandError("bad_request", f"unknown role {name!r} (known: {known})") from None


def _teams(args: dict[str, Any]) -> tuple[str, ...] | None:
    teams = args.get("teams")
    if teams is None:
        return None
    if not isinstance(teams, list | tuple) or len(teams) > MAX_TEAMS or not all(
        isinstance(t, str) and t.strip() and len(t) <= 64 for t in teams
    ):
        raise CommandError("bad_request", f"argument 'teams' must be a list of up to {MAX_TEAMS} "
                                          "team ids (non-empty strings of up to 64 characters)")
    return tuple(dict.fromkeys(t.strip() for t in teams))


def _username(args: dict[str, Any]) -> str:
    name = arg_str(args, "username", limit=64)
    if name != name.strip() or any(c.isspace() or not c.isprintable() for c in name):
        raise CommandError("bad_request", f"user name {name!r} may not contain spaces or "
                                          "control characters")
    return name


def _other_admins(ctx: Context, username: str) -> bool:
    return any(u.role is Role.ADMIN and not u.disabled and u.username != username
               for u in ctx.auth.users.list())


@command("users.create", permission=Permission.MANAGE_USERS,
         params=("username", "role", "password", "teams", "department", "display_name"),
         audit=True, slow=True)
def _create(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """A new user whose password is a one-time one (changed at the first login)."""
    username = _username(args)
    ctx.audit_target = username
    role = _role(args, required=True)
    password = arg_str(args, "password", limit=256)
    teams = _teams(args) or ()
    department = arg_str(args, "department", required=False, limit=64)
    display_name = arg_str(args, "display_name", required=False, limit=128)
    if ctx.auth.user(username) is not None:
        raise CommandError("invalid_operation", f"user {username!r} already exists")
    ctx.audit_detail = {"role": role.value if role else "", "teams": list(teams),
                        "department": department}
    if len(password) < 8:
        raise CommandError("bad_request", "a password needs at least 8 characters")
    user = User(username=username, role=role or Role.WALL, display_name=display_name,
                teams=teams, department=department, must_change_password=True,
                password_hash=ctx.auth.hash_password(password))
    ctx.auth.save_user(user)
    return user_row(user)


@command("users.update", permission=Permission.MANAGE_USERS,
         params=("username", "role", "teams", "department", "display_name"), audit=True,
         slow=True)
def _update(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Change role, teams, department or display name; open sessions follow at once."""
    username = arg_str(args, "username", limit=64)
    ctx.audit_target = username
    user = ctx.auth.user(username)
    if user is None:
        raise CommandError("unknown_target", f"no user named {username!r}")
    role = _role(args, required=False)
    teams = _teams(args)
    changes: dict[str, Any] = {}
    if role is not None:
        changes["role"] = role
    if teams is not None:
        changes["teams"] = teams
    for name, limit in (("department", 64), ("display_name", 128)):
        if name in args:
            changes[name] = arg_str(args, name, required=False, limit=limit)
    if not changes:
        raise CommandError("bad_request", "nothing to change: give role, teams, department or "
                                          "display_name")
    if (user.role is Role.ADMIN and changes.get("role", Role.ADMIN) is not Role.ADMIN
            and not user.disabled and not _other_admins(ctx, username)):
        raise CommandError("invalid_operation", "the last enabled admin must stay an admin")
    ctx.audit_detail = {k: (v.value if isinstance(v, Role) else list(v) if isinstance(v, tuple)
                            else v) for k, v in changes.items()}
    updated = replace(user, **changes)
    ctx.auth.save_user(updated)
    return user_row(updated)


@command("users.reset_password", permission=Permission.MANAGE_USERS,
         params=("username", "password"), audit=True, slow=True)
def _reset_password(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """A one-time password for someone else; every session of theirs ends."""
    username = arg_str(args, "username", limit=64)
    ctx.audit_target = username
    password = arg_str(args, "password", limit=256)
    if username == ctx.user:
        raise CommandError("invalid_operation", "change your own password with passwd")
    if ctx.auth.user(username) is None:
        raise CommandError("unknown_target", f"no user named {username!r}")
    try:
        user = ctx.auth.set_password(username, password, must_change=True)
    except AuthError as exc:
        raise CommandError(exc.code, exc.message) from None
    return user_row(user)


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
