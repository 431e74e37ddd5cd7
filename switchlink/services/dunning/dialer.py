"""The dunning dialer: the day's plan dialed through the adapter's outbound calls, inside the
window, within the caps, paced on inbound service level; every attempt written before it is
dialed so a restart never calls anyone twice. A server ticker and processor on the loop;
commands reach it as ``Context.services["dunning"]``; it publishes ``dunning/campaign``.
Planning a day (seconds on a large database) and reading the open complaints run on worker
threads; the loop picks up their results on its next tick, so heartbeats never wait."""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

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
#: after a failed background plan, the next try (switch s)
PLAN_RETRY_S = 60.0
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
        self._plan_lock = threading.Lock()  # one plan at a time (files written once)
        self._handoff = threading.Lock()
        self._planned: Planned | None = None  # a worker's plan for the loop to load
        self._planner: threading.Thread | None = None
        self._plan_retry_at = -1e18
        self._reader: threading.Thread | None = None

    # --- the holds checked at dial time ----------------------------------------------------

    def complaint_hold(self, number: str) -> bool:
        return canonical(number) in self._held_numbers

    def blocked(self, number: str) -> bool:
        return self.blocked_at is not None and self.blocked_at(number, self.clock()) is not None

    def refresh_complaints(self, now: float, force: bool = False) -> None:
        """Every 30 s the open complaints are re-read on a thread (a database query);
        ``force`` reads them here and now (a plan, itself off the loop)."""
        if self.complaints is None:
            return
        if force:
            self._complaints_read = now
            self._read_complaints()
        elif now - self._complaints_read >= COMPLAINT_REFRESH_S and self._reader is None:
            self._complaints_read = now
            self._reader = threading.Thread(target=self._read_complaints, daemon=True,
                                            name="dunning-complaints")
            self._reader.start()

    def _read_complaints(self) -> None:
        try:
            assert self.complaints is not None
            self._held_numbers = frozenset(canonical(n) for n in held_numbers(self.complaints()))
        except Exception:  # the complaints service failing must not stop dunning silently
            log.exception("dunning: could not read open complaints; keeping the last list")
        finally:
            if threading.current_thread() is self._reader:
                self._reader = None

    # --- campaign control ------------------------------------------------------------------

    def set_running(self, running: bool, by: str) -> dict[str, Any]:
        now = self.clock()
        self.running, self.changed_by, self.changed_at = running, by, now
        self.repo.set_state("campaign", {"running": running, "by": by, "at": now}, now)
        return self.status()

    def run_day(self, day: dt.date | None = None) -> dict[str, Any]:
        """Plan ``day`` (today by default) and load its queue now; idempotent. For tools and
        tests on the loop's thread; the daemon plans with :meth:`plan_for_loop`."""
        planned = self._plan(day)
        self._load(planned)
        return planned.summary

    def plan_for_loop(self, day: dt.date | None = None) -> dict[str, Any]:
        """Plan ``day`` on this (worker) thread; the loop loads it on its next tick."""
        planned = self._plan(day)
        if planned.auto is not None:  # another day's plan must not displace today's
            with self._handoff:
                self._planned = planned
        return planned.summary

    def _plan(self, day: dt.date | None) -> Planned:
        """The slow part: the accounts read, planned, files and stages written (thread-safe:
        plans run one at a time, so a day's files are written once)."""
        with self._plan_lock:
            now = self.clock()
            day = day or local_date(now, self.cfg)
            self.refresh_complaints(now, force=True)
            plan, summary = run_day(self.repo, day, self.cfg, now,
                                    complaint_hold=self.complaint_hold, blocked=self.blocked)
            today = day == local_date(now, self.cfg)
            return Planned(day, plan.auto if today else None, plan.manual, dict(plan.held),
                           self._recounted(day) if today else None, summary)

    def _load(self, planned: Planned) -> None:
        """On the loop: today's plan becomes the queue (calls in flight are not queued)."""
        if planned.auto is None or planned.day != local_date(self.clock(), self.cfg):
            return
        fresh = planned.day != self.day
        self.day = planned.day
        busy = {c.account for _, c, _ in self.inflight.values()}
        self.queue = []
        for call in planned.auto:
            if call.account not in busy:
                self._seq += 1
                self.queue.append((call.not_before, self._seq, call))
        heapq.heapify(self.queue)  # linear: the loop's part of a large plan stays short
        self.manual = planned.manual
        self.held = planned.held
        if fresh and planned.recount is not None:
            self.counts, self.series = planned.recount

    def _push(self, call: PlannedCall) -> None:
        self._seq += 1
        heapq.heappush(self.queue, (call.not_before, self._seq, call))

    def _recounted(self, day: dt.date) -> tuple[dict[str, int], list[dict[str, Any]]]:
        """Today's figures from the stored attempts (after a restart or a new day)."""
        tally = Tally(dict.fromkeys(COUNTERS, 0), [])
        for a in self.repo.attempts_on(day.isoformat()):
            tally.count(a.at, "dialed")
            tally.result(a.ended_at or a.at, a.result)
        paid = self.repo.get_state("paid/" + day.isoformat()) or {}
        tally.counts["paid"] = int(paid.get("accounts", 0))
        return tally.counts, tally.series

    def _bucket(self, t: float) -> dict[str, Any]:
        return Tally(self.counts, self.series).bucket(t)

    def _count(self, t: float, name: str) -> None:
        Tally(self.counts, self.series).count(t, name)

    def _tally(self, t: float, result: str) -> None:
        Tally(self.counts, self.series).result(t, result)

    # --- the loop --------------------------------------------------------------------------

    def tick(self, now: float) -> list[Change]:
        with self._handoff:
            planned, self._planned = self._planned, None
        if planned is not None:
            self._load(planned)
        today = local_date(now, self.cfg)
        if (self.day != today and now >= local_time(today, self.cfg.run_at, self.cfg)
                and self._planner is None and now >= self._plan_retry_at):
            self.inflight_day_end()
            self._planner = threading.Thread(target=self._plan_in_background, args=(today,),
                                             name="dunning-plan", daemon=True)
            self._planner.start()
        self.refresh_complaints(now)
        self.pacer.update(now, self._levels())
        self._sample_sl(now)
        if self.running and may_dial(now, self.cfg):
            self._dial(now)
        return self._publish()

    def _plan_in_background(self, day: dt.date) -> None:
        try:
            self.plan_for_loop(day)
        except Exception:  # a busy database: try again a minute later
            log.exception("dunning: planning %s failed; trying again", day)
            self._plan_retry_at = self.clock() + PLAN_RETRY_S
        finally:
            self._planner = None

    def wait_for_background(self, timeout: float = 30.0) -> bool:
        """Tests and tools: let a plan or complaint read in flight finish; True when a plan
        is waiting for the next tick."""
        for thread in (self._planner, self._reader):
            if thread is not None:
                thread.join(timeout)
        with self._handoff:
            return self._planned is not None

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
        """The chart's lines against the calls: the centre's inbound 15-minute service level,
        and the queue the pacer watches (the worst against its target) at its lowest in the
        half hour — the centre can read 99 % while one queue holds the dialer back."""
        if self.floor is None or self.day is None or not may_dial(now, self.cfg):
            return
        center = self.floor.get("metrics/center")
        sl = center.get("service_level_15m") if isinstance(center, dict) else None
        bucket = self._bucket(now)
        if sl is not None:
            bucket["sl"] = round(float(sl), 4)
        reason = self.pacer.reason
        if reason.service_level is not None:
            paced = round(float(reason.service_level), 4)
            low = bucket.get("paced_sl")
            if low is None or paced < low:
                bucket["paced_sl"], bucket["paced_queue"] = paced, reason.queue

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


