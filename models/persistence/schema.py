"""The database schema (SQLAlchemy 2.x typed ORM); rows never leave models.persistence.

Times are epoch seconds as floats, like the event stream; enums are stored as their string
values so a new enum member never needs a migration.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: The Alembic revision this schema matches (migrations/versions/ head).
HEAD_REVISION = "0008"
#: Bumped with every revision; shown in `switchlink --version` style output.
SCHEMA_VERSION = 2


class Base(DeclarativeBase):
    """Declarative base; every table below is part of :data:`Base.metadata`."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


def _repr(obj: object, *names: str) -> str:
    inner = ", ".join(f"{n}={getattr(obj, n)!r}" for n in names)
    return f"{type(obj).__name__}({inner})"


# --- people and permissions ---------------------------------------------------------------


class UserRow(Base):
    """A console user: login, role and argon2id password hash."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(Text, default="")
    display_name: Mapped[str] = mapped_column(String(128), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: team ids the user is limited to ([] = every team); issue 12
    teams: Mapped[list[str]] = mapped_column(default=list)
    department: Mapped[str] = mapped_column(String(64), default="", server_default="")
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default="0")

    def __repr__(self) -> str:
        return _repr(self, "username", "role", "disabled")


class AuditRow(Base):
    """One state-changing command, as audited by switchlink."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_user_at", "user", "at"),
        Index("ix_audit_log_action_at", "action", "at"),
        Index("ix_audit_log_target_at", "target", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[float] = mapped_column(Float)
    user: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(256), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(64), default="ok")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)

    def __repr__(self) -> str:
        return _repr(self, "id", "at", "user", "action", "result")


# --- the floor's organisation ---------------------------------------------------------------


class TeamRow(Base):
    """A team of agents under a team leader (班长)."""

    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    leader: Mapped[str] = mapped_column(String(64), default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "name")


class AgentRow(Base):
    """An agent known by work number (工号)."""

    __tablename__ = "agents"
    __table_args__ = (Index("ix_agents_team", "team_id"),)
    work_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return _repr(self, "work_number", "name", "team_id")


class SkillGroupRow(Base):
    """A skill group and its queue's service-level settings."""

    __tablename__ = "skill_groups"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    sl_threshold_s: Mapped[float] = mapped_column(Float, default=15.0)
    sl_target: Mapped[float] = mapped_column(Float, default=0.85)
    max_length: Mapped[int | None] = mapped_column(Integer)

    def __repr__(self) -> str:
        return _repr(self, "id", "name")


