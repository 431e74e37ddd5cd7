"""Supervisor control (issue 12) through the real dispatcher on a running emulator: forced
states with reason codes, pending sign-outs, team scope, bulk actions, monitor / whisper /
barge with recording, and what each refusal says."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from scripted_switch import FAST_HASHER

from models import events as ev
from models.agents import AgentState
from models.security import Role, User
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.engine.state import FloorState
from switchlink.services.registry import CommandError, Context, Deferred, dispatch, run_to_end
from switchlink.services.supervision import REASONS_KEY, config_services
from switchlink.services.users.auth import Authenticator, FileAuditLog, FileUserStore
from switchlink.storage.call_history import CallRecorder

START = 1_772_438_400.0  # 2026-03-02 08:00 UTC


class Rig:
    """The small floor (team-a: 5 agents, team-b: 3) a quarter of an hour in, in fast time,
    with users of every kind; the floor is pumped as the server's loop does."""

    def __init__(self, tmp: Path, scenario: str = "small", **services: Any) -> None:
        self.adapter = LoopbackAdapter(scenario=scenario, speed="fast", seed=1, start=START)
        self.floor = FloorState(self.adapter.start())
        self.records: list[Any] = []
        self.recorder = CallRecorder(lambda record, delta: self.records.append(record))
        self.auth = Authenticator(FileUserStore(tmp / "users.json"), hasher=FAST_HASHER)
        self.audit = FileAuditLog(tmp / "audit.jsonl")
        self.services = {**config_services(None), **services}
        self.tokens: dict[str, str] = {}
        for name, role, teams in (("admin", Role.ADMIN, ()), ("sup", Role.SUPERVISOR, ()),
                                  ("sup2", Role.SUPERVISOR, ()),
                                  ("lead", Role.TEAM_LEADER, ("team-a",)),
                                  ("qi", Role.QUALITY_INSPECTOR, ()),
                                  ("floor", Role.FLOOR_MANAGER, ()), ("wall", Role.WALL, ())):
            self.auth.save_user(User(name, role, teams=teams))
            self.tokens[name] = self.auth.open_session(self.auth.user(name)).token
        self.pump(900)

    def pump(self, seconds: float) -> list[ev.Event]:
        events = self.adapter.advance(seconds)
        for event in events:
            self.floor.apply(event)
            self.recorder.feed(event)
        return events

    def call(self, user: str, name: str, **args: Any) -> Any:
        ctx = Context(self.adapter, self.floor, self.auth, self.audit, services=self.services)
        return run_to_end(dispatch(ctx, name, args, self.tokens[user]))

    def refused(self, user: str, name: str, **args: Any) -> CommandError:
        with pytest.raises(CommandError) as info:
            self.call(user, name, **args)
        return info.value

    def agent(self, work_number: str) -> dict[str, Any]:
        return self.floor.get(f"agent/{work_number}")  # type: ignore[return-value]

    def agents(self, *, team: str | None = None, state: str | None = None,
               on_call: bool | None = None) -> list[str]:
        out = []
        for _, a in self.floor.items("agent/"):
            if team is not None and a["team"] != team:
                continue
            if state is not None and a["state"] != state:
                continue
            if on_call is not None and bool(a["call_id"]) != on_call:
                continue
            out.append(a["work_number"])
        return out

    def talking_call(self, team: str | None = None) -> tuple[str, str]:
        """(call id, agent) of a call connected to an agent (of ``team``)."""
        for _ in range(600):
            for _, c in self.floor.items("call/"):
                a = self.agent(c["agent"]) if c.get("agent") else None
                if c["phase"] == "talking" and a and (team is None or a["team"] == team):
                    return c["id"], c["agent"]
            self.pump(1)
        raise AssertionError("no call with an agent")


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return Rig(tmp_path)


# --- agent states ---------------------------------------------------------------------------


def test_a_forced_not_ready_needs_a_reason_code_from_the_configured_list(rig: Rig) -> None:
    agent = rig.agents(state="ready")[0] if rig.agents(state="ready") else rig.agents()[0]
    err = rig.refused("sup", "set_agent_state", agent=agent, state="not_ready", reason="x")
    assert err.code == "bad_request" and "break, meal, meeting, training, coaching, other" \
        in err.message
    err = rig.refused("sup", "set_agent_state", agent=agent, state="not_ready", reason="x",
                      reason_code="nap")
    assert err.code == "bad_request" and "'nap' is not one" in err.message
    codes = rig.call("wall", "reason_codes")
    assert codes[0] == {"code": "break", "zh": "小休", "en": "Break"}
    assert [c["code"] for c in codes] == ["break", "meal", "meeting", "training", "coaching",
                                          "other"]


