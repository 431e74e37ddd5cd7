"""The complaint figures both complaints.report and the periodic reports answer with."""

from __future__ import annotations

from models.complaints.figures import ComplaintFact, report, tally


def fact(replied: float | None, due: float | None = 100.0, *, satisfied: bool | None = None,
         classification: str = "billing", department: str = "IT") -> ComplaintFact:
    return ComplaintFact(classification=classification, cause="", department=department,
                         due_at=due, replied_at=replied, satisfied=satisfied)


def test_on_time_is_the_first_reply_by_the_deadline_of_replied_and_open_past_due() -> None:
    orders = [fact(90), fact(110), fact(None), fact(None, due=300), fact(None, due=None)]
    t = tally(orders, now=200)
    # replied: 90 (on time), 110 (late); open past due: the one due at 100; the one due at
    # 300 and the one with no deadline are not judged yet
    assert (t.count, t.replied, t.on_time, t.overdue_open) == (5, 2, 1, 1)
    assert t.row("billing")["on_time_rate"] == 1 / 3


def test_a_reply_after_now_is_not_yet_a_reply() -> None:
    """Judged as of the period's end, a reply made later does not change the report."""
    t = tally([fact(150)], now=120)
    assert (t.replied, t.overdue_open) == (0, 1)
    assert t.row("x")["on_time_rate"] == 0.0


def test_groups_most_orders_first_and_rates_none_when_nothing_to_rate() -> None:
    rows = report([fact(None, due=500, department="ops"), fact(50, satisfied=True),
                   fact(60, satisfied=False)], now=200)
    assert [(r["key"], r["count"]) for r in rows["by_department"]] == [("IT", 2), ("ops", 1)]
    ops = rows["by_department"][1]
    assert ops["on_time_rate"] is None and ops["satisfaction_rate"] is None
    assert rows["by_department"][0]["satisfaction_rate"] == 0.5
