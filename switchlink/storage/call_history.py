"""Call history from the event stream: finished calls become CallRecords, batched to the DB.

:class:`CallRecorder` follows each call from ``CallArrived`` to ``CallEnded`` and hands a
:class:`CallRecord` plus its half-hour :class:`IntervalStat` delta to a sink; in the daemon
that sink is a :class:`~switchlink.storage.batch_writer.BatchWriter` (see history_feed.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from models.calls import CallOutcome, Direction
from models.events import (
    CallAnswered,
    CallArrived,
    CallEnded,
    CallHeld,
    CallIvrStep,
    CallQueued,
    CallRecordingStopped,
    CallRetrieved,
    CallRinging,
    CallScreened,
    CallTransferred,
    Event,
)
from models.persistence.calls import CallRepository
from models.persistence.database import Database
from models.queues import DEFAULT_SL_THRESHOLD_S
from models.records import CallRecord, IntervalStat, interval_start
from switchlink.storage.batch_writer import BatchWriter

#: Interval statistics of calls that never reached a queue (blocked, busy, self-service).
NO_QUEUE = ""

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
        elif isinstance(event, CallScreened):
            r.blacklist_entry, r.blacklist_action = event.entry, event.action
        elif isinstance(event, CallRecordingStopped):
            r.recordings.append({"by": event.by, "started_at": event.started_at,
                                 "ended_at": event.t})
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


def stored_calls(db: Database) -> Callable[[float], dict[str, tuple[float, float]]]:
    """What the adapter reads at start to continue history rather than repeat it.

    The loopback emulator's day is a function of its seed: without this, a restarted daemon
    replayed it from the day's start and stored every call twice (issue 11 item 16).
    """
    return CallRepository(db).finished_since
