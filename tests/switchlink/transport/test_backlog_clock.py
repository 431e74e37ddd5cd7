"""A daemon behind its switch measures waits to the events it has applied, not to the switch
clock: the large scenario at ×60 showed 30+ queues waiting 14–27 min with agents ready."""

from __future__ import annotations

from pathlib import Path

from scripted_switch import ScriptedAdapter, free_port_pair

from models.agents import AgentState
from models.events import AgentStateChanged, CallAnswered, CallArrived, CallQueued
from switchlink.services.users.auth import Authenticator, FileAuditLog, FileUserStore
from switchlink.transport.keys import ensure_keys
from switchlink.transport.server import Server


def _server(tmp_path: Path, adapter: ScriptedAdapter) -> Server:
    server = Server(
        adapter, endpoint=f"tcp://127.0.0.1:{free_port_pair()}",
        keys=ensure_keys(tmp_path / "config"),
        authenticator=Authenticator(FileUserStore(tmp_path / "users.json")),
        audit=FileAuditLog(tmp_path / "audit.jsonl"),
    )
    server.start()
    return server


def test_longest_wait_is_measured_to_the_last_applied_event_while_behind(
        tmp_path: Path) -> None:
    adapter = ScriptedAdapter()
    t0 = adapter.clock
    server = _server(tmp_path, adapter)
    try:
        adapter.clock = t0 + 1800.0  # the switch is 30 min on; its events are not all read
        adapter.push(CallArrived(t0, "c1", "13800000000"), CallQueued(t0, "c1", "q0"))
        # a burst of agent changes over 10 s, then the answer 12 s after the call queued
        adapter.push(*(AgentStateChanged(t0 + i / 1000, "1001",
                                         AgentState.READY if i % 2 else AgentState.NOT_READY)
                       for i in range(10_000)))
        adapter.push(CallAnswered(t0 + 12.0, "c1", "1001"))
        assert server._pump_adapter(max_events=5000)  # half the burst applied: still behind
        server._tick_analytics()
        behind = server.floor.get("metrics/queue/q0") or {}
        assert behind["waiting"] == 1
        # the call has waited as long as the floor knows (5 s), not the switch's 30 min
        assert 4.0 <= behind["longest_wait_s"] <= 6.0
        while server._pump_adapter(max_events=5000):
            pass
        server._pump_adapter(max_events=5000)
        server._tick_analytics()
        caught_up = server.floor.get("metrics/queue/q0") or {}
        assert (caught_up["waiting"], caught_up["longest_wait_s"]) == (0, 0.0)
        assert caught_up["at"] == t0 + 1800.0  # caught up: the switch's own clock again
    finally:
        server.shutdown()
