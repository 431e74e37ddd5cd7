"""``ctl complaint new|show|list|act|warnings``: complaint work orders from a shell, for
scripts and for the departments that live outside the console (docs/complaints.md).

Times print on the switch's clock; ``--since`` / ``--until`` take ISO date-times. ``act``
without ``--version`` acts on the version it has just read (say ``--version`` to be told
when someone else changed the order in between).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from models.blacklist import parse_time
from switchlink.ctl.connection import Connection
from switchlink.ctl.output import (
    EXIT_OK,
    EXIT_USAGE,
    SWITCH_CLOCK,
    duration,
    err,
    local_time,
    print_table,
    say,
)

ACTIONS = ("complaint",)
ORDER_ACTIONS = ("reply_now", "dispatch", "note", "return", "reply", "feedback", "archive",
                 "reprocess", "urge")
STATES = ("accepted", "dispatched", "returned", "replied", "feedback", "reprocessing",
          "archived")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("complaint", help="complaint work orders 投诉工单: new, show, list, act, "
                                         "warnings")
    verbs = p.add_subparsers(dest="complaint_verb", metavar="VERB", required=True)
    v = verbs.add_parser("new", help="投诉受理: take a complaint")
    v.add_argument("--classification", required=True,
                   help="服务请求分类 path, e.g. 业务办理/宽带/装机 (see complaints.catalogue)")
    v.add_argument("--description", required=True, help="what the customer says; - for stdin")
    v.add_argument("--caller", help="the customer's number (or --call)")
    v.add_argument("--call", help="the call it came from: fills caller, level and IVR trail")
    v.add_argument("--level", help="customer level (normal, vip)")
    v.add_argument("--channel", default="hotline", choices=("hotline", "letter", "visit", "web"))
    v.add_argument("--cause", help="责任原因")
    v.add_argument("--department", help="责任部门 (responsible department)")
    v.add_argument("--priority", choices=("normal", "high", "urgent"))
    v.add_argument("--cross-region", action="store_true", help="跨区域")
    v.add_argument("--error-class",
                   choices=("major_service_error", "service_error", "work_error"))
    v.add_argument("--attachment", action="append", default=[], help="a reference (repeat)")
    v.add_argument("--area", default="", help="area code the spikes are counted by")
    v = verbs.add_parser("show", help="one order with its history")
    v.add_argument("id")
    v = verbs.add_parser("list", help="投诉查询: orders, newest first")
    v.add_argument("--state", choices=STATES)
    v.add_argument("--classification", help="a path: the category and everything under it")
    v.add_argument("--warning", choices=("yellow", "orange", "red", "black"))
    v.add_argument("--department", help="held by this department (质检台 for the desk)")
    v.add_argument("--mine", action="store_true", help="held by my department / taken by me")
    v.add_argument("--since", metavar="TIME", help="taken from (ISO date-time)")
    v.add_argument("--until", metavar="TIME", help="taken before (ISO date-time)")
    v.add_argument("--text", help="words in the description or the notes")
    v.add_argument("--sort", choices=("created", "due"), default="created")
    v.add_argument("--limit", type=int, default=100, help="rows (1..500, default 100)")
    v.add_argument("--offset", type=int, default=0)
    v = verbs.add_parser("act", help="one step: " + ", ".join(ORDER_ACTIONS))
    v.add_argument("id")
    v.add_argument("action", choices=ORDER_ACTIONS)
    v.add_argument("--version", type=int, help="the version you read (optimistic concurrency)")
    v.add_argument("--note", default="", help="the answer, the reason, the note")
    v.add_argument("--department", default="", help="dispatch: the department")
    v.add_argument("--satisfied", choices=("yes", "no"), help="feedback: was the customer?")
    verbs.add_parser("warnings", help="open orders at each warning level (黄橙红黑)")
    for v in verbs.choices.values():
        v.add_argument("--json", action="store_true", help="JSON for scripts")


class _Usage(Exception):
    pass


def run(args: argparse.Namespace, conn: Connection) -> int:
    try:
        return _run(args, conn)
    except _Usage as exc:
        err(str(exc))
        return EXIT_USAGE


def _time(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return parse_time(text)
    except ValueError as exc:
        raise _Usage(str(exc)) from None


def _run(args: argparse.Namespace, conn: Connection) -> int:
    verb, call = args.complaint_verb, conn.client.call
    if verb == "new":
        if not args.caller and not args.call:
            raise _Usage("complaint new needs --caller or --call")
        text = sys.stdin.read() if args.description == "-" else args.description
        cmd: dict[str, Any] = {"classification": args.classification, "description": text,
                               "channel": args.channel, "cross_region": args.cross_region,
                               "attachments": args.attachment, "area": args.area}
        for key, value in (("caller", args.caller), ("call_id", args.call),
                           ("customer_level", args.level), ("cause", args.cause),
                           ("responsible_department", args.department),
                           ("priority", args.priority), ("error_class", args.error_class)):
            if value:
                cmd[key] = value
        order = call("complaints.new", cmd)
        say(order, args.json, f"{order['id']}: accepted, due {local_time(order['due_at'])} "
                              f"({SWITCH_CLOCK})")
        return EXIT_OK
    if verb == "show":
        return _show(args, call("complaints.show", {"id": args.id}))
    if verb == "list":
        if not 1 <= args.limit <= 500 or args.offset < 0:
            raise _Usage("--limit must be 1..500 and --offset 0 or more")
        cmd = {"limit": args.limit, "offset": args.offset, "sort": args.sort,
               "mine": args.mine}
        for key in ("state", "classification", "warning", "department", "text"):
            if getattr(args, key):
                cmd[key] = getattr(args, key)
        for key in ("since", "until"):
            value = _time(getattr(args, key))
            if value is not None:
                cmd[key] = value
        data = call("complaints.list", cmd)
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print_table([_row(o) for o in data["rows"]])
            print(f"{len(data['rows'])} of {data['total']} shown")
        return EXIT_OK
    if verb == "act":
        version = args.version
        if version is None:
            version = call("complaints.show", {"id": args.id})["order"]["version"]
        cmd = {"id": args.id, "action": args.action, "version": version}
        if args.note:
            cmd["note"] = args.note
        if args.department:
            cmd["department"] = args.department
        if args.satisfied:
            cmd["satisfied"] = args.satisfied == "yes"
        order = call("complaints.act", cmd)
        say(order, args.json, f"{order['id']}: {args.action} done; now {order['state']} at "
                              f"{order['holder_department']} (version {order['version']})")
        return EXIT_OK
    data = call("complaints.warnings", {})  # warnings
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    print_table([{"level": lv, "orders": data["counts"][lv],
                  "most urgent": " ".join(data["orders"][lv][:5])}
                 for lv in ("yellow", "orange", "red", "black")])
    return EXIT_OK


def _left(order: dict[str, Any]) -> str:
    left = order.get("remaining_s")
    if left is None:
        return ""
    return duration(left) if left >= 0 else "overdue " + duration(-left)


def _row(o: dict[str, Any]) -> dict[str, Any]:
    return {"id": o["id"], "state": o["state"], "warning": o["warning"],
            "classification": o["classification"], "holder": o["holder_department"],
            "priority": o["priority"], "caller": o["caller"],
            f"taken ({SWITCH_CLOCK})": local_time(o["created_at"], "%m-%d %H:%M"),
            "left (working time)": _left(o), "description": o["description"][:30]}


def _show(args: argparse.Namespace, data: dict[str, Any]) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    o = data["order"]
    print_table([_row(o)])
    print(f"\ndescription: {o['description']}")
    print(f"cause: {o['cause'] or '-'}   responsible: {o['responsible_department'] or '-'}   "
          f"due: {local_time(o['due_at'])}   version: {o['version']}")
    print(f"\nhistory ({SWITCH_CLOCK}):")
    print_table([{"at": local_time(h["at"]), "action": h["action"], "by": h["by"],
                  "role": h["role"], "state": f"{h['from_state'] or ''}→{h['to_state'] or ''}",
                  "note": h["note"][:60]} for h in data["history"]])
    if data.get("actions"):
        print(f"\nyou may: {', '.join(data['actions'])}")
    return EXIT_OK
