"""A complaint work order and a step of its history, as the repository returns them."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.complaints.lifecycle import DESK, OrderView, WorkOrderState


@dataclass(slots=True)
class WorkOrder:
    """One complaint from intake to archive (the wire dict adds remaining_s and warning)."""

    id: str  # TS20261130-0001
    caller: str
    customer_level: str
    channel: str
    classification: str
    description: str
    state: WorkOrderState = WorkOrderState.ACCEPTED
    cause: str = ""
    responsible_department: str = ""
    holder_department: str = DESK
    priority: str = "normal"
    cross_region: bool = False
    error_class: str = ""
    attachments: list[str] = field(default_factory=list)
    call_id: str | None = None
    ivr_trail: list[str] = field(default_factory=list)
    area: str = ""
    version: int = 1
    created_at: float = 0.0
    created_by: str = ""
    updated_at: float = 0.0
    updated_by: str = ""
    due_at: float | None = None
    #: level -> the moment the order reaches it (black = due_at)
    level_at: dict[str, float] = field(default_factory=dict)
    satisfied: bool | None = None
    immediate: bool = False
    replied_at: float | None = None
    closed_at: float | None = None

    def view(self) -> OrderView:
        return OrderView(self.id, self.state, self.holder_department, self.priority,
                         self.immediate, self.satisfied, self.replied_at)


@dataclass(slots=True)
class HistoryEntry:
    """A step in an order's life: a transition, a note or an urge (actor, time, note)."""

    at: float
    by: str
    role: str
    action: str
    from_state: str | None
    to_state: str | None
    note: str = ""
