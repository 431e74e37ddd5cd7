"""dunning.* commands: roles, all-or-nothing imports, idempotent payments, exported files,
the manual seat's dial, outcome and promise; every change audited."""

from __future__ import annotations

from typing import Any

import pytest
from dunning_world import Floor, at

from models.calls import CallOutcome
from models.events import CallEnded
from models.security import AuditEntry, Role, User
from switchlink.services.dunning.dialer import SERVICE_KEY
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator

BILLING = ("account,name,phone,level,do_not_call,period,amount\n"
           "A1,张三,13800000001,normal,0,2026-01,88.50\n"
           "A2,李四,13800000002,vip,0,2026-01,120\n"
           "A3,王五,13800000003,normal,0,2025-12,60\n"
           "A3,王五,13800000003,normal,0,2026-01,60\n")


class Users:
    def __init__(self) -> None:
        self.users: dict[str, User] = {}

    def get(self, username: str) -> User | None:
        return self.users.get(username)

    def save(self, user: User) -> None:
        self.users[user.username] = user

    def list(self) -> list[User]:
        return list(self.users.values())


class Audit:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)


class Desk:
    def __init__(self, floor: Floor) -> None:
        users, self.audit = Users(), Audit()
        auth = Authenticator(users)
        self.tokens = {}
        for name, role in (("boss", Role.SUPERVISOR), ("seat", Role.COLLECTION),
                           ("wall", Role.FLOOR_MANAGER), ("fix", Role.MAINTENANCE)):
            users.save(User(name, role))
            self.tokens[name] = auth.open_session(users.get(name)).token  # type: ignore[arg-type]
        self.ctx = Context(adapter=floor.switch, floor=None, auth=auth,  # type: ignore[arg-type]
                           audit=self.audit, services={SERVICE_KEY: floor.dialer})

    def __call__(self, user: str, name: str, **args: Any) -> Any:
        self.ctx.session = None
        self.ctx.audit_target, self.ctx.audit_detail = "", {}
        return dispatch(self.ctx, name, args, self.tokens[user])


@pytest.fixture
def desk(db: Any) -> tuple[Desk, Floor]:
    floor = Floor(db, at("2026-03-21", "09:30"))
    d = Desk(floor)
    d("boss", "dunning.import_accounts", csv=BILLING)
    return d, floor


def test_roles(desk: tuple[Desk, Floor]) -> None:
    d, _ = desk
    assert d("wall", "dunning.status")["running"] is False
    for user, name in (("seat", "dunning.start"), ("wall", "dunning.pause"),
                       ("fix", "dunning.status"), ("wall", "dunning.seat.next")):
        with pytest.raises(CommandError) as info:
            d(user, name)
        assert info.value.code == "forbidden"
    assert d("boss", "dunning.start")["running"] is True
    assert d.audit.entries[-1].action == "dunning.start" and d.audit.entries[-1].user == "boss"


def test_a_payment_file_is_all_or_nothing_and_idempotent(desk: tuple[Desk, Floor]) -> None:
    d, floor = desk
    bad = ("reference,account,amount,paid_at,channel\n"
           "B1,A1,88.50,2026-03-20,bank\n"
           "B2,NOPE,1.00,2026-03-20,bank\n")
    with pytest.raises(CommandError) as info:
        d("boss", "dunning.import_payments", csv=bad)
    assert info.value.code == "bad_request"
    assert "line 3: no dunning account 'NOPE'" in info.value.message
    assert floor.repo.payments("A1") == []  # nothing half-imported
    good = bad.splitlines()[0] + "\n" + bad.splitlines()[1] + "\n"
    first = d("boss", "dunning.import_payments", csv=good)
    assert first["imported"] == 1 and first["paid_accounts"] == ["A1"]
    again = d("boss", "dunning.import_payments", csv=good)
    assert again["imported"] == 0 and again["duplicates"] == 1
    assert [b.paid_fen for b in floor.repo.bills("A1")] == [8850]


def test_run_day_and_export_the_suspension_file(desk: tuple[Desk, Floor]) -> None:
    d, _ = desk
    summary = d("boss", "dunning.run_day", day="2026-03-21")
    assert summary["files"]["one_way"] == {"rows": 2, "written": True}
    assert d("boss", "dunning.run_day", day="2026-03-21")["files"]["one_way"]["written"] is False
    exported = d("seat", "dunning.export", kind="one_way", day="2026-03-21")
    lines = exported["csv"].splitlines()
    assert lines[0].startswith("file_date,action,account")
    assert [ln.split(",")[2] for ln in lines[1:]] == ["A1", "A2"]
    assert d("seat", "dunning.export", kind="one_way", day="2026-03-21") == exported
    two = d("seat", "dunning.export", kind="two_way", day="2026-03-21")
    assert [ln.split(",")[2] for ln in two["csv"].splitlines()[1:]] == ["A3"]
    with pytest.raises(CommandError, match="no restore file"):
        d("seat", "dunning.export", kind="restore", day="2026-03-21")
    page = d("wall", "dunning.accounts", stage="collection")
    assert {a["account"] for a in page["accounts"]} == {"A2", "A3"}
    assert d("wall", "dunning.accounts", search="张")["total"] == 1


def test_the_manual_seat(desk: tuple[Desk, Floor]) -> None:
    d, floor = desk
    floor.switch.t = at("2026-03-21", "10:30")
    floor.dialer.run_day()
    nxt = d("seat", "dunning.seat.next")["account"]
    assert nxt["account"] in ("A2", "A3") and nxt["owed"] == "120.00"
    call = d("seat", "dunning.seat.dial", account=nxt["account"])["call"]
    assert floor.switch.dials[-1][1] == nxt["phone"]
    floor.switch.t += 90
    floor.dialer.on_events([CallEnded(floor.switch.t, call, CallOutcome.ANSWERED)])
    with pytest.raises(CommandError, match="promise_date"):
        d("seat", "dunning.seat.record", account=nxt["account"], result="promised",
          promise_date="2026-03-01", promise_amount="50")
    done = d("seat", "dunning.seat.record", account=nxt["account"], result="promised",
             promise_date="2026-03-28", promise_amount="120")
    assert done["promise_date"] == "2026-03-28" and done["promise"] == "120.00"
    assert done["attempts"][-1]["result"] == "promised"
    assert floor.dialer.counts["promises"] == 1
    other = d("seat", "dunning.seat.next")["account"]
    assert other is not None and other["account"] != nxt["account"]
