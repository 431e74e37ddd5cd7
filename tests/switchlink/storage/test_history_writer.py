"""The daemon's DB wiring: events and alarm steps reach the history tables; rules persist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models import events as ev
from models.alarms import Alarm, AlarmLevel, AlarmTransition, rule_to_plain
from models.calls import CallOutcome
from models.events import (
    CallAnswered,
    CallArrived,
    CallEnded,
    CallQueued,
    CallRinging,
)
from models.persistence.alarms import AlarmRepository
from models.persistence.calls import CallRepository
from models.persistence.database import Database, open_database
from models.persistence.linktests import LinkTestRepository
from switchlink.alarms import RuleSetError, default_rules
from switchlink.services.alarms import AlarmService
from switchlink.storage.alarm_store import DbRuleStore, alarm_log_sink
from switchlink.storage.history_feed import HistoryFeed, history_writer

T0 = 1_739_998_800.0  # on a half-hour boundary


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'h.db'}")
    database.migrate()
    yield database
    database.close()


def _answered_call(call: str, caller: str, t: float) -> list[object]:
    return [
        CallArrived(t, call, caller, "10000"), CallQueued(t + 2, call, "billing"),
        CallRinging(t + 4, call, "1001"), CallAnswered(t + 6, call, "1001"),
        CallEnded(t + 66, call, CallOutcome.ANSWERED),
    ]


def _transition(kind: str, level: AlarmLevel, at: float, by: str = "") -> AlarmTransition:
    alarm = Alarm(id="wait@queue:billing", rule_id="wait", level=level, scope="queue:billing",
                  metric="waiting", value=9.0, threshold=5.0, raised_at=T0)
    return AlarmTransition(at=at, alarm_id=alarm.id, kind=kind, level=level,
                           previous_level=None, alarm=alarm, by=by)


def test_finished_calls_and_test_results_from_the_event_stream_land_in_their_tables(
    db: Database,
) -> None:
    writer = history_writer(db)
    feed = HistoryFeed(writer, {"billing": 20.0})
    events = [
        *_answered_call("c1", "13800000001", T0),
        ev.TestCompleted(T0 + 70, "ch-1", "loopback", False, "no dial tone"),
    ]
    assert feed(events, None) == []  # type: ignore[arg-type]  # publishes nothing
    assert writer.flush(10)
    writer.close()
    [record] = CallRepository(db).search(number="13800000001")
    assert (record.call_id, record.queue, record.agent, record.ended_at) == (
        "c1", "billing", "1001", T0 + 66)
    [stat] = CallRepository(db).intervals("billing", T0, T0 + 1800)
    assert (stat.offered, stat.answered, stat.answered_within_threshold) == (1, 1, 1)
    [result] = LinkTestRepository(db).recent("ch-1")
    assert (result.kind, result.passed, result.detail, result.at) == (
        "loopback", False, "no dial tone", T0 + 70)


def test_alarm_steps_are_logged_in_order_including_deescalation(db: Database) -> None:
    writer = history_writer(db)
    sink = alarm_log_sink(writer)
    sink([_transition("raised", AlarmLevel.RED, T0)])
    sink([_transition("deescalated", AlarmLevel.YELLOW, T0 + 60),
          _transition("acknowledged", AlarmLevel.YELLOW, T0 + 90, by="fm")])
    assert writer.flush(10)
    writer.close()
    log = AlarmRepository(db).history(alarm_id="wait@queue:billing")
    assert [(e.transition, e.level, e.by) for e in reversed(log)] == [
        ("raised", "red", ""), ("deescalated", "yellow", ""), ("acknowledged", "yellow", "fm")]
    assert (log[0].value, log[0].threshold, log[0].scope) == (9.0, 5.0, "queue:billing")


def test_an_unknown_alarm_step_is_skipped_and_does_not_sink_the_batch(db: Database) -> None:
    writer = history_writer(db)
    alarm_log_sink(writer)([_transition("exploded", AlarmLevel.RED, T0),
                            _transition("raised", AlarmLevel.RED, T0 + 1)])
    HistoryFeed(writer)(_answered_call("c2", "139", T0), None)  # type: ignore[arg-type]
    assert writer.flush(10)
    writer.close()
    assert writer.stats().failed == 0
    assert [e.transition for e in AlarmRepository(db).history()] == ["raised"]
    assert CallRepository(db).count() == 1


def test_feed_takes_service_level_thresholds_from_the_floor_queues(db: Database) -> None:
    class Floor:
        def items(self, prefix: str) -> list[tuple[str, dict[str, object]]]:
            return [("queue/vip", {"id": "vip", "sl_threshold_s": 5.0})]

    feed = HistoryFeed.for_floor(history_writer(db), Floor())  # type: ignore[arg-type]
    assert feed.recorder.sl_thresholds == {"vip": 5.0}
    feed.writer.close()


def test_rule_store_is_empty_until_saved_then_restores_the_edited_rules(db: Database) -> None:
    store = DbRuleStore(db)
    assert store.load() is None  # nothing saved: the daemon starts from the defaults
    service = AlarmService(store, clock=lambda: T0)
    edited = service.rules()[:2]
    edited[0]["enabled"] = False
    service.set_rules(edited)
    restarted = AlarmService(DbRuleStore(db), clock=lambda: T0)
    assert restarted.rules() == service.rules()
    assert len(restarted.rules()) == 2 and restarted.rules()[0]["enabled"] is False


def test_saving_rules_replaces_the_whole_set_and_a_bad_set_changes_nothing(
    db: Database,
) -> None:
    store = DbRuleStore(db)
    rules = [rule_to_plain(r) for r in default_rules()]
    store.save(rules)
    store.save(rules[1:])
    assert [r["id"] for r in store.load() or []] == sorted(r["id"] for r in rules[1:])
    too_long = dict(rules[0], id="x" * 65)
    with pytest.raises(RuleSetError, match=r"rules\[1\]\.id"):
        store.save([rules[1], too_long])
    assert len(store.load() or []) == len(rules) - 1
