"""FloorMetrics on hand-built event sequences; every expected value is worked out here."""

from __future__ import annotations

import pytest

from models.agents import Agent, AgentState
from models.calls import CallOutcome, CustomerLevel, Direction
from models.events import (
    AgentSkillsChanged,
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallQueued,
    CallTransferred,
    Event,
)
from models.queues import SkillGroup
from switchlink.adapters.base import Inventory
from switchlink.metrics import Clock, FloorMetrics, MetricsConfig, SlDefinition

#: 2026-01-05 08:00:00 UTC, a half-hour boundary; the clock runs at UTC so midnight is known
T0 = 1_767_600_000.0
UTC = Clock(utc_offset_s=0)
S = AgentState


def floor(*agents: tuple[str, dict[str, int]], sl: SlDefinition = SlDefinition.OFFERED,
          queues: tuple[str, ...] = ("q1", "q2")) -> FloorMetrics:
    inv = Inventory(
        agents=[Agent(wn, wn, skills=skills) for wn, skills in agents],
        queues=[SkillGroup(q, q, sl_threshold_s=15.0) for q in queues],
    )
    return FloorMetrics(inv, MetricsConfig(sl_definition=sl, clock=UTC), now=T0)


def feed(m: FloorMetrics, *events: Event) -> None:
    for e in events:
        m.apply(e)


def inbound(call: str, t: float, queue: str, level: CustomerLevel = CustomerLevel.NORMAL,
            ) -> list[Event]:
    return [CallArrived(t, call, "555", customer_level=level), CallQueued(t, call, queue)]


def answered_call(call: str, t: float, wait: float, queue: str = "q1", agent: str = "a1",
                  talk: float = 60.0) -> list[Event]:
    return [*inbound(call, t, queue), CallAnswered(t + wait, call, agent),
            CallEnded(t + wait + talk, call, CallOutcome.ANSWERED)]


def abandoned_call(call: str, t: float, wait: float, queue: str = "q1") -> list[Event]:
    return [*inbound(call, t, queue), CallEnded(t + wait, call, CallOutcome.ABANDONED)]


def sl_floor(sl: SlDefinition) -> dict:
    """2 answered (10 s in SL, 20 s over), 3 abandoned (3 s short, 12 s, 40 s) on q1."""
    m = floor(sl=sl)
    feed(m, *answered_call("c1", T0 + 1, 10), *answered_call("c2", T0 + 2, 20),
         *abandoned_call("c3", T0 + 3, 3), *abandoned_call("c4", T0 + 4, 12),
         *abandoned_call("c5", T0 + 5, 40))
    return m.publish(T0 + 200)["metrics/queue/q1"]


def test_service_level_counts_answers_within_threshold_over_offered_minus_short_abandons():
    q = sl_floor(SlDefinition.OFFERED)
    # in SL: c1 only; offered 5 minus 1 short abandon (c3, 3 s < 5 s) = 4
    assert q["service_level_today"] == pytest.approx(1 / 4)
    assert (q["offered_today"], q["answered_today"], q["abandoned_today"]) == (5, 2, 3)
    assert q["short_abandoned_today"] == 1
    assert q["service_level_15m"] == q["service_level_interval"] == q["service_level_today"]


def test_service_level_variants_follow_their_documented_formula():
    assert sl_floor(SlDefinition.ANSWERED)["service_level_today"] == pytest.approx(1 / 2)
    # (c1 answered in SL + c4 abandoned at 12 s, not short) / 4
    assert sl_floor(SlDefinition.ABANDON_IN_SL_GOOD)["service_level_today"] == pytest.approx(2 / 4)


def test_rates_and_averages_from_the_same_calls():
    q = sl_floor(SlDefinition.OFFERED)
    assert q["asa_s_today"] == pytest.approx((10 + 20) / 2)
    assert q["answer_overtime_rate_today"] == pytest.approx(1 / 2)  # c2 waited 20 s > 15 s
    assert q["connection_rate_today"] == pytest.approx(2 / 5)
    assert q["abandon_rate_today"] == pytest.approx(3 / 5)
    assert q["aht_s_today"] == pytest.approx(60.0)
    assert q["sl_definition"] == "offered" and "15" in q["sl_text"]


def test_no_calls_gives_no_service_level_rather_than_a_made_up_one():
    q = floor().publish(T0 + 1)["metrics/queue/q1"]
    assert q["service_level_today"] is None and q["asa_s_today"] is None


