"""A private HylaFAX server for tests: faxq + hfaxd from Debian's hylafax-server, spool in a
temporary directory, hfaxd on a free 127.0.0.1 port. No modem: jobs stay in the send queue.

Facts behind each step are in ../shared/notes/hylafax.md (measured on Debian 12). Without the
package the tests skip with the reason; with ``CI=true`` they fail instead (CI installs it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

FAXQ, HFAXD = Path("/usr/sbin/faxq"), Path("/usr/sbin/hfaxd")
BIN = Path("/usr/lib/hylafax/bin")
SPOOL_TEMPLATE, ETC_TEMPLATE = Path("/var/spool/hylafax"), Path("/etc/hylafax")
USER, PASSWORD = "callfloor", "fax-secret"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"HylaFAX is required in CI: {reason}")
    pytest.skip(f"HylaFAX tests skipped: {reason} (install Debian package 'hylafax-server')")


def _crypt(password: str) -> str:
    """A crypt(3) SHA-512 hash; perl-base is always on Debian (Python's crypt is going)."""
    script = 'print crypt($ARGV[0], "\\$6\\$callfloor\\$")'
    return subprocess.run(["perl", "-e", script, password], capture_output=True, text=True,
                          check=True).stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(slots=True)
class HylafaxServer:
    host: str
    port: int
    spool: Path
    user: str = USER
    password: str = PASSWORD


def _prepare_spool(spool: Path) -> None:
    spool.mkdir()
    # cp -a keeps owners and modes: the daemons run as uucp and check them
    subprocess.run(["cp", "-a", f"{SPOOL_TEMPLATE}/.", f"{spool}/"], check=True)
    (spool / "etc").mkdir(exist_ok=True)
    subprocess.run(["cp", "-a", f"{ETC_TEMPLATE}/.", f"{spool}/etc/"], check=True)
    (spool / "lock").mkdir(exist_ok=True)
    shutil.chown(spool / "lock", "uucp", "uucp")
    cache = spool / "etc" / "setup.cache"
    lines = [ln for ln in cache.read_text().splitlines() if not ln.startswith("SPOOL=")]
    cache.write_text("\n".join([*lines, f"SPOOL='{spool}'", ""]))
    hosts = spool / "etc" / "hosts.hfaxd"
    # a password for USER from 127.0.0.1 only: USER then PASS, a wrong one gets 530
    hosts.write_text(f"^{USER}@127\\.0\\.0\\.1$::{_crypt(PASSWORD)}:\n")
    shutil.chown(hosts, "uucp", "uucp")
    hosts.chmod(0o600)
    notify = spool / "bin" / "callfloor-notify"
    notify.write_text("#!/bin/sh\nexit 0\n")
    notify.chmod(0o755)
    with (spool / "etc" / "config").open("a") as config:
        config.write(
            f"\nSendFaxCmd: {BIN}/faxsend\nSendPageCmd: {BIN}/pagesend\n"
            f"NotifyCmd: {notify}\nWedgedCmd: {notify}\n"
            f"UUCPLockDir: {spool}/lock\nPollLockWait: 1\n"
        )


def _listening_pid(port: int) -> set[int]:
    """PIDs holding a LISTEN socket on 127.0.0.1:port (hfaxd idles when the port is taken)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp",):
        with open(table) as f:
            for line in f.readlines()[1:]:
                parts = line.split()
                if parts[3] == "0A" and int(parts[1].split(":")[1], 16) == port:
                    inodes.add(parts[9])
    pids: set[int] = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    pids.add(int(pid))
    return pids


def _wait_for(check, timeout_s: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"HylaFAX test server: {what} within {timeout_s} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextlib.contextmanager
def running_hylafax() -> Iterator[HylafaxServer]:
    """Start faxq + hfaxd on a private spool; stop both (and hfaxd's children) afterwards."""
    if not (FAXQ.exists() and HFAXD.exists() and BIN.is_dir()):
        _unavailable("faxq / hfaxd not found in /usr/sbin")
    if os.geteuid() != 0:
        _unavailable("the HylaFAX daemons must start as root (they chroot and drop to uucp)")
    # every parent must be world-executable: the daemons chdir after dropping to uucp
    base = Path(tempfile.mkdtemp(prefix="callfloor-hylafax-"))
    base.chmod(0o755)
    spool = base / "spool"  # no "_" in the path: modem config names turn "/" into "_"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        _prepare_spool(spool)
        log = (base / "daemons.log").open("wb")
        faxq = subprocess.Popen([str(FAXQ), "-D", "-q", str(spool)], stdout=log, stderr=log,
                                start_new_session=True)
        procs.append(faxq)
        _wait_for(lambda: (spool / "FIFO").exists() or faxq.poll() is not None, 10, "faxq ready")
        if faxq.poll() is not None:
            raise RuntimeError(f"faxq exited with {faxq.returncode}")
        port = _free_port()
        hfaxd = subprocess.Popen(
            [str(HFAXD), "-d", "-q", str(spool), "-l", "127.0.0.1", "-i", str(port)],
            stdout=log, stderr=log, start_new_session=True,
        )
        procs.append(hfaxd)
        _wait_for(lambda: hfaxd.pid in _listening_pid(port) or hfaxd.poll() is not None,
                  10, f"hfaxd listening on port {port}")
        if hfaxd.poll() is not None:
            raise RuntimeError(f"hfaxd exited with {hfaxd.returncode}")
        yield HylafaxServer("127.0.0.1", port, spool)
    finally:
        for proc in reversed(procs):
            _stop(proc)
        shutil.rmtree(base, ignore_errors=True)


def hylafax_options(server: HylafaxServer, **extra: object) -> dict[str, object]:
    """Adapter options for ``server``, polling fast so tests see changes quickly."""
    return {"host": server.host, "port": server.port, "user": server.user,
            "password": server.password, "poll_interval_s": 0.2, **extra}
