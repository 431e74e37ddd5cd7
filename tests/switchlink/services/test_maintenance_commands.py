"""Maintenance commands through the real dispatcher on a running emulator: tests with their
measurements and who ran them, out-of-service with its reason, the sweep (never on a busy
channel; a failure raises an equipment alarm), fault rehearsal refused on a real switch."""

from __future__ import annotations

from typing import Any

import pytest

from models.security import AuditEntry, Role, User
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.adapters.loopback.scenario import load_scenario
from switchlink.engine.analytics import LiveAnalytics
from switchlink.engine.state import FloorState
from switchlink.services.maintenance import SERVICE_KEY, MaintenanceDesk
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator

START = 1_772_438_400.0  # 2026-03-02 08:00 UTC


class Users(dict):
    def get(self, username: str) -> User | None:  # type: ignore[override]
        return dict.get(self, username)

    def save(self, user: User) -> None:
        self[user.username] = user

    def list(self) -> list[User]:
        return list(self.values())


class Audit(list):
    def record(self, entry: AuditEntry) -> None:
        self.append(entry)


class Rig:
    """An emulator in fast time, its floor, the analytics (alarms) and the desk, pumped
    like the server's loop: events -> floor -> processors; ticks every simulated second."""

    def __init__(self, scenario: str = "small", sweep_at: str | None = None) -> None:
        self.adapter = LoopbackAdapter(scenario=load_scenario(scenario), speed="fast",
                                       start=START)
        inventory = self.adapter.start()
        self.floor = FloorState(inventory)
        self.analytics = LiveAnalytics(inventory, self.adapter.now)
        self.results: list[Any] = []
        self.published: dict[str, Any] = {}
        self.desk = MaintenanceDesk(self.adapter, self.floor, record=self.results.append,
                                    sweep_at=sweep_at)
        users, self.audit = Users(), Audit()
        auth = Authenticator(users)
        self.tokens = {}
        for name, role in (("tech", Role.MAINTENANCE), ("lead", Role.SUPERVISOR)):
            users.save(User(name, role))
            self.tokens[name] = auth.open_session(users[name]).token
        self.auth = auth

    def call(self, user: str, name: str, **args: Any) -> Any:
        ctx = Context(self.adapter, self.floor, self.auth, self.audit,
                      services={SERVICE_KEY: self.desk, "alarms": self.analytics.alarms})
        return dispatch(ctx, name, args, self.tokens[user])

    def run(self, seconds: float, step: float = 1.0) -> None:
        """As the server's loop: every change is published in order, the last one wins in a
        console's mirror (``self.published``)."""
        spent = 0.0
        while spent < seconds:
            events = self.adapter.advance(step)
            changes = []
            for event in events:
                changes += self.floor.apply(event)
            changes += self.analytics.on_events(events, self.floor)
            changes += self.desk.on_events(events, self.floor)
            changes += self.desk.tick(self.adapter.now())
            changes += self.analytics.tick(self.floor)
            for key, value in changes:
                self.published[key] = value
            spent += step

    def alarms(self) -> dict[str, dict[str, Any]]:
        return {k: v for k, v in self.floor.items("alarm/")}


@pytest.fixture
def rig() -> Rig:
    return Rig()


def test_a_loopback_test_is_published_running_then_with_what_it_measured(rig: Rig) -> None:
    started = rig.call("tech", "loopback_test", channel="ivr-1/3")
    assert (started["state"], started["board"], started["by"]) == ("running", "ivr-1", "tech")
    assert rig.floor.get("test/" + started["test"])["state"] == "running"
    rig.run(5)
    done = rig.floor.get("test/" + started["test"])
    assert done["state"] == "passed" and done["measured"]["dtmf_echoed"] == 12
    [result] = rig.results
    assert (result.target, result.board, result.by, result.kind) == (
        "ivr-1/3", "ivr-1", "tech", "loopback")
    assert result.measured["round_trip_ms"] > 0 and result.test_id == started["test"]
    assert rig.audit[-1].action == "loopback_test" and rig.audit[-1].user == "tech"


def test_self_test_prompt_test_and_fax_test_each_report_pass_or_fail(rig: Rig) -> None:
    board = rig.call("tech", "self_test", board="fax-1")["test"]
    prompt = rig.call("tech", "prompt_test", channel="ivr-1/1", prompt="您好，欢迎致电。")["test"]
    fax = rig.call("tech", "fax_test", number="95598-0001")["test"]
    rig.run(3600, step=5)  # a fax that fails is retried (scenario: every 5 min, 3 attempts)
    states = {t: rig.floor.get("test/" + t) for t in (board, prompt, fax)}
    assert states[board]["state"] == "passed"
    assert states[prompt]["state"] == "passed" and states[prompt]["measured"]["played_s"] > 0
    assert states[fax]["state"] in ("passed", "failed")
    assert states[fax]["target"].startswith("fax-1/") and states[fax]["board"] == "fax-1"
    assert {r.kind for r in rig.results} == {"self_test", "prompt", "fax"}


def test_a_supervisor_may_not_run_tests_and_a_busy_channel_is_not_tested(rig: Rig) -> None:
    with pytest.raises(CommandError) as refused:
        rig.call("lead", "loopback_test", channel="ivr-1/1")
    assert refused.value.code == "forbidden"
    rig.run(3 * 3600, step=60)
    busy = next(k[len("channel/"):] for k, v in rig.floor.items("channel/")
                if v["status"] == "busy")
    with pytest.raises(CommandError, match="busy"):
        rig.call("tech", "loopback_test", channel=busy)


