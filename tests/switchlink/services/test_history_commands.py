"""History commands via the real dispatcher on a real SQLite file: answers, permissions, errors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from models.alarmlog import AlarmLogEntry
from models.calls import CallOutcome
from models.persistence.alarms import AlarmRepository
from models.persistence.calls import CallRepository
from models.persistence.database import open_database
from models.records import CallRecord, IntervalStat, interval_start
from models.security import AuditEntry, Role, User
from switchlink.services import history as history_commands
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator
from switchlink.storage.user_store import DbAuditLog, DbUserStore

DAY = date(2026, 3, 2)
NINE = datetime.combine(DAY, time(9, 0)).astimezone().timestamp()  # local 09:00


@pytest.fixture
def call(tmp_path: Path) -> Iterator[Any]:
    db = open_database(f"sqlite:///{tmp_path / 'h.db'}")
    db.migrate()
    users = DbUserStore(db)
    auth = Authenticator(users, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    tokens = {}
    for name, role in (("fm", Role.FLOOR_MANAGER), ("boss", Role.ADMIN)):
        users.save(User(name, role))
        tokens[name] = auth.open_session(users.get(name)).token  # type: ignore[arg-type]
    tokens["nobody"] = None
    audit = DbAuditLog(db)
    ctx = Context(adapter=None, floor=None, auth=auth, audit=audit,  # type: ignore[arg-type]
                  services={history_commands.SERVICE_KEY: db})
    calls = CallRepository(db)
    calls.write_batch(
        [
            CallRecord("c1", "13800000001", "10000", queue="billing", agent="1001",
                       arrived_at=NINE, queued_at=NINE + 5, answered_at=NINE + 10,
                       ended_at=NINE + 70),
            CallRecord("c2", "13900000002", "10000", queue="faults", arrived_at=NINE + 600,
                       queued_at=NINE + 600, ended_at=NINE + 640,
                       outcome=CallOutcome.ABANDONED),
            CallRecord("c3", "13800000001", "10000", queue="billing", agent="1002",
                       arrived_at=NINE + 3600, queued_at=NINE + 3600,
                       answered_at=NINE + 3630, ended_at=NINE + 3700),
        ],
        [
            IntervalStat("billing", interval_start(NINE), offered=1, answered=1,
                         answered_within_threshold=1, total_wait_s=5, max_wait_s=5),
            IntervalStat("faults", interval_start(NINE), offered=1, abandoned=1),
            IntervalStat("billing", interval_start(NINE + 3600), offered=1, answered=1,
                         total_wait_s=30, max_wait_s=30),
            IntervalStat("billing", interval_start(NINE + 86_400), offered=7),  # next day
        ],
    )
    alarms = AlarmRepository(db)
    alarms.log(AlarmLogEntry("a1", "wait", "yellow", "raised", NINE, 6.0, 5.0, "queue:billing"))
    alarms.log(AlarmLogEntry("a1", "wait", "yellow", "cleared", NINE + 300, 2.0, 5.0))
    audit.record(AuditEntry(at=NINE, user="boss", role="admin", action="set_skills"))
    audit.record(AuditEntry(at=NINE + 1, user="fm", role="floor_manager", action="alarms.ack"))

    def run(as_user: str, name: str, **args: Any) -> Any:
        return dispatch(ctx, name, args, tokens[as_user])

    yield run
    db.close()


def test_intervals_of_a_day_cover_every_queue_in_time_order(call: Any) -> None:
    rows = call("fm", "history.intervals", day=DAY.isoformat())
    assert [(r["queue"], r["start"]) for r in rows] == [
        ("billing", interval_start(NINE)), ("faults", interval_start(NINE)),
        ("billing", interval_start(NINE + 3600))]
    assert rows[0]["service_level"] == 1.0 and rows[1]["service_level"] is None


def test_intervals_of_one_queue(call: Any) -> None:
    rows = call("fm", "history.intervals", day=DAY.isoformat(), queue="billing")
    assert [r["offered"] for r in rows] == [1, 1]
    assert [r["service_level"] for r in rows] == [1.0, 0.0]


def test_call_search_by_number_and_time_range_newest_first(call: Any) -> None:
    rows = call("fm", "history.calls", number="13800000001")
    assert [r["call_id"] for r in rows] == ["c3", "c1"]
    assert (rows[1]["wait_s"], rows[1]["handle_s"]) == (5.0, 60.0)
    rows = call("fm", "history.calls", since=NINE + 1, until=NINE + 3600)
    assert [r["call_id"] for r in rows] == ["c2"]
    assert rows[0]["outcome"] == "abandoned"
    assert len(call("fm", "history.calls", limit=1)) == 1


def test_alarm_history_newest_first_within_a_range(call: Any) -> None:
    rows = call("fm", "history.alarms")
    assert [r["transition"] for r in rows] == ["cleared", "raised"]
    assert [r["transition"] for r in call("fm", "history.alarms", until=NINE + 1)] == ["raised"]


def test_audit_search_reads_the_database_by_user_and_action(call: Any) -> None:
    rows = call("boss", "audit.search", user="fm")
    assert [r["action"] for r in rows] == ["alarms.ack"]
    assert [r["user"] for r in call("boss", "audit.search", action="set_skills")] == ["boss"]


@pytest.mark.parametrize(
    ("user", "name", "code"),
    [
        ("nobody", "history.calls", "not_authenticated"),
        ("nobody", "history.intervals", "not_authenticated"),
        ("nobody", "history.alarms", "not_authenticated"),
        ("fm", "audit.search", "forbidden"),  # floor managers see history, not the audit trail
    ],
)
def test_history_needs_a_session_and_the_audit_trail_its_permission(
    call: Any, user: str, name: str, code: str
) -> None:
    with pytest.raises(CommandError) as err:
        call(user, name)
    assert err.value.code == code


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("history.intervals", {"day": "2026-13-01"}, "YYYY-MM-DD"),
        ("history.intervals", {}, "'day'"),
        ("history.calls", {"since": "yesterday"}, "epoch seconds"),
        ("history.calls", {"since": NINE + 10, "until": NINE}, "inverted"),
        ("history.alarms", {"limit": 0}, "limit"),
        ("history.alarms", {"limit": True}, "limit"),
        ("audit.search", {"since": 5.0, "until": 1.0}, "inverted"),
    ],
)
def test_bad_arguments_are_bad_requests_naming_the_argument(
    call: Any, name: str, args: dict[str, Any], message: str
) -> None:
    with pytest.raises(CommandError) as err:
        call("boss", name, **args)
    assert err.value.code == "bad_request" and message in err.value.message


def test_without_a_database_history_is_unsupported(tmp_path: Path) -> None:
    users = DbUserStore(_migrated(tmp_path))
    users.save(User("boss", Role.ADMIN))
    auth = Authenticator(users)
    token = auth.open_session(users.get("boss")).token  # type: ignore[arg-type]
    ctx = Context(adapter=None, floor=None, auth=auth, audit=None)  # type: ignore[arg-type]
    with pytest.raises(CommandError) as err:
        dispatch(ctx, "history.calls", {}, token)
    assert err.value.code == "unsupported"


def _migrated(tmp_path: Path) -> Any:
    db = open_database(f"sqlite:///{tmp_path / 'u.db'}")
    db.migrate()
    return db


def test_history_replies_are_pages_of_at_most_max_page_rows(call: Any) -> None:
    """Issue 11 item 3: one reply never carries 10,000 rows; longer answers come in pages."""
    with pytest.raises(CommandError, match="offset") as info:
        call("fm", "history.calls", limit=history_commands.MAX_PAGE + 1)
    assert info.value.code == "bad_request"
    with pytest.raises(CommandError, match="'limit'"):
        call("fm", "history.alarms", limit=10_000)
    pages = [call("fm", "history.calls", limit=1, offset=n) for n in range(4)]
    assert [[r["call_id"] for r in page] for page in pages] == [["c3"], ["c2"], ["c1"], []]
    assert [e["transition"] for e in call("fm", "history.alarms", limit=1, offset=1)] == ["raised"]
    with pytest.raises(CommandError, match="'offset'"):
        call("fm", "history.calls", offset=-1)
