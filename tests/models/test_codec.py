"""Domain objects survive the trip to plain values and back (the wire and the CLI rely on it)."""

from hypothesis import given
from hypothesis import strategies as st

from models.agents import Agent, AgentState
from models.calls import Call, CallOutcome, CustomerLevel, Participation
from models.codec import from_plain, to_plain
from models.equipment import Board, BoardKind, Counters, EquipmentStatus
from models.events import EVENT_TYPES, AgentStateChanged, CallEnded


@given(
    work_number=st.text(min_size=1, max_size=8),
    skills=st.dictionaries(st.text(min_size=1, max_size=5), st.integers(1, 10), max_size=4),
    state=st.sampled_from(AgentState),
    since=st.floats(0, 2e9),
)
def test_agent_round_trips(work_number: str, skills: dict, state: AgentState, since: float) -> None:
    agent = Agent(work_number, "名字", skills=skills, state=state, state_since=since)
    assert from_plain(Agent, to_plain(agent)) == agent


def test_call_with_participants_and_optional_times_round_trips() -> None:
    call = Call(
        "c1",
        "13800000000",
        customer_level=CustomerLevel.VIP,
        queued_at=10.0,
        answered_at=None,
        outcome=CallOutcome.ABANDONED,
        ivr_trail=["welcome", "billing"],
        participants={"sup1": Participation.BARGE},
    )
    plain = to_plain(call)
    assert plain["participants"] == {"sup1": "barge"}
    assert plain["customer_level"] == "vip"
    assert from_plain(Call, plain) == call


def test_nested_dataclasses_round_trip() -> None:
    board = Board("b1", BoardKind.FAX, EquipmentStatus.DOWN, "no dial tone", Counters(calls=3))
    assert from_plain(Board, to_plain(board)) == board


def test_events_become_plain_dicts_with_their_type() -> None:
    event = AgentStateChanged(1.5, "1001", AgentState.NOT_READY, reason="break", forced=True)
    assert event.as_dict() == {
        "type": "AgentStateChanged",
        "t": 1.5,
        "agent": "1001",
        "state": "not_ready",
        "reason": "break",
        "forced": True,
        "by": "",
    }
    assert CallEnded(2.0, "c1", CallOutcome.BUSY).as_dict()["outcome"] == "busy"
    assert EVENT_TYPES["CallEnded"] is CallEnded
