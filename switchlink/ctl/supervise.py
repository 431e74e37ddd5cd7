"""``ctl`` verbs of supervisor control (issue 12), part of the floor group (ctl/floor.py):

``ctl agent ready|not-ready|logout|cancel-logout AGENT... --reason TEXT [--code CODE]``
(several agents: one ``agents.bulk``, a line per agent), ``ctl reason-codes``, and the call
verbs ``ctl call monitor|whisper|barge|leave|release|transfer CALL`` that share the name
``call`` with ``ctl call NAME '{json}'`` (a JSON object as the second word means the latter).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from switchlink.ctl.output import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, err, print_rows, say

#: ``ctl agent`` verb -> agents.bulk action
AGENT_VERBS = {"ready": "ready", "not-ready": "not_ready", "logout": "logout",
               "cancel-logout": "cancel_logout"}
#: ``ctl call`` verbs that act on a live call
CALL_VERBS = ("monitor", "whisper", "barge", "leave", "release", "transfer")
MAX_AGENTS = 5000


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("agent", help="force agents ready / not ready / signed out, or cancel a "
                       "pending sign-out (several agents: one bulk request)")
    p.add_argument("verb", choices=list(AGENT_VERBS))
    p.add_argument("agents", nargs="+", metavar="AGENT", help="work number(s)")
    p.add_argument("--reason", required=True, help="why (goes to the audit trail)")
    p.add_argument("--code", help="not-ready reason code (see `ctl reason-codes`)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("reason-codes", help="the not-ready reason codes and their labels")
    p.add_argument("--json", action="store_true")


def add_call_options(p: argparse.ArgumentParser) -> None:
    """Options of ``ctl call VERB CALL`` (ignored by ``ctl call NAME '{json}'``)."""
    p.add_argument("--record", action="store_true", help="monitor: record the call (监听录音)")
    p.add_argument("--reason", help="release: why (required)")
    p.add_argument("--to-agent", help="transfer: to this work number")
    p.add_argument("--to-queue", help="transfer: to this skill group")


def is_call_verb(args: argparse.Namespace) -> bool:
    return args.name in CALL_VERBS and not (args.args or "").lstrip().startswith("{")


def run_agent(args: argparse.Namespace, client: Any) -> int:
    as_json = args.json
    action = AGENT_VERBS[args.verb]
    if len(args.agents) > MAX_AGENTS:
        err(f"at most {MAX_AGENTS} agents per request, got {len(args.agents)}")
        return EXIT_USAGE
    if action == "not_ready" and not args.code:
        err("not-ready needs --code (one of the reason codes: ctl reason-codes)")
        return EXIT_USAGE
    extra = {"reason_code": args.code} if args.code else {}
    if len(args.agents) == 1:
        agent = args.agents[0]
        if action == "cancel_logout":
            data = client.call("cancel_logout", {"agent": agent, "reason": args.reason})
            say(data, as_json, f"agent {agent}: pending sign-out cancelled")
            return EXIT_OK
        data = client.call("set_agent_state", {"agent": agent, "state": action,
                                               "reason": args.reason, **extra})
        say(data, as_json, f"agent {agent}: sign-out pending until the call ends"
            if data.get("pending") else f"agent {agent} is now forced {data['state']}")
        return EXIT_OK
    data = client.call("agents.bulk", {"agents": args.agents, "action": action,
                                       "reason": args.reason, **extra})
    results = data["results"]
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print_rows([{"agent": r["agent"],
                     "result": ("pending" if r.get("pending") else "done") if r["ok"]
                     else f"refused ({r['code']})",
                     "why": "" if r["ok"] else r["message"]} for r in results], False)
    return EXIT_OK if all(r["ok"] for r in results) else EXIT_REFUSED


def run_reason_codes(args: argparse.Namespace, client: Any) -> int:
    print_rows(client.call("reason_codes", {}), args.json)
    return EXIT_OK


def run_call_verb(args: argparse.Namespace, client: Any) -> int:
    """``ctl call VERB CALL [...]``: usage mistakes exit 2 before anything is sent."""
    verb, call = args.name, args.args
    if not call:
        err(f"call {verb} needs the call id: ctl call {verb} CALL")
        return EXIT_USAGE
    cmd: dict[str, Any] = {"call": call}
    if args.record and verb != "monitor":
        err("--record goes with monitor only")
        return EXIT_USAGE
    if verb == "monitor" and args.record:
        cmd["record"] = True
    if verb == "release":
        if not args.reason:
            err("call release needs --reason (it goes to the audit trail)")
            return EXIT_USAGE
        cmd["reason"] = args.reason
    if verb == "transfer":
        if bool(args.to_agent) == bool(args.to_queue):
            err("call transfer needs exactly one of --to-agent or --to-queue")
            return EXIT_USAGE
        cmd.update({"to_agent": args.to_agent} if args.to_agent else {"to_queue": args.to_queue})
    data = client.call(verb, cmd)
    how = data.get("participation", "")
    text = {"leave": f"left call {call}", "release": f"call {call} released",
            "transfer": f"call {call} transferred"}.get(
        verb, f"{how} on call {call}" + (" (recording)" if data.get("recording") else ""))
    say(data, args.json, text)
    return EXIT_OK
