"""Users and sessions for supervisor control (issue 12): create / update / reset, one-time
passwords that must be changed, who a session is, idle expiry, wall sessions, token hashes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scripted_switch import FAST_HASHER, PASSWORD

from models.persistence.database import open_database
from models.security import ROLE_PERMISSIONS, Permission, Role, User
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.engine.state import FloorState
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator, AuthError, FileAuditLog, FileUserStore
from switchlink.storage.user_store import DbAuditLog, DbUserStore, ensure_admin


class Desk:
    """The dispatcher over a small emulator, users in a file, sessions in a file."""

    def __init__(self, tmp: Path, idle_s: float = 1800.0) -> None:
        self.tmp = tmp
        self.adapter = LoopbackAdapter(scenario="small", speed="fast", seed=1)
        self.floor = FloorState(self.adapter.start())
        self.auth = self.authenticator(idle_s)
        self.auth.set_password("admin", PASSWORD, Role.ADMIN)
        self.audit = FileAuditLog(tmp / "audit.jsonl")
        self.admin = self.auth.login("admin", PASSWORD).token

    def authenticator(self, idle_s: float = 1800.0) -> Authenticator:
        return Authenticator(FileUserStore(self.tmp / "users.json"), hasher=FAST_HASHER,
                             sessions_path=self.tmp / "sessions.json", idle_s=idle_s)

    def call(self, token: str | None, name: str, **args: Any) -> Any:
        ctx = Context(self.adapter, self.floor, self.auth, self.audit)
        return dispatch(ctx, name, args, token)

    def refused(self, token: str | None, name: str, **args: Any) -> CommandError:
        with pytest.raises(CommandError) as info:
            self.call(token, name, **args)
        return info.value


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(tmp_path)


def test_an_admin_creates_a_team_leader_who_must_change_the_password_first(desk: Desk) -> None:
    row = desk.call(desk.admin, "users.create", username="wang", role="team_leader",
                    password="one-time-pw", teams=["team-a", "team-b"], department="投诉",
                    display_name="王组长")
    assert row == {"username": "wang", "role": "team_leader", "display_name": "王组长",
                   "disabled": False, "teams": ["team-a", "team-b"], "department": "投诉",
                   "must_change_password": True}
    login = desk.call(None, "login", username="wang", password="one-time-pw")
    token = login.pop("session")
    assert login == {
        "username": "wang", "role": "team_leader", "display_name": "王组长",
        "permissions": sorted(p.value for p in ROLE_PERMISSIONS[Role.TEAM_LEADER]),
        "teams": ["team-a", "team-b"], "department": "投诉", "must_change_password": True,
        "idle_timeout_s": 1800.0,
    }
    err = desk.refused(token, "roles")
    assert (err.code, err.message) == ("password_change_required",
                                       "change your password first (passwd)")
    assert desk.refused(token, "set_agent_state", agent="1001", state="ready",
                        reason="r").code == "password_change_required"
    assert desk.refused(token, "passwd", password="one-time-pw").message == (
        "choose a new password, not the one you were given")
    assert desk.call(token, "whoami")["must_change_password"] is True
    desk.call(token, "passwd", password="my own secret")
    assert desk.call(token, "whoami")["must_change_password"] is False
    assert "team_leader" in desk.call(token, "roles")
    entries = desk.audit.search(target="wang", action="users.create")
    assert [e.result for e in entries] == ["ok"]
    refused = [(e.action, e.result) for e in desk.audit.search(user="wang", result="refused")]
    assert refused == [("passwd", "bad_request"), ("set_agent_state", "password_change_required"),
                       ("roles", "password_change_required")]


def test_update_changes_role_and_teams_of_open_sessions_at_once(desk: Desk) -> None:
    desk.call(desk.admin, "users.create", username="li", role="supervisor",
              password="one-time-pw")
    desk.auth.set_password("li", "li's own pw")  # as if changed at the first login
    token = desk.auth.login("li", "li's own pw").token
    assert desk.call(token, "whoami")["teams"] == []
    row = desk.call(desk.admin, "users.update", username="li", role="team_leader",
                    teams=["team-b"])
    assert (row["role"], row["teams"]) == ("team_leader", ["team-b"])
    me = desk.call(token, "whoami")
    assert (me["role"], me["teams"]) == ("team_leader", ["team-b"])
    assert desk.refused(desk.admin, "users.update", username="li").code == "bad_request"
    assert desk.refused(desk.admin, "users.update", username="ghost",
                        role="wall").code == "unknown_target"
    assert desk.refused(desk.admin, "users.update", username="li",
                        role="boss").message.startswith("unknown role 'boss'")
    assert desk.refused(desk.admin, "users.update", username="li",
                        teams="team-b").code == "bad_request"


def test_the_last_admin_stays_an_admin(desk: Desk) -> None:
    err = desk.refused(desk.admin, "users.update", username="admin", role="supervisor")
    assert (err.code, err.message) == ("invalid_operation",
                                       "the last enabled admin must stay an admin")
    assert desk.refused(desk.admin, "users.disable", username="admin").code == (
        "invalid_operation")


def test_a_reset_password_ends_their_sessions_and_must_be_changed(desk: Desk) -> None:
    desk.call(desk.admin, "users.create", username="qi", role="quality_inspector",
              password="one-time-pw")
    desk.auth.set_password("qi", "qi own password")
    token = desk.auth.login("qi", "qi own password").token
    row = desk.call(desk.admin, "users.reset_password", username="qi", password="new-one-time")
    assert row["must_change_password"] is True
    assert desk.refused(token, "whoami").code == "not_authenticated"
    assert desk.refused(desk.admin, "users.reset_password", username="admin",
                        password="whatever1").code == "invalid_operation"
    assert desk.refused(desk.admin, "users.create", username="qi", role="wall",
                        password="x" * 8).message == "user 'qi' already exists"
    assert desk.refused(desk.admin, "users.create", username="a b", role="wall",
                        password="x" * 8).code == "bad_request"


def test_users_list_has_every_field_but_the_hash(desk: Desk) -> None:
    rows = desk.call(desk.admin, "users.list")
    assert set(rows[0]) == {"username", "role", "display_name", "disabled", "teams",
                            "department", "must_change_password"}
    assert "argon2" not in json.dumps(rows)


def test_roles_is_the_whole_table_for_any_session(desk: Desk) -> None:
    desk.auth.save_user(User("board", Role.WALL))
    token = desk.auth.open_session(desk.auth.user("board")).token  # type: ignore[arg-type]
    table = desk.call(token, "roles")
    assert table["wall"] == ["view_floor"]
    assert "force_agent_state" in table["quality_inspector"]
    assert set(table) == {r.value for r in Role}
    assert desk.refused(token, "set_agent_state", agent="1001", state="ready",
                        reason="r").code == "forbidden"


def test_sessions_expire_when_idle_but_wall_and_local_sessions_never(tmp_path: Path) -> None:
    desk = Desk(tmp_path, idle_s=-1)  # every session is already idle too long
    desk.auth.save_user(User("board", Role.WALL))
    wall = desk.auth.open_session(desk.auth.user("board"))  # type: ignore[arg-type]
    local = desk.auth.open_session(desk.auth.user("admin"), local=True)  # type: ignore[arg-type]
    assert desk.call(wall.token, "whoami")["idle_timeout_s"] is None
    assert desk.call(local.token, "whoami")["username"] == "admin"
    with pytest.raises(AuthError, match="expired"):
        desk.auth.session(desk.admin)


def test_sessions_file_holds_hashes_and_sessions_survive_a_restart(desk: Desk) -> None:
    text = (desk.tmp / "sessions.json").read_text()
    assert desk.admin not in text and "token_hash" in text
    again = desk.authenticator()
    assert again.session(desk.admin).username == "admin"
    assert again.logout(desk.admin)
    with pytest.raises(AuthError):
        desk.authenticator().session(desk.admin)


def test_the_local_admin_session_is_not_held_back_by_a_one_time_password(desk: Desk) -> None:
    desk.auth.set_password("admin", "one-time-pw", must_change=True)
    local = desk.auth.open_session(desk.auth.user("admin"), local=True)  # type: ignore[arg-type]
    assert "admin" in desk.call(local.token, "roles")
    remote = desk.auth.login("admin", "one-time-pw").token
    assert desk.refused(remote, "roles").code == "password_change_required"


def test_database_users_keep_teams_department_and_the_one_time_flag(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'u.db'}")
    db.migrate()
    try:
        store = DbUserStore(db)
        store.save(User("wang", Role.TEAM_LEADER, teams=("team-a", "team-b"), department="投诉",
                        must_change_password=True))
        user = store.get("wang")
        assert user is not None
        assert (user.teams, user.department, user.must_change_password) == (
            ("team-a", "team-b"), "投诉", True)
        password = ensure_admin(store, FAST_HASHER)
        assert password and store.get("admin").must_change_password  # type: ignore[union-attr]
        audit = DbAuditLog(db)
        from models.security import AuditEntry

        for i, result in enumerate(("ok", "forbidden", "ok", "invalid_operation")):
            audit.record(AuditEntry(at=100.0 + i, user="u", role="supervisor",
                                    action="set_agent_state", target=f"10{i % 2}",
                                    result=result))
        assert [e.result for e in audit.search(result="refused")] == [
            "invalid_operation", "forbidden"]
        assert [e.at for e in audit.search(target="100")] == [102.0, 100.0]
        assert [e.at for e in audit.search(limit=2, offset=1)] == [102.0, 101.0]
    finally:
        db.close()


def test_audit_search_refuses_bad_filters(desk: Desk) -> None:
    assert desk.refused(desk.admin, "audit.search", result="maybe").code == "bad_request"
    assert desk.refused(desk.admin, "audit.search", offset=-1).code == "bad_request"
    assert desk.call(desk.admin, "audit.search", target="nobody") == []


def test_permissions_enum_unchanged_for_the_wall() -> None:
    assert ROLE_PERMISSIONS[Role.WALL] == frozenset({Permission.VIEW_FLOOR})
