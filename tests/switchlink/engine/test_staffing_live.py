"""Staffing now (staffing/queue/<id>) from the last 30 minutes, and the staffing alarm rule."""

from __future__ import annotations

import pytest

from models.alarms import AlarmLevel, RuleError, validate_rule
from models.queues import SkillGroup
from models.workforce import erlang_a
from models.workforce.staffing import QueueWindow, estimate_patience, staffing_now
from switchlink.alarms import AlarmEngine
from switchlink.engine.staffing import StaffingLive

#: the worked example of tests/models/workforce/test_erlang.py: 100 calls / 30 min, AHT 180 s,
#: 80 % in 20 s needs 14 agents
RATE = 100 / 1800
AHT = 180.0


def queue_dict(offered: float, handled: float, *, abandoned: float = 0, logged_in: int = 12,
               not_ready: int = 1, ready: int = 2) -> dict:
    return {"offered_today": offered, "answered_today": handled, "abandoned_today": abandoned,
            "handled_today": handled, "aht_s_today": AHT if handled else None,
            "agents_logged_in": logged_in, "agents_not_ready": not_ready, "agents_ready": ready}


def run(live: StaffingLive, seconds: float, per_s: float, start: float = 0.0,
        base: float = 0.0, **kw: int) -> dict:
    out: dict = {}
    t = start
    while t <= start + seconds:
        n = base + per_s * (t - start)
        out = live.tick(t, {"metrics/queue/q": queue_dict(n, n, **kw)}) or out
        t += 10.0
    return out


def live() -> StaffingLive:
    return StaffingLive([SkillGroup("q", "Billing", sl_threshold_s=20.0, sl_target=0.80)])


def test_the_worked_example_needs_14_and_a_floor_of_11_is_3_short() -> None:
    out = run(live(), 1800, RATE)
    q = out["staffing/queue/q"]
    assert q["required"] == 14
    assert q["rate_per_h"] == pytest.approx(200, rel=0.01)
    assert q["aht_s"] == pytest.approx(AHT)
    # logged in 12, one of them not ready: 11 available; ready (idle) shown beside
    assert (q["available"], q["ready"], q["agents_short"]) == (11, 2, 3)
    assert q["name"] == "Billing" and q["note"] == ""
    center = out["staffing/center"]
    assert (center["required"], center["available"], center["short_queues"]) == (14, 11, 1)


def test_the_centre_counts_a_multi_skilled_agent_once() -> None:
    """Default floor on Xvfb: 41 needed against 81 "staffed" summed over five queues — 29
    agents were at work — and the wall said every queue was staffed under a black SL alarm."""
    staffing = StaffingLive([SkillGroup("a", "Billing", sl_threshold_s=20.0, sl_target=0.80),
                             SkillGroup("b", "Faults", sl_threshold_s=20.0, sl_target=0.80)])
    out: dict = {}
    for step in range(181):
        t = step * 10.0
        n = RATE * t
        # the same 12 agents (one not ready) serve both queues
        out = staffing.tick(t, {
            "metrics/queue/a": queue_dict(n, n), "metrics/queue/b": queue_dict(n, n),
            "metrics/center": {"agents_logged_in": 12, "agents_not_ready": 1,
                               "agents_ready": 2}}) or out
    a, b = out["staffing/queue/a"], out["staffing/queue/b"]
    assert (a["required"], a["available"], b["required"], b["available"]) == (14, 11, 14, 11)
    center = out["staffing/center"]
    assert center["required"] == 28 and center["available"] == 11
    assert center["staffed_in_queues"] == 22 and center["ready"] == 2
    assert center["agents_short"] == 17


def test_the_window_is_the_last_30_minutes_not_the_day() -> None:
    staffing = live()
    run(staffing, 3600, 4 * RATE)  # a busy first hour ...
    out = run(staffing, 1800, RATE, start=3610, base=4 * RATE * 3600)  # ... then the usual
    assert out["staffing/queue/q"]["rate_per_h"] == pytest.approx(200, rel=0.02)
    # the busy hour (800 an hour, 42 agents) is out of the window: 10 erlangs again
    assert out["staffing/queue/q"]["required"] in (13, 14)


def test_no_figure_until_five_minutes_are_known_and_again_after_midnight() -> None:
    staffing = live()
    first = run(staffing, 120, RATE)
    assert first["staffing/queue/q"]["required"] is None
    assert first["staffing/queue/q"]["note"] == "warming_up"
    assert first["staffing/center"]["complete"] is False
    run(staffing, 1800, RATE, start=130, base=RATE * 130)
    after = staffing.tick(4000, {"metrics/queue/q": queue_dict(1, 1)})  # counters restart
    assert after["staffing/queue/q"]["note"] == "warming_up"


def test_a_quiet_queue_needs_nobody_and_has_everyone_to_spare() -> None:
    out = run(live(), 1800, 0.0)
    assert out["staffing/queue/q"]["required"] == 0
    assert out["staffing/queue/q"]["agents_short"] == -11


