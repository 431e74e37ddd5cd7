"""The S1 staffing formula for monthly planning, with the ratio and working-time checks.

CSR count = monthly volume × average talk time × connection rate
            ÷ (monthly work time per person × attendance rate × utilisation)

Checks (REQUIREMENTS.md §10): one team leader per 10–15 CSRs, and a person's month at most
167 h of standard time plus at most 36 h of overtime. Pure: the console's planning view and
its tests share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

#: standard working hours in a month and the overtime allowed on top (labour law, S1)
STANDARD_HOURS = 167.0
OVERTIME_HOURS = 36.0
#: CSRs per team leader
RATIO_RANGE = (10, 15)


class PlanError(ValueError):
    """An input is out of range; ``field`` names it for the form."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True, slots=True)
class PlanInput:
    monthly_volume: float  # calls a month
    talk_time_s: float  # average talk time per call, seconds
    connection_rate: float  # share of calls answered (接通率), 0–1
    hours_per_person: float  # monthly work time per person, hours
    attendance_rate: float  # share of scheduled time people are present (出勤率), 0–1
    utilisation: float  # share of present time on calls (工时利用率), 0–1
    team_leaders: int = 0  # planned team leaders (0: not checked, only recommended)


@dataclass(frozen=True, slots=True)
class PlanResult:
    workload_h: float  # hours of talk a month
    csr_exact: float
    csr: int  # rounded up: people are whole
    leaders_min: int
    leaders_max: int
    overtime_h: float  # hours per person above the standard month
    #: check codes that failed: "overtime" (above 167 h), "overtime_limit" (above 167 + 36 h),
    #: "too_few_leaders", "too_many_leaders"
    problems: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return None if not self.leaders else self.csr / self.leaders

    leaders: int = 0


def _check(name: str, value: float, low: float, high: float, *, open_low: bool = True) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise PlanError(name, f"must be a number, got {value!r}")
    if (value <= low if open_low else value < low) or value > high:
        bounds = f"({low:g}, {high:g}]" if open_low else f"[{low:g}, {high:g}]"
        raise PlanError(name, f"must be in {bounds}, got {value:g}")


def plan_staff(plan: PlanInput) -> PlanResult:
    """CSRs the month needs by the S1 formula, the team leaders for 10–15 : 1, and the checks."""
    _check("monthly_volume", plan.monthly_volume, 0, 1e9)
    _check("talk_time_s", plan.talk_time_s, 0, 86_400)
    _check("connection_rate", plan.connection_rate, 0, 1)
    _check("hours_per_person", plan.hours_per_person, 0, 744)  # 31 × 24
    _check("attendance_rate", plan.attendance_rate, 0, 1)
    _check("utilisation", plan.utilisation, 0, 1)
    _check("team_leaders", plan.team_leaders, 0, 100_000, open_low=False)
    workload_h = plan.monthly_volume * plan.talk_time_s / 3600.0 * plan.connection_rate
    capacity_h = plan.hours_per_person * plan.attendance_rate * plan.utilisation
    exact = workload_h / capacity_h
    csr = math.ceil(exact - 1e-9)
    leaders_min = math.ceil(csr / RATIO_RANGE[1])
    leaders_max = max(leaders_min, csr // RATIO_RANGE[0])
    overtime = max(0.0, plan.hours_per_person - STANDARD_HOURS)
    problems: list[str] = []
    if overtime > OVERTIME_HOURS:
        problems.append("overtime_limit")
    elif overtime > 0:
        problems.append("overtime")
    leaders = int(plan.team_leaders)
    if leaders:
        if csr > leaders * RATIO_RANGE[1]:
            problems.append("too_few_leaders")
        elif csr < leaders * RATIO_RANGE[0]:
            problems.append("too_many_leaders")
    return PlanResult(workload_h, exact, csr, leaders_min, leaders_max, overtime, problems,
                      leaders)
