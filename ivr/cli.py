"""``python main.py ivr lint FILE…``: check flows against the service rules.

Exit status: 0 clean (warnings allowed), 1 when any file has an error, 2 on a usage error.
One line per finding, ``file:line:column: severity [rule] message — fix: hint``, in the
format editors and CI jump to; ``--json`` for tools.
"""

from __future__ import annotations

import argparse
import json
import sys

from ivr.findings import ERROR, Finding
from ivr.lint import lint_file


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    lint = actions.add_parser("lint", help="check flow files against the IVR service rules",
                              description="Check IVR flow files (TOML, docs/ivr.md) against "
                              "the service rules; exit 1 when any has an error.")
    lint.add_argument("files", nargs="+", metavar="FILE", help="flow files to check")
    lint.add_argument("--json", action="store_true", help="print the findings as JSON")


def run(args: argparse.Namespace) -> int:
    findings: list[Finding] = []
    for name in args.files:
        findings += lint_file(name)[1]
    errors = sum(f.severity == ERROR for f in findings)
    warnings = len(findings) - errors
    if args.json:
        json.dump({"files": args.files, "errors": errors, "warnings": warnings,
                   "findings": [f.as_dict() for f in findings]},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for finding in findings:
            print(finding)
        print(f"{len(args.files)} file(s): {errors} error(s), {warnings} warning(s)",
              file=sys.stderr)
    return 1 if errors else 0