class AgentSkillRow(Base):
    """An agent's level (1..10) in one skill group."""

    __tablename__ = "agent_skills"
    __table_args__ = (Index("ix_agent_skills_group", "skill_group_id"),)
    work_number: Mapped[str] = mapped_column(
        ForeignKey("agents.work_number", ondelete="CASCADE"), primary_key=True
    )
    skill_group_id: Mapped[str] = mapped_column(
        ForeignKey("skill_groups.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[int] = mapped_column(Integer)

    def __repr__(self) -> str:
        return _repr(self, "work_number", "skill_group_id", "level")


# --- call history ---------------------------------------------------------------------------


class CallRecordRow(Base):
    """One finished call (the switch's call id is not unique across restarts)."""

    __tablename__ = "call_records"
    __table_args__ = (
        Index("ix_call_records_arrived", "arrived_at"),
        Index("ix_call_records_caller_arrived", "caller", "arrived_at"),
        Index("ix_call_records_callee_arrived", "callee", "arrived_at"),
        Index("ix_call_records_queue_arrived", "queue", "arrived_at"),
        Index("ix_call_records_agent_arrived", "agent", "arrived_at"),
        Index("ix_call_records_call_id", "call_id"),
        Index("ix_call_records_blacklist_entry", "blacklist_entry", "arrived_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[str] = mapped_column(String(64))
    caller: Mapped[str] = mapped_column(String(32))
    callee: Mapped[str] = mapped_column(String(32), default="")
    customer_level: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(16))
    queue: Mapped[str | None] = mapped_column(String(64))
    agent: Mapped[str | None] = mapped_column(String(32))
    trunk: Mapped[str | None] = mapped_column(String(64))
    arrived_at: Mapped[float] = mapped_column(Float)
    ivr_at: Mapped[float | None] = mapped_column(Float)
    queued_at: Mapped[float | None] = mapped_column(Float)
    ringing_at: Mapped[float | None] = mapped_column(Float)
    answered_at: Mapped[float | None] = mapped_column(Float)
    ended_at: Mapped[float] = mapped_column(Float)
    outcome: Mapped[str] = mapped_column(String(16))
    ivr_trail: Mapped[list[str]] = mapped_column(default=list)
    hold_total_s: Mapped[float] = mapped_column(Float, default=0.0)
    transfers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    announcement: Mapped[str] = mapped_column(String(256), default="")
    #: the blacklist entry that screened the call (blocked or warned), if one did
    blacklist_entry: Mapped[int | None] = mapped_column(Integer, default=None)
    blacklist_action: Mapped[str] = mapped_column(String(16), default="", server_default="")
    #: recordings made while monitoring (issue 12): [{by, started_at, ended_at}]
    recordings: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, server_default="[]")

    def __repr__(self) -> str:
        return _repr(self, "id", "call_id", "caller", "outcome")


class IntervalStatRow(Base):
    """Per queue per half hour counts; the writer adds deltas into the row."""

    __tablename__ = "interval_stats"
    __table_args__ = (Index("ix_interval_stats_start", "start"),)
    queue: Mapped[str] = mapped_column(String(64), primary_key=True)
    start: Mapped[float] = mapped_column(Float, primary_key=True)
    offered: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    abandoned: Mapped[int] = mapped_column(Integer, default=0)
    answered_within_threshold: Mapped[int] = mapped_column(Integer, default=0)
    busy: Mapped[int] = mapped_column(Integer, default=0)
    blocked: Mapped[int] = mapped_column(Integer, default=0)
    total_wait_s: Mapped[float] = mapped_column(Float, default=0.0)
    max_wait_s: Mapped[float] = mapped_column(Float, default=0.0)
    total_handle_s: Mapped[float] = mapped_column(Float, default=0.0)

    def __repr__(self) -> str:
        return _repr(self, "queue", "start", "offered", "answered")


# --- alarms ----------------------------------------------------------------------------------


class AlarmRuleRow(Base):
    """An alarm rule; ``definition`` holds the rule's own plain form."""

    __tablename__ = "alarm_rules"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    scope: Mapped[str] = mapped_column(String(128))
    metric: Mapped[str] = mapped_column(String(64))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[float] = mapped_column(Float)
    updated_by: Mapped[str] = mapped_column(String(64), default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "metric", "enabled")


class AlarmLogRow(Base):
    """One transition of one alarm: raised, acknowledged, escalated, cleared."""

    __tablename__ = "alarm_log"
    __table_args__ = (
        Index("ix_alarm_log_at", "at"),
        Index("ix_alarm_log_alarm", "alarm_id"),
        Index("ix_alarm_log_rule_at", "rule_id", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alarm_id: Mapped[str] = mapped_column(String(128))
    rule_id: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    transition: Mapped[str] = mapped_column(String(16))
    value: Mapped[float | None] = mapped_column(Float)
    threshold: Mapped[float | None] = mapped_column(Float)
    scope: Mapped[str] = mapped_column(String(128), default="")
    at: Mapped[float] = mapped_column(Float)
    by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "alarm_id", "transition", "at")


# --- blacklist -------------------------------------------------------------------------------


class BlacklistRow(Base):
    """A blocked number (S1 blacklist)."""

    __tablename__ = "blacklist_entries"
    __table_args__ = (Index("ix_blacklist_number", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32))
    customer_level: Mapped[str] = mapped_column(String(16))
    blocked_from: Mapped[float] = mapped_column(Float)
    blocked_until: Mapped[float | None] = mapped_column(Float)
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[float] = mapped_column(Float)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[float | None] = mapped_column(Float, default=None)
    updated_by: Mapped[str] = mapped_column(String(64), default="", server_default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "number", "action", "active")


class BlacklistHistoryRow(Base):
    """A change to a blacklist entry."""

    __tablename__ = "blacklist_history"
    __table_args__ = (
        Index("ix_blacklist_history_entry", "entry_id"),
        Index("ix_blacklist_history_number_at", "number", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("blacklist_entries.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    at: Mapped[float] = mapped_column(Float)
    by: Mapped[str] = mapped_column(String(64))
    change: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    #: what the change set: action, window, level (the entry's fields after the change)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")

    def __repr__(self) -> str:
        return _repr(self, "id", "number", "change", "at")


# --- complaints ------------------------------------------------------------------------------


class WorkOrderRow(Base):
    """A complaint work order (工单)."""

    __tablename__ = "work_orders"
    __table_args__ = (
        Index("ix_work_orders_state", "state"),
        Index("ix_work_orders_caller", "caller"),
        Index("ix_work_orders_created", "created_at"),
        Index("ix_work_orders_number", "number", unique=True),
        Index("ix_work_orders_state_due", "state", "due_at"),
        Index("ix_work_orders_category_created", "category", "created_at"),
        Index("ix_work_orders_department_state", "department", "state"),
        Index("ix_work_orders_creator", "created_by", "created_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: the readable id, TS<yyyymmdd>-<n> (issue 16); allocated in work_order_sequences
    number: Mapped[str] = mapped_column(String(24))
    caller: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    customer_level: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    department: Mapped[str] = mapped_column(String(64), default="")
    responsibility_cause: Mapped[str] = mapped_column(String(128), default="")
    responsible_department: Mapped[str] = mapped_column(String(64), default="")
    region: Mapped[str] = mapped_column(String(64), default="")
    call_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[float] = mapped_column(Float)
    due_at: Mapped[float | None] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    # issue 16: the full life cycle (docs/complaints.md); department = the holder now,
    # region = the area spikes are counted by, category = the classification path
    priority: Mapped[str] = mapped_column(String(8), default="normal", server_default="normal")
    cross_region: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    error_class: Mapped[str] = mapped_column(String(24), default="", server_default="")
    attachments: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    ivr_trail: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    #: optimistic concurrency: every change adds one; an action naming another is stale
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: when the order reaches each warning level (black is due_at)
    warn_yellow_at: Mapped[float | None] = mapped_column(Float)
    warn_orange_at: Mapped[float | None] = mapped_column(Float)
    warn_red_at: Mapped[float | None] = mapped_column(Float)
    satisfied: Mapped[bool | None] = mapped_column(Boolean)
    immediate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    replied_at: Mapped[float | None] = mapped_column(Float)
    closed_at: Mapped[float | None] = mapped_column(Float)
    #: description and every note: what full-text search reads (FTS5 / pg_trgm, migration 0005)
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "caller", "state")


class WorkOrderSequenceRow(Base):
    """The last order number handed out per day: ids stay unique whoever takes orders."""

    __tablename__ = "work_order_sequences"
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class WorkOrderHistoryRow(Base):
    """A step in a work order's life."""

    __tablename__ = "work_order_history"
    __table_args__ = (Index("ix_work_order_history_order", "order_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"))
    at: Mapped[float] = mapped_column(Float)
    by: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(32), default="", server_default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "order_id", "action", "at")


# --- dunning ---------------------------------------------------------------------------------


class DunningAccountRow(Base):
    """A subscriber account dunning can call."""

    __tablename__ = "dunning_accounts"
    __table_args__ = (Index("ix_dunning_accounts_phone", "phone"),)
    account: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str] = mapped_column(String(32))
    suspension: Mapped[str] = mapped_column(String(16), default="none")
    updated_at: Mapped[float] = mapped_column(Float, default=0.0)
    # issue 17 (0007): VIPs to the manual seat, do-not-call, stage, promise to pay
    level: Mapped[str] = mapped_column(String(16), default="normal", server_default="normal")
    do_not_call: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    stage: Mapped[str] = mapped_column(String(16), default="none", server_default="none")
    promise_date: Mapped[str] = mapped_column(String(10), default="", server_default="")
    promise_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    def __repr__(self) -> str:
        return _repr(self, "account", "phone", "suspension")


class BillRow(Base):
    """A monthly bill, amounts in fen."""

    __tablename__ = "bills"
    __table_args__ = (Index("ix_bills_account_period", "account", "period", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(
        ForeignKey("dunning_accounts.account", ondelete="CASCADE")
    )
    period: Mapped[str] = mapped_column(String(7))
    amount_fen: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[float] = mapped_column(Float)
    paid_fen: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return _repr(self, "id", "account", "period", "amount_fen", "paid_fen")


class PaymentRow(Base):
    """A payment against an account (and optionally one bill)."""

    __tablename__ = "payments"
    __table_args__ = (
        Index("ix_payments_account", "account"),
        Index("ix_payments_reference", "reference", unique=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(
        ForeignKey("dunning_accounts.account", ondelete="CASCADE")
    )
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bills.id", ondelete="SET NULL"))
    amount_fen: Mapped[int] = mapped_column(Integer)
    paid_at: Mapped[float] = mapped_column(Float)
    channel: Mapped[str] = mapped_column(String(32), default="")
    #: the bank / billing reference (0007): a file imported twice credits nothing twice
    reference: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self) -> str:
        return _repr(self, "id", "account", "amount_fen")


class DunningAttemptRow(Base):
    """One dunning call attempt."""

    __tablename__ = "dunning_attempts"
    __table_args__ = (
        Index("ix_dunning_attempts_account_at", "account", "at"),
        Index("ix_dunning_attempts_slot", "account", "day", "kind", "slot", unique=True),
        Index("ix_dunning_attempts_day", "day"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(
        ForeignKey("dunning_accounts.account", ondelete="CASCADE")
    )
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bills.id", ondelete="SET NULL"))
    at: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(64), default="")
    call_id: Mapped[str | None] = mapped_column(String(64))
    by: Mapped[str] = mapped_column(String(64), default="")
    # 0007: the local day and attempt number (unique: never dialed twice), end, note
    day: Mapped[str] = mapped_column(String(10), default="", server_default="")
    slot: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    ended_at: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(256), default="", server_default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "account", "at", "result")


class SuspensionFileRow(Base):
    """A suspension / restore file written for network management, once per kind and day."""

    __tablename__ = "dunning_files"
    __table_args__ = (Index("ix_dunning_files_kind_day", "kind", "day", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    day: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[float] = mapped_column(Float)
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    def __repr__(self) -> str:
        return _repr(self, "id", "kind", "day")


class DunningStateRow(Base):
    """The campaign's state that must survive a restart (running / paused, days planned)."""

    __tablename__ = "dunning_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[float] = mapped_column(Float, default=0.0)


# --- maintenance -----------------------------------------------------------------------------


class LinkTestRow(Base):
    """A finished line / link / fax / IVR test."""

    __tablename__ = "link_test_results"
    __table_args__ = (
        Index("ix_link_test_results_target_at", "target", "at"),
        Index("ix_link_test_results_board_at", "board", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    passed: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[float] = mapped_column(Float)
    detail: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(64), default="")
    board: Mapped[str] = mapped_column(String(64), default="", server_default="")
    test_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    measured: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")

    def __repr__(self) -> str:
        return _repr(self, "id", "target", "kind", "passed")


# --- reports (issue 18) ----------------------------------------------------------------------


class AgentStateLogRow(Base):
    """One agent state change as the switch reported it: the per-agent report figures (talk,
    hold, after-call work, not ready by reason, forced changes) are integrated from these."""

    __tablename__ = "agent_state_log"
    __table_args__ = (
        Index("ix_agent_state_log_at", "at"),
        Index("ix_agent_state_log_agent_at", "agent", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agent: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[float] = mapped_column(Float)
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    by: Mapped[str] = mapped_column(String(64), default="")

    def __repr__(self) -> str:
        return _repr(self, "id", "agent", "state", "at")


class ReportRow(Base):
    """A generated periodic report (定期通报): its figures as computed, one per period."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_kind_start", "kind", "start", unique=True),
        Index("ix_reports_generated", "generated_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    period_key: Mapped[str] = mapped_column(String(16))
    start: Mapped[float] = mapped_column(Float)
    end: Mapped[float] = mapped_column(Float)
    generated_at: Mapped[float] = mapped_column(Float)
    generated_by: Mapped[str] = mapped_column(String(64), default="")
    figures: Mapped[dict[str, Any]] = mapped_column(default=dict)

    def __repr__(self) -> str:
        return _repr(self, "id", "kind", "period_key")
