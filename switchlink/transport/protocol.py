"""The switchlink wire protocol: versioned msgpack envelopes, HMAC-signed commands, size limits.

See docs/protocol.md for the full description. Every decoding failure raises
:class:`ProtocolError` with a stable ``code``, never anything else.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import msgpack

#: bumped on any incompatible change of the frames below
PROTOCOL_VERSION = 1
#: largest command request accepted (bytes of the body frame)
MAX_REQUEST_BYTES = 256 * 1024
#: hard socket limit on one incoming *frame* (zmq ``MAXMSGSIZE``): a peer sending a bigger
#: frame is disconnected by zmq before it is buffered. Just above a request body, so a message
#: of many frames costs at most this much per frame (docs/protocol.md "Limits").
SOCKET_MAX_MSG_BYTES = MAX_REQUEST_BYTES + 1024
#: frames of a request after the ROUTER identity: signature and body
REQUEST_FRAMES = 2
#: a request stamped further than this from the daemon's clock is refused (replay window)
MAX_CLOCK_SKEW_S = 300.0

#: PUB topics (first frame)
TOPIC_DELTA = b"d"
TOPIC_HEARTBEAT = b"h"

SIGNATURE_BYTES = hashlib.sha256().digest_size


class ProtocolError(Exception):
    """A frame that cannot be accepted; ``code`` is stable and goes back in the error reply."""

    def __init__(self, code: str, message: str, msg_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.msg_id = msg_id


@dataclass(slots=True)
class Request:
    """One command: ``name`` with ``args``, run as the user behind ``session``."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)
    session: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    ts: float = field(default_factory=time.time)


@dataclass(slots=True)
class Reply:
    """The answer to one request: ``ok`` with ``data``, or an error ``code`` and ``message``."""

    id: str
    ok: bool
    data: Any = None
    code: str = ""
    message: str = ""


def pack(obj: Any) -> bytes:
    return msgpack.packb(obj, use_bin_type=True)


def unpack(data: bytes) -> Any:
    return msgpack.unpackb(data, raw=False)


def sign(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).digest()


def _check_signature(key: bytes, signature: bytes, body: bytes) -> None:
    if not hmac.compare_digest(sign(key, body), signature):
        raise ProtocolError("bad_signature", "the message signature does not match")


# --- commands -----------------------------------------------------------------------------


def encode_request(key: bytes, req: Request) -> list[bytes]:
    body = pack(
        {
            "v": PROTOCOL_VERSION,
            "id": req.id,
            "name": req.name,
            "session": req.session,
            "args": req.args,
            "ts": req.ts,
        }
    )
    return [sign(key, body), body]


def decode_request(key: bytes, frames: list[bytes]) -> Request:
    """Check and decode a request's frames (after the ROUTER identity).

    The signature is checked before anything else is looked at: a message that is not
    ``[valid signature, body]`` raises ``bad_signature``, which the server drops without a
    reply, so unsigned junk never learns anything (not even that its frame count was wrong).
    """
    if len(frames) != REQUEST_FRAMES:
        raise ProtocolError(
            "bad_signature", f"expected 2 frames (signature, body), got {len(frames)}"
        )
    signature, body = frames
    _check_signature(key, signature, body)
    if len(body) > MAX_REQUEST_BYTES:
        raise ProtocolError(
            "too_large", f"request of {len(body)} bytes exceeds the {MAX_REQUEST_BYTES} byte limit"
        )
    try:
        msg = unpack(body)
    except Exception as exc:
        raise ProtocolError("bad_request", f"the body is not valid msgpack: {exc}") from None
    if not isinstance(msg, dict):
        raise ProtocolError("bad_request", "the body must be a map")
    msg_id = msg.get("id")
    if not isinstance(msg_id, str) or not 0 < len(msg_id) <= 64:
        raise ProtocolError("bad_request", "'id' must be a string of 1..64 characters")
    version = msg.get("v")
    if type(version) is not int or version != PROTOCOL_VERSION:  # not True, not 1.0
        raise ProtocolError(
            "bad_version",
            f"protocol version {version!r} is not supported (daemon speaks {PROTOCOL_VERSION})",
            msg_id,
        )
    name, args = msg.get("name"), msg.get("args", {})
    session, ts = msg.get("session"), msg.get("ts")
    if not isinstance(name, str) or not name:
        raise ProtocolError("bad_request", "'name' must be a non-empty string", msg_id)
    if not isinstance(args, dict):
        raise ProtocolError("bad_request", "'args' must be a map", msg_id)
    if session is not None and not isinstance(session, str):
        raise ProtocolError("bad_request", "'session' must be a string or nil", msg_id)
    if not isinstance(ts, int | float) or isinstance(ts, bool) or not math.isfinite(ts):
        raise ProtocolError(
            "bad_request", "'ts' must be a finite number (epoch seconds)", msg_id
        )
    if abs(time.time() - ts) > MAX_CLOCK_SKEW_S:
        raise ProtocolError(
            "stale", f"request time is more than {MAX_CLOCK_SKEW_S:.0f} s from the daemon's", msg_id
        )
    return Request(name=name, args=args, session=session, id=msg_id, ts=float(ts))


