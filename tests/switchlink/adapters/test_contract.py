"""One contract suite for every adapter: the shared behaviour of ``SwitchAdapter``.

Runs on the loopback emulator (a small scenario on the fast clock), the AMI adapter against
the replay server, the HylaFAX adapter against a real hfaxd (marker ``hylafax``) and a
composite of the emulator and HylaFAX. What an adapter does not serve raises the neutral
``UnsupportedOperation``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ami_replay import ami_options
from hylafax_server import hylafax_options

from models.agents import AgentState
from models.events import Event
from switchlink.adapters import SwitchAdapter, available_adapters, create_adapter
from switchlink.adapters.base import CAPABILITIES, Inventory
from switchlink.adapters.errors import (
    AdapterError,
    AdapterNotStarted,
    InvalidArgument,
    UnsupportedOperation,
)

LOOPBACK = {"scenario": "small", "seed": 1, "speed": "fast", "start": 1_772_438_400.0}

#: adapter name -> options built from the fixtures it needs
CONTRACT_OPTIONS: dict[str, Callable[[pytest.FixtureRequest], dict[str, Any]]] = {
    "loopback": lambda request: dict(LOOPBACK),
    "ami": lambda request: ami_options(request.getfixturevalue("ami_server")),
    "hylafax": lambda request: hylafax_options(request.getfixturevalue("hylafax_server")),
    "composite": lambda request: {"adapters": [
        {"adapter": "loopback", **LOOPBACK},
        {"adapter": "hylafax", **hylafax_options(request.getfixturevalue("hylafax_server"))},
    ]},
}
NEEDS_HYLAFAX = {"hylafax", "composite"}


def _params() -> list[Any]:
    return [pytest.param(name, marks=pytest.mark.hylafax) if name in NEEDS_HYLAFAX else name
            for name in available_adapters()]


def test_every_registered_adapter_is_in_the_contract_suite() -> None:
    assert set(available_adapters()) <= set(CONTRACT_OPTIONS)


@pytest.fixture(params=_params())
def adapter(request: pytest.FixtureRequest) -> SwitchAdapter:
    instance = create_adapter(request.param, **CONTRACT_OPTIONS[request.param](request))
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
    assert inventory.links and inventory.boards
    if "acd" in adapter.capabilities:
        assert inventory.agents and inventory.queues


def test_poll_returns_events_in_time_order(running: SwitchAdapter, tmp_path: Path) -> None:
    if running.capabilities == {"fax"}:  # a fax server is quiet until given work
        document = tmp_path / "bill.ps"
        document.write_bytes(b"%!PS-Adobe-3.0\nshowpage\n")
        running.send_fax("95598", str(document))
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


#: one operation per capability, with arguments that pass the shared checks
BY_CAPABILITY: dict[str, list[Callable[[SwitchAdapter], object]]] = {
    "acd": [
        lambda a: a.login("1001"),
        lambda a: a.set_state("1001", AgentState.READY),
        lambda a: a.set_skills("1001", {"billing": 5}),
        lambda a: a.monitor("call-1", "sup"),
        lambda a: a.force_release("call-1"),
        lambda a: a.originate("13800000000"),
    ],
    "ivr": [lambda a: a.load_ivr_flow("main", {})],
    "fax": [
        lambda a: a.send_fax("95598", "/nonexistent/bill.ps"),
        lambda a: a.fax_status("1"),
        lambda a: a.cancel_fax("1"),
        lambda a: a.fax_jobs("done"),
    ],
}


def test_what_an_adapter_does_not_serve_raises_unsupported(running: SwitchAdapter) -> None:
    missing = set(BY_CAPABILITY) - running.capabilities
    for capability in sorted(missing):
        for operation in BY_CAPABILITY[capability]:
            with pytest.raises(UnsupportedOperation):
                operation(running)
    if not missing:
        assert running.capabilities == CAPABILITIES