def test_the_reason_codes_come_from_the_config(tmp_path: Path) -> None:
    rig = Rig(tmp_path, **config_services([{"code": "toilet", "zh": "如厕", "en": "Toilet"}]))
    assert rig.call("sup", "reason_codes") == [{"code": "toilet", "zh": "如厕", "en": "Toilet"}]
    agent = rig.agents(on_call=False, state="ready")[0] if rig.agents(
        on_call=False, state="ready") else rig.agents(on_call=False)[0]
    rig.call("sup", "set_agent_state", agent=agent, state="not_ready", reason="back soon",
             reason_code="toilet")
    rig.pump(1)
    a = rig.agent(agent)
    assert (a["state"], a["reason"], a["forced"], a["forced_by"]) == (
        "not_ready", "toilet", True, "sup")
    assert rig.services[REASONS_KEY][0].zh == "如厕"


def test_forced_ready_is_marked_with_who_until_the_agent_changes_state_themselves(
        rig: Rig) -> None:
    idle = [a for a in rig.agents(on_call=False) if rig.agent(a)["state"] != "ready"]
    agent = idle[0] if idle else rig.agents(state="ready")[0]
    if rig.agent(agent)["state"] == "ready":
        rig.call("sup", "set_agent_state", agent=agent, state="not_ready", reason="r",
                 reason_code="meeting")
        rig.pump(0.1)
    rig.call("qi", "set_agent_state", agent=agent, state="ready", reason="back to work")
    rig.pump(0.1)
    a = rig.agent(agent)
    assert (a["state"], a["forced"], a["forced_by"]) == ("ready", True, "qi")
    err = rig.refused("sup", "set_agent_state", agent=agent, state="ready", reason="again")
    assert (err.code, err.message) == ("invalid_operation", f"agent {agent} is already ready")
    # the agent's own change (here: the emulated agent choosing not ready) ends the mark
    rig.floor.apply(ev.AgentStateChanged(rig.adapter.now(), agent, AgentState.NOT_READY,
                                         "break"))
    assert (rig.agent(agent)["forced"], rig.agent(agent)["forced_by"]) == (False, "")


def test_a_forced_sign_out_during_a_call_is_pending_cancellable_and_applies_at_call_end(
        rig: Rig) -> None:
    call, agent = rig.talking_call()
    data = rig.call("sup", "set_agent_state", agent=agent, state="logout", reason="shift over")
    assert data == {"agent": agent, "state": "logged_out", "pending": True}
    rig.pump(0.1)
    assert (rig.agent(agent)["pending_logout"], rig.agent(agent)["pending_logout_by"]) == (
        True, "sup")
    err = rig.refused("sup", "set_agent_state", agent=agent, state="logout", reason="again")
    assert "already has a sign-out pending" in err.message
    assert rig.call("sup", "cancel_logout", agent=agent, reason="stay on") == {
        "agent": agent, "pending": False}
    rig.pump(0.1)
    assert rig.agent(agent)["pending_logout"] is False
    err = rig.refused("sup", "cancel_logout", agent=agent, reason="again")
    assert (err.code, err.message) == ("invalid_operation",
                                       f"agent {agent} has no sign-out pending")
    # booked again, it takes effect when the call ends
    rig.call("sup", "set_agent_state", agent=agent, state="logout", reason="shift over")
    for _ in range(3600):
        rig.pump(1)
        if rig.floor.get(f"call/{call}") is None:
            break
    rig.pump(0.1)
    a = rig.agent(agent)
    assert (a["state"], a["pending_logout"], a["forced_by"]) == ("logged_out", False, "sup")
    err = rig.refused("sup", "set_agent_state", agent=agent, state="logout", reason="x")
    assert (err.code, err.message) == ("invalid_operation",
                                       f"agent {agent} is already signed out")


def test_a_command_while_the_switch_link_is_down_says_link_down(rig: Rig) -> None:
    agent = rig.agents(on_call=False)[0]
    rig.call("admin", "inject_fault", kind="link_drop", params={"duration_s": 60})
    rig.pump(0.1)
    err = rig.refused("sup", "set_agent_state", agent=agent, state="not_ready", reason="r",
                      reason_code="break")
    assert err.code == "link_down" and err.message.startswith("link down: ")


# --- team scope -----------------------------------------------------------------------------


