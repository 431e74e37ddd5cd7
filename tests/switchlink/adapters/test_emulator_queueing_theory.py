"""The emulator, configured as an M/M/c (and M/M/c+M), against Erlang C (and Erlang A).

Why: every later change to the emulator (the IVR stage, routing, agents) must leave the plain
queue behaving as queueing theory says. Each case runs one queue fed by Poisson arrivals at a
constant rate on a direct line, exponential handle times, ring time 0, no after-call work, no
holds, no breaks, no IVR, trunks never full (docs/emulator.md, "The emulator as an M/M/c").

Method: each seed is one independent replication. The first ``warmup_h`` hours are thrown away
(the floor starts empty); callers arriving in the next ``measure_h`` hours are followed until
answered or gone, and occupancy is the time-average of busy agents over that window. The
tolerance is not chosen: it is the spread of the per-seed estimates. A figure passes when
|mean over seeds − theory| ≤ K·SE, SE = sample standard deviation / √seeds and
K = 4.78, Student's t two-sided 99.9 % quantile at 9 degrees of freedom (10 seeds): a correct
emulator fails a given comparison 1 time in 1,000, and the ~20 comparisons here together less
than 1 time in 50. ``pytest -s`` prints theory, mean ± SE and the allowed band for each.
"""

from __future__ import annotations

import math
import statistics
import tomllib
from dataclasses import dataclass, field

import pytest

from models.agents import AgentState
from models.calls import CallOutcome
from models.events import AgentStateChanged, CallAnswered, CallEnded, CallQueued, Event
from models.workforce import erlang_a, erlang_c, erlang_c_asa, erlang_c_service_level
from models.workforce import occupancy as erlang_c_occupancy
from switchlink.adapters.loopback import LoopbackAdapter, Scenario, load_scenario
from switchlink.adapters.loopback.scenario import parse_scenario

#: 2026-03-02 00:00 UTC
START = 1_772_409_600.0
SEEDS = tuple(range(1, 11))
#: Student's t, two-sided 99.9 %, 9 degrees of freedom (len(SEEDS) - 1)
K = 4.781
BUSY = {AgentState.RINGING, AgentState.TALKING, AgentState.ON_HOLD}


def mmc_scenario(agents: int, per_half_hour: float, aht: float,
                 patience: float | None = None, threshold: float = 20.0) -> Scenario:
    """One M/M/c (+M when ``patience`` is given) queue, as resources/scenarios/mmc.toml."""
    profile = ", ".join([repr(per_half_hour)] * 48)
    abandon = "true" if patience is not None else "false"
    patience_line = (f'patience = {{ kind = "exponential", mean = {patience!r} }}'
                     if patience is not None else "")
    text = f"""
spec = "1.0"
name = "mmc-test"
[center]
day_start = "00:00"
abandonment = {abandon}
ring_time = 0
[[boards]]
id = "acd-1"
kind = "acd"
[[boards]]
id = "trunk-1"
kind = "trunk"
[[trunks]]
id = "pstn-1"
board = "trunk-1"
capacity = 100000
[[queues]]
id = "q"
sl_threshold_s = {threshold!r}
handle_time = {{ kind = "exponential", mean = {aht!r} }}
acw = 0
{patience_line}
[[lines]]
number = "10000"
trunk = "pstn-1"
queue = "q"
profile = [{profile}]
[[teams]]
id = "t"
count = {agents}
skills = {{ q = 1 }}
"""
    return parse_scenario(tomllib.loads(text), "<mmc-test>")


@dataclass(slots=True)
class Meter:
    """Folds an event stream into the figures of callers arriving in ``[t0, t1)``."""

    agents: int
    t0: float
    t1: float
    threshold: float
    waiting: dict[str, float] = field(default_factory=dict)  # call -> queued at
    waits_answered: list[float] = field(default_factory=list)
    busy_state: dict[str, bool] = field(default_factory=dict)  # agent -> on a call
    abandoned: int = 0
    abandoned_within: int = 0
    offered: int = 0
    busy: int = 0
    t_last: float = START
    busy_area: float = 0.0

    def feed(self, events: list[Event]) -> None:
        t0, t1 = self.t0, self.t1
        for ev in events:
            kind = type(ev)
            if kind is AgentStateChanged:
                a, b = max(self.t_last, t0), min(ev.t, t1)
                if b > a:
                    self.busy_area += self.busy * (b - a)
                self.t_last = ev.t
                was = self.busy_state.get(ev.agent, False)
                now = ev.state in BUSY
                self.busy += now - was
                self.busy_state[ev.agent] = now
            elif kind is CallQueued:
                if t0 <= ev.t < t1 and ev.call not in self.waiting:
                    self.waiting[ev.call] = ev.t
                    self.offered += 1
            elif kind is CallAnswered:
                queued = self.waiting.pop(ev.call, None)
                if queued is not None:
                    self.waits_answered.append(ev.t - queued)
            elif kind is CallEnded:
                queued = self.waiting.pop(ev.call, None)
                if queued is not None:
                    assert ev.outcome is CallOutcome.ABANDONED, ev
                    self.abandoned += 1
                    self.abandoned_within += ev.t - queued <= self.threshold

    def figures(self) -> dict[str, float]:
        assert not self.waiting, "callers still waiting: run the drain longer"
        n = self.offered
        waits = self.waits_answered
        within = sum(w <= self.threshold for w in waits)
        return {
            "p_wait": (sum(w > 0.0 for w in waits) + self.abandoned) / n,
            "service_level": (within + self.abandoned_within) / n,
            "answered_within": within / n,
            "asa": sum(waits) / len(waits),
            "occupancy": self.busy_area / ((self.t1 - self.t0) * self.agents),
            "p_abandon": self.abandoned / n,
        }


