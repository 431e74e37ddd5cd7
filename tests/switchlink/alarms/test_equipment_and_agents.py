"""Equipment conditions from events, and per-agent rules fed by FloorMetrics' timers."""

from __future__ import annotations

from models.agents import Agent, AgentState
from models.alarms import validate_rule
from models.equipment import Board, BoardKind, Channel, ChannelStatus, EquipmentStatus, Link
from models.events import (
    AgentStateChanged,
    BoardStatusChanged,
    ChannelStatusChanged,
    LinkStatusChanged,
)
from switchlink.adapters.base import Inventory
from switchlink.alarms import AlarmEngine, EquipmentConditions, default_rules
from switchlink.metrics import FloorMetrics


def test_equipment_conditions_follow_inventory_and_events():
    inv = Inventory(
        boards=[Board("b1", BoardKind.ACD, EquipmentStatus.DOWN), Board("b2", BoardKind.IVR)],
        channels=[Channel("ch1", "b2", BoardKind.IVR)],
        links=[Link("l1", latency_ms=12.0)],
    )
    eq = EquipmentConditions(inv, now=0)
    assert eq.conditions["board_down_s"] == {"b1": 0}
    assert eq.apply(ChannelStatusChanged(5, "ch1", ChannelStatus.STUCK))
    assert eq.apply(LinkStatusChanged(6, "l1", EquipmentStatus.DOWN, latency_ms=0.0))
    assert eq.apply(BoardStatusChanged(7, "b1", EquipmentStatus.UP))
    assert not eq.apply(BoardStatusChanged(8, "b2", EquipmentStatus.UP))
    assert eq.conditions["board_down_s"] == {}
    assert eq.conditions["channel_stuck_s"] == {"ch1": 5}
    assert eq.conditions["link_lost_s"] == {"l1": 6}


def test_default_rules_raise_black_on_link_lost_and_clear_when_it_returns():
    inv = Inventory(links=[Link("l1")])
    eq = EquipmentConditions(inv, now=0)
    engine = AlarmEngine(default_rules())
    eq.apply(LinkStatusChanged(10, "l1", EquipmentStatus.DOWN))
    [t] = engine.evaluate(10, equipment=eq.conditions)
    assert (t.kind, t.level.label, t.alarm.scope) == ("raised", "black", "link:l1")
    assert "维护" in t.alarm.dispatch_plan
    eq.apply(LinkStatusChanged(20, "l1", EquipmentStatus.UP, latency_ms=5.0))
    assert [x.kind for x in engine.evaluate(20, equipment=eq.conditions)] == ["cleared"]


def test_agent_on_hold_too_long_is_raised_from_the_metrics_timers():
    metrics = FloorMetrics(Inventory(agents=[Agent("1001", "x"), Agent("1002", "y")]), now=0)
    for e in (AgentStateChanged(0, "1001", AgentState.TALKING),
              AgentStateChanged(10, "1001", AgentState.ON_HOLD),
              AgentStateChanged(0, "1002", AgentState.TALKING),
              AgentStateChanged(100, "1002", AgentState.ON_HOLD)):
        metrics.apply(e)
    rule = validate_rule({"id": "hold", "kind": "agent", "metric": "hold_s",
                          "levels": {"yellow": {"threshold": 120}}})
    engine = AlarmEngine([rule])
    [t] = engine.evaluate(131, agents=metrics.agent_timers())
    assert t.alarm.scope == "agent:1001" and t.alarm.value == 121
    metrics.apply(AgentStateChanged(140, "1001", AgentState.TALKING))
    assert [x.kind for x in engine.evaluate(140, agents=metrics.agent_timers())] == ["cleared"]
