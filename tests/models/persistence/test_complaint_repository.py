"""Work orders in the database, on SQLite and PostgreSQL: readable ids, the life cycle with
its history, optimistic versions, search (filters and full text), warnings and the report."""

from __future__ import annotations

import threading

import pytest

from models.complaints import Actor, WorkOrderState, decide
from models.complaints.order import WorkOrder
from models.persistence.complaints import OrderQuery, StaleOrder, WorkOrderRepository
from models.persistence.convert import NotFound
from models.persistence.database import Database

T0 = 1_796_000_000.0
DESK = Actor("dora", "quality_inspector")
BILLING = Actor("bill", "department", "计费中心")


def new(repo: WorkOrderRepository, description: str = "charged twice for broadband",
        classification: str = "话费查询/扣费异常", at: float = T0, area: str = "0571",
        by: str = "amy") -> WorkOrder:
    order = WorkOrder(id="", caller="13800000001", customer_level="normal", channel="hotline",
                      classification=classification, description=description, area=area,
                      created_at=at, created_by=by, due_at=at + 1000,
                      level_at={"yellow": at + 500, "orange": at + 750, "red": at + 900,
                                "black": at + 1000})
    return repo.create(order, day="20261130", role="agent")


def act(repo: WorkOrderRepository, order: WorkOrder, action: str, actor: Actor, at: float,
        **kw: object) -> WorkOrder:
    done, _ = repo.act(order.id, order.version,
                       lambda o: decide(o.view(), action, actor, at, **kw),  # type: ignore
                       by=actor.username, role=actor.role, at=at)
    return done


def test_ids_are_readable_and_unique_per_day(db: Database) -> None:
    repo = WorkOrderRepository(db)
    assert [new(repo).id for _ in range(3)] == [
        "TS20261130-0001", "TS20261130-0002", "TS20261130-0003"]
    other = repo.create(WorkOrder(id="", caller="1", customer_level="vip", channel="web",
                                  classification="其他", description="x", created_at=T0,
                                  created_by="a"), day="20261201", role="agent")
    assert other.id == "TS20261201-0001"


def test_ids_stay_unique_when_taken_at_once(db: Database) -> None:
    repo = WorkOrderRepository(db)
    ids: list[str] = []
    errors: list[BaseException] = []

    def take() -> None:
        try:
            for _ in range(10):
                ids.append(new(repo).id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(set(ids)) == 40


def test_life_cycle_history_and_stale_versions(db: Database) -> None:
    repo = WorkOrderRepository(db)
    order = new(repo)
    order = act(repo, order, "dispatch", DESK, T0 + 1, department="计费中心")
    assert (order.version, order.holder_department) == (2, "计费中心")
    old = order
    order = act(repo, order, "note", BILLING, T0 + 2, note="账单核对中 ledger check")
    with pytest.raises(StaleOrder) as exc:
        act(repo, old, "return", BILLING, T0 + 3, note="not ours")
    assert (exc.value.version, exc.value.sent, exc.value.by) == (3, 2, "bill")
    order = act(repo, order, "reply", BILLING, T0 + 4, note="refunded")
    order = act(repo, order, "feedback", DESK, T0 + 5, satisfied=True)
    order = act(repo, order, "archive", DESK, T0 + 6)
    assert order.state is WorkOrderState.ARCHIVED and order.closed_at == T0 + 6
    assert order.replied_at == T0 + 4 and order.satisfied is True
    history = repo.history(order.id)
    assert [(h.action, h.by, h.role) for h in history] == [
        ("accept", "amy", "agent"), ("dispatch", "dora", "quality_inspector"),
        ("note", "bill", "department"), ("reply", "bill", "department"),
        ("feedback", "dora", "quality_inspector"), ("archive", "dora", "quality_inspector")]
    assert history[2].note == "账单核对中 ledger check"
    with pytest.raises(NotFound):
        repo.act("TS1", 1, lambda o: decide(o.view(), "urge", DESK, 1.0), by="x", role="y",
                 at=1.0)


def test_search_filters_and_full_text_over_notes(db: Database) -> None:
    repo = WorkOrderRepository(db)
    a = new(repo, "宽带装机三天未上门", "业务办理/宽带/装机", at=T0)
    b = new(repo, "话费多扣了三十元", "话费查询/扣费异常", at=T0 + 10, by="bob")
    new(repo, "停电两小时 100% outage", "故障报修/停电", at=T0 + 20)
    act(repo, b, "dispatch", DESK, T0 + 30, department="计费中心")
    b = repo.get(b.id)  # type: ignore[assignment]
    act(repo, b, "note", BILLING, T0 + 40, note="已联系客户, 账单核查中")

    def ids(**kw: object) -> list[str]:
        total, rows = repo.search(OrderQuery(**kw), now=T0 + 50)  # type: ignore[arg-type]
        assert total == len(rows)
        return [r.id for r in rows]

    assert ids() == [o for o in ids()] and len(ids()) == 3
    assert ids(classification="业务办理") == [a.id]
    assert ids(classification="业务办理/宽带/装机") == [a.id]
    assert ids(classification="业务") == []  # a path prefix, not a text prefix
    assert ids(text="账单核查") == [b.id]  # a note
    assert ids(text="宽带装机") == [a.id]  # a description
    assert ids(text="三") == sorted([a.id, b.id], reverse=True)  # short: LIKE
    assert ids(text="100%") == [ids()[0]]  # wildcards are literal
    assert ids(department="计费中心") == [b.id]
    assert ids(created_by="bob") == [b.id]
    assert ids(state="dispatched") == [b.id]
    assert ids(since=T0 + 5, until=T0 + 15) == [b.id]
    total, page = repo.search(OrderQuery(limit=1, offset=1), now=T0)
    assert total == 3 and [p.id for p in page] == [b.id]


def test_warnings_and_report(db: Database) -> None:
    repo = WorkOrderRepository(db)
    o1 = new(repo, at=T0)  # yellow at +500 … black at +1000
    new(repo, at=T0 + 300)
    done = new(repo, at=T0)
    done = act(repo, done, "reply_now", DESK, T0 + 10, note="answered on the phone")
    w = repo.warnings(T0 + 600)
    assert w["counts"] == {"yellow": 1, "orange": 0, "red": 0, "black": 0}
    assert w["orders"]["yellow"] == [o1.id]
    w = repo.warnings(T0 + 1100)
    assert w["counts"] == {"yellow": 0, "orange": 1, "red": 0, "black": 1}  # +800, +1100
    _, rows = repo.search(OrderQuery(warning="black"), now=T0 + 1100)
    assert [r.id for r in rows] == [o1.id]
    act(repo, done, "feedback", DESK, T0 + 20, satisfied=False)
    report = repo.report(T0 - 1, T0 + 1000, now=T0 + 1100)
    row = report["by_classification"][0]
    assert row["key"] == "话费查询/扣费异常" and row["count"] == 3
    assert row["replied"] == 1 and row["on_time"] == 1
    assert row["on_time_rate"] == pytest.approx(1 / 2)  # one on time, one open and overdue
    assert row["satisfaction_rate"] == 0.0
