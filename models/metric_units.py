"""The unit of a metric name (docs/metrics.md): every client prints 0.83 as 83 % and 75 s as 1:15.

Metric names carry their unit by convention: ``…_s`` seconds, ``…_ms`` milliseconds, the
rates and levels are 0..1 ratios, everything else counts. A window suffix (``_today``,
``_interval``, ``_15m``) does not change the unit.
"""

from __future__ import annotations

from typing import Literal

Unit = Literal["ratio", "seconds", "ms", "count"]

WINDOW_SUFFIXES = ("_today", "_interval", "_15m")
#: metric bases that are 0..1 ratios
RATIOS = frozenset({
    "service_level", "abandon_rate", "connection_rate", "system_connection_rate",
    "answer_overtime_rate", "occupancy", "utilisation",
})


def metric_base(metric: str) -> str:
    """The metric without its window: ``asa_s_15m`` -> ``asa_s``."""
    for suffix in WINDOW_SUFFIXES:
        if metric.endswith(suffix):
            return metric[: -len(suffix)]
    return metric


def unit_of(metric: str) -> Unit:
    """``ratio``, ``seconds``, ``ms`` or ``count`` for a metric name (with or without window)."""
    base = metric_base(metric)
    if base in RATIOS:
        return "ratio"
    if base.endswith("_ms"):
        return "ms"
    if base.endswith("_s"):
        return "seconds"
    return "count"
