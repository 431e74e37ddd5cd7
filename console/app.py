"""``callfloor console``: open the wall-board on a local or a remote switchlink."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--connect", metavar="ENDPOINT",
                        help="attach to a running switchlink (e.g. tcp://10.0.0.5:7600) "
                        "instead of starting a local one on the emulator")
    parser.add_argument("--session", metavar="TOKEN",
                        help="session token for commands on a remote switchlink")
    parser.add_argument("--scenario", default="default",
                        help="emulator scenario of the local switchlink (default: default)")
    parser.add_argument("--speed", default="1",
                        help="emulator time multiplier of the local switchlink (default: 1)")
    parser.add_argument("--wall", action="store_true",
                        help="frameless full screen (toggle with F11)")
    parser.add_argument("--screen", type=int, metavar="N",
                        help="monitor for the wall display, 0 = primary")
    parser.add_argument("--screenshot", metavar="FILE",
                        help="once live data shows, save a PNG of the window and exit")
    parser.add_argument("--lang", choices=("zh_CN", "en"),
                        help="interface language (default: the system's; remembered)")
    parser.add_argument("--theme", choices=("dark", "light"),
                        help="dark wall theme or light desk theme (default: remembered/dark)")
    parser.add_argument("--screenshot-after", type=float, default=0.0, metavar="SECONDS",
                        help="with --screenshot: wait this long after live data first shows "
                        "(e.g. for a busy floor with --speed 60)")
    parser.add_argument("--screenshot-timeout", type=float, default=60.0, metavar="S",
                        help="with --screenshot: give up with an error (exit 1) when no live "
                        "data has shown after S seconds (default 60)")


def run(args: argparse.Namespace) -> int:
    """Start (or attach to) switchlink, open the window, and clean up on the way out."""
    if args.screenshot:
        target = Path(args.screenshot)
        if target.suffix.lower() != ".png":
            print(f"callfloor: error: --screenshot {target}: the file must end in .png",
                  file=sys.stderr)
            return 2
        if not target.parent.exists():
            print(f"callfloor: error: --screenshot {target}: folder {target.parent} does not "
                  "exist", file=sys.stderr)
            return 2
        if args.screenshot_after < 0:
            print(f"callfloor: error: --screenshot-after {args.screenshot_after:g}: must be 0 "
                  "or more seconds", file=sys.stderr)
            return 2
    from console.shell.session import ConsoleSession

    return ConsoleSession(args).run()
