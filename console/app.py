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
    parser.add_argument("--speed", default="1", type=_speed,
                        help="emulator time multiplier of the local switchlink (default: 1)")
    parser.add_argument("--wall", action="store_true",
                        help="frameless full screen (toggle with F11)")
    parser.add_argument("--screen", type=_screen_number, metavar="N",
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


def _speed(text: str) -> str:
    """What switchlink's ``--speed`` takes: 'fast' or a factor >= 0 (checked here, so a typo
    is a usage error before a daemon is started; the daemon checks it again)."""
    word = text.strip().lower()
    if word in ("fast", "max"):
        return text
    try:
        value = float(word.removeprefix("x").removesuffix("x"))
    except ValueError:
        value = float("nan")
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(
            f"speed must be 'fast' or a number like 1, 10, 60; got {text!r}")
    return text


def _screen_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a monitor number 0, 1, …; got {text!r}")
    return value


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
        if not args.screenshot_after >= 0:  # NaN too
            print(f"callfloor: error: --screenshot-after {args.screenshot_after:g}: must be 0 "
                  "or more seconds", file=sys.stderr)
            return 2
    from console.shell.session import ConsoleSession

    return ConsoleSession(args).run()