def test_center_counts_blocked_busy_and_vip_arrivals_and_ignores_outbound():
    m = floor()
    feed(
        m,
        *inbound("v1", T0 + 1, "q1", CustomerLevel.VIP),
        CallArrived(T0 + 2, "b1", "666"), CallEnded(T0 + 2, "b1", CallOutcome.BLOCKED),
        CallArrived(T0 + 3, "x1", "777"), CallEnded(T0 + 3, "x1", CallOutcome.BUSY),
        CallArrived(T0 + 4, "o1", "888", direction=Direction.OUTBOUND),
        CallAnswered(T0 + 9, "o1", "a1"), CallEnded(T0 + 30, "o1", CallOutcome.ANSWERED),
    )
    c = m.publish(T0 + 40)["metrics/center"]
    assert (c["arrived_today"], c["arrived_vip_today"], c["arrived_normal_today"]) == (3, 1, 2)
    assert (c["blocked_today"], c["busy_today"]) == (1, 1)
    assert (c["offered_today"], c["offered_vip_today"], c["answered_today"]) == (1, 1, 0)
    # accepted = arrived 3 − blocked 1 = 2; of those 1 was refused busy
    assert c["system_connection_rate_today"] == pytest.approx(1 / 2)
    assert c["waiting"] == 1


def test_waiting_and_longest_wait_follow_the_oldest_caller_still_waiting():
    m = floor()
    feed(m, *inbound("c1", T0 + 10, "q1"), *inbound("c2", T0 + 20, "q1"),
         *inbound("c3", T0 + 25, "q2"))
    out = m.publish(T0 + 50)
    assert out["metrics/queue/q1"]["waiting"] == 2
    assert out["metrics/queue/q1"]["longest_wait_s"] == pytest.approx(40)
    feed(m, CallAnswered(T0 + 55, "c1", "a1"))
    out = m.publish(T0 + 60)
    assert out["metrics/queue/q1"]["longest_wait_s"] == pytest.approx(40)  # c2: 60 − 20
    assert out["metrics/center"]["waiting"] == 2
    assert out["metrics/center"]["longest_wait_s"] == pytest.approx(40)


def test_answered_call_transferred_to_another_queue_is_not_offered_there_again():
    m = floor(("a1", {"q1": 5}), ("a2", {"q2": 5}))
    feed(m, *inbound("c1", T0, "q1"), CallAnswered(T0 + 5, "c1", "a1"),
         CallTransferred(T0 + 65, "c1", "a1", to_queue="q2"), CallQueued(T0 + 65, "c1", "q2"),
         CallAnswered(T0 + 75, "c1", "a2"), CallEnded(T0 + 115, "c1", CallOutcome.ANSWERED))
    out = m.publish(T0 + 120)
    q1, q2, c = out["metrics/queue/q1"], out["metrics/queue/q2"], out["metrics/center"]
    assert (q1["offered_today"], q1["answered_today"], q1["handled_today"]) == (1, 1, 1)
    assert (q2["offered_today"], q2["answered_today"]) == (0, 0)
    # handled once, in q1, for the time both agents held it: 60 s (a1) + 40 s (a2)
    assert q1["aht_s_today"] == pytest.approx(100)
    assert c["offered_today"] == c["answered_today"] == c["handled_today"] == 1
    assert out["metrics/agent/a1"]["calls_handled"] == 1
    assert out["metrics/agent/a1"]["aht_s"] == pytest.approx(60)
    assert out["metrics/agent/a2"]["aht_s"] == pytest.approx(40)


def test_unanswered_call_moved_to_another_queue_counts_as_lost_to_the_first():
    m = floor()
    feed(m, *inbound("c1", T0, "q1"), CallQueued(T0 + 30, "c1", "q2"),
         CallAnswered(T0 + 40, "c1", "a1"))
    out = m.publish(T0 + 50)
    q1, q2, c = out["metrics/queue/q1"], out["metrics/queue/q2"], out["metrics/center"]
    assert (q1["offered_today"], q1["unanswered_other_today"], q1["answered_today"]) == (1, 1, 0)
    assert (q2["offered_today"], q2["answered_today"], q2["asa_s_today"]) == (1, 1, 10)
    # the center sees one call that waited 40 s in all
    assert (c["offered_today"], c["answered_today"], c["asa_s_today"]) == (1, 1, 40)


def test_agent_states_are_counted_per_queue_with_not_ready_reasons():
    m = floor(("a1", {"q1": 5}), ("a2", {"q1": 5, "q2": 3}), ("a3", {"q2": 5}))
    feed(m, AgentStateChanged(T0, "a1", S.READY), AgentStateChanged(T0, "a2", S.NOT_READY,
         reason="break"), AgentStateChanged(T0, "a3", S.NOT_READY, reason="meeting"))
    out = m.publish(T0 + 1)
    q1, q2, c = out["metrics/queue/q1"], out["metrics/queue/q2"], out["metrics/center"]
    assert (q1["agents_logged_in"], q1["agents_ready"], q1["agents_not_ready"]) == (2, 1, 1)
    assert q2["not_ready_by_reason"] == {"break": 1, "meeting": 1}
    assert c["agents_logged_in"] == 3 and c["not_ready_by_reason"] == {"break": 1, "meeting": 1}
    feed(m, AgentSkillsChanged(T0 + 2, "a1", {"q2": 5}))
    out = m.publish(T0 + 3)
    assert out["metrics/queue/q1"]["agents_ready"] == 0
    assert out["metrics/queue/q2"]["agents_ready"] == 1


