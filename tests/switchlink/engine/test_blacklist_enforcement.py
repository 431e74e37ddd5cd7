"""The blacklist on the emulated switch: blocked callers never reach an agent, warned ones do
with the warning, an expired entry stops blocking on time; the same through the adapter
contract for a switch that cannot block in itself."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from models.blacklist import BlacklistEntry, BlockAction
from models.calls import CallOutcome
from models.events import CallArrived, CallEnded, CallRinging, CallScreened, Event
from switchlink.adapters.base import CallScreen
from switchlink.adapters.loopback.adapter import LoopbackAdapter
from switchlink.adapters.loopback.distributions import fixed
from switchlink.adapters.loopback.harassers import HarasserSpec
from switchlink.adapters.loopback.scenario import load_scenario
from switchlink.engine.blacklist import BlacklistBook
from switchlink.engine.state import FloorState

BUSY, WARN, RELEASE = "13900000001", "13900000002", "087112345678"


def _adapter(cls: type[LoopbackAdapter] = LoopbackAdapter) -> LoopbackAdapter:
    scenario = dataclasses.replace(
        load_scenario("small"),
        harassers=HarasserSpec((BUSY, WARN, RELEASE), 0.1, 0.8, fixed(60.0), 3),
    )
    return cls(scenario=scenario, speed="fast", seed=3)


def _book(start: float, until: float | None = None) -> BlacklistBook:
    return BlacklistBook([
        BlacklistEntry(BUSY, blocked_from=start, blocked_until=until, action=BlockAction.BUSY,
                       id=1, reason="abusive"),
        BlacklistEntry(WARN, blocked_from=start, action=BlockAction.WARN, id=2, reason="rude"),
        BlacklistEntry(RELEASE, blocked_from=start, action=BlockAction.RELEASE, id=3),
    ])


def _calls(events: list[Event]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for e in events:
        if isinstance(e, CallArrived):
            out[e.call] = {"caller": e.caller, "t": e.t, "rang": False}
        elif e.call if hasattr(e, "call") else False:
            c = out.get(e.call)
            if c is None:
                continue
            if isinstance(e, CallRinging):
                c["rang"] = True
            elif isinstance(e, CallScreened):
                c["screened"] = e.action
            elif isinstance(e, CallEnded):
                c["outcome"] = e.outcome
    return out


def _run(adapter: LoopbackAdapter, seconds: float) -> list[Event]:
    """Poll as the daemon does, one event at a time (a fast emulator runs ahead otherwise)."""
    end = adapter.now() + seconds
    events: list[Event] = []
    while adapter.now() < end:
        events += adapter.poll(0.0, 1)
    return events


class CannotBlock(LoopbackAdapter):
    """A switch without a blacklist table: switchlink releases through the adapter."""

    def _set_call_screen(self, screen: CallScreen | None) -> bool:
        return False


@pytest.mark.parametrize("cls", [LoopbackAdapter, CannotBlock])
def test_blocked_callers_never_reach_an_agent_and_warned_ones_do(cls: type) -> None:
    adapter = _adapter(cls)
    in_switch = adapter.set_call_screen((book := _book(0.0)).screen)
    assert in_switch is (cls is LoopbackAdapter)
    inventory = adapter.start()
    floor = FloorState(inventory)
    warned_on_floor = []
    events: list[Event] = []
    for _ in range(40):
        batch = _run(adapter, 360.0)
        for e in batch:
            floor.apply(e)
            if isinstance(e, CallRinging):
                call = floor.get(f"call/{e.call}")
                if call and call["blacklist"]:
                    warned_on_floor.append(call["blacklist"])
        events += batch
    calls = _calls(events)
    by_caller = Counter((c["caller"], c.get("screened"), c["rang"], c.get("outcome"))
                        for c in calls.values() if c["caller"] in (BUSY, WARN, RELEASE))
    blocked = [c for c in calls.values() if c["caller"] in (BUSY, RELEASE)]
    assert len(blocked) > 10  # harassers redial when blocked
    assert all(not c["rang"] and c["outcome"] is CallOutcome.BLOCKED for c in blocked), by_caller
    warned = [c for c in calls.values() if c["caller"] == WARN]
    assert warned and all(c["screened"] == "warn" for c in warned)
    assert any(c["rang"] for c in warned)
    assert warned_on_floor and warned_on_floor[0] == {
        "entry": 2, "number": WARN, "action": "warn", "reason": "rude"}
    # everyone else is untouched
    others = [c for c in calls.values() if c["caller"] not in (BUSY, WARN, RELEASE)]
    assert others and not any("screened" in c for c in others)
    assert book.blocked_today == 0  # counting is the processor's job, not the look-up's


def test_an_expired_entry_stops_blocking_on_time_and_is_noted_once() -> None:
    adapter = _adapter()
    start = adapter.start_time
    until = start + 2 * 3600.0
    noted: list = []
    book = _book(start, until)
    book.on_expired = noted.extend
    adapter.set_call_screen(book.screen)
    floor = FloorState(adapter.start())
    events: list[Event] = []
    for _ in range(40):
        batch = _run(adapter, 360.0)
        floor_changes = book.on_events(batch, floor)
        assert floor_changes == [] or floor_changes[0][0] == "blacklist/summary"
        events += batch
    busy_calls = [c for c in _calls(events).values() if c["caller"] == BUSY]
    before = [c for c in busy_calls if c["t"] < until]
    after = [c for c in busy_calls if c["t"] >= until]
    assert before and after
    assert all(c.get("outcome") is CallOutcome.BLOCKED for c in before)
    assert not any("screened" in c for c in after)
    assert any(c["rang"] for c in after)
    assert noted == [(1, BUSY, until)]
    summary = floor.get("blacklist/summary")
    assert summary["blocked_today"] == len(before) + len(
        [c for c in _calls(events).values() if c["caller"] == RELEASE])
    assert summary["warned_today"] == len(
        [c for c in _calls(events).values() if c["caller"] == WARN])


def test_screen_finds_a_number_however_the_switch_writes_it() -> None:
    book = _book(0.0)
    assert book.screen("+86 871 1234 5678", 10.0).entry == 3
    assert book.screen("0086-871-12345678", 10.0).entry == 3
    assert book.screen("13800000000", 10.0) is None
    assert book.screen("anonymous", 10.0) is None  # withheld / garbage: never blocked
