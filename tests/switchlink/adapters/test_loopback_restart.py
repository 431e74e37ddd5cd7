"""A restarted emulator continues its day after what history holds, never repeating it."""

from __future__ import annotations

from collections import Counter

import pytest

from models.agents import AgentState
from models.events import Event
from models.records import CallRecord
from switchlink.adapters.composite import CompositeAdapter
from switchlink.adapters.errors import InvalidArgument
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.adapters.loopback import resume as resume_module
from switchlink.adapters.loopback.resume import NEW_EPOCH, SAME_RUN
from switchlink.storage.call_history import CallRecorder

START = "2026-03-02T08:00"
HOUR = 3600.0


class History:
    """Finished calls as the daemon would store them (call id -> record, in ending order)."""

    def __init__(self) -> None:
        self.records: list[CallRecord] = []
        self.recorder = CallRecorder(lambda record, delta: self.records.append(record))

    def feed(self, events: list[Event]) -> None:
        for event in events:
            self.recorder.feed(event)

    def stored(self, since: float) -> dict[str, tuple[float, float]]:
        return {r.call_id: (r.arrived_at, r.ended_at) for r in self.records  # type: ignore[misc]
                if r.arrived_at >= since}


def run(history: History, until_h: float, *, seed: int = 1, restart: bool = True,
        scenario: str = "default", **options: object) -> LoopbackAdapter:
    """One daemon life: start (continuing history), run to ``until_h`` hours after 08:00."""
    adapter = LoopbackAdapter(scenario=scenario, seed=seed, speed="fast", start=START,
                              **options)
    if restart:
        adapter.continue_history(history.stored)
    adapter.start()
    history.feed(adapter.advance(adapter.start_time + until_h * HOUR - adapter.now()))
    return adapter


def as_rows(records: list[CallRecord]) -> list[tuple]:
    return sorted((r.call_id, r.arrived_at, r.ended_at, r.outcome, r.queue, r.agent)
                  for r in records)


def test_a_restart_continues_the_day_exactly_as_an_uninterrupted_run() -> None:
    reference = History()
    run(reference, 6.0, restart=False)
    history = History()
    first = run(history, 2.5)
    assert first.resumed is None  # nothing stored: the day starts afresh
    second = run(history, 4.0)  # killed and restarted twice
    assert second.resumed is not None and second.resumed.epoch == ""
    assert second.resumed.mode == SAME_RUN  # the default floor's replay is cheap
    assert second.resumed.live_calls > 0  # calls in progress were announced again
    run(history, 6.0)
    ids = Counter(r.call_id for r in history.records)
    assert not [c for c, n in ids.items() if n > 1]
    assert as_rows(history.records) == as_rows(reference.records)
    assert history.recorder.unknown_events == 0  # every ending call was known from arrival


def test_the_clock_carries_on_from_the_latest_stored_call() -> None:
    history = History()
    run(history, 3.0)
    last = max(r.ended_at for r in history.records)  # type: ignore[type-var]
    adapter = LoopbackAdapter(scenario="default", seed=1, speed="fast", start=START)
    adapter.continue_history(history.stored)
    adapter.start()
    assert adapter.now() == last
    events = adapter.advance(60)
    ended = [e for e in events if type(e).__name__ == "CallEnded"]
    assert ended and min(e.t for e in ended) > last


def test_another_seed_after_a_restart_is_a_new_epoch_with_its_own_ids() -> None:
    history = History()
    run(history, 3.0, seed=1)
    before = {r.call_id for r in history.records}
    resume_at = max(r.ended_at for r in history.records)  # type: ignore[type-var]
    adapter = run(history, 5.0, seed=2)
    assert adapter.resumed is not None and adapter.resumed.epoch
    after = history.records[len(before):]
    assert after and all(r.ended_at > resume_at for r in after)  # type: ignore[operator]
    assert all(r.call_id.startswith(f"call-{adapter.resumed.epoch}") for r in after)
    assert not before & {r.call_id for r in after}


def test_a_restart_after_a_full_day_replays_at_most_one_day() -> None:
    history = History()
    run(history, 30.0)  # into the next simulated day
    adapter = run(history, 31.0)
    assert adapter.resumed is not None
    assert adapter.simulation.start >= adapter.start_time + 24 * HOUR
    assert len({r.call_id for r in history.records}) == len(history.records)


def test_a_real_switch_ignores_stored_history() -> None:
    """The base contract does nothing with it: a real switch's history is simply real."""
    from scripted_switch import ScriptedAdapter

    adapter = ScriptedAdapter()
    adapter.continue_history(lambda since: {"x": (1.0, 2.0)})
    adapter.start()
    assert adapter.started


def assert_continued_without_repeats(history: History, before: int, resumed_at: float,
                                     epoch: str) -> list[CallRecord]:
    """Nothing stored twice, nothing before the resume point written again, tagged ids."""
    ids = Counter(r.call_id for r in history.records)
    assert not [c for c, n in ids.items() if n > 1]
    after = history.records[before:]
    assert after, "the new epoch stored no calls"
    assert all(r.arrived_at >= resumed_at for r in after)  # type: ignore[operator]
    assert all(r.call_id.startswith(f"call-{epoch}") for r in after)
    return after


def test_a_replay_over_budget_starts_a_new_epoch_at_the_resume_point() -> None:
    history = History()
    run(history, 3.0)
    before = len(history.records)
    resume_at = max(r.ended_at for r in history.records)  # type: ignore[type-var]
    adapter = run(history, 5.0, resume_budget_s=0)
    resumed = adapter.resumed
    assert resumed is not None and resumed.mode == NEW_EPOCH and resumed.epoch
    assert resumed.at == resume_at and resumed.live_calls == 0
    assert "budget 0 s" in resumed.reason
    after = assert_continued_without_repeats(history, before, resume_at, resumed.epoch)
    # the figures carry on at the day's pace, not doubled: about the uninterrupted count
    reference = History()
    run(reference, 5.0, restart=False)
    same_span = [r for r in reference.records if r.arrived_at >= resume_at]  # type: ignore
    assert 0.8 * len(same_span) < len(after) < 1.2 * len(same_span)
    assert history.recorder.unknown_events == 0  # the new floor announced every call it ends


