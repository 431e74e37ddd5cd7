"""The emulator is deterministic per seed, and its arrivals follow the scenario's Poisson rates."""

from __future__ import annotations

import itertools
import math

from loopback_helpers import START, of, run_hours, started, tiny

from models.events import CallArrived


def test_same_scenario_and_seed_give_the_identical_event_stream() -> None:
    first = [e.as_dict() for e in run_hours(started("small", seed=7), 2)]
    second = [e.as_dict() for e in run_hours(started("small", seed=7), 2)]
    assert len(first) > 1000
    assert first == second


def test_a_different_seed_gives_a_different_event_stream() -> None:
    first = [e.as_dict() for e in run_hours(started("small", seed=7), 2)]
    other = [e.as_dict() for e in run_hours(started("small", seed=8), 2)]
    assert first != other


def test_polling_in_fast_mode_yields_the_same_stream_as_advancing() -> None:
    adapter = started("small", seed=3)
    polled = []
    while len(polled) < 3000:
        polled += adapter.poll(max_events=250)
    reference = run_hours(started("small", seed=3), 3)[: len(polled)]
    assert [e.as_dict() for e in polled] == [e.as_dict() for e in reference]


def test_fast_mode_poll_returns_at_most_max_events_in_time_order() -> None:
    adapter = started("small")
    batch = adapter.poll(max_events=100)
    assert len(batch) == 100
    assert all(a.t <= b.t for a, b in itertools.pairwise(batch))
    assert batch[0].t >= START


def test_arrival_count_is_plausible_for_a_poisson_process() -> None:
    # 16 half hours at 100 calls each: 1600 expected, standard deviation 40
    counts = []
    for seed in (1, 2, 3):
        adapter = started(tiny(agents=60, per_half_hour=100, halves=16), seed=seed)
        counts.append(len(of(run_hours(adapter, 8), CallArrived)))
    for n in counts:
        assert abs(n - 1600) < 4 * math.sqrt(1600), counts
    assert len(set(counts)) == 3


def test_arrivals_follow_the_half_hourly_rate_profile() -> None:
    scenario = tiny(agents=20, per_half_hour=0)
    line = scenario.lines[0]
    import dataclasses

    profiled = dataclasses.replace(
        scenario, lines=(dataclasses.replace(line, profile=(0.0, 200.0, 0.0, 20.0)),)
    )
    arrivals = of(run_hours(started(profiled), 2), CallArrived)
    by_half = [0, 0, 0, 0]
    for e in arrivals:
        by_half[int((e.t - START) // 1800)] += 1
    assert by_half[0] == 0 and by_half[2] == 0
    assert 150 < by_half[1] < 250
    assert 5 < by_half[3] < 40


def test_vip_share_sets_the_customer_level_of_callers() -> None:
    # the small scenario's second line (10001) is all VIP, the IVR line 5 %
    arrivals = of(run_hours(started("small"), 4), CallArrived)
    vip_line = [e for e in arrivals if e.callee == "10001"]
    main_line = [e for e in arrivals if e.callee == "10000"]
    assert vip_line and all(e.customer_level == "vip" for e in vip_line)
    share = sum(e.customer_level == "vip" for e in main_line) / len(main_line)
    assert 0.01 < share < 0.12
