"""``ctl report`` and ``ctl reports``: periodic reports as CSV / PDF files, and the stored list.

``ctl report daily --date 2026-03-02 --format pdf --out day.pdf`` asks switchlink for the
report (generated from its history if it was not stored yet) and writes the file; CSV goes
to stdout unless ``--out`` is given, a PDF to ``--out`` or its own name in this directory.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from models.reports.periods import KINDS, PeriodError, period_named
from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_OK, EXIT_USAGE, err, percent, print_rows, print_table
from switchlink.ctl.output import local_time as _t

ACTIONS = ("report", "reports")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("report", help="a periodic report as CSV or PDF (docs/reports.md)")
    p.add_argument("kind", choices=KINDS, help="hourly, daily, weekly or monthly")
    p.add_argument("--date", required=True,
                   help="hourly YYYY-MM-DDTHH, daily YYYY-MM-DD, weekly any day of the week "
                        "or YYYY-Www, monthly YYYY-MM (switch clock, local time)")
    p.add_argument("--format", choices=("csv", "pdf"), default="csv", help="csv (default) or pdf")
    p.add_argument("--out", help="file to write (CSV default: stdout; PDF default: its name)")
    p.add_argument("--lang", choices=("en", "zh_CN"), default=None,
                   help="language of the file (default: zh_CN when LANG is Chinese, else en)")
    p.add_argument("--regenerate", action="store_true",
                   help="compute it again from the stored history before exporting")
    p = sub.add_parser("reports", help="stored periodic reports, newest first")
    p.add_argument("--kind", choices=(*KINDS, "all"), default="all")
    p.add_argument("--limit", type=int, default=50, help="at most this many (50)")
    p.add_argument("--json", action="store_true", help="JSON for scripts")


def _language(args: argparse.Namespace) -> str:
    if args.lang:
        return args.lang
    return "zh_CN" if os.environ.get("LANG", "").startswith("zh") else "en"


def run(args: argparse.Namespace, conn: Connection) -> int:
    if args.ctl_command == "reports":
        return _list(args, conn)
    try:
        period_named(args.kind, args.date)  # a mistyped date is a usage error, said here
    except PeriodError as exc:
        err(str(exc))
        return EXIT_USAGE
    named = {"kind": args.kind, "date": args.date}
    if args.regenerate:
        conn.client.call("reports.generate", named)
    answer = conn.client.call("reports.export",
                              dict(named, format=args.format, lang=_language(args)))
    content: bytes = answer["content"]
    if args.out is None and args.format == "csv":
        sys.stdout.write(content.decode("utf-8-sig"))
        return EXIT_OK
    path = Path(args.out or answer["filename"])
    try:
        path.write_bytes(content)
    except OSError as exc:
        err(f"cannot write {path}: {exc.strerror}")
        return EXIT_USAGE
    print(f"{path} ({len(content):,} bytes)")
    return EXIT_OK


def _list(args: argparse.Namespace, conn: Connection) -> int:
    if not 1 <= args.limit <= 500:
        err(f"--limit must be 1..500, not {args.limit}")
        return EXIT_USAGE
    rows = conn.client.call("reports.list", {"kind": args.kind, "limit": args.limit})
    if args.json:
        print_rows(rows, True)
        return EXIT_OK
    print_table([{
        "KIND": r["kind"], "PERIOD": r["period_key"], "FROM (SWITCH CLOCK)": _t(r["start"]),
        "OFFERED": r["offered"], "SL": percent(r["service_level"]),
        "GENERATED": _t(r["generated_at"]), "BY": r["generated_by"],
    } for r in rows])
    return EXIT_OK
