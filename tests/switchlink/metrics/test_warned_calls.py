"""Warned callers (blacklist 提示/告警) are counted by the centre's metrics, next to blocked ones,
so the wall-board shows both from the same metrics tick (docs/blacklist.md "Enforcement")."""

from __future__ import annotations

from models.calls import CallOutcome
from models.events import CallArrived, CallEnded, CallQueued, CallScreened
from switchlink.adapters.base import Inventory
from switchlink.metrics import Clock, FloorMetrics, MetricsConfig

T0 = 1_767_600_000.0  # 2026-01-05 08:00 UTC


def test_a_warned_call_counts_as_warned_today_and_a_blocked_one_as_blocked_only() -> None:
    m = FloorMetrics(Inventory(agents=[], queues=[]), MetricsConfig(clock=Clock(utc_offset_s=0)),
                     now=T0)
    for e in (
        CallArrived(T0 + 1, "w1", "13988000001"),
        CallScreened(T0 + 1, "w1", "13988000001", 7, "warn", "threatens agents"),
        CallQueued(T0 + 1, "w1", "q1"),
        CallArrived(T0 + 2, "b1", "13988000002"),
        CallScreened(T0 + 2, "b1", "13988000002", 8, "busy", "spam"),
        CallEnded(T0 + 2, "b1", CallOutcome.BLOCKED),
        CallArrived(T0 + 3, "w2", "13988000001"),
        CallScreened(T0 + 3, "w2", "13988000001", 7, "warn", "threatens agents"),
    ):
        m.apply(e)
    c = m.publish(T0 + 10)["metrics/center"]
    assert (c["blocked_today"], c["warned_today"]) == (1, 2)
    assert c["warned_15m"] == 2 and c["warned_interval"] == 2
    # a new day starts from nothing, like every other "today" figure
    m.apply(CallArrived(T0 + 86_400, "x", "555"))
    assert m.publish(T0 + 86_401)["metrics/center"]["warned_today"] == 0
