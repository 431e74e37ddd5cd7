"""Three months of the dunning calendar on a controllable clock (issue 17): the 21st, the
10:00–22:00 window, closed days, the 10-day recall, both suspension files, reconciliation,
restore after payment, idempotent days and a restart in the middle of one."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from dunning_world import Floor, at

from models.calls import CallOutcome
from models.dunning.calendar import DunningConfig, local_date
from models.dunning.files import parse_billing, parse_payments
from models.dunning.records import Stage, SuspensionState
from models.persistence.database import Database

PHONES = {
    "R": "13800000001",  # never pays, always answers
    "P": "13800000002",  # pays on 5 March
    "N": "13800000003",  # never answers; pays on 1 April (after its one-way suspension)
    "V": "13800000004",  # VIP: the manual seat
    "D": "13800000005",  # do not call
    "B": "13800000006",  # blacklisted
    "C": "13800000007",  # open charge complaint until 1 March
    "K": "13800000008",  # paid before the 21st
}
BILLING = "account,name,phone,level,do_not_call,period,amount\n" + "\n".join(
    f"{a},客户{a},{p},{'vip' if a == 'V' else 'normal'},{1 if a == 'D' else 0},2026-01,88.50"
    for a, p in PHONES.items()) + "\n"
CFG = DunningConfig(closed_days=frozenset({"2026-02-23"}))


def pay(floor: Floor, ref: str, account: str, amount: str, day: str) -> dict:
    text = f"reference,account,amount,paid_at,channel\n{ref},{account},{amount},{day},bank\n"
    return floor.repo.import_payments(parse_payments(text, CFG, floor.repo.account_ids()))


@pytest.fixture
def floor(db: Database) -> Floor:
    f = Floor(db, at("2026-02-20", "09:00"), CFG, blocked={PHONES["B"]})
    f.repo.import_billing(parse_billing(BILLING), f.switch.t, CFG)
    f.switch.outcomes[PHONES["N"]] = [CallOutcome.NO_ANSWER] * 500
    f.orders.append({"caller": PHONES["C"], "classification": ["账务", "话费争议"],
                     "state": "dispatched"})
    f.dialer.set_running(True, "boss")
    return f


def local(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t, CFG.zone)


def test_a_three_month_arrears_cycle(floor: Floor) -> None:
    pay(floor, "K-1", "K", "88.50", "2026-02-15")
    floor.run_until(at("2026-03-01", "00:00"))
    floor.orders[0]["state"] = "archived"  # the complaint is closed: C may be called again
    floor.run_until(at("2026-03-05", "09:00"))
    pay(floor, "P-1", "P", "88.50", "2026-03-05T08:30")
    floor.run_until(at("2026-04-01", "08:00"))
    assert pay(floor, "N-1", "N", "88.50", "2026-04-01")["paid_accounts"] == ["N"]
    floor.run_until(at("2026-04-25", "00:00"))

    dials = floor.switch.dials
    # the window, the 21st and the closed day
    assert dials and min(t for t, *_ in dials) >= at("2026-02-21", "10:00")
    for t, *_ in dials:
        assert dt.time(10) <= local(t).time() < dt.time(22), local(t)
        assert local(t).date() != dt.date(2026, 2, 23)
    # never to do-not-call, blacklisted, VIP (manual seat) or the account that paid in time
    for who in "DBVK":
        assert floor.dials_of(PHONES[who]) == [], who
    # the 10-day recall: R heard the notice on the 21st, next call ten days later
    r_days = sorted({local(t).date() for t in floor.dials_of(PHONES["R"])})
    assert r_days[:3] == [dt.date(2026, 2, 21), dt.date(2026, 3, 3), dt.date(2026, 3, 13)]
    assert all((b - a).days >= 10 for a, b in itertools.pairwise(r_days))
    # R in two-way suspension from 21 April goes to the collection group: no robot after
    assert all(local(t).date() < dt.date(2026, 4, 21) for t in floor.dials_of(PHONES["R"]))
    # the complaint held C until it was archived (00:00, 1 March): called that day
    assert floor.dials_of(PHONES["C"])
    assert min(local(t).date() for t in floor.dials_of(PHONES["C"])) == dt.date(2026, 3, 1)
    # P paid on 5 March: not called after it
    assert all(t < at("2026-03-05") for t in floor.dials_of(PHONES["P"]))
    # no answer: three tries a day with back-off (30 min, then 60)
    n_first = sorted(t for t in floor.dials_of(PHONES["N"]) if local(t).date()
                     == dt.date(2026, 2, 21))
    assert len(n_first) == 3
    assert n_first[1] - n_first[0] >= 1800 + 60 and n_first[2] - n_first[1] >= 3600 + 60

    repo = floor.repo
    one_way = repo.get_file("one_way", "2026-03-21")
    assert one_way is not None
    assert sorted(r["account"] for r in one_way.rows) == ["B", "C", "D", "N", "R", "V"]
    assert {r["action"] for r in one_way.rows} == {"suspend_one_way"}
    two_way = repo.get_file("two_way", "2026-04-21")
    assert two_way is not None
    assert sorted(r["account"] for r in two_way.rows) == ["B", "C", "D", "R", "V"]
    restore = repo.get_file("restore", "2026-04-01")
    assert restore is not None and [r["account"] for r in restore.rows] == ["N"]
    assert repo.get_account("N").suspension is SuspensionState.NONE
    assert repo.get_account("R").suspension is SuspensionState.TWO_WAY
    assert repo.get_account("R").stage is Stage.TWO_WAY
    assert repo.get_account("P").stage is Stage.NONE
    # the collection group's queue holds the two-way accounts that may be called, and V
    manual = {c.account for c in floor.dialer.manual}
    assert {"R", "C", "V"} <= manual and not manual & {"D", "B"}


def test_running_a_day_twice_writes_nothing_twice_and_calls_nobody_twice(
        floor: Floor) -> None:
    floor.run_until(at("2026-03-21", "12:00"))
    first = floor.repo.get_file("one_way", "2026-03-21")
    calls_before = len(floor.switch.dials)
    again = floor.dialer.run_day(dt.date(2026, 3, 21))
    assert again["files"]["one_way"] == {"rows": len(first.rows), "written": False}
    assert floor.repo.get_file("one_way", "2026-03-21") == first
    floor.run_until(at("2026-03-22", "00:00"))
    day = [n for t, n, _ in floor.switch.dials if local(t).date() == dt.date(2026, 3, 21)]
    answered = [p for p in day if p != PHONES["N"]]
    assert len(answered) == len(set(answered))  # one contact per account a day
    assert len(floor.switch.dials) >= calls_before


def test_a_restart_in_the_middle_of_a_day_calls_nobody_twice(floor: Floor) -> None:
    floor.run_until(at("2026-02-21", "09:55"), step=300)
    floor.switch.talk_s = 600  # calls still on the line when switchlink stops
    floor.run_until(at("2026-02-21", "10:01"), step=60)
    in_flight = dict(floor.dialer.inflight)
    assert in_flight
    # switchlink stops; the calls in flight are lost with it; a new dialer starts
    floor.switch.live.clear()
    floor.switch.talk_s = 60
    floor.dialer = floor.new_dialer()
    assert floor.dialer.running  # the campaign state survived
    floor.run_until(at("2026-02-22", "00:00"))
    day = [n for t, n, _ in floor.switch.dials if local(t).date() == dt.date(2026, 2, 21)]
    for phone in set(day) - {PHONES["N"]}:
        assert day.count(phone) == 1, phone
    results = {a.result for a in floor.repo.attempts_on("2026-02-21")}
    assert "interrupted" in results and "dialing" not in results


def test_paused_campaign_dials_nobody_and_resumes(floor: Floor) -> None:
    floor.dialer.set_running(False, "boss")
    floor.run_until(at("2026-02-21", "15:00"))
    assert floor.switch.dials == []
    floor.dialer = floor.new_dialer()  # paused survives a restart too
    assert not floor.dialer.running
    floor.dialer.set_running(True, "boss")
    floor.run_until(at("2026-02-21", "16:00"))
    assert floor.switch.dials
    assert local_date(floor.switch.dials[0][0], CFG) == dt.date(2026, 2, 21)
