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
        lambda a: a.monitor("call-1", "sup", record=True),
        lambda a: a.whisper("call-1", "sup"),
        lambda a: a.barge("call-1", "sup"),
        lambda a: a.leave("call-1", "sup"),
        lambda a: a.transfer("call-1", to_queue="billing"),
        lambda a: a.cancel_logout("1001", reason="r", by="sup"),
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


# --- supervisor control (issue 12) ----------------------------------------------------------

#: adapters whose switch makes calls by itself, so a live call can be acted on here
MAKES_CALLS = {"loopback", "composite"}


def _live_call(adapter: SwitchAdapter) -> tuple[str, str, str]:
    """(call, agent, queue) of a queued call an agent has answered, from the adapter's own
    events."""
    from models.events import CallAnswered, CallEnded, CallQueued

    queues: dict[str, str] = {}
    live: dict[str, str] = {}
    for _ in range(200_000):  # one event at a time: the emulator's fast clock runs no further
        for event in adapter.poll(timeout=0.01, max_events=1):
            if isinstance(event, CallQueued):
                queues[event.call] = event.queue
            elif isinstance(event, CallAnswered) and event.agent and event.call in queues:
                live[event.call] = event.agent
            elif isinstance(event, CallEnded):
                live.pop(event.call, None)
        if live:
            call, agent = next(iter(live.items()))
            return call, agent, queues[call]
    raise AssertionError("no call was answered")


def _next_events(adapter: SwitchAdapter, n: int = 40) -> list[Event]:
    """The next ``n`` events one by one (on the fast clock the switch barely moves on)."""
    return [e for _ in range(n) for e in adapter.poll(timeout=0.01, max_events=1)]


def _of(events: list[Event], kind: type, call: str) -> list[Any]:
    return [e for e in events if isinstance(e, kind) and getattr(e, "call", None) == call]


def test_supervisor_operations_on_unknown_targets_raise_neutral_errors(
        running: SwitchAdapter) -> None:
    from switchlink.adapters.errors import InvalidOperation, UnknownTarget

    if "acd" not in running.capabilities:
        return  # covered by test_what_an_adapter_does_not_serve_raises_unsupported
    for operation in (
        lambda a: a.monitor("no-such-call", "sup"),
        lambda a: a.monitor("no-such-call", "sup", record=True),
        lambda a: a.whisper("no-such-call", "sup"),
        lambda a: a.barge("no-such-call", "sup"),
        lambda a: a.leave("no-such-call", "sup"),
        lambda a: a.force_release("no-such-call", by="sup", reason="r"),
        lambda a: a.cancel_logout("no-such-agent", reason="r", by="sup"),
    ):
        with pytest.raises((UnknownTarget, UnsupportedOperation, InvalidOperation)):
            operation(running)


def test_monitor_whisper_barge_leave_with_a_recording_on_a_live_call(
        running: SwitchAdapter) -> None:
    from models.calls import Participation
    from models.events import (
        CallParticipantsChanged,
        CallRecordingStarted,
        CallRecordingStopped,
    )

    if running.name not in MAKES_CALLS:
        if "acd" in running.capabilities:  # a real switch's adapter says what it cannot do
            with pytest.raises(UnsupportedOperation):
                running.cancel_logout("1001", reason="r", by="sup")
        return
    call, _, _ = _live_call(running)
    running.monitor(call, "sup", record=True)
    running.monitor(call, "sup2")  # two supervisors on one call
    running.whisper(call, "sup")
    running.barge(call, "sup")  # switched in place, never hung up
    events = _next_events(running)
    changes = _of(events, CallParticipantsChanged, call)
    assert changes[-1].participants == {"sup": Participation.BARGE,
                                        "sup2": Participation.MONITOR}
    (started,) = _of(events, CallRecordingStarted, call)
    running.leave(call, "sup")
    (stopped,) = _of(_next_events(running), CallRecordingStopped, call)
    assert (stopped.by, stopped.started_at) == ("sup", started.t)
    running.force_release(call, by="sup2", reason="test")
    with pytest.raises(AdapterError):
        running.leave(call, "sup2")


def test_a_forced_sign_out_during_a_call_is_pending_and_can_be_cancelled(
        running: SwitchAdapter) -> None:
    from models.events import AgentLogoutCancelled, AgentLogoutPending
    from switchlink.adapters.errors import InvalidOperation

    if running.name not in MAKES_CALLS:
        return  # the AMI adapter's answer is checked above; a fax server has no agents
    _, agent, _ = _live_call(running)
    running.set_state(agent, AgentState.LOGGED_OUT, forced=True, reason="end", by="sup")
    events = _next_events(running, 5)
    assert any(isinstance(e, AgentLogoutPending) and e.agent == agent for e in events)
    running.cancel_logout(agent, reason="stay", by="sup")
    events = _next_events(running, 5)
    assert [(e.agent, e.by) for e in events if isinstance(e, AgentLogoutCancelled)] == [
        (agent, "sup")]
    with pytest.raises(InvalidOperation, match="no sign-out pending"):
        running.cancel_logout(agent, reason="again", by="sup")


def test_a_call_is_transferred_to_a_queue(running: SwitchAdapter) -> None:
    from models.events import CallTransferred

    if running.name not in MAKES_CALLS:
        return
    call, agent, queue = _live_call(running)
    running.transfer(call, to_queue=queue)
    (moved,) = _of(_next_events(running, 5), CallTransferred, call)
    assert (moved.from_agent, moved.to_queue) == (agent, queue)
