"""Issue 10 item 7: ``--screenshot`` against an endpoint that never answers must end."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_screenshot_of_a_silent_endpoint_gives_up_with_a_clear_error(tmp_path: Path) -> None:
    from switchlink.transport.keys import ensure_keys

    ensure_keys(tmp_path / "config")
    endpoint = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               CALLFLOOR_CONFIG_DIR=str(tmp_path / "config"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "console", "--connect", endpoint,
         "--screenshot", str(tmp_path / "shot.png"), "--screenshot-timeout", "3"],
        env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert (f"connecting to {endpoint}: nothing received within 3 s (--screenshot-timeout); "
            "no screenshot saved") in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "shot.png").exists()
    assert time.monotonic() - started < 30
