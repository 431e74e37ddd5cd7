"""Loading rule sets (TOML or plain lists) with errors that name the rule and the field."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

from models.alarms import AlarmRule, RuleError, validate_rule
from switchlink.metrics import METRIC_NAMES


class RuleSetError(ValueError):
    """A rule set is invalid: ``rule[3] (id 'sl-center').levels.red.threshold: must be …``."""


def validate_rules(items: Iterable[Any]) -> list[AlarmRule]:
    """Validate every rule, all or nothing; duplicate ids are an error."""
    rules: list[AlarmRule] = []
    seen: set[str] = set()
    for index, data in enumerate(items):
        label = f"rule[{index}]"
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            label += f" (id {data['id']!r})"
        try:
            rule = validate_rule(data, METRIC_NAMES)
        except RuleError as exc:
            raise RuleSetError(f"{label}.{exc}") from None
        if rule.id in seen:
            raise RuleSetError(f"{label}.id: {rule.id!r} is used by an earlier rule")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def parse_rules_toml(text: str, source: str = "rules") -> list[AlarmRule]:
    """Rules from TOML text: an array of tables named ``rule``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"{source}: not valid TOML: {exc}") from None
    items = data.get("rule", [])
    if not isinstance(items, list):
        raise RuleSetError(f"{source}: 'rule' must be an array of tables ([[rule]])")
    try:
        return validate_rules(items)
    except RuleSetError as exc:
        raise RuleSetError(f"{source}: {exc}") from None


def default_rules() -> list[AlarmRule]:
    """The rules shipped in resources/rules/default.toml."""
    text = resources.files("resources.rules").joinpath("default.toml").read_text("utf-8")
    return parse_rules_toml(text, "resources/rules/default.toml")