def encode_reply(key: bytes, reply: Reply) -> list[bytes]:
    msg: dict[str, Any] = {"v": PROTOCOL_VERSION, "id": reply.id, "ok": reply.ok}
    if reply.ok:
        msg["data"] = reply.data
    else:
        msg["error"] = {"code": reply.code, "message": reply.message}
    body = pack(msg)
    return [sign(key, body), body]


def decode_reply(key: bytes, frames: list[bytes]) -> Reply:
    if len(frames) != 2:
        raise ProtocolError("bad_reply", f"expected 2 frames, got {len(frames)}")
    signature, body = frames
    _check_signature(key, signature, body)
    try:
        msg = unpack(body)
    except Exception as exc:
        raise ProtocolError("bad_reply", f"reply is not valid msgpack: {exc}") from None
    if not isinstance(msg, dict) or not isinstance(msg.get("id"), str):
        raise ProtocolError("bad_reply", "reply must be a map with an 'id'")
    if msg.get("v") != PROTOCOL_VERSION:
        raise ProtocolError("bad_version", f"daemon speaks protocol {msg.get('v')!r}")
    if msg.get("ok"):
        return Reply(id=msg["id"], ok=True, data=msg.get("data"))
    err = msg.get("error") or {}
    return Reply(
        id=msg["id"],
        ok=False,
        code=str(err.get("code", "internal")),
        message=str(err.get("message", "")),
    )


# --- state publication --------------------------------------------------------------------


def encode_deltas(
    epoch: str, first: int, last: int, changes: list[tuple[str, Any]]
) -> list[bytes]:
    """One PUB message carrying the changes numbered ``first``..``last``."""
    return [TOPIC_DELTA, pack({"e": epoch, "f": first, "l": last, "c": changes})]


def encode_heartbeat(epoch: str, seq: int) -> list[bytes]:
    return [TOPIC_HEARTBEAT, pack({"e": epoch, "s": seq, "t": time.time()})]


def decode_publication(frames: list[bytes]) -> tuple[bytes, dict[str, Any]]:
    """``(topic, body)`` of a PUB message; :class:`ProtocolError` if it is malformed."""
    if len(frames) != 2 or frames[0] not in (TOPIC_DELTA, TOPIC_HEARTBEAT):
        raise ProtocolError("bad_publication", "unknown publication frames")
    try:
        body = unpack(frames[1])
    except Exception as exc:
        raise ProtocolError("bad_publication", f"not valid msgpack: {exc}") from None
    if not isinstance(body, dict) or not isinstance(body.get("e"), str):
        raise ProtocolError("bad_publication", "publication must be a map with an epoch")
    return frames[0], body


def pub_endpoint(endpoint: str) -> str:
    """The PUB endpoint next to a command endpoint: tcp port + 1, or ``<path>.pub``."""
    if endpoint.startswith("tcp://"):
        host, _, port = endpoint[len("tcp://") :].rpartition(":")
        if not port.isdigit():
            raise ValueError(f"endpoint {endpoint!r} needs an explicit port, e.g. tcp://127.0.0.1:7600")
        return f"tcp://{host}:{int(port) + 1}"
    if endpoint.startswith(("ipc://", "inproc://")):
        return endpoint + ".pub"
    raise ValueError(f"unsupported endpoint {endpoint!r} (use tcp://, ipc:// or inproc://)")


def is_loopback(endpoint: str) -> bool:
    """True for endpoints other machines cannot reach (127.x, ::1, localhost, ipc, inproc)."""
    if endpoint.startswith(("ipc://", "inproc://")):
        return True
    host = endpoint[len("tcp://") :].rpartition(":")[0].strip("[]")
    return host in ("localhost", "::1") or host.startswith("127.")
