"""The loopback emulator: a simulated hotline center selectable like any adapter."""

from switchlink.adapters.loopback.adapter import LoopbackAdapter
from switchlink.adapters.loopback.scenario import Scenario, ScenarioError, load_scenario

__all__ = ["LoopbackAdapter", "Scenario", "ScenarioError", "load_scenario"]
