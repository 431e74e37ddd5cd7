"""``ctl`` verbs for users and sessions: login (keeps the session), logout, whoami, passwd,
roles, and ``users list|create|update|reset-password|disable|enable|lockouts|unlock`` for
administrators."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_OK, EXIT_USAGE, err, local_time, print_rows, say

ACTIONS = ("login", "logout", "whoami", "passwd", "users", "roles")


def add_parsers(sub: Any) -> None:
    for name, help_text in (
        ("whoami", "the logged-in user and role"),
        ("logout", "end the session"),
        ("roles", "every role and its permissions"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="machine-readable output")
    p = sub.add_parser("login", help="log in and keep the session for later ctl calls")
    p.add_argument("username")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from stdin (else $CALLFLOOR_PASSWORD or a prompt)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("passwd", help="change your password (or, as admin, another user's)")
    p.add_argument("--user", help="whose password (default: yours); creates the user with --role")
    p.add_argument("--role", help="set or give the user this role (admin only)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the new password from stdin (else $CALLFLOOR_PASSWORD or a prompt)")
    p.add_argument("--json", action="store_true")
    _add_users_parser(sub)


def _add_users_parser(sub: Any) -> None:
    p = sub.add_parser("users", help="administer users: list, create, update, reset-password, "
                       "disable, enable, lockouts, unlock")
    verbs = p.add_subparsers(dest="users_verb", metavar="VERB", required=True)
    for name, help_text in (
        ("create", "a new user with a one-time password (changed at the first login)"),
        ("update", "change a user's role, teams, department or display name"),
    ):
        v = verbs.add_parser(name, help=help_text)
        v.add_argument("username")
        v.add_argument("--role", required=name == "create",
                       help="admin, supervisor, team_leader, quality_inspector, … (ctl roles)")
        v.add_argument("--team", action="append", dest="teams", metavar="TEAM",
                       help="limit the user to this team (repeat for several)")
        if name == "update":
            v.add_argument("--no-teams", action="store_true", help="lift the team limit")
        v.add_argument("--department", help="the complaint department")
        v.add_argument("--display-name")
        if name == "create":
            v.add_argument("--password-stdin", action="store_true",
                           help="read the one-time password from stdin (else "
                           "$CALLFLOOR_PASSWORD or a prompt)")
        v.add_argument("--json", action="store_true")
    v = verbs.add_parser("reset-password", help="a one-time password; ends their sessions")
    v.add_argument("username")
    v.add_argument("--password-stdin", action="store_true",
                   help="read it from stdin (else $CALLFLOOR_PASSWORD or a prompt)")
    v.add_argument("--json", action="store_true")
    for name, help_text in (
        ("list", "every user, role and whether disabled"),
        ("lockouts", "user names and keys with recent failed logins (locked ones first)"),
    ):
        v = verbs.add_parser(name, help=help_text)
        v.add_argument("--json", action="store_true")
    for name, help_text in (
        ("disable", "refuse the user's logins and end their open sessions"),
        ("enable", "let a disabled user log in again"),
    ):
        v = verbs.add_parser(name, help=help_text)
        v.add_argument("username")
        v.add_argument("--json", action="store_true")
    v = verbs.add_parser("unlock", help="clear a lockout after failed logins")
    who = v.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="the locked user name")
    who.add_argument("--key", help="the locked client key (Z85, as `users lockouts` shows)")
    v.add_argument("--json", action="store_true")


def _run_users(args: argparse.Namespace, conn: Connection, as_json: bool) -> int:
    client, verb = conn.client, args.users_verb
    if verb == "list":
        rows = client.call("users.list", {})
        if not as_json:
            rows = [dict(r, teams=", ".join(r["teams"])) for r in rows]
        print_rows(rows, as_json)
    elif verb in ("create", "update"):
        return _create_or_update(args, conn, as_json)
    elif verb == "reset-password":
        password = _read_password(args, prompt=f"one-time password for {args.username}: ")
        data = client.call("users.reset_password", {"username": args.username,
                                                    "password": password})
        say(data, as_json, f"password of {data['username']} reset; they must change it at "
            "the next login (open sessions ended)")
    elif verb == "lockouts":
        rows = client.call("users.lockouts", {})
        if not as_json:
            rows = [{"scope": r["scope"], "subject": r["subject"], "failures": r["failures"],
                     "last failure": local_time(r["last_failure"]),
                     "locked until": local_time(r["locked_until"])} for r in rows]
        print_rows(rows, as_json)
    elif verb in ("disable", "enable"):
        data = client.call(f"users.{verb}", {"username": args.username})
        say(data, as_json, f"{data['username']} {verb}d"
            + (" (open sessions ended)" if verb == "disable" else ""))
    else:
        cmd_args = {"username": args.user} if args.user else {"key": args.key}
        data = client.call("users.unlock", cmd_args)
        say(data, as_json, f"{data['scope']} {data['subject']} unlocked")
    return EXIT_OK


def _create_or_update(args: argparse.Namespace, conn: Connection, as_json: bool) -> int:
    verb = args.users_verb
    if verb == "update" and args.no_teams and args.teams:
        err("give --team or --no-teams, not both")
        return EXIT_USAGE
    cmd: dict[str, Any] = {"username": args.username}
    for name in ("role", "department", "display_name"):
        if getattr(args, name) is not None:
            cmd[name] = getattr(args, name)
    if args.teams is not None:
        cmd["teams"] = args.teams
    elif verb == "update" and args.no_teams:
        cmd["teams"] = []
    if verb == "create":
        cmd["password"] = _read_password(args, prompt=f"one-time password for {args.username}: ")
    elif len(cmd) == 1:
        err("users update needs something to change: --role, --team, --no-teams, "
            "--department or --display-name")
        return EXIT_USAGE
    data = conn.client.call(f"users.{verb}", cmd)
    teams = ", ".join(data["teams"]) or "every team"
    say(data, as_json, f"{data['username']} {verb}d: {data['role']}, {teams}"
        + ("; must change the password at the first login" if verb == "create" else ""))
    return EXIT_OK


def run(args: argparse.Namespace, conn: Connection) -> int:
    action = args.ctl_command
    as_json = getattr(args, "json", False)
    client = conn.client
    if action == "users":
        return _run_users(args, conn, as_json)
    if action == "roles":
        table = client.call("roles", {})
        print_rows([{"role": role, "permissions": ", ".join(perms)}
                    for role, perms in table.items()] if not as_json else [table], as_json)
        return EXIT_OK
    if action == "login":
        password = _read_password(args)
        data = client.login(args.username, password)
        conn.save_session(data["session"])
        data = {k: v for k, v in data.items() if k != "session"}
        say(data, as_json, f"logged in as {data['username']} ({data['role']})")
        return EXIT_OK
    if action == "logout":
        client.call("logout", {})
        conn.save_session(None)
        say({}, as_json, "logged out")
        return EXIT_OK
    if action == "whoami":
        data = client.call("whoami", {})
        teams = f" teams {', '.join(data['teams'])};" if data.get("teams") else ""
        change = " (must change the password: ctl passwd)" if data.get(
            "must_change_password") else ""
        say(data, as_json, f"{data['username']} ({data['role']}):{teams} "
            + ", ".join(data["permissions"]) + change)
        return EXIT_OK
    new = _read_password(args, prompt=f"new password for {args.user or 'you'}: ")
    cmd_args = {"password": new, "username": args.user, "role": args.role}
    data = client.call("passwd", {k: v for k, v in cmd_args.items() if v})
    say(data, as_json, f"password of {data['username']} ({data['role']}) changed")
    return EXIT_OK


def _read_password(args: argparse.Namespace, prompt: str = "") -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    prompt = prompt or f"password for {args.username}: "
    return os.environ.get("CALLFLOOR_PASSWORD") or getpass.getpass(prompt)
