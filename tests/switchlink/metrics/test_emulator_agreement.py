"""On the emulator, FloorMetrics agrees with `main.py simulate`'s own statistics, call for call."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from switchlink.adapters.loopback import LoopbackAdapter, load_scenario
from switchlink.metrics import FloorMetrics, MetricsConfig, SlDefinition
from switchlink.simulate import compute_statistics, run_scenario

HOURS = 3.0


@pytest.mark.parametrize("seed", [1, 7])
def test_per_queue_offered_answered_abandoned_and_sl_match_simulate(seed):
    scenario, events = run_scenario("small", seed, HOURS)
    start = datetime(2026, 3, 2) + timedelta(seconds=scenario.day_start_s)
    adapter = LoopbackAdapter(scenario=load_scenario("small"), seed=seed, speed="fast",
                              start=start)
    inventory = adapter.start()  # the same inventory the events start from
    adapter.shutdown()
    stats = compute_statistics(events, {q.id: q.sl_threshold_s for q in scenario.queues})
    # simulate's SL is the plain S0 formula: answered within the threshold / offered
    config = MetricsConfig(sl_definition=SlDefinition.ALL_OFFERED)
    metrics = FloorMetrics(inventory, config, now=events[0].t)
    for e in events:
        metrics.apply(e)
    out = metrics.snapshot(events[-1].t)
    assert sum(q.offered for q in stats.queues.values()) > 100  # a real sample, not a trickle
    for qid, expected in stats.queues.items():
        got = out[f"metrics/queue/{qid}"]
        assert got["offered_today"] == expected.offered, qid
        assert got["answered_today"] == expected.answered, qid
        assert got["abandoned_today"] == expected.abandoned, qid
        assert got["service_level_today"] == pytest.approx(expected.service_level), qid
        assert got["asa_s_today"] == pytest.approx(expected.asa_s), qid
        assert got["aht_s_today"] == pytest.approx(expected.aht_s), qid
    center = out["metrics/center"]
    assert center["offered_today"] == stats.center.offered - stats.center.busy + sum(
        q.busy for q in stats.queues.values())  # simulate adds pre-routing busy calls there
    assert center["answered_today"] == stats.center.answered
    assert center["abandoned_today"] == stats.center.abandoned
