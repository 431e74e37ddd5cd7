"""Live floor metrics computed in switchlink: per queue, center-wide and per agent."""

from switchlink.metrics.derive import METRIC_NAMES, SlDefinition
from switchlink.metrics.floor import FloorMetrics, MetricsConfig
from switchlink.metrics.windows import Clock

__all__ = ["METRIC_NAMES", "Clock", "FloorMetrics", "MetricsConfig", "SlDefinition"]
