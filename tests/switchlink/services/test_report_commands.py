"""reports.* through the command registry: who may, what a wrong argument says, and that an
export of a period not stored yet generates it first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from models.calls import CallOutcome
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.records import CallRecord
from models.security import Role, User
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.reports.desk import SERVICE_KEY, ReportDesk
from switchlink.services.users.auth import Authenticator
from switchlink.storage.user_store import DbAuditLog, DbUserStore

NINE = datetime(2026, 3, 2, 9, 0).timestamp()


@pytest.fixture
def run(tmp_path: Path) -> Iterator[Any]:
    db = open_database(f"sqlite:///{tmp_path / 'r.db'}")
    db.migrate()
    users = DbUserStore(db)
    auth = Authenticator(users, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    tokens = {}
    for name, role in (("fm", Role.FLOOR_MANAGER), ("agent", Role.AGENT)):
        users.save(User(name, role))
        tokens[name] = auth.open_session(users.get(name)).token  # type: ignore[arg-type]
    CallRepository(db).write_batch([CallRecord(
        "c1", "13800000001", queue="billing", agent="1001", arrived_at=NINE,
        queued_at=NINE + 5, answered_at=NINE + 10, ended_at=NINE + 70,
        outcome=CallOutcome.ANSWERED)])
    desk = ReportDesk(db)
    audit = DbAuditLog(db)
    ctx = Context(adapter=None, floor=None, auth=auth, audit=audit,  # type: ignore[arg-type]
                  services={SERVICE_KEY: desk})

    def call(user: str, name: str, **args: Any) -> Any:
        return dispatch(ctx, name, args, tokens[user])

    call.audit = audit  # type: ignore[attr-defined]
    yield call
    desk.close()
    db.close()


def test_a_floor_manager_gets_exports_and_an_agent_does_not(run: Any) -> None:
    answer = run("fm", "reports.export", kind="daily", date="2026-03-02", format="csv",
                 lang="zh_CN")
    assert answer["filename"] == "callfloor-daily-2026-03-02.csv"
    assert answer["content"].decode("utf-8-sig").startswith("日通报")
    listed = run("fm", "reports.list")
    assert [(r["kind"], r["period_key"], r["offered"]) for r in listed] == [
        ("daily", "2026-03-02", 1)]  # the export generated and stored it
    again = run("fm", "reports.get", id=listed[0]["id"])
    assert again["figures"]["centre"]["answered"] == 1
    with pytest.raises(CommandError) as refused:
        run("agent", "reports.get", kind="daily", date="2026-03-02")
    assert refused.value.code == "forbidden"


def test_generate_is_audited_with_the_period(run: Any) -> None:
    run("fm", "reports.generate", kind="hourly", date="2026-03-02T09")
    entries = run.audit.search(action="reports.generate")
    assert [(e.user, e.target, e.result) for e in entries] == [("fm", "hourly 2026-03-02T09",
                                                                "ok")]


@pytest.mark.parametrize(("args", "says"), [
    ({"kind": "yearly", "date": "2026"}, "unknown report period 'yearly'"),
    ({"kind": "hourly", "date": "2026-03-02"}, "use YYYY-MM-DDTHH"),
    ({"kind": "monthly", "date": "March"}, "use YYYY-MM or YYYY-MM-DD"),
    ({"kind": "daily", "date": "2026-03-02", "format": "xlsx"}, "'format' must be one of csv"),
    ({"kind": "daily", "date": "2026-03-02", "lang": "fr"}, "'lang' must be one of en, zh_CN"),
    ({"id": True}, "'id' must be a report id"),
    ({"id": 999}, "no report 999"),
])
def test_wrong_arguments_are_refused_with_what_is_accepted(run: Any, args: dict[str, Any],
                                                           says: str) -> None:
    with pytest.raises(CommandError) as refused:
        run("fm", "reports.export", **args)
    assert refused.value.code in ("bad_request", "unknown_target")
    assert says in refused.value.message
