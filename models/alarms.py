"""Alarm rules, levels and live alarms (预警): plain data plus the rule validator."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any


class AlarmLevel(IntEnum):
    """S3's four warning levels, ordered so ``max()`` gives the most severe."""

    YELLOW = 1  # 黄色预警
    ORANGE = 2  # 橙色预警
    RED = 3  # 红色预警
    BLACK = 4  # 黑色预警

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> AlarmLevel:
        return cls[label.upper()]


#: Simplified-Chinese UI labels of the levels.
LEVEL_LABELS_ZH: dict[AlarmLevel, str] = {
    AlarmLevel.YELLOW: "黄",
    AlarmLevel.ORANGE: "橙",
    AlarmLevel.RED: "红",
    AlarmLevel.BLACK: "黑",
}


class Direction(StrEnum):
    """Which side of the threshold is bad."""

    ABOVE = "above"  # value >= threshold raises; value < clear_threshold clears
    BELOW = "below"  # value <= threshold raises; value > clear_threshold clears


class RuleKind(StrEnum):
    METRIC = "metric"  # a value in metrics/center or metrics/queue/<id>
    AGENT = "agent"  # seconds an agent has been in a state (hold, ACW, not ready, call)
    EQUIPMENT = "equipment"  # board down, channel stuck, link lost, link latency
    COMPLAINT = "complaint"  # complaint deadlines and spikes (docs/complaints.md)
    STAFFING = "staffing"  # a queue short of the agents Erlang C requires (issue 18)


class AlarmState(StrEnum):
    RAISED = "raised"
    ACKNOWLEDGED = "acknowledged"
    CLEARED = "cleared"


#: Per-agent rule metrics: seconds since the agent entered the condition.
AGENT_METRICS = frozenset({"hold_s", "after_call_work_s", "not_ready_s", "call_s"})
#: Equipment rule metrics: seconds in the condition, or the link latency in ms.
EQUIPMENT_METRICS = frozenset({"board_down_s", "channel_stuck_s", "link_lost_s", "link_latency_ms",
                               "channel_test_failed_s"})
#: Complaint rule metrics: open orders at each warning level; a spike's -log10 p-value
COMPLAINT_METRICS = frozenset({"orders_yellow", "orders_orange", "orders_red", "orders_black",
                               "spike_surprise"})
#: Staffing rule metrics: Erlang C agents required − agents available (docs/workforce.md)
STAFFING_METRICS = frozenset({"agents_short"})


@dataclass(slots=True)
class LevelSpec:
    """One level of a rule: when it raises, when it clears, and what people do about it."""

    threshold: float
    clear_threshold: float
    min_duration_s: float = 0.0
    #: resource-dispatch plan (资源调度预案): who is told, which staff move, what measures
    dispatch_plan: str = ""


@dataclass(slots=True)
class AlarmRule:
    id: str
    name: str
    kind: RuleKind
    metric: str
    #: "center", "queue:<id>" or "queue:*" (metric rules); "center" for agent / equipment
    scope: str = "center"
    direction: Direction = Direction.ABOVE
    levels: dict[AlarmLevel, LevelSpec] = field(default_factory=dict)
    #: escalate one level when not acknowledged within this many seconds; 0 = never
    escalate_after_s: float = 0.0
    enabled: bool = True


@dataclass(slots=True)
class Alarm:
    """One live alarm: a rule firing on one subject (the center, a queue, an agent, a board)."""

    id: str
    rule_id: str
    level: AlarmLevel
    scope: str
    metric: str
    value: float | None
    threshold: float
    raised_at: float
    state: AlarmState = AlarmState.RAISED
    acked_by: str = ""
    acked_at: float | None = None
    ack_note: str = ""
    dispatch_plan: str = ""
    rule_name: str = ""
    #: when the level last changed (escalation timers count from here)
    level_since: float = 0.0
    cleared_at: float | None = None
    #: the level is above what the value breaches because nobody acknowledged in time
    escalated: bool = False


@dataclass(slots=True)
class AlarmTransition:
    """A lifecycle step, published to consoles and written to the alarm log."""

    at: float
    alarm_id: str
    #: raised | escalated | deescalated | acknowledged | cleared
    kind: str
    level: AlarmLevel
    previous_level: AlarmLevel | None
    alarm: Alarm
    by: str = ""
    note: str = ""


