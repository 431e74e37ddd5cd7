"""The serving loop while a dunning day is planned (issue 17 follow-up): the longest dialer
tick, before (the plan ran inside the tick: the baseline, timed in the same run as the
synchronous ``run_day``) and after (the plan on its thread, ticks every 10 ms meanwhile).

Run with ``.venv/bin/pytest tests/perf/test_dunning_loop_stall.py -s -m perf``; the figures
are PRINTED (the loop's heartbeats and publishing wait as long as the longest tick).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "switchlink" / "services" / "dunning"))
from dunning_world import Floor, at  # noqa: E402
from emulated_floor import billing_file  # noqa: E402

from models.dunning.calendar import DunningConfig  # noqa: E402
from models.dunning.files import parse_billing  # noqa: E402
from models.persistence.database import open_database  # noqa: E402

pytestmark = pytest.mark.perf
ACCOUNTS = 20_000


def _floor(tmp_path: Path, name: str) -> Floor:
    db = open_database(f"sqlite:///{tmp_path / name}")
    db.migrate()
    f = Floor(db, at("2026-03-21", "09:00"), DunningConfig())
    f.repo.import_billing(parse_billing(billing_file(ACCOUNTS)), f.switch.t, f.cfg)
    f.switch.t = at("2026-03-21", "10:30")
    return f


@pytest.mark.timeout(1200)
def test_the_loop_while_a_day_is_planned(tmp_path: Path) -> None:
    before = _floor(tmp_path, "before.db")
    t0 = time.perf_counter()
    before.dialer.run_day()  # what the tick did on the loop before the fix
    stall_before = time.perf_counter() - t0

    after = _floor(tmp_path, "after.db")
    now, ticks, longest = after.switch.t, 0, 0.0
    t1 = time.perf_counter()
    while True:
        s = time.perf_counter()
        after.dialer.tick(now)
        longest = max(longest, time.perf_counter() - s)
        ticks += 1
        if after.dialer.day is not None:
            break
        time.sleep(0.01)
    plan_s = time.perf_counter() - t1
    print(f"\n[dunning loop] {ACCOUNTS:,} accounts: plan inside the tick (before) stalled the "
          f"loop {stall_before:.2f} s; plan on its thread (after): {plan_s:.2f} s until "
          f"loaded, {ticks} ticks meanwhile, longest tick {longest * 1000:.1f} ms")
    assert after.dialer.queue and len(after.dialer.queue) == len(before.dialer.queue)
