"""A bad flag value on any entry point is one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import main

BAD_VALUES = [
    (["switchlink", "--speed", "abc"], "must be 'fast'"),
    (["switchlink", "--speed", "-5"], "must be 'fast'"),
    (["switchlink", "--speed", "nan"], "must be 'fast'"),
    (["switchlink", "--db", ""], "--db is empty"),
    (["switchlink", "--endpoint", ""], "--endpoint is empty"),
    (["switchlink", "--scenario", ""], "--scenario is empty"),
    (["switchlink", "--db", "sqlite:////nonexistent/dir/x.db"],
     "directory /nonexistent/dir does not exist"),
    (["switchlink", "--db", "mysql://x@h/db"], "unsupported database"),
    (["switchlink", "--scenario", "no-such-floor"], "no-such-floor"),
    (["switchlink", "--adapter", "acme"], "no adapter named 'acme'"),
    (["switchlink", "--short-abandon-s", "nan"], "short_abandon_s"),
    (["switchlink", "--log-level", "chatty"], "log level"),
    (["--speed", "abc"], "must be 'fast'"),
    (["console", "--speed", "-1"], "must be 'fast'"),
    (["--screen", "-1"], "monitor number"),
    (["--screenshot", "x.png", "--screenshot-after", "nan"], "--screenshot-after"),
    (["--lang", "fr"], "invalid choice"),
    (["ctl", "--timeout", "-1", "status"], "--timeout must be"),
    (["ctl", "--timeout", "nan", "status"], "--timeout must be"),
    (["ctl", "--timeout", "soon", "status"], "invalid float"),
    (["ctl", "watch", "--count", "0"], "1 or more"),
    (["ctl", "calls", "--limit", "-5"], "1..10000"),
    (["simulate", "--hours", "nan"], "--hours must be positive"),
    (["simulate", "--seed", "x"], "invalid int"),
    (["simulate", "--scenario", "no-such-floor"], "no-such-floor"),
]


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONFIG", "DATA", "RUNTIME"):
        monkeypatch.setenv(f"CALLFLOOR_{name}_DIR", str(tmp_path / name.lower()))
    monkeypatch.chdir(tmp_path)


def run_main(argv: list[str]) -> int:
    try:
        return main.main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        return int(exc.code or 0)


@pytest.mark.parametrize(("argv", "reason"), BAD_VALUES, ids=[" ".join(a) for a, _ in BAD_VALUES])
def test_a_bad_flag_value_is_one_line_and_exit_2(argv: list[str], reason: str, capsys) -> None:
    assert run_main(argv) == 2
    err = capsys.readouterr().err
    error_lines = [line for line in err.splitlines() if "error" in line or line.startswith(
        ("ctl:", "simulate:"))]
    assert len(error_lines) == 1, err
    assert reason in error_lines[0]
    assert "Traceback" not in err


def test_the_speed_error_names_the_flag_once(capsys) -> None:
    """It used to read ``speed: speed must be …`` and exit 1."""
    assert run_main(["switchlink", "--speed", "abc"]) == 2
    err = capsys.readouterr().err
    assert "speed: speed" not in err
    assert err.count("must be 'fast'") == 1


def test_a_db_in_a_missing_directory_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "x.db"
    assert run_main(["switchlink", "--db", f"sqlite:///{target}"]) == 2
    assert not target.parent.exists()


def test_main_help_shows_the_console_options(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--wall", "--connect", "--lang", "--theme", "--screenshot", "--speed"):
        assert flag in out, flag
    assert "switchlink" in out and "simulate" in out