class RuleError(ValueError):
    """A rule is invalid; the message starts with the offending field path."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


_RULE_KEYS = {
    "id", "name", "kind", "metric", "scope", "direction", "levels", "escalate_after_s", "enabled",
}
_LEVEL_KEYS = {"threshold", "clear_threshold", "min_duration_s", "dispatch_plan"}


def _number(data: Mapping[str, Any], key: str, path: str, *, default: float | None = None) -> float:
    if key not in data:
        if default is None:
            raise RuleError(f"{path}{key}", "is required")
        return default
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RuleError(f"{path}{key}", f"must be a number, got {value!r}")
    return float(value)


def _text(data: Mapping[str, Any], key: str, *, required: bool, default: str = "") -> str:
    if key not in data:
        if required:
            raise RuleError(key, "is required")
        return default
    value = data[key]
    if not isinstance(value, str) or (required and not value.strip()):
        raise RuleError(key, f"must be a non-empty string, got {value!r}")
    return value.strip() if required else value


def _scope(kind: RuleKind, scope: str) -> str:
    if kind is RuleKind.COMPLAINT:
        if scope.startswith("complaints:") and len(scope) > len("complaints:"):
            return scope
        raise RuleError("scope", "complaint rules watch 'complaints:deadlines', "
                                 f"'complaints:spike:<key>' or 'complaints:*', got {scope!r}")
    if kind is RuleKind.STAFFING:
        if scope.startswith("queue:") and len(scope) > len("queue:"):
            return scope
        raise RuleError("scope", f"staffing rules watch queues: 'queue:<id>' or 'queue:*', "
                                 f"got {scope!r}")
    if kind is not RuleKind.METRIC:
        if scope != "center":
            raise RuleError("scope", f"{kind.value} rules apply to the whole floor: use 'center'")
        return scope
    if scope == "center" or (scope.startswith("queue:") and len(scope) > len("queue:")):
        return scope
    raise RuleError("scope", f"must be 'center', 'queue:<id>' or 'queue:*', got {scope!r}")


def _level(label: str, data: Any, direction: Direction) -> tuple[AlarmLevel, LevelSpec]:
    path = f"levels.{label}"
    try:
        level = AlarmLevel.from_label(label)
    except KeyError:
        raise RuleError(path, "unknown level (use yellow, orange, red, black)") from None
    if not isinstance(data, Mapping):
        raise RuleError(path, "must be a table with threshold and clear_threshold")
    unknown = set(data) - _LEVEL_KEYS
    if unknown:
        raise RuleError(f"{path}.{sorted(unknown)[0]}", "unknown field")
    threshold = _number(data, "threshold", f"{path}.")
    clear = _number(data, "clear_threshold", f"{path}.", default=threshold)
    if direction is Direction.ABOVE and clear > threshold:
        raise RuleError(f"{path}.clear_threshold", "must be <= threshold for an 'above' rule")
    if direction is Direction.BELOW and clear < threshold:
        raise RuleError(f"{path}.clear_threshold", "must be >= threshold for a 'below' rule")
    min_duration = _number(data, "min_duration_s", f"{path}.", default=0.0)
    if min_duration < 0:
        raise RuleError(f"{path}.min_duration_s", "must be >= 0")
    plan = data.get("dispatch_plan", "")
    if not isinstance(plan, str):
        raise RuleError(f"{path}.dispatch_plan", "must be text")
    return level, LevelSpec(threshold, clear, min_duration, plan)


def validate_rule(data: Any, known_metrics: Collection[str] | None = None) -> AlarmRule:
    """Build an :class:`AlarmRule` from plain data, or raise :class:`RuleError` naming the field.

    ``known_metrics`` lists the metric names a ``metric`` rule may use (the daemon passes the
    names the metrics publish); agent and equipment rules are checked against their own lists.
    """
    if not isinstance(data, Mapping):
        raise RuleError("rule", "must be a table / mapping")
    unknown = set(data) - _RULE_KEYS
    if unknown:
        raise RuleError(sorted(unknown)[0], "unknown field")
    rule_id = _text(data, "id", required=True)
    name = _text(data, "name", required=False, default=rule_id) or rule_id
    try:
        kind = RuleKind(data.get("kind", "metric"))
    except ValueError:
        problem = f"must be metric, agent, equipment or staffing, got {data['kind']!r}"
        raise RuleError("kind", problem) from None
    metric = _text(data, "metric", required=True)
    allowed = {
        RuleKind.AGENT: AGENT_METRICS, RuleKind.EQUIPMENT: EQUIPMENT_METRICS,
        RuleKind.COMPLAINT: COMPLAINT_METRICS,
        RuleKind.STAFFING: STAFFING_METRICS,
    }.get(kind, known_metrics)
    if allowed is not None and metric not in allowed:
        raise RuleError("metric", f"unknown {kind.value} metric {metric!r}")
    default_scope = "queue:*" if kind is RuleKind.STAFFING else "center"
    scope = _scope(kind, _text(data, "scope", required=False, default=default_scope))
    try:
        direction = Direction(data.get("direction", "above"))
    except ValueError:
        raise RuleError("direction", f"must be above or below, got {data['direction']!r}") from None
    if kind is not RuleKind.METRIC and direction is not Direction.ABOVE:
        raise RuleError("direction", f"{kind.value} rules are always 'above'")
    raw_levels = data.get("levels")
    if not isinstance(raw_levels, Mapping) or not raw_levels:
        raise RuleError("levels", "must name at least one of yellow, orange, red, black")
    parsed: dict[AlarmLevel, LevelSpec] = {}
    for label, spec_data in raw_levels.items():
        level, spec = _level(str(label), spec_data, direction)
        if level in parsed:
            raise RuleError(f"levels.{label}", "level given twice")
        parsed[level] = spec
    levels = dict(sorted(parsed.items()))
    previous: tuple[AlarmLevel, LevelSpec] | None = None
    for level, spec in levels.items():
        if previous is not None:
            worse = spec.threshold >= previous[1].threshold
            if direction is Direction.BELOW:
                worse = spec.threshold <= previous[1].threshold
            if not worse:
                raise RuleError(
                    f"levels.{level.label}.threshold",
                    f"must be {'at least' if direction is Direction.ABOVE else 'at most'} "
                    f"the {previous[0].label} threshold ({previous[1].threshold:g})",
                )
        previous = (level, spec)
        if kind is RuleKind.STAFFING and spec.threshold < 1:
            raise RuleError(f"levels.{level.label}.threshold",
                            f"a queue is short by 1 agent or more, got {spec.threshold:g}")
    escalate = _number(data, "escalate_after_s", "", default=0.0)
    if escalate < 0:
        raise RuleError("escalate_after_s", "must be >= 0 (0 = never escalate)")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError("enabled", f"must be true or false, got {enabled!r}")
    return AlarmRule(rule_id, name, kind, metric, scope, direction, levels, escalate, enabled)


def rule_to_plain(rule: AlarmRule) -> dict[str, Any]:
    """The rule in the same shape :func:`validate_rule` reads (level labels as keys)."""
    return {
        "id": rule.id,
        "name": rule.name,
        "kind": rule.kind.value,
        "metric": rule.metric,
        "scope": rule.scope,
        "direction": rule.direction.value,
        "escalate_after_s": rule.escalate_after_s,
        "enabled": rule.enabled,
        "levels": {
            level.label: {
                "threshold": spec.threshold,
                "clear_threshold": spec.clear_threshold,
                "min_duration_s": spec.min_duration_s,
                "dispatch_plan": spec.dispatch_plan,
            }
            for level, spec in rule.levels.items()
        },
    }


def alarm_to_plain(alarm: Alarm) -> dict[str, Any]:
    """The ``alarm/<id>`` value: level as its label, plus the Chinese label for the UI."""
    return {
        "id": alarm.id,
        "rule_id": alarm.rule_id,
        "rule_name": alarm.rule_name,
        "level": alarm.level.label,
        "level_zh": LEVEL_LABELS_ZH[alarm.level],
        "scope": alarm.scope,
        "metric": alarm.metric,
        "value": alarm.value,
        "threshold": alarm.threshold,
        "raised_at": alarm.raised_at,
        "level_since": alarm.level_since,
        "state": alarm.state.value,
        "acked_by": alarm.acked_by,
        "acked_at": alarm.acked_at,
        "ack_note": alarm.ack_note,
        "dispatch_plan": alarm.dispatch_plan,
        "cleared_at": alarm.cleared_at,
        "escalated": alarm.escalated,
    }
