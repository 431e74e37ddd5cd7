"""A standalone (non-embedded) switchlink on the loopback emulator, as a site runs one: its
sessions survive a restart, users log in with passwords. For the console's login tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "admin-test-pw-1"


class Standalone:
    def __init__(self, tmp: Path, endpoint: str, idle_minutes: float = 30) -> None:
        self.tmp = tmp
        self.endpoint = endpoint
        ensure_keys(tmp / "config")
        self.config = tmp / "switchlink.toml"
        self.config.write_text(f"session_idle_minutes = {idle_minutes}\n")
        self.env = dict(os.environ, CALLFLOOR_CONFIG_DIR=str(tmp / "config"),
                        CALLFLOOR_DATA_DIR=str(tmp / "data"),
                        CALLFLOOR_ADMIN_PASSWORD=ADMIN_PASSWORD, PYTHONPATH=str(ROOT))
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = tmp / "switchlink.log"

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "switchlink", "--adapter", "loopback",
                 "--scenario", "small", "--endpoint", self.endpoint,
                 "--config", str(self.config)],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while "serving on" not in self.log.read_text(errors="replace"):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("switchlink did not start:\n" + self.log.read_text())
            time.sleep(0.1)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def client(self, session: str | None = None) -> Any:
        from switchlink.client import SwitchlinkClient

        keys = ensure_keys(self.tmp / "config")
        client = SwitchlinkClient(
            self.endpoint, server_public_key=keys.server_public,
            client_keys=(keys.client_public, keys.client_secret), signing_key=keys.signing_key,
            session=session)
        client.connect()
        return client
