"""Generated key sequences (and timers, prompt ends, look-up answers, hang-ups) never crash a
session of any shipped flow, and the session keeps its promises while they arrive."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ivr_helpers import FLOWS, shipped

from ivr.events import (
    AgentAnswered,
    CallerHungUp,
    Finish,
    Key,
    Lookup,
    LookupResult,
    Play,
    PlayDone,
    StartTimer,
    Timeout,
    WaitInput,
)

FLOW_NAMES = sorted(p.name for p in FLOWS.glob("*.toml"))

#: what a switch or caller might do next; tokens are picked among those handed out (or bogus)
steps = st.one_of(
    st.tuples(st.just("key"), st.text(alphabet="0123456789*#Ax ", min_size=1, max_size=12)),
    st.tuples(st.just("play_done"), st.integers(0, 3)),
    st.tuples(st.just("input_timeout"), st.integers(0, 3)),
    st.tuples(st.just("timer"), st.integers(0, 3)),
    st.tuples(st.just("lookup"), st.sampled_from(["ok", "timeout", "not_found", "wrong",
                                                   "duplicate", "barred", ""])),
    st.tuples(st.just("answered"), st.none()),
    st.tuples(st.just("hangup"), st.none()),
    st.tuples(st.just("bogus"), st.integers(-5, 10_000)),
)


@pytest.mark.parametrize("name", FLOW_NAMES)
@settings(max_examples=150, deadline=None)
@given(events=st.lists(steps, max_size=40), caller=st.sampled_from(["", "13900000001",
                                                                   "13812345678"]),
       level=st.integers(0, 5), entry=st.sampled_from([None, "survey", "verify"]))
def test_generated_sequences_never_crash(name, events, caller, level, entry) -> None:
    flow = shipped(name)
    if entry not in (None, *flow.entries):
        entry = None
    session = flow.start(caller, level, entry=entry, agent="1001",
                         variables={"dialled": "63001234"})
    actions = session.begin()
    seen = list(actions)
    for kind, arg in events:
        assert len(session.trail().steps) <= flow.trail_length
        if kind == "key":
            event = Key(arg)
        elif kind == "play_done":
            event = PlayDone(_token(seen, Play, arg))
        elif kind == "input_timeout":
            event = Timeout(_token(seen, WaitInput, arg))
        elif kind == "timer":
            event = Timeout(_token(seen, StartTimer, arg))
        elif kind == "lookup":
            event = LookupResult(_token(seen, Lookup, 0), arg, {"balance": "1", "votes": 3})
        elif kind == "answered":
            event = AgentAnswered()
        elif kind == "hangup":
            event = CallerHungUp()
        else:
            event = Timeout(arg)
        was_done = session.done
        actions = session.feed(event)
        if was_done:
            assert actions == []
        seen += actions
        finishes = [a for a in actions if isinstance(a, Finish)]
        assert len(finishes) <= 1
        assert session.done == (session.outcome is not None)
        if finishes:
            assert session.done and finishes[0].outcome is session.outcome
    assert sum(isinstance(a, Finish) for a in seen) <= 1


def _token(seen: list, kind: type, back: int) -> int:
    tokens = [a.token for a in seen if isinstance(a, kind)]
    return tokens[-1 - back] if len(tokens) > back else 0
