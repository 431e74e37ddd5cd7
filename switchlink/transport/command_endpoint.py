"""The command endpoint of the daemon: admit, de-duplicate, execute and answer requests.

A mixin of :class:`switchlink.transport.server.Server`, kept apart so the socket loop and the
request path can each be read on one screen. Fast commands run on the serving loop; slow ones
(password hashing, database reads) go to the workers of :mod:`slow_commands` and their replies
are sent when they finish, so the loop never waits on them.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import zmq

from switchlink.services.registry import (
    COMMANDS,
    CommandError,
    Context,
    Deferred,
    audit_attempt,
    dispatch,
    is_slow,
    run_to_end,
)
from switchlink.transport import protocol as proto
from switchlink.transport.replay import NEW, SAME_SENDER
from switchlink.transport.slow_commands import Admission, SlowJob

if TYPE_CHECKING:
    from switchlink.transport.server import Server as _Base
else:
    _Base = object

log = logging.getLogger("switchlink.transport.server")

#: wall time one drain of the command socket may take before heartbeats and publishing
DRAIN_BUDGET_S = 0.05
#: wall time one turn gives the steps of deferred commands (agents.bulk of thousands)
DEFERRED_BUDGET_S = 0.02


class CommandEndpoint(_Base):
    """The ROUTER side of :class:`Server`: every request goes through :meth:`_admit`."""

    def _drain_commands(self, limit: int = 1000) -> None:
        """Answer queued requests for at most :data:`DRAIN_BUDGET_S`; slow ones go to workers."""
        assert self.router is not None
        deadline = time.monotonic() + DRAIN_BUDGET_S
        for _ in range(limit):
            if time.monotonic() >= deadline:
                return  # the rest wait for the next turn: heartbeats come first
            try:
                msg = self.router.recv_multipart(zmq.NOBLOCK, copy=False)
            except zmq.Again:
                return
            peer = _peer_key(msg[-1])
            if self._allowed_keys is not None and peer not in self._allowed_keys:
                log.warning("command from a revoked key dropped")
                continue
            if len(msg) != 1 + proto.REQUEST_FRAMES:
                continue  # not [identity, signature, body]: unsigned junk gets no answer
            identity, rest = msg[0].bytes, [f.bytes for f in msg[1:]]
            try:
                reply = self._serve(identity, peer, rest)
            except Exception:  # a bug must cost one request, never the daemon
                log.exception("request handling failed")
                reply = proto.encode_reply(
                    self.keys.signing_key,
                    proto.Reply("", False, code="internal", message="switchlink failed; see log"),
                )
            self._send(identity, reply)

    def _send(self, identity: bytes, reply: list[bytes] | None) -> None:
        if reply is not None and self.router is not None:
            try:
                self.router.send_multipart([identity, *reply], flags=zmq.NOBLOCK)
            except zmq.ZMQError:
                log.debug("reply to a vanished or slow client dropped")

    def _serve(self, identity: bytes, peer: str, frames: list[bytes]) -> list[bytes] | None:
        """One request from the socket: answered now, or queued for a worker (None)."""
        req = self._admit(frames, peer)
        if not isinstance(req, proto.Request):
            return req
        if not is_slow(req.name):
            reply = self._execute(req, peer)
            if isinstance(reply, Deferred):  # more to do: a step per turn, then the reply
                self.__dict__.setdefault("_deferred_jobs", []).append((identity, req, reply))
                return None
            return self._finish(req, reply)
        admission = self.slow.submit(SlowJob(identity, peer, req))
        if admission is Admission.BUSY:
            self.seen.forget(req.id)  # never ran: a later retry may run it
            ctx = self._context(peer)
            audit_attempt(ctx, req.name, {}, "busy")
            return self._finish(req, proto.Reply(
                req.id, False, code="busy",
                message="too many slow requests waiting from this client; retry later",
            ))
        return None  # queued (or already running): the reply is sent when it finishes

    def _continue_deferred(self) -> None:
        """One step of each deferred command; the finished ones are answered."""
        jobs = self.__dict__.get("_deferred_jobs")
        if not jobs:
            return
        budget = DEFERRED_BUDGET_S / len(jobs)
        for job in list(jobs):
            identity, req, deferred = job
            try:
                done, data = deferred.step(budget)
            except Exception:
                log.exception("deferred command %s failed", req.name)
                done, data = True, CommandError("internal", f"{req.name} failed inside "
                                                "switchlink; see its log")
            if done:
                jobs.remove(job)
                reply = (proto.Reply(req.id, False, code=data.code, message=data.message)
                         if isinstance(data, CommandError) else proto.Reply(req.id, True, data))
                self._send(identity, self._finish(req, reply))

    def _finish_slow_commands(self, now: float) -> None:
        """Send the replies the workers have finished (and the deferred commands' that are
        done); write due refusal summaries."""
        self._continue_deferred()
        for job in self.slow.finished():
            assert job.reply is not None
            self._send(job.identity, self._finish(job.request, job.reply))
        if now >= self._next_refusal_flush:
            self._next_refusal_flush = now + 1.0
            self.refusals.flush()

    def handle(self, frames: list[bytes], peer: str = "") -> list[bytes] | None:
        """Frames of one request -> frames of its reply (None: dropped, logged).

        Runs every command here and now, slow ones too (tests and tools call this directly;
        the serving loop uses :meth:`_serve`, which hands slow ones to the workers).
        """
        req = self._admit(frames, peer)
        if not isinstance(req, proto.Request):
            return req
        reply = self._execute(req, peer)
        if isinstance(reply, Deferred):
            reply = proto.Reply(req.id, True, run_to_end(reply))
        return self._finish(req, reply)

    def _admit(self, frames: list[bytes], peer: str = "") -> proto.Request | list[bytes] | None:
        """A request to execute, or the reply it already has (an error, the cache), or None.

        Only state-changing requests are remembered (:class:`SeenRequests`): within the replay
        window their id is never run again, and only the same key and session get its reply.
        """
        key = self.keys.signing_key
        try:
            req = proto.decode_request(key, frames)
        except proto.ProtocolError as exc:
            log.warning("request refused: %s: %s", exc.code, exc.message)
            if exc.code == "bad_signature":
                return None  # unsigned junk gets no answer to learn from
            return proto.encode_reply(
                key, proto.Reply(id=exc.msg_id or "", ok=False, code=exc.code, message=exc.message)
            )
        answer = self._seen_before(req, peer)
        if answer is not None:
            return answer or None  # [] : still running, its one reply is on its way
        if _changes_state(req.name):
            self.seen.begin(req.id, req.ts, peer, req.session, time.time())
        return req

    def _seen_before(self, req: proto.Request, peer: str) -> list[bytes] | None:
        """The answer for an id seen before, a refusal for a stamp the shortened window no
        longer covers, or None: run it."""
        found, entry = self.seen.lookup(req.id, peer, req.session)
        if found == SAME_SENDER and entry is not None:
            log.info("message %s seen before: answering again, not applying again", req.id)
            if entry.reply is not None or not entry.done:
                return entry.reply or []
            return self._error(req, "invalid_operation",
                               "this request was already applied (its reply was too large to keep)")
        if found != NEW:
            log.warning("message id %s reused by another key or session: refused", req.id)
            return self._error(req, "bad_request",
                               "this message id was already used; send each request with a new id")
        if _changes_state(req.name) and self.seen.too_old(req.ts):
            return self._error(req, "stale", "switchlink is under a flood of requests and refuses "
                               "ones stamped this early; check this machine's clock and retry")
        return None

    def _error(self, req: proto.Request, code: str, message: str) -> list[bytes]:
        return proto.encode_reply(self.keys.signing_key, proto.Reply(req.id, False, code=code,
                                                                     message=message))

    def _finish(self, req: proto.Request, reply: proto.Reply) -> list[bytes]:
        """Encode ``reply`` and remember it for retries of the same message id."""
        key = self.keys.signing_key
        try:
            encoded = proto.encode_reply(key, reply)
        except (TypeError, ValueError, OverflowError) as exc:
            log.error("reply to %s cannot be encoded: %s", req.name, exc)
            reply = proto.Reply(req.id, False, code="internal", message="reply not encodable")
            encoded = proto.encode_reply(key, reply)
        self.seen.finish(req.id, encoded)  # kept for a retry only if it changed state
        return encoded

    def _context(self, peer: str) -> Context:
        assert self.floor is not None
        return Context(
            self.adapter, self.floor, self.auth, self.audit, status=self.status,
            services=self.services, peer=peer, refusals=self.refusals,
        )

    def _execute(self, req: proto.Request, peer: str = "") -> proto.Reply | Deferred:
        """Run one request (on the loop, or on a worker for a slow command); a command that
        needs more turns answers a :class:`Deferred` after its first step."""
        assert self.floor is not None
        if req.name == "snapshot":
            if req.args:
                return proto.Reply(req.id, False, code="bad_request", message="no args, please")
            items = list(self.floor.items())
            return proto.Reply(
                req.id, True, {"epoch": self.epoch, "seq": self.sequence, "items": items}
            )
        try:
            data = dispatch(self._context(peer), req.name, req.args, req.session)
        except CommandError as exc:
            return proto.Reply(req.id, False, code=exc.code, message=exc.message)
        if isinstance(data, Deferred):
            done, result = data.step(DEFERRED_BUDGET_S)
            if not done:
                return data
            data = result
        return proto.Reply(req.id, True, data)

def _changes_state(name: str) -> bool:
    """State-changing (audited) commands: the ones a replay must never run twice."""
    spec = COMMANDS.get(name)
    return spec is not None and spec.audit


def _peer_key(frame: zmq.Frame) -> str:
    """The client's CURVE public key (Z85, from the ZAP handler); "" without CURVE."""
    try:
        return frame.get("User-Id") or ""
    except (zmq.ZMQError, UnicodeDecodeError):
        return ""
