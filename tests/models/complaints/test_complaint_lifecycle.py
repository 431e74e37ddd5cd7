"""The work-order state machine: legal paths, refusals with reasons, role rules, and
generated action sequences that never reach an illegal state."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.complaints import (
    DESK,
    TRANSITIONS,
    Action,
    Actor,
    OrderView,
    Refused,
    WorkOrderState,
    allowed_actions,
    decide,
)
from models.complaints.lifecycle import OPEN_STATES

S = WorkOrderState
AGENT = Actor("amy", "agent")
DESK_USER = Actor("dora", "quality_inspector")
BILLING = Actor("bill", "department", "计费中心")
NETWORK = Actor("nick", "department", "网络维护部")
BOSS = Actor("sue", "supervisor")


def run(order: OrderView, action: str, actor: Actor, **kw: object) -> OrderView:
    step = decide(order, action, actor, 100.0, **kw)  # type: ignore[arg-type]
    order.state = step.to_state
    for key, value in step.changes.items():
        if key != "closed_at":  # not a field the rules read
            setattr(order, key, value)
    return order


def test_dispatch_reply_feedback_archive() -> None:
    o = OrderView("TS1", S.ACCEPTED)
    run(o, "dispatch", DESK_USER, department="计费中心")
    assert (o.state, o.holder_department) == (S.DISPATCHED, "计费中心")
    run(o, "note", BILLING, note="checking the ledger")
    run(o, "reply", BILLING, note="refunded 30 yuan")
    assert (o.state, o.holder_department, o.replied_at) == (S.REPLIED, DESK, 100.0)
    run(o, "feedback", AGENT, satisfied=True)
    run(o, "archive", DESK_USER)
    assert o.state is S.ARCHIVED


def test_not_satisfied_goes_back_through_reprocess_to_another_department() -> None:
    o = OrderView("TS1", S.ACCEPTED)
    run(o, "dispatch", DESK_USER, department="计费中心")
    run(o, "reply", BILLING, note="no error found")
    run(o, "feedback", DESK_USER, satisfied=False)
    with pytest.raises(Refused, match=r"not satisfied .* reprocess it"):
        decide(o, "archive", DESK_USER, 1.0)
    run(o, "reprocess", DESK_USER)
    run(o, "dispatch", DESK_USER, department="网络维护部")
    assert o.holder_department == "网络维护部"


def test_reply_now_then_archive_by_the_agent() -> None:
    o = OrderView("TS1", S.ACCEPTED)
    with pytest.raises(Refused, match="needs the answer"):
        decide(o, "reply_now", AGENT, 1.0)
    run(o, "reply_now", AGENT, note="explained the bill")
    assert o.immediate and o.state is S.REPLIED
    assert "archive" in allowed_actions(o, AGENT)
    run(o, "archive", AGENT)
    assert o.state is S.ARCHIVED


def test_refusals_say_why() -> None:
    o = OrderView("TS9", S.ACCEPTED)
    with pytest.raises(Refused) as exc:
        decide(o, "dispatch", AGENT, 1.0, department="计费中心")
    assert exc.value.code == "forbidden" and "quality desk" in exc.value.message
    with pytest.raises(Refused) as exc:
        decide(o, "dispatch", DESK_USER, 1.0)
    assert exc.value.code == "bad_request" and "needs a department" in exc.value.message
    with pytest.raises(Refused) as exc:
        decide(o, "reply", BILLING, 1.0, note="x")
    assert exc.value.code == "invalid_operation" and "TS9 is accepted" in exc.value.message
    run(o, "dispatch", DESK_USER, department="计费中心")
    with pytest.raises(Refused) as exc:
        decide(o, "return", NETWORK, 1.0, note="not ours")
    assert exc.value.code == "forbidden" and "held by 计费中心" in exc.value.message
    with pytest.raises(Refused, match="needs a reason"):
        decide(o, "return", BILLING, 1.0)
    run(o, "return", BILLING, note="not ours: a network fault")
    assert (o.state, o.holder_department) == (S.RETURNED, DESK)
    with pytest.raises(Refused, match="unknown department"):
        decide(o, "dispatch", DESK_USER, 1.0, department="Mars",
               departments=frozenset({"计费中心"}))
    with pytest.raises(Refused, match="unknown action"):
        decide(o, "delete", BOSS, 1.0)


def test_urge_raises_priority_to_urgent_and_no_further() -> None:
    o = OrderView("TS1", S.DISPATCHED, holder_department="计费中心")
    for expected in ("high", "urgent", "urgent"):
        run(o, "urge", NETWORK)  # any complaint role, even another department
        assert o.priority == expected
    assert o.state is S.DISPATCHED


def test_archived_refuses_everything() -> None:
    o = OrderView("TS1", S.ARCHIVED)
    for action in Action:
        with pytest.raises(Refused, match="archived: nothing can change it"):
            decide(o, action.value, BOSS, 1.0, note="n", department="计费中心", satisfied=True)
    assert allowed_actions(o, BOSS) == []


ACTORS = [AGENT, DESK_USER, BILLING, NETWORK, BOSS, Actor("f", "floor_manager"),
          Actor("m", "maintenance")]
STEPS = st.tuples(
    st.sampled_from([a.value for a in Action] + ["bogus"]),
    st.sampled_from(ACTORS),
    st.sampled_from(["", "a note"]),
    st.sampled_from(["", "计费中心", "网络维护部", DESK]),
    st.sampled_from([None, True, False]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(STEPS, max_size=40))
def test_generated_sequences_stay_legal(steps: list[tuple]) -> None:
    o = OrderView("TS1", S.ACCEPTED)
    path: list[tuple[str, bool | None]] = []
    for action, actor, note, department, satisfied in steps:
        before = (o.state, o.holder_department, o.priority, o.satisfied, o.immediate)
        offered = action in allowed_actions(o, actor)
        try:
            step = decide(o, action, actor, 1.0, note=note, department=department,
                          satisfied=satisfied)
        except Refused as exc:
            assert exc.code in ("bad_request", "forbidden", "invalid_operation")
            assert exc.message
            assert (o.state, o.holder_department, o.priority, o.satisfied, o.immediate) == before
            if exc.code != "bad_request":
                assert not offered  # the actions offered are the ones that can succeed
            continue
        assert offered
        assert step.to_state == step.from_state or step.to_state in TRANSITIONS[step.from_state]
        run(o, action, actor, note=note, department=department, satisfied=satisfied)
        path.append((action, o.satisfied))
        assert o.state in set(S)
        if o.state is S.DISPATCHED:
            assert o.holder_department not in ("", DESK)
        if o.state in (S.RETURNED, S.REPLIED, S.REPROCESSING):
            assert o.holder_department == DESK
    if o.state is S.ARCHIVED:
        # every archived order went through satisfied feedback, or was answered at once
        last_reply = max(i for i, (a, _) in enumerate(path) if a in ("reply", "reply_now"))
        after = path[last_reply + 1:]
        assert path[last_reply][0] == "reply_now" or ("feedback", True) in after
    assert (o.state in OPEN_STATES) != (o.state is S.ARCHIVED)
