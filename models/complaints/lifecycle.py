"""The S2 life cycle of a complaint work order as a pure state machine with role rules.

Every step is decided here — never in the service or the console — so the refusal a
department gets over ``ctl`` reads the same as the one the console shows. A step returns
the field changes and the history entry; the repository writes both in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: the quality-inspection desk's name as a holder (质检台)
DESK = "质检台"


class WorkOrderState(StrEnum):
    """Where an order is; labels are the floor's Chinese terms."""

    ACCEPTED = "accepted"  # 已受理: at the desk, not yet dispatched or answered
    DISPATCHED = "dispatched"  # 已派发: a department works on it
    RETURNED = "returned"  # 已退回: the department sent it back to the desk with a reason
    REPLIED = "replied"  # 已回复: the customer is to be asked whether satisfied
    FEEDBACK = "feedback"  # 已反馈: the customer answered (satisfied or not)
    REPROCESSING = "reprocessing"  # 再处理: not satisfied, back at the desk to dispatch again
    ARCHIVED = "archived"  # 已归档: the loop is closed


class Action(StrEnum):
    REPLY_NOW = "reply_now"  # 立即答复
    DISPATCH = "dispatch"  # 派发
    NOTE = "note"  # 中途意见
    RETURN = "return"  # 退回
    REPLY = "reply"  # 回复
    FEEDBACK = "feedback"  # 客户反馈
    ARCHIVE = "archive"  # 归档
    REPROCESS = "reprocess"  # 再处理
    URGE = "urge"  # 催办


S, A = WorkOrderState, Action
STATE_LABELS_ZH = {
    S.ACCEPTED: "已受理", S.DISPATCHED: "已派发", S.RETURNED: "已退回", S.REPLIED: "已回复",
    S.FEEDBACK: "已反馈", S.REPROCESSING: "再处理", S.ARCHIVED: "已归档",
}
ACTION_LABELS_ZH = {
    A.REPLY_NOW: "立即答复", A.DISPATCH: "派发", A.NOTE: "中途意见", A.RETURN: "退回",
    A.REPLY: "回复", A.FEEDBACK: "客户反馈", A.ARCHIVE: "归档", A.REPROCESS: "再处理",
    A.URGE: "催办",
}
OPEN_STATES = frozenset(S) - {S.ARCHIVED}
#: states in which the deadline clock runs (nobody has answered the customer yet)
RUNNING_STATES = frozenset({S.ACCEPTED, S.DISPATCHED, S.RETURNED, S.REPROCESSING})
#: action -> the states it may start from (``None`` target: the state stays)
MOVES: dict[Action, tuple[frozenset[WorkOrderState], WorkOrderState | None]] = {
    A.REPLY_NOW: (frozenset({S.ACCEPTED}), S.REPLIED),
    A.DISPATCH: (frozenset({S.ACCEPTED, S.RETURNED, S.REPROCESSING}), S.DISPATCHED),
    A.NOTE: (OPEN_STATES, None),
    A.RETURN: (frozenset({S.DISPATCHED}), S.RETURNED),
    A.REPLY: (frozenset({S.DISPATCHED, S.RETURNED}), S.REPLIED),
    A.FEEDBACK: (frozenset({S.REPLIED}), S.FEEDBACK),
    A.ARCHIVE: (frozenset({S.FEEDBACK, S.REPLIED}), S.ARCHIVED),
    A.REPROCESS: (frozenset({S.FEEDBACK}), S.REPROCESSING),
    A.URGE: (OPEN_STATES, None),
}
#: where each state may go next (derived from MOVES; the sketch's name, kept for imports)
TRANSITIONS: dict[WorkOrderState, frozenset[WorkOrderState]] = {
    state: frozenset(
        target for starts, target in MOVES.values() if target is not None and state in starts
    )
    for state in S
}
PRIORITIES = ("normal", "high", "urgent")

#: roles (models.security.Role values) and the actions each may take in general
AGENT, DESK_ROLE, DEPARTMENT = "agent", "quality_inspector", "department"
EVERYTHING = frozenset({"supervisor", "admin"})
ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    AGENT: frozenset({A.REPLY_NOW, A.FEEDBACK, A.ARCHIVE, A.URGE}),
    DESK_ROLE: frozenset({A.REPLY_NOW, A.DISPATCH, A.NOTE, A.REPLY, A.FEEDBACK, A.ARCHIVE,
                          A.REPROCESS, A.URGE}),
    DEPARTMENT: frozenset({A.NOTE, A.RETURN, A.REPLY, A.URGE}),
    "floor_manager": frozenset({A.URGE}),
    **{role: frozenset(A) for role in EVERYTHING},
}
#: roles that may accept (受理) a complaint
ACCEPTING_ROLES = frozenset({AGENT, DESK_ROLE, *EVERYTHING})
#: roles that may read orders at all
VIEWING_ROLES = frozenset(ROLE_ACTIONS)
_WHO = {
    A.REPLY_NOW: "agents and the quality desk answer at once",
    A.DISPATCH: "the quality desk (质检台) dispatches",
    A.NOTE: "the holding department and the desk add notes",
    A.RETURN: "the holding department returns",
    A.REPLY: "the holding department replies",
    A.FEEDBACK: "agents and the desk record the customer's feedback",
    A.ARCHIVE: "the quality desk archives",
    A.REPROCESS: "the quality desk sends it for reprocessing",
    A.URGE: "any complaint role may urge",
}


