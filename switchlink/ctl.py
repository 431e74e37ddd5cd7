"""``main.py ctl``: talk to a running switchlink from the shell (tables, or ``--json``).

Exit codes: 0 ok, 1 the daemon refused the command, 2 usage / local setup, 3 link down.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from switchlink import ctl_history, ctl_keys

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_LINK = 0, 1, 2, 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", help="switchlink command endpoint (default: the session's, "
                        "else tcp://127.0.0.1:7600)")
    parser.add_argument("--config-dir", help="where the keys are (default: user config dir)")
    parser.add_argument("--session-file", help="where `login` keeps the session")
    parser.add_argument("--no-curve", action="store_true", help="talk to a daemon without CURVE")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait (default 5)")
    sub = parser.add_subparsers(dest="ctl_command", metavar="ACTION", required=True)
    for name, help_text in (
        ("status", "link, epoch, sequence, adapter, counts"),
        ("agents", "agents and their states"),
        ("queues", "queues with waiting calls"),
        ("links", "links, boards and trunks"),
        ("whoami", "the logged-in user and role"),
        ("logout", "end the session"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="machine-readable output")
    p = sub.add_parser("snapshot", help="the whole floor state")
    p.add_argument("--json", action="store_true", help="JSON (the default for snapshot)")
    p = sub.add_parser("watch", help="print changes as they happen")
    p.add_argument("--count", type=int, help="stop after N changes")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p = sub.add_parser("force-state", help="force an agent ready, not-ready or logged out")
    p.add_argument("agent", help="work number")
    p.add_argument("state", choices=["ready", "not-ready", "logout"])
    p.add_argument("--reason", required=True, help="why (goes to the audit log)")
    p.add_argument("--json", action="store_true")
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
    ctl_history.add_parsers(sub)
    ctl_keys.add_parsers(sub)
    p = sub.add_parser("call", help="send any command: NAME with JSON arguments")
    p.add_argument("name")
    p.add_argument("args", nargs="?", default="{}", help="JSON object (default {})")
    p.add_argument("--json", action="store_true")


def _session_path(args: argparse.Namespace) -> Path:
    if args.session_file:
        return Path(args.session_file)
    from switchlink.transport.keys import config_dir

    base = Path(args.config_dir) if args.config_dir else config_dir()
    return base / "ctl-session.json"


def _load_session(args: argparse.Namespace) -> dict[str, Any]:
    path = _session_path(args)
    try:
        data = json.loads(path.read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_session(args: argparse.Namespace, endpoint: str, token: str | None) -> None:
    path = _session_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"endpoint": endpoint, "session": token}, f)


def _err(message: str) -> None:
    print(f"ctl: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.ctl_command == "keys":  # local files only: works with the daemon down
        return ctl_keys.run(args)
    from switchlink.client import ClientError, CommandError, SwitchlinkClient, load_default_keys
    from switchlink.config import DEFAULT_ENDPOINT

    saved = _load_session(args)
    endpoint = args.endpoint or saved.get("endpoint") or DEFAULT_ENDPOINT
    try:
        server_key, client_keys, signing = load_default_keys(
            Path(args.config_dir) if args.config_dir else None
        )
        client = SwitchlinkClient(
            endpoint, server_public_key=server_key, client_keys=client_keys,
            signing_key=signing, session=saved.get("session"), curve=not args.no_curve,
            command_timeout=args.timeout,
        )
    except ClientError as exc:
        _err(str(exc))
        return EXIT_USAGE
    client.connect()
    try:
        return _dispatch(args, client, endpoint)
    except BrokenPipeError:  # `ctl agents | head`: the reader left, which is fine
        sys.stderr.close()
        return EXIT_OK
    except CommandError as exc:
        if exc.code in ("timeout", "link_down"):
            _err(f"link down: {exc.message}")
            return EXIT_LINK
        _err(f"refused ({exc.code}): {exc.message}")
        return EXIT_REFUSED
    finally:
        client.close()


def _need_live(client: Any, timeout: float) -> bool:
    if client.wait_until(lambda: client.link_status == "live", timeout):
        return True
    _err(f"link down: no snapshot from {client.endpoint} within {timeout:g} s")
    return False


def _dispatch(args: argparse.Namespace, client: Any, endpoint: str) -> int:
    action = args.ctl_command
    as_json = getattr(args, "json", False)
    if action == "login":
        password = _read_password(args)
        data = client.login(args.username, password)
        _save_session(args, endpoint, data["session"])
        data = {k: v for k, v in data.items() if k != "session"}
        _print(data, as_json, f"logged in as {data['username']} ({data['role']})")
        return EXIT_OK
    if action == "logout":
        client.call("logout", {})
        _save_session(args, endpoint, None)
        _print({}, as_json, "logged out")
        return EXIT_OK
    if action == "whoami":
        data = client.call("whoami", {})
        _print(data, as_json, f"{data['username']} ({data['role']}): "
               + ", ".join(data["permissions"]))
        return EXIT_OK
    if action == "force-state":
        data = client.call(
            "set_agent_state", {"agent": args.agent, "state": args.state, "reason": args.reason}
        )
        _print(data, as_json, f"agent {data['agent']} is now forced {data['state']}")
        return EXIT_OK
    if action == "passwd":
        new = _read_password(args, prompt=f"new password for {args.user or 'you'}: ")
        cmd_args = {"password": new, "username": args.user, "role": args.role}
        data = client.call("passwd", {k: v for k, v in cmd_args.items() if v})
        _print(data, as_json, f"password of {data['username']} ({data['role']}) changed")
        return EXIT_OK
    if action == "alarms":  # part of the floor everyone allowed sees: no login needed
        if not _need_live(client, args.timeout):
            return EXIT_LINK
        rows = ctl_history.alarm_rows(_active_alarms(client.mirror))
        if as_json:
            print(json.dumps(rows, ensure_ascii=False))
        else:
            ctl_history.print_table(rows)
        return EXIT_OK
    if action in ctl_history.ACTIONS:
        return ctl_history.run(args, client.call)
    if action == "call":
        try:
            cmd_args = json.loads(args.args)
        except ValueError as exc:
            _err(f"arguments must be a JSON object: {exc}")
            return EXIT_USAGE
        if not isinstance(cmd_args, dict):
            _err("arguments must be a JSON object")
            return EXIT_USAGE
        data = client.call(args.name, cmd_args)
        print(json.dumps(data, ensure_ascii=False, indent=None if as_json else 2))
        return EXIT_OK
    if not _need_live(client, args.timeout):
        return EXIT_LINK
    if action == "status":
        data = client.call("status", {})
        data["link"] = str(client.link_status)
        if as_json:
            print(json.dumps(data))
        else:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(data["counts"].items()))
            print(f"link      {data['link']} (switch link {_sw(client)})")
            print(f"epoch     {data['epoch']}")
            print(f"sequence  {data['sequence']}")
            print(f"adapter   {data['adapter']}")
            print(f"counts    {counts}")
        return EXIT_OK
    if action == "snapshot":
        m = client.mirror
        print(json.dumps({"epoch": m.epoch, "sequence": m.sequence, "state": m.items("")},
                         ensure_ascii=False))
        return EXIT_OK
    if action == "watch":
        return _watch(client, args.count, as_json)
    rows = _TABLES[action](client.mirror)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        ctl_history.print_table(rows)
    return EXIT_OK


#: alarm levels, worst last, as published in ``alarm/<id>``
_LEVEL_ORDER = ("yellow", "orange", "red", "black")


def _active_alarms(mirror: Any) -> list[dict[str, Any]]:
    """Active alarms from the mirror, most severe first, then oldest."""
    alarms = list(mirror.items("alarm/").values())
    rank = {level: i for i, level in enumerate(_LEVEL_ORDER)}
    return sorted(alarms, key=lambda a: (-rank.get(a.get("level"), -1), a.get("raised_at", 0)))


def _sw(client: Any) -> str:
    info = client.mirror.get("daemon/info") or {}
    return str(info.get("link", "?"))


def _read_password(args: argparse.Namespace, prompt: str = "") -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    prompt = prompt or f"password for {args.username}: "
    return os.environ.get("CALLFLOOR_PASSWORD") or getpass.getpass(prompt)


def _print(data: Any, as_json: bool, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False) if as_json else text)


def _watch(client: Any, count: int | None, as_json: bool) -> int:
    seen = 0
    done = False

    def on_change(keys: set[str]) -> None:
        nonlocal seen, done
        for key in sorted(keys):
            if count is not None and seen >= count:
                done = True
                return
            value = client.mirror.get(key)
            if as_json:
                print(json.dumps({"seq": client.mirror.sequence, "key": key, "value": value},
                                 ensure_ascii=False), flush=True)
            else:
                summary = "deleted" if value is None else _summary(value)
                print(f"{client.mirror.sequence:>8} {key:<24} {summary}", flush=True)
            seen += 1
        done = count is not None and seen >= count

    def on_link(status: Any) -> None:
        print(f"# link {status}", file=sys.stderr, flush=True)

    client.on_change(on_change)
    client.on_link(on_link)
    try:
        while not done:
            client.run_for(0.2)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _summary(value: dict[str, Any]) -> str:
    for field in ("state", "phase", "status"):
        if field in value:
            return f"{field}={value[field]}"
    return json.dumps(value, ensure_ascii=False)[:60]


def _agents(mirror: Any) -> list[dict[str, Any]]:
    now = time.time()
    info = mirror.get("daemon/info") or {}
    now = info.get("switch_time", now)
    rows = []
    for _key, a in sorted(mirror.items("agent/").items()):
        rows.append({
            "agent": a["work_number"], "name": a["name"], "team": a.get("team", ""),
            "state": a["state"], "for_s": round(max(0.0, now - a.get("state_since", now))),
            "reason": a.get("reason", ""), "call": a.get("call_id") or "",
        })
    return rows


def _queues(mirror: Any) -> list[dict[str, Any]]:
    waiting: dict[str, int] = {}
    for c in mirror.items("call/").values():
        if c.get("phase") == "queued" and c.get("queue"):
            waiting[c["queue"]] = waiting.get(c["queue"], 0) + 1
    return [
        {"queue": q["id"], "name": q["name"], "waiting": waiting.get(q["id"], 0),
         "sl_target": q.get("sl_target"), "sl_threshold_s": q.get("sl_threshold_s")}
        for _, q in sorted(mirror.items("queue/").items())
    ]


def _links(mirror: Any) -> list[dict[str, Any]]:
    rows = []
    for prefix in ("link/", "board/", "trunk/"):
        for key, v in sorted(mirror.items(prefix).items()):
            rows.append({"id": key, "status": v.get("status", ""),
                         "detail": f"{v['latency_ms']:.0f} ms" if "latency_ms" in v
                         else f"{v.get('in_use', '')}/{v['capacity']}" if "capacity" in v
                         else v.get("kind", ""),
                         "error": v.get("last_error", "")})
    return rows


_TABLES = {"agents": _agents, "queues": _queues, "links": _links}
