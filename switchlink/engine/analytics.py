"""Metrics and alarms inside the daemon: fed every event, published and evaluated on a tick.

Computed here, not in the consoles, so every console sees the same numbers and alarms fire
with no console open. Events only update counters (cheap, incremental); the tick publishes
the changed metric dicts and runs the alarm rules once over them — never per event per rule.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from models.alarms import AlarmTransition
from models.events import Event
from switchlink.adapters.base import Inventory
from switchlink.alarms import AlarmEngine, EquipmentConditions
from switchlink.engine.ivr_live import IvrLive
from switchlink.engine.staffing import StaffingLive
from switchlink.engine.state import Change, FloorState
from switchlink.metrics import FloorMetrics, MetricsConfig
from switchlink.services.alarms import AlarmService, MemoryRuleStore, RuleStore

log = logging.getLogger(__name__)

#: the link id the equipment rules see when the adapter itself cannot be polled
ADAPTER_LINK = "adapter"

TransitionSink = Callable[[list[AlarmTransition]], None]


class LiveAnalytics:
    """The floor's metrics, equipment conditions and alarm engine, kept in step."""

    def __init__(
        self,
        inventory: Inventory,
        clock: Callable[[], float],
        *,
        rule_store: RuleStore | None = None,
        on_transitions: TransitionSink | None = None,
        config: MetricsConfig | None = None,
    ) -> None:
        now = clock()
        self.clock = clock
        self.metrics = FloorMetrics(inventory, config, now)
        self.equipment = EquipmentConditions(inventory, now)
        #: callers at each IVR node, drop-outs, emergency notices: ``ivr/<flow>``
        self.ivr = IvrLive()
        #: Erlang C staffing per queue and its forecast: ``staffing/...`` (docs/workforce.md)
        self.staffing = StaffingLive(inventory.queues)
        self._sink = on_transitions
        self._pending: list[AlarmTransition] = []
        self.alarms = AlarmService(
            rule_store or MemoryRuleStore(), clock, on_transitions=self._pending.extend
        )

    @property
    def engine(self) -> AlarmEngine:
        return self.alarms.engine

    def on_events(self, events: list[Event], floor: FloorState) -> list[Change]:
        """A server processor: count the events; publishing waits for the tick."""
        apply_metrics = self.metrics.apply
        apply_equipment = self.equipment.apply
        apply_ivr = self.ivr.apply
        for event in events:
            apply_metrics(event)
            apply_equipment(event)
            apply_ivr(event)
        return []

    def set_adapter_link(self, up: bool, now: float) -> None:
        """The daemon lost (or regained) the adapter itself: an equipment condition too."""
        self.equipment._set("link_lost_s", ADAPTER_LINK, not up, now)

    def initial(self, floor: FloorState) -> list[Change]:
        """Every metric and active alarm, for the floor's first state."""
        now = self.clock()
        changes: list[Change] = []
        for key, value in self.metrics.snapshot(now).items():
            changes += floor.set(key, value)
        for key, value in self.ivr.snapshot().items():
            changes += floor.set(key, value)
        for key, value in self.staffing.snapshot().items():
            changes += floor.set(key, value)
        for key, value in self.alarms.engine.snapshot().items():
            changes += floor.set(key, value)
        return changes

    def tick(self, floor: FloorState) -> list[Change]:
        """Publish changed metrics, evaluate the alarm rules, publish alarm changes."""
        now = self.clock()
        metrics = self.metrics.publish(now)
        staffing = self.staffing.tick(now, metrics)  # once a switch minute; {} otherwise
        engine = self.alarms.engine
        self._pending += engine.evaluate(
            now,
            metrics,
            agents=self.metrics.agent_timers(),
            equipment=self.equipment.conditions,
            staffing=self.staffing.alarm_input() if staffing else None,
        )
        changes: list[Change] = []
        for key, value in metrics.items():
            changes += floor.set(key, value)
        for key, value in staffing.items():
            changes += floor.set(key, value)
        for key, value in self.ivr.publish().items():
            changes += floor.set(key, value)
        for key, value in engine.publish().items():
            changes += floor.set(key, value)
        self._flush_transitions()
        return changes

    def _flush_transitions(self) -> None:
        if not self._pending:
            return
        transitions, self._pending[:] = list(self._pending), []
        for t in transitions:
            log.info("alarm %s %s: %s %s", t.alarm_id, t.kind, t.level.name, t.alarm.scope)
        if self._sink is not None:
            try:
                self._sink(transitions)
            except Exception:  # the alarm log must never stop the floor
                log.exception("alarm transitions could not be recorded")
