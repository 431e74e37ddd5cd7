"""``ctl`` verbs for maintenance: the equipment and its health, tests (waiting for their result),
reset, out-of-service, the sweep, the test history (CSV, pass rate) and fault rehearsal.

A test verb waits for the result in the live floor (``test/<id>``) and exits 0 when the test
passed, 1 when it failed, 3 when no result came in time. Fault rehearsal runs on the emulator
only; switchlink refuses it on a real switch.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from models.linktests import results_csv
from switchlink.ctl.connection import Connection
from switchlink.ctl.history import _limit, when
from switchlink.ctl.output import (
    EXIT_LINK,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    SWITCH_CLOCK,
    duration,
    err,
    local_time,
    percent,
    print_rows,
    say,
)

ACTIONS = ("equipment", "self-test", "loopback-test", "fax-test", "prompt-test", "reset",
           "out-of-service", "in-service", "sweep", "test-history", "fault")
KINDS = ("acd", "ivr", "fax", "trunk")
WHAT = ("all", "links", "boards", "trunks", "channels")
FAULTS = ("link_drop", "board_failure", "stuck_channel", "event_delay", "line_noise", "clear")
REHEARSAL = "REHEARSAL (emulator only)"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("equipment", help="links, boards, trunks and channels with their health")
    p.add_argument("what", nargs="?", choices=WHAT, default="all")
    p.add_argument("--board", help="only this board's trunks and channels")
    p.add_argument("--kind", choices=KINDS, help="only boards (and their channels) of a kind")
    for name, target, helptext in (
        ("self-test", "board", "a board's self-test"),
        ("loopback-test", "channel", "a loopback test call on an idle channel (tone, DTMF)"),
        ("prompt-test", "channel", "test-play an IVR prompt on an idle IVR channel"),
        ("fax-test", "number", "a one-page test fax to a loopback number"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument(target)
        if name == "prompt-test":
            p.add_argument("--prompt", help="the text to play (default: a test sentence)")
        p.add_argument("--wait", type=float, default=120.0, metavar="S",
                       help="seconds to wait for the result (default 120; 0: do not wait)")
    p = sub.add_parser("reset", help="reset a channel or board (calls on it are cut)")
    p.add_argument("target")
    p.add_argument("--reason", default="")
    p = sub.add_parser("out-of-service", help="take a channel, trunk or board out of service")
    p.add_argument("target")
    p.add_argument("--reason", required=True, help="why (shown on the equipment screen)")
    p = sub.add_parser("in-service", help="put it back in service")
    p.add_argument("target")
    p = sub.add_parser("sweep", help="the nightly sweep: its schedule and last run; --now runs it")
    p.add_argument("--now", action="store_true", help="start a sweep now")
    p = sub.add_parser("test-history", help="finished tests, newest first; --pass-rate per board")
    p.add_argument("--board")
    p.add_argument("--target")
    p.add_argument("--kind", choices=("self_test", "loopback", "prompt", "fax"))
    p.add_argument("--failed", action="store_true", help="only failed tests")
    p.add_argument("--since", type=when, help="from: YYYY-MM-DD[THH:MM] (switch clock) or epoch")
    p.add_argument("--until", type=when, help="to (exclusive)")
    p.add_argument("--limit", type=_limit, default=100, help="at most this many rows (100)")
    p.add_argument("--csv", metavar="FILE", help="write the rows as CSV to FILE ('-': stdout)")
    p.add_argument("--pass-rate", action="store_true", help="pass rate per board and period")
    p.add_argument("--period", choices=("day", "week"), default="day")
    p = sub.add_parser("fault", help=f"fault rehearsal, {REHEARSAL}: drop the link, fail a "
                       "board, stick a channel, delay events, noise on a line, or clear")
    p.add_argument("kind", choices=FAULTS)
    p.add_argument("target", nargs="?", default="", help="link, board or channel")
    p.add_argument("--duration", type=float, metavar="S", help="clears itself after S seconds")
    p.add_argument("--delay", type=float, metavar="S", help="event_delay: seconds late")
    for name in ACTIONS:
        sub.choices[name].add_argument("--json", action="store_true", help="JSON for scripts")


def run(args: argparse.Namespace, conn: Connection) -> int:
    verb = args.ctl_command
    call = conn.client.call
    if verb == "equipment":
        if not conn.need_live():
            return EXIT_LINK
        return _equipment(conn.client.mirror, args)
    if verb in ("self-test", "loopback-test", "prompt-test", "fax-test"):
        return _test(args, conn)
    if verb == "reset":
        data = call("equipment.reset", {"target": args.target, "reason": args.reason})
        say(data, args.json, f"{data['kind']} {data['target']} reset")
    elif verb == "out-of-service":
        data = call("equipment.out_of_service", {"target": args.target, "reason": args.reason})
        later = " after its call ends" if data.get("after_call") else ""
        say(data, args.json, f"{data['kind']} {data['target']} out of service{later} "
            f"({data['reason']}, by {data['by']})")
    elif verb == "in-service":
        data = call("equipment.in_service", {"target": args.target})
        say(data, args.json, f"{data['kind']} {data['target']} back in service")
    elif verb == "sweep":
        data = call("equipment.sweep" if args.now else "equipment.sweep_status", {})
        if args.now:
            data = call("equipment.sweep_status", {})
        say(data, args.json, _sweep_text(data))
    elif verb == "test-history":
        return _history(args, conn)
    elif verb == "fault":
        params = {k: v for k, v in (("duration_s", args.duration), ("delay_s", args.delay))
                  if v is not None}
        data = call("inject_fault", {"kind": args.kind, "target": args.target,
                                     "params": params})
        say(data, args.json, f"{REHEARSAL}: {args.kind} {args.target or '(default link)'}"
            + (f" for {args.duration:g} s" if args.duration is not None else ""))
    return EXIT_OK


# --- listing --------------------------------------------------------------------------------


def _since(item: dict[str, Any]) -> str:
    return local_time(item.get("since")) or "start"


def _note(item: dict[str, Any]) -> str:
    note = item.get("out_of_service")
    if note:
        return f"{note.get('reason', '')} (by {note.get('by', '?')}, " \
               f"{local_time(note.get('since'))})"
    return str(item.get("last_error") or "")


def equipment_rows(mirror: Any, what: str, board: str | None = None,
                   kind: str | None = None) -> list[dict[str, Any]]:
    """Rows for one table (links, boards, trunks, channels), filtered by board and kind."""
    boards = mirror.items("board/")
    kind_of = {str(b.get("id", k[6:])): str(b.get("kind", "")) for k, b in boards.items()}
    rows: list[dict[str, Any]] = []
    for key, item in sorted(mirror.items(what[:-1] + "/").items()):
        ident = str(item.get("id", key.split("/", 1)[1]))
        on = str(item.get("board", ident if what == "boards" else ""))
        if board and what != "links" and on != board:
            continue
        if kind and what != "links" and kind_of.get(on, item.get("kind")) != kind:
            continue
        counters = item.get("counters") or {}
        row = {"id": ident, "status": item.get("status", "")}
        if what == "links":
            row.update(round_trip=f"{item.get('latency_ms', 0):.0f} ms",
                       reconnects_1h=item.get("reconnects_1h", 0))
        elif what == "boards":
            row.update(kind=item.get("kind", ""))
        elif what == "trunks":
            row.update(board=on, in_use=f"{item.get('in_use', 0)}/{item.get('capacity', '?')}")
        else:
            row.update(board=on, kind=item.get("kind", ""), call=item.get("call_id") or "")
        row.update({f"since ({SWITCH_CLOCK})": _since(item),
                    "calls": counters.get("calls", 0), "errors": counters.get("errors", 0),
                    "tests": f"{counters.get('tests_passed', 0)}✓ "
                             f"{counters.get('tests_failed', 0)}✗",
                    "note": _note(item)})
        rows.append(row)
    return rows


def _equipment(mirror: Any, args: argparse.Namespace) -> int:
    tables = WHAT[1:] if args.what == "all" else (args.what,)
    if args.json:
        print(json.dumps({t: [dict(v, clock=SWITCH_CLOCK) for v in _raw(mirror, t, args)]
                          for t in tables}, ensure_ascii=False))
        return EXIT_OK
    for i, table in enumerate(tables):
        rows = equipment_rows(mirror, table, args.board, args.kind)
        if len(tables) > 1:
            print(("\n" if i else "") + f"{table.upper()} ({len(rows)})")
        print_rows(rows, False)
    return EXIT_OK


def _raw(mirror: Any, table: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    ids = {r["id"] for r in equipment_rows(mirror, table, args.board, args.kind)}
    return [v for k, v in sorted(mirror.items(table[:-1] + "/").items())
            if str(v.get("id", k.split("/", 1)[1])) in ids]


# --- tests ----------------------------------------------------------------------------------


def _test(args: argparse.Namespace, conn: Connection) -> int:
    verb = args.ctl_command
    if verb == "self-test":
        name, cmd = "self_test", {"board": args.board}
    elif verb == "loopback-test":
        name, cmd = "loopback_test", {"channel": args.channel}
    elif verb == "prompt-test":
        name, cmd = "prompt_test", {"channel": args.channel}
        if args.prompt:
            cmd["prompt"] = args.prompt
    else:
        name, cmd = "fax_test", {"number": args.number}
    if not args.wait >= 0:
        err(f"--wait must be 0 or more seconds, got {args.wait:g}")
        return EXIT_USAGE
    client = conn.client
    if args.wait and not conn.need_live():
        return EXIT_LINK
    started = client.call(name, cmd)
    key = "test/" + started["test"]
    if not args.wait:
        say(started, args.json, f"test {started['test']} started")
        return EXIT_OK
    done = client.wait_until(
        lambda: (client.mirror.get(key) or {}).get("state") in ("passed", "failed"), args.wait)
    result = client.mirror.get(key) or started
    if not done:
        err(f"test {started['test']} gave no result within {args.wait:g} s; "
            f"see `ctl test-history --target {result.get('target', '')}`")
        return EXIT_LINK
    measured = ", ".join(f"{k} {v:g}" for k, v in sorted((result.get("measured") or {}).items()))
    say(result, args.json, f"{result['state'].upper()}: {result['kind']} {result['target']}"
        f" — {result.get('detail', '')}" + (f"\nmeasured: {measured}" if measured else ""))
    return EXIT_OK if result["state"] == "passed" else EXIT_REFUSED


def _sweep_text(data: dict[str, Any]) -> str:
    lines = [f"schedule: {data.get('schedule') or 'off'}"
             + (f", next {local_time(data['next_at'])} ({SWITCH_CLOCK})"
                if data.get("next_at") else "")]
    for label in ("running", "last"):
        run = data.get(label)
        if not run:
            continue
        took = duration((run.get("finished_at") or run["started_at"]) - run["started_at"])
        lines.append(f"{label}: started {local_time(run['started_at'])} by {run['by']}, "
                     f"{run['tested']} of {run['channels']} channels tested ({took}): "
                     f"{run['passed']} passed, {run['failed']} failed, "
                     f"{run['skipped']} skipped (not idle)")
        lines += [f"  FAILED {f['channel']}: {f['detail']}" for f in run.get("failures", [])]
    return "\n".join(lines)


# --- history --------------------------------------------------------------------------------


def _history(args: argparse.Namespace, conn: Connection) -> int:
    call = conn.client.call
    filters: dict[str, Any] = {n: getattr(args, n) for n in ("since", "until")
                               if getattr(args, n) is not None}
    if args.board:
        filters["board"] = args.board
    if args.pass_rate:
        rows = call("equipment.pass_rate", dict(filters, period=args.period))
        if args.json:
            print(json.dumps(rows, ensure_ascii=False))
        else:
            print_rows([{"board": r["board"] or "(none)", args.period: r["period"],
                         "tests": r["tests"], "passed": r["passed"],
                         "pass rate": percent(r["rate"])} for r in rows], False)
        return EXIT_OK
    for name in ("target", "kind"):
        if getattr(args, name):
            filters[name] = getattr(args, name)
    if args.failed:
        filters["passed"] = False
    rows: list[dict[str, Any]] = []
    while len(rows) < args.limit:
        size = min(1000, args.limit - len(rows))
        page = call("equipment.tests", dict(filters, limit=size, offset=len(rows)))
        rows += page
        if len(page) < size:
            break
    if args.csv:
        text = results_csv(rows)
        if args.csv == "-":
            sys.stdout.write(text)
        else:
            try:
                Path(args.csv).write_text(text, encoding="utf-8")
            except OSError as exc:
                err(f"cannot write {args.csv}: {exc.strerror}")
                return EXIT_USAGE
            print(f"{len(rows)} result(s) written to {args.csv}")
        return EXIT_OK
    if args.json:
        print(json.dumps([dict(r, clock=SWITCH_CLOCK) for r in rows], ensure_ascii=False))
        return EXIT_OK
    print_rows([{f"at ({SWITCH_CLOCK})": local_time(r["at"]), "board": r.get("board", ""),
                 "target": r["target"], "kind": r["kind"],
                 "result": "pass" if r["passed"] else "FAIL", "by": r.get("by", ""),
                 "detail": r.get("detail", "")} for r in rows], False)
    return EXIT_OK
