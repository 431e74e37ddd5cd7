"""The dunning rules without a database: calendar, caps, holds, pacing, files, settings."""

from __future__ import annotations

import datetime as dt

import pytest

from models.blacklist_csv import CsvRefused
from models.dunning.calendar import (
    ConfigError,
    DunningConfig,
    may_dial,
    months_overdue,
)
from models.dunning.complaint_hold import held_numbers, is_charge_complaint
from models.dunning.files import (
    parse_billing,
    parse_payments,
    suspension_csv,
    yuan_to_fen,
)
from models.dunning.pacing import Pace, Pacer, QueueLevel
from models.dunning.planner import AccountView, Hold, TodayAttempt, plan_day
from models.dunning.records import Stage, SuspensionState
from models.dunning.settings import parse_settings

CFG = DunningConfig()
SH = CFG.zone


def t(day: str, clock: str) -> float:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock),
                               SH).timestamp()


def view(**kw: object) -> AccountView:
    base: dict[str, object] = {"account": "A", "phone": "13800000001",
                               "oldest_unpaid": "2026-01", "owed_fen": 100}
    base.update(kw)
    return AccountView(**base)  # type: ignore[arg-type]


def test_the_21st_and_the_months_in_arrears() -> None:
    assert months_overdue("2026-01", dt.date(2026, 2, 20), CFG) == 0
    assert months_overdue("2026-01", dt.date(2026, 2, 21), CFG) == 1
    assert months_overdue("2026-01", dt.date(2026, 3, 21), CFG) == 2
    assert months_overdue("2026-01", dt.date(2026, 4, 21), CFG) == 3
    assert months_overdue("2025-12", dt.date(2026, 1, 21), CFG) == 1  # across the year


def test_the_window_is_local_shanghai_time_and_closed_days_dial_nothing() -> None:
    assert not may_dial(t("2026-02-21", "09:59"), CFG)
    assert may_dial(t("2026-02-21", "10:00"), CFG)
    assert may_dial(t("2026-02-21", "21:59"), CFG)
    assert not may_dial(t("2026-02-21", "22:00"), CFG)
    # 02:00 UTC is 10:00 in Shanghai
    utc = dt.datetime(2026, 2, 21, 2, 0, tzinfo=dt.UTC).timestamp()
    assert may_dial(utc, CFG)
    closed = DunningConfig(closed_days=frozenset({"2026-02-21"}), closed_weekdays=frozenset({6}))
    assert not may_dial(t("2026-02-21", "12:00"), closed)
    assert not may_dial(t("2026-02-22", "12:00"), closed)  # a Sunday
    assert may_dial(t("2026-02-23", "12:00"), closed)


def test_caps_per_day_and_per_week() -> None:
    day = dt.date(2026, 3, 10)
    cfg = DunningConfig(recall_days=1)
    week = [day - dt.timedelta(days=d) for d in (1, 3, 5)]
    plan = plan_day([view(contacts=week, deliveries=[])], day, cfg)
    assert plan.held_accounts == {"A": Hold.WEEK_CAP}
    plan = plan_day([view(contacts=week[:2], deliveries=[])], day, cfg)
    assert [c.account for c in plan.auto] == ["A"]
    plan = plan_day([view(contacts=[day], deliveries=[])], day, cfg)
    assert plan.held_accounts == {"A": Hold.DAY_CAP}


def test_holds_blacklist_do_not_call_complaint_promise_and_vip() -> None:
    day = dt.date(2026, 2, 21)
    views = [view(account="B", phone="1"), view(account="D", phone="2", do_not_call=True),
             view(account="C", phone="3"), view(account="P", phone="4", promise_date="2026-02-25"),
             view(account="V", phone="5", level="vip"), view(account="N", phone="6")]
    plan = plan_day(views, day, CFG, blocked=lambda n: n == "1", complaint_hold=lambda n: n == "3")
    assert plan.held_accounts == {"B": Hold.BLACKLIST, "D": Hold.DO_NOT_CALL,
                                  "C": Hold.COMPLAINT, "P": Hold.PROMISED}
    assert [c.account for c in plan.auto] == ["N"]
    assert [c.account for c in plan.manual] == ["V"]


def test_no_answer_retries_with_back_off_then_stops() -> None:
    day = dt.date(2026, 2, 21)
    first = TodayAttempt(0, "no_answer", t("2026-02-21", "10:01"))
    plan = plan_day([view(today=[first])], day, CFG)
    assert plan.auto[0].slot == 1 and plan.auto[0].not_before == t("2026-02-21", "10:31")
    used = [first, TodayAttempt(1, "busy", 0.0), TodayAttempt(2, "no_answer", 0.0)]
    assert plan_day([view(today=used)], day, CFG).held_accounts == {"A": Hold.DONE_TODAY}
    reached = [TodayAttempt(0, "delivered", 0.0)]
    assert plan_day([view(today=reached)], day, CFG).held_accounts == {"A": Hold.DONE_TODAY}


def test_stages_and_files() -> None:
    day = dt.date(2026, 3, 21)
    plan = plan_day([view(account="1"), view(account="2", suspension=SuspensionState.ONE_WAY),
                     view(account="3", oldest_unpaid="2025-12"),
                     view(account="4", owed_fen=0, oldest_unpaid=None,
                          suspension=SuspensionState.ONE_WAY)], day, CFG)
    assert [v.account for v in plan.one_way] == ["1"]  # 2 is suspended already
    assert [v.account for v in plan.two_way] == ["3"]
    assert [v.account for v in plan.restore] == ["4"]
    assert plan.stages == {"1": Stage.ONE_WAY, "2": Stage.ONE_WAY, "3": Stage.TWO_WAY}
    recall = plan_day([view(deliveries=[dt.date(2026, 3, 1)])], dt.date(2026, 3, 11), CFG)
    assert recall.stages == {"A": Stage.SECOND_NOTICE} and recall.auto
    wait = plan_day([view(deliveries=[dt.date(2026, 3, 2)])], dt.date(2026, 3, 11), CFG)
    assert wait.held_accounts == {"A": Hold.RECALL_WAIT}


