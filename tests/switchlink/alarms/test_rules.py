"""Rule sets: the shipped defaults load; a bad rule in a set names the rule and the field."""

from __future__ import annotations

import pytest

from models.alarms import RuleKind
from switchlink.alarms import RuleSetError, default_rules, parse_rules_toml, validate_rules


def test_default_rules_load_and_cover_metrics_agents_and_equipment():
    rules = default_rules()
    kinds = {r.kind for r in rules}
    assert kinds == {RuleKind.METRIC, RuleKind.AGENT, RuleKind.EQUIPMENT, RuleKind.COMPLAINT}
    complaint = {r.metric for r in rules if r.kind is RuleKind.COMPLAINT}
    assert complaint == {"orders_yellow", "orders_orange", "orders_red", "orders_black",
                         "spike_surprise"}  # the four warning levels and spikes (issue 16)
    assert {"hold_s", "after_call_work_s", "not_ready_s", "call_s"} <= {r.metric for r in rules}
    assert all(spec.dispatch_plan for r in rules for spec in r.levels.values())


def test_bad_rule_in_a_toml_set_names_source_rule_and_field():
    text = """
[[rule]]
id = "ok"
metric = "waiting"
[rule.levels.red]
threshold = 3

[[rule]]
id = "broken"
metric = "waiting"
[rule.levels.red]
threshold = "lots"
"""
    with pytest.raises(RuleSetError) as info:
        parse_rules_toml(text, "site.toml")
    assert str(info.value).startswith(
        "site.toml: rule[1] (id 'broken').levels.red.threshold: must be a number")


def test_duplicate_rule_ids_are_refused():
    rule = {"id": "a", "metric": "waiting", "levels": {"red": {"threshold": 3}}}
    with pytest.raises(RuleSetError, match=r"rule\[1\] \(id 'a'\)\.id: 'a' is used by an earlier"):
        validate_rules([rule, rule])


def test_invalid_toml_is_reported_with_its_source():
    with pytest.raises(RuleSetError, match=r"^x\.toml: not valid TOML"):
        parse_rules_toml("[[rule]\nid=", "x.toml")
