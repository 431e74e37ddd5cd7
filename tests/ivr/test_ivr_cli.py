"""``main.py ivr lint``: exit codes, the file:line:column format, --json, and the shipped flows."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from ivr_helpers import BASE, FLOWS, ROOT

import main
from ivr.lint import lint_file

SHIPPED = sorted(FLOWS.glob("*.toml"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "ivr", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_shipped_flows_are_the_five_examples() -> None:
    assert {p.name for p in SHIPPED} == {"hotline-10000.toml", "billing-170.toml",
                                         "operator-113.toml", "number-change.toml",
                                         "mass-vote.toml"}


@pytest.mark.parametrize("path", [*SHIPPED, FLOWS / "shared" / "common.toml"],
                         ids=lambda p: p.name)
def test_every_shipped_flow_passes_the_linter(path) -> None:
    flow, findings = lint_file(path)
    assert flow is not None and [str(f) for f in findings] == []


def test_clean_files_exit_0_and_errors_exit_1_with_file_line_column(tmp_path) -> None:
    result = run("lint", *map(str, SHIPPED))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 file(s): 0 error(s), 0 warning(s)" in result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text(BASE.replace('"2" = "agent"', '"2" = "agent", "#" = "a"'), encoding="utf-8")
    result = run("lint", str(bad))
    assert result.returncode == 1
    line = result.stdout.strip()
    assert line.startswith(f"{bad}:11:") and "error [reserved-key]" in line and "fix:" in line


def test_warnings_alone_exit_0(tmp_path) -> None:
    flow = tmp_path / "w.toml"
    flow.write_text(BASE.replace('next = "main"', 'next = "main"\nrecording_s = 0.1'),
                    encoding="utf-8")
    result = run("lint", str(flow))
    assert result.returncode == 0 and "warning [speech-rate]" in result.stdout


def test_json_output(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BASE.replace('next = "main"', 'next = "gone"'), encoding="utf-8")
    result = run("lint", "--json", str(bad))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] >= 1
    finding = next(f for f in report["findings"] if f["rule"] == "unknown-target")
    assert finding["file"] == str(bad) and finding["line"] == 16 and finding["column"] == 1
    assert finding["severity"] == "error" and finding["hint"]


def test_usage_errors_exit_2(capsys) -> None:
    for argv in (["ivr"], ["ivr", "lint"], ["ivr", "frobnicate"]):
        with pytest.raises(SystemExit) as exit_info:
            main.main(argv)
        assert exit_info.value.code == 2
    capsys.readouterr()


def test_a_missing_file_is_one_clear_line(tmp_path) -> None:
    result = run("lint", str(tmp_path / "nope.toml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{tmp_path / 'nope.toml'}:1:1: error [parse] cannot read" in result.stdout
