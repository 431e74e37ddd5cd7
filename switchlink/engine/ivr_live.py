"""Live IVR figures per flow: callers at each node now, entered and dropped today, and where
each menu's callers went (the maintenance view's funnel), plus the flow's emergency notice.

Built from the adapter-neutral events (``CallIvrStep`` with its ``flow``, ``CallEnded``), so
any switch that reports IVR steps feeds it. A caller is *at* a node from the step until the
next step, a queue or agent, or the end of the call; a caller who hangs up there (``CallEnded
abandoned``) *dropped out* there; one whose call ended there otherwise (served, put through)
*ended* there. Published as ``ivr/<flow>`` on the analytics tick, only
for flows that changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from models.calls import CallOutcome
from models.events import (
    CallAnswered,
    CallEnded,
    CallIvrStep,
    CallQueued,
    CallRinging,
    CallTransferred,
    Event,
)

KEY_PREFIX = "ivr/"


class _FlowFigures:
    __slots__ = ("day", "dropped", "ended", "entered", "loaded", "next", "notice", "now")

    def __init__(self) -> None:
        self.now: dict[str, int] = {}
        self.entered: dict[str, int] = {}
        self.dropped: dict[str, int] = {}
        self.ended: dict[str, int] = {}
        #: node -> next node -> callers (today)
        self.next: dict[str, dict[str, int]] = {}
        self.day = ""
        self.notice: dict[str, Any] | None = None
        self.loaded: dict[str, Any] = {}


class IvrLive:
    """Where every caller in a flow is; what the ``ivr/<flow>`` keys say."""

    def __init__(self) -> None:
        self._flows: dict[str, _FlowFigures] = {}
        #: call -> (flow, node) while the caller is in a flow
        self._at: dict[str, tuple[str, str]] = {}
        self._dirty: set[str] = set()

    # --- events ---------------------------------------------------------------------------

    def apply(self, event: Event) -> None:
        kind = type(event)
        if kind is CallIvrStep:
            self._step(event)
        elif kind is CallEnded:
            where = self._leave(event.call)
            if where is not None:  # hung up there: gave up (dropped) or done (ended)
                figures = self._figures(where[0], event.t)
                tally = figures.dropped if event.outcome is CallOutcome.ABANDONED \
                    else figures.ended
                tally[where[1]] = tally.get(where[1], 0) + 1
        elif kind in (CallQueued, CallRinging, CallAnswered) or (
                kind is CallTransferred and (event.to_agent or event.to_queue)):
            self._leave(event.call)

    def _step(self, e: CallIvrStep) -> None:
        before = self._leave(e.call)
        if not e.flow:
            return  # a routing step (queue:<id>) or the simple IVR stage
        figures = self._figures(e.flow, e.t)
        node = e.node
        if before is not None and before[0] == e.flow:
            out = figures.next.setdefault(before[1], {})
            out[node] = out.get(node, 0) + 1
        figures.entered[node] = figures.entered.get(node, 0) + 1
        figures.now[node] = figures.now.get(node, 0) + 1
        self._at[e.call] = (e.flow, node)

    def _leave(self, call: str) -> tuple[str, str] | None:
        where = self._at.pop(call, None)
        if where is not None:
            figures = self._flows[where[0]]
            left = figures.now[where[1]] - 1
            if left:
                figures.now[where[1]] = left
            else:
                del figures.now[where[1]]
            self._dirty.add(where[0])
        return where

    def _figures(self, flow: str, t: float) -> _FlowFigures:
        figures = self._flows.get(flow)
        if figures is None:
            figures = self._flows[flow] = _FlowFigures()
        day = datetime.fromtimestamp(t).date().isoformat() if t else figures.day
        if day != figures.day:  # a new day: today's counts start again, callers stay
            figures.day = day
            figures.entered, figures.dropped, figures.ended, figures.next = {}, {}, {}, {}
        self._dirty.add(flow)
        return figures

    # --- what the maintenance view sets ------------------------------------------------------

    def set_notice(self, flow: str, notice: dict[str, Any] | None) -> None:
        """The emergency notice shown with the flow (text, until, by), or None."""
        self._figures(flow, 0.0).notice = notice

    def set_loaded(self, flow: str, info: dict[str, Any]) -> None:
        """What the last load said: file, when, by whom, warnings."""
        self._figures(flow, 0.0).loaded = dict(info)

    def loaded_file(self, flow: str) -> str | None:
        figures = self._flows.get(flow)
        return figures.loaded.get("file") if figures is not None else None

    # --- publishing ---------------------------------------------------------------------------

    def value(self, flow: str) -> dict[str, Any]:
        f = self._flows[flow]
        nodes = {node: {"now": f.now.get(node, 0), "entered": f.entered.get(node, 0),
                        "dropped": f.dropped.get(node, 0), "ended": f.ended.get(node, 0),
                        "next": dict(f.next.get(node, {}))}
                 for node in {*f.now, *f.entered, *f.dropped}}
        return {"flow": flow, "day": f.day, "in_ivr": sum(f.now.values()), "nodes": nodes,
                "dropped": sum(f.dropped.values()), "notice": f.notice, "loaded": f.loaded}

    def publish(self) -> dict[str, dict[str, Any]]:
        """``ivr/<flow>`` of every flow changed since the last publish."""
        out = {f"{KEY_PREFIX}{flow}": self.value(flow) for flow in sorted(self._dirty)}
        self._dirty.clear()
        return out

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return {f"{KEY_PREFIX}{flow}": self.value(flow) for flow in self._flows}