class Refused(Exception):
    """An action that may not happen: ``code`` is a protocol error code, the text says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Actor:
    username: str
    role: str
    department: str = ""


@dataclass(slots=True)
class OrderView:
    """The fields the rules read (the repository's order has these and more)."""

    id: str
    state: WorkOrderState
    holder_department: str = DESK
    priority: str = "normal"
    immediate: bool = False
    satisfied: bool | None = None
    replied_at: float | None = None


@dataclass(slots=True)
class Step:
    """A decided action: the field changes and the history entry to write."""

    action: Action
    from_state: WorkOrderState
    to_state: WorkOrderState
    changes: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def can_transition(old: WorkOrderState, new: WorkOrderState) -> bool:
    """Whether any action moves an order from ``old`` to ``new``."""
    return new in TRANSITIONS[old]


def _refuse_state(order: OrderView, action: Action) -> Refused:
    if order.state is S.ARCHIVED:
        return Refused("invalid_operation", f"{order.id} is archived: nothing can change it")
    starts = MOVES[action][0]
    allowed = ", ".join(s.value for s in S if s in starts)
    return Refused("invalid_operation",
                   f"{order.id} is {order.state.value}: {action.value} is only possible when "
                   f"it is {allowed}")


def check_role(order: OrderView, action: Action, actor: Actor) -> None:
    """Raise ``forbidden`` unless ``actor`` may take ``action`` on ``order`` now."""
    if action not in ROLE_ACTIONS.get(actor.role, frozenset()):
        raise Refused("forbidden",
                      f"role {actor.role!r} may not {action.value}: {_WHO[action]}")
    if actor.role == DEPARTMENT and action is not A.URGE:
        if not actor.department:
            raise Refused("forbidden", f"user {actor.username!r} belongs to no department")
        if order.holder_department != actor.department:
            raise Refused("forbidden",
                          f"{order.id} is held by {order.holder_department}, not by your "
                          f"department {actor.department}")
    if actor.role == AGENT and action is A.ARCHIVE and not order.immediate:
        raise Refused("forbidden", "agents archive only what they answered at once; "
                                   "the quality desk archives the rest")
    if actor.role == DESK_ROLE and action is A.REPLY and order.state is not S.RETURNED:
        raise Refused("forbidden", f"{order.id} is with {order.holder_department}: the "
                                   "department replies")


def decide(
    order: OrderView,
    action: str,
    actor: Actor,
    now: float,
    *,
    note: str = "",
    department: str = "",
    satisfied: bool | None = None,
    departments: frozenset[str] | None = None,
) -> Step:
    """What ``action`` by ``actor`` does to ``order`` at ``now``, or :class:`Refused`."""
    try:
        act = Action(action)
    except ValueError:
        names = ", ".join(a.value for a in A)
        raise Refused("bad_request", f"unknown action {action!r} (one of {names})") from None
    starts, target = MOVES[act]
    if order.state not in starts:
        raise _refuse_state(order, act)
    check_role(order, act, actor)
    note = note.strip()
    changes: dict[str, Any] = {}
    if act is A.DISPATCH:
        department = department.strip()
        if not department:
            raise Refused("bad_request", "dispatch needs a department")
        if department == DESK:
            raise Refused("bad_request", "dispatch sends an order to a department, not the desk")
        if departments is not None and department not in departments:
            raise Refused("bad_request", f"unknown department {department!r} "
                                         "(complaints.catalogue lists them)")
        changes["holder_department"] = department
    elif act in (A.RETURN, A.REPLY, A.REPLY_NOW, A.NOTE) and not note:
        need = {A.RETURN: "a reason (not ours, incomplete …)", A.NOTE: "the note"}
        raise Refused("bad_request", f"{act.value} needs {need.get(act, 'the answer')} in 'note'")
    if act is A.RETURN:
        changes["holder_department"] = DESK
    elif act in (A.REPLY, A.REPLY_NOW):
        changes.update(holder_department=DESK, immediate=act is A.REPLY_NOW)
        if order.replied_at is None:
            changes["replied_at"] = now
    elif act is A.FEEDBACK:
        if not isinstance(satisfied, bool):
            raise Refused("bad_request", "feedback needs 'satisfied': true or false")
        changes["satisfied"] = satisfied
    elif act is A.ARCHIVE:
        if order.state is S.REPLIED and not order.immediate:
            raise Refused("invalid_operation",
                          f"{order.id} was replied by a department: record the customer's "
                          "feedback before archiving")
        if order.state is S.FEEDBACK and order.satisfied is not True:
            raise Refused("invalid_operation",
                          f"the customer is not satisfied with {order.id}: reprocess it")
        changes["closed_at"] = now
    elif act is A.REPROCESS:
        if order.satisfied is not False:
            raise Refused("invalid_operation",
                          f"the customer is satisfied with {order.id}: archive it")
        changes.update(holder_department=DESK, immediate=False)
    elif act is A.URGE:
        rank = PRIORITIES.index(order.priority) if order.priority in PRIORITIES else 0
        changes["priority"] = PRIORITIES[min(rank + 1, len(PRIORITIES) - 1)]
    return Step(act, order.state, target or order.state, changes, note)


def allowed_actions(order: OrderView, actor: Actor) -> list[str]:
    """The actions ``actor`` may take on ``order`` now (arguments aside)."""
    out = []
    for act, (starts, _) in MOVES.items():
        if order.state not in starts:
            continue
        try:
            check_role(order, act, actor)
        except Refused:
            continue
        if act is A.ARCHIVE and not (
            (order.state is S.FEEDBACK and order.satisfied is True)
            or (order.state is S.REPLIED and order.immediate)
        ):
            continue
        if act is A.REPROCESS and order.satisfied is not False:
            continue
        out.append(act.value)
    return out
