"""Threshold alarms (黄/橙/红/黑 预警) over the live metrics, agents and equipment."""

from switchlink.alarms.engine import AlarmEngine, AlarmError
from switchlink.alarms.equipment import EquipmentConditions
from switchlink.alarms.rules import RuleSetError, default_rules, parse_rules_toml, validate_rules

__all__ = [
    "AlarmEngine", "AlarmError", "EquipmentConditions", "RuleSetError", "default_rules",
    "parse_rules_toml", "validate_rules",
]
