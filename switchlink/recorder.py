"""Call history from the event stream: finished calls become CallRecords, batched to the DB.

:class:`CallRecorder` follows each call from ``CallArrived`` to ``CallEnded`` and hands a
:class:`CallRecord` plus its half-hour :class:`IntervalStat` delta to a sink.
:class:`BatchWriter` is that sink in the daemon: ``submit()`` only puts onto a bounded queue
(never blocks the event loop; when the queue is full the row is dropped and counted, because
stalling the switch's event loop would be worse than a gap in history), and a thread writes
batches in one transaction each. A batch is durable once its commit returns.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from models.calls import CallOutcome, Direction
from models.events import (
    CallAnswered,
    CallArrived,
    CallEnded,
    CallHeld,
    CallIvrStep,
    CallQueued,
    CallRetrieved,
    CallRinging,
    CallTransferred,
    Event,
)
from models.persistence.calls import CallRepository
from models.persistence.database import Database
from models.queues import DEFAULT_SL_THRESHOLD_S
from models.records import CallRecord, IntervalStat, interval_start

log = logging.getLogger(__name__)

#: Interval statistics of calls that never reached a queue (blocked, busy, self-service).
NO_QUEUE = ""

T = TypeVar("T")
Recorded = tuple[CallRecord, IntervalStat | None]


@dataclass(slots=True)
class _Live:
    record: CallRecord
    hold_started_at: float | None = None


def interval_delta(record: CallRecord, sl_threshold_s: float) -> IntervalStat | None:
    """What one finished inbound call adds to its queue's half hour (None for outbound)."""
    if record.direction is not Direction.INBOUND:
        return None
    offered_at = record.queued_at if record.queued_at is not None else record.arrived_at
    stat = IntervalStat(queue=record.queue or NO_QUEUE, start=interval_start(offered_at), offered=1)
    wait = record.wait_s
    if record.outcome is CallOutcome.ANSWERED and record.answered_at is not None:
        stat.answered = 1
        answer_wait = record.answered_at - offered_at
        stat.answered_within_threshold = int(answer_wait <= sl_threshold_s)
        stat.total_handle_s = record.handle_s
    elif record.outcome is CallOutcome.ABANDONED:
        stat.abandoned = 1
    elif record.outcome is CallOutcome.BUSY:
        stat.busy = 1
    elif record.outcome is CallOutcome.BLOCKED:
        stat.blocked = 1
    if wait is not None:
        stat.total_wait_s = wait
        stat.max_wait_s = wait
    return stat


@dataclass
class CallRecorder:
    """Turns the event stream into finished-call records; feed it every event in order."""

    sink: Callable[[CallRecord, IntervalStat | None], object]
    #: queue id -> service-level threshold (seconds); others use the 15 s default
    sl_thresholds: dict[str, float] = field(default_factory=dict)
    #: events about calls the recorder never saw arrive (e.g. started before a restart)
    unknown_events: int = 0
    _live: dict[str, _Live] = field(default_factory=dict, repr=False)

    @property
    def live_calls(self) -> int:
        return len(self._live)

    def feed(self, event: Event) -> None:
        """Track one event; a ``CallEnded`` emits the record to the sink."""
        if isinstance(event, CallArrived):
            self._live[event.call] = _Live(
                CallRecord(
                    call_id=event.call, caller=event.caller, callee=event.callee,
                    customer_level=event.customer_level, direction=event.direction,
                    trunk=event.trunk, arrived_at=event.t, announcement=event.announcement,
                )
            )
            return
        call = getattr(event, "call", None)
        if call is None or not isinstance(call, str):
            return  # not a call event
        live = self._live.get(call)
        if live is None:
            self.unknown_events += 1
            return
        r = live.record
        if isinstance(event, CallIvrStep):
            r.ivr_at = r.ivr_at if r.ivr_at is not None else event.t
            r.ivr_trail.append(event.node)
        elif isinstance(event, CallQueued):
            r.queue = event.queue
            r.queued_at = r.queued_at if r.queued_at is not None else event.t
        elif isinstance(event, CallRinging):
            r.agent = event.agent
            r.ringing_at = r.ringing_at if r.ringing_at is not None else event.t
        elif isinstance(event, CallAnswered):
            r.agent = event.agent or r.agent
            r.answered_at = r.answered_at if r.answered_at is not None else event.t
        elif isinstance(event, CallHeld):
            live.hold_started_at = event.t
        elif isinstance(event, CallRetrieved):
            self._end_hold(live, event.t)
        elif isinstance(event, CallTransferred):
            r.transfers += 1
            if event.to_agent:
                r.agent = event.to_agent
        elif isinstance(event, CallEnded):
            self._end_hold(live, event.t)
            del self._live[call]
            r.ended_at = event.t
            r.outcome = event.outcome
            threshold = self.sl_thresholds.get(r.queue or "", DEFAULT_SL_THRESHOLD_S)
            self.sink(r, interval_delta(r, threshold))

    @staticmethod
    def _end_hold(live: _Live, t: float) -> None:
        if live.hold_started_at is not None:
            live.record.hold_total_s += max(0.0, t - live.hold_started_at)
            live.hold_started_at = None


