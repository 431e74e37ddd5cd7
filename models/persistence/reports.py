"""The agent-state log, stored reports, and the history a report is computed from.

``ReportHistory.inputs(period)`` gathers one period's call records, agent states (with each
agent's state at the start), alarm log, forced actions from the audit trail and complaint
work orders: everything :func:`models.reports.compute.compute_report` needs, read in one
plain transaction beside a live daemon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models.alarmlog import AlarmLogEntry
from models.calls import CallOutcome, CustomerLevel, Direction
from models.persistence.complaints import complaint_facts
from models.persistence.convert import NotFound, to_domain
from models.persistence.database import Database
from models.persistence.schema import (
    AgentStateLogRow,
    AlarmLogRow,
    AuditRow,
    CallRecordRow,
    ReportRow,
)
from models.records import CallRecord
from models.reports.periods import Period
from models.reports.records import AgentStateEntry, ForcedAction, ReportInputs

#: a call can wait in the IVR before it queues: records are read from this much earlier
CALL_LOOKBACK_S = 3600.0
#: acknowledgements of a period's alarms are read up to this long after it
ACK_HORIZON_S = 86400.0
#: an agent's state at a period's start is read from this far back at most: an agent with no
#: change for two days is taken as signed out (a signed-in seat changes state with every call),
#: and the look-up stays an index range instead of a scan of the whole log
OPENING_LOOKBACK_S = 2 * 86400.0
#: audit actions that intervene on an agent's call (强插, 强拆)
FORCED_CALL_ACTIONS = ("barge", "release")


@dataclass(slots=True)
class StoredReport:
    """A generated report as kept in ``reports``."""

    kind: str
    period_key: str
    start: float
    end: float
    generated_at: float
    generated_by: str
    figures: dict[str, Any]
    id: int | None = None

    def summary(self) -> dict[str, Any]:
        centre = self.figures.get("centre", {})
        return {
            "id": self.id, "kind": self.kind, "period_key": self.period_key,
            "start": self.start, "end": self.end, "generated_at": self.generated_at,
            "generated_by": self.generated_by, "offered": centre.get("offered"),
            "service_level": centre.get("service_level"),
        }


class AgentStateRepository:
    """Append-only log of agent state changes (written by the daemon's history writer)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record_in(self, session: Session, entries: list[AgentStateEntry]) -> None:
        if entries:
            session.execute(insert(AgentStateLogRow), [
                {"agent": e.agent, "state": e.state, "reason": e.reason[:64], "at": e.at,
                 "forced": e.forced, "by": e.by[:64]} for e in entries
            ])

    def record(self, entries: list[AgentStateEntry]) -> None:
        with self.db.begin() as s:
            self.record_in(s, entries)

    def between(self, s: Session, since: float, until: float) -> list[AgentStateEntry]:
        t = AgentStateLogRow
        rows = s.execute(
            select(t.agent, t.state, t.at, t.reason, t.forced, t.by, t.id)
            .where(t.at >= since, t.at < until).order_by(t.at, t.id))
        return [AgentStateEntry(*row) for row in rows]  # columns, not ORM objects: months

    def opening(self, s: Session, at: float) -> dict[str, AgentStateEntry]:
        """Each agent's last state change before ``at``."""
        latest = (
            select(AgentStateLogRow.agent, func.max(AgentStateLogRow.id).label("last"))
            .where(AgentStateLogRow.at < at, AgentStateLogRow.at >= at - OPENING_LOOKBACK_S)
            .group_by(AgentStateLogRow.agent).subquery())
        rows = s.scalars(select(AgentStateLogRow).join(
            latest, AgentStateLogRow.id == latest.c.last))
        return {r.agent: to_domain(AgentStateEntry, r) for r in rows}


class ReportRepository:
    """One stored report per kind and period; regenerating replaces it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, report: StoredReport) -> int:
        """Store ``report``; one of the same kind and start is updated in place, so its id
        (which a console may be showing) stays valid."""
        with self.db.begin() as s:
            row = s.scalars(select(ReportRow).where(
                ReportRow.kind == report.kind, ReportRow.start == report.start)).first()
            if row is None:
                row = ReportRow(kind=report.kind, start=report.start)
                s.add(row)
            row.period_key, row.end = report.period_key, report.end
            row.generated_at, row.generated_by = report.generated_at, report.generated_by[:64]
            row.figures = report.figures
            s.flush()
            return int(row.id)

    def get(self, kind: str, start: float) -> StoredReport | None:
        with self.db.read() as s:
            row = s.scalars(select(ReportRow).where(
                ReportRow.kind == kind, ReportRow.start == float(start))).first()
            return None if row is None else _stored(row)

    def by_id(self, report_id: int) -> StoredReport:
        with self.db.read() as s:
            row = s.get(ReportRow, int(report_id))
            if row is None:
                raise NotFound(f"no report {report_id}")
            return _stored(row)

    def list(self, kind: str | None = None, limit: int = 100, offset: int = 0
             ) -> list[StoredReport]:
        """Newest period first; figures are included (the caller keeps what it needs)."""
        query = select(ReportRow)
        if kind is not None:
            query = query.where(ReportRow.kind == kind)
        query = query.order_by(ReportRow.start.desc(), ReportRow.kind).offset(offset).limit(limit)
        with self.db.read() as s:
            return [_stored(r) for r in s.scalars(query)]

    def latest_end(self, kind: str) -> float | None:
        """The end of the newest stored report of ``kind`` (None: none stored)."""
        with self.db.read() as s:
            value = s.scalar(select(func.max(ReportRow.end)).where(ReportRow.kind == kind))
            return None if value is None else float(value)

    def count(self, kind: str | None = None) -> int:
        query = select(func.count()).select_from(ReportRow)
        if kind is not None:
            query = query.where(ReportRow.kind == kind)
        with self.db.read() as s:
            return int(s.scalar(query) or 0)


def _stored(row: ReportRow) -> StoredReport:
    return StoredReport(
        kind=row.kind, period_key=row.period_key, start=row.start, end=row.end,
        generated_at=row.generated_at, generated_by=row.generated_by,
        figures=dict(row.figures or {}), id=row.id)


class ReportHistory:
    """Reads one period's history for a report, in one read transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.states = AgentStateRepository(db)

    def inputs(self, period: Period, *, thresholds: dict[str, float] | None = None,
               default_threshold_s: float = 15.0, short_abandon_s: float = 5.0
               ) -> ReportInputs:
        start, end = period.start, period.end
        with self.db.read() as s:
            calls = _calls(s, start - CALL_LOOKBACK_S, end)
            states = self.states.between(s, start, end)
            opening = self.states.opening(s, start)
            alarms = [to_domain(AlarmLogEntry, r) for r in s.scalars(
                select(AlarmLogRow)
                .where(AlarmLogRow.at >= start, AlarmLogRow.at < end + ACK_HORIZON_S)
                .order_by(AlarmLogRow.at, AlarmLogRow.id))]
            forced = [
                ForcedAction(action=r.action, at=r.at, call=r.target, by=r.user)
                for r in s.scalars(
                    select(AuditRow).where(
                        AuditRow.at >= start, AuditRow.at < end,
                        AuditRow.action.in_(FORCED_CALL_ACTIONS), AuditRow.result == "ok")
                    .order_by(AuditRow.at, AuditRow.id))
            ]
            orders = complaint_facts(s, start, end)
        return ReportInputs(
            period=period, calls=calls, states=states, opening=opening, alarm_log=alarms,
            forced=forced, work_orders=orders, thresholds=dict(thresholds or {}),
            default_threshold_s=default_threshold_s, short_abandon_s=short_abandon_s)


_CALL_COLUMNS = (
    "call_id", "caller", "callee", "customer_level", "direction", "queue", "agent", "trunk",
    "arrived_at", "ivr_at", "queued_at", "ringing_at", "answered_at", "ended_at", "outcome",
    "hold_total_s", "transfers", "id",
)


def _calls(s: Session, since: float, until: float) -> list[CallRecord]:
    """Call records by arrival time, built from columns (a month is ~10^5 rows; ORM objects
    and per-field conversion cost seconds there)."""
    cols = [getattr(CallRecordRow, c) for c in _CALL_COLUMNS]
    levels, directions, outcomes = ({e.value: e for e in enum} for enum in (
        CustomerLevel, Direction, CallOutcome))
    out = []
    for row in s.execute(select(*cols).where(
            CallRecordRow.arrived_at >= since, CallRecordRow.arrived_at < until)
            .order_by(CallRecordRow.arrived_at, CallRecordRow.id)):
        values = dict(zip(_CALL_COLUMNS, row, strict=True))
        values["customer_level"] = levels.get(values["customer_level"], CustomerLevel.NORMAL)
        values["direction"] = directions.get(values["direction"], Direction.INBOUND)
        values["outcome"] = outcomes.get(values["outcome"], CallOutcome.ANSWERED)
        out.append(CallRecord(**values))
    return out
