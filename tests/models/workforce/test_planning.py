"""The S1 staffing formula and its checks (10–15 : 1 team leaders, 167 h + 36 h a month)."""

from __future__ import annotations

import pytest

from models.workforce.planning import PlanError, PlanInput, plan_staff


def plan(**changes: float) -> PlanInput:
    base = {"monthly_volume": 300_000, "talk_time_s": 180, "connection_rate": 0.9,
            "hours_per_person": 167, "attendance_rate": 0.95, "utilisation": 0.8,
            "team_leaders": 0}
    base.update(changes)
    return PlanInput(**base)  # type: ignore[arg-type]


def test_the_formula_by_hand() -> None:
    # 300,000 × 180 s × 0.9 = 13,500 h of talk; 167 × 0.95 × 0.8 = 126.92 h per CSR
    result = plan_staff(plan())
    assert result.workload_h == pytest.approx(13_500)
    assert result.csr_exact == pytest.approx(13_500 / 126.92)
    assert result.csr == 107  # 106.37 rounded up: people are whole
    assert (result.leaders_min, result.leaders_max) == (8, 10)  # 107/15 … 107/10
    assert result.problems == []


def test_an_exact_count_is_not_rounded_up_by_float_noise() -> None:
    # 100 calls × 3600 s × 1.0 = 100 h; 100 h per person at 100 %: exactly one CSR
    assert plan_staff(plan(monthly_volume=100, talk_time_s=3600, connection_rate=1,
                           hours_per_person=100, attendance_rate=1, utilisation=1)).csr == 1


def test_team_leader_ratio_outside_10_to_15_is_flagged() -> None:
    assert plan_staff(plan(team_leaders=9)).problems == []
    assert plan_staff(plan(team_leaders=7)).problems == ["too_few_leaders"]  # 15.3 : 1
    assert plan_staff(plan(team_leaders=11)).problems == ["too_many_leaders"]  # 9.7 : 1
    assert plan_staff(plan(team_leaders=9)).ratio == pytest.approx(107 / 9)


def test_monthly_hours_over_167_are_overtime_and_over_203_break_the_limit() -> None:
    assert plan_staff(plan(hours_per_person=180)).problems == ["overtime"]
    assert plan_staff(plan(hours_per_person=180)).overtime_h == pytest.approx(13)
    assert plan_staff(plan(hours_per_person=203)).problems == ["overtime"]
    assert plan_staff(plan(hours_per_person=204)).problems == ["overtime_limit"]


@pytest.mark.parametrize(("field", "value"), [
    ("monthly_volume", 0), ("talk_time_s", -5), ("connection_rate", 1.2),
    ("attendance_rate", 0), ("utilisation", float("nan")), ("hours_per_person", 800),
    ("team_leaders", -1),
])
def test_bad_inputs_name_the_field(field: str, value: float) -> None:
    with pytest.raises(PlanError) as err:
        plan_staff(plan(**{field: value}))
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: must be")
