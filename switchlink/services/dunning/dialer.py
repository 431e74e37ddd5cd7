"""The dunning dialer: the day's plan dialed through the adapter's outbound calls, inside the
window, within the caps, paced on inbound service level; every attempt written before it is
dialed so a restart never calls anyone twice. A server ticker and processor on the loop;
commands reach it as ``Context.services["dunning"]``; it publishes ``dunning/campaign``."""

from __future__ import annotations

import datetime as dt
import heapq
import logging
from collections.abc import Callable, Iterable
from typing import Any

from models.calls import CallOutcome
from models.dunning.calendar import (
    DunningConfig,
    is_open,
    local_date,
    local_time,
    may_dial,
    window,
)
from models.dunning.complaint_hold import held_numbers
from models.dunning.files import fen_to_yuan
from models.dunning.pacing import Pacer, QueueLevel
from models.dunning.planner import PlannedCall
from models.dunning.records import AttemptResult, DunningAttempt
from models.events import CallEnded, Event
from models.persistence.dunning import DunningRepository
from models.phone_numbers import NumberError, normalise
from switchlink.adapters.base import SwitchAdapter
from switchlink.adapters.errors import AdapterError
from switchlink.engine.state import Change, FloorState
from switchlink.services.dunning.day import run_day

log = logging.getLogger(__name__)

SERVICE_KEY = "dunning"
FLOOR_KEY = "dunning/campaign"
#: the campaign chart's bucket (s) and how often the complaint list is re-read (switch s)
BUCKET_S = 1800.0
COMPLAINT_REFRESH_S = 30.0
_RESULT = {CallOutcome.ANSWERED: AttemptResult.DELIVERED, CallOutcome.MACHINE:
           AttemptResult.MACHINE, CallOutcome.NO_ANSWER: AttemptResult.NO_ANSWER,
           CallOutcome.BUSY: AttemptResult.BUSY, CallOutcome.INVALID: AttemptResult.INVALID}
RETRY = frozenset({AttemptResult.NO_ANSWER, AttemptResult.BUSY, AttemptResult.FAILED})
COUNTERS = ("dialed", "answered", "delivered", "machine", "no_answer", "busy", "invalid",
            "failed", "promises", "paid")


def canonical(number: str) -> str:
    try:
        return normalise(number)
    except NumberError:
        return number


