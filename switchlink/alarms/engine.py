"""AlarmEngine: evaluates rules on changed metrics and on a tick, with hysteresis and escalation.

Rules are indexed by the key they watch (``metrics/center``, ``metrics/queue/<id>``), so an
evaluation costs the rules of the changed keys plus the alarms whose timers run (min duration,
escalation), never every rule on every event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from models.alarms import (
    Alarm,
    AlarmLevel,
    AlarmRule,
    AlarmState,
    AlarmTransition,
    Direction,
    RuleKind,
    alarm_to_plain,
    rule_to_plain,
)

CENTER_KEY = "metrics/center"
QUEUE_PREFIX = "metrics/queue/"
#: complaint figures (switchlink.services.complaints): scope ``complaints:<rest of key>``
COMPLAINTS_PREFIX = "metrics/complaints/"
#: equipment metric -> (subject prefix, True when the value is a "since" time)
EQUIPMENT_SUBJECTS = {
    "board_down_s": ("board", True),
    "channel_stuck_s": ("channel", True),
    "channel_test_failed_s": ("channel", True),
    "link_lost_s": ("link", True),
    "link_latency_ms": ("link", False),
}


class AlarmError(Exception):
    """An alarm command that cannot be done (unknown id, already acknowledged)."""


class _Instance:
    """One rule watching one subject (center, queue:<id>, agent:<wn>, board:<id> …)."""

    __slots__ = ("alarm", "escalated", "pending", "rule", "subject", "value", "value_level")

    def __init__(self, rule: AlarmRule, subject: str) -> None:
        self.rule = rule
        self.subject = subject
        self.value: float | None = None
        #: level -> since when the value has breached it without a break
        self.pending: dict[AlarmLevel, float] = {}
        #: the level the value alone holds (with hysteresis); None = no alarm
        self.value_level: AlarmLevel | None = None
        #: the level reached by escalation for want of an acknowledgement
        self.escalated: AlarmLevel | None = None
        self.alarm: Alarm | None = None


class AlarmEngine:
    """Live alarms over a rule set; every transition is returned for the consoles and the log."""

    def __init__(self, rules: Iterable[AlarmRule], *, next_id: int = 1) -> None:
        self._next_id = next_id
        self._instances: dict[tuple[str, str], _Instance] = {}
        self._alarms: dict[str, _Instance] = {}
        #: instances whose outcome can change with time alone
        self._timed: set[tuple[str, str]] = set()
        self._dirty: dict[str, Alarm | None] = {}
        self.rules: dict[str, AlarmRule] = {}
        self._by_scope: dict[str, list[AlarmRule]] = {}
        self._agent_rules: list[AlarmRule] = []
        self._equipment_rules: list[AlarmRule] = []
        #: staffing rules by scope (queue:<id>, queue:*): the staffing/queue figures feed them
        self._staffing_by_scope: dict[str, list[AlarmRule]] = {}
        self.set_rules(list(rules), now=0.0)

    # --- rules --------------------------------------------------------------------------

    def set_rules(self, rules: list[AlarmRule], now: float) -> list[AlarmTransition]:
        """Replace the rule set; alarms of removed or changed rules clear."""
        ids = [r.id for r in rules]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise AlarmError(f"rule id {sorted(dupes)[0]!r} is used twice")
        new = {r.id: r for r in rules}
        out: list[AlarmTransition] = []
        for key, inst in list(self._instances.items()):
            kept = new.get(inst.rule.id)
            if kept is None or not kept.enabled or rule_to_plain(kept) != rule_to_plain(inst.rule):
                if inst.alarm is not None:
                    out.append(self._clear(inst, now, note="rule changed or removed"))
                del self._instances[key]
                self._timed.discard(key)
            else:
                inst.rule = kept
        self.rules = new
        self._by_scope, self._agent_rules, self._equipment_rules = {}, [], []
        self._staffing_by_scope = {}
        for rule in rules:
            if not rule.enabled:
                continue
            if rule.kind is RuleKind.AGENT:
                self._agent_rules.append(rule)
            elif rule.kind is RuleKind.EQUIPMENT:
                self._equipment_rules.append(rule)
            elif rule.kind is RuleKind.STAFFING:
                self._staffing_by_scope.setdefault(rule.scope, []).append(rule)
            else:
                self._by_scope.setdefault(rule.scope, []).append(rule)
        return out

    # --- evaluation ---------------------------------------------------------------------

    def evaluate(
        self,
        now: float,
        metrics: Mapping[str, Mapping[str, Any]] | None = None,
        agents: Mapping[str, Mapping[str, float]] | None = None,
        equipment: Mapping[str, Mapping[str, float]] | None = None,
        staffing: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> list[AlarmTransition]:
        """Evaluate the rules touched by ``metrics`` (only the changed dicts are needed), the
        per-agent rules on ``agents`` (timer -> {work number: since}, oldest first), the
        equipment rules on ``equipment`` (metric -> {id: since or value}), and every alarm
        whose min-duration or escalation timer runs; the staffing rules on ``staffing``
        (``queue:<id>`` -> {"agents_short": n}, given when the figures were recomputed)."""
        out: list[AlarmTransition] = []
        seen: set[tuple[str, str]] = set()
        for key, values in (metrics or {}).items():
            if key == CENTER_KEY:
                scope, rules = "center", self._by_scope.get("center", ())
            elif key.startswith(QUEUE_PREFIX):
                scope = "queue:" + key[len(QUEUE_PREFIX):]
                rules = [*self._by_scope.get(scope, ()), *self._by_scope.get("queue:*", ())]
            elif key.startswith(COMPLAINTS_PREFIX):
                scope = "complaints:" + key[len(COMPLAINTS_PREFIX):]
                rules = [*self._by_scope.get(scope, ()),
                         *self._by_scope.get("complaints:*", ())]
            else:
                continue
            for rule in rules:
                value = values.get(rule.metric)
                number = float(value) if isinstance(value, int | float) else None
                seen.add((rule.id, scope))
                self._update(rule, scope, number, now, out)
        for scope, values in (staffing or {}).items():
            by_scope = self._staffing_by_scope
            for rule in [*by_scope.get(scope, ()), *by_scope.get("queue:*", ())]:
                value = values.get(rule.metric)
                number = float(value) if isinstance(value, int | float) else None
                seen.add((rule.id, scope))
                self._update(rule, scope, number, now, out)
        if agents is not None:
            for rule in self._agent_rules:
                self._update_subjects(rule, "agent", agents.get(rule.metric, {}), True, now, seen,
                                      out)
        if equipment is not None:
            for rule in self._equipment_rules:
                prefix, is_since = EQUIPMENT_SUBJECTS[rule.metric]
                self._update_subjects(rule, prefix, equipment.get(rule.metric, {}), is_since,
                                      now, seen, out)
        for key in list(self._timed - seen):
            inst = self._instances.get(key)
            if inst is not None:
                self._update(inst.rule, inst.subject, inst.value, now, out)
        return out

    def _update_subjects(
        self,
        rule: AlarmRule,
        prefix: str,
        values: Mapping[str, float],
        is_since: bool,
        now: float,
        seen: set[tuple[str, str]],
        out: list[AlarmTransition],
    ) -> None:
        """Subjects present in ``values`` are updated; this rule's others have left (clear)."""
        floor = _lowest_threshold(rule)
        for ident, raw in values.items():
            value = now - raw if is_since else raw
            if is_since and value < floor:
                break  # oldest first: every later one is younger still
            subject = f"{prefix}:{ident}"
            seen.add((rule.id, subject))
            self._update(rule, subject, value, now, out)
        for rule_id, subject in list(self._instances):
            if rule_id == rule.id and (rule_id, subject) not in seen:
                seen.add((rule_id, subject))
                self._update(rule, subject, None, now, out)

    def _update(
        self,
        rule: AlarmRule,
        subject: str,
        value: float | None,
        now: float,
        out: list[AlarmTransition],
    ) -> None:
        key = (rule.id, subject)
        inst = self._instances.get(key)
        above = rule.direction is Direction.ABOVE
        if inst is None:
            if value is None or not _breaches(rule, _lowest_threshold(rule), value, above):
                return  # the common case: nothing wrong, nothing to remember
            inst = self._instances[key] = _Instance(rule, subject)
        inst.value = value
        for level, spec in rule.levels.items():
            if value is not None and _breaches(rule, spec.threshold, value, above):
                inst.pending.setdefault(level, now)
            else:
                inst.pending.pop(level, None)
        eligible = max(
            (lv for lv, since in inst.pending.items()
             if now - since >= rule.levels[lv].min_duration_s),
            default=None,
        )
        held = inst.value_level
        while held is not None and (value is None or _clears(rule, held, value, above)):
            lower = [lv for lv in rule.levels if lv < held]
            held = lower[-1] if lower else None
        level = held if eligible is None else eligible if held is None else max(held, eligible)
        inst.value_level = level
        self._apply_level(inst, now, out)
        if inst.alarm is None and not inst.pending:
            del self._instances[key]
            self._timed.discard(key)
        elif inst.pending.keys() - {inst.value_level} or (
            inst.alarm is not None
            and inst.alarm.state is AlarmState.RAISED
            and rule.escalate_after_s > 0
        ):
            self._timed.add(key)
        else:
            self._timed.discard(key)

    def _apply_level(self, inst: _Instance, now: float, out: list[AlarmTransition]) -> None:
        rule, alarm = inst.rule, inst.alarm
        if inst.value_level is None:
            inst.escalated = None
            if alarm is not None:
                out.append(self._clear(inst, now))
            return
        if alarm is not None and (
            alarm.state is AlarmState.RAISED
            and rule.escalate_after_s > 0
            and now - alarm.level_since >= rule.escalate_after_s
            and self._effective(inst) < max(rule.levels)
        ):
            current = self._effective(inst)
            target = min(lv for lv in rule.levels if lv > current)
            inst.escalated = target
            out.append(self._change(inst, target, now, "escalated", by="escalation"))
            return
        target = self._effective(inst)
        if alarm is None:
            spec = rule.levels[target]
            alarm_id = str(self._next_id)
            self._next_id += 1
            inst.alarm = Alarm(
                id=alarm_id, rule_id=rule.id, level=target, scope=inst.subject,
                metric=rule.metric, value=inst.value, threshold=spec.threshold, raised_at=now,
                dispatch_plan=spec.dispatch_plan, rule_name=rule.name, level_since=now,
            )
            self._alarms[alarm_id] = inst
            out.append(self._transition(inst, now, "raised", None))
        elif target != alarm.level:
            kind = "escalated" if target > alarm.level else "deescalated"
            out.append(self._change(inst, target, now, kind))
        else:
            # consoles show value against threshold live: publish, but log no transition
            escalated = alarm.level > inst.value_level
            if alarm.value != inst.value or alarm.escalated != escalated:
                alarm.value, alarm.escalated = inst.value, escalated
                self._dirty[alarm.id] = alarm

    def _effective(self, inst: _Instance) -> AlarmLevel:
        assert inst.value_level is not None
        if inst.escalated is None:
            return inst.value_level
        return max(inst.value_level, inst.escalated)

    def _change(
        self, inst: _Instance, level: AlarmLevel, now: float, kind: str, by: str = ""
    ) -> AlarmTransition:
        alarm = inst.alarm
        assert alarm is not None
        previous = alarm.level
        spec = inst.rule.levels[level]
        alarm.level, alarm.level_since, alarm.value = level, now, inst.value
        alarm.threshold, alarm.dispatch_plan = spec.threshold, spec.dispatch_plan
        alarm.escalated = inst.value_level is not None and level > inst.value_level
        if level > previous:  # a worse level needs a fresh acknowledgement
            alarm.state, alarm.acked_by, alarm.acked_at, alarm.ack_note = (
                AlarmState.RAISED, "", None, ""
            )
        return self._transition(inst, now, kind, previous, by=by)

    def _clear(self, inst: _Instance, now: float, note: str = "") -> AlarmTransition:
        alarm = inst.alarm
        assert alarm is not None
        alarm.state, alarm.cleared_at, alarm.value = AlarmState.CLEARED, now, inst.value
        transition = self._transition(inst, now, "cleared", alarm.level, note=note)
        del self._alarms[alarm.id]
        inst.alarm, inst.escalated = None, None
        return transition

    def _transition(
        self, inst: _Instance, now: float, kind: str, previous: AlarmLevel | None,
        by: str = "", note: str = "",
    ) -> AlarmTransition:
        alarm = inst.alarm
        assert alarm is not None
        self._dirty[alarm.id] = None if alarm.state is AlarmState.CLEARED else alarm
        return AlarmTransition(now, alarm.id, kind, alarm.level, previous, replace(alarm), by, note)

    # --- acknowledgement and publication --------------------------------------------------

    def ack(self, alarm_id: str, user: str, note: str, now: float) -> AlarmTransition:
        """Acknowledge an active alarm: stops its escalation until its level worsens."""
        inst = self._alarms.get(str(alarm_id))
        if inst is None or inst.alarm is None:
            raise AlarmError(f"no active alarm {alarm_id!r}")
        alarm = inst.alarm
        if alarm.state is AlarmState.ACKNOWLEDGED:
            raise AlarmError(f"alarm {alarm_id} was already acknowledged by {alarm.acked_by}")
        alarm.state, alarm.acked_by, alarm.acked_at, alarm.ack_note = (
            AlarmState.ACKNOWLEDGED, user, now, note
        )
        self._timed.discard((inst.rule.id, inst.subject))
        if inst.pending.keys() - {inst.value_level}:
            self._timed.add((inst.rule.id, inst.subject))
        return self._transition(inst, now, "acknowledged", alarm.level, by=user, note=note)

    def active(self) -> list[Alarm]:
        """Active alarms, most severe first, then oldest."""
        alarms = [i.alarm for i in self._alarms.values() if i.alarm is not None]
        return sorted(alarms, key=lambda a: (-a.level, a.raised_at, int(a.id)))

    def publish(self) -> dict[str, dict[str, Any] | None]:
        """``alarm/<id>`` values changed since the last call; ``None`` deletes a cleared one."""
        out = {
            f"alarm/{aid}": None if alarm is None else alarm_to_plain(alarm)
            for aid, alarm in self._dirty.items()
        }
        self._dirty.clear()
        return out

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return {f"alarm/{a.id}": alarm_to_plain(a) for a in self.active()}


def _lowest_threshold(rule: AlarmRule) -> float:
    return next(iter(rule.levels.values())).threshold


def _breaches(rule: AlarmRule, threshold: float, value: float, above: bool) -> bool:
    return value >= threshold if above else value <= threshold


def _clears(rule: AlarmRule, level: AlarmLevel, value: float, above: bool) -> bool:
    clear = rule.levels[level].clear_threshold
    return value < clear if above else value > clear
