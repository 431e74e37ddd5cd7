"""Deadlines in business time: working hours, weekends, holidays, make-up days, VIP first,
the warning levels, and a settings file that names its mistakes."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from models.complaints.calendar import BusinessCalendar
from models.complaints.deadlines import DeadlineTable, LimitRule, warning_at
from models.complaints.settings import SettingsError, load_settings, parse_settings

SH = ZoneInfo("Asia/Shanghai")


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> float:
    return datetime(y, m, d, hh, mm, tzinfo=SH).timestamp()


CAL = BusinessCalendar(holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2)}),
                       workdays=frozenset({date(2026, 10, 10)}))  # a Saturday worked (调休)


def test_working_time_skips_lunch_nights_and_weekends() -> None:
    assert CAL.day_seconds == 8 * 3600
    # Friday 17:00 + 2 h -> Monday 10:00 (one hour Friday, one on Monday)
    assert CAL.add(at(2026, 11, 27, 17), 2 * 3600) == at(2026, 11, 30, 10)
    # 11:30 + 1 h -> 13:30 (lunch 12-13 does not count)
    assert CAL.add(at(2026, 11, 30, 11, 30), 3600) == at(2026, 11, 30, 13, 30)
    # taken on Sunday evening: the clock starts Monday 09:00
    assert CAL.add(at(2026, 11, 29, 20), 60) == at(2026, 11, 30, 9, 1)
    assert CAL.between(at(2026, 11, 27, 17), at(2026, 11, 30, 10)) == 2 * 3600
    assert CAL.between(at(2026, 11, 30, 10), at(2026, 11, 27, 17)) == -2 * 3600


def test_holidays_do_not_count_and_make_up_days_do() -> None:
    # Wednesday 30 Sep 17:00 + 2 h: 1 and 2 Oct are holidays, 3-4 a weekend -> Mon 5 Oct
    assert CAL.add(at(2026, 9, 30, 17), 2 * 3600) == at(2026, 10, 5, 10)
    # Friday 9 Oct 17:00 + 2 h: Saturday 10 Oct is a working day
    assert CAL.add(at(2026, 10, 9, 17), 2 * 3600) == at(2026, 10, 10, 10)


def test_business_acceptance_has_seven_working_days_and_vip_comes_first() -> None:
    s = load_settings()
    monday_10 = at(2026, 11, 30, 10)
    normal = s.deadlines.deadline(monday_10, "业务办理/宽带/装机", "normal")
    vip = s.deadlines.deadline(monday_10, "业务办理/宽带/装机", "vip")
    assert normal.due_at == at(2026, 12, 9, 10)  # 7 working days: Wednesday next week
    assert vip.due_at == at(2026, 12, 3, 10)  # 3 working days
    fault_vip = s.deadlines.deadline(monday_10, "故障报修/宽带故障", "vip")
    assert fault_vip.due_at == at(2026, 11, 30, 15)  # 4 working hours, over lunch
    other = s.deadlines.deadline(monday_10, "其他", "normal")
    assert other.due_at == at(2026, 12, 7, 10)  # the default: 5 working days


def test_warning_levels_follow_the_share_of_the_limit_used() -> None:
    table = DeadlineTable([LimitRule("", "", days=1)], CAL)
    d = table.deadline(at(2026, 11, 30, 9), "x", "normal")
    assert d.level_at["yellow"] == at(2026, 11, 30, 14)  # 4 of 8 h, lunch skipped
    assert d.level_at["orange"] == at(2026, 11, 30, 16)
    assert d.level_at["red"] == at(2026, 11, 30, 17, 12)
    assert d.due_at == d.level_at["black"] == at(2026, 11, 30, 18)
    assert warning_at(d.level_at, at(2026, 11, 30, 13, 59)) == ""
    assert warning_at(d.level_at, at(2026, 11, 30, 14)) == "yellow"
    assert warning_at(d.level_at, at(2026, 11, 30, 17, 30)) == "red"
    assert warning_at(d.level_at, at(2026, 12, 1, 9)) == "black"
    assert table.remaining(d.due_at, at(2026, 12, 1, 10)) == -3600  # overdue by 1 working h


def test_settings_errors_name_the_field() -> None:
    with pytest.raises(SettingsError, match=r"calendar.periods\[0\]: must be HH:MM"):
        parse_settings({"tree": [{"name": "a"}], "calendar": {"periods": [["9", "18:00"]]},
                        "limits": [{"days": 1}], "causes": ["x"], "departments": ["d"],
                        "channels": ["hotline"], "customer_levels": ["normal"]})
    with pytest.raises(SettingsError, match="needs a default rule"):
        parse_settings({"tree": [{"name": "a"}], "limits": [{"classification": "a", "days": 1}],
                        "causes": ["x"], "departments": ["d"], "channels": ["hotline"],
                        "customer_levels": ["normal"]})
    with pytest.raises(SettingsError, match=r"tree\[0\].children\[0\].name"):
        parse_settings({"tree": [{"name": "a", "children": [{"name": "b/c"}]}]})


def test_default_catalogue_has_other_and_the_floor_businesses() -> None:
    s = load_settings()
    assert "其他" in s.causes and "其他" in s.departments
    assert {"话费查询", "业务办理/宽带/装机", "故障报修", "服务质量/久叫不应"} <= s.paths
    assert s.menu_for("故障报修/停电") == ("hotline-10000", "fault_number")
    assert s.calendar.periods[0] == (time(9), time(12))
