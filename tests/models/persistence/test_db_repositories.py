"""Repositories hand out domain objects and answer the history queries, on every backend."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from models.agents import Agent
from models.alarmlog import AlarmLogEntry, StoredAlarmRule
from models.blacklist import BlacklistChange, BlacklistEntry, BlockAction
from models.calls import CallOutcome
from models.dunning import Bill, DunningAccount, DunningAttempt, Payment
from models.linktests import LinkTestResult
from models.persistence.alarms import AlarmRepository
from models.persistence.blacklist import BlacklistRepository
from models.persistence.calls import CallRepository
from models.persistence.convert import InvalidQuery, NotFound
from models.persistence.database import Database
from models.persistence.dunning import DunningRepository
from models.persistence.linktests import LinkTestRepository
from models.persistence.organisation import OrganisationRepository
from models.persistence.users import AuditRepository, UserRepository
from models.queues import SkillGroup
from models.records import CallRecord, IntervalStat
from models.security import AuditEntry, Role, User

DAY = date(2025, 3, 4)
T0 = datetime(2025, 3, 4, 9, 0, tzinfo=UTC).timestamp()


def test_users_round_trip_and_save_replaces(db: Database) -> None:
    repo = UserRepository(db)
    repo.save(User("li", Role.SUPERVISOR, password_hash="h1", display_name="李"))
    repo.save(User("li", Role.ADMIN, password_hash="h2", display_name="李"))
    repo.save(User("wang", Role.MAINTENANCE))
    assert repo.get("li") == User("li", Role.ADMIN, password_hash="h2", display_name="李")
    assert [u.username for u in repo.list()] == ["li", "wang"]
    assert repo.get("nobody") is None


def test_audit_search_by_user_action_and_time(db: Database) -> None:
    repo = AuditRepository(db)
    for i, (user, action) in enumerate([("li", "force_ready"), ("wang", "force_ready"),
                                        ("li", "release_call"), ("li", "force_ready")]):
        repo.record(AuditEntry(at=T0 + i, user=user, role="supervisor", action=action,
                               target=f"agent/{i}", detail={"n": i}))
    found = repo.search(user="li", action="force_ready")
    assert [e.at for e in found] == [T0 + 3, T0]  # newest first
    assert found[0].detail == {"n": 3} and found[0].id is not None
    assert [e.at for e in repo.search(since=T0 + 1, until=T0 + 3)] == [T0 + 2, T0 + 1]
    assert len(repo.search(limit=2)) == 2


def test_inverted_time_range_is_a_clear_error(db: Database) -> None:
    with pytest.raises(InvalidQuery, match=r"since .* is after until"):
        AuditRepository(db).search(since=T0 + 10, until=T0)


def _call(i: int, caller: str, outcome: CallOutcome = CallOutcome.ANSWERED) -> CallRecord:
    answered = T0 + i + 5 if outcome is CallOutcome.ANSWERED else None
    return CallRecord(
        call_id=f"c{i}", caller=caller, callee="10000", queue="billing", agent="1001",
        arrived_at=T0 + i, queued_at=T0 + i + 1, answered_at=answered, ended_at=T0 + i + 60,
        outcome=outcome, ivr_trail=["welcome", "billing"], transfers=1,
    )


def test_call_records_search_by_number_and_time_range(db: Database) -> None:
    repo = CallRepository(db)
    repo.write_batch([_call(i, "13800000001" if i % 2 else "13900000002") for i in range(10)])
    found = repo.search(number="13800000001", since=T0 + 3, until=T0 + 8)
    assert [r.call_id for r in found] == ["c7", "c5", "c3"]
    expected = _call(7, "13800000001")
    expected.id = found[0].id
    assert found[0] == expected  # every field, the IVR trail and enums included
    assert repo.search(number="10000", limit=3)[0].call_id == "c9"  # callee matches too


def test_interval_deltas_add_up_across_batches(db: Database) -> None:
    repo = CallRepository(db)
    start = T0
    repo.write_batch([], [IntervalStat("billing", start, offered=1, answered=1,
                                       answered_within_threshold=1, total_wait_s=4,
                                       max_wait_s=4)])
    repo.write_batch([], [IntervalStat("billing", start, offered=1, abandoned=1,
                                       total_wait_s=30, max_wait_s=30),
                          IntervalStat("billing", start, offered=1, busy=1)])
    repo.write_batch([], [IntervalStat("billing", start + 1800, offered=1, blocked=1)])
    day = repo.intervals_for_day("billing", DAY, UTC)
    assert [s.start for s in day] == [start, start + 1800]
    first = day[0]
    assert (first.offered, first.answered, first.abandoned, first.busy) == (3, 1, 1, 1)
    assert (first.total_wait_s, first.max_wait_s, first.service_level) == (34.0, 30.0, 1.0)
    assert repo.intervals_for_day("billing", date(2025, 3, 5), UTC) == []
    assert repo.intervals_for_day("other", DAY, UTC) == []


def test_alarm_rules_and_history(db: Database) -> None:
    repo = AlarmRepository(db)
    rule = StoredAlarmRule("sl-low", "SL low", "queue/billing", "service_level",
                           definition={"levels": {"red": 0.6}}, updated_at=T0, updated_by="li")
    repo.save_rule(rule)
    rule.enabled = False
    repo.save_rule(rule)
    assert repo.get_rule("sl-low") == rule and repo.rules() == [rule]
    for i, tr in enumerate(["raised", "acknowledged", "cleared"]):
        repo.log(AlarmLogEntry("a1", "sl-low", "red", tr, at=T0 + i, value=0.5, threshold=0.6))
    repo.log(AlarmLogEntry("a2", "other", "yellow", "raised", at=T0 + 5))
    assert [e.transition for e in repo.history(alarm_id="a1")] == [
        "cleared", "acknowledged", "raised"]
    assert [e.alarm_id for e in repo.history(since=T0 + 2)] == ["a2", "a1"]
    with pytest.raises(InvalidQuery, match="'exploded' is not one of"):
        repo.log(AlarmLogEntry("a1", "sl-low", "red", "exploded", at=T0))
    repo.delete_rule("sl-low")
    with pytest.raises(NotFound):
        repo.delete_rule("sl-low")


def test_blacklist_entries_keep_their_history(db: Database) -> None:
    repo = BlacklistRepository(db)
    entry = repo.add(BlacklistEntry("13700000000", blocked_from=T0, action=BlockAction.RELEASE,
                                    reason="骚扰", created_by="li", created_at=T0), by="li", at=T0)
    assert [e.number for e in repo.active()] == ["13700000000"]
    assert entry.id is not None
    repo.remove(entry.id, by="wang", reason="customer apologised", at=T0 + 10)
    assert repo.active() == []
    assert repo.find("13700000000")[0].active is False
    history = repo.history("13700000000")
    assert [(h.change, h.by) for h in history] == [
        (BlacklistChange.ADDED, "li"), (BlacklistChange.REMOVED, "wang")]
    with pytest.raises(NotFound):
        repo.remove(9999, by="li")


def test_payments_credit_bills_and_leave_the_dunning_list(db: Database) -> None:
    repo = DunningRepository(db)
    repo.save_account(DunningAccount("A1", "张三", "13800000001"))
    repo.save_account(DunningAccount("A2", "李四", "13800000002"))
    b1 = repo.add_bill(Bill("A1", "2025-02", 12_345, due_at=T0))
    repo.add_bill(Bill("A2", "2025-02", 5_000, due_at=T0))
    repo.record_payment(Payment("A1", 12_345, paid_at=T0 + 1, channel="bank", bill_id=b1.id))
    repo.record_attempt(DunningAttempt("A2", at=T0 + 2, result="no_answer"))
    assert [b.account for b in repo.unpaid_bills("2025-02")] == ["A2"]
    assert repo.bills("A1")[0].outstanding_fen == 0
    assert [a.result for a in repo.attempts("A2")] == ["no_answer"]
    with pytest.raises(NotFound, match="no dunning account 'A9'"):
        repo.add_bill(Bill("A9", "2025-02", 1, due_at=T0))
    with pytest.raises(InvalidQuery, match="amount must be > 0"):
        repo.record_payment(Payment("A1", 0, paid_at=T0))


def test_link_test_results_newest_first(db: Database) -> None:
    repo = LinkTestRepository(db)
    for i in range(3):
        repo.record(LinkTestResult("trunk/1", "loopback", passed=i != 1, at=T0 + i))
    assert [r.passed for r in repo.recent("trunk/1")] == [True, False, True]


def test_agents_keep_their_team_and_skills(db: Database) -> None:
    repo = OrganisationRepository(db)
    repo.save_skill_group(SkillGroup("billing", "话费查询"))
    repo.save_agent(Agent("1001", "王五", team="t1", skills={"billing": 5}))
    repo.save_agent(Agent("1001", "王五", team="t1", skills={"billing": 7}))
    assert repo.agents() == [Agent("1001", "王五", team="t1", skills={"billing": 7})]
    assert [g.id for g in repo.skill_groups()] == ["billing"]
    with pytest.raises(InvalidQuery, match="unknown skill group 'fax'"):
        repo.save_agent(Agent("1002", "赵六", skills={"fax": 3}))
    assert [a.work_number for a in repo.agents()] == ["1001"]  # nothing half-applied
