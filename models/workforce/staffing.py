"""Staffing now: agents a queue needs for its service-level target against those it has.

Pure (no I/O): switchlink feeds it the last 30 minutes of a queue's counts on the analytics
tick; the wall-board, the staffing alarm rule and ``ctl staffing`` read the same figures.

Which model is shown (docs/workforce.md, docs/decisions.md "Issue 18: staffing"): the
required count is Erlang C's. It staffs for every caller to be answered, the yardstick the
floor and the issue name; Erlang A is published beside it (``required_erlang_a``) once the
window holds enough abandons to estimate patience, because a floor staffed to Erlang A counts
on callers hanging up to reach its target.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Any

from models.workforce.erlang import (
    erlang_a,
    erlang_a_agents_required,
    erlang_c_agents_required,
)

#: the window the arrival rate and handle time are measured over (issue 18)
WINDOW_S = 1800.0
#: a window shorter than this (start-up, just after midnight) says "not enough data yet"
MIN_SPAN_S = 300.0
#: handled calls below this in the window: the handle time is today's instead
MIN_HANDLED = 3
#: abandons below this in the window: too few to estimate patience (no Erlang A figure)
MIN_ABANDONS = 5
#: patience is searched in this range (seconds); beyond it Erlang C is the same answer
PATIENCE_RANGE = (1.0, 36_000.0)
#: bisection steps: the log range (10.5) ÷ 2^20 is a patience within 0.001 % (each step is one
#: Erlang A chain, ~1 ms for a 60-agent queue)
PATIENCE_STEPS = 20


@dataclass(frozen=True, slots=True)
class QueueWindow:
    """A queue's counts over the last ``span_s`` seconds (differences of today's counters)."""

    span_s: float
    offered: int
    answered: int
    abandoned: int
    handled: int
    handle_s: float
    #: today's handle time, the fallback when the window handled too few calls
    aht_today_s: float | None = None


@dataclass(frozen=True, slots=True)
class Staffing:
    """One queue's staffing figures, as published in ``staffing/queue/<id>``."""

    required: int | None
    available: int
    ready: int
    #: required − available: > 0 short by that many agents, < 0 that many to spare
    agents_short: int | None
    rate_per_h: float | None
    aht_s: float | None
    required_erlang_a: int | None = None
    patience_s: float | None = None
    sl_target: float = 0.85
    sl_threshold_s: float = 15.0
    #: why there is no figure: "" | "warming_up" | "no_calls" | "no_handle_time"
    note: str = ""

    def to_plain(self) -> dict[str, Any]:
        return asdict(self)


def estimate_patience(rate: float, aht: float, agents: int, p_abandon: float) -> float | None:
    """Mean caller patience that makes Erlang A lose ``p_abandon`` of the callers with this
    many agents (abandonment falls as patience grows, so bisection on log patience finds it).

    None when nothing fits: no agents, no abandons, or more abandons than even 1 s of patience
    explains."""
    if agents < 1 or not 0.0 < p_abandon < 1.0:
        return None
    low, high = (math.log(p) for p in PATIENCE_RANGE)

    def lost(log_patience: float) -> float:
        return erlang_a(agents, rate, aht, math.exp(log_patience)).p_abandon

    if lost(low) < p_abandon:
        return None  # impatience beyond any caller's: the staffing count is not the cause
    if lost(high) > p_abandon:
        return PATIENCE_RANGE[1]
    for _ in range(PATIENCE_STEPS):
        mid = (low + high) / 2
        if lost(mid) > p_abandon:
            low = mid
        else:
            high = mid
    return math.exp((low + high) / 2)


def staffing_now(window: QueueWindow | None, *, available: int, ready: int,
                 sl_target: float, sl_threshold_s: float, with_erlang_a: bool = True) -> Staffing:
    """Erlang C agents required for the window's arrival rate and handle time, and Erlang A
    with the patience the window's abandons imply, against the agents available now.

    Erlang A costs tens of ms a queue (the patience fit); ``with_erlang_a=False`` leaves it to
    :func:`with_erlang_a` so a daemon can spread it over its ticks."""
    base = {"available": available, "ready": ready, "sl_target": sl_target,
            "sl_threshold_s": sl_threshold_s}
    if window is None or window.span_s < MIN_SPAN_S:
        return Staffing(None, agents_short=None, rate_per_h=None, aht_s=None,
                        note="warming_up", **base)
    rate = window.offered / window.span_s
    if window.offered == 0:
        return Staffing(0, agents_short=-available, rate_per_h=0.0, aht_s=None,
                        note="no_calls", **base)
    if window.handled >= MIN_HANDLED and window.handle_s > 0:
        aht: float | None = window.handle_s / window.handled
    else:
        aht = window.aht_today_s if window.aht_today_s else None
    if aht is None:
        return Staffing(None, agents_short=None, rate_per_h=rate * 3600.0, aht_s=None,
                        note="no_handle_time", **base)
    required = erlang_c_agents_required(rate, aht, sl_threshold_s, sl_target)
    figures = Staffing(required, agents_short=required - available, rate_per_h=rate * 3600.0,
                       aht_s=aht, **base)
    return add_erlang_a(figures, window) if with_erlang_a else figures


def wants_erlang_a(figures: Staffing, window: QueueWindow | None) -> bool:
    """Enough abandons in the window to fit a patience (and a figure to fit it to)."""
    return (window is not None and figures.required is not None
            and figures.aht_s is not None and window.abandoned >= MIN_ABANDONS)


def add_erlang_a(figures: Staffing, window: QueueWindow | None) -> Staffing:
    """The figures with Erlang A added: the patience the abandons imply, and the agents
    Erlang A needs at it (answered within the threshold ÷ offered)."""
    if not wants_erlang_a(figures, window):
        return figures
    assert window is not None and figures.aht_s is not None and figures.rate_per_h
    rate, aht = figures.rate_per_h / 3600.0, figures.aht_s
    patience = estimate_patience(rate, aht, figures.available, window.abandoned / window.offered)
    if patience is None:
        return figures
    required_a = erlang_a_agents_required(rate, aht, patience, figures.sl_threshold_s,
                                          figures.sl_target, count_abandoned_within=False)
    return replace(figures, required_erlang_a=required_a, patience_s=patience)


def required_for(rate_per_h: float, aht_s: float | None, sl_target: float,
                 sl_threshold_s: float) -> int | None:
    """Erlang C agents for a forecast half hour (0 with no calls; None without a handle time)."""
    if rate_per_h <= 0:
        return 0
    if not aht_s or aht_s <= 0:
        return None
    return erlang_c_agents_required(rate_per_h / 3600.0, aht_s, sl_threshold_s, sl_target)
