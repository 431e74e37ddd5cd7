"""Metrics and alarms run inside switchlink: consoles see them with nothing computed locally."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scripted_switch import PASSWORD, Running, live_client, start_server

from models.calls import CallOutcome
from models.events import CallArrived, CallEnded, CallIvrStep, CallQueued
from switchlink.services.alarms import MemoryRuleStore

RULE = {
    "id": "q0-waiting",
    "name": "calls waiting",
    "metric": "waiting",
    "scope": "queue:q0",
    "levels": {"yellow": {"threshold": 2, "clear_threshold": 1, "dispatch_plan": "move two"}},
}


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[Running, list]]:
    transitions: list = []
    r = start_server(
        tmp_path,
        rule_store=MemoryRuleStore([RULE]),
        on_alarm_transitions=transitions.extend,
    )
    yield r, transitions
    r.stop()


def _queue_call(r: Running, call: str, t: float) -> None:
    r.adapter.push(
        CallArrived(t, call, "13800000000"),
        CallIvrStep(t, call, "queue:q0"),
        CallQueued(t, call, "q0"),
    )


def test_console_mirror_gets_live_queue_metrics_from_the_daemon(running) -> None:
    r, _ = running
    client = live_client(r)
    try:
        assert client.mirror.get("metrics/center") is not None  # in the first snapshot
        _queue_call(r, "c1", r.adapter.clock)
        assert client.wait_until(
            lambda: (client.mirror.get("metrics/queue/q0") or {}).get("waiting") == 1, 5
        )
        assert client.mirror.get("metrics/center")["waiting"] == 1
    finally:
        client.close()


def test_an_alarm_is_raised_published_acknowledged_and_cleared(running) -> None:
    r, transitions = running
    client = live_client(r)
    try:
        client.login("sup", PASSWORD)
        for i in range(2):
            _queue_call(r, f"c{i}", r.adapter.clock)

        def alarm() -> dict | None:
            alarms = client.mirror.items("alarm/")
            return next(iter(alarms.values()), None)

        assert client.wait_until(lambda: alarm() is not None, 5), "alarm never reached the console"
        raised = alarm()
        assert (raised["level"], raised["scope"], raised["dispatch_plan"]) == (
            "yellow", "queue:q0", "move two")
        client.call("alarms.ack", {"alarm": raised["id"], "note": "two agents moved"})
        assert client.wait_until(lambda: (alarm() or {}).get("state") == "acknowledged", 5)
        r.adapter.push(*(CallEnded(r.adapter.clock, f"c{i}", CallOutcome.ABANDONED)
                         for i in range(2)))
        assert client.wait_until(lambda: alarm() is None, 5), "cleared alarm still shown"
        assert [t.kind for t in transitions] == ["raised", "acknowledged", "cleared"]
        assert transitions[1].by == "sup" and transitions[1].note == "two agents moved"
    finally:
        client.close()
