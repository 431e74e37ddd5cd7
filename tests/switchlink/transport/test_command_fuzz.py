"""Fuzzing the command endpoint: thousands of hostile messages, never a crash or a state change."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scripted_switch import FAST_HASHER, PASSWORD, ScriptedAdapter, free_port_pair

from models.security import Role
from switchlink.services.registry import COMMANDS, ERROR_CODES
from switchlink.services.users.auth import Authenticator, FileAuditLog, FileUserStore
from switchlink.transport import protocol as proto
from switchlink.transport.keys import ensure_keys
from switchlink.transport.server import Server

STATE_CHANGING = sorted(name for name, spec in COMMANDS.items() if spec.audit)

plain = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.binary(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=10,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp: Path = tmp_path_factory.mktemp("fuzz")
    auth = Authenticator(FileUserStore(tmp / "users.json"), hasher=FAST_HASHER)
    auth.set_password("admin", PASSWORD, Role.ADMIN)
    auth.set_password("floor", PASSWORD, Role.FLOOR_MANAGER)
    srv = Server(
        ScriptedAdapter(), endpoint=f"tcp://127.0.0.1:{free_port_pair()}",
        keys=ensure_keys(tmp / "config"), authenticator=auth,
        audit=FileAuditLog(tmp / "audit.jsonl"),
    )
    srv.start()
    yield srv
    srv.shutdown()


def floor_state(srv: Server) -> dict:
    assert srv.floor is not None
    return {k: v for k, v in srv.floor.items() if k != "daemon/info"}


def check_reply(srv: Server, frames: list[bytes] | None) -> None:
    if frames is None:
        return
    reply = proto.decode_reply(srv.keys.signing_key, frames)
    assert reply.ok or reply.code in ERROR_CODES, reply


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(frames=st.lists(st.binary(max_size=200), max_size=4))
def test_random_frames_never_crash_the_daemon(server: Server, frames: list[bytes]) -> None:
    before = floor_state(server)
    check_reply(server, server.handle(frames))
    assert floor_state(server) == before
    assert not server.adapter.calls  # type: ignore[attr-defined]


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=plain)
def test_signed_garbage_bodies_get_an_error_reply(server: Server, body: object) -> None:
    raw = proto.pack(body)
    reply = server.handle([proto.sign(server.keys.signing_key, raw), raw])
    assert reply is not None
    decoded = proto.decode_reply(server.keys.signing_key, reply)
    assert not decoded.ok and decoded.code in ERROR_CODES


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    name=st.sampled_from(STATE_CHANGING) | st.text(max_size=12),
    args=st.dictionaries(st.sampled_from(["agent", "state", "reason", "call", "skills", "kind",
                                          "target", "params", "to_agent", "to_queue", "number",
                                          "board", "channel", "x"]), plain, max_size=4),
    who=st.sampled_from([None, "floor", "bogus"]),
)
def test_wrong_commands_and_argument_types_change_nothing(
    server: Server, name: str, args: dict, who: str | None
) -> None:
    token = "bogus-token" if who == "bogus" else (
        server.auth.login(who, PASSWORD).token if who else None
    )
    before = floor_state(server)
    req = proto.Request(name, args, session=token, ts=time.time())
    check_reply(server, server.handle(proto.encode_request(server.keys.signing_key, req)))
    server._pump_adapter()
    assert floor_state(server) == before
    assert not server.adapter.calls  # type: ignore[attr-defined]