class Planned(NamedTuple):
    """A day's plan as a worker hands it to the loop (``auto`` None: not today's)."""

    day: dt.date
    auto: list[PlannedCall] | None
    manual: list[PlannedCall]
    held: dict[str, int]
    recount: tuple[dict[str, int], list[dict[str, Any]]] | None
    summary: dict[str, Any]


class Tally(NamedTuple):
    """The day's counters and the campaign chart's half-hour buckets."""

    counts: dict[str, int]
    series: list[dict[str, Any]]

    def bucket(self, t: float) -> dict[str, Any]:
        start = t - t % BUCKET_S
        if not self.series or self.series[-1]["t"] < start:
            self.series.append({"t": start, "dialed": 0, "answered": 0, "delivered": 0,
                                "sl": None, "paced_sl": None, "paced_queue": ""})
            self.series.sort(key=lambda b: b["t"])
        return next(b for b in reversed(self.series) if b["t"] <= t)

    def count(self, t: float, name: str) -> None:
        self.counts[name] += 1
        if name in ("dialed", "answered", "delivered"):
            self.bucket(t)[name] += 1

    def result(self, t: float, result: str) -> None:
        if result in (AttemptResult.DELIVERED, AttemptResult.PROMISED, AttemptResult.REFUSED):
            self.count(t, "answered")
            self.count(t, "delivered")
            if result == AttemptResult.PROMISED:
                self.counts["promises"] += 1
        elif result == AttemptResult.MACHINE:
            self.count(t, "answered")
            self.counts["machine"] += 1
        elif result in ("no_answer", "busy", "invalid", "failed"):
            self.counts[result] += 1
