"""The emulator under maintenance: a board failure cuts its calls, tests measure, a noisy line
fails its tests while taking calls, reset, and out-of-service equipment takes no calls."""

from __future__ import annotations

import pytest
from loopback_helpers import of, started, tiny

from models.calls import CallOutcome
from models.equipment import ChannelStatus, EquipmentStatus
from models.events import (
    BoardStatusChanged,
    CallArrived,
    CallEnded,
    CallIvrStep,
    ChannelStatusChanged,
    TrunkStatusChanged,
)
from models.events import (
    TestCompleted as Completed,
)
from switchlink.adapters.errors import InvalidArgument, InvalidOperation, UnknownTarget


def live_calls(adapter) -> dict:
    return dict(adapter.simulation.calls)


def test_a_trunk_board_failure_cuts_every_call_in_progress_on_its_trunks() -> None:
    adapter = started("small")
    adapter.advance(3 * 3600)
    on_trunk = {cid for cid, c in live_calls(adapter).items()
                if c.trunk is not None and c.trunk.board.id == "trunk-1"}
    assert len(on_trunk) >= 5  # the morning peak: something to cut
    now = adapter.now()
    adapter.inject_fault("board_failure", "trunk-1")
    events = adapter.advance(0)
    ended = {e.call: e for e in of(events, CallEnded)}
    assert set(ended) >= on_trunk
    assert all(ended[c].outcome is CallOutcome.DROPPED and ended[c].t == now for c in on_trunk)
    assert not live_calls(adapter)  # every call came in on trunk-1
    assert of(events, TrunkStatusChanged)[-1].in_use == 0


def test_an_ivr_board_failure_cuts_the_callers_in_its_ivr() -> None:
    adapter = started("small")
    adapter.advance(3 * 3600)
    in_ivr = {c.id for c in live_calls(adapter).values()
              if c.channel is not None and c.channel.board.id == "ivr-1"}
    assert in_ivr
    adapter.inject_fault("board_failure", "ivr-1")
    ended = {e.call: e.outcome for e in of(adapter.advance(0), CallEnded)}
    assert {c: ended.get(c) for c in in_ivr} == dict.fromkeys(in_ivr, CallOutcome.DROPPED)


def test_an_acd_board_failure_cuts_the_calls_at_agents_but_not_the_waiting_ones() -> None:
    adapter = started(tiny(agents=3, per_half_hour=120))
    adapter.advance(1800)
    calls = live_calls(adapter)
    at_agents = {c.id for c in calls.values() if c.agent is not None}
    waiting = {c.id for c in calls.values() if c.agent is None}
    assert at_agents and waiting
    adapter.inject_fault("board_failure", "acd-1")
    ended = {e.call for e in of(adapter.advance(0), CallEnded)
             if e.outcome is CallOutcome.DROPPED}
    assert ended == at_agents


def test_loopback_test_reports_what_it_measured_and_a_noisy_line_fails_it() -> None:
    adapter = started(tiny(per_half_hour=0))
    test = adapter.loopback_test("ivr-1/1")
    [good] = of(adapter.advance(10), Completed)
    assert (good.test, good.passed) == (test, True)
    assert abs(good.measured["tone_dbm0"] + 10) <= 3
    assert good.measured["dtmf_echoed"] == good.measured["dtmf_sent"] == 12
    assert "tone" in good.detail and "round trip" in good.detail
    adapter.inject_fault("line_noise", "ivr-1/2")
    assert not of(adapter.advance(0), ChannelStatusChanged)  # nothing shows on the floor
    adapter.loopback_test("ivr-1/2")
    [bad] = of(adapter.advance(10), Completed)
    assert not bad.passed and bad.measured["dtmf_echoed"] < 12
    assert "DTMF" in bad.detail and "tone" in bad.detail
    adapter.test_prompt("ivr-1/2", "您好，欢迎致电。")
    [prompt] = of(adapter.advance(30), Completed)
    assert prompt.kind == "prompt" and not prompt.passed and "level_dbm0" in prompt.measured


