"""The history a report reads besides call records: agent state changes and forced actions."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.alarmlog import AlarmLogEntry
from models.complaints.figures import ComplaintFact
from models.records import CallRecord
from models.reports.periods import Period


@dataclass(slots=True)
class AgentStateEntry:
    """One agent state change (``AgentStateChanged``) as stored in ``agent_state_log``."""

    agent: str
    state: str
    at: float
    reason: str = ""
    forced: bool = False
    by: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ForcedAction:
    """A supervisor's intervention on an agent's call from the audit trail (barge 强插,
    release 强拆); forced state changes come from the agent-state log instead."""

    action: str
    at: float
    call: str
    by: str


@dataclass(slots=True)
class ReportInputs:
    """Everything :func:`models.reports.compute.compute_report` reads; the same inputs always
    give the same figures (reports are reproducible)."""

    period: Period
    calls: list[CallRecord] = field(default_factory=list)
    #: state changes inside the period, oldest first
    states: list[AgentStateEntry] = field(default_factory=list)
    #: each agent's last state before the period starts (what it was in at ``start``)
    opening: dict[str, AgentStateEntry] = field(default_factory=dict)
    #: alarm transitions from the period's start on (acknowledgements may come later)
    alarm_log: list[AlarmLogEntry] = field(default_factory=list)
    forced: list[ForcedAction] = field(default_factory=list)
    #: complaint work orders created in the period, as the complaints desk's figures read
    #: them; None: not available on this database
    work_orders: list[ComplaintFact] | None = None
    #: queue -> service-level threshold (s); missing queues use ``default_threshold_s``
    thresholds: dict[str, float] = field(default_factory=dict)
    default_threshold_s: float = 15.0
    short_abandon_s: float = 5.0
