"""Call records and half-hour interval statistics: batched writes and history queries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import case, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.persistence.convert import check_range, newest_in_window, to_domain
from models.persistence.database import Database
from models.persistence.schema import CallRecordRow, IntervalStatRow
from models.records import CallRecord, IntervalStat

_SUMMED = (
    "offered", "answered", "abandoned", "answered_within_threshold", "busy", "blocked",
    "total_wait_s", "total_handle_s",
)


def _call_values(r: CallRecord) -> dict[str, Any]:
    # built by hand: this is the hot path of the batch writer
    return {
        "call_id": r.call_id, "caller": r.caller, "callee": r.callee,
        "customer_level": str(r.customer_level), "direction": str(r.direction),
        "queue": r.queue, "agent": r.agent, "trunk": r.trunk, "arrived_at": r.arrived_at,
        "ivr_at": r.ivr_at, "queued_at": r.queued_at, "ringing_at": r.ringing_at,
        "answered_at": r.answered_at, "ended_at": r.ended_at, "outcome": str(r.outcome),
        "ivr_trail": list(r.ivr_trail), "hold_total_s": r.hold_total_s,
        "transfers": r.transfers, "announcement": r.announcement,
        "blacklist_entry": r.blacklist_entry, "blacklist_action": r.blacklist_action,
        "recordings": r.recordings,
    }


def merge_deltas(deltas: Iterable[IntervalStat]) -> list[IntervalStat]:
    """Fold deltas sharing a queue and interval into one each (one upsert per key)."""
    merged: dict[tuple[str, float], IntervalStat] = {}
    for d in deltas:
        key = (d.queue, d.start)
        if key in merged:
            merged[key].add(d)
        else:
            merged[key] = IntervalStat(**{f: getattr(d, f) for f in IntervalStat.__slots__})
    return list(merged.values())


def _upsert_intervals(session: Session, deltas: list[IntervalStat]) -> None:
    if not deltas:
        return
    dialect = session.get_bind().dialect.name
    module: Any = sqlite if dialect == "sqlite" else postgresql
    stmt = module.insert(IntervalStatRow)
    table, new = IntervalStatRow.__table__.c, stmt.excluded
    updates: dict[str, Any] = {name: table[name] + new[name] for name in _SUMMED}
    updates["max_wait_s"] = case(
        (new.max_wait_s > table.max_wait_s, new.max_wait_s), else_=table.max_wait_s
    )
    stmt = stmt.on_conflict_do_update(index_elements=["queue", "start"], set_=updates)
    session.execute(stmt, [{f: getattr(d, f) for f in IntervalStat.__slots__} for d in deltas])


class CallRepository:
    """Finished calls and per-queue half-hour counts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def write_batch(
        self, records: list[CallRecord], deltas: Iterable[IntervalStat] = ()
    ) -> None:
        """Insert records and add interval deltas in ONE transaction: all or nothing."""
        with self.db.begin() as s:
            self.write_in(s, records, deltas)

    def write_in(
        self, session: Session, records: list[CallRecord], deltas: Iterable[IntervalStat] = ()
    ) -> None:
        """The same as :meth:`write_batch` inside a caller's unit of work."""
        if records:
            session.execute(insert(CallRecordRow), [_call_values(r) for r in records])
        _upsert_intervals(session, merge_deltas(deltas))

    def search(
        self,
        number: str | None = None,
        since: float | None = None,
        until: float | None = None,
        queue: str | None = None,
        agent: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[CallRecord]:
        """Calls by caller or callee number and arrival time, newest first."""
        query = select(CallRecordRow)
        if number is not None:
            query = query.where(
                or_(CallRecordRow.caller == number, CallRecordRow.callee == number)
            )
        if queue is not None:
            query = query.where(CallRecordRow.queue == queue)
        if agent is not None:
            query = query.where(CallRecordRow.agent == agent)
        query = newest_in_window(
            query, CallRecordRow.arrived_at, CallRecordRow.id, since, until, limit, offset
        )
        with self.db.read() as s:
            return [to_domain(CallRecord, r) for r in s.scalars(query)]

    def newest(self, call_id: str) -> CallRecord | None:
        """The newest finished call with the switch's id ``call_id`` (ids repeat across days)."""
        query = select(CallRecordRow).where(CallRecordRow.call_id == call_id)
        query = query.order_by(CallRecordRow.arrived_at.desc(), CallRecordRow.id.desc()).limit(1)
        with self.db.read() as s:
            row = s.scalar(query)
            return None if row is None else to_domain(CallRecord, row)

    def count(self) -> int:
        from sqlalchemy import func

        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(CallRecordRow)) or 0)

    def finished_since(self, since: float) -> dict[str, tuple[float, float]]:
        """call id -> (arrived_at, ended_at) of the calls that arrived at or after ``since``.

        What an emulator that restarts needs to continue its day rather than repeat it.
        """
        query = select(CallRecordRow.call_id, CallRecordRow.arrived_at, CallRecordRow.ended_at)
        query = query.where(CallRecordRow.arrived_at >= float(since))
        with self.db.read() as s:
            return {
                call: (arrived, ended if ended is not None else arrived)
                for call, arrived, ended in s.execute(query)
            }

    def call_ids(self) -> set[str]:
        """Every stored call id (for checks and tests on modest databases)."""
        with self.db.read() as s:
            return set(s.scalars(select(CallRecordRow.call_id)))

    # --- interval statistics ----------------------------------------------------------------

    def intervals(self, queue: str | None, since: float, until: float) -> list[IntervalStat]:
        """Half-hour rows with ``since <= start < until``, oldest first; None: every queue."""
        check_range(since, until, 1)
        query = select(IntervalStatRow).where(
            IntervalStatRow.start >= since, IntervalStatRow.start < until
        )
        if queue is not None:
            query = query.where(IntervalStatRow.queue == queue)
        query = query.order_by(IntervalStatRow.start, IntervalStatRow.queue)
        with self.db.read() as s:
            return [to_domain(IntervalStat, r) for r in s.scalars(query)]

    def intervals_for_day(
        self, queue: str | None, day: date, tz: tzinfo | None = None
    ) -> list[IntervalStat]:
        """Half hours of a calendar day, one queue or all (``tz`` default: the local zone)."""
        start = datetime.combine(day, time(0), tzinfo=tz)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
        if tz is None:
            start, end = start.astimezone(), end.astimezone()
        return self.intervals(queue, start.timestamp(), end.timestamp())
