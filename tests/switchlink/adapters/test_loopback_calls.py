"""Call operations on the emulator: monitor / barge, transfer, force release, outbound, fax."""

from __future__ import annotations

import dataclasses

import pytest
from loopback_helpers import advance_until, of, started, tiny

from models.agents import AgentState
from models.calls import CallOutcome, Direction, Participation
from models.events import (
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallParticipantsChanged,
    CallQueued,
    CallRinging,
    CallTransferred,
    FaxJobChanged,
)
from models.fax import FaxStatus
from switchlink.adapters.errors import InvalidOperation, UnknownTarget


def talking(agents: int = 2, rate: float = 30):
    adapter = started(tiny(agents=agents, per_half_hour=rate))
    answered, _ = advance_until(adapter, CallAnswered)
    return adapter, answered


def test_monitor_and_barge_change_the_calls_participants() -> None:
    adapter, answered = talking()
    adapter.monitor(answered.call, "sup1")
    adapter.barge(answered.call, "sup2")
    events = of(adapter.advance(0), CallParticipantsChanged)
    assert events[-1].participants == {"sup1": Participation.MONITOR,
                                       "sup2": Participation.BARGE}
    adapter.leave(answered.call, "sup1")
    assert of(adapter.advance(0), CallParticipantsChanged)[-1].participants == {
        "sup2": Participation.BARGE}
    with pytest.raises(InvalidOperation, match="not taking part"):
        adapter.leave(answered.call, "sup1")


def test_monitoring_a_call_without_an_agent_is_refused() -> None:
    adapter = started(tiny(agents=1, per_half_hour=120))
    advance_until(adapter, CallQueued)
    advance_until(adapter, CallQueued)  # a second caller now waits behind the first
    waiting = [c for c, call in adapter.simulation.calls.items() if call.phase == "queued"]
    with pytest.raises(InvalidOperation, match="queued"):
        adapter.monitor(waiting[0], "sup1")
    with pytest.raises(UnknownTarget):
        adapter.monitor("call-nope", "sup1")


def test_transfer_to_a_ready_agent_rings_that_agent() -> None:
    adapter, answered = talking(agents=3, rate=1)
    ready = next(a for a, s in adapter.simulation.agents.items() if s.state is AgentState.READY)
    adapter.transfer(answered.call, to_agent=ready)
    events = adapter.advance(10)
    moved = of(events, CallTransferred)[0]
    assert (moved.from_agent, moved.to_agent) == (answered.agent, ready)
    assert [e.agent for e in of(events, CallRinging) if e.call == answered.call] == [ready]
    assert [e.agent for e in of(events, CallAnswered) if e.call == answered.call] == [ready]
    first = [e.state for e in of(events, AgentStateChanged) if e.agent == answered.agent]
    assert first[0] is AgentState.AFTER_CALL_WORK


def test_transfer_to_a_busy_agent_is_refused_and_changes_nothing() -> None:
    adapter, answered = talking(agents=1)
    adapter.advance(0)  # 1001 is the only agent, and it is on this call
    with pytest.raises(InvalidOperation):
        adapter.transfer(answered.call, to_agent=answered.agent)
    with pytest.raises(UnknownTarget):
        adapter.transfer(answered.call, to_agent="7777")
    assert not of(adapter.advance(0), CallTransferred)


def test_transfer_to_a_queue_requeues_the_call() -> None:
    adapter = started("small")
    answered, _ = advance_until(adapter, CallAnswered)
    adapter.transfer(answered.call, to_queue="faults")
    events = adapter.advance(0)
    assert of(events, CallTransferred)[0].to_queue == "faults"
    assert [e.queue for e in of(events, CallQueued) if e.call == answered.call] == ["faults"]


def test_force_release_ends_the_call_and_frees_the_agent() -> None:
    adapter, answered = talking()
    adapter.force_release(answered.call, by="lead", reason="abuse")
    events = adapter.advance(0)
    assert of(events, CallEnded)[0].outcome is CallOutcome.RELEASED
    assert of(events, AgentStateChanged)[0].agent == answered.agent
    with pytest.raises(UnknownTarget):
        adapter.force_release(answered.call)


@pytest.mark.parametrize("outcome", ["answered", "no_answer", "busy", "invalid", "machine"])
def test_originated_calls_end_with_the_scenarios_outcome(outcome: str) -> None:
    scenario = tiny(per_half_hour=0)
    outbound = dataclasses.replace(scenario.outbound, outcomes=((outcome, 1.0),))
    adapter = started(dataclasses.replace(scenario, outbound=outbound))
    call = adapter.originate("13800000000", announcement="dunning-notice")
    events = adapter.advance(600)
    arrived = of(events, CallArrived)[0]
    assert (arrived.call, arrived.direction, arrived.callee, arrived.announcement) == (
        call, Direction.OUTBOUND, "13800000000", "dunning-notice")
    assert of(events, CallEnded)[0].outcome == outcome
    assert bool(of(events, CallAnswered)) == (outcome in ("answered", "machine"))


def test_originate_without_a_free_trunk_ends_busy_at_once() -> None:
    adapter = started(tiny(per_half_hour=0, capacity=1))
    adapter.originate("13800000001")
    second = adapter.originate("13800000002")
    ended = [e for e in of(adapter.advance(0), CallEnded) if e.call == second]
    assert ended and ended[0].outcome is CallOutcome.BUSY


def test_a_fax_job_is_queued_sent_and_done() -> None:
    scenario = tiny(per_half_hour=0)
    adapter = started(dataclasses.replace(
        scenario, fax=dataclasses.replace(scenario.fax, success=1.0)))
    job = adapter.send_fax("0871-1234567", "bill-2026-02.pdf", pages=3)
    events = of(adapter.advance(600), FaxJobChanged)
    assert [e.status for e in events] == [FaxStatus.QUEUED, FaxStatus.SENDING, FaxStatus.DONE]
    status = adapter.fax_status(job)
    assert (status.status, status.pages, status.attempts) == (FaxStatus.DONE, 3, 1)
    assert status.finished_at is not None and status.channel == "fax-1/1"


def test_a_fax_that_keeps_failing_is_retried_then_failed() -> None:
    scenario = tiny(per_half_hour=0)
    fax = dataclasses.replace(scenario.fax, success=0.0, max_attempts=2)
    adapter = started(dataclasses.replace(scenario, fax=fax))
    job = adapter.send_fax("0871-1234567", "bill.pdf")
    statuses = [e.status for e in of(adapter.advance(3600), FaxJobChanged)]
    assert statuses == [FaxStatus.QUEUED, FaxStatus.SENDING, FaxStatus.QUEUED,
                        FaxStatus.SENDING, FaxStatus.FAILED]
    assert adapter.fax_status(job).error
    with pytest.raises(UnknownTarget):
        adapter.fax_status("fax-none")


def test_fax_jobs_wait_for_a_free_fax_channel() -> None:
    adapter = started(tiny(per_half_hour=0))  # one fax channel
    first = adapter.send_fax("1", "a.pdf")
    second = adapter.send_fax("2", "b.pdf")
    events = of(adapter.advance(3600), FaxJobChanged)
    sending = [e.job for e in events if e.status is FaxStatus.SENDING]
    assert sending[:2] == [first, second]
    first_end = next(e.t for e in events if e.job == first and e.status != "sending"
                     and e.status != "queued")
    second_start = next(e.t for e in events if e.job == second and e.status == "sending")
    assert second_start >= first_end
