"""Alarm commands through the real dispatcher: permissions, ack, rule edits all-or-nothing."""

from __future__ import annotations

from typing import Any

import pytest

from models.alarms import rule_to_plain
from models.security import AuditEntry, Role, User
from switchlink.alarms import RuleSetError, default_rules
from switchlink.services import alarms as alarm_commands
from switchlink.services.alarms import AlarmService, JsonFileRuleStore, MemoryRuleStore
from switchlink.services.registry import CommandError, Context, dispatch
from switchlink.services.users.auth import Authenticator


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


RULE = {"id": "wait", "metric": "waiting", "scope": "queue:*",
        "levels": {"yellow": {"threshold": 5, "clear_threshold": 3}}}


@pytest.fixture
def floor():
    users, audit = Users(), Audit()
    auth = Authenticator(users)
    tokens = {}
    for name, role in (("lead", Role.SUPERVISOR), ("fm", Role.FLOOR_MANAGER)):
        users.save(User(name, role))
        tokens[name] = auth.open_session(users.get(name)).token
    transitions: list = []
    store = MemoryRuleStore([RULE])
    service = AlarmService(store, clock=lambda: 100.0, on_transitions=transitions.extend)
    ctx = Context(adapter=None, floor=None, auth=auth, audit=audit,  # type: ignore[arg-type]
                  services={alarm_commands.SERVICE_KEY: service})

    def call(user: str, name: str, **args: Any) -> Any:
        return dispatch(ctx, name, args, tokens[user])

    yield call, service, store, audit, transitions


def test_list_and_ack_an_active_alarm_with_a_note(floor):
    call, service, _, audit, transitions = floor
    service.engine.evaluate(50, {"metrics/queue/q1": {"waiting": 7}})
    [alarm] = call("fm", "alarms.list")
    assert (alarm["scope"], alarm["level"], alarm["state"]) == ("queue:q1", "yellow", "raised")
    acked = call("fm", "alarms.ack", alarm=alarm["id"], note="two agents moved")
    assert (acked["state"], acked["acked_by"], acked["acked_at"]) == ("acknowledged", "fm", 100.0)
    assert transitions[-1].kind == "acknowledged"
    assert (audit.entries[-1].action, audit.entries[-1].target) == (
        "alarms.ack", f"alarm/{alarm['id']}")


def test_ack_of_unknown_alarm_is_unknown_target(floor):
    call, *_ = floor
    with pytest.raises(CommandError) as info:
        call("lead", "alarms.ack", alarm="42", note="")
    assert info.value.code == "unknown_target"


def test_floor_manager_may_not_edit_rules(floor):
    call, *_ = floor
    with pytest.raises(CommandError) as info:
        call("fm", "alarms.rules.set", rules=[RULE])
    assert info.value.code == "forbidden"


def test_bad_rule_is_refused_naming_the_field_and_nothing_changes(floor):
    call, service, store, *_ = floor
    bad = [RULE, dict(RULE, id="x", levels={"red": {"threshold": "many"}})]
    with pytest.raises(CommandError) as info:
        call("lead", "alarms.rules.set", rules=bad)
    assert info.value.code == "bad_request"
    assert "rule[1] (id 'x').levels.red.threshold: must be a number" in info.value.message
    assert list(service.engine.rules) == ["wait"] and store.rules == [RULE]


def test_rules_set_persists_and_clears_alarms_of_changed_rules(floor):
    call, service, store, _, transitions = floor
    service.engine.evaluate(50, {"metrics/queue/q1": {"waiting": 7}})
    new = dict(RULE, escalate_after_s=60)
    result = call("lead", "alarms.rules.set", rules=[new])
    assert result["rules"] == 1 and len(result["cleared"]) == 1
    assert store.rules[0]["escalate_after_s"] == 60
    assert call("fm", "alarms.rules.get")[0]["escalate_after_s"] == 60
    assert transitions[-1].kind == "cleared"


def test_no_saved_rules_means_the_shipped_defaults():
    service = AlarmService(MemoryRuleStore(None), clock=lambda: 0.0)
    assert set(service.engine.rules) == {r.id for r in default_rules()}


def test_json_rule_store_round_trips_and_reports_a_corrupt_file(tmp_path):
    store = JsonFileRuleStore(tmp_path / "rules.json")
    assert store.load() is None
    plain = [rule_to_plain(r) for r in default_rules()]
    store.save(plain)
    assert store.load() == plain
    (tmp_path / "rules.json").write_text("{oops")
    with pytest.raises(RuleSetError, match=r"rules\.json: not valid JSON"):
        store.load()


def test_an_empty_rule_set_is_refused_with_how_to_silence_alarms(floor):
    call, service, store, _, _ = floor
    before = list(store.rules)
    with pytest.raises(CommandError) as info:
        call("lead", "alarms.rules.set", rules=[])
    assert info.value.code == "bad_request" and "enabled = false" in info.value.message
    assert store.rules == before and service.rules()  # nothing changed
