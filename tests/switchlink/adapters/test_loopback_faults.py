"""Fault injection and diagnostics on the emulator: link drop, board failure, stuck channel,
event delay, scheduled faults, self-tests and loopback tests."""

from __future__ import annotations

import dataclasses

import pytest
from loopback_helpers import START, of, run_hours, started, tiny

from models.agents import AgentState
from models.calls import CallOutcome
from models.equipment import ChannelStatus, EquipmentStatus
from models.events import (
    BoardStatusChanged,
    CallArrived,
    CallEnded,
    CallRinging,
    ChannelStatusChanged,
    LinkStatusChanged,
    TrunkStatusChanged,
)
from models.events import (
    TestCompleted as Completed,
)
from switchlink.adapters.errors import InvalidArgument, InvalidOperation, LinkDown, UnknownTarget
from switchlink.adapters.loopback.scenario import FaultSpec


def without_links(events: list) -> list[dict]:
    return [e.as_dict() for e in events if not isinstance(e, LinkStatusChanged)]


def test_link_drop_withholds_events_refuses_operations_then_delivers_the_backlog() -> None:
    reference = run_hours(started("small"), 1)
    adapter = started("small")
    first = adapter.advance(600)
    adapter.inject_fault("link_drop", "cti-1", duration_s=300)
    during = adapter.advance(299)
    assert [type(e) for e in during] == [LinkStatusChanged]
    assert during[0].status is EquipmentStatus.DOWN
    with pytest.raises(LinkDown, match="cti-1"):
        adapter.set_state("1001", AgentState.NOT_READY)
    after = adapter.advance(3600 - 899)
    up = [e for e in after if isinstance(e, LinkStatusChanged)]
    assert up[0].status is EquipmentStatus.UP
    assert without_links(first + during + after) == without_links(reference)  # nothing lost
    adapter.set_state("1001", AgentState.NOT_READY)  # operations work again


def test_clear_restores_a_dropped_link_at_once() -> None:
    adapter = started("small")
    adapter.inject_fault("link_drop")
    adapter.advance(60)
    adapter.inject_fault("clear")
    events = adapter.advance(0)
    assert events[-1] == LinkStatusChanged(events[-1].t, "cti-1", EquipmentStatus.UP, 0.0)
    assert [lk.status for lk in adapter.links()] == [EquipmentStatus.UP]


def test_an_ivr_board_failure_takes_its_channels_down_and_callers_get_busy() -> None:
    adapter = started("small")
    adapter.inject_fault("board_failure", "ivr-1")
    events = adapter.advance(1800)
    assert of(events, BoardStatusChanged)[0].status is EquipmentStatus.DOWN
    down = {e.channel for e in of(events, ChannelStatusChanged)
            if e.status is ChannelStatus.DOWN}
    assert down == {f"ivr-1/{i}" for i in range(1, 9)}
    ivr_callers = {e.call for e in of(events, CallArrived) if e.callee == "10000" and e.trunk}
    outcomes = {e.call: e.outcome for e in of(events, CallEnded)}
    assert ivr_callers and all(outcomes[c] is CallOutcome.BUSY for c in ivr_callers)
    adapter.inject_fault("clear", "ivr-1")
    later = adapter.advance(600)
    assert of(later, BoardStatusChanged)[0].status is EquipmentStatus.UP
    assert any(e.node == "welcome" for e in later if type(e).__name__ == "CallIvrStep")


def test_a_trunk_board_failure_refuses_new_calls_on_its_trunks() -> None:
    adapter = started(tiny(agents=5, per_half_hour=60))
    adapter.inject_fault("board_failure", "trunk-1", duration_s=600)
    events = adapter.advance(600)
    assert of(events, TrunkStatusChanged)[0].status is EquipmentStatus.DOWN
    arrived = of(events, CallArrived)
    assert arrived and all(e.trunk is None for e in arrived)
    later = adapter.advance(600)
    assert any(e.trunk == "pstn-1" for e in of(later, CallArrived))


def test_an_acd_board_failure_stops_routing_until_it_is_cleared() -> None:
    adapter = started(tiny(agents=5, per_half_hour=60))
    adapter.advance(0)
    adapter.inject_fault("board_failure", "acd-1")
    assert not of(adapter.advance(600), CallRinging)
    adapter.inject_fault("clear", "acd-1")
    assert of(adapter.advance(0), CallRinging)  # the waiting callers are distributed at once