def test_out_of_service_channel_takes_no_calls_and_shows_why_who_since(rig: Rig) -> None:
    for i in range(1, 8):
        rig.call("tech", "equipment.out_of_service", target=f"ivr-1/{i}", reason="card swap")
    rig.run(1800, step=30)
    channel = rig.floor.get("channel/ivr-1/2")
    assert rig.published["channel/ivr-1/2"] == channel  # what a console sees is the same
    assert channel["status"] == "out_of_service"
    assert channel["out_of_service"] == {"reason": "card swap", "by": "tech", "since": START}
    assert channel["counters"]["calls"] == 0
    assert rig.floor.get("channel/ivr-1/8")["counters"]["calls"] > 0
    with pytest.raises(CommandError, match="reason"):
        rig.call("tech", "equipment.out_of_service", target="ivr-1/8", reason=" ")
    rig.call("tech", "equipment.in_service", target="ivr-1/2")
    rig.run(1)
    channel = rig.floor.get("channel/ivr-1/2")
    assert channel["status"] == "idle" and channel["out_of_service"] is None
    assert [e.action for e in rig.audit[-2:]] == ["equipment.out_of_service",
                                                 "equipment.in_service"]


def test_the_sweep_skips_busy_channels_and_a_failure_raises_an_equipment_alarm() -> None:
    rig = Rig(sweep_at="11:00")
    rig.run(3 * 3600 - 60, step=60)  # 10:59, the morning peak: IVR channels are busy
    rig.call("tech", "inject_fault", kind="line_noise", target="ivr-1/5")
    rig.call("tech", "inject_fault", kind="stuck_channel", target="ivr-1/6")
    seen_at_seize: dict[str, tuple[str, str | None]] = {}
    real_test = rig.adapter.loopback_test

    def watched(channel: str) -> str:  # what the switch itself says when the sweep seizes it
        sim = rig.adapter.simulation.channels[channel]
        seen_at_seize[channel] = (sim.status.value, sim.holder)
        return real_test(channel)

    rig.adapter.loopback_test = watched  # type: ignore[method-assign]
    for _ in range(600):
        rig.run(1)
        sweep = rig.floor.get("maintenance/sweep")
        if sweep and sweep["last"]:
            break
    last = rig.floor.get("maintenance/sweep")["last"]
    assert last["by"] == "nightly sweep" and last["channels"] == 10
    assert seen_at_seize and all(v == ("idle", None) for v in seen_at_seize.values())
    assert len(seen_at_seize) == last["tested"]
    assert last["tested"] + last["skipped"] == 10 and last["skipped"] >= 1  # the stuck one
    assert [f["channel"] for f in last["failures"]] == ["ivr-1/5"]
    alarms = rig.alarms()
    assert any(a["scope"] == "channel:ivr-1/5" and a["rule_id"] == "channel-test-failed"
               for a in alarms.values())
    rig.call("tech", "equipment.reset", target="ivr-1/5")
    rig.call("tech", "loopback_test", channel="ivr-1/5")
    rig.run(5)
    assert not any(a["scope"] == "channel:ivr-1/5" for a in rig.alarms().values())


def test_fault_rehearsal_is_refused_on_a_real_switch(rig: Rig) -> None:
    from switchlink.adapters.hylafax.adapter import HylafaxAdapter

    ctx = Context(HylafaxAdapter(), rig.floor, rig.auth, rig.audit, services={})
    with pytest.raises(CommandError) as refused:
        dispatch(ctx, "inject_fault", {"kind": "board_failure", "target": "fax-1"},
                 rig.tokens["tech"])
    assert refused.value.code == "unsupported" and "emulator only" in refused.value.message
    assert rig.audit[-1].result == "unsupported"


def test_equipment_keys_say_since_when_and_count_calls_and_errors(rig: Rig) -> None:
    rig.run(3600, step=30)
    trunk = rig.floor.get("trunk/pstn-1")
    assert trunk["counters"]["calls"] > 0  # every seized circuit is a call
    busy_channels = [v for _, v in rig.floor.items("channel/") if v["counters"]["calls"]]
    assert busy_channels
    rig.call("tech", "inject_fault", kind="board_failure", target="ivr-1")
    rig.run(1)
    board = rig.floor.get("board/ivr-1")
    assert board["status"] == "down" and board["since"] == START + 3600
    assert board["counters"]["errors"] == 1 and board["last_error"]
    assert rig.published["board/ivr-1"] == board


def test_a_result_without_the_test_id_is_matched_to_the_test_it_answers(rig: Rig) -> None:
    """HylaFAX and AMI report their self-test without the id they returned."""
    from models.events import TestCompleted

    started = rig.desk.started("hylafax-selftest-1", "self_test", "fax-1", "tech")
    rig.desk.on_events([TestCompleted(START + 2, "fax-1", "self_test", True, "scheduler up")],
                       rig.floor)
    assert rig.floor.get("test/" + started["id"])["state"] == "passed"
    assert (rig.results[-1].by, rig.results[-1].test_id) == ("tech", "hylafax-selftest-1")
    assert not rig.desk.pending
