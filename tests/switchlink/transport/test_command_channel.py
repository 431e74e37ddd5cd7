"""Commands over DEALER/ROUTER: permissions, audit, idempotent retries, bad input, allow-list."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import zmq
from scripted_switch import PASSWORD, Running, live_client, start_server

from switchlink.client import CommandError, SwitchlinkClient
from switchlink.transport import protocol as proto
from switchlink.transport.keys import make_curve_client


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = start_server(tmp_path)
    yield r
    r.stop()


def raw_dealer(r: Running) -> zmq.Socket:
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    make_curve_client(sock, r.keys.server_public, r.keys.client_public, r.keys.client_secret)
    sock.connect(r.endpoint)
    return sock


def recv(sock: zmq.Socket, timeout_ms: int = 3000) -> list[bytes] | None:
    return sock.recv_multipart() if sock.poll(timeout_ms) else None


def test_a_supervisor_forces_an_agent_state_and_it_is_audited(running: Running) -> None:
    client = live_client(running)
    try:
        client.login("sup", PASSWORD)
        data = client.call("set_agent_state", {"agent": "1002", "state": "not-ready",
                                                "reason": "coaching"})
        assert data == {"agent": "1002", "state": "not_ready"}
        assert client.wait_until(lambda: client.mirror.get("agent/1002")["state"] == "not_ready", 5)
        assert running.adapter.calls[-1] == (
            "set_state", ("1002", "not_ready", "coaching", True, "sup")
        )
        (entry,) = running.audit.search(action="set_agent_state")
        assert (entry.user, entry.role, entry.target, entry.reason, entry.result) == (
            "sup", "supervisor", "1002", "coaching", "ok"
        )
    finally:
        client.close()


def test_a_floor_manager_cannot_force_a_state_and_the_refusal_is_audited(running: Running) -> None:
    client = live_client(running)
    try:
        client.login("floor", PASSWORD)
        with pytest.raises(CommandError) as info:
            client.call("set_agent_state", {"agent": "1001", "state": "ready", "reason": "x"})
        assert info.value.code == "forbidden"
        assert not [c for c in running.adapter.calls if c[0] == "set_state"]
        (entry,) = running.audit.search(user="floor", action="set_agent_state")
        assert (entry.action, entry.result) == ("set_agent_state", "forbidden")
    finally:
        client.close()


def test_a_quality_inspector_may_force_ready_and_a_logout(running: Running) -> None:
    """S1 (issue 12): quality staff force ready / not ready as well as sign-outs."""
    client = live_client(running)
    try:
        client.login("qi", PASSWORD)
        client.call("set_agent_state", {"agent": "1001", "state": "ready", "reason": "QA"})
        assert client.wait_until(lambda: client.mirror.get("agent/1001")["state"] == "ready", 5)
        client.call("set_agent_state", {"agent": "1001", "state": "logout", "reason": "QA"})
        with pytest.raises(CommandError, match="forbidden"):
            client.call("set_skills", {"agent": "1001", "skills": {"q0": 3}})
    finally:
        client.close()


def test_commands_without_a_session_are_refused(running: Running) -> None:
    client = live_client(running)
    try:
        with pytest.raises(CommandError) as info:
            client.call("set_agent_state", {"agent": "1001", "state": "ready", "reason": "x"})
        assert info.value.code == "not_authenticated"
        assert client.call("status", {})["adapter"] == "scripted"
    finally:
        client.close()


def test_a_wrong_password_is_refused_and_audited(running: Running) -> None:
    client = live_client(running)
    try:
        with pytest.raises(CommandError, match="not_authenticated"):
            client.login("sup", "wrong password")
        (entry,) = running.audit.search(action="login")
        assert (entry.user, entry.result) == ("sup", "not_authenticated")
    finally:
        client.close()


@pytest.mark.parametrize(
    ("name", "args", "code"),
    [
        ("no_such_command", {}, "unknown_command"),
        ("set_agent_state", {"agent": 1001, "state": "ready", "reason": "x"}, "bad_request"),
        ("set_agent_state", {"agent": "1001", "state": "dancing", "reason": "x"}, "bad_request"),
        ("set_agent_state", {"agent": "1001", "state": "ready", "reason": ""}, "bad_request"),
        ("set_agent_state", {"agent": "9999", "state": "ready", "reason": "x"}, "unknown_target"),
        ("set_agent_state", {"agent": "1001", "state": "ready", "reason": "x", "zz": 1},
         "bad_request"),
        ("set_skills", {"agent": "1001", "skills": {"q0": 99}}, "bad_request"),
        ("release", {"call": "nope", "reason": "x"}, "unknown_target"),
        ("transfer", {"call": "c", "to_agent": "1001", "to_queue": "q0"}, "bad_request"),
    ],
)
def test_bad_commands_get_a_clear_error_and_change_nothing(
    running: Running, name: str, args: dict, code: str
) -> None:
    client = live_client(running)
    try:
        client.login("admin", PASSWORD)
        before = dict(running.server.floor.items())  # type: ignore[union-attr]
        with pytest.raises(CommandError) as info:
            client.call(name, args)
        assert info.value.code == code and info.value.message
        assert not [c for c in running.adapter.calls if c[0] != "login"]
        assert {k: v for k, v in running.server.floor.items() if k != "daemon/info"} == {  # type: ignore[union-attr]
            k: v for k, v in before.items() if k != "daemon/info"
        }
    finally:
        client.close()


def test_retrying_a_message_id_answers_again_without_applying_twice(running: Running) -> None:
    token = running.authenticator.login("sup", PASSWORD).token
    req = proto.Request("set_agent_state", {"agent": "1001", "state": "ready", "reason": "r"},
                        session=token)
    frames = proto.encode_request(running.keys.signing_key, req)
    sock = raw_dealer(running)
    try:
        sock.send_multipart(frames)
        first = recv(sock)
        sock.send_multipart(frames)
        second = recv(sock)
        assert first is not None and first == second
        assert proto.decode_reply(running.keys.signing_key, first).ok
        assert len([c for c in running.adapter.calls if c[0] == "set_state"]) == 1
        assert len(running.audit.search(action="set_agent_state")) == 1
    finally:
        sock.close()


def test_malformed_frames_get_an_error_or_are_dropped_and_the_daemon_lives(
    running: Running,
) -> None:
    key = running.keys.signing_key
    sock = raw_dealer(running)
    try:
        # unsigned junk (wrong frame count, bad signature) gets no answer at all
        sock.send_multipart([b"just one frame"])
        ok = proto.encode_request(key, proto.Request("status"))
        sock.send_multipart([*ok, b"a third frame"])
        body = proto.pack({"v": 2, "id": "x1", "name": "status", "args": {}, "ts": time.time()})
        sock.send_multipart([b"\x00" * 32, body])
        assert recv(sock, 500) is None
        sock.send_multipart([proto.sign(key, body), body])
        reply = proto.decode_reply(key, recv(sock))  # type: ignore[arg-type]
        assert (reply.id, reply.code) == ("x1", "bad_version")
        big = proto.encode_request(key, proto.Request("status", {"b": "x" * 262_500}))
        sock.send_multipart(big)  # signed, over the body limit, under the frame limit
        assert proto.decode_reply(key, recv(sock)).code == "too_large"  # type: ignore[arg-type]
        assert running.thread.is_alive()
        ok = proto.encode_request(key, proto.Request("status"))
        sock.send_multipart(ok)
        assert proto.decode_reply(key, recv(sock)).ok  # type: ignore[arg-type]
    finally:
        sock.close()


def test_a_client_without_an_allowed_key_receives_nothing(running: Running) -> None:
    public, secret = zmq.curve_keypair()
    stranger = SwitchlinkClient(
        running.endpoint, server_public_key=running.keys.server_public,
        client_keys=(public, secret), signing_key=running.keys.signing_key,
    )
    stranger.connect()
    try:
        assert not stranger.wait_until(lambda: len(stranger.mirror) > 0, 2.5)
        assert stranger.link_status != "live"
        with pytest.raises(CommandError, match="timeout"):
            stranger.call("status", {}, timeout=0.5)
    finally:
        stranger.close()


def test_a_command_to_no_daemon_times_out_with_a_clear_error(tmp_path: Path) -> None:
    client = SwitchlinkClient(
        "tcp://127.0.0.1:9", signing_key=b"k", curve=False, command_timeout=0.3
    )
    client.connect()
    failures: list[CommandError] = []
    try:
        client.command("status", {}, on_failure=failures.append)
        assert client.wait_until(lambda: bool(failures), 3)
        assert failures[0].code == "timeout"
    finally:
        client.close()


def test_logout_ends_the_session(running: Running) -> None:
    client = live_client(running)
    try:
        client.login("sup", PASSWORD)
        assert client.call("whoami", {})["role"] == "supervisor"
        client.call("logout", {})
        with pytest.raises(CommandError, match="not_authenticated"):
            client.call("whoami", {})
    finally:
        client.close()
