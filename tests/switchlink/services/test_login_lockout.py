"""Failed-login lockout, rate-limited refusal audit, sessions ended by a reset (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripted_switch import FAST_HASHER, PASSWORD

from models.persistence.database import open_database
from models.security import AuditEntry, Role
from switchlink.services.users import lockout
from switchlink.services.users.auth import Authenticator, AuthError, FileUserStore
from switchlink.services.users.lockout import LoginGuard
from switchlink.services.users.refusals import SUPPRESSED_ACTION, RefusalAudit
from switchlink.storage.audit_log import BatchedAuditLog


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(tmp_path: Path, clock: Clock) -> Authenticator:
    a = Authenticator(FileUserStore(tmp_path / "u.json"), hasher=FAST_HASHER,
                      guard=LoginGuard(clock))
    a.set_password("li", PASSWORD, Role.SUPERVISOR)
    return a


def fail(auth: Authenticator, n: int, user: str = "li", key: str = "K") -> list[str]:
    codes = []
    for _ in range(n):
        with pytest.raises(AuthError) as info:
            auth.login(user, "wrong wrong", key=key)
        codes.append(info.value.code)
    return codes


def test_five_failures_lock_the_user_and_the_right_password_is_refused(
    auth: Authenticator, clock: Clock
) -> None:
    assert fail(auth, 5) == ["not_authenticated"] * 5
    with pytest.raises(AuthError) as info:
        auth.login("li", PASSWORD, key="other key")
    assert info.value.code == "locked_out" and "30 s" in info.value.message
    clock.now += 30.5
    assert auth.login("li", PASSWORD).username == "li"


def test_each_further_failure_doubles_the_lockout_up_to_15_minutes(
    auth: Authenticator, clock: Clock
) -> None:
    fail(auth, 5)
    waits = []
    for _ in range(8):
        clock.now += 1000
        with pytest.raises(AuthError) as info:
            auth.login("li", "wrong wrong", key=f"k{clock.now}")
        waits.append(info.value.lockouts[0].seconds)
    assert waits == [60, 120, 240, 480, 900, 900, 900, 900]


def test_a_success_clears_the_users_streak_and_an_hour_forgets_it(
    auth: Authenticator, clock: Clock
) -> None:
    fail(auth, 4)
    auth.login("li", PASSWORD)
    assert fail(auth, 4, key="K2") == ["not_authenticated"] * 4  # not locked: a fresh streak
    clock.now += lockout.FORGET_AFTER_S + 1
    assert fail(auth, 4, key="K3") == ["not_authenticated"] * 4


def test_ten_failures_from_one_key_lock_the_key_for_every_user(auth: Authenticator) -> None:
    for i in range(10):
        fail(auth, 1, user=f"ghost{i}")
    with pytest.raises(AuthError, match="too many failed logins"):
        auth.login("li", PASSWORD, key="K")
    assert auth.login("li", PASSWORD, key="another console").username == "li"
    rows = auth.guard.lockouts()
    assert rows[0]["scope"] == "key" and rows[0]["locked"] and rows[0]["failures"] == 10
    assert auth.guard.unlock("key", "K") and not auth.guard.unlock("key", "K")
    assert auth.login("li", PASSWORD, key="K").username == "li"


def test_remembered_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lockout, "MAX_TRACKED", 50)
    guard = LoginGuard()
    for i in range(500):
        guard.failed(f"name{i}", "")
    assert len(guard.lockouts()) == 50


def test_a_reset_ends_open_sessions_but_the_callers_own(auth: Authenticator) -> None:
    a, b = auth.login("li", PASSWORD).token, auth.login("li", PASSWORD).token
    auth.set_password("li", "new password 1", keep_session=a)
    assert auth.session(a).username == "li"
    with pytest.raises(AuthError):
        auth.session(b)
    auth.set_password("li", "new password 2")
    with pytest.raises(AuthError):
        auth.session(a)


def test_disabling_ends_sessions_at_once(auth: Authenticator) -> None:
    token = auth.login("li", PASSWORD).token
    auth.set_disabled("li", True)
    assert auth.end_sessions("li") == 0, "already ended by disabling"
    with pytest.raises(AuthError):
        auth.session(token)
    auth.set_disabled("li", False)
    assert auth.login("li", PASSWORD).username == "li"


def entry(action: str = "set_agent_state", result: str = "forbidden") -> AuditEntry:
    return AuditEntry(at=0.0, user="fm", role="floor_manager", action=action, result=result)


def test_refusals_past_the_burst_are_summed_into_one_entry_per_window(clock: Clock) -> None:
    written: list[AuditEntry] = []
    refusals = RefusalAudit(written.append, per_window=3, window_s=60, clock=clock)
    for _ in range(10):
        refusals.refused(entry(), "user:fm")
    refusals.refused(entry("whoami", "not_authenticated"), "key:K")
    assert len(written) == 4
    assert refusals.flush() == 0, "the window is still open"
    clock.now += 61
    refusals.refused(entry(), "user:fm")  # a new window: written, after the old summary
    assert [e.action for e in written[4:]] == [SUPPRESSED_ACTION, "set_agent_state"]
    summary = written[4]
    assert summary.detail["count"] == 7 and summary.target == "user:fm"
    assert summary.detail["by"] == {"set_agent_state/forbidden": 7}


def test_the_database_audit_log_queues_and_a_search_sees_what_was_queued(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    db.migrate()
    log = BatchedAuditLog(db, max_delay_s=5.0)
    try:
        for i in range(300):
            log.record(AuditEntry(at=float(i), user="u", role="admin", action="x"))
        assert log.stats().written < 300, "record only queues"
        found = log.search(action="x", limit=1000)
        assert len(found) == 300 and found[0].at == 299.0
    finally:
        log.close()
        db.close()
