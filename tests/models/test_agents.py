"""Agent states follow the floor's rules."""

from models.agents import ALLOWED_TRANSITIONS, REQUESTABLE_STATES, AgentState, can_transition


def test_a_logged_out_agent_can_only_sign_in_ready_or_not_ready() -> None:
    assert can_transition(AgentState.LOGGED_OUT, AgentState.READY)
    assert can_transition(AgentState.LOGGED_OUT, AgentState.NOT_READY)
    assert not can_transition(AgentState.LOGGED_OUT, AgentState.TALKING)
    assert not can_transition(AgentState.LOGGED_OUT, AgentState.AFTER_CALL_WORK)


def test_after_call_work_takes_no_call_until_ready_again() -> None:
    assert not can_transition(AgentState.AFTER_CALL_WORK, AgentState.RINGING)
    assert not can_transition(AgentState.AFTER_CALL_WORK, AgentState.TALKING)
    assert can_transition(AgentState.AFTER_CALL_WORK, AgentState.READY)


def test_every_state_has_a_transition_table_entry() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(AgentState)


def test_only_ready_not_ready_and_logout_can_be_requested() -> None:
    assert {AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT} == REQUESTABLE_STATES


def test_on_call_states() -> None:
    assert {s for s in AgentState if s.on_call} == {
        AgentState.RINGING,
        AgentState.TALKING,
        AgentState.ON_HOLD,
    }
