"""AlarmEngine lifecycle: min duration, hysteresis, escalation, acknowledgement, subjects."""

from __future__ import annotations

import pytest

from models.alarms import AlarmLevel, AlarmState, validate_rule
from switchlink.alarms import AlarmEngine, AlarmError
from switchlink.metrics import METRIC_NAMES


def waiting_rule(**overrides) -> dict:
    rule = {
        "id": "wait", "metric": "waiting", "scope": "queue:*", "direction": "above",
        "levels": {
            "yellow": {"threshold": 5, "clear_threshold": 3, "dispatch_plan": "tell leader"},
            "red": {"threshold": 10, "clear_threshold": 8, "dispatch_plan": "leaders take calls"},
        },
    }
    return rule | overrides


def engine(*rules: dict) -> AlarmEngine:
    return AlarmEngine([validate_rule(r, METRIC_NAMES) for r in rules])


def q1(value: float) -> dict:
    return {"metrics/queue/q1": {"waiting": value}}


def kinds(transitions) -> list[tuple[str, str]]:
    return [(t.kind, t.level.label) for t in transitions]


def test_value_past_threshold_raises_with_the_levels_dispatch_plan():
    eng = engine(waiting_rule())
    [t] = eng.evaluate(0, q1(6))
    assert (t.kind, t.level, t.alarm.scope) == ("raised", AlarmLevel.YELLOW, "queue:q1")
    assert t.alarm.dispatch_plan == "tell leader" and t.alarm.value == 6
    assert eng.publish()[f"alarm/{t.alarm_id}"]["level_zh"] == "黄"


def test_hysteresis_keeps_the_alarm_between_threshold_and_clear_threshold():
    eng = engine(waiting_rule())
    eng.evaluate(0, q1(6))
    for t, value in enumerate([4, 5, 4, 3, 4], start=1):  # never below the clear threshold 3
        assert eng.evaluate(t, q1(value)) == []
    assert kinds(eng.evaluate(9, q1(2))) == [("cleared", "yellow")]
    assert eng.active() == []


def test_value_dropping_past_the_upper_clear_threshold_deescalates_instead_of_clearing():
    eng = engine(waiting_rule())
    assert kinds(eng.evaluate(0, q1(12))) == [("raised", "red")]
    assert eng.evaluate(1, q1(9)) == []  # 9 >= red clear 8: still red
    assert kinds(eng.evaluate(2, q1(7))) == [("deescalated", "yellow")]
    assert kinds(eng.evaluate(3, q1(11))) == [("escalated", "red")]


def test_min_duration_holds_the_alarm_back_until_the_breach_lasted():
    rule = waiting_rule()
    rule["levels"]["yellow"]["min_duration_s"] = 30
    eng = engine(rule)
    assert eng.evaluate(0, q1(6)) == []
    assert eng.evaluate(29) == []  # the tick re-checks the pending breach without new metrics
    assert kinds(eng.evaluate(30)) == [("raised", "yellow")]


def test_a_breach_interrupted_before_min_duration_never_raises():
    rule = waiting_rule()
    rule["levels"]["yellow"]["min_duration_s"] = 30
    eng = engine(rule)
    eng.evaluate(0, q1(6))
    eng.evaluate(20, q1(4))
    assert eng.evaluate(25, q1(6)) == []
    assert eng.evaluate(50) == []
    assert kinds(eng.evaluate(55)) == [("raised", "yellow")]


def test_unacknowledged_alarm_escalates_to_the_next_level_after_the_set_time():
    eng = engine(waiting_rule(escalate_after_s=60))
    [raised] = eng.evaluate(0, q1(6))
    assert eng.evaluate(59) == []
    [t] = eng.evaluate(60)
    assert (t.kind, t.level, t.by, t.alarm_id) == ("escalated", AlarmLevel.RED, "escalation",
                                                 raised.alarm_id)
    assert t.alarm.dispatch_plan == "leaders take calls"
    assert eng.evaluate(500) == []  # red is the rule's top level


def test_acknowledgement_records_who_when_and_note_and_stops_escalation():
    eng = engine(waiting_rule(escalate_after_s=60))
    [raised] = eng.evaluate(0, q1(6))
    t = eng.ack(raised.alarm_id, "lead1", "moving two agents", now=30)
    assert (t.kind, t.by, t.note) == ("acknowledged", "lead1", "moving two agents")
    alarm = eng.active()[0]
    assert (alarm.state, alarm.acked_by, alarm.acked_at) == (AlarmState.ACKNOWLEDGED, "lead1", 30)
    assert eng.evaluate(1000, q1(6)) == []
    with pytest.raises(AlarmError, match="already acknowledged by lead1"):
        eng.ack(raised.alarm_id, "lead2", "", now=1001)


def test_a_worse_level_needs_a_fresh_acknowledgement():
    eng = engine(waiting_rule())
    [raised] = eng.evaluate(0, q1(6))
    eng.ack(raised.alarm_id, "lead1", "", now=1)
    [t] = eng.evaluate(2, q1(15))
    assert t.kind == "escalated" and t.alarm.state is AlarmState.RAISED and t.alarm.acked_by == ""


def test_ack_of_an_unknown_alarm_is_a_clear_error():
    with pytest.raises(AlarmError, match="no active alarm '99'"):
        engine(waiting_rule()).ack("99", "lead1", "", now=0)


