"""complaints.* through the real dispatcher on a real SQLite file: the life cycle by role,
refusals (forbidden / invalid_operation / stale / bad_request), two people at once, search,
warnings and spikes on the alarm engine, the fault announcement into the IVR notice."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pytest

from models.calls import CallOutcome
from models.complaints.settings import load_settings
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.records import CallRecord
from models.security import Role
from switchlink.adapters.limits import Inventory
from switchlink.engine.state import FloorState
from switchlink.services import complaints as complaint_service
from switchlink.services.alarms import AlarmService, MemoryRuleStore
from switchlink.services.registry import CommandError, Context, dispatch

T0 = datetime(2026, 11, 30, 9, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()  # a Monday
AUDIT: list[Any] = []


@dataclass
class FakeSession:
    username: str
    role: Role
    department: str = ""
    teams: tuple[str, ...] = ()
    must_change_password: bool = False
    local: bool = False


class Sessions:
    """Tokens are user names; a session carries the user's department (User.department)."""

    USERS: ClassVar[dict[str, tuple[Role, str]]] = {
        "amy": (Role.AGENT, ""), "dora": (Role.QUALITY_INSPECTOR, ""),
        "bill": (Role.DEPARTMENT, "计费中心"), "nick": (Role.DEPARTMENT, "网络维护部"),
        "sue": (Role.SUPERVISOR, ""), "max": (Role.MAINTENANCE, ""),
    }

    def session(self, token: str | None) -> FakeSession:
        role, dept = self.USERS[str(token)]
        return FakeSession(str(token), role, dept)


class Audit:
    def record(self, entry: Any) -> None:
        AUDIT.append(entry)


class Switch:
    def __init__(self) -> None:
        self.t = T0
        self.flows_loaded: dict[str, Any] = {}

    def now(self) -> float:
        return self.t


@dataclass
class Desk:
    desk: Any
    switch: Switch
    floor: FloorState
    alarms: AlarmService
    db: Any

    def call(self, who: str, name: str, **args: Any) -> Any:
        ctx = Context(adapter=self.switch, floor=self.floor, auth=Sessions(),  # type: ignore
                      audit=Audit(), services={complaint_service.SERVICE_KEY: self.desk})
        return dispatch(ctx, name, args, who)

    def refused(self, who: str, name: str, **args: Any) -> CommandError:
        with pytest.raises(CommandError) as exc:
            self.call(who, name, **args)
        return exc.value


@pytest.fixture
def cd(tmp_path: Path) -> Iterator[Desk]:
    db = open_database(f"sqlite:///{tmp_path / 'c.db'}")
    db.migrate()
    switch = Switch()
    floor = FloorState(Inventory())
    alarms = AlarmService(MemoryRuleStore(), switch.now)
    desk = complaint_service.ComplaintDesk(db, load_settings(), switch.now, floor=floor,
                                           alarms=alarms)
    yield Desk(desk, switch, floor, alarms, db)
    db.close()


def tick(cd: Desk) -> None:
    """One ticker round as the server runs it: the warnings are read off the loop and
    published on the next tick."""
    cd.desk.tick(cd.switch.t)
    cd.desk.wait_for_warnings()
    cd.desk.tick(cd.switch.t)


def new(cd: Desk, who: str = "amy", **over: Any) -> dict[str, Any]:
    args = {"caller": "13800000001", "customer_level": "normal", "channel": "hotline",
            "classification": "话费查询/扣费异常", "description": "话费多扣了三十元",
            "area": "0571"}
    args.update(over)
    return cd.call(who, "complaints.new", **args)


def act(cd: Desk, who: str, order: dict[str, Any], action: str, **args: Any) -> dict[str, Any]:
    return cd.call(who, "complaints.act", id=order["id"], action=action,
                   version=order["version"], **args)


