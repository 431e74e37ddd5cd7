"""The floor engine turns adapter events into exactly the key changes the table documents."""

from __future__ import annotations

from models.agents import Agent, AgentState
from models.calls import CallOutcome, Participation
from models.equipment import Board, BoardKind, Channel, ChannelStatus, EquipmentStatus, Link
from models.events import (
    AgentLogoutPending,
    AgentSkillsChanged,
    AgentStateChanged,
    BoardStatusChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallHeld,
    CallIvrStep,
    CallParticipantsChanged,
    CallQueued,
    CallRetrieved,
    CallRinging,
    CallTransferred,
    ChannelStatusChanged,
    FaxJobChanged,
    LinkStatusChanged,
)
from models.events import (
    TestCompleted as BoardTestCompleted,
)
from models.fax import FaxStatus
from models.queues import SkillGroup
from switchlink.adapters.base import Inventory
from switchlink.engine.state import FAX_KEEP_S, FloorState


def floor() -> FloorState:
    return FloorState(
        Inventory(
            agents=[Agent("1001", "Li"), Agent("1002", "Wang")],
            queues=[SkillGroup("billing", "Billing")],
            boards=[Board("acd1", BoardKind.ACD)],
            channels=[Channel("ch1", "acd1", BoardKind.ACD)],
            links=[Link("cti")],
        ),
        info={"adapter": "test"},
    )


def test_inventory_becomes_keys_of_plain_dicts() -> None:
    f = floor()
    assert f.get("agent/1001")["state"] == "logged_out"
    assert f.get("queue/billing")["name"] == "Billing"
    assert f.get("board/acd1")["kind"] == "acd"
    assert f.get("daemon/info") == {"adapter": "test"}
    assert f.counts() == {"agent": 2, "queue": 1, "board": 1, "channel": 1, "link": 1, "daemon": 1}


def test_agent_state_change_updates_only_that_agent_with_a_new_dict() -> None:
    f = floor()
    before = f.get("agent/1001")
    changes = f.apply(AgentStateChanged(10.0, "1001", AgentState.READY, reason="start"))
    assert [k for k, _ in changes] == ["agent/1001"]
    after = changes[0][1]
    assert after["state"] == "ready" and after["state_since"] == 10.0 and after["reason"] == "start"
    assert before["state"] == "logged_out", "values handed out earlier never change"


def test_call_lifecycle_creates_updates_and_deletes_the_call_key() -> None:
    f = floor()
    assert f.apply(CallArrived(1.0, "c1", caller="13800000000"))[0][0] == "call/c1"
    f.apply(CallIvrStep(2.0, "c1", node="main"))
    f.apply(CallQueued(3.0, "c1", queue="billing"))
    ringing = dict(f.apply(CallRinging(4.0, "c1", agent="1001")))
    assert ringing["call/c1"]["phase"] == "ringing"
    assert ringing["agent/1001"]["call_id"] == "c1"
    f.apply(CallAnswered(5.0, "c1"))
    f.apply(CallHeld(6.0, "c1"))
    f.apply(CallRetrieved(9.0, "c1"))
    call = f.get("call/c1")
    assert call["phase"] == "talking" and call["hold_total_s"] == 3.0
    assert call["ivr_trail"] == ["main"] and call["queued_at"] == 3.0
    ended = dict(f.apply(CallEnded(20.0, "c1", CallOutcome.ANSWERED)))
    assert ended["call/c1"] is None and f.get("call/c1") is None
    assert ended["agent/1001"]["calls_handled"] == 1 and ended["agent/1001"]["call_id"] is None


def test_transfer_moves_the_call_between_agents() -> None:
    f = floor()
    f.apply(CallArrived(1.0, "c1", caller="1"))
    f.apply(CallRinging(2.0, "c1", agent="1001"))
    changes = dict(f.apply(CallTransferred(3.0, "c1", from_agent="1001", to_agent="1002")))
    assert changes["call/c1"]["agent"] == "1002"
    assert changes["agent/1001"]["call_id"] is None
    assert changes["agent/1002"]["call_id"] == "c1"


def test_participants_skills_and_pending_logout_are_reflected() -> None:
    f = floor()
    f.apply(CallArrived(1.0, "c1", caller="1"))
    f.apply(CallParticipantsChanged(2.0, "c1", {"sup1": Participation.BARGE}))
    assert f.get("call/c1")["participants"] == {"sup1": "barge"}
    f.apply(AgentSkillsChanged(2.0, "1001", {"billing": 7}))
    assert f.get("agent/1001")["skills"] == {"billing": 7}
    f.apply(AgentLogoutPending(3.0, "1001", reason="qa"))
    assert f.get("agent/1001")["pending_logout"] is True
    f.apply(AgentStateChanged(4.0, "1001", AgentState.LOGGED_OUT))
    assert f.get("agent/1001")["pending_logout"] is False


def test_equipment_status_and_test_results_update_their_keys() -> None:
    f = floor()
    f.apply(BoardStatusChanged(1.0, "acd1", EquipmentStatus.DOWN, error="fan"))
    assert f.get("board/acd1")["status"] == "down" and f.get("board/acd1")["last_error"] == "fan"
    f.apply(ChannelStatusChanged(1.0, "ch1", ChannelStatus.STUCK))
    assert f.get("channel/ch1")["status"] == "stuck"
    f.apply(LinkStatusChanged(1.0, "cti", EquipmentStatus.DEGRADED, latency_ms=80.0))
    assert f.get("link/cti")["latency_ms"] == 80.0
    f.apply(BoardTestCompleted(2.0, "acd1", "self_test", passed=False))
    assert f.get("board/acd1")["counters"]["tests_failed"] == 1


def test_events_about_unknown_things_change_nothing() -> None:
    f = floor()
    before = f.snapshot()
    assert f.apply(AgentStateChanged(1.0, "9999", AgentState.READY)) == []
    assert f.apply(CallAnswered(1.0, "nope")) == []
    assert f.apply(CallEnded(1.0, "nope", CallOutcome.ABANDONED)) == []
    assert f.snapshot() == before


def test_finished_fax_jobs_expire_after_ten_minutes() -> None:
    f = floor()
    f.apply(FaxJobChanged(1.0, "f1", FaxStatus.QUEUED, number="8888"))
    f.apply(FaxJobChanged(2.0, "f1", FaxStatus.DONE, pages=2))
    assert f.get("fax/f1")["finished_at"] == 2.0
    assert f.expire(2.0 + FAX_KEEP_S - 1) == []
    assert f.expire(2.0 + FAX_KEEP_S + 1) == [("fax/f1", None)]


def test_a_trunk_seizing_circuits_as_it_degrades_keeps_both_its_calls_and_its_error() -> None:
    from models.equipment import Trunk
    from models.events import TrunkStatusChanged

    floor = FloorState(Inventory(trunks=[Trunk("pstn-1", "trunk-1", 30)]), {})
    floor.apply(TrunkStatusChanged(t=1.0, trunk="pstn-1", status=EquipmentStatus.UP, in_use=2))
    floor.apply(TrunkStatusChanged(t=2.0, trunk="pstn-1", status=EquipmentStatus.DEGRADED,
                                   in_use=5, error="slips"))
    counters = floor.get("trunk/pstn-1")["counters"]
    assert counters["calls"] == 5 and counters["errors"] == 1
