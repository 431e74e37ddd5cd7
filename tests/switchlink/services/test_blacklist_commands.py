"""Blacklist commands through the real dispatcher on a real SQLite file: permissions, audit,
validation, history, the repeat-offender suggestion, CSV all-or-nothing and idempotence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from models.calls import CallOutcome
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.records import CallRecord
from models.security import Role, User
from switchlink.services import blacklist as blacklist_commands
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator
from switchlink.storage.blacklist_store import open_blacklist
from switchlink.storage.user_store import DbAuditLog, DbUserStore

T0 = 1_780_000_000.0


class Clock:
    """A switch whose clock the test moves."""

    def __init__(self) -> None:
        self.t = T0
        self.screen = None

    def now(self) -> float:
        return self.t

    def set_call_screen(self, screen: Any) -> bool:
        self.screen = screen
        return True


@pytest.fixture
def bl(tmp_path: Path) -> Iterator[Any]:
    db = open_database(f"sqlite:///{tmp_path / 'b.db'}")
    db.migrate()
    users = DbUserStore(db)
    auth = Authenticator(users, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    tokens: dict[str, str | None] = {}
    for name, role in (("lead", Role.SUPERVISOR), ("qa", Role.QUALITY_INSPECTOR),
                       ("fm", Role.FLOOR_MANAGER)):
        users.save(User(name, role))
        tokens[name] = auth.open_session(users.get(name)).token  # type: ignore[arg-type]
    audit = DbAuditLog(db)
    switch = Clock()
    book = open_blacklist(db, switch)

    def call(who: str, name: str, **args: Any) -> Any:
        ctx = Context(adapter=switch, floor=None, auth=auth, audit=audit,  # type: ignore[arg-type]
                      services={blacklist_commands.SERVICE_KEY: book, "db": db})
        return dispatch(ctx, name, args, tokens[who])

    call.db, call.book, call.switch, call.audit = db, book, switch, audit  # type: ignore[attr-defined]
    yield call
    db.close()


def test_a_supervisor_lists_a_number_and_the_switch_blocks_it_at_once(bl: Any) -> None:
    out = bl("lead", "blacklist.add", number="0871-12345678", action="busy",
             duration_s=3600.0, reason="abusive")
    assert out["entry"]["number"] == "087112345678" and out["entry"]["state"] == "active"
    assert bl.switch.screen("+86 871 1234 5678", T0 + 10).action == "busy"
    assert bl.switch.screen("087112345678", T0 + 3600) is None  # the window ended
    listed = bl("fm", "blacklist.list", search="0871-1234")
    assert [e["number"] for e in listed["entries"]] == ["087112345678"]
    assert bl("fm", "blacklist.list", search="abus")["total"] == 1
    assert bl("fm", "blacklist.list", search="lead")["total"] == 1
    assert bl("fm", "blacklist.list", state="lifted")["total"] == 0
    assert bl("fm", "blacklist.list", action="提示/告警")["total"] == 0


@pytest.mark.parametrize("who", ["qa", "fm"])
def test_only_roles_with_the_permission_change_it_but_everyone_sees_it(bl: Any, who: str) -> None:
    with pytest.raises(CommandError) as exc:
        bl(who, "blacklist.add", number="13800000001", action="busy", reason="x")
    assert exc.value.code == "forbidden"
    assert bl.switch.screen("13800000001", T0) is None
    assert bl(who, "blacklist.list")["total"] == 0
    with pytest.raises(CommandError, match="forbidden"):
        bl(who, "blacklist.import", csv="number,action\n13800000001,busy\n")


def test_every_change_is_audited_with_its_reason_and_kept_in_the_history(bl: Any) -> None:
    bl("lead", "blacklist.add", number="13800000001", action="busy", reason="abusive")
    bl.switch.t += 60
    bl("lead", "blacklist.edit", number="13800000001", action="warn", reason="calmer now")
    bl.switch.t += 60
    bl("lead", "blacklist.lift", number="13800000001", reason="apologised")
    assert bl.switch.screen("13800000001", bl.switch.t) is None  # a normal customer again
    bl.switch.t += 60
    again = bl("lead", "blacklist.add", number="138 0000 0001", action="release", reason="back")
    assert again["change"] == "relisted"
    shown = bl("fm", "blacklist.show", number="13800000001")
    assert [(h["change"], h["reason"]) for h in shown["history"]] == [
        ("added", "abusive"), ("updated", "calmer now"), ("removed", "apologised"),
        ("relisted", "back")]
    assert shown["history"][1]["detail"]["action"] == "warn"
    audited = [(e.action, e.reason, e.target) for e in bl.audit.search(limit=50)
               if e.action.startswith("blacklist.")]
    assert ("blacklist.lift", "apologised", "blacklist/13800000001") in audited
    assert len(audited) == 4
    with pytest.raises(CommandError, match="reason"):
        bl("lead", "blacklist.lift", number="13800000001", reason="  ")


@pytest.mark.parametrize(("args", "why"), [
    ({"number": "12345678"}, "area code"),
    ({"number": "13800000001", "action": "zap"}, "unknown action"),
    ({"number": "13800000001", "from": T0 + 100, "until": T0}, "ends before it starts"),
    ({"number": "13800000001", "until": float("nan")}, "epoch seconds"),
])
def test_bad_input_is_refused_with_what_and_why(bl: Any, args: dict, why: str) -> None:
    with pytest.raises(CommandError, match=why) as exc:
        bl("lead", "blacklist.add", **{"action": "busy", "reason": "r", **args})
    assert exc.value.code == "bad_request"
    assert bl("fm", "blacklist.list")["total"] == 0


def test_a_repeat_offender_gets_a_longer_window_suggested_never_applied(bl: Any) -> None:
    entry = bl("lead", "blacklist.add", number="13800000001", action="busy",
               duration_s=86400.0, reason="abusive")["entry"]
    CallRepository(bl.db).write_batch([
        CallRecord(f"c{i}", "13800000001", arrived_at=T0 + i * 60, ended_at=T0 + i * 60,
                   outcome=CallOutcome.BLOCKED, blacklist_entry=entry["id"],
                   blacklist_action="busy")
        for i in range(6)], [])
    shown = bl("fm", "blacklist.show", number="13800000001")
    assert len(shown["calls"]) == 6 and shown["calls"][0]["outcome"] == "blocked"
    hint = shown["suggestion"]
    assert hint["blocked_calls"] == 6 and hint["until"] == T0 + 7 * 86400.0
    assert "blocked 6 times in 30 days" in hint["why"]
    assert bl("fm", "blacklist.show", number="13800000001")["entry"]["blocked_until"] == \
        T0 + 86400.0  # still the window the supervisor chose


GOOD = ("number,action,customer_level,from,until,reason\n"
        "0871-12345678,busy,normal,,30d,abusive\n"
        "+86 138 0000 0002,提示/告警,vip,,,rude\n"
        "95598,release,,2026-01-01 08:00,2027-01-01 08:00,spoofed\n")


def test_csv_import_is_all_or_nothing_and_twice_changes_nothing(bl: Any) -> None:
    bad = GOOD + "abc,busy,,,,x\n13800000002,busy,,,,again\n0871-7654321,zap,,,,\n"
    with pytest.raises(CommandError) as exc:
        bl("lead", "blacklist.import", csv=bad)
    assert exc.value.code == "bad_request"
    lines = exc.value.message.splitlines()
    assert lines[0] == "3 bad row(s), nothing imported:"
    assert lines[1].startswith("line 5: number 'abc'")
    assert lines[2] == "line 6: number 13800000002 is already on line 3"
    assert lines[3].startswith("line 7: unknown action 'zap'")
    assert bl("fm", "blacklist.list")["total"] == 0  # nothing half-imported
    assert bl("lead", "blacklist.import", csv=GOOD) == {"added": 3, "updated": 0, "unchanged": 0}
    history = len(bl("fm", "blacklist.show", number="95598")["history"])
    bl.switch.t += 3600  # later the same day: a duration counts from the entry's start
    assert bl("lead", "blacklist.import", csv=GOOD) == {"added": 0, "updated": 0, "unchanged": 3}
    assert len(bl("fm", "blacklist.show", number="95598")["history"]) == history
    exported = bl("fm", "blacklist.export")["csv"]
    assert exported.splitlines()[0] == "number,action,customer_level,from,until,reason"
    assert bl("lead", "blacklist.import", csv=exported)["unchanged"] == 3  # round trip
    assert bl.switch.screen("13800000002", bl.switch.t).action == "warn"


def test_a_book_reloaded_from_the_database_enforces_the_same(bl: Any) -> None:
    bl("lead", "blacklist.import", csv=GOOD)
    again = open_blacklist(bl.db, Clock())
    assert len(again) == 3
    assert again.screen("087112345678", T0 + 10).action == "busy"