def test_a_new_epoch_finds_the_floor_where_the_day_has_it() -> None:
    """Agents are on shift (or on a break) at the resume point, no call in progress."""
    history = History()
    run(history, 3.0)
    adapter = LoopbackAdapter(scenario="default", seed=1, speed="fast", start=START,
                              resume_budget_s=0)
    adapter.continue_history(history.stored)
    inventory = adapter.start()
    assert adapter.now() == adapter.resumed.at  # type: ignore[union-attr]
    states = Counter(a.state for a in inventory.agents)
    assert states[AgentState.READY] > 0
    assert not any(a.state in (AgentState.TALKING, AgentState.RINGING) for a in inventory.agents)
    assert not adapter.simulation.calls


def test_a_heavy_floor_late_in_the_day_starts_a_new_epoch_without_replaying() -> None:
    """The large scenario 10 h in would replay ~450,000 calls (~2 min): not at start."""
    start = LoopbackAdapter(scenario="large", start=START).start_time
    at = start + 10 * HOUR
    stored = {"call-1": (start, start + 60.0), "call-2": (at - 300.0, at)}
    adapter = LoopbackAdapter(scenario="large", seed=1, speed="fast", start=START)
    adapter.continue_history(lambda since: stored)
    adapter.start()
    resumed = adapter.resumed
    assert resumed is not None and resumed.mode == NEW_EPOCH
    assert resumed.estimated_s > resume_module.DEFAULT_BUDGET_S
    history = History()
    history.feed(adapter.advance(120.0))
    ids = [r.call_id for r in history.records]
    assert ids and len(set(ids)) == len(ids) and not set(ids) & set(stored)
    assert all(r.arrived_at >= at for r in history.records)  # type: ignore[operator]


def test_a_replay_that_runs_past_its_budget_is_dropped_for_a_new_epoch(monkeypatch) -> None:
    """The estimate can be wrong (a slower machine): the wall clock is watched too."""
    history = History()
    run(history, 3.0)
    before = len(history.records)
    resume_at = max(r.ended_at for r in history.records)  # type: ignore[type-var]
    monkeypatch.setattr(resume_module, "SECONDS_PER_CALL", 0.0)  # the estimate says "cheap"
    adapter = run(history, 4.0, resume_budget_s=1e-9)
    assert adapter.resumed is not None and adapter.resumed.mode == NEW_EPOCH
    assert "ran past" in adapter.resumed.reason
    assert_continued_without_repeats(history, before, resume_at, adapter.resumed.epoch)


def test_restarts_in_a_new_epoch_never_reuse_an_id() -> None:
    history = History()
    run(history, 2.0)
    run(history, 3.0, resume_budget_s=0)
    run(history, 4.0, resume_budget_s=0)  # a second new epoch, after the first one's calls
    run(history, 5.0)  # within budget, but not this run's history: a new epoch again
    ids = Counter(r.call_id for r in history.records)
    assert not [c for c, n in ids.items() if n > 1]
    assert len({r.call_id.rsplit("-", 1)[0] for r in history.records}) == 4


def test_an_epoch_tag_already_in_history_is_not_used_again() -> None:
    start = LoopbackAdapter(scenario="default", start=START).start_time
    at = start + HOUR
    taken = f"call-{int(at):x}-7"
    adapter = LoopbackAdapter(scenario="default", seed=1, speed="fast", start=START,
                              resume_budget_s=0)
    adapter.continue_history(lambda since: {taken: (at - 100.0, at)})
    adapter.start()
    assert adapter.resumed is not None and not taken.startswith(f"call-{adapter.resumed.epoch}")
    history = History()
    history.feed(adapter.advance(600.0))
    assert history.records and taken not in {r.call_id for r in history.records}


@pytest.mark.parametrize("budget", [-1, float("nan"), float("inf"), True, "2"])
def test_a_bad_resume_budget_is_refused_by_name(budget: object) -> None:
    with pytest.raises(InvalidArgument, match="resume_budget_s"):
        LoopbackAdapter(scenario="default", resume_budget_s=budget)


def test_a_composite_site_hands_history_to_its_emulator() -> None:
    """A loopback member of a composite continues the day too (issue 11 item 16)."""
    member = {"adapter": "loopback", "scenario": "default", "seed": 1, "speed": "fast",
              "start": START}

    def life(history: History, until_h: float) -> CompositeAdapter:
        site = CompositeAdapter(adapters=[dict(member)])
        site.continue_history(history.stored)
        site.start()
        end = site.members[0].start_time + until_h * HOUR  # type: ignore[attr-defined]
        while site.now() < end:
            history.feed([e for e in site.poll(0.0, 2000) if e.t <= end])
        site.shutdown()
        return site

    reference = History()
    run(reference, 4.0, restart=False)
    history = History()
    life(history, 2.0)
    second = life(history, 4.0)
    emulator = second.members[0]
    assert emulator.resumed is not None and emulator.resumed.mode == SAME_RUN  # type: ignore
    until = max(r.ended_at for r in history.records)  # type: ignore[type-var]
    expected = [r for r in reference.records if r.ended_at <= until]  # type: ignore[operator]
    ids = Counter(r.call_id for r in history.records)
    assert not [c for c, n in ids.items() if n > 1]
    assert as_rows(history.records) == as_rows(expected)
