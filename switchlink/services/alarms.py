"""Alarm commands (alarms.list / alarms.ack / alarms.rules.get / alarms.rules.set) and rule storage.

The daemon builds one :class:`AlarmService` (engine + rule store + clock + a sink for the
transitions it causes) and puts it in ``Context.services["alarms"]``; the handlers use it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from models.alarms import AlarmTransition, alarm_to_plain, rule_to_plain
from models.security import Permission
from switchlink.alarms import AlarmEngine, AlarmError, RuleSetError, default_rules, validate_rules
from switchlink.services.registry import CommandError, Context, arg_str, command

MAX_RULES = 5000


class RuleStore(Protocol):
    """Where edited rules persist; the lead plugs a database repository in."""

    def load(self) -> list[dict[str, Any]] | None:
        """The saved rules, or None when nothing was saved yet (use the defaults)."""

    def save(self, rules: list[dict[str, Any]]) -> None: ...


class MemoryRuleStore:
    def __init__(self, rules: list[dict[str, Any]] | None = None) -> None:
        self.rules = rules

    def load(self) -> list[dict[str, Any]] | None:
        return self.rules

    def save(self, rules: list[dict[str, Any]]) -> None:
        self.rules = rules


class JsonFileRuleStore:
    """Rules in a JSON file, replaced atomically so a crash never leaves half a rule set."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def load(self) -> list[dict[str, Any]] | None:
        if not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except ValueError as exc:
            raise RuleSetError(f"{self.path}: not valid JSON: {exc}") from None
        if not isinstance(data, list):
            raise RuleSetError(f"{self.path}: must hold a list of rules")
        return data

    def save(self, rules: list[dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(rules, f, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)


class AlarmService:
    """The alarm engine with its persisted rules, as the commands see it."""

    def __init__(
        self,
        store: RuleStore,
        clock: Callable[[], float],
        on_transitions: Callable[[list[AlarmTransition]], None] = lambda ts: None,
    ) -> None:
        saved = store.load()
        rules = default_rules() if saved is None else validate_rules(saved)
        self.store = store
        self.clock = clock
        self.on_transitions = on_transitions
        self.engine = AlarmEngine(rules)

    def list(self) -> list[dict[str, Any]]:
        return [alarm_to_plain(a) for a in self.engine.active()]

    def ack(self, alarm_id: str, user: str, note: str) -> dict[str, Any]:
        transition = self.engine.ack(alarm_id, user, note, self.clock())
        self.on_transitions([transition])
        return alarm_to_plain(transition.alarm)

    def rules(self) -> list[dict[str, Any]]:
        return [rule_to_plain(r) for r in self.engine.rules.values()]

    def set_rules(self, items: Any) -> dict[str, Any]:
        """Validate every rule, persist, then apply: all or nothing."""
        if not isinstance(items, list):
            raise RuleSetError("rules: must be a list of rules")
        if len(items) > MAX_RULES:
            raise RuleSetError(f"rules: at most {MAX_RULES} rules, got {len(items)}")
        if not items:
            # an empty store means "never edited": the defaults would be back after a restart
            raise RuleSetError(
                "rules: an empty rule set cannot be saved; to silence alarms, keep the rules "
                "and set enabled = false on each"
            )
        rules = validate_rules(items)
        plain = [rule_to_plain(r) for r in rules]
        self.store.save(plain)
        transitions = self.engine.set_rules(rules, self.clock())
        self.on_transitions(transitions)
        return {"rules": len(rules), "cleared": [t.alarm_id for t in transitions]}


SERVICE_KEY = "alarms"


def _svc(ctx: Context) -> AlarmService:
    """The server's alarm service (``Context.services["alarms"]``): one per daemon, no global."""
    service = ctx.services.get(SERVICE_KEY)
    if service is None:
        raise CommandError("unsupported", "alarms are not running in this switchlink")
    return service


@command("alarms.list", permission=Permission.VIEW_FLOOR)
def _list(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    return _svc(ctx).list()


@command("alarms.ack", permission=Permission.ACK_ALARM, params=("alarm", "note"), audit=True)
def _ack(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    alarm = str(args.get("alarm", "")).strip()
    if not alarm:
        raise CommandError("bad_request", "argument 'alarm' must name an alarm id")
    note = arg_str(args, "note", required=False, limit=500)
    ctx.audit_target, ctx.audit_reason = f"alarm/{alarm}", note
    try:
        return _svc(ctx).ack(alarm, ctx.user, note)
    except AlarmError as exc:
        code = "unknown_target" if "no active alarm" in str(exc) else "invalid_operation"
        raise CommandError(code, str(exc)) from None


@command("alarms.rules.get", permission=Permission.VIEW_FLOOR)
def _rules_get(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    return _svc(ctx).rules()


@command("alarms.rules.set", permission=Permission.EDIT_ALARM_RULES, params=("rules",), audit=True)
def _rules_set(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.audit_target = "alarm rules"
    try:
        result = _svc(ctx).set_rules(args.get("rules"))
    except RuleSetError as exc:
        raise CommandError("bad_request", str(exc)) from None
    ctx.audit_detail = {"rules": result["rules"]}
    return result
