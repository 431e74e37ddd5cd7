"""Staffing now, per queue, on the analytics tick: Erlang C required vs agents available.

Off the event path: it reads the metric dicts the tick already publishes (every queue at
least every 10 s), samples today's counters once a minute into a 31-minute ring, and
differences the ring for the last 30 minutes' arrival rate, handle time and abandons. Required
counts are recomputed once a minute, not per event. Published as ``staffing/queue/<id>`` and
``staffing/center``; the forecast (built from the database by storage/workforce_store.py on a
worker thread) is handed in with :meth:`set_forecast` and published in the same keys.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from models.queues import SkillGroup
from models.workforce.forecast import ForecastSlot, slot_to_plain
from models.workforce.staffing import (
    MIN_SPAN_S,
    WINDOW_S,
    QueueWindow,
    Staffing,
    add_erlang_a,
    required_for,
    staffing_now,
    wants_erlang_a,
)

QUEUE_PREFIX = "metrics/queue/"
CENTER_METRICS = "metrics/center"
STAFFING_PREFIX = "staffing/queue/"
CENTER_KEY = "staffing/center"
#: switch seconds between samples (and recomputations)
SAMPLE_S = 60.0
#: forecast half hours shown beside "now"
AHEAD_SLOTS = 4
#: loop time one tick may spend on Erlang A fits (each ~10–40 ms a queue); the rest wait for
#: the next tick, so a 200-queue floor never stalls the loop for seconds once a minute
ERLANG_A_BUDGET_S = 0.05
#: the counters sampled from ``metrics/queue/<id>``
_COUNTERS = ("offered_today", "answered_today", "abandoned_today", "handled_today")


def _counters(values: Mapping[str, Any]) -> tuple[float, ...]:
    handled = float(values.get("handled_today") or 0)
    aht = values.get("aht_s_today")
    handle_s = float(aht) * handled if isinstance(aht, int | float) else 0.0
    return (*(float(values.get(k) or 0) for k in _COUNTERS), handle_s)


class StaffingLive:
    """The per-queue staffing figures and their forecast, kept beside the metrics."""

    def __init__(self, queues: Iterable[SkillGroup]) -> None:
        self.queues = {q.id: q for q in queues}
        self._latest: dict[str, Mapping[str, Any]] = {}
        #: ``metrics/center``: the floor's agents counted once each, whatever their skills
        self._center: Mapping[str, Any] = {}
        self._ring: dict[str, deque[tuple[float, tuple[float, ...]]]] = {}
        self._next_sample = float("-inf")
        self.figures: dict[str, Staffing] = {}
        #: queue id (or "center") -> the next half hours, from the worker
        self.forecast: dict[str, list[ForecastSlot]] = {}
        #: the centre's forecast for today and the coming days (``staffing/forecast``)
        self.days: list[dict[str, Any]] = []
        self._forecast_dirty = False
        #: queues waiting for their Erlang A fit, with the window it is fitted to
        self._erlang_a: deque[tuple[str, QueueWindow]] = deque()
        self._clock = time.perf_counter

    def set_forecast(self, ahead: dict[str, list[ForecastSlot]],
                     days: list[dict[str, Any]]) -> None:
        """A new forecast from the worker (whole dicts swapped: safe across threads)."""
        self.forecast, self.days = ahead, days
        self._forecast_dirty = True

    def tick(self, now: float, metrics: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
        """Fold the tick's metric dicts in; once a minute recompute and return the keys."""
        for key, values in metrics.items():
            if key.startswith(QUEUE_PREFIX):
                self._latest[key[len(QUEUE_PREFIX):]] = values
            elif key == CENTER_METRICS:
                self._center = values
        sampled = now >= self._next_sample
        if sampled:
            self._next_sample = now + SAMPLE_S
            self._sample(now)
        fitted = self._fit_erlang_a()
        if not (sampled or fitted or self._forecast_dirty):
            return {}
        self._forecast_dirty = False
        return self.publish()

    def _fit_erlang_a(self) -> bool:
        """Erlang A for waiting queues, within the tick's budget; True when any was added."""
        if not self._erlang_a:
            return False
        deadline = self._clock() + ERLANG_A_BUDGET_S
        while self._erlang_a:
            queue_id, window = self._erlang_a.popleft()
            figures = self.figures.get(queue_id)
            if figures is not None:
                self.figures[queue_id] = add_erlang_a(figures, window)
            if self._clock() >= deadline:
                break
        return True

    def _sample(self, now: float) -> None:
        figures: dict[str, Staffing] = {}
        self._erlang_a.clear()
        for queue_id, values in self._latest.items():
            ring = self._ring.setdefault(queue_id, deque())
            current = _counters(values)
            if ring and any(c < p for c, p in zip(current, ring[-1][1], strict=True)):
                ring.clear()  # midnight: today's counters started again
            ring.append((now, current))
            while len(ring) > 1 and now - ring[1][0] >= WINDOW_S:
                ring.popleft()
            figures[queue_id] = self._figures(queue_id, values, ring, now)
        self.figures = figures

    def _figures(self, queue_id: str, values: Mapping[str, Any],
                 ring: deque[tuple[float, tuple[float, ...]]], now: float) -> Staffing:
        queue = self.queues.get(queue_id) or SkillGroup(queue_id, queue_id)
        start_t, start = ring[0]
        span = now - start_t
        window: QueueWindow | None = None
        if span >= MIN_SPAN_S:
            end = ring[-1][1]
            offered, answered, abandoned, handled, handle_s = (
                e - s for e, s in zip(end, start, strict=True))
            aht_today = values.get("aht_s_today")
            window = QueueWindow(span, int(offered), int(answered), int(abandoned), int(handled),
                                 handle_s, float(aht_today) if aht_today else None)
        logged_in = int(values.get("agents_logged_in") or 0)
        not_ready = int(values.get("agents_not_ready") or 0)
        figures = staffing_now(window, available=max(0, logged_in - not_ready),
                               ready=int(values.get("agents_ready") or 0),
                               sl_target=queue.sl_target, sl_threshold_s=queue.sl_threshold_s,
                               with_erlang_a=False)
        if wants_erlang_a(figures, window):
            assert window is not None
            self._erlang_a.append((queue_id, window))
            old = self.figures.get(queue_id)
            if old is not None and old.required_erlang_a is not None:  # until refitted
                figures = replace(figures, required_erlang_a=old.required_erlang_a,
                                  patience_s=old.patience_s)
        return figures

    def publish(self) -> dict[str, Any]:
        """Every staffing key (a minute's figures change most of them anyway)."""
        out: dict[str, Any] = {}
        totals: dict[str, Any] = {"required": 0, "available": 0, "ready": 0, "short_queues": 0}
        complete = True
        for queue_id, fig in self.figures.items():
            value = fig.to_plain()
            queue = self.queues.get(queue_id)
            value["ahead"] = [
                slot_to_plain(s, required_for(s.offered * 2, s.aht_s, fig.sl_target,
                                              fig.sl_threshold_s))
                for s in self.forecast.get(queue_id, ())[:AHEAD_SLOTS]
            ]
            value["name"] = queue.name if queue else queue_id
            out[STAFFING_PREFIX + queue_id] = value
            if fig.required is None:
                complete = False
            else:
                totals["required"] += fig.required
            totals["available"] += fig.available
            totals["ready"] += fig.ready
            totals["short_queues"] += bool(fig.agents_short and fig.agents_short > 0)
        # the queues' sums count a multi-skilled agent in each of their queues: on the default
        # floor 81 "staffed" for 29 agents at work, and "every queue staffed" under a black
        # service-level alarm. The centre compares the needs with its agents counted once.
        center = self._center
        if center:
            totals["staffed_in_queues"] = totals["available"]
            totals["available"] = max(0, int(center.get("agents_logged_in") or 0)
                                      - int(center.get("agents_not_ready") or 0))
            totals["ready"] = int(center.get("agents_ready") or 0)
        totals["agents_short"] = (totals["required"] - totals["available"]) if complete else None
        out[CENTER_KEY] = {
            **totals,
            "complete": complete,
            "ahead": self._center_ahead(out),
            "days": self.days,
        }
        return out

    def _center_ahead(self, queues: dict[str, Any]) -> list[dict[str, Any]]:
        """The centre's next half hours; agents required = the queues' sum (None if any
        queue has no figure for that half hour)."""
        out = []
        for i, slot in enumerate(self.forecast.get("center", ())[:AHEAD_SLOTS]):
            needs = [v["ahead"][i]["required"] if i < len(v["ahead"]) else None
                     for v in queues.values()]
            total = None if not needs or None in needs else sum(needs)
            out.append(slot_to_plain(slot, total))
        return out

    def snapshot(self) -> dict[str, Any]:
        return self.publish() if self.figures else {}

    def alarm_input(self) -> dict[str, dict[str, Any]]:
        """``queue:<id>`` -> {"agents_short": n} for the staffing alarm rules."""
        return {"queue:" + q: {"agents_short": f.agents_short} for q, f in self.figures.items()}
