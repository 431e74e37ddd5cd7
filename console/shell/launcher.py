"""Starts a local switchlink on the loopback emulator for the console, and stops it on close."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: the repository's launcher, when running from a checkout (else the installed ``main`` module)
MAIN_PY = Path(__file__).resolve().parents[1] / "main.py"
START_TIMEOUT_S = 30.0


class LaunchError(RuntimeError):
    """The local switchlink did not come up; the message quotes the end of its log."""


def free_port_pair(host: str = "127.0.0.1") -> int:
    """A port p with p and p + 1 free (switchlink puts PUB on port + 1)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((host, 0))
            port = probe.getsockname()[1]
        if port >= 65535:
            continue
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind((host, port))
                b.bind((host, port + 1))
        except OSError:
            continue
        return port
    raise LaunchError("no two adjacent free TCP ports on 127.0.0.1")


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("callfloor"))


class LocalSwitchlink:
    """A child ``switchlink`` process: loopback adapter, its log captured to a file."""

    def __init__(self, scenario: str = "default", speed: str = "1", *,
                 log_dir: Path | None = None, extra_args: tuple[str, ...] = ()) -> None:
        self.scenario = scenario
        self.speed = speed
        self.extra_args = extra_args
        self.log_dir = log_dir or default_log_dir()
        self.log_path: Path | None = None
        self.endpoint = ""
        self.session = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._run_dir: Path | None = None

    def command(self, session_file: Path) -> list[str]:
        entry = [str(MAIN_PY)] if MAIN_PY.exists() else ["-m", "main"]
        return [sys.executable, *entry, "switchlink", "--adapter", "loopback",
                "--scenario", self.scenario, "--speed", str(self.speed),
                "--endpoint", self.endpoint, "--local-session-file", str(session_file),
                "--exit-with-parent", *self.extra_args]

    def start(self, timeout: float = START_TIMEOUT_S) -> str:
        """Start the child and wait until it serves (it writes the session file then)."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.log_dir / time.strftime("switchlink-%Y%m%d-%H%M%S.log")
        self._run_dir = Path(tempfile.mkdtemp(prefix="callfloor-"))
        session_file = self._run_dir / "session.json"
        self.endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(session_file), stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True, env=os.environ.copy())
        deadline = time.monotonic() + timeout
        while not session_file.exists():
            if self.process.poll() is not None:
                raise LaunchError(f"switchlink exited with code {self.process.returncode}:\n"
                                  f"{self.log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise LaunchError(f"switchlink did not start within {timeout:.0f} s; log "
                                  f"{self.log_path}:\n{self.log_tail()}")
            time.sleep(0.02)
        self.session = self._read_session(session_file)
        return self.endpoint

    def _read_session(self, path: Path) -> str:
        for _ in range(50):  # the file may be seen before its JSON is complete
            try:
                return str(json.loads(path.read_text())["session"])
            except (ValueError, KeyError, OSError):
                time.sleep(0.02)
        return ""

    def log_tail(self, lines: int = 15) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text("utf-8", errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 5.0) -> int | None:
        """SIGTERM (clean shutdown), then SIGKILL if it lingers; returns the exit code."""
        proc, self.process = self.process, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        if self._run_dir is not None:
            for item in self._run_dir.iterdir():
                item.unlink(missing_ok=True)
            self._run_dir.rmdir()
            self._run_dir = None
        return proc.returncode