def test_a_team_leader_acts_on_their_team_only_and_is_told_why(rig: Rig) -> None:
    other = rig.agents(team="team-b")[0]
    err = rig.refused("lead", "set_agent_state", agent=other, state="logout", reason="r")
    assert (err.code, err.message) == (
        "forbidden", f"agent {other} is in team team-b, not one of your teams (team-a)")
    err = rig.refused("lead", "set_skills", agent=other, skills={"billing": 3})
    assert err.code == "forbidden" and "team-b" in err.message
    call, _ = rig.talking_call(team="team-b")
    for name in ("monitor", "whisper", "barge", "leave"):
        assert rig.refused("lead", name, call=call).code == "forbidden"
    assert rig.refused("lead", "release", call=call, reason="r").code == "forbidden"
    assert rig.refused("lead", "transfer", call=call, to_queue="billing").code == "forbidden"
    # their own team: allowed
    own_call, own_agent = rig.talking_call(team="team-a")
    assert rig.call("lead", "monitor", call=own_call)["participation"] == "monitor"
    rig.call("lead", "set_skills", agent=own_agent, skills={"billing": 4})
    entries = rig.audit.search(user="lead", result="refused")
    assert {e.result for e in entries} == {"forbidden"} and len(entries) >= 8


def test_a_team_leader_without_teams_can_act_on_nobody(rig: Rig) -> None:
    rig.auth.save_user(User("lonely", Role.TEAM_LEADER))
    rig.tokens["lonely"] = rig.auth.open_session(rig.auth.user("lonely")).token
    err = rig.refused("lonely", "set_agent_state", agent=rig.agents()[0], state="logout",
                      reason="r")
    assert (err.code, err.message) == ("forbidden", "team leader lonely has no team assigned")


def test_any_user_with_teams_is_scoped_even_a_supervisor(rig: Rig) -> None:
    user = rig.auth.user("sup")
    assert user is not None
    user.teams = ("team-b",)
    rig.auth.save_user(user)
    agent = rig.agents(team="team-a")[0]
    err = rig.refused("sup", "set_agent_state", agent=agent, state="logout", reason="r")
    assert err.message == f"agent {agent} is in team team-a, not one of your teams (team-b)"


# --- bulk -----------------------------------------------------------------------------------


def test_bulk_gives_a_result_per_agent_and_one_audit_entry_each(rig: Rig) -> None:
    team_a = rig.agents(team="team-a")
    team_b = rig.agents(team="team-b")
    ready = [a for a in team_a if rig.agent(a)["state"] == "ready"]
    agents = [*team_a, team_b[0], "9999"]
    out = rig.call("lead", "agents.bulk", agents=agents, action="ready", reason="rush")
    results = {r["agent"]: r for r in out["results"]}
    assert [r["agent"] for r in out["results"]] == agents, "in request order"
    assert results[team_b[0]]["code"] == "forbidden"
    assert results["9999"]["code"] == "unknown_target"
    for a in ready:
        assert (results[a]["ok"], results[a]["message"]) == (False,
                                                             f"agent {a} is already ready")
    assert any(r["ok"] for r in out["results"])
    entries = rig.audit.search(user="lead", action="set_agent_state", limit=1000)
    assert sorted(e.target for e in entries) == sorted(agents)
    assert {e.target: e.result for e in entries}[team_b[0]] == "forbidden"
    assert all(e.reason == "rush" and e.detail["bulk"] == len(agents) for e in entries)


def test_bulk_sign_out_reports_pending_for_agents_on_a_call(rig: Rig) -> None:
    _, agent = rig.talking_call()
    out = rig.call("sup", "agents.bulk", agents=[agent], action="logout", reason="end")
    assert out == {"results": [{"agent": agent, "ok": True, "pending": True}]}
    out = rig.call("sup", "agents.bulk", agents=[agent], action="cancel_logout", reason="no")
    assert out == {"results": [{"agent": agent, "ok": True}]}


def test_bulk_without_the_permission_refuses_every_agent_not_the_request(rig: Rig) -> None:
    out = rig.call("floor", "agents.bulk", agents=rig.agents()[:2], action="ready", reason="r")
    assert [r["code"] for r in out["results"]] == ["forbidden", "forbidden"]
    assert rig.refused("sup", "agents.bulk", agents=["1", "1"], action="ready",
                       reason="r").message == "agent 1 is listed twice"
    assert rig.refused("sup", "agents.bulk", agents=[], action="ready",
                       reason="r").code == "bad_request"
    assert rig.refused("sup", "agents.bulk", agents=["1"], action="dance",
                       reason="r").code == "bad_request"


