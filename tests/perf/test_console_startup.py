"""Benchmark: seconds from ``python main.py`` to the first painted wall-board with live data.

Runs the real thing offscreen: the console starts a local switchlink on the emulator, connects,
and prints the wall time of its first live paint (``CALLFLOOR_STARTUP_REPORT``). Target: <= 3 s.
The first run also creates keys and the admin user, so both a cold and a warm run are shown.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _first_paint_after_launch(env: dict[str, str], shot: Path) -> float:
    launched = time.time()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(shot)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = re.search(r"first-live-paint (\d+\.\d+)", done.stderr)
    assert found, done.stderr
    return float(found.group(1)) - launched


@pytest.mark.perf
def test_first_live_wallboard_paint_after_launch(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", CALLFLOOR_STARTUP_REPORT="1",
               CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
               CALLFLOOR_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "xdg"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    cold = _first_paint_after_launch(env, tmp_path / "cold.png")
    warm = [_first_paint_after_launch(env, tmp_path / f"warm{i}.png") for i in range(3)]
    print(f"\nconsole start-up to first live paint: cold {cold:.2f} s, warm "
          f"{', '.join(f'{w:.2f}' for w in warm)} s (target <= 3 s)")
