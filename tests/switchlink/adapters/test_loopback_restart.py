"""A restarted emulator continues its day after what history holds, never repeating it."""

from __future__ import annotations

from collections import Counter

from models.events import Event
from models.records import CallRecord
from switchlink.adapters.loopback import LoopbackAdapter
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
        scenario: str = "default") -> LoopbackAdapter:
    """One daemon life: start (continuing history), run to ``until_h`` hours after 08:00."""
    adapter = LoopbackAdapter(scenario=scenario, seed=seed, speed="fast", start=START)
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
