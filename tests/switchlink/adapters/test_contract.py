"""One contract suite for every registered adapter: the shared behaviour of ``SwitchAdapter``.

Adapters that need options to run without hardware list them in ``CONTRACT_OPTIONS``; the
loopback emulator runs a small scenario on the fast clock.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from models.agents import AgentState
from models.events import Event
from switchlink.adapters import SwitchAdapter, available_adapters, create_adapter
from switchlink.adapters.base import Inventory
from switchlink.adapters.errors import AdapterError, AdapterNotStarted, InvalidArgument

CONTRACT_OPTIONS: dict[str, dict[str, Any]] = {
    "loopback": {"scenario": "small", "seed": 1, "speed": "fast", "start": 1_772_438_400.0},
}


@pytest.fixture(params=available_adapters())
def adapter(request: pytest.FixtureRequest) -> SwitchAdapter:
    instance = create_adapter(request.param, **CONTRACT_OPTIONS.get(request.param, {}))
    request.addfinalizer(instance.shutdown)
    return instance


@pytest.fixture
def running(adapter: SwitchAdapter) -> SwitchAdapter:
    adapter.start()
    return adapter


def test_operations_before_start_raise_not_started(adapter: SwitchAdapter) -> None:
    for call in (
        lambda: adapter.poll(),
        lambda: adapter.set_state("1001", AgentState.READY),
        lambda: adapter.boards(),
        lambda: adapter.originate("13800000000"),
    ):
        with pytest.raises(AdapterNotStarted):
            call()


def test_start_returns_the_inventory(adapter: SwitchAdapter) -> None:
    inventory = adapter.start()
    assert isinstance(inventory, Inventory)
    assert adapter.started
    assert inventory.agents and inventory.queues and inventory.links


def test_poll_returns_events_in_time_order(running: SwitchAdapter) -> None:
    events: list[Event] = []
    for _ in range(50):
        events += running.poll(timeout=0.1, max_events=50)
        if events:
            break
    assert events and all(isinstance(e, Event) for e in events)
    assert all(a.t <= b.t for a, b in itertools.pairwise(events))


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (lambda a: a.poll(timeout=-1), "timeout"),
        (lambda a: a.poll(max_events=0), "max_events"),
        (lambda a: a.set_state("", AgentState.READY), "agent"),
        (lambda a: a.set_state("1001", "sleeping"), "unknown agent state"),
        (lambda a: a.set_state("1001", AgentState.TALKING), "cannot be requested"),
        (lambda a: a.set_state("1001", AgentState.NOT_READY, forced=True), "needs a reason"),
        (lambda a: a.login("1001", state=AgentState.TALKING), "ready or not ready"),
        (lambda a: a.set_skills("1001", {"billing": 11}), "skill level"),
        (lambda a: a.set_skills("1001", ["billing"]), "mapping"),
        (lambda a: a.transfer("call-1"), "exactly one"),
        (lambda a: a.transfer("call-1", to_agent="1", to_queue="q"), "exactly one"),
        (lambda a: a.monitor("", "sup"), "call"),
        (lambda a: a.send_fax("123", "doc", pages=0), "pages"),
        (lambda a: a.inject_fault("meteor"), "unknown fault"),
        (lambda a: a.load_ivr_flow("main", "not a flow"), "mapping"),
    ],
)
def test_bad_arguments_raise_invalid_argument(running: SwitchAdapter, operation, message) -> None:
    with pytest.raises(InvalidArgument, match=message):
        operation(running)


def test_shutdown_is_idempotent_and_final(running: SwitchAdapter) -> None:
    running.shutdown()
    running.shutdown()
    assert not running.started
    with pytest.raises(AdapterNotStarted):
        running.poll()
    with pytest.raises(AdapterError, match="shut down"):
        running.start()


def test_the_context_manager_starts_and_shuts_down(adapter: SwitchAdapter) -> None:
    with adapter as entered:
        assert entered is adapter and adapter.started
    assert not adapter.started


def test_diagnostics_list_the_equipment(running: SwitchAdapter) -> None:
    boards = running.boards()
    assert boards
    assert {t.board for t in running.trunks()} <= {b.id for b in boards}
    assert {c.board for c in running.channels()} <= {b.id for b in boards}
