"""validate_rule: good rules round-trip; every bad field is named in the error."""

from __future__ import annotations

import pytest

from models.alarms import (
    AlarmLevel,
    Direction,
    RuleError,
    RuleKind,
    rule_to_plain,
    validate_rule,
)


def good() -> dict:
    return {
        "id": "sl", "name": "SL", "metric": "service_level_15m", "scope": "center",
        "direction": "below", "escalate_after_s": 300,
        "levels": {
            "red": {"threshold": 0.7, "clear_threshold": 0.75, "dispatch_plan": "move staff"},
            "yellow": {"threshold": 0.85, "clear_threshold": 0.88, "min_duration_s": 60},
        },
    }


def test_valid_rule_is_built_with_levels_in_severity_order_and_round_trips():
    rule = validate_rule(good(), {"service_level_15m"})
    assert rule.kind is RuleKind.METRIC and rule.direction is Direction.BELOW
    assert list(rule.levels) == [AlarmLevel.YELLOW, AlarmLevel.RED]
    assert rule.levels[AlarmLevel.YELLOW].min_duration_s == 60
    assert validate_rule(rule_to_plain(rule)) == rule


def test_levels_order_yellow_orange_red_black():
    assert AlarmLevel.YELLOW < AlarmLevel.ORANGE < AlarmLevel.RED < AlarmLevel.BLACK


def test_clear_threshold_defaults_to_the_threshold():
    data = good()
    del data["levels"]["red"]["clear_threshold"]
    assert validate_rule(data).levels[AlarmLevel.RED].clear_threshold == 0.7


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["levels"]["red"].update(threshold="high"),
         "levels.red.threshold: must be a number, got 'high'"),
        (lambda d: d["levels"]["red"].update(threshold=True), "levels.red.threshold: must be a"),
        (lambda d: d["levels"]["red"].pop("threshold"), "levels.red.threshold: is required"),
        (lambda d: d["levels"].update(purple={"threshold": 1}), "levels.purple: unknown level"),
        (lambda d: d["levels"]["red"].update(clear_threshold=0.6),
         "levels.red.clear_threshold: must be >= threshold for a 'below' rule"),
        (lambda d: d["levels"]["red"].update(threshold=0.9, clear_threshold=0.95),
         "levels.red.threshold: must be at most the yellow threshold (0.85)"),
        (lambda d: d["levels"]["yellow"].update(min_duration_s=-1),
         "levels.yellow.min_duration_s: must be >= 0"),
        (lambda d: d["levels"]["yellow"].update(colour="x"), "levels.yellow.colour: unknown field"),
        (lambda d: d.update(levels={}), "levels: must name at least one"),
        (lambda d: d.update(id=""), "id: must be a non-empty string"),
        (lambda d: d.pop("metric"), "metric: is required"),
        (lambda d: d.update(metric="nonsense"), "metric: unknown metric metric 'nonsense'"),
        (lambda d: d.update(scope="team:7"), "scope: must be 'center', 'queue:<id>' or 'queue:*'"),
        (lambda d: d.update(direction="sideways"), "direction: must be above or below"),
        (lambda d: d.update(kind="weather"), "kind: must be metric, agent, equipment or staffing"),
        (lambda d: d.update(escalate_after_s=-5), "escalate_after_s: must be >= 0"),
        (lambda d: d.update(enabled="yes"), "enabled: must be true or false"),
        (lambda d: d.update(colour="red"), "colour: unknown field"),
    ],
)
def test_bad_rule_error_names_the_field(change, message):
    data = good()
    change(data)
    with pytest.raises(RuleError) as info:
        validate_rule(data, {"service_level_15m"})
    assert str(info.value).startswith(message)


def test_agent_rules_use_agent_metrics_center_scope_and_above():
    rule = {"id": "h", "kind": "agent", "metric": "hold_s", "levels": {"yellow": {"threshold": 60}}}
    assert validate_rule(rule).metric == "hold_s"
    with pytest.raises(RuleError, match=r"^metric: unknown agent metric 'waiting'"):
        validate_rule(rule | {"metric": "waiting"})
    with pytest.raises(RuleError, match=r"^scope: agent rules apply to the whole floor"):
        validate_rule(rule | {"scope": "queue:q1"})
    with pytest.raises(RuleError, match=r"^direction: agent rules are always 'above'"):
        validate_rule(rule | {"direction": "below"})


def test_a_rule_that_is_not_a_mapping_is_refused():
    with pytest.raises(RuleError, match=r"^rule: must be a table"):
        validate_rule(["id", "x"])
