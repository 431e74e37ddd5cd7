"""The launcher: --help everywhere, the console by default, ctl never loads Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [None, *main.SUBCOMMANDS])
def test_every_subcommand_answers_help(command: str | None, capsys) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as exit_info:
        main.main(argv)
    assert exit_info.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_no_subcommand_means_the_console() -> None:
    args = main.build_parser().parse_args(["console"])
    assert args._module.__name__ == "console.app"


def test_options_without_a_subcommand_go_to_the_console(monkeypatch) -> None:
    seen = {}
    monkeypatch.setattr("console.app.run", lambda args: seen.setdefault("args", args) and 0)
    main.main(["--wall", "--lang", "en"])
    assert seen["args"].wall is True


def test_the_shell_tools_never_import_qt() -> None:
    code = "import sys, main; main.build_parser(); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_an_unknown_subcommand_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main.main(["teleport"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
