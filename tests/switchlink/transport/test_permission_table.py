"""The permission table (issue 12): every role x every registered command, over the wire to a
real switchlink on the emulator, plus team scoping and the view-only wall role.

The commands come from the registry, so a command another capability adds later is covered
without touching this file: a role may run it exactly when the role's permissions hold the
command's permission (commands without one: any session).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from scripted_switch import Running, make_client, start_server

from models.security import ROLE_PERMISSIONS, Role, User
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.client import CommandError, SwitchlinkClient
from switchlink.services.registry import COMMANDS

#: commands that end or replace the session they run in: asked last, on a spare session
ENDS_SESSION = {"logout"}


@pytest.fixture(scope="module")
def floor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    tmp = tmp_path_factory.mktemp("permissions")
    running = start_server(tmp, LoopbackAdapter(scenario="small", seed=1, speed=1.0))
    auth = running.authenticator
    for role in Role:
        auth.save_user(User(f"as-{role.value}", role))
    auth.save_user(User("lead", Role.TEAM_LEADER, teams=("team-a",)))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def client(floor: Running) -> Iterator[SwitchlinkClient]:
    c = make_client(floor, command_timeout=10.0)
    c.connect()
    assert c.wait_until(lambda: c.link_status == "live", 10)
    yield c
    c.close()


def as_user(floor: Running, client: SwitchlinkClient, username: str) -> None:
    user = floor.authenticator.user(username)
    assert user is not None
    client.session = floor.authenticator.open_session(user).token


def outcome(client: SwitchlinkClient, name: str, args: dict[str, Any]) -> str:
    try:
        client.call(name, args)
    except CommandError as exc:
        return exc.code
    return "ok"


def expected_allowed(role: Role, name: str) -> bool:
    spec = COMMANDS[name]
    if not spec.auth or spec.permission is None:
        return True
    permission = spec.permission({}) if callable(spec.permission) else spec.permission
    return permission in ROLE_PERMISSIONS[role]


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_every_role_may_run_exactly_the_commands_its_permissions_allow(
        floor: Running, client: SwitchlinkClient, role: Role) -> None:
    as_user(floor, client, f"as-{role.value}")
    wrong = []
    names = sorted(set(COMMANDS) - ENDS_SESSION) + sorted(ENDS_SESSION)
    for name in names:
        # no arguments: the permission is checked before them, so an allowed role gets
        # bad_request (or an answer) and a refused one forbidden
        got = outcome(client, name, {})
        if (got == "forbidden") == expected_allowed(role, name):
            wrong.append(f"{name}: {got}")
    assert not wrong, f"{role.value}: {wrong}"


def test_the_argument_dependent_permissions_follow_the_argument(
        floor: Running, client: SwitchlinkClient) -> None:
    agent = "1001"
    as_user(floor, client, "as-floor_manager")
    for state in ("ready", "not_ready", "logout"):
        assert outcome(client, "set_agent_state", {"agent": agent, "state": state,
                                                   "reason": "r"}) == "forbidden"
    as_user(floor, client, "as-maintenance")
    out = client.call("agents.bulk", {"agents": [agent, "1002"], "action": "logout",
                                      "reason": "r"})
    assert [r["code"] for r in out["results"]] == ["forbidden", "forbidden"]
    as_user(floor, client, "as-quality_inspector")
    assert outcome(client, "set_skills", {"agent": agent, "skills": {"billing": 3}}) == (
        "forbidden")
    assert outcome(client, "passwd", {"username": "as-admin", "password": "x" * 10}) == (
        "forbidden")


def test_a_team_leader_is_refused_other_teams_over_the_wire(
        floor: Running, client: SwitchlinkClient) -> None:
    agents = client.mirror.items("agent/").values()
    other = next(a["work_number"] for a in agents if a["team"] == "team-b")
    own = next(a["work_number"] for a in agents if a["team"] == "team-a")
    as_user(floor, client, "lead")
    with pytest.raises(CommandError) as info:
        client.call("set_agent_state", {"agent": other, "state": "not_ready", "reason": "r",
                                        "reason_code": "break"})
    assert (info.value.code, info.value.message) == (
        "forbidden", f"agent {other} is in team team-b, not one of your teams (team-a)")
    assert outcome(client, "set_skills", {"agent": other, "skills": {"billing": 2}}) == (
        "forbidden")
    assert outcome(client, "set_skills", {"agent": own, "skills": {"billing": 2}}) == "ok"
    out = client.call("agents.bulk", {"agents": [own, other], "action": "logout",
                                      "reason": "r"})
    assert out["results"][1]["code"] == "forbidden"
    assert out["results"][0]["agent"] == own and out["results"][0].get("code") != "forbidden"


def test_the_wall_role_watches_and_nothing_else(floor: Running, client: SwitchlinkClient
                                                ) -> None:
    as_user(floor, client, "as-wall")
    me = client.call("whoami", {})
    assert (me["role"], me["permissions"], me["idle_timeout_s"]) == ("wall", ["view_floor"],
                                                                     None)
    # (commands without a registry permission check per target: agents.bulk, just below)
    state_changing = [n for n, spec in COMMANDS.items() if spec.audit and spec.auth
                      and spec.permission is not None]
    allowed = [n for n in state_changing if outcome(client, n, {}) != "forbidden"]
    assert allowed == [], f"the wall may not change anything: {allowed}"
    out = client.call("agents.bulk", {"agents": ["1001"], "action": "ready", "reason": "r"})
    assert out["results"][0]["code"] == "forbidden"


def test_the_role_table_follows_requirements_s1_s3() -> None:
    """Issue 12: who may do what (REQUIREMENTS.md §1 / §3)."""
    from models.security import Permission as P

    table = ROLE_PERMISSIONS
    on_the_floor = {P.FORCE_AGENT_STATE, P.FORCE_LOGOUT, P.SET_SKILLS, P.MONITOR_CALL,
                    P.BARGE_CALL, P.RELEASE_CALL, P.TRANSFER_CALL, P.EDIT_BLACKLIST}
    assert on_the_floor <= table[Role.SUPERVISOR]
    assert on_the_floor <= table[Role.TEAM_LEADER]
    assert {P.MONITOR_CALL, P.BARGE_CALL, P.FORCE_LOGOUT, P.FORCE_AGENT_STATE} <= table[
        Role.QUALITY_INSPECTOR]
    assert not {P.SET_SKILLS, P.RELEASE_CALL} & table[Role.QUALITY_INSPECTOR]
    assert table[Role.WALL] == frozenset({P.VIEW_FLOOR})
    assert {P.VIEW_FLOOR, P.ACK_ALARM} <= table[Role.FLOOR_MANAGER]
    assert not on_the_floor & table[Role.FLOOR_MANAGER]
    assert {P.RUN_DIAGNOSTICS} <= table[Role.MAINTENANCE]
    assert not on_the_floor & table[Role.MAINTENANCE]
    assert table[Role.ADMIN] == frozenset(P)
