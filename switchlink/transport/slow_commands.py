"""Slow commands (argon2 logins, password changes, database queries) off the event loop.

The server's one thread must keep heartbeats and publishing on their 1 s rhythm whatever
the command load, so a command the registry marks ``slow`` is queued here and run on a
small worker pool; the loop collects the finished replies and sends them itself (zmq
sockets belong to one thread). A client's slow commands run one at a time, in order, so one
key cannot occupy every worker, and a flood is bounded: past :data:`PER_PEER_WAITING`
waiting per client (or :data:`TOTAL_WAITING` in all) a request is refused with ``busy``.
"""

from __future__ import annotations

import logging
import queue
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum

from switchlink.transport import protocol as proto

log = logging.getLogger(__name__)

#: worker threads (argon2 releases the GIL; the machine has 2 shared cores)
WORKERS = 2
#: slow requests queued per client (its CURVE key, else its connection)
PER_PEER_WAITING = 16
#: slow requests queued in all
TOTAL_WAITING = 256


@dataclass(slots=True)
class SlowJob:
    identity: bytes  # the ROUTER identity the reply goes back to
    peer: str  # the CURVE key ("" without CURVE)
    request: proto.Request
    reply: proto.Reply | None = None

    @property
    def client(self) -> str:
        return self.peer or self.identity.hex()


class Admission(Enum):
    QUEUED = "queued"
    BUSY = "busy"  # too many waiting: refuse now
    DUPLICATE = "duplicate"  # the same id is already waiting or running: its reply will come


class SlowCommands:
    """Queue of slow commands per client, a worker pool, and the finished jobs for the loop.

    :meth:`submit` and :meth:`finished` are called by the event loop only; ``run`` (the
    server's command execution) is called on the workers.
    """

    def __init__(
        self,
        run: Callable[[proto.Request, str], proto.Reply],
        *,
        workers: int = WORKERS,
        per_peer: int = PER_PEER_WAITING,
        total: int = TOTAL_WAITING,
    ) -> None:
        self._run = run
        self.per_peer = per_peer
        self.total = total
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="switchlink-slow")
        self._waiting: dict[str, deque[SlowJob]] = {}
        self._running: set[str] = set()
        self._ids: set[tuple[str, str]] = set()
        self._count = 0
        self._done: queue.SimpleQueue[SlowJob] = queue.SimpleQueue()

    @property
    def pending(self) -> int:
        """Jobs waiting or running."""
        return self._count

    def submit(self, job: SlowJob) -> Admission:
        client = job.client
        if (client, job.request.id) in self._ids:
            return Admission.DUPLICATE
        waiting = self._waiting.setdefault(client, deque())
        if self._count >= self.total or len(waiting) >= self.per_peer:
            if not waiting:
                del self._waiting[client]
            return Admission.BUSY
        waiting.append(job)
        self._ids.add((client, job.request.id))
        self._count += 1
        if client not in self._running:
            self._start_next(client)
        return Admission.QUEUED

    def finished(self) -> list[SlowJob]:
        """Jobs done since the last call (their replies set); starts each client's next job."""
        out: list[SlowJob] = []
        while True:
            try:
                job = self._done.get_nowait()
            except queue.Empty:
                return out
            client = job.client
            self._ids.discard((client, job.request.id))
            self._count -= 1
            self._running.discard(client)
            self._start_next(client)
            out.append(job)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _start_next(self, client: str) -> None:
        waiting = self._waiting.get(client)
        if not waiting:
            self._waiting.pop(client, None)
            return
        job = waiting.popleft()
        self._running.add(client)
        try:
            self._pool.submit(self._work, job)
        except RuntimeError:  # shut down: the daemon is stopping
            self._running.discard(client)

    def _work(self, job: SlowJob) -> None:
        try:
            job.reply = self._run(job.request, job.peer)
        except Exception:  # a bug must cost one request, never a worker
            log.exception("slow command %s failed", job.request.name)
            job.reply = proto.Reply(
                job.request.id, False, code="internal", message="switchlink failed; see log"
            )
        self._done.put(job)