def measure(scenario: Scenario, seed: int, warmup_h: float, measure_h: float,
            threshold: float, drain_s: float = 3600.0) -> dict[str, float]:
    """One replication: the figures of the callers arriving in the measured window."""
    agents = scenario.agent_count
    t0 = START + warmup_h * 3600.0
    t1 = t0 + measure_h * 3600.0
    meter = Meter(agents, t0, t1, threshold)
    adapter = LoopbackAdapter(scenario=scenario, seed=seed, speed="fast", start=START)
    with adapter:
        while adapter.now() < t1 + drain_s:
            meter.feed(adapter.advance(3600.0))
    return meter.figures()


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    scenario: Scenario
    warmup_h: float
    measure_h: float
    theory: dict[str, float]


def _case_c(name: str, scenario: Scenario, warmup_h: float, measure_h: float) -> Case:
    """Erlang C figures for an M/M/c scenario, read from the scenario itself."""
    q = scenario.queues[0]
    n = scenario.agent_count
    aht = q.handle_time.mean
    rate = scenario.lines[0].profile[0] / 1800.0
    t = q.sl_threshold_s
    theory = {
        "p_wait": erlang_c(n, rate, aht),
        "service_level": erlang_c_service_level(n, rate, aht, t),
        "asa": erlang_c_asa(n, rate, aht),
        "occupancy": erlang_c_occupancy(n, rate, aht),
    }
    return Case(name, scenario, warmup_h, measure_h, theory)


def _case_a(name: str, scenario: Scenario, warmup_h: float, measure_h: float) -> Case:
    q = scenario.queues[0]
    assert q.patience is not None
    n = scenario.agent_count
    rate = scenario.lines[0].profile[0] / 1800.0
    r = erlang_a(n, rate, q.handle_time.mean, q.patience.mean, q.sl_threshold_s)
    theory = {
        "p_wait": r.p_wait,
        "service_level": r.service_level,
        "answered_within": r.answered_within,
        "asa": r.asa,
        "occupancy": r.occupancy,
        "p_abandon": r.p_abandon,
    }
    return Case(name, scenario, warmup_h, measure_h, theory)


CASES = {
    # the bundled example: M/M/14, 10 erlangs (ρ 0.71)
    "mmc": lambda: _case_c("mmc", load_scenario("mmc"), 1.0, 36.0),
    # the textbook A = 2, N = 3 (P(wait) 4/9), AHT 180 s
    "small": lambda: _case_c("small", mmc_scenario(3, 20.0, 180.0), 1.0, 48.0),
    # a heavily loaded large floor: M/M/100 at ρ 0.95 (Halfin-Whitt β = 0.5)
    "heavy": lambda: _case_c("heavy", mmc_scenario(100, 950.0, 180.0), 2.0, 24.0),
    # Erlang A: M/M/50+M at ρ 1.0, mean patience 3 min: a busy floor that sheds calls
    "abandon": lambda: _case_a("abandon", mmc_scenario(50, 500.0, 180.0, patience=180.0),
                               1.0, 24.0),
}


def _check(case: Case) -> None:
    threshold = case.scenario.queues[0].sl_threshold_s
    runs = [measure(case.scenario, seed, case.warmup_h, case.measure_h, threshold)
            for seed in SEEDS]
    failures = []
    for key, want in case.theory.items():
        values = [r[key] for r in runs]
        mean = statistics.fmean(values)
        se = statistics.stdev(values) / math.sqrt(len(values))
        ok = abs(mean - want) <= K * se
        line = (f"{case.name:8} {key:16} theory {want:9.4f}  emulator {mean:9.4f} ± {se:.4f} "
                f"(SE, {len(values)} seeds)  |diff| {abs(mean - want):.4f} "
                f"{'<=' if ok else '>'} {K}·SE = {K * se:.4f}")
        print(line)
        if not ok:
            failures.append(line)
    assert not failures, "emulator disagrees with queueing theory:\n" + "\n".join(failures)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_the_emulator_as_an_mmc_agrees_with_erlang(name: str) -> None:
    _check(CASES[name]())


def test_the_bundled_mmc_scenarios_are_configured_as_one() -> None:
    for name, patient in (("mmc", True), ("mmc_abandon", False)):
        sc = load_scenario(name)
        assert sc.ring_time.mean == 0.0
        assert sc.abandonment is not patient
        (q,) = sc.queues
        (line,) = sc.lines
        (team,) = sc.teams
        assert q.handle_time.kind == "exponential"
        assert q.acw.mean == 0.0 and q.hold_probability == 0.0 and q.max_length is None
        assert patient == (q.patience is None) or q.patience.kind == "exponential"
        assert line.queue == q.id and len(set(line.profile)) == 1 and len(line.profile) == 48
        assert team.breaks is None and team.shift_end_s is None
        assert sc.trunks[0].capacity >= 1000