def test_the_whole_life_cycle_by_role(cd: Desk) -> None:
    order = new(cd)
    assert order["id"].startswith("TS20261130-") and order["state"] == "accepted"
    assert order["holder_department"] == "质检台" and order["warning"] == ""
    assert order["remaining_s"] == 5 * 8 * 3600  # the default: 5 working days, none used
    order = act(cd, "dora", order, "dispatch", department="计费中心")
    order = act(cd, "bill", order, "note", note="账单核查中")
    order = act(cd, "bill", order, "reply", note="已退还三十元")
    order = act(cd, "amy", order, "feedback", satisfied=True)
    order = act(cd, "dora", order, "archive")
    assert order["state"] == "archived" and order["satisfied"] is True
    shown = cd.call("sue", "complaints.show", id=order["id"])
    assert [h["action"] for h in shown["history"]] == [
        "accept", "dispatch", "note", "reply", "feedback", "archive"]
    assert [h["role"] for h in shown["history"]][:3] == ["agent", "quality_inspector",
                                                         "department"]
    assert shown["actions"] == []
    assert [e.action for e in AUDIT if e.target == order["id"]][-1] == "complaints.act"


def test_roles_are_refused_with_a_reason(cd: Desk) -> None:
    order = new(cd)
    err = cd.refused("amy", "complaints.act", id=order["id"], action="dispatch",
                     version=1, department="计费中心")
    assert err.code == "forbidden" and "quality desk" in err.message
    err = cd.refused("max", "complaints.list")
    assert err.code == "forbidden"
    err = cd.refused("bill", "complaints.new", caller="1", classification="其他",
                     description="x")
    assert err.code == "forbidden"
    order = act(cd, "dora", order, "dispatch", department="计费中心")
    err = cd.refused("nick", "complaints.act", id=order["id"], action="reply",
                     version=order["version"], note="done")
    assert err.code == "forbidden" and "held by 计费中心" in err.message
    err = cd.refused("bill", "complaints.act", id=order["id"], action="archive",
                     version=order["version"])
    assert err.code == "invalid_operation" and "is dispatched" in err.message
    assert cd.call("nick", "complaints.show", id=order["id"])["actions"] == ["urge"]
    assert cd.call("bill", "complaints.show", id=order["id"])["actions"] == [
        "note", "return", "reply", "urge"]


