"""The dialer on the loopback emulator: outcomes follow the scenario, every attempt is
recorded, and pacing stops outbound calls while an inbound queue's service level is below
target and resumes with hysteresis (issue 17)."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter

from dunning_world import at
from emulated_floor import EmulatedFloor, billing_file

from models.dunning.calendar import DunningConfig
from models.events import CallArrived
from models.persistence.database import Database
from switchlink.adapters.loopback import load_scenario


def test_a_campaign_morning_on_the_default_floor(db: Database) -> None:
    scenario = load_scenario("default")
    outbound = dataclasses.replace(scenario.outbound, outcomes=(
        ("answered", 0.5), ("no_answer", 0.2), ("busy", 0.1), ("invalid", 0.1),
        ("machine", 0.1)))
    scenario = dataclasses.replace(scenario, outbound=outbound)
    # pacing judges no queue here (min_offered out of reach): this test is about outcomes
    cfg = DunningConfig(max_channels=6, retry_after_s=(600.0, 1200.0), min_offered=10**6)
    floor = EmulatedFloor(db, at("2026-02-21", "09:55"), scenario=scenario, cfg=cfg)
    floor.load(billing_file(300))
    floor.dialer.set_running(True, "boss")
    floor.run(2 * 3600, keep_events=True)

    out = [e for e in floor.events if isinstance(e, CallArrived)
           and e.direction.value == "outbound"]
    assert out, "the dialer placed no call on the emulator"
    assert all(e.announcement.startswith("dunning-notice:") for e in out)
    attempts = floor.repo.attempts_on("2026-02-21")
    results = Counter(a.result for a in attempts)
    # every outcome of the scenario shows up as a recorded attempt
    assert {"delivered", "no_answer", "busy", "invalid", "machine"} <= set(results)
    assert len(attempts) == len(out)
    # no-answer and busy are retried later the same day; invalid numbers are not
    by_account: dict[str, list[str]] = {}
    for a in sorted(attempts, key=lambda a: a.at):
        by_account.setdefault(a.account, []).append(a.result)
    retried = [r for r in by_account.values() if r[0] in ("no_answer", "busy") and len(r) > 1]
    assert retried
    assert all(len(r) == 1 for r in by_account.values() if r[0] == "invalid")
    assert max(floor.dialer.counts["dialed"], 0) == len(attempts)
    status = floor.dialer.status()
    assert status["counts"]["delivered"] == results["delivered"]
    assert status["series"] and sum(b["dialed"] for b in status["series"]) == len(attempts)
    # never more calls at once than the channel cap
    assert max(floor.concurrent) <= cfg.max_channels


def test_pacing_stops_while_inbound_service_level_is_low_and_resumes(db: Database) -> None:
    """The default floor's late morning: queues fall under their targets, then recover."""
    cfg = DunningConfig(max_channels=4, resume_hold_s=120.0)
    floor = EmulatedFloor(db, at("2026-02-21", "09:58"), cfg=cfg)
    floor.load(billing_file(2000))
    floor.dialer.set_running(True, "boss")
    floor.run(5 * 3600, step=10.0)

    changes = [(t, p) for i, (t, p, _, _) in enumerate(floor.trace)
               if i == 0 or floor.trace[i - 1][1] != p]
    paces = [p for _, p in changes]
    assert "stopped" in paces, "the inbound service level never fell below target"
    first_stop = paces.index("stopped")
    assert "running" in paces[first_stop:], "the dialer never resumed"
    assert floor.dials_while_stopped == 0
    for _, pace, channels, _ in floor.trace:
        assert channels == {"running": 4, "slowed": 2, "stopped": 0}[pace]
    # hysteresis: from stopped it climbs to slowed first, never straight back to running,
    # and only after the level held for resume_hold_s
    for (t0, a), (t1, b) in itertools.pairwise(changes):
        if a == "stopped":
            assert b == "slowed"
            assert t1 - t0 >= cfg.resume_hold_s
    assert floor.dialer.counts["dialed"] > 0
    # the campaign chart carries the queue the pacer watched, at its lowest each half hour:
    # in the half hour it first stopped, that queue was under its target
    stop_t = changes[first_stop][0]
    series = floor.dialer.status()["series"]
    bucket = next(b for b in reversed(series) if b["t"] <= stop_t)
    queue = bucket["paced_queue"]
    assert queue and bucket["paced_sl"] is not None
    assert bucket["paced_sl"] < floor.floor.get("queue/" + queue)["sl_target"]
