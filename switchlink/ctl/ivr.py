"""``ctl ivr``: the IVR flows on the switch — list, show with lint findings, reload, live
counts per node, the emergency notice, and the flow as an Asterisk dialplan."""

from __future__ import annotations

import argparse
from typing import Any

from switchlink.ctl.connection import Connection
from switchlink.ctl.output import EXIT_OK, local_time, print_rows, print_table, say

ACTIONS = ("ivr",)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("ivr", help="IVR flows: flows, show, reload, counts, emergency, dialplan")
    verbs = p.add_subparsers(dest="ivr_verb", metavar="VERB", required=True)
    verbs.add_parser("flows", help="flows on the switch and bundled ones")
    for name, text in (("show", "a flow's nodes and its lint findings"),
                       ("counts", "callers at each node now, entered and dropped today"),
                       ("dialplan", "the flow as an Asterisk dialplan (extensions.conf)")):
        verbs.add_parser(name, help=text).add_argument("flow", help="flow name (ivr flows)")
    r = verbs.add_parser("reload", help="lint and reload a flow on the running switch")
    r.add_argument("flow")
    r.add_argument("--file", default="", help="load this file instead of the flow's own")
    e = verbs.add_parser("emergency", help="set or clear the emergency notice")
    ev = e.add_subparsers(dest="emergency_verb", metavar="set|clear", required=True)
    s = ev.add_parser("set", help="callers hear TEXT after the welcome until it expires")
    s.add_argument("flow")
    s.add_argument("text")
    s.add_argument("--minutes", type=float, default=60.0, help="expires after (default 60)")
    ev.add_parser("clear", help="remove the notice").add_argument("flow")
    for parser in (p, *verbs.choices.values(), *ev.choices.values()):
        parser.add_argument("--json", action="store_true", help="JSON for scripts")


def run(args: argparse.Namespace, conn: Connection) -> int:
    call, verb, as_json = conn.client.call, args.ivr_verb, args.json
    if verb == "flows":
        flows = call("ivr.flows", {})["flows"]
        print_rows(flows if as_json else [
            {"flow": f["flow"], "running": "yes" if f["running"] else "", "title": f["title"],
             "nodes": f["nodes"] or "", "in ivr": f["in_ivr"],
             "notice": "yes" if f["notice"] else ""} for f in flows], as_json)
    elif verb == "show":
        data = call("ivr.get", {"flow": args.flow})
        if as_json:
            say(data, True, "")
            return EXIT_OK
        tree = data["tree"] or {"nodes": {}}
        print(f"{data['flow']}: {data['file']}  ({data['errors']} error(s), "
              f"{len(data['findings']) - data['errors']} warning(s))")
        print_table([{"node": n, "type": v["type"], "title": v["title"], "line": v["line"],
                      "leads to": ", ".join(e["target"] for e in v["edges"])}
                     for n, v in tree["nodes"].items()])
        for f in data["findings"]:
            print(f"{f['file']}:{f['line']}:{f['column']}: {f['severity']} [{f['rule']}] "
                  f"{f['message']} — fix: {f['hint']}")
    elif verb == "reload":
        data = call("ivr.reload", {"flow": args.flow, **({"file": args.file} if args.file
                                                          else {})})
        say(data, as_json, f"flow {data['flow']} reloaded from {data['file']} "
                           f"({data['nodes']} nodes, {data['warnings']} warning(s)); callers "
                           "already in the IVR finish the old flow")
        for f in data["findings"]:
            print(f"{f['file']}:{f['line']}:{f['column']}: {f['severity']} [{f['rule']}] "
                  f"{f['message']}")
    elif verb == "counts":
        data = call("ivr.counts", {"flow": args.flow})
        if as_json:
            say(data, True, "")
            return EXIT_OK
        print(f"{data['flow']}: {data['in_ivr']} caller(s) in the flow now, "
              f"{data['dropped']} dropped out today")
        print_table([{"node": n, "now": v["now"], "entered": v["entered"],
                      "dropped": v["dropped"]}
                     for n, v in sorted(data["nodes"].items(), key=lambda kv: -kv[1]["entered"])])
    elif verb == "dialplan":
        data = call("ivr.dialplan", {"flow": args.flow})
        say(data, as_json, data["text"])
    else:  # emergency
        if args.emergency_verb == "set":
            data = call("ivr.emergency", {"flow": args.flow, "text": args.text,
                                          "minutes": args.minutes})
            say(data, as_json, f"emergency notice on {data['flow']} until "
                               f"{local_time(data['notice']['until'])} (switch clock)")
        else:
            data = call("ivr.emergency", {"flow": args.flow, "clear": True})
            say(data, as_json, f"emergency notice on {data['flow']} cleared")
    return EXIT_OK
