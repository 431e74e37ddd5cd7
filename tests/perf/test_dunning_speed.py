"""Dunning benchmarks (issue 17): planning a day for 1,000,000 accounts (time and peak
memory), and the dialer's effect on inbound service level on the default scenario — no
dialer, the dialer without pacing, the dialer with pacing — in one run.

Run with ``.venv/bin/pytest tests/perf/test_dunning_speed.py -s -m perf``; the figures are
PRINTED. Planning is the pure planner over views already in memory (what run-day does after
its one read of the database); memory is the process's peak RSS growth (the views', then the
plan's), as tracemalloc's overhead made the traced run too slow on the shared machine.
"""

from __future__ import annotations

import datetime as dt
import gc
import resource
import sys
import time
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "switchlink" / "services" / "dunning"))
from emulated_floor import EmulatedFloor, at, billing_file  # noqa: E402

from models.dunning.calendar import DunningConfig  # noqa: E402
from models.dunning.planner import AccountView, TodayAttempt, plan_day  # noqa: E402
from models.dunning.records import SuspensionState  # noqa: E402
from models.persistence.database import open_database  # noqa: E402

pytestmark = pytest.mark.perf
ACCOUNTS = 1_000_000


def _views(n: int, day: dt.date) -> list[AccountView]:
    """A realistic mix: most on the first notice, some recalled, suspended, VIP, capped."""
    views = []
    for i in range(n):
        period = "2026-01" if i % 10 else "2025-12"
        deliveries = [day - dt.timedelta(days=3 + i % 15)] if i % 3 == 0 else []
        contacts = deliveries[:] if i % 7 == 0 else []
        today = [TodayAttempt(0, "no_answer", 0.0)] if i % 11 == 0 else []
        views.append(AccountView(
            f"A{i:07d}", f"139{i:08d}", "", "vip" if i % 50 == 0 else "normal", i % 97 == 0,
            SuspensionState.ONE_WAY if i % 13 == 0 else SuspensionState.NONE, period,
            5000 + i % 20000, 1, deliveries, contacts, today))
    return views


@pytest.mark.timeout(1200)
def test_planning_a_day_for_a_million_accounts() -> None:
    day = dt.date(2026, 3, 21)
    cfg = DunningConfig()
    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    views = _views(ACCOUNTS, day)
    build_s = time.perf_counter() - t0
    rss_views = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    blocked = {f"139{i:08d}" for i in range(0, ACCOUNTS, 1000)}

    def plan() -> Any:
        return plan_day(views, day, cfg, blocked=blocked.__contains__,
                        complaint_hold=lambda n: n.endswith("777"))

    t1, c1 = time.perf_counter(), time.process_time()
    result = plan()
    plan_s, plan_cpu = time.perf_counter() - t1, time.process_time() - c1
    rss_plan = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts = result.counts()
    print(f"\n[dunning plan] {ACCOUNTS:,} accounts: plan_day {plan_s:.2f} s wall, "
          f"{plan_cpu:.2f} s CPU ({ACCOUNTS / plan_cpu:,.0f} accounts per CPU second); "
          f"max RSS +{(rss_plan - rss_views) / 1024:.0f} MiB while planning (the plan itself); "
          f"the views: {build_s:.2f} s to build, "
          f"max RSS +{(rss_views - rss0) / 1024:.0f} MiB; max RSS {rss_plan / 1024:.0f} MiB")
    print(f"[dunning plan] auto {counts['auto']:,}, manual {counts['manual']:,}, "
          f"one-way file {counts['one_way']:,}, two-way file {counts['two_way']:,}, "
          f"held {sum(result.held.values()):,}")
    assert counts["auto"] + counts["manual"] + sum(result.held.values()) == ACCOUNTS


def _morning(tmp: Path, name: str, cfg: DunningConfig | None, accounts: int) -> dict:
    db = open_database(f"sqlite:///{tmp / (name + '.db')}")
    db.migrate()
    try:
        floor = EmulatedFloor(db, at("2026-02-21", "09:30"), cfg=cfg or DunningConfig(),
                              seed=7)
        if cfg is not None:
            floor.load(billing_file(accounts))
            floor.dialer.set_running(True, "bench")
        t0 = time.perf_counter()
        floor.run(3 * 3600, step=10.0)
        wall = time.perf_counter() - t0
        center = floor.floor.get("metrics/center") or {}
        paces = [p for t, p, _, _ in floor.trace if t >= at("2026-02-21", "10:00")]
        return {"sl_today": center.get("service_level_today"),
                "busy": center.get("busy_today", 0),
                "abandoned": center.get("abandoned_today", 0),
                "offered": center.get("offered_today", 0),
                "dialed": floor.dialer.counts["dialed"] if cfg else 0,
                "held_share": (sum(1 for p in paces if p != "running") / len(paces))
                if cfg and paces else 0.0, "wall_s": wall}
    finally:
        db.close()


@pytest.mark.timeout(1200)
def test_the_dialers_effect_on_inbound_service_level(tmp_path: Path) -> None:
    """09:30–12:30 on the default floor, the same seed three times: the dialer takes trunk
    circuits (pstn-1, 90) from inbound; 30 channels make its share visible."""
    runs = {
        "no dialer": _morning(tmp_path, "none", None, 0),
        "dialer, no pacing": _morning(tmp_path, "free", DunningConfig(
            max_channels=30, min_offered=10**9), 6_000),
        "dialer, paced": _morning(tmp_path, "paced", DunningConfig(max_channels=30), 6_000),
    }
    print()
    for name, r in runs.items():
        sl = "—" if r["sl_today"] is None else f"{r['sl_today'] * 100:.1f} %"
        print(f"[dunning vs inbound] {name:18s} centre SL today {sl}, offered {r['offered']}, "
              f"abandoned {r['abandoned']}, busy {r['busy']}, dunning calls {r['dialed']}, "
              f"held back/slowed {r['held_share'] * 100:.0f} % of the window "
              f"({r['wall_s']:.1f} s wall)")
    assert runs["dialer, paced"]["dialed"] <= runs["dialer, no pacing"]["dialed"]