@dataclass(slots=True)
class WriterStats:
    """What the writer has done; ``depth`` near ``capacity`` means it is falling behind."""

    depth: int
    capacity: int
    high_water: int
    submitted: int
    written: int
    dropped: int
    failed: int
    batches: int


class BatchWriter(Generic[T]):
    """A thread that writes queued items in batches, one transaction per batch."""

    def __init__(
        self,
        write: Callable[[list[T]], None],
        *,
        batch_size: int = 500,
        max_delay_s: float = 0.5,
        capacity: int = 100_000,
        on_commit: Callable[[list[T]], None] | None = None,
        retries: int = 5,
        name: str = "batch-writer",
    ) -> None:
        if batch_size < 1 or capacity < 1 or max_delay_s <= 0:
            raise ValueError("batch_size and capacity must be >= 1 and max_delay_s > 0")
        self._write = write
        self._on_commit = on_commit
        self.batch_size = batch_size
        self.max_delay_s = max_delay_s
        self.retries = retries
        self._queue: queue.Queue[T] = queue.Queue(maxsize=capacity)
        self._capacity = capacity
        self._cond = threading.Condition()
        self._submitted = self._done = self._written = self._dropped = 0
        self._failed = self._batches = self._high_water = 0
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # --- producer side (the event loop) -----------------------------------------------------

    def submit(self, item: T) -> bool:
        """Queue one item without blocking; False (and counted) if the queue is full or closed."""
        if self._closing.is_set():
            self._dropped += 1
            return False
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self._dropped += 1
            return False
        with self._cond:
            self._submitted += 1
            depth = self._queue.qsize()
            self._high_water = max(self._high_water, depth)
        return True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything submitted so far is committed (or failed); False on timeout."""
        with self._cond:
            target = self._submitted
            return self._cond.wait_for(lambda: self._done >= target, timeout)

    def close(self, timeout: float | None = 30.0) -> None:
        """Stop accepting items, write what is queued, stop the thread."""
        self._closing.set()
        self._thread.join(timeout)

    def stats(self) -> WriterStats:
        with self._cond:
            return WriterStats(
                depth=self._queue.qsize(), capacity=self._capacity,
                high_water=self._high_water, submitted=self._submitted, written=self._written,
                dropped=self._dropped, failed=self._failed, batches=self._batches,
            )

    # --- the writer thread -------------------------------------------------------------------

    def _collect(self) -> list[T]:
        batch: list[T] = []
        deadline: float | None = None
        while len(batch) < self.batch_size:
            if deadline is None:
                wait = 0.1
            else:
                wait = deadline - time.monotonic()
                if wait <= 0:
                    break
            try:
                batch.append(self._queue.get(timeout=wait))
            except queue.Empty:
                if self._closing.is_set() or (batch and deadline is not None):
                    break
                continue
            if deadline is None:
                deadline = time.monotonic() + self.max_delay_s
        return batch

    def _run(self) -> None:
        while True:
            batch = self._collect()
            if batch:
                self._commit(batch)
            elif self._closing.is_set() and self._queue.empty():
                return

    def _commit(self, batch: list[T]) -> None:
        delay = 0.05
        for attempt in range(1, self.retries + 1):
            try:
                self._write(batch)
            except Exception:
                log.exception("writing a batch of %d failed (attempt %d)", len(batch), attempt)
                if attempt == self.retries:
                    with self._cond:
                        self._failed += len(batch)
                        self._done += len(batch)
                        self._cond.notify_all()
                    return
                time.sleep(delay)  # back off before retrying a database that is busy or down
                delay = min(delay * 4, 2.0)
                continue
            with self._cond:
                self._written += len(batch)
                self._batches += 1
                self._done += len(batch)
                self._cond.notify_all()
            if self._on_commit is not None:
                try:
                    self._on_commit(batch)
                except Exception:
                    log.exception("on_commit callback failed")
            return


def call_record_writer(
    db: Database,
    *,
    on_commit: Callable[[list[Recorded]], None] | None = None,
    batch_size: int = 500,
    max_delay_s: float = 0.5,
    capacity: int = 100_000,
) -> BatchWriter[Recorded]:
    """A BatchWriter that stores (CallRecord, IntervalStat delta) pairs in ``db``."""
    repo = CallRepository(db)

    def write(batch: list[Recorded]) -> None:
        repo.write_batch(
            [record for record, _ in batch], [d for _, d in batch if d is not None]
        )

    return BatchWriter(
        write, on_commit=on_commit, batch_size=batch_size, max_delay_s=max_delay_s,
        capacity=capacity, name="call-record-writer",
    )