def test_a_stuck_channel_fails_its_loopback_test_until_cleared() -> None:
    adapter = started(tiny(per_half_hour=0))
    adapter.inject_fault("stuck_channel", "ivr-1/2")
    stuck = of(adapter.advance(0), ChannelStatusChanged)[0]
    assert (stuck.channel, stuck.status) == ("ivr-1/2", ChannelStatus.STUCK)
    adapter.loopback_test("ivr-1/2")
    result = of(adapter.advance(10), Completed)[0]
    assert (result.target, result.kind, result.passed) == ("ivr-1/2", "loopback", False)
    assert "stuck" in result.detail
    adapter.inject_fault("clear", "ivr-1/2")
    adapter.advance(0)
    adapter.loopback_test("ivr-1/2")
    assert of(adapter.advance(10), Completed)[0].passed


def test_a_stuck_ivr_channel_is_not_given_to_callers() -> None:
    adapter = started("small")
    adapter.inject_fault("stuck_channel", "ivr-1/1")
    events = adapter.advance(3600)
    used = {e.channel for e in of(events, ChannelStatusChanged) if e.call}
    assert used and "ivr-1/1" not in used


def test_event_delay_delivers_events_late_and_marks_the_link_degraded() -> None:
    adapter = started("small")
    adapter.advance(600)
    adapter.inject_fault("event_delay", "cti-1", delay_s=30, duration_s=600)
    events = adapter.advance(300)
    link = of(events, LinkStatusChanged)[0]
    assert (link.status, link.latency_ms) == (EquipmentStatus.DEGRADED, 30000)
    others = [e for e in events if not isinstance(e, LinkStatusChanged)]
    assert others and max(e.t for e in others) <= adapter.now() - 30
    assert adapter.now() == START + 900


def test_faults_scheduled_in_the_scenario_happen_at_their_time() -> None:
    scenario = tiny(per_half_hour=10)
    fault = FaultSpec(at_s=1200, kind="board_failure", target="trunk-1", duration_s=60,
                      delay_s=0)
    adapter = started(dataclasses.replace(scenario, faults=(fault,)))
    boards = of(adapter.advance(1800), BoardStatusChanged)
    assert [(e.t - START, e.status) for e in boards] == [
        (1200, EquipmentStatus.DOWN), (1260, EquipmentStatus.UP)]


def test_self_test_passes_on_a_working_board_and_fails_on_a_failed_one() -> None:
    adapter = started(tiny(per_half_hour=0))
    adapter.self_test("fax-1")
    events = adapter.advance(10)
    assert [e.status for e in of(events, BoardStatusChanged)] == [
        EquipmentStatus.TESTING, EquipmentStatus.UP]
    assert of(events, Completed)[0].passed
    adapter.inject_fault("board_failure", "fax-1")
    adapter.self_test("fax-1")
    failed = of(adapter.advance(10), Completed)[0]
    assert not failed.passed and "failure" in failed.detail


def test_prompt_test_play_needs_an_idle_ivr_channel() -> None:
    adapter = started(tiny(per_half_hour=0))
    adapter.test_prompt("ivr-1/1", "您好，欢迎致电客服热线。")
    assert of(adapter.advance(30), Completed)[0].kind == "prompt"
    with pytest.raises(InvalidOperation, match="not an IVR channel"):
        adapter.test_prompt("fax-1/1", "hello")
    with pytest.raises(UnknownTarget):
        adapter.loopback_test("ivr-9/9")


def test_faults_with_unknown_targets_or_parameters_are_refused() -> None:
    adapter = started(tiny(per_half_hour=0))
    with pytest.raises(UnknownTarget, match="no board"):
        adapter.inject_fault("board_failure", "board-x")
    with pytest.raises(InvalidArgument, match="delay_s"):
        adapter.inject_fault("event_delay", delay_s=-1)
    with pytest.raises(InvalidArgument, match="colour"):
        adapter.inject_fault("link_drop", colour="red")
    assert [lk.status for lk in adapter.links()] == [EquipmentStatus.UP]