def test_pacing_slows_stops_and_resumes_with_hysteresis() -> None:
    cfg = DunningConfig(max_channels=4, slow_margin=0.05, resume_margin=0.05, resume_hold_s=120)
    pacer = Pacer(cfg)

    def feed(now: float, sl: float) -> Pace:
        return pacer.update(now, [QueueLevel("billing", sl, 0.8), QueueLevel("idle", None, 0.8)])

    assert feed(0, 0.95) is Pace.RUNNING and pacer.channels() == 4
    assert feed(10, 0.83) is Pace.SLOWED and pacer.channels() == 2
    assert pacer.reason.queue == "billing" and pacer.reason.service_level == 0.83
    assert feed(20, 0.79) is Pace.STOPPED and pacer.channels() == 0
    assert feed(30, 0.81) is Pace.STOPPED  # just above target is not enough
    assert feed(40, 0.86) is Pace.STOPPED  # above target + margin: the hold starts
    assert feed(159, 0.86) is Pace.STOPPED
    assert feed(160, 0.86) is Pace.SLOWED
    assert feed(170, 0.88) is Pace.SLOWED  # needs target + slow + resume margins to run
    assert feed(180, 0.91) is Pace.SLOWED
    assert feed(250, 0.84) is Pace.SLOWED  # a dip restarts the hold
    assert feed(260, 0.91) is Pace.SLOWED
    assert feed(380, 0.91) is Pace.RUNNING and pacer.channels() == 4
    assert pacer.reason.queue == ""


def test_charge_complaints() -> None:
    assert is_charge_complaint({"caller": "1", "classification": ["账务", "话费争议"],
                                "state": "dispatched"})
    assert is_charge_complaint({"caller": "1", "classification": "Billing/Overcharged",
                                "state": "accepted"})
    assert not is_charge_complaint({"caller": "1", "classification": ["计费", "扣费"],
                                    "state": "archived"})
    assert not is_charge_complaint({"caller": "1", "classification": ["网络", "信号差"],
                                    "state": "accepted"})
    assert held_numbers([{"caller": "9", "classification": ["收费"], "state": "urged"}]) == \
        frozenset({"9"})


def test_a_payment_file_with_bad_rows_is_refused_whole_naming_each() -> None:
    text = ("reference,account,amount,paid_at,channel\n"
            "R1,A,10.00,2026-03-01,bank\n"
            "R2,X,10.00,2026-03-01,bank\n"
            "R1,A,-3,2026-03-01,bank\n"
            "R4,A,1.234,yesterday,bank\n")
    with pytest.raises(CsvRefused) as info:
        parse_payments(text, CFG, {"A"})
    lines = [(e.line, e.reason) for e in info.value.errors]
    assert [ln for ln, _ in lines] == [3, 4, 5]
    assert "no dunning account 'X'" in lines[0][1]
    assert "also on line 2" in lines[1][1]
    assert "2 decimals" in lines[2][1]
    rows = parse_payments("reference,account,amount,paid_at\nR1,A,12.3,2026-03-01T09:00\n",
                          CFG, {"A"})
    assert rows[0].amount_fen == 1230 and rows[0].paid_at == t("2026-03-01", "09:00")


def test_a_billing_file_with_bad_rows_is_refused_whole() -> None:
    with pytest.raises(CsvRefused, match="header"):
        parse_billing("account,name\nA,x\n")
    text = ("account,name,phone,level,do_not_call,period,amount\n"
            "A,甲,13800000001,normal,0,2026-01,10\n"
            "A,甲,13800000001,normal,0,2026-13,10\n"
            "B,乙,12ab,gold,0,2026-01,10\n")
    with pytest.raises(CsvRefused) as info:
        parse_billing(text)
    assert [e.line for e in info.value.errors] == [3, 4]
    assert yuan_to_fen("0.5") == 50


def test_the_suspension_file_format() -> None:
    text = suspension_csv([{"file_date": "2026-03-21", "action": "suspend_one_way",
                            "account": "A", "phone": "13800000001", "name": "甲",
                            "months_in_arrears": "1", "owed": "88.50",
                            "oldest_period": "2026-01"}])
    assert text.splitlines()[0] == ("file_date,action,account,phone,name,months_in_arrears,"
                                    "owed,oldest_period")
    assert text.endswith("\r\n") and "甲" in text


def test_settings_are_checked_key_by_key() -> None:
    cfg = parse_settings({"entry_day": 20, "window_start": "09:00", "closed_days": ["2026-10-01"],
                          "retry_after_s": [600, 1200]})
    assert cfg.entry_day == 20 and cfg.retry_after_s == (600.0, 1200.0)
    with pytest.raises(ConfigError, match="unknown setting 'entryday'"):
        parse_settings({"entryday": 20})
    with pytest.raises(ConfigError, match="window 22:00–10:00"):
        parse_settings({"window_start": "22:00", "window_end": "10:00"})
    with pytest.raises(ConfigError, match="unknown time zone"):
        parse_settings({"timezone": "Mars/Olympus"})
    with pytest.raises(ConfigError, match="max_channels has the wrong type"):
        parse_settings({"max_channels": True})