class DunningDialer:
    """One campaign: start / pause (persisted), the day's queue, calls in flight, pacing."""

    def __init__(self, adapter: SwitchAdapter, floor: FloorState | None,
                 repo: DunningRepository, cfg: DunningConfig | None = None, *,
                 blocked: Callable[[str, float], Any] | None = None,
                 complaints: Callable[[], Iterable[Any]] | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        self.adapter, self.floor, self.repo = adapter, floor, repo
        self.cfg = cfg or DunningConfig()
        self.clock = clock or adapter.now
        self.blocked_at = blocked
        self.complaints = complaints
        self.pacer = Pacer(self.cfg)
        now = self.clock()
        interrupted = repo.interrupt_dialing(now)
        if interrupted:
            log.info("dunning: %d attempt(s) were in flight at the last stop", interrupted)
        state = repo.get_state("campaign") or {}
        self.running = bool(state.get("running", False))
        self.changed_by = str(state.get("by", ""))
        self.changed_at = float(state.get("at", 0.0))
        self.day: dt.date | None = None
        self.queue: list[tuple[float, int, PlannedCall]] = []
        self.manual: list[PlannedCall] = []
        self.held: dict[str, int] = {}
        self.inflight: dict[str, tuple[int, PlannedCall, str]] = {}
        self.counts = dict.fromkeys(COUNTERS, 0)
        self.series: list[dict[str, Any]] = []
        self._seq = 0
        self._held_numbers: frozenset[str] = frozenset()
        self._complaints_read = -1e18
        self._last_published: dict[str, Any] | None = None

    # --- the holds checked at dial time ----------------------------------------------------

    def complaint_hold(self, number: str) -> bool:
        return canonical(number) in self._held_numbers

    def blocked(self, number: str) -> bool:
        return self.blocked_at is not None and self.blocked_at(number, self.clock()) is not None

    def refresh_complaints(self, now: float, force: bool = False) -> None:
        if self.complaints is None or (not force and
                                       now - self._complaints_read < COMPLAINT_REFRESH_S):
            return
        self._complaints_read = now
        try:
            self._held_numbers = frozenset(canonical(n) for n in held_numbers(self.complaints()))
        except Exception:  # the complaints service failing must not stop dunning silently
            log.exception("dunning: could not read open complaints; keeping the last list")

    # --- campaign control ------------------------------------------------------------------

    def set_running(self, running: bool, by: str) -> dict[str, Any]:
        now = self.clock()
        self.running, self.changed_by, self.changed_at = running, by, now
        self.repo.set_state("campaign", {"running": running, "by": by, "at": now}, now)
        return self.status()

    def run_day(self, day: dt.date | None = None) -> dict[str, Any]:
        """Plan ``day`` (today by default) and load its queue; idempotent."""
        now = self.clock()
        day = day or local_date(now, self.cfg)
        self.refresh_complaints(now, force=True)
        plan, summary = run_day(self.repo, day, self.cfg, now,
                                complaint_hold=self.complaint_hold, blocked=self.blocked)
        if day == local_date(now, self.cfg):
            self._load(day, plan.auto, plan.manual, dict(plan.held))
        return summary

    def _load(self, day: dt.date, auto: list[PlannedCall], manual: list[PlannedCall],
              held: dict[str, int]) -> None:
        fresh = day != self.day
        self.day = day
        busy = {c.account for _, c, _ in self.inflight.values()}
        self.queue = []
        for call in auto:
            if call.account not in busy:
                self._push(call)
        self.manual = manual
        self.held = held
        if fresh:
            self._recount(day)

    def _push(self, call: PlannedCall) -> None:
        self._seq += 1
        heapq.heappush(self.queue, (call.not_before, self._seq, call))

    def _recount(self, day: dt.date) -> None:
        """Today's figures from the stored attempts (after a restart or a new day)."""
        self.counts = dict.fromkeys(COUNTERS, 0)
        self.series = []
        for a in self.repo.attempts_on(day.isoformat()):
            self._count(a.at, "dialed")
            self._tally(a.ended_at or a.at, a.result)
        paid = self.repo.get_state("paid/" + day.isoformat()) or {}
        self.counts["paid"] = int(paid.get("accounts", 0))

    def _bucket(self, t: float) -> dict[str, Any]:
        start = t - t % BUCKET_S
        if not self.series or self.series[-1]["t"] < start:
            self.series.append({"t": start, "dialed": 0, "answered": 0, "delivered": 0,
                                "sl": None})
            self.series.sort(key=lambda b: b["t"])
        return next(b for b in reversed(self.series) if b["t"] <= t)

    def _count(self, t: float, name: str) -> None:
        self.counts[name] += 1
        if name in ("dialed", "answered", "delivered"):
            self._bucket(t)[name] += 1

    def _tally(self, t: float, result: str) -> None:
        if result in (AttemptResult.DELIVERED, AttemptResult.PROMISED, AttemptResult.REFUSED):
            self._count(t, "answered")
            self._count(t, "delivered")
            if result == AttemptResult.PROMISED:
                self.counts["promises"] += 1
        elif result == AttemptResult.MACHINE:
            self._count(t, "answered")
            self.counts["machine"] += 1
        elif result in ("no_answer", "busy", "invalid", "failed"):
            self.counts[result] += 1

    # --- the loop --------------------------------------------------------------------------

    def tick(self, now: float) -> list[Change]:
        today = local_date(now, self.cfg)
        if self.day != today and now >= local_time(today, self.cfg.run_at, self.cfg):
            self.inflight_day_end()
            self.run_day(today)
        self.refresh_complaints(now)
        self.pacer.update(now, self._levels())
        self._sample_sl(now)
        if self.running and may_dial(now, self.cfg):
            self._dial(now)
        return self._publish()

    def inflight_day_end(self) -> None:
        """A new day: yesterday's retries are dropped (the next plan starts from storage)."""
        self.queue = []

    def _levels(self) -> list[QueueLevel]:
        if self.floor is None:
            return []
        levels = []
        for key, metrics in self.floor.items("metrics/queue/"):
            queue = key.removeprefix("metrics/queue/")
            spec = self.floor.get("queue/" + queue) or {}
            target = spec.get("sl_target") if isinstance(spec, dict) else None
            if target is None or not isinstance(metrics, dict):
                continue
            offered = metrics.get("offered_15m")
            levels.append(QueueLevel(queue, metrics.get("service_level_15m"), float(target),
                                     int(offered) if offered is not None else None))
        return levels

    def _sample_sl(self, now: float) -> None:
        """The centre's inbound 15-minute service level, the chart's line against the calls."""
        if self.floor is None:
            return
        center = self.floor.get("metrics/center")
        sl = center.get("service_level_15m") if isinstance(center, dict) else None
        if sl is not None and self.day is not None and may_dial(now, self.cfg):
            self._bucket(now)["sl"] = round(float(sl), 4)

    def _dial(self, now: float) -> None:
        room = self.pacer.channels() - sum(1 for *_, kind in self.inflight.values()
                                           if kind == "auto")
        iso = self.day.isoformat() if self.day else ""
        while room > 0 and self.queue and self.queue[0][0] <= now:
            _, _, call = heapq.heappop(self.queue)
            why = "blacklist" if self.blocked(call.phone) else \
                "complaint" if self.complaint_hold(call.phone) else ""
            if why:  # listed or complained since the plan was made
                self.held[why] = self.held.get(why, 0) + 1
                continue
            attempt = DunningAttempt(call.account, now, "auto", AttemptResult.DIALING.value,
                                     day=iso, slot=call.slot, note=call.stage.value)
            attempt_id = self.repo.reserve_attempt(attempt)
            if attempt_id is None:
                continue  # this slot was dialed before (a second run, a restart)
            self._count(now, "dialed")
            room -= 1
            try:
                call_id = self.adapter.originate(
                    call.phone, announcement=f"dunning-notice:{fen_to_yuan(call.owed_fen)}",
                    caller_id=self.cfg.caller_id)
            except AdapterError as exc:
                self.repo.finish_attempt(attempt_id, AttemptResult.FAILED.value, now,
                                         note=str(exc))
                self._tally(now, AttemptResult.FAILED)
                self._retry(call, AttemptResult.FAILED, now)
                continue
            self.repo.finish_attempt(attempt_id, AttemptResult.DIALING.value, now, call_id)
            self.inflight[call_id] = (attempt_id, call, "auto")

    def _retry(self, call: PlannedCall, result: AttemptResult, t: float) -> None:
        if result not in RETRY or call.slot + 1 >= self.cfg.attempts_per_day:
            return
        delays = self.cfg.retry_after_s or (0.0,)
        delay = delays[min(call.slot, len(delays) - 1)]
        if self.day is not None and t + delay >= window(self.day, self.cfg)[1]:
            return
        self._push(PlannedCall(call.account, call.phone, call.owed_fen, call.stage,
                               call.slot + 1, t + delay, call.manual))

    def on_events(self, events: list[Event], floor: FloorState | None = None) -> list[Change]:
        changed = False
        for event in events:
            kind = type(event)
            if kind is CallEnded and event.call in self.inflight:  # type: ignore[attr-defined]
                attempt_id, call, how = self.inflight.pop(event.call)  # type: ignore[attr-defined]
                result = _RESULT.get(event.outcome, AttemptResult.FAILED)  # type: ignore[attr-defined]
                if how == "manual":
                    self.repo.end_manual_call(attempt_id, result.value, event.t)
                    changed = True
                    continue
                self.repo.finish_attempt(attempt_id, result.value, event.t)
                self._tally(event.t, result)
                self._retry(call, result, event.t)
                changed = True
        return self._publish() if changed else []

    # --- what the screens see --------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        now = self.clock()
        day = self.day or local_date(now, self.cfg)
        start, end = window(day, self.cfg)
        reason = self.pacer.reason
        return {
            "running": self.running, "by": self.changed_by, "since": self.changed_at,
            "day": day.isoformat(), "open_day": is_open(day, self.cfg),
            "window": [start, end], "in_window": may_dial(now, self.cfg),
            "timezone": self.cfg.timezone,
            "pace": self.pacer.pace.value, "channels": self.pacer.channels(),
            "max_channels": self.cfg.max_channels,
            "why": {"queue": reason.queue, "service_level": reason.service_level,
                    "target": reason.target},
            "in_flight": len(self.inflight), "queued": len(self.queue),
            "manual": len(self.manual), "held": dict(self.held),
            "counts": dict(self.counts), "series": [dict(b) for b in self.series],
        }

    def _publish(self) -> list[Change]:
        if self.floor is None:
            return []
        value = self.status()
        comparable = {k: v for k, v in value.items() if k != "in_window"} | {
            "in_window": value["in_window"]}
        if comparable == self._last_published:
            return []
        self._last_published = comparable
        return self.floor.set(FLOOR_KEY, value)
