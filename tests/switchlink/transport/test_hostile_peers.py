"""Issue 11 items 3-9 and 12: replays, reply confusion, junk, frame limits, publication size,
revoked keys. Behaviour assertions; the memory figures are in tests/perf/test_attack_memory.py.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zmq
from scripted_switch import PASSWORD, Running, live_client, start_server

from switchlink.transport import admission
from switchlink.transport import protocol as proto
from switchlink.transport import server as server_module
from switchlink.transport.keys import authorize_client, make_curve_client
from switchlink.transport.replay import SeenRequests
from switchlink.transport.server import Server

SET_READY = {"agent": "1001", "state": "ready", "reason": "r"}


@pytest.fixture
def idle(tmp_path: Path) -> Iterator[Server]:
    """A started server whose loop does not run: the test calls ``handle`` itself."""
    r = start_server(tmp_path)
    r.server.stop()
    r.thread.join(5)
    yield r.server
    r.server.shutdown()


def signed(srv: Server, body: dict[str, Any]) -> list[bytes]:
    raw = proto.pack(body)
    return [proto.sign(srv.keys.signing_key, raw), raw]


def request(srv: Server, name: str, args: dict | None = None, *, session: str | None = None,
            msg_id: str | None = None, ts: float | None = None) -> list[bytes]:
    req = proto.Request(name, args or {}, session=session)
    if msg_id is not None:
        req.id = msg_id
    if ts is not None:
        req.ts = ts
    return proto.encode_request(srv.keys.signing_key, req)


def answer(srv: Server, frames: list[bytes] | None) -> proto.Reply:
    assert frames is not None, "expected a reply"
    return proto.decode_reply(srv.keys.signing_key, frames)


def set_state_calls(srv: Server) -> int:
    return len([c for c in srv.adapter.calls if c[0] == "set_state"])  # type: ignore[attr-defined]


# --- item 6 and 9: what a request must look like ------------------------------------------


@pytest.mark.parametrize("ts", [math.nan, math.inf, -math.inf])
def test_a_non_finite_timestamp_is_refused(idle: Server, ts: float) -> None:
    frames = signed(idle, {"v": 1, "id": "n1", "name": "status", "args": {}, "ts": ts})
    reply = answer(idle, idle.handle(frames))
    assert (reply.ok, reply.code) == (False, "bad_request") and "finite" in reply.message


@pytest.mark.parametrize("version", [True, 1.0, "1"])
def test_the_version_must_be_the_integer_1(idle: Server, version: object) -> None:
    frames = signed(idle, {"v": version, "id": "v1", "name": "status", "args": {},
                           "ts": time.time()})
    assert answer(idle, idle.handle(frames)).code == "bad_version"


def test_unsigned_junk_is_dropped_without_a_reply(idle: Server) -> None:
    good = request(idle, "status")
    assert idle.handle([good[1]]) is None  # one frame
    assert idle.handle([*good, b"x"]) is None  # three frames
    assert idle.handle([b"\0" * 32, b"\0" * (proto.MAX_REQUEST_BYTES + 10)]) is None  # oversized
    assert idle.handle([b"", b""]) is None
    assert answer(idle, idle.handle(good)).ok


# --- item 7: a replay inside the window never applies again ------------------------------


def test_a_replay_after_10050_other_requests_is_not_applied_again(idle: Server) -> None:
    token = idle.auth.login("sup", PASSWORD).token
    captured = request(idle, "set_agent_state", SET_READY, session=token)
    first = idle.handle(captured)
    assert answer(idle, first).ok and set_state_calls(idle) == 1
    for i in range(10_050):  # state-changing and read-only traffic with fresh ids
        name = "set_agent_state" if i % 2 else "status"
        idle.handle(request(idle, name, SET_READY if i % 2 else {}, session="bogus"))
    assert idle.handle(captured) == first
    assert set_state_calls(idle) == 1


def test_when_the_seen_table_is_full_the_window_shrinks_instead_of_forgetting(
    idle: Server,
) -> None:
    idle.seen = SeenRequests(budget_bytes=40_000)
    token = idle.auth.login("sup", PASSWORD).token
    captured = request(idle, "set_agent_state", SET_READY, session=token, ts=time.time() - 60)
    assert answer(idle, idle.handle(captured)).ok
    for _ in range(400):
        idle.handle(request(idle, "set_agent_state", SET_READY, session="bogus"))
    assert idle.seen.bytes <= 40_000
    assert idle.seen.lookup(proto.decode_request(idle.keys.signing_key, captured).id, "",
                            token)[1] is None, "the table was full and dropped the oldest"
    reply = answer(idle, idle.handle(captured))
    assert (reply.ok, reply.code) == (False, "stale")
    assert set_state_calls(idle) == 1
    fresh = answer(idle, idle.handle(request(idle, "set_agent_state", SET_READY, session=token)))
    assert fresh.ok, "requests stamped now still work"


def test_the_seen_table_forgets_ids_once_their_stamp_left_the_window() -> None:
    seen = SeenRequests(window_s=300)
    now = 1_000_000.0
    seen.begin("old", now - 299, "k", None, now)
    seen.finish("old", [b"s", b"r"])
    seen.begin("new", now, "k", None, now)
    seen.expire(now + 2)
    assert seen.lookup("old", "k", None)[1] is None
    assert seen.lookup("new", "k", None)[1] is not None
    seen.finish("new", [b"x" * 10_000])  # too big to keep: a retry learns it was applied
    assert seen.lookup("new", "k", None)[1].reply is None  # type: ignore[union-attr]


# --- item 3: only what a retry needs is kept ----------------------------------------------


def test_read_only_replies_are_not_kept(idle: Server) -> None:
    token = idle.auth.login("admin", PASSWORD).token
    for _ in range(50):
        idle.handle(request(idle, "status"))
        idle.handle(request(idle, "snapshot"))
        idle.handle(request(idle, "whoami", session=token))
    assert len(idle.seen) == 0 and idle.seen.bytes == 0
    idle.handle(request(idle, "set_agent_state", SET_READY, session=token))
    assert len(idle.seen) == 1 and idle.seen.bytes < 2_000


# --- item 8: a reply goes only to the key and session that asked ---------------------------


def test_another_peer_reusing_an_id_never_gets_the_reply(idle: Server) -> None:
    login = request(idle, "login", {"username": "sup", "password": PASSWORD}, msg_id="m1")
    mine = answer(idle, idle.handle(login, "KEY-A"))
    assert mine.ok and mine.data["session"]
    for peer, frames in (("KEY-B", request(idle, "status", msg_id="m1")),
                         ("KEY-B", login),
                         ("KEY-A", request(idle, "status", msg_id="m1", session="other"))):
        raw = idle.handle(frames, peer)
        reply = answer(idle, raw)
        assert (reply.ok, reply.code) == (False, "bad_request")
        assert mine.data["session"].encode() not in b"".join(raw)  # type: ignore[arg-type]
    assert answer(idle, idle.handle(login, "KEY-A")) == mine  # the sender's own retry


def second_key(r: Running) -> tuple[bytes, bytes, Path]:
    public, secret = zmq.curve_keypair()
    path = authorize_client(public, "second", base=r.keys.authorized_dir.parent.parent)
    return public, secret, path


def curve_socket(r: Running, kind: int, public: bytes, secret: bytes, ep: str) -> zmq.Socket:
    sock = zmq.Context.instance().socket(kind)
    sock.linger = 0
    make_curve_client(sock, r.keys.server_public, public, secret)
    if kind == zmq.SUB:
        sock.setsockopt(zmq.SUBSCRIBE, b"")
    sock.connect(ep)
    return sock


def recv(sock: zmq.Socket, timeout_ms: int = 3000) -> list[bytes] | None:
    return sock.recv_multipart() if sock.poll(timeout_ms) else None


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = start_server(tmp_path)
    yield r
    r.stop()


def test_over_the_wire_the_peer_is_the_curve_key(running: Running) -> None:
    public, secret, _ = second_key(running)
    time.sleep(1.5)  # the allow-list is re-read once a second
    key = running.keys.signing_key
    a = curve_socket(running, zmq.DEALER, running.keys.client_public, running.keys.client_secret,
                     running.endpoint)
    b = curve_socket(running, zmq.DEALER, public, secret, running.endpoint)
    try:
        login = proto.Request("login", {"username": "sup", "password": PASSWORD})
        a.send_multipart(proto.encode_request(key, login))
        assert proto.decode_reply(key, recv(a)).ok  # type: ignore[arg-type]
        stolen = proto.Request("status", {})
        stolen.id = login.id
        b.send_multipart(proto.encode_request(key, stolen))
        reply = proto.decode_reply(key, recv(b))  # type: ignore[arg-type]
        assert (reply.ok, reply.code) == (False, "bad_request")
    finally:
        a.close()
        b.close()


# --- item 4: frame limits ----------------------------------------------------------------


def test_an_oversized_frame_or_a_many_frame_message_gets_nothing(running: Running) -> None:
    key = running.keys.signing_key
    k = running.keys
    for frames in ([b"x" * (proto.SOCKET_MAX_MSG_BYTES + 1)],
                   [b"y" * 200_000] * 20,
                   [*proto.encode_request(key, proto.Request("status")), b"z"]):
        sock = curve_socket(running, zmq.DEALER, k.client_public, k.client_secret,
                            running.endpoint)
        try:
            sock.send_multipart(frames)
            assert recv(sock, 700) is None
        finally:
            sock.close()
    client = live_client(running)
    try:
        assert client.call("status", {})["adapter"] == "scripted"
    finally:
        client.close()


# --- item 5: one PUB message is bounded in bytes -----------------------------------------


class _Recorder:
    def __init__(self) -> None:
        self.sent: list[list[bytes]] = []

    def send_multipart(self, frames: list[bytes], **_: Any) -> None:
        self.sent.append(frames)


def test_publications_are_split_to_the_byte_bound(idle: Server) -> None:
    real, recorder = idle.pub, _Recorder()
    idle.pub = recorder  # type: ignore[assignment]
    try:
        start = idle.sequence
        changes = [(f"agent/{i}", {"name": "x" * 300, "i": i}) for i in range(1000)]
        idle.publish(changes)
    finally:
        idle.pub = real
    bodies = [proto.unpack(frames[1]) for frames in recorder.sent]
    assert len(bodies) > 1
    assert all(len(frames[1]) <= server_module.PUB_MSG_MAX_BYTES for frames in recorder.sent)
    assert [b["f"] for b in bodies] == [start + 1] + [b["l"] + 1 for b in bodies[:-1]]
    assert [c for b in bodies for c in b["c"]] == [list(c) for c in changes]
    assert idle.sequence == start + 1000


# --- item 12: revoking a key cuts its open sessions ---------------------------------------


def test_revoking_a_key_cuts_its_subscriber_and_commands_within_a_second(
    running: Running,
) -> None:
    public, secret, path = second_key(running)
    time.sleep(1.5)
    key = running.keys.signing_key
    sub = curve_socket(running, zmq.SUB, public, secret, running.server.pub_endpoint)
    dealer = curve_socket(running, zmq.DEALER, public, secret, running.endpoint)
    other = live_client(running)
    try:
        assert recv(sub) is not None, "the allowed key receives the floor"
        dealer.send_multipart(proto.encode_request(key, proto.Request("status")))
        assert proto.decode_reply(key, recv(dealer)).ok  # type: ignore[arg-type]
        path.unlink()
        time.sleep(1.5)  # noticed at the next heartbeat (1 s)
        while sub.poll(0):
            sub.recv_multipart()  # what was already delivered before the cut
        assert recv(sub, 2500) is None, "a revoked subscriber must stop receiving"
        dealer.send_multipart(proto.encode_request(key, proto.Request("status")))
        assert recv(dealer, 1000) is None, "a revoked key's commands are refused"
        assert other.wait_until(lambda: other.link_status == "live" and other.resyncs >= 2, 8)
        assert other.call("status", {})["adapter"] == "scripted"
    finally:
        sub.close()
        dealer.close()
        other.close()



# --- item 5: how many subscribers one key, and all keys, may hold open --------------------


def _receives(sock: zmq.Socket, timeout_ms: int) -> bool:
    return recv(sock, timeout_ms) is not None


def test_subscribers_past_the_limit_get_nothing_until_one_leaves(running: Running) -> None:
    running.server.subscribers.limit = 2
    k = running.keys
    pub = running.server.pub_endpoint
    first = curve_socket(running, zmq.SUB, k.client_public, k.client_secret, pub)
    second = curve_socket(running, zmq.SUB, k.client_public, k.client_secret, pub)
    late = None
    try:
        assert _receives(first, 3000) and _receives(second, 3000)
        late = live_client(running)  # live from its snapshot: commands work ...
        assert not late.wait_until(lambda: late.link_status == "lost", 0.5)
        assert late.wait_until(lambda: late.link_status == "lost", 6), \
            "... but a third subscriber past the limit is sent no heartbeat"
        assert running.server.subscribers.open_topics == 2
        first.close()
        assert late.wait_until(lambda: running.server.subscribers.open_topics == 2
                               and late.link_status == "live", 15), \
            "the console's reconnect back-off gets it in once a subscriber left"
        since = late.link_since
        assert not late.wait_until(lambda: late.link_since != since, 4), \
            "served now: heartbeats keep it live"
        assert late.call("status", {})["adapter"] == "scripted"
        assert running.server.subscribers.open_topics == 2
    finally:
        for sock in (first, second):
            sock.close()
        if late is not None:
            late.close()


def test_one_key_cannot_open_subscribers_past_its_burst_others_still_served(
    running: Running,
) -> None:
    public, secret, _ = second_key(running)
    time.sleep(1.5)  # the allow-list is re-read once a second
    zap = running.server._zap
    assert zap is not None
    zap.bucket.burst, zap.bucket.refill_s = 3, 3600.0
    k = running.keys
    pub = running.server.pub_endpoint
    mine = [curve_socket(running, zmq.SUB, k.client_public, k.client_secret, pub)
            for _ in range(4)]
    other = curve_socket(running, zmq.SUB, public, secret, pub)
    try:
        served = [_receives(sock, 3000) for sock in mine]
        assert sorted(served) == [False, True, True, True], served
        assert _receives(other, 3000), "another key is still served"
        assert running.server.subscribers.open_topics == 4
    finally:
        for sock in (*mine, other):
            sock.close()
    deadline = time.monotonic() + 5
    while running.server.subscribers.open_topics and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.server.subscribers.open_topics == 0, "closed subscribers are counted out"


# --- docs/protocol.md states the limits the code enforces ---------------------------------


def test_the_protocol_doc_states_the_limits_the_code_has() -> None:
    from switchlink.services import history
    from switchlink.transport import replay

    doc = (Path(__file__).resolve().parents[3] / "docs" / "protocol.md").read_text()
    kib = 1024
    frozen_mib = server_module.PUB_HWM * server_module.PUB_MSG_MAX_BYTES // kib // kib
    stated = {
        "protocol.MAX_REQUEST_BYTES": (proto.MAX_REQUEST_BYTES,
                                       f"{proto.MAX_REQUEST_BYTES // kib} KiB"),
        "protocol.SOCKET_MAX_MSG_BYTES": (proto.SOCKET_MAX_MSG_BYTES,
                                          f"{proto.SOCKET_MAX_MSG_BYTES // kib} KiB"),
        "server.ROUTER_SNDHWM": (server_module.ROUTER_SNDHWM,
                                 f"{server_module.ROUTER_SNDHWM} messages"),
        "history.MAX_PAGE": (history.MAX_PAGE, f"{history.MAX_PAGE:,} rows"),
        "replay.SEEN_BUDGET_BYTES": (replay.SEEN_BUDGET_BYTES,
                                     f"{replay.SEEN_BUDGET_BYTES // kib // kib} MiB"),
        "replay.KEPT_REPLY_MAX_BYTES": (replay.KEPT_REPLY_MAX_BYTES,
                                        f"{replay.KEPT_REPLY_MAX_BYTES // kib} KiB"),
        "server.PUB_MSG_MAX_BYTES": (server_module.PUB_MSG_MAX_BYTES,
                                     f"{server_module.PUB_MSG_MAX_BYTES // kib} KiB"),
        "server.PUB_HWM": (server_module.PUB_HWM, f"{server_module.PUB_HWM}, so a frozen "
                           f"subscriber holds at most {frozen_mib} MiB"),
        "admission.MAX_SUBSCRIBERS": (admission.MAX_SUBSCRIBERS,
                                      f"{admission.MAX_SUBSCRIBERS}, so frozen subscribers "
                                      f"hold at most {admission.MAX_SUBSCRIBERS * frozen_mib} MiB"),
        "admission.PUBLISH_BURST_PER_KEY": (admission.PUBLISH_BURST_PER_KEY,
                                            f"{admission.PUBLISH_BURST_PER_KEY} back to back, "
                                            f"then one per {admission.PUBLISH_REFILL_S:.0f} s"),
    }
    rows = {line.rsplit("|", 2)[-2].strip(): line for line in doc.splitlines()
            if line.startswith("  | ") and "`" in line.rsplit("|", 2)[-2]}
    for constant, (_, text) in stated.items():
        row = next((r for names, r in rows.items() if f"`{constant}`" in names), None)
        assert row is not None, f"docs/protocol.md's limits table does not name {constant}"
        assert text in row, f"docs/protocol.md says {row!r}; the code has {text}"
    assert f"{proto.MAX_CLOCK_SKEW_S:.0f} s" in doc
