"""`ctl keys show|allow|list` and a running daemon admitting a newly allowed console."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
import zmq
import zmq.auth
from scripted_switch import start_server

from switchlink.client import SwitchlinkClient
from switchlink.ctl.keys import allow
from switchlink.transport.keys import ensure_keys

ROOT = Path(__file__).resolve().parents[3]


def ctl(config: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "ctl", "--config-dir", str(config), "keys", *argv],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )


def test_show_creates_the_key_set_and_prints_the_client_public_key(tmp_path: Path) -> None:
    plain = ctl(tmp_path, "show")
    as_json = ctl(tmp_path, "show", "--json")
    keys = ensure_keys(tmp_path)
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip() == keys.client_public.decode()
    assert json.loads(as_json.stdout) == {
        "client_public": keys.client_public.decode(),
        "server_public": keys.server_public.decode(),
    }


def test_allow_writes_a_private_key_file_names_what_to_copy_and_list_shows_it(
    tmp_path: Path,
) -> None:
    remote_public, _ = zmq.curve_keypair()
    done = ctl(tmp_path, "allow", "console-7", remote_public.decode())
    assert done.returncode == 0, done.stderr
    assert str(tmp_path / "keys" / "server.key") in done.stdout
    assert str(tmp_path / "signing.key") in done.stdout
    path = tmp_path / "keys" / "authorized_clients" / "console-7.key"
    assert path.stat().st_mode & 0o777 == 0o600
    assert zmq.auth.load_certificate(path)[0] == remote_public
    listed = ctl(tmp_path, "list", "--json")
    assert json.loads(listed.stdout) == ["console-7", "local-client"]


@pytest.mark.parametrize(
    ("name", "key", "why"),
    [
        ("pc1", "too-short", "40 Z85 characters, this one has 9"),
        ("pc1", "x" * 39 + "~", "'~' is not a Z85 character"),
        ("pc1", "#" * 40, "out of range"),
        ("../pc1", "x" * 40, "letters, digits"),
        ("pc 1", "x" * 40, "letters, digits"),
    ],
)
def test_a_bad_key_or_name_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, key: str, why: str
) -> None:
    assert allow(tmp_path, name, key) == 2
    err = capsys.readouterr().err
    assert why in err and err.count("\n") == 1
    assert not (tmp_path / "keys").exists()


def test_an_allowed_name_is_not_silently_given_another_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = zmq.curve_keypair()
    second, _ = zmq.curve_keypair()
    assert allow(tmp_path, "desk", first.decode()) == 0
    assert allow(tmp_path, "desk", second.decode()) == 2
    assert "--replace" in capsys.readouterr().err
    path = tmp_path / "keys" / "authorized_clients" / "desk.key"
    assert zmq.auth.load_certificate(path)[0] == first
    assert allow(tmp_path, "desk", second.decode(), replace=True) == 0
    assert zmq.auth.load_certificate(path)[0] == second


def test_a_running_daemon_admits_a_newly_allowed_console_without_restart(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="switchlink.transport.keys")
    running = start_server(tmp_path)
    public, secret = zmq.curve_keypair()
    k = running.keys

    def console() -> SwitchlinkClient:
        client = SwitchlinkClient(
            running.endpoint, server_public_key=k.server_public, client_keys=(public, secret),
            signing_key=k.signing_key,
        )
        client.connect()
        return client

    def reloaded() -> bool:
        return any("remote-desk" in r.getMessage() for r in caplog.records)

    refused = console()
    try:
        assert not refused.wait_until(lambda: refused.link_status == "live", 2.5)
        assert refused.mirror.get("daemon/info") is None  # not even a heartbeat got through
        assert allow(tmp_path / "config", "remote-desk", public.decode()) == 0
        # the daemon re-reads the allow-list from its loop (logged at INFO) ...
        assert refused.wait_until(reloaded, 5)
        # ... and the console, started again (libzmq never retries a refused key), goes live
        admitted = console()
        try:
            assert admitted.wait_until(lambda: admitted.link_status == "live", 5)
            assert admitted.mirror.get("daemon/info") is not None
        finally:
            admitted.close()
    finally:
        refused.close()
        running.stop()
