"""Clone-pattern state sync: snapshot, sequenced deltas; gaps and slow clients resync alone."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scripted_switch import Running, ScriptedAdapter, live_client, make_client, start_server

from models.agents import AgentState
from models.events import AgentStateChanged, Event
from switchlink.engine.state import FloorState

STATES = [AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT, AgentState.TALKING]


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = start_server(tmp_path)
    yield r
    r.stop()


def floor_of(r: Running) -> dict[str, Any]:
    assert r.server.floor is not None
    return {k: v for k, v in r.server.floor.items() if k != "daemon/info"}


def mirror_of(client: Any) -> dict[str, Any]:
    return {k: v for k, v in client.mirror.items("").items() if k != "daemon/info"}


def state_events(n: int, agents: int, seed: int) -> list[Event]:
    rng = random.Random(seed)
    return [
        AgentStateChanged(float(i), f"{1000 + rng.randrange(agents)}", rng.choice(STATES))
        for i in range(n)
    ]


def drop_one_delta(r: Running) -> None:
    """Make the server skip one sequence number, as if a PUB message were lost."""
    dropped = []

    def processor(events: list[Event], floor: FloorState) -> list[Any]:
        if not dropped:
            dropped.append(True)
            r.server.sequence += 1
        return []

    r.server.processors.append(processor)


def test_a_new_client_receives_the_snapshot_and_goes_live(running: Running) -> None:
    client = live_client(running)
    try:
        assert mirror_of(client) == floor_of(running)
        assert client.mirror.epoch == running.server.epoch
        assert client.mirror.get("agent/1001")["work_number"] == "1001"
        assert len(client.mirror.items("agent/")) == 5
    finally:
        client.close()


def test_deltas_update_the_mirror_and_report_changed_keys(running: Running) -> None:
    client = live_client(running)
    seen: set[str] = set()
    client.on_change(seen.update)
    try:
        running.adapter.push(AgentStateChanged(1.0, "1003", AgentState.READY))
        assert client.wait_until(lambda: "agent/1003" in seen, 5)
        assert client.mirror.get("agent/1003")["state"] == "ready"
        assert client.resyncs == 1
    finally:
        client.close()


def test_a_dropped_delta_makes_the_client_snapshot_again(running: Running) -> None:
    client = live_client(running)
    resynced: list[bool] = []
    client.on_resync(lambda: resynced.append(True))
    try:
        drop_one_delta(running)
        running.adapter.push(*state_events(50, 5, seed=1))
        assert client.wait_until(lambda: bool(resynced), 5), "the gap went unnoticed"
        assert client.wait_until(
            lambda: client.mirror.sequence == running.server.sequence, 5
        )
        assert mirror_of(client) == floor_of(running)
    finally:
        client.close()


def test_a_restarted_daemon_with_a_new_epoch_is_resynced_without_help(tmp_path: Path) -> None:
    first = start_server(tmp_path / "a")
    client = live_client(first)
    try:
        old_epoch = client.mirror.epoch
        first.stop()
        adapter = ScriptedAdapter(agents=7)
        second = start_server(tmp_path / "a", adapter, endpoint=first.endpoint)
        try:
            assert client.wait_until(
                lambda: client.mirror.epoch == second.server.epoch and client.link_status == "live",
                15,
            )
            assert client.mirror.epoch != old_epoch
            assert len(client.mirror.items("agent/")) == 7
        finally:
            second.stop()
    finally:
        client.close()


def test_a_frozen_client_never_stalls_the_daemon_and_catches_up_later(tmp_path: Path) -> None:
    r = start_server(tmp_path, ScriptedAdapter(agents=50), pub_hwm=4)
    frozen = make_client(r, rcvhwm=4)
    frozen.connect()
    assert frozen.wait_until(lambda: frozen.link_status == "live", 10)
    healthy = live_client(r)
    try:
        events = state_events(200_000, 50, seed=2)
        for i in range(0, len(events), 5000):  # small bites so the server pumps many batches
            r.adapter.push(*events[i : i + 5000])
        assert healthy.wait_until(lambda: r.server.events_in == len(events), 60), (
            "the daemon stalled behind a frozen subscriber"
        )
        assert healthy.wait_until(lambda: healthy.mirror.sequence == r.server.sequence, 30)
        assert mirror_of(healthy) == floor_of(r)
        # the frozen client wakes up, sees the gap and resyncs
        assert frozen.wait_until(lambda: frozen.mirror.sequence == r.server.sequence, 30)
        assert frozen.resyncs >= 2
        assert mirror_of(frozen) == floor_of(r)
    finally:
        frozen.close()
        healthy.close()
        r.stop()


@pytest.mark.slow
def test_after_a_million_events_and_forced_gaps_the_mirror_equals_the_daemon(
    tmp_path: Path,
) -> None:
    r = start_server(tmp_path, ScriptedAdapter(agents=500))
    client = live_client(r)
    try:
        total = 1_000_000
        chunk = 100_000
        for start in range(0, total, chunk):
            if start in (300_000, 700_000):
                drop_one_delta(r)
            r.adapter.push(*state_events(chunk, 500, seed=start))
            done = start + chunk
            assert client.wait_until(lambda n=done: r.server.events_in >= n, 120)
        assert client.wait_until(lambda: r.server.events_in >= total, 120)
        # stop publishing first, then let the mirror catch up: an analytics tick landing between
        # "caught up" and "stop" left the daemon one tick ahead of what it had sent
        r.server.stop()
        r.thread.join(5)
        assert client.wait_until(lambda: client.mirror.sequence == r.server.sequence, 60)
        assert r.server.events_in == total
        assert client.resyncs >= 2, "the forced gaps were not noticed"
        assert mirror_of(client) == floor_of(r)
    finally:
        client.close()
        r.stop()
