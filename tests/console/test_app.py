"""``python main.py`` end to end: one command starts switchlink, shows the floor, cleans up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
               CALLFLOOR_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "xdg"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return env


@pytest.mark.slow
def test_main_with_screenshot_starts_local_switchlink_saves_png_and_stops_it(
        tmp_path: Path) -> None:
    shot = tmp_path / "board.png"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(shot),
                           "--lang", "en"], env=_env(tmp_path), capture_output=True, text=True,
                          timeout=90)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 20_000
    logs = list((tmp_path / "state").rglob("switchlink-*.log"))
    assert len(logs) == 1
    assert "switchlink stopped" in logs[0].read_text()


def test_screenshot_to_a_non_png_name_is_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot",
                           str(tmp_path / "board.jpg")], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "must end in .png" in done.stderr
    assert "Traceback" not in done.stderr


def test_connect_to_nothing_without_keys_is_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--connect",
                           "tcp://127.0.0.1:9"], env=_env(tmp_path), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "no switchlink keys" in done.stderr
    assert "Traceback" not in done.stderr


def test_console_module_keeps_qt_out_of_argument_parsing() -> None:
    code = ("import argparse, sys; import console.app as a; a.add_arguments("
            "argparse.ArgumentParser()); print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
