"""Complaint work orders (投诉工单) and their S2 life cycle."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WorkOrderState(StrEnum):
    """S2 complaint functions as states; labels are the UI's Chinese terms."""

    ACCEPTED = "accepted"  # 受理
    DISPATCHED = "dispatched"  # 派发
    REPLIED = "replied"  # 回复
    FEEDBACK = "feedback"  # 反馈 (customer satisfied?)
    ARCHIVED = "archived"  # 归档 (closes the loop)
    REPROCESSING = "reprocessing"  # 再处理 (customer not satisfied)
    RETURNED = "returned"  # 退回 (not ours / incomplete, with a reason)
    URGED = "urged"  # 催办 (late or more important)


S = WorkOrderState
#: Where each state may go next; 催办 can be applied to any open order.
TRANSITIONS: dict[WorkOrderState, frozenset[WorkOrderState]] = {
    S.ACCEPTED: frozenset({S.DISPATCHED, S.REPLIED, S.ARCHIVED, S.RETURNED}),
    S.DISPATCHED: frozenset({S.REPLIED, S.RETURNED, S.URGED}),
    S.URGED: frozenset({S.REPLIED, S.RETURNED, S.URGED}),
    S.RETURNED: frozenset({S.ACCEPTED, S.DISPATCHED, S.ARCHIVED}),
    S.REPLIED: frozenset({S.FEEDBACK, S.DISPATCHED}),
    S.FEEDBACK: frozenset({S.ARCHIVED, S.REPROCESSING}),
    S.REPROCESSING: frozenset({S.DISPATCHED, S.REPLIED, S.URGED}),
    S.ARCHIVED: frozenset(),
}


def can_transition(old: WorkOrderState, new: WorkOrderState) -> bool:
    """Whether a work order may move from ``old`` to ``new``."""
    return new in TRANSITIONS[old]


@dataclass(slots=True)
class WorkOrder:
    """One complaint from intake to archive."""

    caller: str
    category: str  # 服务请求分类
    content: str
    state: WorkOrderState = WorkOrderState.ACCEPTED
    customer_level: str = "normal"
    channel: str = "hotline"  # hotline, letter, visit, web
    department: str = ""  # the department it is dispatched to
    responsibility_cause: str = ""  # 责任原因
    responsible_department: str = ""  # 责任部门
    region: str = ""  # cross-region complaints name the other region
    call_id: str | None = None
    created_at: float = 0.0
    due_at: float | None = None
    updated_at: float = 0.0
    created_by: str = ""
    id: int | None = None


@dataclass(slots=True)
class WorkOrderHistory:
    """A step in a work order's life: a transition or an interim note (添加中途意见)."""

    order_id: int
    at: float
    by: str
    action: str  # a WorkOrderState value, or "note"
    from_state: WorkOrderState | None = None
    to_state: WorkOrderState | None = None
    note: str = ""
    id: int | None = None
