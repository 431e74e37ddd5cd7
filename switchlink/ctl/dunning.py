"""``ctl dunning run-day|status|export|import-payments|import-accounts|start|pause|accounts``:
the dunning campaign from a shell (docs/dunning.md). Files are CSV, UTF-8."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import (
    EXIT_OK,
    EXIT_USAGE,
    err,
    print_table,
    say,
)

ACTIONS = ("dunning",)
FILE_KINDS = ("one_way", "two_way", "restore")
STAGES = ("first_notice", "second_notice", "one_way", "two_way", "collection")


def _day(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("dunning", help="欠费催缴: run-day, status, export, import-payments, …")
    verbs = p.add_subparsers(dest="dunning_verb", metavar="VERB", required=True)
    v = verbs.add_parser("run-day", help="plan a day and write its suspension files (twice "
                                         "changes nothing)")
    v.add_argument("--day", type=_day, help="YYYY-MM-DD (default: today, site time)")
    verbs.add_parser("status", help="today's campaign: state, pacing, figures")
    v = verbs.add_parser("export", help="a suspension / restore file for network management")
    v.add_argument("kind", choices=FILE_KINDS)
    v.add_argument("--day", type=_day, help="the file's day (default: today)")
    v.add_argument("-o", "--output", dest="file", default="-",
                   help="where to write (default: stdout)")
    for name, what in (("import-payments", "the reconciliation (bank / billing) file"),
                       ("import-accounts", "the billing file: accounts and their bills")):
        v = verbs.add_parser(name, help=f"{what}: all rows or none")
        v.add_argument("file", help="the CSV file, or - for standard input")
    for name, what in (("start", "start or resume the campaign"), ("pause", "pause it")):
        v = verbs.add_parser(name, help=what)
        v.add_argument("--reason", default="", help="why (audited)")
    v = verbs.add_parser("accounts", help="accounts on the list, by stage")
    v.add_argument("--stage", choices=STAGES)
    v.add_argument("--search", default="", help="part of an account, name or number")
    v.add_argument("--limit", type=int, default=200, help="rows (1..500, default 200)")
    for v in verbs.choices.values():
        v.add_argument("--json", action="store_true", help="JSON for scripts")


def _read(name: str) -> str:
    try:
        return sys.stdin.read() if name == "-" else Path(name).read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {name}: {exc}") from None


def run(args: argparse.Namespace, conn: Connection) -> int:
    try:
        return _run(args, conn)
    except ValueError as exc:
        err(str(exc))
        return EXIT_USAGE


def _run(args: argparse.Namespace, conn: Connection) -> int:
    verb, call = args.dunning_verb, conn.client.call
    if verb == "run-day":
        data = call("dunning.run_day", {"day": args.day} if args.day else {})
        files = ", ".join(f"{k} {v['rows']} rows ({'written' if v['written'] else 'as before'})"
                          for k, v in data["files"].items()) or "no files"
        say(data, args.json, f"{data['day']}: {data['auto']} to call, {data['manual']} for "
                             f"the manual seat; files: {files}")
        return EXIT_OK
    if verb == "status":
        return _status(args, call("dunning.status", {}))
    if verb == "export":
        cmd = {"kind": args.kind, **({"day": args.day} if args.day else {})}
        data = call("dunning.export", cmd)
        if args.file == "-":
            sys.stdout.write(data["csv"])
        else:
            Path(args.file).write_text(data["csv"], encoding="utf-8")
            say({"file": args.file, "rows": data["rows"]}, args.json,
                f"{data['rows']} rows written to {args.file}")
        return EXIT_OK
    if verb in ("import-payments", "import-accounts"):
        name = "dunning." + verb.replace("-", "_")
        data = call(name, {"csv": _read(args.file)})
        if verb == "import-payments":
            text = (f"imported {data['imported']} payments ({data['duplicates']} seen before); "
                    f"paid up: {len(data['paid_accounts'])}; to restore: "
                    f"{', '.join(data['restore_after_payment']) or 'none'}")
        else:
            text = (f"accounts: {data['accounts_new']} new, {data['accounts_updated']} changed; "
                    f"bills: {data['bills_new']} new, {data['bills_same']} as before")
        say(data, args.json, text)
        return EXIT_OK
    if verb in ("start", "pause"):
        data = call(f"dunning.{verb}", {"reason": args.reason})
        say(data, args.json, "campaign " + ("running" if data["running"] else "paused"))
        return EXIT_OK
    if not 1 <= args.limit <= 500:
        raise ValueError(f"--limit must be 1..500, got {args.limit}")
    data = call("dunning.accounts", {"stage": args.stage or "", "search": args.search,
                                     "limit": args.limit})
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    print_table([{"account": a["account"], "name": a["name"], "phone": a["phone"],
                  "stage": a["stage"], "owed": f"{a['owed_fen'] / 100:.2f}",
                  "bills": a["unpaid_bills"], "since": a["oldest_period"],
                  "seat": "manual" if a["manual"] else "auto"} for a in data["accounts"]])
    print(f"{len(data['accounts'])} of {data['total']} shown")
    return EXIT_OK


def _status(args: argparse.Namespace, data: dict[str, Any]) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    c = data["counts"]
    why = data["why"]
    reason = ""
    if data["pace"] != "running" and why.get("queue"):
        reason = (f" — queue {why['queue']}: 15-min service level "
                  f"{why['service_level'] * 100:.1f}% against {why['target'] * 100:.1f}%")
    start, end = data["window"]
    zone = ZoneInfo(data.get("timezone") or "UTC")

    def site(t: float) -> str:
        return dt.datetime.fromtimestamp(t, zone).strftime("%H:%M")

    print(f"campaign {'running' if data['running'] else 'paused'} (by {data['by'] or '-'}), "
          f"day {data['day']}{'' if data['open_day'] else ' (closed)'}, window "
          f"{site(start)}–{site(end)} {zone.key}")
    print(f"pacing: {data['pace']}, {data['channels']} of {data['max_channels']} channels"
          f"{reason}")
    print_table([{k: c[k] for k in ("dialed", "answered", "delivered", "machine", "no_answer",
                                    "busy", "invalid", "promises", "paid")}])
    print(f"queued {data['queued']}, in flight {data['in_flight']}, manual seat "
          f"{data['manual']}; held: " + (", ".join(f"{k} {v}" for k, v in
                                                   sorted(data['held'].items())) or "none"))
    if data.get("files"):
        print_table([{"file": f["kind"], "day": f["day"], "rows": f["rows"]}
                     for f in data["files"][:10]])
    return EXIT_OK