def test_patience_is_recovered_from_the_abandons_erlang_a_predicts() -> None:
    lost = erlang_a(12, RATE, AHT, 300).p_abandon
    assert estimate_patience(RATE, AHT, 12, lost) == pytest.approx(300, rel=1e-3)
    assert estimate_patience(RATE, AHT, 12, 0.0) is None


def test_erlang_a_is_published_once_there_are_enough_abandons() -> None:
    window = QueueWindow(1800, 100, 92, 8, 92, 92 * AHT)
    figures = staffing_now(window, available=12, ready=0, sl_target=0.8, sl_threshold_s=20)
    assert figures.required == 14
    assert figures.patience_s is not None and figures.patience_s > 0
    # callers who hang up shorten the queue: Erlang A never asks for more than Erlang C here
    assert figures.required_erlang_a is not None and figures.required_erlang_a <= 14
    few = QueueWindow(1800, 100, 96, 4, 96, 96 * AHT)
    assert staffing_now(few, available=12, ready=0, sl_target=0.8,
                        sl_threshold_s=20).required_erlang_a is None


# --- the alarm rule kind "staffing short by N agents for M minutes" ----------------------

def staffing_rule(**levels: dict) -> dict:
    return {"id": "short", "name": "staffing short", "kind": "staffing",
            "metric": "agents_short", "scope": "queue:*", "levels": levels}


def test_short_by_two_for_five_minutes_raises_and_clears_with_its_dispatch_plan() -> None:
    rule = validate_rule(staffing_rule(
        yellow={"threshold": 2, "min_duration_s": 300, "dispatch_plan": "call in the reserve"},
        red={"threshold": 5, "min_duration_s": 300}))
    engine = AlarmEngine([rule])
    short = {"queue:q": {"agents_short": 3}}
    assert engine.evaluate(0, staffing=short) == []
    assert engine.evaluate(240, staffing=short) == []  # 4 minutes: not yet
    raised = engine.evaluate(300, staffing=short)
    assert [(t.kind, t.level, t.alarm.scope) for t in raised] == [
        ("raised", AlarmLevel.YELLOW, "queue:q")]
    assert raised[0].alarm.dispatch_plan == "call in the reserve"
    cleared = engine.evaluate(360, staffing={"queue:q": {"agents_short": 1}})
    assert [t.kind for t in cleared] == ["cleared"]


def test_a_break_in_the_shortage_restarts_the_minutes() -> None:
    engine = AlarmEngine([validate_rule(staffing_rule(orange={"threshold": 2,
                                                              "min_duration_s": 300}))])
    engine.evaluate(0, staffing={"queue:q": {"agents_short": 2}})
    engine.evaluate(200, staffing={"queue:q": {"agents_short": 0}})
    assert engine.evaluate(300, staffing={"queue:q": {"agents_short": 2}}) == []
    assert engine.evaluate(599, staffing={"queue:q": {"agents_short": 2}}) == []
    assert [t.kind for t in engine.evaluate(600, staffing={"queue:q": {"agents_short": 2}})] \
        == ["raised"]


def test_staffing_rules_are_refused_with_the_field_named() -> None:
    with pytest.raises(RuleError, match=r"^levels.yellow.threshold: a queue is short by 1"):
        validate_rule(staffing_rule(yellow={"threshold": 0}))
    with pytest.raises(RuleError, match=r"^scope: staffing rules watch queues"):
        validate_rule({**staffing_rule(yellow={"threshold": 1}), "scope": "center"})
    with pytest.raises(RuleError, match=r"^metric: unknown staffing metric"):
        validate_rule({**staffing_rule(yellow={"threshold": 1}), "metric": "waiting"})
    with pytest.raises(RuleError, match=r"^direction"):
        validate_rule({**staffing_rule(yellow={"threshold": 1}), "direction": "below"})


def test_erlang_a_fits_are_spread_over_ticks_and_kept_until_refitted(monkeypatch) -> None:
    import switchlink.engine.staffing as live_module

    monkeypatch.setattr(live_module, "ERLANG_A_BUDGET_S", 0.0)  # one fit per tick
    staffing = StaffingLive([SkillGroup(q, q, sl_threshold_s=20.0, sl_target=0.8)
                             for q in ("a", "b")])

    def dicts(t: float) -> dict:
        n = RATE * t
        return {f"metrics/queue/{q}": queue_dict(n, 0.92 * n, abandoned=0.08 * n)
                for q in ("a", "b")}

    out: dict = {}
    for t in range(0, 1810, 10):
        out = staffing.tick(float(t), dicts(float(t))) or out
    fitted = [q for q in ("a", "b") if out[f"staffing/queue/{q}"]["required_erlang_a"]]
    assert fitted == ["a", "b"]  # both fitted, one per tick after the minute's sample
    # the next minute's sample publishes Erlang C at once and keeps the last Erlang A
    first = staffing.tick(1860.0, dicts(1860.0))
    assert all(first[f"staffing/queue/{q}"]["required_erlang_a"] for q in ("a", "b"))
