"""Flows running on the emulator end to end: through the engine and the ivr.* commands.

The trail reaches the agent's call in the floor (the mirror's source), survey answers make
the satisfaction rate, a reload with lint errors is refused with the findings and changes
nothing, and callers mid-flow finish the flow they started in.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ivr.bundled import flow_path, load_checked
from models.events import CallIvrStep, SurveyAnswered
from models.security import AuditEntry, Role, User
from switchlink.adapters.loopback import LoopbackAdapter, load_scenario
from switchlink.adapters.loopback.ivr_callers import IvrCallers
from switchlink.engine.analytics import LiveAnalytics
from switchlink.engine.state import FloorState
from switchlink.services import ivr as ivr_commands
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator

START = 1_772_438_400.0


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

    def search(self, *args: Any, **kwargs: Any) -> list[AuditEntry]:
        return self.entries


class Switch:
    """The emulator, the engine and the analytics as the daemon wires them (no sockets)."""

    def __init__(self, scenario: str = "hotline-ivr", seed: int = 3) -> None:
        self.adapter = LoopbackAdapter(scenario=scenario, seed=seed, speed="fast", start=START)
        inventory = self.adapter.start()
        self.floor = FloorState(inventory)
        self.analytics = LiveAnalytics(inventory, self.adapter.now)
        self.analytics.initial(self.floor)
        self.events: list[Any] = []
        users, self.audit = Users(), Audit()
        auth = Authenticator(users)
        self.tokens = {}
        for name, role in (("maint", Role.MAINTENANCE), ("lead", Role.SUPERVISOR)):
            users.save(User(name, role))
            self.tokens[name] = auth.open_session(users.get(name)).token
        self.ctx = Context(adapter=self.adapter, floor=self.floor, auth=auth, audit=self.audit,
                           services={ivr_commands.LIVE_KEY: self.analytics.ivr})

    def run(self, batches: int) -> None:
        for _ in range(batches):
            events = self.adapter.poll(max_events=2000)
            self.events += events
            for e in events:
                self.floor.apply(e)
            self.analytics.on_events(events, self.floor)
        self.analytics.tick(self.floor)

    def call(self, user: str, name: str, **args: Any) -> Any:
        return dispatch(self.ctx, name, args, self.tokens[user])


@pytest.fixture(scope="module")
def switch() -> Switch:
    s = Switch()
    s.run(40)
    return s


def test_the_trail_reaches_the_agent_s_call(switch: Switch) -> None:
    at_agents = [c for _, c in switch.floor.items("call/") if c.get("agent") and c.get(
        "ivr_steps")]
    assert at_agents, "no call reached an agent with its trail"
    call = at_agents[0]
    assert call["ivr_flow"] == "hotline-10000"
    assert call["ivr_steps"][0].startswith(("welcome", "vip_welcome", "language", "main"))
    assert call["ivr_position"][-1] in ("to_agent", "to_service", "to_complaints", "to_faults",
                                        "to_vip")
    assert len(call["ivr_steps"]) <= 10  # the flow's trail_length
    agent = switch.floor.get(f"agent/{call['agent']}")
    assert agent["call_id"] == call["id"]


def test_survey_answers_make_the_satisfaction_rate(switch: Switch) -> None:
    answers = [e for e in switch.events if isinstance(e, SurveyAnswered)
               and e.question == "satisfaction"]
    assert len(answers) > 20
    good = sum(e.answer in ("satisfied", "fair") for e in answers)
    center = switch.floor.get("metrics/center")
    assert center["surveyed_today"] == len(answers)
    assert center["satisfaction_rate_today"] == pytest.approx(good / len(answers))


def test_node_counts_agree_with_the_calls_in_the_ivr(switch: Switch) -> None:
    live = switch.floor.get("ivr/hotline-10000")
    in_ivr = sum(c["phase"] == "ivr" for _, c in switch.floor.items("call/"))
    assert live["in_ivr"] == sum(n["now"] for n in live["nodes"].values()) == in_ivr
    steps = [e for e in switch.events if isinstance(e, CallIvrStep) and e.node == "welcome"
             and e.flow]
    assert live["nodes"]["welcome"]["entered"] == len(steps)
    main = live["nodes"]["main"]
    assert sum(main["next"].values()) + main["dropped"] + main["now"] <= main["entered"]
    assert live["dropped"] > 0


def test_reload_with_errors_is_refused_with_the_findings(switch: Switch,
                                                          tmp_path: Path) -> None:
    broken = tmp_path / "hotline-10000.toml"
    shutil.copytree(flow_path("hotline-10000").parent / "shared", tmp_path / "shared")
    text = flow_path("hotline-10000").read_text(encoding="utf-8")
    broken.write_text(text.replace('"2" = "to_service"', '"2" = "nowhere"'), encoding="utf-8")
    before = switch.adapter.flows()["hotline-10000"]
    with pytest.raises(CommandError) as refused:
        switch.call("maint", "ivr.reload", flow="hotline-10000", file=str(broken))
    assert refused.value.code == "invalid_operation"
    assert "unknown-target" in refused.value.message and "hotline-10000.toml:" in \
        refused.value.message
    assert switch.adapter.flows()["hotline-10000"] is before
    assert switch.audit.entries[-1].result == "invalid_operation"


def test_a_supervisor_may_not_reload(switch: Switch) -> None:
    with pytest.raises(CommandError) as refused:
        switch.call("lead", "ivr.reload", flow="hotline-10000")
    assert refused.value.code == "forbidden"


def test_callers_mid_flow_finish_the_old_flow() -> None:
    s = Switch(seed=5)
    s.run(6)
    sim = s.adapter.simulation
    old = sim.flows["hotline-10000"]
    mid = {cid: ic.session for cid, ic in sim.ivr_calls.items()}
    assert mid, "nobody in the IVR at the moment of the reload"
    data = s.call("maint", "ivr.reload", flow="hotline-10000")
    assert data["nodes"] == len(old.nodes)
    new = sim.flows["hotline-10000"]
    assert new is not old
    assert all(session.flow is old for session in mid.values())
    s.run(4)
    started_after = [ic.session for cid, ic in sim.ivr_calls.items() if cid not in mid]
    assert started_after and all(session.flow is new for session in started_after)
    assert s.audit.entries[-1].action == "ivr.reload" and s.audit.entries[-1].result == "ok"


def test_emergency_notice_is_heard_then_expires_and_is_linted() -> None:
    s = Switch(seed=7)
    s.run(2)
    with pytest.raises(CommandError) as long_notice:
        s.call("maint", "ivr.emergency", flow="hotline-10000", text="台风" * 40, minutes=5)
    assert "emergency-length" in long_notice.value.message
    s.call("maint", "ivr.emergency", flow="hotline-10000", text="受台风影响，部分地区通信中断。",
           minutes=30)
    until = s.adapter.now() + 1800
    s.run(1)
    notes = [str(step) for ic in s.adapter.simulation.ivr_calls.values()
             for step in ic.session.trail().steps]
    assert "welcome: emergency notice" in notes or any("emergency" in n for n in notes)
    assert s.floor.get("ivr/hotline-10000")["notice"]["text"].startswith("受台风")
    s.adapter.simulation.run_until(until + 1)
    assert s.adapter.simulation.current_flow("hotline-10000").emergency is None


def test_the_fax_branch_sends_a_fax_job_through_the_fax_adapter() -> None:
    scenario = load_scenario("hotline-ivr")
    flow, _ = load_checked(flow_path("billing-170"))
    for node in flow.nodes.values():  # the 170 line's queues, on this floor
        if node.type == "transfer":
            node.fields["queue"] = "service"
    callers = IvrCallers(flow, "billing-170", hangup=0.0, silent=0.0, invalid=0.0,
                         lookup_fail=0.0, keys={"menu": (("3", 1.0),), "bill": (("1", 1.0),)})
    adapter = LoopbackAdapter(scenario=replace(scenario, ivr_callers=callers), seed=2,
                              speed="fast", start=START)
    adapter.start()
    sent: list[tuple[str, str, int]] = []
    adapter.route_fax(lambda number, document, pages: sent.append((number, document, pages))
                      or f"hylafax-{len(sent)}")
    for _ in range(40):
        adapter.poll(max_events=2000)
    assert sent, "no caller took the fax branch"
    number, document, pages = sent[0]
    assert pages == 2
    assert number.startswith("1") and len(number) == 11 and document.startswith("bill")