def test_queue_wildcard_rule_fires_per_queue_and_center_rule_ignores_queues():
    center = {"id": "c", "metric": "waiting", "scope": "center",
              "levels": {"red": {"threshold": 30}}}
    eng = engine(waiting_rule(), center)
    out = eng.evaluate(0, {"metrics/queue/q1": {"waiting": 6}, "metrics/queue/q2": {"waiting": 7},
                           "metrics/center": {"waiting": 13}})
    assert sorted(t.alarm.scope for t in out) == ["queue:q1", "queue:q2"]


def test_below_rule_on_service_level_raises_and_clears_and_none_means_no_data():
    rule = {"id": "sl", "metric": "service_level_15m", "scope": "center", "direction": "below",
            "levels": {"yellow": {"threshold": 0.8, "clear_threshold": 0.85}}}
    eng = engine(rule)
    assert kinds(eng.evaluate(0, {"metrics/center": {"service_level_15m": 0.7}})) == [
        ("raised", "yellow")]
    assert eng.evaluate(1, {"metrics/center": {"service_level_15m": 0.82}}) == []
    assert kinds(eng.evaluate(2, {"metrics/center": {"service_level_15m": None}})) == [
        ("cleared", "yellow")]


def test_agent_rule_fires_for_each_agent_past_the_duration_and_clears_when_they_leave():
    rule = {"id": "hold", "kind": "agent", "metric": "hold_s",
            "levels": {"yellow": {"threshold": 60}, "red": {"threshold": 180}}}
    eng = engine(rule)
    timers = {"hold_s": {"a1": 0.0, "a2": 50.0, "a3": 100.0}}
    out = eng.evaluate(120, agents=timers)
    assert sorted(t.alarm.scope for t in out) == ["agent:a1", "agent:a2"]
    assert kinds(eng.evaluate(200, agents=timers)) == [("escalated", "red"), ("raised", "yellow")]
    del timers["hold_s"]["a1"]
    out = eng.evaluate(201, agents=timers)
    assert [(t.kind, t.alarm.scope) for t in out] == [("cleared", "agent:a1")]


def test_equipment_rules_on_board_down_and_link_latency():
    rules = [
        {"id": "board", "kind": "equipment", "metric": "board_down_s",
         "levels": {"red": {"threshold": 0}}},
        {"id": "lat", "kind": "equipment", "metric": "link_latency_ms",
         "levels": {"yellow": {"threshold": 200, "clear_threshold": 150}}},
    ]
    eng = engine(*rules)
    equipment = {"board_down_s": {"b1": 10.0}, "link_latency_ms": {"l1": 250.0}}
    out = eng.evaluate(10, equipment=equipment)
    assert sorted((t.alarm.scope, t.level.label) for t in out) == [
        ("board:b1", "red"), ("link:l1", "yellow")]
    equipment = {"board_down_s": {}, "link_latency_ms": {"l1": 160.0}}
    assert [t.alarm.scope for t in eng.evaluate(11, equipment=equipment)] == ["board:b1"]


def test_changing_a_rule_clears_its_alarms_and_keeps_the_others():
    eng = engine(waiting_rule(), waiting_rule(id="other"))
    eng.evaluate(0, q1(6))
    changed = validate_rule(waiting_rule(escalate_after_s=5), METRIC_NAMES)
    same = validate_rule(waiting_rule(id="other"), METRIC_NAMES)
    out = eng.set_rules([changed, same], now=1)
    assert [(t.kind, t.alarm.rule_id) for t in out] == [("cleared", "wait")]
    assert [a.rule_id for a in eng.active()] == ["other"]


def test_publish_sends_changed_alarms_once_and_deletes_cleared_ones():
    eng = engine(waiting_rule())
    [t] = eng.evaluate(0, q1(6))
    key = f"alarm/{t.alarm_id}"
    assert eng.publish()[key]["state"] == "raised"
    assert eng.publish() == {}
    eng.evaluate(1, q1(0))
    assert eng.publish() == {key: None}


def test_an_escalated_alarm_says_so_and_a_breach_at_that_level_is_no_longer_escalation():
    eng = engine(waiting_rule(escalate_after_s=60))
    eng.evaluate(0, q1(6))
    [t] = eng.evaluate(60)
    assert t.alarm.escalated  # red by escalation, though the value only breaches yellow
    assert eng.publish()[f"alarm/{t.alarm_id}"]["escalated"] is True
    assert eng.evaluate(61, q1(11)) == []  # now the value itself breaches red
    assert eng.publish()[f"alarm/{t.alarm_id}"]["escalated"] is False
    [t] = eng.evaluate(62, q1(2))
    assert t.kind == "cleared"


def test_a_changing_value_is_published_live_without_a_logged_transition():
    eng = engine(waiting_rule())
    [raised] = eng.evaluate(0, q1(6))
    eng.publish()
    assert eng.evaluate(1, q1(7)) == []  # still yellow: nothing for the alarm log
    published = eng.publish()[f"alarm/{raised.alarm_id}"]
    assert (published["value"], published["level"]) == (7, "yellow")
    assert eng.evaluate(2, q1(7)) == [] and eng.publish() == {}  # unchanged: nothing sent
