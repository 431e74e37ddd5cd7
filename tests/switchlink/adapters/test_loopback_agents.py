"""Agent operations on the emulator: forced states, sign-out during a call, skills, shifts."""

from __future__ import annotations

import pytest
from loopback_helpers import START, advance_until, of, run_hours, started, tiny

from models.agents import AgentState
from models.events import (
    AgentLogoutPending,
    AgentSkillsChanged,
    AgentStateChanged,
    CallAnswered,
    CallEnded,
    CallRinging,
)
from switchlink.adapters.errors import InvalidOperation, UnknownTarget


def states_of(events: list, agent: str) -> list[AgentStateChanged]:
    return [e for e in of(events, AgentStateChanged) if e.agent == agent]


def test_agents_sign_in_ready_at_the_start_of_their_shift() -> None:
    adapter = started("small")
    events = adapter.advance(0)
    ready = {e.agent for e in of(events, AgentStateChanged) if e.state is AgentState.READY}
    assert {"1001", "1005", "2001", "2003"} <= ready


def test_forced_busy_takes_effect_and_stops_calls_reaching_the_agent() -> None:
    adapter = started(tiny(agents=1, per_half_hour=60))
    adapter.advance(0)
    adapter.set_state("1001", AgentState.NOT_READY, forced=True, reason="质检", by="qc1")
    events = adapter.advance(600)
    change = states_of(events, "1001")[0]
    assert (change.state, change.forced, change.reason, change.by) == (
        AgentState.NOT_READY, True, "质检", "qc1")
    assert not of(events, CallRinging)


def test_forced_ready_takes_an_agent_off_a_break_and_calls_flow_again() -> None:
    adapter = started(tiny(agents=1, per_half_hour=60))
    adapter.advance(0)
    adapter.set_state("1001", AgentState.NOT_READY, reason="break")
    adapter.advance(300)
    adapter.set_state("1001", AgentState.READY, forced=True, reason="queue long", by="lead")
    events = adapter.advance(5)
    assert states_of(events, "1001")[0].state is AgentState.READY
    assert states_of(events, "1001")[0].forced
    assert [e.agent for e in of(events, CallRinging)] == ["1001"]  # a waiting call comes at once


def test_signing_out_an_idle_agent_takes_effect_at_once() -> None:
    adapter = started(tiny(agents=2, per_half_hour=0))
    adapter.advance(0)
    adapter.logout("1002")
    events = adapter.advance(1)
    assert states_of(events, "1002")[0].state is AgentState.LOGGED_OUT


def test_forced_sign_out_during_a_call_applies_when_the_call_ends() -> None:
    adapter = started(tiny(agents=1, per_half_hour=60))
    answered, _ = advance_until(adapter, CallAnswered, agent="1001")
    adapter.logout("1001", forced=True, reason="违规", by="qc1")
    events = adapter.advance(1)
    assert of(events, AgentLogoutPending)[0].agent == "1001"
    assert not states_of(events, "1001")
    ended, seen = advance_until(adapter, CallEnded, call=answered.call)
    after = seen + adapter.advance(1)
    out = [e for e in states_of(after, "1001") if e.state is AgentState.LOGGED_OUT]
    assert out and out[0].t == ended.t and out[0].forced and out[0].by == "qc1"
    assert AgentState.AFTER_CALL_WORK not in {e.state for e in states_of(after, "1001")}


def test_an_unforced_sign_out_during_a_call_is_refused() -> None:
    adapter = started(tiny(agents=1, per_half_hour=60))
    advance_until(adapter, CallAnswered, agent="1001")
    with pytest.raises(InvalidOperation, match="on a call"):
        adapter.logout("1001")


def test_not_ready_asked_during_a_call_follows_after_call_work() -> None:
    adapter = started(tiny(agents=1, per_half_hour=60))
    answered, _ = advance_until(adapter, CallAnswered, agent="1001")
    adapter.set_state("1001", AgentState.NOT_READY, reason="meeting")
    _, seen = advance_until(adapter, CallEnded, call=answered.call)
    seen += adapter.advance(60)
    states = [e.state for e in states_of(seen, "1001")]
    assert states[:2] == [AgentState.AFTER_CALL_WORK, AgentState.NOT_READY]


def test_operations_on_unknown_or_signed_out_agents_fail_clearly() -> None:
    adapter = started(tiny(agents=1, per_half_hour=0))
    adapter.advance(0)
    with pytest.raises(UnknownTarget, match="9999"):
        adapter.set_state("9999", AgentState.READY)
    with pytest.raises(InvalidOperation, match="already signed in"):
        adapter.login("1001")
    adapter.logout("1001")
    with pytest.raises(InvalidOperation, match="sign in first"):
        adapter.set_state("1001", AgentState.READY)
    adapter.login("1001", state=AgentState.READY)
    assert states_of(adapter.advance(0), "1001")[-1].state is AgentState.READY


def test_changing_skills_is_reported_and_routes_the_new_skill() -> None:
    adapter = started("small")
    adapter.advance(0)
    adapter.set_skills("2001", {"billing": 9})
    events = adapter.advance(1)
    assert of(events, AgentSkillsChanged)[0].skills == {"billing": 9}
    with pytest.raises(UnknownTarget, match="nosuch"):
        adapter.set_skills("2001", {"nosuch": 3})
    later = run_hours(adapter, 1)
    rung = {e.call for e in of(later, CallRinging) if e.agent == "2001"}
    queues = {e.call: e.queue for e in later if type(e).__name__ == "CallQueued"}
    assert rung and {queues[c] for c in rung if c in queues} == {"billing"}


def test_agents_sign_out_at_the_end_of_their_shift() -> None:
    # team-b (2001-2003) works 08:00-16:00
    events = run_hours(started("small"), 8.5)
    for agent in ("2001", "2002", "2003"):
        outs = [e for e in states_of(events, agent) if e.state is AgentState.LOGGED_OUT]
        assert outs, agent
        assert START + 8 * 3600 <= outs[-1].t <= START + 8 * 3600 + 1800


def test_agents_take_not_ready_breaks_and_return() -> None:
    events = run_hours(started("small"), 8)
    breaks = [e for e in of(events, AgentStateChanged) if e.reason == "break"]
    assert breaks and all(e.agent.startswith("100") for e in breaks)
