"""``ctl blacklist add|edit|lift|list|show|import|export``: keep the blacklist from a shell.

Times are read and printed on the switch's clock (the daemon's windows are switch time);
``--from`` / ``--until`` take ISO date-times, ``--for`` a duration (``30m``, ``12h``, ``7d``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from models.blacklist import parse_duration, parse_time
from switchlink.ctl.connection import Connection
from switchlink.ctl.output import (
    EXIT_OK,
    EXIT_USAGE,
    SWITCH_CLOCK,
    err,
    local_time,
    print_rows,
    print_table,
    say,
)

ACTIONS = ("blacklist",)
VERBS = ("add", "edit", "lift", "list", "show", "import", "export")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("blacklist", help="harassing numbers: add, edit, lift, list, show, "
                                         "import, export")
    verbs = p.add_subparsers(dest="blacklist_verb", metavar="VERB", required=True)
    for name, helptext in (("add", "list a number (骚扰电话)"),
                           ("edit", "change a listed number's action, window or level")):
        v = verbs.add_parser(name, help=helptext)
        v.add_argument("number")
        v.add_argument("--action", choices=("busy", "release", "warn"), required=name == "add",
                       help="busy 提示系统忙, release 直接释放, warn 提示/告警")
        v.add_argument("--level", choices=("normal", "vip"), help="customer level 客户级别")
        v.add_argument("--from", dest="start", metavar="TIME", help="window start (default now)")
        window = v.add_mutually_exclusive_group()
        window.add_argument("--until", metavar="TIME", help="window end (ISO date-time)")
        window.add_argument("--for", dest="duration", metavar="DURATION",
                            help="window length: 30m, 12h, 7d, 2w")
        window.add_argument("--no-end", action="store_true", help="no end (edit)")
        v.add_argument("--reason", required=True, help="why (audited)")
    v = verbs.add_parser("lift", help="解除: turn the number back into a normal customer")
    v.add_argument("number")
    v.add_argument("--reason", required=True, help="why (audited)")
    v = verbs.add_parser("list", help="the entries, newest first")
    v.add_argument("--state", choices=("pending", "active", "expired", "lifted"))
    v.add_argument("--action", choices=("busy", "release", "warn"))
    v.add_argument("--search", default="", help="part of a number, a reason or who added it")
    v.add_argument("--limit", type=int, default=200, help="rows (1..1000, default 200)")
    v.add_argument("--offset", type=int, default=0)
    v = verbs.add_parser("show", help="one number: its entry, every change, every screened call")
    v.add_argument("number")
    v = verbs.add_parser("import", help="a CSV file (docs/blacklist.md): all rows or none")
    v.add_argument("file", help="the CSV file, or - for standard input")
    v.add_argument("--reason", default="", help="why (audited; default 'CSV import')")
    v = verbs.add_parser("export", help="the entries not lifted, as CSV")
    v.add_argument("file", nargs="?", default="-", help="where to write (default: stdout)")
    for v in verbs.choices.values():
        v.add_argument("--json", action="store_true", help="JSON for scripts")


class _Usage(Exception):
    pass


def _window_args(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        if args.start:
            out["from"] = parse_time(args.start)
        if args.until:
            out["until"] = parse_time(args.until)
        elif args.duration:
            out["duration_s"] = parse_duration(args.duration)
        elif args.no_end:
            out["until"] = None
    except ValueError as exc:
        raise _Usage(str(exc)) from None
    return out


def run(args: argparse.Namespace, conn: Connection) -> int:
    try:
        return _run(args, conn)
    except _Usage as exc:
        err(str(exc))
        return EXIT_USAGE


def _run(args: argparse.Namespace, conn: Connection) -> int:
    verb, call = args.blacklist_verb, conn.client.call
    if verb in ("add", "edit"):
        cmd: dict[str, Any] = {"number": args.number, "reason": args.reason,
                               **_window_args(args)}
        if args.action:
            cmd["action"] = args.action
        if args.level:
            cmd["customer_level"] = args.level
        data = call(f"blacklist.{verb}", cmd)
        e = data["entry"]
        say(data, args.json, f"{e['display']}: {e['action']} {_window(e)} ({e['state']}, "
                             f"{data['change']})")
        hint = data.get("suggestion")
        if hint and not args.json:
            print(f"suggestion: {hint['why']}: block until {local_time(hint['until'])} "
                  f"({SWITCH_CLOCK})? confirm with: ctl blacklist edit {e['number']} "
                  f"--until '{local_time(hint['until'])}' --reason ...")
        return EXIT_OK
    if verb == "lift":
        data = call("blacklist.lift", {"number": args.number, "reason": args.reason})
        say(data, args.json, f"{data['entry']['display']}: lifted, a normal customer again")
        return EXIT_OK
    if verb == "list":
        data = call("blacklist.list", {"state": args.state or "", "action": args.action or "",
                                       "search": args.search, "limit": args.limit,
                                       "offset": args.offset})
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print_table([_row(e) for e in data["entries"]])
            print(f"{len(data['entries'])} of {data['total']} shown")
        return EXIT_OK
    if verb == "show":
        return _show(args, call("blacklist.show", {"number": args.number}))
    if verb == "import":
        try:
            text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _Usage(f"cannot read {args.file}: {exc}") from None
        data = call("blacklist.import", {"csv": text, "reason": args.reason})
        say(data, args.json, f"imported: {data['added']} added, {data['updated']} updated, "
                             f"{data['unchanged']} unchanged")
        return EXIT_OK
    data = call("blacklist.export", {})  # export
    if args.file == "-":
        sys.stdout.write(data["csv"])
    else:
        Path(args.file).write_text(data["csv"], encoding="utf-8")
        say({"file": args.file, "entries": data["entries"]}, args.json,
            f"{data['entries']} entries written to {args.file}")
    return EXIT_OK


def _window(e: dict[str, Any]) -> str:
    end = local_time(e["blocked_until"]) if e["blocked_until"] is not None else "no end"
    return f"{local_time(e['blocked_from'])} → {end}"


def _row(e: dict[str, Any]) -> dict[str, Any]:
    return {"number": e["display"], "action": e["action"], "level": e["customer_level"],
            "state": e["state"], f"window ({SWITCH_CLOCK})": _window(e),
            "by": e["created_by"], "reason": e["reason"][:40]}


def _show(args: argparse.Namespace, data: dict[str, Any]) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    print_table([_row(data["entry"])])
    print(f"\nhistory ({SWITCH_CLOCK}):")
    print_table([{"at": local_time(h["at"]), "change": h["change"], "by": h["by"],
                  "reason": h["reason"]} for h in data["history"]])
    print(f"\nscreened calls ({len(data['calls'])}):")
    print_rows([{"arrived": local_time(c["arrived_at"]), "call": c["call_id"],
                 "action": c["action"], "outcome": c["outcome"], "agent": c["agent"] or ""}
                for c in data["calls"][:50]], False)
    hint = data.get("suggestion")
    if hint:
        print(f"\nsuggestion: {hint['why']}: block until {local_time(hint['until'])}")
    return EXIT_OK
