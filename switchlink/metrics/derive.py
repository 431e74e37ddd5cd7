"""Derived metrics (rates, averages, service level) from a window's raw counters."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from switchlink.metrics import windows as w

#: window suffixes used in metric names
WINDOWS = ("today", "interval", "15m")


class SlDefinition(StrEnum):
    """Service-level variants (docs/metrics.md); the chosen one is published with the value."""

    #: answered within threshold / (answered + abandoned + other − short abandons)
    OFFERED = "offered"
    #: answered within threshold / answered (abandons ignored)
    ANSWERED = "answered"
    #: (answered within + abandoned within threshold) / (answered + abandoned + other − short)
    ABANDON_IN_SL_GOOD = "abandon_in_sl_good"
    #: answered within threshold / every call offered, still waiting or short-abandoned too
    #: (the plain S0 formula, and the one ``main.py simulate`` prints)
    ALL_OFFERED = "all_offered"


SL_TEXT = {
    SlDefinition.OFFERED: "answered ≤ {t:g} s ÷ (offered − abandons < {s:g} s)",
    SlDefinition.ANSWERED: "answered ≤ {t:g} s ÷ answered",
    SlDefinition.ABANDON_IN_SL_GOOD:
        "(answered + abandoned ≤ {t:g} s) ÷ (offered − abandons < {s:g} s)",
    SlDefinition.ALL_OFFERED: "answered ≤ {t:g} s ÷ offered",
}


def _ratio(num: float, den: float) -> float | None:
    """num / den clamped to [0, 1]; None when there is nothing to divide by."""
    if den <= 0:
        return None
    return min(1.0, max(0.0, num / den))


def _avg(total: float, count: float) -> float | None:
    return None if count <= 0 else max(0.0, total / count)


def service_level(c: Sequence[float], definition: SlDefinition) -> float | None:
    resolved = c[w.ANSWERED] + c[w.ABANDONED] + c[w.OTHER] - c[w.SHORT_ABANDONED]
    if definition is SlDefinition.ANSWERED:
        return _ratio(c[w.ANSWERED_IN_SL], c[w.ANSWERED])
    if definition is SlDefinition.ALL_OFFERED:
        return _ratio(c[w.ANSWERED_IN_SL], c[w.OFFERED])
    if definition is SlDefinition.ABANDON_IN_SL_GOOD:
        return _ratio(c[w.ANSWERED_IN_SL] + c[w.ABANDONED_IN_SL], resolved)
    return _ratio(c[w.ANSWERED_IN_SL], resolved)


def window_metrics(
    c: Sequence[float], suffix: str, definition: SlDefinition, center: bool
) -> dict[str, float | int | None]:
    """Every per-window metric of one scope, named ``<metric>_<suffix>``."""
    n = [round(max(0.0, v)) for v in c[: w.HANDLED + 1]]
    state_s = {slot: max(0.0, c[slot]) for slot in w.STATE_TIME_SLOTS}
    logged_in_s = sum(state_s.values())
    working_s = state_s[w.T_TALKING] + state_s[w.T_ON_HOLD] + state_s[w.T_ACW]
    available_s = logged_in_s - state_s[w.T_NOT_READY]
    out: dict[str, float | int | None] = {
        "offered": n[w.OFFERED],
        "offered_vip": n[w.OFFERED_VIP],
        "offered_normal": n[w.OFFERED_NORMAL],
        "answered": n[w.ANSWERED],
        "answered_in_sl": n[w.ANSWERED_IN_SL],
        "abandoned": n[w.ABANDONED],
        "short_abandoned": n[w.SHORT_ABANDONED],
        "unanswered_other": n[w.OTHER],
        "handled": n[w.HANDLED],
        "service_level": service_level(n, definition),
        "asa_s": _avg(c[w.WAIT_SUM], n[w.ANSWERED]),
        "aht_s": _avg(c[w.HANDLE_SUM], n[w.HANDLED]),
        "answer_overtime_rate": _ratio(n[w.OVERTIME], n[w.ANSWERED]),
        "connection_rate": _ratio(n[w.ANSWERED], n[w.OFFERED]),
        "abandon_rate": _ratio(n[w.ABANDONED], n[w.OFFERED]),
        "occupancy": _ratio(working_s + state_s[w.T_RINGING], available_s),
        "utilisation": _ratio(working_s, logged_in_s),
        "logged_in_s": logged_in_s,
        "surveyed": round(max(0.0, c[w.SURVEYED])),
        "satisfaction_rate": _ratio(c[w.SATISFIED], c[w.SURVEYED]),
    }
    if center:
        accepted = n[w.ARRIVED] - n[w.BLOCKED]
        out |= {
            "arrived": n[w.ARRIVED],
            "arrived_vip": n[w.ARRIVED_VIP],
            "arrived_normal": n[w.ARRIVED_NORMAL],
            "blocked": n[w.BLOCKED],
            "warned": round(max(0.0, c[w.WARNED])),
            "busy": n[w.BUSY],
            "system_connection_rate": _ratio(accepted - n[w.BUSY], accepted),
        }
    return {f"{k}_{suffix}": v for k, v in out.items()}


def history_row(start: float, c: Sequence[float], definition: SlDefinition) -> dict[str, object]:
    """One closed half-hour interval, compact, for the history since midnight."""
    m = window_metrics(c, "x", definition, center=False)
    keep = ("offered", "answered", "abandoned", "service_level", "asa_s", "aht_s", "occupancy")
    return {"start": start} | {k: m[f"{k}_x"] for k in keep}


def _names(center: bool) -> frozenset[str]:
    zero = [0.0] * w.N_COUNTERS
    per_window = window_metrics(zero, "x", SlDefinition.OFFERED, center)
    names = {k[:-2] + "_" + s for k in per_window for s in WINDOWS}
    return frozenset(names | set(LIVE_METRICS))


#: live (not windowed) numbers in every scope's dict
LIVE_METRICS = (
    "waiting", "longest_wait_s", "agents_logged_in", "agents_ready", "agents_ringing",
    "agents_talking", "agents_on_hold", "agents_after_call_work", "agents_not_ready",
    "sl_threshold_s",
)
QUEUE_METRIC_NAMES = _names(center=False)
#: every numeric metric name a rule may watch
METRIC_NAMES = _names(center=True)
