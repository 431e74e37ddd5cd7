"""``main.py ctl``: talk to a running switchlink from the shell (tables, or ``--json``).

The verbs live with their capability (floor, users, alarms, history, keys); this module
parses the common flags, connects, and hands the action to its group.
Exit codes: 0 ok, 1 the daemon refused the command, 2 usage / local setup, 3 link down.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from switchlink.ctl import (
    alarms,
    blacklist,
    complaints,
    dunning,
    equipment,
    floor,
    history,
    ivr,
    keys,
    reports,
    supervise,
    users,
    workforce,
)
from switchlink.ctl.connection import Connection, load_session
from switchlink.ctl.output import EXIT_LINK, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, err

#: the verb groups, one line per capability; each has ACTIONS, add_parsers(sub) and run()
VERB_GROUPS: tuple[ModuleType, ...] = (
    floor,  # status, agents, queues, links, snapshot, watch, force-state
    users,  # login, logout, whoami, passwd, users list|disable|enable|lockouts|unlock
    alarms,  # alarms, ack
    history,  # intervals, calls, alarm-history, audit
    blacklist,  # blacklist add|edit|lift|list|show|import|export
    complaints,  # complaint new|show|list|act|warnings (issue 16)
    equipment,  # equipment, self-test … fax-test, reset, out-of-service, sweep, test-history, fault
    ivr,  # ivr flows|show|reload|counts|emergency set|clear|dialplan
    dunning,  # dunning run-day|status|export|import-payments|import-accounts|start|pause|…
    reports,  # report hourly|daily|weekly|monthly --date … --format csv|pdf, reports
    workforce,  # staffing: Erlang C required vs available per queue, the forecast
    keys,  # keys show|allow|list: local files, the daemon may be down
)
_GROUP_OF = {action: group for group in VERB_GROUPS for action in group.ACTIONS}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", help="switchlink command endpoint (default: the session's, "
                        "else a switchlink running on this machine, e.g. a console's, "
                        "else tcp://127.0.0.1:7600)")
    parser.add_argument("--config-dir", help="where the keys are (default: user config dir)")
    parser.add_argument("--session-file", help="where `login` keeps the session")
    parser.add_argument("--no-curve", action="store_true", help="talk to a daemon without CURVE")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait (default 5)")
    sub = parser.add_subparsers(dest="ctl_command", metavar="ACTION", required=True)
    for group in VERB_GROUPS:
        group.add_parsers(sub)
    p = sub.add_parser("call", help="send any command: NAME with JSON arguments")
    p.add_argument("name")
    p.add_argument("args", nargs="?", help="JSON object (default {}); or, after "
                   "monitor|whisper|barge|leave|release|transfer, the call id")
    p.add_argument("--json", action="store_true")
    supervise.add_call_options(p)  # ctl call monitor CALL --record … (ctl/supervise.py)


def run(args: argparse.Namespace) -> int:
    if not args.timeout > 0:  # NaN too
        err(f"--timeout must be a positive number of seconds, got {args.timeout:g}")
        return EXIT_USAGE
    group = _GROUP_OF.get(args.ctl_command)
    if getattr(group, "LOCAL", False):  # local files only: works with the daemon down
        return group.run(args)
    from switchlink.client import ClientError, CommandError, SwitchlinkClient, load_default_keys
    from switchlink.config import DEFAULT_ENDPOINT
    from switchlink.runtime import choose_endpoint

    saved = load_session(args)
    # a console's embedded daemon listens on a random port and announces it (switchlink.runtime)
    endpoint = choose_endpoint(args.endpoint, saved.get("endpoint"), DEFAULT_ENDPOINT)
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
        err(str(exc))
        return EXIT_USAGE
    client.connect()
    try:
        if group is None:  # `call`
            return _call(args, client)
        return group.run(args, Connection(args, client, endpoint))
    except BrokenPipeError:  # `ctl agents | head`: the reader left, which is fine
        sys.stderr.close()
        return EXIT_OK
    except CommandError as exc:
        if exc.code in ("timeout", "link_down"):
            err(f"link down: {exc.message}")
            return EXIT_LINK
        err(f"refused ({exc.code}): {exc.message}")
        return EXIT_REFUSED
    finally:
        client.close()


def _call(args: argparse.Namespace, client: Any) -> int:
    """``ctl call NAME '{json}'``: any command, its answer as JSON."""
    if supervise.is_call_verb(args):
        return supervise.run_call_verb(args, client)
    try:
        cmd_args = json.loads(args.args if args.args is not None else "{}")
    except ValueError as exc:
        err(f"arguments must be a JSON object: {exc}")
        return EXIT_USAGE
    if not isinstance(cmd_args, dict):
        err("arguments must be a JSON object")
        return EXIT_USAGE
    data = client.call(args.name, cmd_args)
    print(json.dumps(data, ensure_ascii=False, indent=None if getattr(args, "json", False) else 2))
    return EXIT_OK
