"""Complaint work orders and their history; transitions follow the S2 life cycle."""

from __future__ import annotations

import time

from sqlalchemy import select

from models.complaints import (
    TRANSITIONS,
    WorkOrder,
    WorkOrderHistory,
    WorkOrderState,
    can_transition,
)
from models.persistence.convert import InvalidQuery, NotFound, row_values, to_domain
from models.persistence.database import Database, DatabaseError
from models.persistence.schema import WorkOrderHistoryRow, WorkOrderRow


class InvalidTransition(DatabaseError):
    """A work order cannot move to the asked-for state from where it is."""


class WorkOrderRepository:
    """Create, move and annotate work orders; each step is one transaction with its history."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, order: WorkOrder, by: str, at: float | None = None) -> WorkOrder:
        """Accept (受理) a complaint; returns it with its id."""
        now = time.time() if at is None else at
        order.state = WorkOrderState.ACCEPTED
        order.created_at = order.created_at or now
        order.updated_at = now
        order.created_by = order.created_by or by
        with self.db.begin() as s:
            values = row_values(WorkOrderRow, order)
            values.pop("id", None)
            row = WorkOrderRow(**values)
            s.add(row)
            s.flush()
            s.add(
                WorkOrderHistoryRow(
                    order_id=row.id, at=now, by=by, action=str(WorkOrderState.ACCEPTED),
                    from_state=None, to_state=str(WorkOrderState.ACCEPTED), note="",
                )
            )
            order.id = row.id
        return order

    def transition(
        self, order_id: int, new_state: WorkOrderState, by: str, note: str = "",
        at: float | None = None, **fields: str,
    ) -> WorkOrder:
        """Move an order (派发, 回复, 归档 …), setting e.g. ``department`` on the way."""
        now = time.time() if at is None else at
        unknown = set(fields) - {
            "department", "responsibility_cause", "responsible_department", "region",
        }
        if unknown:
            raise InvalidQuery(f"work order fields {sorted(unknown)} cannot be set on a transition")
        with self.db.begin() as s:
            row = s.get(WorkOrderRow, order_id)
            if row is None:
                raise NotFound(f"no work order {order_id}")
            old = WorkOrderState(row.state)
            if not can_transition(old, new_state):
                allowed = ", ".join(sorted(TRANSITIONS[old])) or "nothing (archived)"
                raise InvalidTransition(
                    f"work order {order_id} is {old}; it can go to {allowed}, not {new_state}"
                )
            row.state = str(new_state)
            row.updated_at = now
            for key, value in fields.items():
                setattr(row, key, value)
            s.add(
                WorkOrderHistoryRow(
                    order_id=order_id, at=now, by=by, action=str(new_state),
                    from_state=str(old), to_state=str(new_state), note=note,
                )
            )
            s.flush()
            return to_domain(WorkOrder, row)

    def add_note(self, order_id: int, by: str, note: str, at: float | None = None) -> None:
        """添加中途意见: an interim note that does not change the state."""
        with self.db.begin() as s:
            if s.get(WorkOrderRow, order_id) is None:
                raise NotFound(f"no work order {order_id}")
            s.add(
                WorkOrderHistoryRow(
                    order_id=order_id, at=time.time() if at is None else at, by=by,
                    action="note", from_state=None, to_state=None, note=note,
                )
            )

    def get(self, order_id: int) -> WorkOrder | None:
        with self.db.read() as s:
            row = s.get(WorkOrderRow, order_id)
            return None if row is None else to_domain(WorkOrder, row)

    def search(
        self, state: WorkOrderState | None = None, caller: str | None = None, limit: int = 100
    ) -> list[WorkOrder]:
        """投诉查询: newest first."""
        query = select(WorkOrderRow)
        if state is not None:
            query = query.where(WorkOrderRow.state == str(state))
        if caller is not None:
            query = query.where(WorkOrderRow.caller == caller)
        query = query.order_by(WorkOrderRow.created_at.desc(), WorkOrderRow.id.desc())
        with self.db.read() as s:
            return [to_domain(WorkOrder, r) for r in s.scalars(query.limit(limit))]

    def history(self, order_id: int) -> list[WorkOrderHistory]:
        query = (
            select(WorkOrderHistoryRow)
            .where(WorkOrderHistoryRow.order_id == order_id)
            .order_by(WorkOrderHistoryRow.at, WorkOrderHistoryRow.id)
        )
        with self.db.read() as s:
            return [to_domain(WorkOrderHistory, r) for r in s.scalars(query)]