def test_bulk_of_500_agents_at_5000_is_quick(tmp_path: Path) -> None:
    """Daemon loop time for the request (the benchmark with the GUI is tests/perf/)."""
    rig = Rig(tmp_path, scenario="large")
    agents = rig.agents()[:500]
    started = time.perf_counter()
    out = rig.call("sup", "agents.bulk", agents=agents, action="not_ready", reason="drill",
                   reason_code="meeting")
    spent = time.perf_counter() - started
    assert len(out["results"]) == 500
    print(f"\nagents.bulk 500 of 5,000 agents: {spent * 1000:.0f} ms of loop time")


def test_a_bulk_of_thousands_runs_in_steps_so_the_loop_keeps_beating(tmp_path: Path) -> None:
    """Each step stops at its budget (checked every 50 agents): 5,000 agents never hold the
    daemon's loop in one piece; the reply comes when the last step is done."""
    rig = Rig(tmp_path, scenario="large")
    agents = rig.agents()
    ctx = Context(rig.adapter, rig.floor, rig.auth, rig.audit, services=rig.services)
    deferred = dispatch(ctx, "agents.bulk", {"agents": agents, "action": "ready",
                                             "reason": "all hands"}, rig.tokens["sup"])
    assert isinstance(deferred, Deferred)
    steps = 0
    while True:
        steps += 1
        done, data = deferred.step(0.0)  # no time at all: one slice of 50 agents
        if done:
            break
        assert data is None
    assert steps == len(agents) // 50
    assert [r["agent"] for r in data["results"]] == agents
    assert len(rig.audit.search(user="sup", action="set_agent_state", limit=10_000)) == len(
        agents), "one entry per agent, none for the request itself"


# --- calls ----------------------------------------------------------------------------------


def test_monitor_whisper_barge_leave_switch_in_place_and_two_can_listen(rig: Rig) -> None:
    call, agent = rig.talking_call()
    for how in ("monitor", "whisper", "barge"):
        assert rig.call("sup", how, call=call)["participation"] == how
        rig.pump(0.1)
        assert rig.floor.get(f"call/{call}")["participants"] == {"sup": how}
    assert rig.agent(agent)["barged_by"] == ["sup"], "the agent is told of the barge"
    rig.call("sup2", "monitor", call=call)
    rig.pump(0.1)
    assert rig.floor.get(f"call/{call}")["participants"] == {"sup": "barge", "sup2": "monitor"}
    assert rig.call("sup", "leave", call=call) == {"call": call, "participation": None}
    rig.pump(0.1)
    assert rig.floor.get(f"call/{call}")["participants"] == {"sup2": "monitor"}
    assert rig.agent(agent)["barged_by"] == []
    err = rig.refused("sup", "leave", call=call)
    assert err.code == "invalid_operation" and "not taking part" in err.message


def test_monitoring_with_record_keeps_a_recording_with_the_calls_history(rig: Rig) -> None:
    call, _ = rig.talking_call()
    data = rig.call("qi", "monitor", call=call, record=True)
    assert data == {"call": call, "participation": "monitor", "recording": True}
    rig.pump(0.1)
    started = rig.floor.get(f"call/{call}")["recording"]["qi"]
    rig.call("qi", "barge", call=call)  # switching keeps the recording going
    rig.pump(5)
    assert "qi" in rig.floor.get(f"call/{call}")["recording"]
    rig.call("qi", "leave", call=call)
    rig.pump(0.1)
    assert rig.floor.get(f"call/{call}")["recording"] == {}
    rig.call("sup", "release", call=call, reason="test over")
    rig.pump(0.1)
    (record,) = [r for r in rig.records if r.call_id == call]
    (recording,) = record.recordings
    assert recording["by"] == "qi" and recording["started_at"] == started
    assert recording["ended_at"] >= started + 5
    assert rig.refused("sup", "monitor", call=call, record="yes").code == "bad_request"


def test_a_recording_ends_with_the_call(rig: Rig) -> None:
    call, _ = rig.talking_call()
    rig.call("sup", "monitor", call=call, record=True)
    rig.call("sup2", "monitor", call=call, record=True)
    rig.pump(2)
    rig.call("admin", "release", call=call, reason="end")
    rig.pump(0.1)
    (record,) = [r for r in rig.records if r.call_id == call]
    assert sorted(r["by"] for r in record.recordings) == ["sup", "sup2"]


def test_transfer_and_release_are_scoped_and_audited(rig: Rig) -> None:
    call, _ = rig.talking_call(team="team-a")
    rig.call("lead", "transfer", call=call, to_queue="billing")
    rig.pump(0.1)
    (entry,) = rig.audit.search(user="lead", action="transfer")
    assert (entry.target, entry.result, entry.detail["to_queue"]) == (call, "ok", "billing")
