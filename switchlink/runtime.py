"""Running daemons announce their endpoint so ``ctl`` finds one it was not told about.

A console's embedded switchlink listens on a random port; without this, ``ctl status`` would
knock on the default port and report the link down while the console shows a live floor.
Each daemon writes ``switchlink-<pid>.json`` (0600, in a 0700 directory) while it serves and
removes it on exit; a file left by a killed daemon is recognised by its dead pid and ignored.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

APP_NAME = "callfloor"


def runtime_dir() -> Path:
    """``$CALLFLOOR_RUNTIME_DIR``, else ``$XDG_RUNTIME_DIR/callfloor``, else the state dir."""
    override = os.environ.get("CALLFLOOR_RUNTIME_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and Path(xdg).is_dir():
        return Path(xdg) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME)) / "run"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process reusing the pid: not our daemon
        return False
    return True


def announce(endpoint: str, *, curve: bool, base: Path | None = None) -> Path:
    """Write this daemon's endpoint file; the caller removes it with :func:`withdraw`."""
    directory = base or runtime_dir()
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    path = directory / f"switchlink-{os.getpid()}.json"
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"endpoint": endpoint, "pid": os.getpid(), "curve": curve,
                   "started": time.time()}, f)
    os.replace(tmp, path)
    return path


def withdraw(path: Path) -> None:
    path.unlink(missing_ok=True)


def running_daemons(base: Path | None = None) -> list[dict[str, Any]]:
    """Announcements of daemons still alive, newest first; stale files are removed."""
    directory = base or runtime_dir()
    found: list[dict[str, Any]] = []
    for path in directory.glob("switchlink-*.json") if directory.is_dir() else ():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            pid = int(data["pid"])
            str(data["endpoint"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _pid_alive(pid):
            found.append(data)
        else:
            path.unlink(missing_ok=True)  # left by a daemon that was killed
    return sorted(found, key=lambda d: float(d.get("started", 0)), reverse=True)


def choose_endpoint(given: str | None, saved: str | None, default: str,
                    base: Path | None = None) -> str:
    """``--endpoint``; else the saved session's if a daemon serves there; else a running one's.

    A ``ctl login`` against an embedded daemon saves its random port; once that console has
    gone, the saved endpoint is dead and the daemon running now is the one meant. A saved
    endpoint on another machine is never second-guessed.
    """
    from switchlink.transport.protocol import is_loopback

    if given:
        return given
    running = [str(d["endpoint"]) for d in running_daemons(base)]
    if saved and (saved in running or not running or not is_loopback(saved)):
        return saved
    return running[0] if running else default
