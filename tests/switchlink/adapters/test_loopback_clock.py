"""Clock modes: real time, accelerated (× N) and as fast as possible."""

from __future__ import annotations

import pytest
from loopback_helpers import START

from switchlink.adapters.errors import InvalidOperation
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.adapters.loopback.clock import SimClock, parse_speed


class FakeWall:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_accelerated_clock_runs_n_times_the_wall_clock() -> None:
    wall = FakeWall()
    clock = SimClock(START, 60.0, monotonic=wall)
    wall.now += 2.5
    assert clock.sim_now() == START + 150.0
    assert clock.wall_seconds(120.0) == 2.0


@pytest.mark.parametrize(("text", "speed"), [("fast", 0.0), (0, 0.0), ("1", 1.0), ("x10", 10.0),
                                             (60, 60.0)])
def test_speed_accepts_fast_or_a_factor(text: object, speed: float) -> None:
    assert parse_speed(text) == speed


@pytest.mark.parametrize("bad", ["warp", -1, float("inf"), True])
def test_speed_rejects_nonsense(bad: object) -> None:
    with pytest.raises(ValueError, match="speed"):
        parse_speed(bad)


def test_accelerated_poll_returns_events_as_simulated_time_catches_up() -> None:
    adapter = LoopbackAdapter(scenario="small", seed=1, speed=600, start=START)
    with adapter:
        events = []
        for _ in range(100):  # wait for a condition, not a fixed time
            events += adapter.poll(timeout=0.5)
            if any(e.t > START + 60 for e in events):
                break
        assert any(e.t > START + 60 for e in events)
        assert adapter.now() >= max(e.t for e in events)
        with pytest.raises(InvalidOperation, match="fast clock"):
            adapter.advance(10)


def test_real_time_poll_waits_no_longer_than_its_timeout() -> None:
    adapter = LoopbackAdapter(scenario="small", seed=1, speed=1, start=START)
    with adapter:
        first = adapter.poll(timeout=0.2)  # the shift logins at the start
        assert first and all(e.t == START for e in first)
        adapter.poll(timeout=0.05)  # returns (possibly empty) within its timeout
        assert START <= adapter.now() < START + 60
