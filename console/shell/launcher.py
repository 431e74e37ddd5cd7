"""Starts a local switchlink on the loopback emulator for the console, and stops it on close."""

from __future__ import annotations

import json
import os
import shutil
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
#: the hand-off folder of one console run, and all it ever holds
RUN_PREFIX = "callfloor-console-"
HAND_OFF_FILES = {"session.json", "session.json.tmp"}


class LaunchError(RuntimeError):
    """The local switchlink did not come up; the message quotes the end of its log.

    ``reason`` is the one line that matters (the daemon's own error line when it printed
    one); ``exit_code`` is the daemon's (2 = a usage error such as a bad scenario or speed).
    """

    def __init__(self, message: str, reason: str = "", exit_code: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message.splitlines()[0]
        self.exit_code = exit_code


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


def _private_dir(path: Path) -> None:
    """0700: the daemon's log names users, addresses and numbers called."""
    path.mkdir(parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)


def sweep_stale_run_dirs(base: Path | None = None) -> list[Path]:
    """Remove hand-off folders left by consoles whose daemon is gone (kill -9, power cut).

    The session in such a file is already useless (the daemon never saved it), but a file
    holding a token should not lie around in /tmp.
    """
    removed: list[Path] = []
    base = base or Path(tempfile.gettempdir())
    for run_dir in base.glob("callfloor-*"):  # older consoles used callfloor-XXXXXXXX
        try:
            if not run_dir.is_dir() or run_dir.stat().st_uid != os.getuid():
                continue
            names = {item.name for item in run_dir.iterdir()}
            if not names <= HAND_OFF_FILES or not (names or run_dir.name.startswith(RUN_PREFIX)):
                continue  # someone else's folder (a test server, another tool): not ours
            session = run_dir / "session.json"
            if session.exists():
                pid = int(json.loads(session.read_text()).get("pid", 0))
                if pid and _pid_alive(pid):
                    continue
            elif time.time() - run_dir.stat().st_mtime < 2 * START_TIMEOUT_S:
                continue  # another console may be starting right now
            for item in run_dir.iterdir():
                item.unlink(missing_ok=True)
            run_dir.rmdir()
            removed.append(run_dir)
        except (OSError, ValueError, TypeError, AttributeError):
            continue
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _error_line(log_text: str) -> str:
    """The daemon's own one-line error (``switchlink: error: …``), else its last line."""
    lines = [ln.strip() for ln in log_text.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("switchlink: error:")]
    return (errors or lines or [""])[-1].removeprefix("switchlink: error: ")


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
        #: the one-time admin password of a first run, for the console to show once
        self.first_run_password: str | None = None
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
        _private_dir(self.log_dir)
        self.log_path = self.log_dir / time.strftime("switchlink-%Y%m%d-%H%M%S.log")
        sweep_stale_run_dirs()
        self._run_dir = Path(tempfile.mkdtemp(prefix=RUN_PREFIX))
        session_file = self._run_dir / "session.json"
        self.endpoint = f"tcp://127.0.0.1:{free_port_pair()}"
        fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "ab") as log:
            self.process = subprocess.Popen(
                self.command(session_file), stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True, env=os.environ.copy())
        deadline = time.monotonic() + timeout
        while not session_file.exists():
            if self.process.poll() is not None:
                code, tail = self.process.returncode, self.log_tail()
                self.stop()
                raise LaunchError(f"switchlink exited with code {code}:\n{tail}",
                                  _error_line(tail), code)
            if time.monotonic() > deadline:
                self.stop()
                raise LaunchError(f"switchlink did not start within {timeout:.0f} s; log "
                                  f"{self.log_path}:\n{self.log_tail()}",
                                  f"switchlink did not start within {timeout:.0f} s "
                                  f"(log: {self.log_path})")
            time.sleep(0.02)
        hand_off = self._read_session(session_file)
        self._remove_run_dir()  # nothing of the hand-off stays in /tmp while we run
        self.session = str(hand_off.get("session", ""))
        password = hand_off.get("first_run_password")
        self.first_run_password = str(password) if password else None
        return self.endpoint

    def _read_session(self, path: Path) -> dict[str, object]:
        """Read the hand-off and delete it: the token lives on only in this process."""
        for _ in range(50):  # the file may be seen before its JSON is complete
            try:
                data = json.loads(path.read_text())
                if isinstance(data, dict) and "session" in data:
                    path.unlink(missing_ok=True)
                    return data
            except (ValueError, OSError):
                pass
            time.sleep(0.02)
        return {}

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
        self._remove_run_dir()
        return proc.returncode

    def _remove_run_dir(self) -> None:
        if self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None
