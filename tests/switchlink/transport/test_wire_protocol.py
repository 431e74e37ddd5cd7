"""The envelope: signed, versioned, size-limited; every bad frame becomes a ProtocolError."""

from __future__ import annotations

import time

import pytest

from switchlink.transport import protocol as proto

KEY = b"k" * 32


def test_request_round_trips_with_its_id_and_session() -> None:
    req = proto.Request("set_agent_state", {"agent": "1001"}, session="s1")
    back = proto.decode_request(KEY, proto.encode_request(KEY, req))
    assert (back.id, back.name, back.args, back.session) == (req.id, req.name, req.args, "s1")


def test_reply_round_trips_ok_and_error() -> None:
    ok = proto.decode_reply(KEY, proto.encode_reply(KEY, proto.Reply("i", True, {"x": [1]})))
    assert ok.ok and ok.data == {"x": [1]}
    err = proto.decode_reply(
        KEY, proto.encode_reply(KEY, proto.Reply("i", False, code="forbidden", message="no"))
    )
    assert not err.ok and (err.code, err.message) == ("forbidden", "no")


def test_a_tampered_body_fails_the_signature_check() -> None:
    sig, body = proto.encode_request(KEY, proto.Request("status"))
    with pytest.raises(proto.ProtocolError) as info:
        proto.decode_request(KEY, [sig, body[:-1] + b"\x00"])
    assert info.value.code == "bad_signature"


def test_a_different_key_fails_the_signature_check() -> None:
    frames = proto.encode_request(b"other", proto.Request("status"))
    with pytest.raises(proto.ProtocolError, match="signature"):
        proto.decode_request(KEY, frames)


def _signed(obj: object) -> list[bytes]:
    body = proto.pack(obj)
    return [proto.sign(KEY, body), body]


@pytest.mark.parametrize(
    ("obj", "code"),
    [
        ({"v": 99, "id": "a", "name": "status", "args": {}, "ts": time.time()}, "bad_version"),
        ({"v": 1, "id": "a", "name": 5, "args": {}, "ts": time.time()}, "bad_request"),
        ({"v": 1, "id": "a", "name": "status", "args": [], "ts": time.time()}, "bad_request"),
        ({"v": 1, "id": "", "name": "status", "args": {}, "ts": time.time()}, "bad_request"),
        ({"v": 1, "id": "a", "name": "status", "args": {}, "ts": "now"}, "bad_request"),
        ({"v": 1, "id": "a", "name": "status", "args": {}, "ts": time.time() - 3600}, "stale"),
        ([1, 2, 3], "bad_request"),
    ],
)
def test_malformed_requests_get_a_stable_error_code(obj: object, code: str) -> None:
    with pytest.raises(proto.ProtocolError) as info:
        proto.decode_request(KEY, _signed(obj))
    assert info.value.code == code


def test_non_msgpack_and_wrong_frame_counts_are_bad_requests() -> None:
    with pytest.raises(proto.ProtocolError, match="msgpack"):
        proto.decode_request(KEY, [proto.sign(KEY, b"\xc1"), b"\xc1"])
    with pytest.raises(proto.ProtocolError, match="2 frames"):
        proto.decode_request(KEY, [b"only one"])


def test_oversized_requests_are_refused_before_decoding() -> None:
    big = proto.Request("status", {"blob": "x" * (proto.MAX_REQUEST_BYTES + 1)})
    with pytest.raises(proto.ProtocolError) as info:
        proto.decode_request(KEY, proto.encode_request(KEY, big))
    assert info.value.code == "too_large"


def test_publications_decode_and_reject_junk() -> None:
    topic, body = proto.decode_publication(proto.encode_deltas("ep", 5, 6, [("a", 1), ("b", None)]))
    assert topic == proto.TOPIC_DELTA
    assert (body["f"], body["l"], body["c"]) == (5, 6, [["a", 1], ["b", None]])
    with pytest.raises(proto.ProtocolError):
        proto.decode_publication([b"x", b"y"])


def test_pub_endpoint_is_next_to_the_command_endpoint() -> None:
    assert proto.pub_endpoint("tcp://127.0.0.1:7600") == "tcp://127.0.0.1:7601"
    assert proto.pub_endpoint("ipc:///tmp/sl") == "ipc:///tmp/sl.pub"
    with pytest.raises(ValueError, match="port"):
        proto.pub_endpoint("tcp://127.0.0.1")


def test_only_loopback_addresses_count_as_loopback() -> None:
    assert proto.is_loopback("tcp://127.0.0.1:1")
    assert proto.is_loopback("tcp://localhost:1")
    assert not proto.is_loopback("tcp://0.0.0.0:1")
    assert not proto.is_loopback("tcp://10.1.2.3:1")
