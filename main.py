"""callfloor launcher: the console by default, and the daemon, CLI and emulator as subcommands.

Each subcommand lives in its own module exposing ``add_arguments(parser)`` and
``run(args) -> int``; they are imported only when chosen, so ``ctl`` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: subcommand -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "console": ("console.app", "open the supervisor console (the default)"),
    "switchlink": ("switchlink.daemon", "run the headless switchlink daemon"),
    "ctl": ("switchlink.ctl", "talk to a running switchlink from the shell"),
    "simulate": ("switchlink.simulate", "run an emulator scenario and print its statistics"),
    "ivr": ("ivr.cli", "check IVR flow files against the service rules (ivr lint FILE…)"),
}


class LauncherParser(argparse.ArgumentParser):
    """``--help`` also lists the console's own options: they work without a subcommand."""

    console_parser: argparse.ArgumentParser | None = None

    def format_help(self) -> str:
        text = super().format_help()
        if self.console_parser is None:
            return text
        formatter = self._get_formatter()
        formatter.start_section("console options (with no COMMAND, or after `console`)")
        for group in self.console_parser._action_groups:
            formatter.add_arguments([a for a in group._group_actions
                                     if a.help is not argparse.SUPPRESS
                                     and not isinstance(a, argparse._HelpAction)])
        formatter.end_section()
        return text + "\n" + formatter.format_help()


def build_parser() -> argparse.ArgumentParser:
    parser = LauncherParser(
        prog="callfloor",
        usage="%(prog)s [console options] | %(prog)s COMMAND [options]",
        description="Supervisor wall-board and switch controller for a hotline floor. "
        "With no subcommand, starts a local switchlink on the loopback emulator and opens "
        "the console on it.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="callfloor")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        module = importlib.import_module(module_name)
        module.add_arguments(sub_parser)
        sub_parser.set_defaults(_module=module)
        if name == "console":
            parser.console_parser = sub_parser
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv.insert(0, "console")
    args = build_parser().parse_args(argv)
    return int(args._module.run(args) or 0)


def switchlink_main() -> int:
    """Entry point of the installed ``switchlink`` script."""
    return main(["switchlink", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
