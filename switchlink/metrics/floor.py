"""FloorMetrics: live per-queue, center and per-agent metrics, updated incrementally per event."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.agents import AgentState
from models.blacklist import BlockAction
from models.calls import CallOutcome, CustomerLevel, Direction
from models.events import (
    AgentSkillsChanged,
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallIvrStep,
    CallQueued,
    CallScreened,
    CallTransferred,
    Event,
    SurveyAnswered,
)
from models.queues import DEFAULT_SL_THRESHOLD_S
from switchlink.adapters.base import Inventory
from switchlink.metrics import windows as w
from switchlink.metrics.agents import AgentRec, AgentTimers
from switchlink.metrics.derive import SL_TEXT, SlDefinition, history_row, window_metrics
from switchlink.metrics.windows import Clock, Tally

#: the survey question whose answers make the satisfaction rate, and the answers that count
SATISFACTION_QUESTION = "satisfaction"
SATISFIED_ANSWERS = frozenset({"very_satisfied", "satisfied", "fair"})

CENTER = "metrics/center"
QUEUE_PREFIX = "metrics/queue/"
AGENT_PREFIX = "metrics/agent/"
HISTORY_PREFIX = "metrics/history/"

#: agent state -> gauge slot (logged-out agents are not counted)
_GAUGE: dict[AgentState, int] = {
    AgentState.READY: 0,
    AgentState.NOT_READY: 1,
    AgentState.RINGING: 2,
    AgentState.TALKING: 3,
    AgentState.ON_HOLD: 4,
    AgentState.AFTER_CALL_WORK: 5,
}
_GAUGE_NAMES = (
    "agents_ready", "agents_not_ready", "agents_ringing", "agents_talking", "agents_on_hold",
    "agents_after_call_work",
)


@dataclass(slots=True, frozen=True)
class MetricsConfig:
    #: abandons quicker than this are "short" and leave the service level (S0: 5 s)
    short_abandon_s: float = 5.0
    sl_definition: SlDefinition = SlDefinition.OFFERED
    #: every scope is republished at least this often (switch seconds) for time-based values
    refresh_s: float = 10.0
    clock: Clock = field(default_factory=Clock)


class _Scope:
    """One queue, or the whole center."""

    __slots__ = ("is_center", "key", "reasons", "sl_threshold_s", "tally", "waiting")

    def __init__(self, key: str, tally: Tally, sl_threshold_s: float, is_center: bool) -> None:
        self.key = key
        self.tally = tally
        self.sl_threshold_s = sl_threshold_s
        self.is_center = is_center
        #: call id -> time it entered this queue; oldest first
        self.waiting: dict[str, float] = {}
        #: not-ready reason -> agents
        self.reasons: dict[str, int] = {}


class _CallRec:
    __slots__ = (
        "agent", "center_at", "id", "inbound", "level", "offered_to", "queue", "queued_at",
        "routed", "threshold",
    )

    def __init__(self, call: str, inbound: bool, level: CustomerLevel) -> None:
        self.id = call
        self.inbound = inbound
        self.level = level
        self.queue: str | None = None  # queue it waits in now
        self.queued_at = 0.0  # when it entered that queue
        self.offered_to: str | None = None  # queue counting it as offered and unresolved
        self.center_at: float | None = None  # first queueing, while unresolved for the center
        self.threshold = DEFAULT_SL_THRESHOLD_S
        self.agent: str | None = None  # agent handling it now (its open segment)
        self.routed: str | None = None  # IVR routed it to this queue (node "queue:<id>")


class FloorMetrics:
    """Feed it the engine's events in order; :meth:`publish` returns the changed metric dicts."""

    def __init__(
        self, inventory: Inventory, config: MetricsConfig | None = None, now: float | None = None
    ) -> None:
        self.config = config or MetricsConfig()
        t0 = time.time() if now is None else now
        self._t = t0
        self._center = _Scope(CENTER, Tally(self.config.clock, t0), DEFAULT_SL_THRESHOLD_S, True)
        self._queues: dict[str, _Scope] = {}
        for q in inventory.queues:
            self._queue(q.id, q.sl_threshold_s)
        self._calls: dict[str, _CallRec] = {}
        self._homes: dict[str, str] = {}  # answered call -> queue credited with its handling
        self._agents: dict[str, AgentRec] = {}
        #: work number -> the scopes its state counts in (center + skill queues)
        self._scopes_of: dict[str, tuple[tuple[_Scope, ...], set[str]]] = {}
        self.timers = AgentTimers()
        self._dirty: set[str] = {CENTER, *(s.key for s in self._queues.values())}
        self._dirty_agents: set[str] = set()
        self._dirty_history: set[str] = set()
        self._last_refresh = t0
        for a in inventory.agents:
            rec = self._agent(a.work_number)
            rec.skills = tuple(a.skills)
            rec.day = self._center.tally.day_start
            self._set_state(rec, a.state, a.reason, a.state_since or t0)
        self._handlers: dict[type[Event], Callable[[Any], None]] = {
            AgentStateChanged: self._on_agent_state,
            AgentSkillsChanged: self._on_skills,
            CallArrived: self._on_arrived,
            CallIvrStep: self._on_ivr_step,
            CallQueued: self._on_queued,
            CallAnswered: self._on_answered,
            CallTransferred: self._on_transferred,
            CallEnded: self._on_ended,
            SurveyAnswered: self._on_survey,
            CallScreened: self._on_screened,
        }

    # --- public -------------------------------------------------------------------------

    def apply(self, event: Event) -> None:
        """Update the metrics for one event; O(agent's skills) at most, never a rescan."""
        handler = self._handlers.get(type(event))
        if handler is not None:
            if event.t > self._t:
                self._t = event.t
            handler(event)

    def publish(self, now: float) -> dict[str, dict[str, Any]]:
        """Changed ``metrics/...`` dicts; queues with callers waiting every call (their longest
        wait grows), and every scope once per ``refresh_s``."""
        self._t = max(self._t, now)
        scopes = [self._center, *self._queues.values()]
        full = now - self._last_refresh >= self.config.refresh_s
        if full:
            self._last_refresh = now
        out: dict[str, dict[str, Any]] = {}
        for scope in scopes:
            tally = scope.tally
            if tally.advance(now):
                self._dirty_history.add(scope.key)
            if full or scope.waiting or scope.key in self._dirty:
                out[scope.key] = self._scope_dict(scope, now)
        for key in self._dirty_history:
            scope = self._center if key == CENTER else self._queues[key[len(QUEUE_PREFIX):]]
            out[HISTORY_PREFIX + key[len("metrics/"):]] = {"intervals": self.history(scope.key)}
        for wn in self._dirty_agents:
            rec = self._agents[wn]
            self._roll_agent_day(rec)
            out[AGENT_PREFIX + wn] = rec.as_plain(now)
        self._dirty.clear()
        self._dirty_agents.clear()
        self._dirty_history.clear()
        return out

    def snapshot(self, now: float) -> dict[str, dict[str, Any]]:
        """Every metrics key, for a console's first snapshot."""
        self._dirty.update(s.key for s in self._queues.values())
        self._dirty.add(CENTER)
        self._dirty_agents.update(self._agents)
        self._dirty_history.update(s.key for s in self._queues.values())
        self._dirty_history.add(CENTER)
        return self.publish(now)

    def history(self, key: str) -> list[dict[str, object]]:
        """Closed half-hour intervals since midnight for ``metrics/center`` or a queue key."""
        scope = self._center if key == CENTER else self._queues[key[len(QUEUE_PREFIX):]]
        d = self.config.sl_definition
        return [history_row(start, c, d) for start, c in scope.tally.history]

    def agent_timers(self) -> dict[str, dict[str, float]]:
        """timer name -> {work number: since}, oldest first: the per-agent alarm rules' input."""
        return self.timers.timers

    def agent(self, work_number: str) -> dict[str, object]:
        return self._agents[work_number].as_plain(self._t)

    # --- scopes -------------------------------------------------------------------------

    def _queue(self, queue: str, threshold: float | None = None) -> _Scope:
        scope = self._queues.get(queue)
        if scope is None:
            tally = Tally(self.config.clock, self._t)
            limit = DEFAULT_SL_THRESHOLD_S if threshold is None else threshold
            scope = _Scope(QUEUE_PREFIX + queue, tally, limit, False)
            self._queues[queue] = scope
        return scope

    def _touch(self, scope: _Scope, t: float) -> Tally:
        tally = scope.tally
        if t > tally.last_t and tally.advance(t):
            self._dirty_history.add(scope.key)
        self._dirty.add(scope.key)
        return tally

    def _scope_dict(self, scope: _Scope, now: float) -> dict[str, Any]:
        tally = scope.tally
        d = self.config.sl_definition
        first = next(iter(scope.waiting.values()), None)
        out: dict[str, Any] = {
            "waiting": len(scope.waiting),
            "longest_wait_s": 0.0 if first is None else max(0.0, now - first),
            "agents_logged_in": sum(tally.gauges),
            **dict(zip(_GAUGE_NAMES, tally.gauges, strict=True)),
            "not_ready_by_reason": dict(scope.reasons),
            "sl_threshold_s": scope.sl_threshold_s,
            "sl_definition": d.value,
            "sl_text": SL_TEXT[d].format(t=scope.sl_threshold_s, s=self.config.short_abandon_s),
            "short_abandon_s": self.config.short_abandon_s,
            "interval_start": tally.interval_start,
            "at": now,
        }
        for counters, suffix in zip(tally.windows(), ("today", "interval", "15m"), strict=True):
            out.update(window_metrics(counters, suffix, d, scope.is_center))
        return out

    # --- agents -------------------------------------------------------------------------

    def _agent(self, wn: str) -> AgentRec:
        rec = self._agents.get(wn)
        if rec is None:
            rec = self._agents[wn] = AgentRec(wn, state_since=self._t)
        return rec

    def _agent_scopes(self, rec: AgentRec) -> tuple[_Scope, ...]:
        """The center and the agent's skill queues, cached until its skills change."""
        cached = self._scopes_of.get(rec.work_number)
        if cached is None:
            scopes = (self._center, *(self._queue(q) for q in rec.skills))
            cached = self._scopes_of[rec.work_number] = (scopes, {s.key for s in scopes})
        return cached[0]

    def _roll_agent_day(self, rec: AgentRec) -> None:
        day = self._center.tally.day_start
        if rec.day != day:
            rec.day, rec.calls_handled, rec.handle_s = day, 0, 0.0

    def _set_state(self, rec: AgentRec, state: AgentState, reason: str, t: float) -> None:
        old, old_reason = rec.state, rec.reason
        oi, ni = _GAUGE.get(old), _GAUGE.get(state)
        was_nr, is_nr = old is AgentState.NOT_READY, state is AgentState.NOT_READY
        scopes = self._agent_scopes(rec)
        self._dirty |= self._scopes_of[rec.work_number][1]
        for scope in scopes:
            tally = scope.tally  # inlined _touch: this loop runs for most events
            if t > tally.last_t and tally.advance(t):
                self._dirty_history.add(scope.key)
            if oi != ni:
                tally.move(oi, ni)
            if was_nr or is_nr:
                reasons = scope.reasons
                if was_nr:
                    left = reasons.get(old_reason, 0) - 1
                    if left > 0:
                        reasons[old_reason] = left
                    else:
                        reasons.pop(old_reason, None)
                if is_nr:
                    reasons[reason] = reasons.get(reason, 0) + 1
        if old is AgentState.AFTER_CALL_WORK and state is not old:
            self._credit_handling(rec, rec.last_queue, t - rec.state_since, t, count=False)
        self.timers.change(rec.work_number, old, state, t)
        if state is not old:
            rec.state_since = t
        rec.state, rec.reason = state, reason
        self._dirty_agents.add(rec.work_number)

    def _on_agent_state(self, e: AgentStateChanged) -> None:
        self._set_state(self._agent(e.agent), e.state, e.reason, e.t)

    def _on_skills(self, e: AgentSkillsChanged) -> None:
        """Move the agent's gauges from the old skill queues to the new ones."""
        rec = self._agent(e.agent)
        gi = _GAUGE.get(rec.state)
        old, new = set(rec.skills), set(e.skills)
        for queue, sign in [(q, -1) for q in old - new] + [(q, 1) for q in new - old]:
            scope = self._queue(queue)
            tally = self._touch(scope, e.t)
            if gi is not None:
                if sign < 0:
                    tally.move(gi, None)
                else:
                    tally.move(None, gi)
            if rec.state is AgentState.NOT_READY:
                left = scope.reasons.get(rec.reason, 0) + sign
                if left > 0:
                    scope.reasons[rec.reason] = left
                else:
                    scope.reasons.pop(rec.reason, None)
        rec.skills = tuple(e.skills)
        self._scopes_of.pop(rec.work_number, None)

    def _credit_handling(
        self, rec: AgentRec, queue: str | None, seconds: float, t: float, *, count: bool
    ) -> None:
        """Handle time (talk + hold, or after-call work) to the agent, its queue and the center."""
        seconds = max(0.0, seconds)
        self._roll_agent_day(rec)
        rec.handle_s += seconds
        if count:
            rec.calls_handled += 1
        self._dirty_agents.add(rec.work_number)
        if queue is None:
            return
        for scope in (self._center, self._queue(queue)):
            self._touch(scope, t).add(w.HANDLE_SUM, seconds)

    def _close_segment(self, call: str, agent: str | None, t: float, home: str | None) -> None:
        rec = self._agents.get(agent) if agent else None
        if rec is None or rec.segment is None or rec.segment[0] != call:
            return
        rec.last_queue = home
        self._credit_handling(rec, home, t - rec.segment[1], t, count=True)
        rec.segment = None

    def _open_segment(self, call: str, agent: str, t: float) -> None:
        rec = self._agent(agent)
        if rec.segment is None or rec.segment[0] != call:
            rec.segment = (call, t)

    # --- calls --------------------------------------------------------------------------

    def _call(self, call: str) -> _CallRec:
        """The record of a live call; one seen mid-way (metrics started late) counts as inbound."""
        rec = self._calls.get(call)
        if rec is None:
            rec = self._calls[call] = _CallRec(call, True, CustomerLevel.NORMAL)
        return rec

    def _on_arrived(self, e: CallArrived) -> None:
        inbound = e.direction is Direction.INBOUND
        self._calls[e.call] = _CallRec(e.call, inbound, e.customer_level)
        if inbound:
            tally = self._touch(self._center, e.t)
            tally.add(w.ARRIVED, 1)
            vip = e.customer_level is CustomerLevel.VIP
            tally.add(w.ARRIVED_VIP if vip else w.ARRIVED_NORMAL, 1)

    def _leave_queue(self, rec: _CallRec, t: float) -> None:
        if rec.queue is not None:
            scope = self._queue(rec.queue)
            scope.waiting.pop(rec.id, None)
            self._center.waiting.pop(rec.id, None)
            self._touch(scope, t)
            self._touch(self._center, t)
            rec.queue = None

    def _resolve(self, rec: _CallRec, t: float, outcome: CallOutcome | None) -> None:
        """The call stops waiting unanswered: abandoned, or another way (``None`` = moved)."""
        wait_since = {}
        if rec.offered_to is not None:
            wait_since[self._queue(rec.offered_to)] = rec.queued_at
            rec.offered_to = None
        if rec.center_at is not None and outcome is not None:
            wait_since[self._center] = rec.center_at
            rec.center_at = None
        for scope, since in wait_since.items():
            tally = self._touch(scope, t)
            if outcome is not CallOutcome.ABANDONED:
                tally.add(w.OTHER, 1)
                continue
            tally.add(w.ABANDONED, 1)
            wait = t - since
            if wait < self.config.short_abandon_s:
                tally.add(w.SHORT_ABANDONED, 1)
            elif wait <= rec.threshold:
                tally.add(w.ABANDONED_IN_SL, 1)
        self._leave_queue(rec, t)

    def _enter_queue(self, rec: _CallRec, queue: str, t: float) -> None:
        if rec.queue == queue:
            return  # e.g. back in the queue after a ring with no answer: still the same wait
        if rec.queue is not None:
            self._resolve(rec, t, None)  # moved: the old queue lost it
        scope = self._queue(queue)
        rec.queue, rec.queued_at, rec.threshold = queue, t, scope.sl_threshold_s
        rec.routed = None
        scope.waiting[rec.id] = t
        self._center.waiting[rec.id] = t
        self._touch(self._center, t)
        tally = self._touch(scope, t)
        if rec.id in self._homes:
            return  # answered before (transferred to a queue): waiting again, not offered again
        rec.offered_to = queue
        _offer(tally, rec.level)
        if rec.center_at is None:
            rec.center_at = t
            _offer(self._center.tally, rec.level)

    def _on_ivr_step(self, e: CallIvrStep) -> None:
        """The IVR routing a call to ``queue:<id>``: refused there (queue full) it still counts."""
        if e.node.startswith("queue:"):
            rec = self._call(e.call)
            if rec.inbound and rec.queue is None and rec.id not in self._homes:
                rec.routed = e.node[len("queue:"):]

    def _on_queued(self, e: CallQueued) -> None:
        rec = self._call(e.call)
        if rec.inbound:
            self._enter_queue(rec, e.queue, e.t)

    def _on_answered(self, e: CallAnswered) -> None:
        rec = self._call(e.call)
        if not rec.inbound:
            return
        if e.agent is not None and e.agent != rec.agent:
            self._close_segment(rec.id, rec.agent, e.t, self._homes.get(rec.id))
            rec.agent = e.agent
            self._open_segment(rec.id, e.agent, e.t)
        if rec.queue is None:
            return
        queue = rec.queue
        credit = {}
        if rec.offered_to is not None:
            credit[self._queue(rec.offered_to)] = rec.queued_at
            rec.offered_to = None
        if rec.center_at is not None:
            credit[self._center] = rec.center_at
            rec.center_at = None
        for scope, since in credit.items():
            tally = self._touch(scope, e.t)
            wait = max(0.0, e.t - since)
            tally.add(w.ANSWERED, 1)
            tally.add(w.WAIT_SUM, wait)
            tally.add(w.ANSWERED_IN_SL if wait <= rec.threshold else w.OVERTIME, 1)
        self._homes.setdefault(rec.id, queue)
        self._leave_queue(rec, e.t)

    def _on_transferred(self, e: CallTransferred) -> None:
        rec = self._call(e.call)
        if not rec.inbound:
            return
        if rec.id in self._homes:
            self._close_segment(rec.id, rec.agent, e.t, self._homes[rec.id])
            rec.agent = None
            if e.to_agent is not None:
                rec.agent = e.to_agent
                self._open_segment(rec.id, e.to_agent, e.t)
        if e.to_queue is not None:
            self._enter_queue(rec, e.to_queue, e.t)

    def _on_screened(self, e: CallScreened) -> None:
        """A warned caller (blacklist 提示/告警) goes on to an agent: counted next to blocked."""
        if e.action == BlockAction.WARN:
            self._touch(self._center, e.t).add(w.WARNED, 1)

    def _on_survey(self, e: SurveyAnswered) -> None:
        """答复满意率: the satisfaction question's answers, at the center and the queue that
        handled the call (docs/metrics.md)."""
        if e.question != SATISFACTION_QUESTION:
            return
        home = self._homes.get(e.call)
        rec = self._calls.get(e.call)
        scopes = [self._center]
        if home is not None:
            scopes.append(self._queue(home))
        elif rec is not None and rec.queue is not None:
            scopes.append(self._queue(rec.queue))
        for scope in scopes:
            tally = self._touch(scope, e.t)
            tally.add(w.SURVEYED, 1)
            if e.answer in SATISFIED_ANSWERS:
                tally.add(w.SATISFIED, 1)

    def _on_ended(self, e: CallEnded) -> None:
        rec = self._calls.pop(e.call, None)
        if rec is None or not rec.inbound:
            return
        home = self._homes.pop(rec.id, None)
        if home is not None:
            self._close_segment(rec.id, rec.agent, e.t, home)
            for scope in (self._center, self._queue(home)):
                self._touch(scope, e.t).add(w.HANDLED, 1)
        if rec.offered_to is not None or rec.center_at is not None:
            self._resolve(rec, e.t, e.outcome)
        elif rec.queue is not None:
            self._leave_queue(rec, e.t)
        elif rec.routed is not None and e.outcome is CallOutcome.BUSY:
            # routed to a full queue: offered there and at the center, and lost at once
            for scope in (self._center, self._queue(rec.routed)):
                tally = self._touch(scope, e.t)
                _offer(tally, rec.level)
                tally.add(w.OTHER, 1)
        elif home is None and e.outcome in (CallOutcome.BLOCKED, CallOutcome.BUSY):
            slot = w.BLOCKED if e.outcome is CallOutcome.BLOCKED else w.BUSY
            self._touch(self._center, e.t).add(slot, 1)


def _offer(tally: Tally, level: CustomerLevel) -> None:
    tally.add(w.OFFERED, 1)
    tally.add(w.OFFERED_VIP if level is CustomerLevel.VIP else w.OFFERED_NORMAL, 1)
