"""Generated key sequences through the emulator's IVR stage never crash it or lose a call."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ivr import events as iv
from switchlink.adapters.loopback import load_scenario
from switchlink.adapters.loopback.simulation import Simulation

START = 1_772_438_400.0
SCENARIO = load_scenario("hotline-ivr")
KEYS = st.text(alphabet="0123456789*#", min_size=1, max_size=12)
STEP = st.one_of(KEYS.map(iv.Key), st.just("timeout"), st.just("play"), st.just("hangup"),
                 st.just("answer"), st.floats(min_value=0.1, max_value=40.0))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=30), seed=st.integers(0, 1000))
def test_any_key_sequence_through_the_ivr_stage(steps: list, seed: int) -> None:
    sim = Simulation(SCENARIO, seed, START)
    sim.run_until(START + 120)
    for step in steps:
        calls = list(sim.ivr_calls.values())
        if isinstance(step, float):
            sim.run_until(sim.now + step)
            continue
        for ic in calls[:5]:
            waiting = dict(ic.session._waiting)
            if step == "timeout":
                event = iv.Timeout(waiting.get("input", waiting.get("busy", 0)))
            elif step == "play":
                event = iv.PlayDone(waiting.get("play", 0))
            elif step == "hangup":
                event = iv.CallerHungUp()
            elif step == "answer":
                event = iv.AgentAnswered()
            else:
                event = step
            sim._ivr_feed((ic, event))
    sim.run_until(sim.now + 600)
    for ic in sim.ivr_calls.values():  # who is still in a flow is a live call in the IVR
        assert ic.call.id in sim.calls
        assert ic.session.done or ic.call.phase.value in ("ivr", "queued")
    busy = [c for c in sim.channels.values() if c.holder is not None and c.kind.value == "ivr"]
    assert all(c.holder in sim.calls for c in busy)
