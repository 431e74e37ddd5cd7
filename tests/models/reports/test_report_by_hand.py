"""A day's report against figures worked out by hand from a built history.

The history (call records, agent states, alarm log, audit trail, complaint work orders) is
written to a real database through the repositories, read back by ``ReportHistory`` and
computed by ``compute_report``: the same path the daemon's report desk takes.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from models.alarmlog import AlarmLogEntry
from models.calls import CallOutcome, CustomerLevel, Direction
from models.persistence.alarms import AlarmRepository
from models.persistence.calls import CallRepository
from models.persistence.complaints import WorkOrderRepository
from models.persistence.database import Database, open_database
from models.persistence.reports import AgentStateRepository, ReportHistory
from models.persistence.schema import AuditRow, WorkOrderHistoryRow, WorkOrderRow
from models.records import CallRecord
from models.reports.compute import compute_report
from models.reports.periods import period_named
from models.reports.records import AgentStateEntry

TZ = timezone(timedelta(hours=8))


def at(text: str) -> float:
    """``"09:00:05"`` on 2026-03-02, or a full ``"2026-03-01 23:59:50"``, in UTC+8."""
    full = text if " " in text else f"2026-03-02 {text}"
    return datetime.strptime(full, "%Y-%m-%d %H:%M:%S").replace(tzinfo=TZ).timestamp()


def call(cid: str, queue: str | None, queued: str | None, answered: str | None, ended: str,
         outcome: CallOutcome, *, agent: str | None = None, hold: float = 0.0,
         vip: bool = False, arrived: str | None = None,
         direction: Direction = Direction.INBOUND) -> CallRecord:
    return CallRecord(
        call_id=cid, caller="138" + cid.rjust(8, "0"), queue=queue, agent=agent,
        customer_level=CustomerLevel.VIP if vip else CustomerLevel.NORMAL, direction=direction,
        arrived_at=at(arrived or queued or ended), queued_at=at(queued) if queued else None,
        answered_at=at(answered) if answered else None, ended_at=at(ended), outcome=outcome,
        hold_total_s=hold)


A, AB = CallOutcome.ANSWERED, CallOutcome.ABANDONED
CALLS = [
    call("c1", "billing", "09:00:05", "09:00:15", "09:04:15", A, agent="1001", hold=40,
         arrived="09:00:00"),
    call("c2", "billing", "09:10:00", None, "09:10:03", AB),  # a short abandon
    call("c3", "billing", "09:20:00", None, "09:20:40", AB, vip=True),
    call("c4", "billing", "10:00:00", "10:00:25", "10:02:25", A, agent="1002", vip=True),
    call("c5", "fault", "11:00:00", "11:00:18", "11:05:18", A, agent="1001"),
    call("c6", None, None, None, "12:00:00", CallOutcome.BLOCKED),
    call("c7", None, None, None, "12:01:00", CallOutcome.BUSY),
    call("c8", None, None, "13:00:00", "13:05:00", A, agent="1002", arrived="12:59:50",
         direction=Direction.OUTBOUND),
    # queued the day before: not this day's
    call("c9", "billing", "2026-03-01 23:59:50", "00:00:05", "00:01:00", A, agent="1002"),
    # queued this day, answered after midnight: this day's
    call("c10", "billing", "23:59:58", "2026-03-03 00:00:10", "2026-03-03 00:02:10", A,
         agent="1002", arrived="23:59:50"),
]


def state(agent: str, t: str, name: str, reason: str = "", forced: bool = False,
          by: str = "") -> AgentStateEntry:
    return AgentStateEntry(agent=agent, state=name, at=at(t), reason=reason, forced=forced,
                           by=by)


STATES = [
    state("1002", "2026-03-01 22:00:00", "ready"),  # ready when the day starts
    state("1001", "08:00:00", "ready"),
    state("1001", "09:00:13", "ringing"), state("1001", "09:00:15", "talking"),
    state("1001", "09:01:00", "on_hold"), state("1001", "09:01:40", "talking"),
    state("1001", "09:04:15", "after_call_work"), state("1001", "09:05:15", "ready"),
    state("1002", "10:00:23", "ringing"), state("1002", "10:00:25", "talking"),
    state("1002", "10:02:25", "ready"),
    state("1001", "11:00:16", "ringing"), state("1001", "11:00:18", "talking"),
    state("1001", "11:05:18", "after_call_work"), state("1001", "11:05:48", "ready"),
    state("1001", "12:00:00", "not_ready", "lunch"),
    state("1002", "13:00:00", "talking"), state("1002", "13:05:00", "ready"),
    state("1001", "13:00:00", "ready", forced=True, by="sup1"),
    state("1001", "17:00:00", "logged_out"),
]


def alarm(aid: str, level: str, transition: str, t: str) -> AlarmLogEntry:
    return AlarmLogEntry(alarm_id=aid, rule_id="sl", level=level, transition=transition,
                         at=at(t), scope="queue:billing")


ALARMS = [
    alarm("3", "yellow", "raised", "2026-03-01 23:00:00"),  # the day before
    alarm("3", "yellow", "acknowledged", "00:10:00"),
    alarm("1", "yellow", "raised", "09:30:00"), alarm("1", "yellow", "acknowledged", "09:32:00"),
    alarm("1", "yellow", "cleared", "09:40:00"),
    alarm("2", "red", "raised", "14:00:00"), alarm("2", "black", "escalated", "14:05:00"),
    alarm("2", "black", "acknowledged", "14:10:00"),
    alarm("1", "orange", "raised", "20:00:00"),  # the id again after a restart; never acked
]


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(f"sqlite:///{tmp_path / 'reports.sqlite3'}")
    database.migrate()
    CallRepository(database).write_batch(CALLS)
    AgentStateRepository(database).record(STATES)
    alarms = AlarmRepository(database)
    for entry in ALARMS:
        alarms.log(entry)
    with database.begin() as s:
        s.add(AuditRow(at=at("10:01:00"), user="sup1", role="supervisor", action="barge",
                       target="c4", result="ok"))
        s.add(AuditRow(at=at("10:01:30"), user="sup1", role="supervisor", action="barge",
                       target="c4", result="forbidden"))  # refused: not an action received
        # the columns the complaints desk writes along the history below: order 1 replied
        # at 10:00 (due 12:00), satisfied, archived at 11:00; order 2 replied at 13:30 (due
        # 10:00: late), not satisfied, being reprocessed
        for oid, category, cause, dept, due, state, replied, satisfied, closed in (
            (1, "billing dispute", "system", "IT", "12:00:00", "archived", "10:00:00", True,
             "11:00:00"),
            (2, "billing dispute", "staff", "ops", "10:00:00", "reprocessing", "13:30:00",
             False, None),
        ):
            row = dict(id=oid, caller="13800000000", category=category, content="x",
                       state=state, customer_level="normal", channel="hotline",
                       responsibility_cause=cause, responsible_department=dept,
                       created_at=at("08:30:00"), due_at=at(due), updated_at=at("08:30:00"),
                       replied_at=at(replied), satisfied=satisfied,
                       closed_at=at(closed) if closed else None)
            if "number" in WorkOrderRow.__table__.columns:  # the complaints issue's order number
                row["number"] = f"T{oid}"
            s.add(WorkOrderRow(**row))
        s.flush()  # the orders before their history (no ORM relationship orders them)
        for oid, t, old, new in (
            (1, "10:00:00", "accepted", "replied"),
            (1, "10:30:00", "replied", "feedback"), (1, "11:00:00", "feedback", "archived"),
            (2, "13:30:00", "dispatched", "replied"),
            (2, "14:00:00", "replied", "feedback"), (2, "14:30:00", "feedback", "reprocessing"),
        ):
            s.add(WorkOrderHistoryRow(order_id=oid, at=at(t), by="desk", action="step",
                                      from_state=old, to_state=new))
    yield database
    database.close()


def day_report(db: Database) -> dict:
    period = period_named("daily", "2026-03-02", TZ)
    inputs = ReportHistory(db).inputs(period, thresholds={"billing": 15.0, "fault": 20.0})
    return compute_report(inputs)


def test_queue_figures_match_the_hand_count(db: Database) -> None:
    report = day_report(db)
    billing, fault = report["queues"]
    assert billing["queue"] == "billing" and fault["queue"] == "fault"
    # billing: c1 c2 c3 c4 c10 offered; c1 c4 c10 answered; c2 (short) c3 abandoned
    assert (billing["offered"], billing["answered"], billing["abandoned"]) == (5, 3, 2)
    assert billing["short_abandoned"] == 1
    assert billing["service_level"] == pytest.approx(2 / 4)  # c1 10 s, c10 12 s of 5 - 1
    assert billing["answer_overtime_rate"] == pytest.approx(1 / 3)  # c4 waited 25 s
    assert billing["connection_rate"] == pytest.approx(3 / 5)
    assert billing["asa_s"] == pytest.approx((10 + 25 + 12) / 3)
    # handle: c1 240 s + its 60 s after-call work, c4 120 s, c10 120 s
    assert billing["aht_s"] == pytest.approx((300 + 120 + 120) / 3)
    assert billing["talk_s"] == pytest.approx(200 + 120 + 120)
    assert billing["hold_s"] == pytest.approx(40)
    assert fault["service_level"] == 1.0  # 18 s within fault's 20 s
    assert fault["aht_s"] == pytest.approx(300 + 30)
    assert billing["levels"]["vip"]["offered"] == 2


def test_centre_figures_match_the_hand_count(db: Database) -> None:
    centre = day_report(db)["centre"]
    assert centre["arrived"] == 8  # c1..c7 and c10; c8 is outbound, c9 the day before
    assert (centre["offered"], centre["answered"], centre["abandoned"]) == (6, 4, 2)
    assert (centre["blocked"], centre["busy"]) == (1, 1)
    assert centre["service_level"] == pytest.approx(3 / 5)
    assert centre["asa_s"] == pytest.approx((10 + 25 + 12 + 18) / 4)
    assert centre["aht_s"] == pytest.approx((300 + 120 + 120 + 330) / 4)
    assert centre["system_connection_rate"] == pytest.approx(6 / 7)
    vip, normal = centre["levels"]["vip"], centre["levels"]["normal"]
    assert (vip["offered"], vip["answered"], vip["service_level"]) == (2, 1, 0.0)
    assert (normal["offered"], normal["answered"], normal["service_level"]) == (4, 3, 1.0)
    # agents: 1001 logged in 08:00-17:00, 1002 the whole day
    work = (500 + 40 + 90) + (120 + 300)
    assert centre["logged_in_s"] == pytest.approx(9 * 3600 + 86400)
    assert centre["utilisation"] == pytest.approx(work / (9 * 3600 + 86400))
    assert centre["occupancy"] == pytest.approx((work + 4 + 2) / (9 * 3600 + 86400 - 3600))


def test_agent_figures_match_the_hand_count(db: Database) -> None:
    agents = {a["agent"]: a for a in day_report(db)["agents"]}
    a = agents["1001"]
    assert a["calls"] == 2
    assert (a["talk_s"], a["hold_s"], a["acw_s"]) == pytest.approx((500, 40, 90))
    assert a["ringing_s"] == pytest.approx(4)
    assert a["not_ready_by_reason"] == {"lunch": pytest.approx(3600)}
    assert a["logged_in_s"] == pytest.approx(9 * 3600)
    assert a["forced"] == {"force_ready": 1}
    b = agents["1002"]
    assert b["calls"] == 3  # c4, the outbound c8, c10 (queued this day)
    assert b["talk_s"] == pytest.approx(120 + 300)
    assert b["logged_in_s"] == pytest.approx(86400)
    assert b["forced"] == {"barge": 1}  # the refused barge is not counted


def test_alarms_per_level_with_time_to_acknowledge(db: Database) -> None:
    levels = {row["level"]: row for row in day_report(db)["alarms"]["levels"]}
    assert day_report(db)["alarms"]["total"] == 3
    assert (levels["yellow"]["raised"], levels["yellow"]["mean_ack_s"]) == (1, 120)
    assert (levels["orange"]["raised"], levels["orange"]["unacknowledged"]) == (1, 1)
    assert levels["red"]["raised"] == 0  # escalated: counted at the level it reached
    assert (levels["black"]["raised"], levels["black"]["max_ack_s"]) == (1, 600)


def test_complaints_by_classification_with_on_time_and_satisfaction(db: Database) -> None:
    complaints = day_report(db)["complaints"]
    # the complaints desk's definition (docs/complaints.md), worked by hand: on time = first
    # reply by the deadline, of the replied + the open past due: order 1 (10:00 <= 12:00) yes,
    # order 2 (13:30 > 10:00) no, none open -> 1 / 2; satisfied 1 of 2 feedbacks
    assert complaints["available"] and complaints["count"] == 2
    assert (complaints["replied"], complaints["on_time"]) == (2, 1)
    assert complaints["on_time_rate"] == 0.5
    assert complaints["satisfaction_rate"] == 0.5
    assert complaints["archived"] == 1
    assert complaints["overdue_open"] == 0  # both replied by the period's end
    assert [(r["name"], r["count"]) for r in complaints["by_category"]] == [
        ("billing dispute", 2)]
    assert {r["name"] for r in complaints["by_department"]} == {"IT", "ops"}


def test_complaint_figures_are_the_complaint_desks_figures(db: Database) -> None:
    """One product, one figure: the report's rates per group are what complaints.report
    answers for the same day's orders (judged at the period's end)."""
    period = period_named("daily", "2026-03-02", TZ)
    desk = WorkOrderRepository(db).report(period.start, period.end, now=period.end)
    complaints = day_report(db)["complaints"]
    for desk_part, report_part in (("by_classification", "by_category"),
                                   ("by_cause", "by_cause"), ("by_department", "by_department")):
        desk_rows = {r["key"]: r for r in desk[desk_part]}
        assert len(desk_rows) == len(complaints[report_part])
        for row in complaints[report_part]:
            theirs = desk_rows[row["name"]]
            for figure in ("count", "replied", "on_time", "on_time_rate", "feedback",
                           "satisfied", "satisfaction_rate"):
                assert row[figure] == theirs[figure], (report_part, row["name"], figure)
    staff = {r["name"]: r for r in complaints["by_cause"]}["staff"]
    assert staff["on_time_rate"] == 0.0  # order 2, replied after its deadline


def test_the_same_history_gives_the_same_report(db: Database) -> None:
    assert day_report(db) == day_report(db)
