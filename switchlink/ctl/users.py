"""``ctl`` verbs for users and sessions: login (keeps the session), logout, whoami, passwd."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_OK, say

ACTIONS = ("login", "logout", "whoami", "passwd")


def add_parsers(sub: Any) -> None:
    for name, help_text in (
        ("whoami", "the logged-in user and role"),
        ("logout", "end the session"),
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


def run(args: argparse.Namespace, conn: Connection) -> int:
    action = args.ctl_command
    as_json = getattr(args, "json", False)
    client = conn.client
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
        say(data, as_json, f"{data['username']} ({data['role']}): "
            + ", ".join(data["permissions"]))
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
