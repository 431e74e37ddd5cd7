"""What a ctl verb that talks to the daemon gets: the client, its endpoint, the saved session.

``login`` keeps the session token in a 0600 file so later ctl calls reuse it.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from switchlink.ctl.output import err


def session_path(args: argparse.Namespace) -> Path:
    if args.session_file:
        return Path(args.session_file)
    from switchlink.transport.keys import config_dir

    base = Path(args.config_dir) if args.config_dir else config_dir()
    return base / "ctl-session.json"


def load_session(args: argparse.Namespace) -> dict[str, Any]:
    path = session_path(args)
    try:
        data = json.loads(path.read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_session(args: argparse.Namespace, endpoint: str, token: str | None) -> None:
    path = session_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"endpoint": endpoint, "session": token}, f)


@dataclass(slots=True)
class Connection:
    """A connected :class:`~switchlink.client.SwitchlinkClient` and where it points."""

    args: argparse.Namespace
    client: Any
    endpoint: str

    def need_live(self) -> bool:
        """Wait for the floor's snapshot; False (and said so) if none came in time."""
        client, timeout = self.client, self.args.timeout
        if client.wait_until(lambda: client.link_status == "live", timeout):
            return True
        err(f"link down: no snapshot from {client.endpoint} within {timeout:g} s")
        return False

    def save_session(self, token: str | None) -> None:
        save_session(self.args, self.endpoint, token)
