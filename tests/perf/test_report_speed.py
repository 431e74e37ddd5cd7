"""Benchmark: a week's report from a week of history on SQLite (read, compute, PDF).

Run: ``.venv/bin/pytest tests/perf/test_report_speed.py -m perf -s -p no:cacheprovider``.
A floor of 60 agents answering ~5,500 calls a day (the default scenario's volume): 38,500
calls and ~150,000 agent state changes. Prints seconds per step; asserts the figures add up,
never a time (shared 2-core machine). Reports run on switchlink's report worker, never on
its event loop; this says how long a scheduled weekly report occupies that worker.
"""

from __future__ import annotations

import random
import time
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from models.calls import CallOutcome
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.persistence.reports import AgentStateRepository, ReportHistory
from models.records import CallRecord
from models.reports.compute import compute_report
from models.reports.periods import period_named
from models.reports.records import AgentStateEntry
from switchlink.services.reports.pdf import render_pdf

pytestmark = pytest.mark.perf
TZ = timezone(timedelta(hours=8))
AGENTS, CALLS_PER_DAY, DAYS = 60, 5_500, 7


def _history(start: float) -> tuple[list[CallRecord], list[AgentStateEntry]]:
    rng = random.Random(18)
    calls, states = [], []
    for day in range(DAYS):
        base = start + day * 86400 + 7 * 3600
        for a in range(AGENTS):
            states.append(AgentStateEntry(str(1000 + a), "ready", base))
            states.append(AgentStateEntry(str(1000 + a), "logged_out", base + 12 * 3600))
        for i in range(CALLS_PER_DAY):
            queued = base + rng.uniform(0, 12 * 3600 - 900)
            agent = str(1000 + rng.randrange(AGENTS))
            wait = rng.expovariate(1 / 8)
            answered = None if rng.random() < 0.03 else queued + wait
            end = (answered or queued + wait) + (rng.uniform(60, 400) if answered else 0)
            calls.append(CallRecord(
                call_id=f"{day}-{i}", caller="138", queue=("billing", "faults", "service")[i % 3],
                agent=agent if answered else None, arrived_at=queued - 10, queued_at=queued,
                answered_at=answered, ended_at=end,
                outcome=CallOutcome.ANSWERED if answered else CallOutcome.ABANDONED))
            if answered:
                states += [AgentStateEntry(agent, "talking", answered),
                           AgentStateEntry(agent, "after_call_work", end),
                           AgentStateEntry(agent, "ready", end + 20)]
    return calls, states


def test_a_weeks_report(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'week.sqlite3'}")
    db.migrate()
    period = period_named("weekly", "2026-06-01", TZ)
    calls, states = _history(period.start)
    t0 = time.perf_counter()
    repo, state_repo = CallRepository(db), AgentStateRepository(db)
    for i in range(0, len(calls), 5_000):
        repo.write_batch(calls[i:i + 5_000])
    for i in range(0, len(states), 20_000):
        state_repo.record(states[i:i + 20_000])
    t1 = time.perf_counter()
    inputs = ReportHistory(db).inputs(period)
    t2 = time.perf_counter()
    figures = compute_report(inputs)
    t3 = time.perf_counter()
    pdf = render_pdf(figures, "zh_CN", TZ)
    t4 = time.perf_counter()
    db.close()
    centre = figures["centre"]
    assert centre["offered"] == len(calls)
    assert centre["answered"] + centre["abandoned"] == len(calls)
    print(f"\nweekly report: {len(calls):,} calls, {len(states):,} agent states "
          f"(stored in {t1 - t0:.1f} s)\n"
          f"  read {t2 - t1:.2f} s, compute {t3 - t2:.2f} s, PDF {t4 - t3:.2f} s "
          f"({len(pdf):,} bytes)")
