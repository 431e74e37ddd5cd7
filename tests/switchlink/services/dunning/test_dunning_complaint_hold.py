"""A charge complaint stored by the complaints capability holds dunning for its caller; an
order about something else does not (the wiring of services["complaints"])."""

from __future__ import annotations

from types import SimpleNamespace

from models.complaints.order import WorkOrder
from models.dunning.complaint_hold import held_numbers
from models.persistence.complaints import WorkOrderRepository
from models.persistence.database import Database
from switchlink.services.dunning.setup import complaint_orders


def test_open_charge_complaints_from_the_complaints_desk(db: Database) -> None:
    repo = WorkOrderRepository(db)
    for caller, path in (("13800000001", "话费查询/话费争议"), ("13800000002", "网络质量/信号差")):
        repo.create(WorkOrder("", caller, "normal", "hotline", path, "投诉内容", created_at=1.0,
                              due_at=1e10), day="20260221", role="desk")
    orders = complaint_orders({"complaints": SimpleNamespace(db=db)})
    assert held_numbers(orders()) == frozenset({"13800000001"})
    assert list(complaint_orders({})()) == []