def test_occupancy_and_utilisation_integrate_agent_state_time():
    m = floor(("a1", {"q1": 5}), ("a2", {"q1": 5}))
    feed(
        m,
        AgentStateChanged(T0, "a1", S.READY), AgentStateChanged(T0, "a2", S.NOT_READY, reason="x"),
        AgentStateChanged(T0 + 20, "a1", S.TALKING), AgentStateChanged(T0 + 80, "a1", S.ON_HOLD),
        AgentStateChanged(T0 + 90, "a1", S.TALKING),
        AgentStateChanged(T0 + 100, "a1", S.AFTER_CALL_WORK),
        AgentStateChanged(T0 + 120, "a1", S.READY),
    )
    q = m.publish(T0 + 200)["metrics/queue/q1"]
    # a1: ready 20+80, talking 60+10, hold 10, ACW 20; a2 not ready 200 → logged in 400 s
    assert q["logged_in_s_today"] == pytest.approx(400)
    assert q["utilisation_today"] == pytest.approx(100 / 400)
    assert q["occupancy_today"] == pytest.approx(100 / 200)  # a2's not-ready time left out


def test_agent_handle_time_includes_after_call_work():
    m = floor(("a1", {"q1": 5}))
    feed(m, AgentStateChanged(T0, "a1", S.READY), *inbound("c1", T0 + 1, "q1"),
         AgentStateChanged(T0 + 3, "a1", S.TALKING), CallAnswered(T0 + 3, "c1", "a1"),
         CallEnded(T0 + 93, "c1", CallOutcome.ANSWERED),
         AgentStateChanged(T0 + 93, "a1", S.AFTER_CALL_WORK),
         AgentStateChanged(T0 + 123, "a1", S.READY))
    out = m.publish(T0 + 130)
    assert out["metrics/agent/a1"]["calls_handled"] == 1
    assert out["metrics/agent/a1"]["aht_s"] == pytest.approx(90 + 30)
    assert out["metrics/agent/a1"]["state"] == "ready"
    assert out["metrics/agent/a1"]["time_in_state_s"] == pytest.approx(7)
    assert out["metrics/queue/q1"]["aht_s_today"] == pytest.approx(120)


def test_rolling_window_forgets_calls_older_than_fifteen_minutes_but_today_keeps_them():
    m = floor()
    feed(m, *answered_call("c1", T0 + 5, 4), *answered_call("c2", T0 + 600, 4))
    q = m.publish(T0 + 700)["metrics/queue/q1"]
    assert (q["offered_15m"], q["offered_today"]) == (2, 2)
    q = m.publish(T0 + 5 + 900 + 10)["metrics/queue/q1"]
    assert (q["offered_15m"], q["offered_today"]) == (1, 2)


def test_half_hour_interval_closes_into_the_history_since_midnight():
    m = floor()
    feed(m, *answered_call("c1", T0 + 100, 4), *abandoned_call("c2", T0 + 200, 30))
    out = m.publish(T0 + 1800 + 1)
    assert out["metrics/queue/q1"]["offered_interval"] == 0
    assert out["metrics/queue/q1"]["offered_today"] == 2
    [row] = out["metrics/history/queue/q1"]["intervals"]
    assert row["start"] == T0
    assert (row["offered"], row["answered"], row["abandoned"]) == (2, 1, 1)
    assert row["service_level"] == pytest.approx(1 / 2)


def test_today_counters_and_history_reset_at_midnight():
    m = floor()
    midnight = T0 + 16 * 3600  # T0 is 08:00 UTC
    feed(m, *answered_call("c1", T0 + 100, 4))
    m.publish(midnight - 10)
    feed(m, *answered_call("c2", midnight + 5, 4))
    out = m.publish(midnight + 100)
    assert out["metrics/queue/q1"]["offered_today"] == 1
    assert m.history("metrics/queue/q1") == []


def test_publish_sends_only_changed_scopes_until_the_refresh():
    m = floor()
    m.publish(T0)
    feed(m, *answered_call("c1", T0 + 1, 2, queue="q2"))
    out = m.publish(T0 + 5)
    assert "metrics/queue/q2" in out and "metrics/queue/q1" not in out
    assert "metrics/queue/q1" in m.publish(T0 + 20)