def test_two_people_at_once_one_wins_the_other_is_stale(cd: Desk) -> None:
    order = new(cd)
    order = act(cd, "dora", order, "dispatch", department="计费中心")
    results: dict[str, Any] = {}
    barrier = threading.Barrier(2)

    def go(who: str, action: str, note: str) -> None:
        barrier.wait()
        try:
            results[who] = act(cd, who, order, action, note=note)
        except CommandError as exc:
            results[who] = exc

    threads = [threading.Thread(target=go, args=("bill", "reply", "refunded")),
               threading.Thread(target=go, args=("sue", "note", "customer phoned again"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    errors = [r for r in results.values() if isinstance(r, CommandError)]
    wins = [r for r in results.values() if isinstance(r, dict)]
    assert len(errors) == 1 and len(wins) == 1
    assert errors[0].code == "stale" and "reload it" in errors[0].message
    loser = "bill" if isinstance(results["bill"], CommandError) else "sue"
    winner = "sue" if loser == "bill" else "bill"
    assert f"changed by {winner}" in errors[0].message
    history = cd.call("sue", "complaints.show", id=order["id"])["history"]
    assert [h["by"] for h in history][-1] == winner and len(history) == 3  # nothing half-done
    retried = cd.call("sue", "complaints.show", id=order["id"])["order"]
    again = act(cd, loser, retried, "note", note="after reload")  # nothing lost: redo works
    assert again["version"] == retried["version"] + 1


def test_bad_arguments_say_what_and_where(cd: Desk) -> None:
    err = cd.refused("amy", "complaints.new", caller="1", classification="业务/没有",
                     description="x")
    assert err.code == "bad_request" and "unknown classification" in err.message
    err = cd.refused("amy", "complaints.new", caller="1", classification="其他",
                     description="x", channel="fax")
    assert err.code == "bad_request" and "'channel' must be one of" in err.message
    err = cd.refused("amy", "complaints.act", id="TS1", action="urge")
    assert err.code == "bad_request" and "version" in err.message
    err = cd.refused("amy", "complaints.act", id="TS1", action="urge", version=1)
    assert err.code == "unknown_target"
    err = cd.refused("amy", "complaints.list", limit=501)
    assert err.code == "bad_request"
    err = cd.refused("amy", "complaints.report", period="daily", date="30/11/2026")
    assert err.code == "bad_request" and "YYYY-MM-DD" in err.message


def test_new_from_a_call_in_history_fills_caller_level_and_trail(cd: Desk) -> None:
    CallRepository(cd.db).write_batch([CallRecord(
        call_id="c-77", caller="02088887777", callee="10000", customer_level="vip",
        direction="inbound", queue="complaints", agent="1001", trunk=None, arrived_at=T0 - 300,
        ivr_at=T0 - 299, queued_at=T0 - 200, ringing_at=None, answered_at=T0 - 190,
        ended_at=T0 - 10, outcome=CallOutcome.ANSWERED, ivr_trail=["welcome", "main",
                                                                  "to_complaints"])], [])
    order = cd.call("amy", "complaints.new", call_id="c-77", classification="服务质量/久叫不应",
                    description="等了五分钟")
    assert (order["caller"], order["customer_level"]) == ("02088887777", "vip")
    assert order["ivr_trail"] == ["welcome", "main", "to_complaints"]
    assert order["remaining_s"] == 2 * 8 * 3600  # VIP first: 2 working days
    cd.floor.set("call/c-88", {"caller": "13900000000", "customer_level": "normal",
                               "ivr_trail": ["welcome", "main"]})
    live = cd.call("amy", "complaints.new", call_id="c-88", classification="其他",
                   description="x")
    assert live["caller"] == "13900000000" and live["ivr_trail"] == ["welcome", "main"]


def test_list_filters_mine_and_text(cd: Desk) -> None:
    a = new(cd, description="宽带装机三天没人上门", classification="业务办理/宽带/装机")
    b = new(cd, who="dora")
    act(cd, "dora", b, "dispatch", department="计费中心")

    def ids(who: str, **args: Any) -> list[str]:
        return [r["id"] for r in cd.call(who, "complaints.list", **args)["rows"]]

    assert ids("bill", mine=True) == [b["id"]]
    assert ids("nick", mine=True) == []
    assert ids("dora", mine=True) == [a["id"]]  # held by the desk
    assert ids("amy", mine=True) == [a["id"]]  # taken by me
    assert ids("sue", text="没人上门") == [a["id"]]
    assert ids("sue", classification="业务办理") == [a["id"]]
    assert ids("sue", state="dispatched") == [b["id"]]


def test_warnings_reach_the_alarm_engine_with_counts_and_ids(cd: Desk) -> None:
    order = new(cd, classification="故障报修/宽带故障")  # 1 working day
    tick(cd)
    assert cd.alarms.engine.active() == []
    cd.switch.t = T0 + 6 * 3600 + 1800  # 09:00 + 6.5 h incl. lunch: 5.5 of 8 h used (68 %)
    tick(cd)
    (alarm,) = cd.alarms.engine.active()
    assert (alarm.rule_id, alarm.level.label, alarm.value) == ("complaint-yellow", "yellow", 1)
    live = cd.floor.get("complaints/warnings")
    assert live["counts"]["yellow"] == 1 and live["orders"]["yellow"] == [order["id"]]
    cd.switch.t = T0 + 86400  # next morning: overdue
    tick(cd)
    assert [a.rule_id for a in cd.alarms.engine.active()] == ["complaint-black"]
    assert cd.call("sue", "complaints.warnings")["orders"]["black"] == [order["id"]]
    act(cd, "sue", order, "reply_now", note="answered")
    cd.switch.t += 31
    tick(cd)
    assert cd.alarms.engine.active() == []  # answered: the warning clears


def test_a_spike_raises_an_alarm_and_the_announcement_goes_to_the_ivr(cd: Desk,
                                                                      monkeypatch) -> None:
    from switchlink.services import ivr as ivr_service

    sent: dict[str, Any] = {}

    def emergency(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        sent.update(args)
        return {"flow": args["flow"], "notice": {"text": args["text"], "until": 0, "by": "sue"}}

    monkeypatch.setattr(ivr_service, "_emergency", emergency)
    for i in range(12):
        cd.switch.t = T0 + i * 60
        new(cd, classification="故障报修/宽带故障", description=f"断网 {i}", area="0571")
    tick(cd)
    spikes = cd.call("sue", "complaints.spikes")["spikes"]
    assert [s["key"] for s in spikes] == ["故障报修/宽带故障@0571"]
    (alarm,) = [a for a in cd.alarms.engine.active() if a.rule_id == "complaint-spike"]
    assert alarm.scope == "complaints:spike:故障报修/宽带故障@0571"
    assert cd.floor.get("complaints/spikes")["spikes"][0]["alarm"] == alarm.id
    err = cd.refused("dora", "complaints.announce", alarm=alarm.id, text="x",
                     expires_at=cd.switch.t + 600)
    assert err.code == "forbidden"
    done = cd.call("sue", "complaints.announce", alarm=alarm.id,
                   text="0571地区宽带故障正在抢修", expires_at=cd.switch.t + 3600)
    assert sent == {"flow": "hotline-10000", "text": "0571地区宽带故障正在抢修", "minutes": 60}
    assert done["node"] == "fault_number" and done["volume"]["interval_s"] == 300
    assert len(done["volume"]["before"]) == 12
    err = cd.refused("sue", "complaints.announce", classification="其他", text="x",
                     expires_at=cd.switch.t + 60)
    assert err.code == "invalid_operation" and "no IVR menu" in err.message


def test_report_by_classification_cause_and_department_per_period(cd: Desk) -> None:
    a = new(cd, cause="计费差错", responsible_department="计费中心")
    b = new(cd, classification="业务办理/宽带/装机")
    a = act(cd, "sue", a, "reply_now", note="explained")
    act(cd, "amy", a, "feedback", satisfied=True)
    b = act(cd, "dora", b, "dispatch", department="装维中心")
    daily = cd.call("sue", "complaints.report", period="daily", date="2026-11-30")
    rows = {r["key"]: r for r in daily["by_classification"]}
    assert rows["话费查询/扣费异常"]["on_time_rate"] == 1.0
    assert rows["话费查询/扣费异常"]["satisfaction_rate"] == 1.0
    assert rows["业务办理/宽带/装机"]["on_time_rate"] is None  # open, not yet due
    assert {r["key"] for r in daily["by_department"]} == {"计费中心", "装维中心"}
    assert {r["key"]: r["count"] for r in daily["by_cause"]} == {"计费差错": 1, "": 1}
    weekly = cd.call("sue", "complaints.report", period="weekly", date="2026-12-02")
    assert weekly["start"] == T0 - 9 * 3600  # Monday 00:00
    assert sum(r["count"] for r in weekly["by_classification"]) == 2
    assert cd.call("sue", "complaints.report", period="monthly",
                   date="2026-10-31")["by_classification"] == []
    hourly = cd.call("sue", "complaints.report", period="hourly", date="2026-11-30")
    assert len(hourly["hours"]) == 24
    assert sum(r["count"] for h in hourly["hours"] for r in h["by_classification"]
               if h["start"] == T0) == 2  # both taken in the 09:00 hour


def test_volume_counts_calls_through_an_ivr_node_per_interval(cd: Desk) -> None:
    def call(i: int, at: float, trail: list[str]) -> CallRecord:
        return CallRecord(call_id=f"v{i}", caller="1", callee="10000", customer_level="normal",
                          direction="inbound", queue="faults", agent=None, trunk=None,
                          arrived_at=at, ivr_at=at, queued_at=None, ringing_at=None,
                          answered_at=None, ended_at=at + 30, outcome=CallOutcome.ABANDONED,
                          ivr_trail=trail)

    calls = [call(i, T0 - 3600 + i * 100, ["welcome", "main", "fault_number"]) for i in range(30)]
    calls += [call(99, T0 - 100, ["welcome", "main", "billing"])]
    CallRepository(cd.db).write_batch(calls, [])
    data = cd.call("sue", "complaints.volume", node="fault_number", since=T0 - 3600, until=T0,
                   interval_s=900)
    assert data["rows"] == [[T0 - 3600, 9], [T0 - 2700, 9], [T0 - 1800, 9], [T0 - 900, 3]]
    err = cd.refused("sue", "complaints.volume", node="x", since=T0, until=T0 - 1)
    assert err.code == "bad_request"