def test_an_out_of_service_channel_takes_no_calls_and_comes_back() -> None:
    adapter = started("small")
    for i in range(1, 8):
        adapter.set_in_service(f"ivr-1/{i}", False, reason="line card swap", by="tech")
    events = adapter.advance(0)
    assert {e.channel for e in of(events, ChannelStatusChanged)
            if e.status is ChannelStatus.OUT_OF_SERVICE} == {f"ivr-1/{i}" for i in range(1, 8)}
    events = adapter.advance(3600)
    used = {e.channel for e in of(events, ChannelStatusChanged) if e.call}
    assert used == {"ivr-1/8"}  # the one left in service takes every IVR call
    adapter.set_in_service("ivr-1/3", True)
    later = adapter.advance(3600)
    assert "ivr-1/3" in {e.channel for e in of(later, ChannelStatusChanged) if e.call}


def test_a_busy_channel_goes_out_of_service_when_its_call_ends() -> None:
    adapter = started("small")
    adapter.advance(3 * 3600)
    busy = next(c for c in adapter.simulation.channels.values()
                if c.status is ChannelStatus.BUSY and c.kind.value == "ivr")
    adapter.set_in_service(busy.id, False, reason="noisy", by="tech")
    assert busy.status is ChannelStatus.BUSY  # its caller is not cut
    events = adapter.advance(120)
    mine = [e for e in of(events, ChannelStatusChanged) if e.channel == busy.id]
    assert mine[0].status is ChannelStatus.OUT_OF_SERVICE and mine[0].call is None
    assert all(e.call is None for e in mine)


def test_an_out_of_service_trunk_refuses_new_calls_and_the_board_says_why() -> None:
    adapter = started(tiny(agents=5, per_half_hour=60))
    adapter.set_in_service("trunk-1", False, reason="carrier maintenance", by="tech")
    events = adapter.advance(600)
    assert of(events, BoardStatusChanged)[0].status is EquipmentStatus.OUT_OF_SERVICE
    assert of(events, TrunkStatusChanged)[0].status is EquipmentStatus.OUT_OF_SERVICE
    arrived = of(events, CallArrived)
    assert arrived and all(e.trunk is None for e in arrived)
    adapter.set_in_service("trunk-1", True)
    assert any(e.trunk == "pstn-1" for e in of(adapter.advance(600), CallArrived))


def test_out_of_service_needs_a_reason_and_a_known_target() -> None:
    adapter = started(tiny(per_half_hour=0))
    with pytest.raises(InvalidArgument, match="reason"):
        adapter.set_in_service("ivr-1/1", False)
    with pytest.raises(UnknownTarget):
        adapter.set_in_service("ivr-9/9", False, reason="x")


def test_reset_frees_a_stuck_channel_and_a_board_reset_restarts_it() -> None:
    adapter = started("small")
    adapter.inject_fault("stuck_channel", "ivr-1/1")
    adapter.advance(0)
    adapter.reset("ivr-1/1")
    [back] = [e for e in of(adapter.advance(0), ChannelStatusChanged) if e.channel == "ivr-1/1"]
    assert back.status is ChannelStatus.IDLE
    adapter.advance(3 * 3600)
    in_ivr = {c.id for c in live_calls(adapter).values() if c.channel is not None}
    assert in_ivr
    adapter.reset("ivr-1")
    events = adapter.advance(0)
    assert of(events, BoardStatusChanged)[0].status is EquipmentStatus.TESTING
    assert in_ivr <= {e.call for e in of(events, CallEnded) if e.outcome is CallOutcome.DROPPED}
    with pytest.raises(InvalidOperation, match="restarting"):
        adapter.reset("ivr-1")
    later = adapter.advance(15)
    assert of(later, BoardStatusChanged)[-1].status is EquipmentStatus.UP
    assert of(adapter.advance(600), CallIvrStep)  # callers get the IVR again
