"""The report desk: periodic reports generated on the switch clock, off the event loop.

A ticker on the server's loop notices each period that ended (the hour on the hour, the day
after midnight, the week on Monday, the month on the 1st — emulated time included, so a fast
emulated day makes its reports) and hands it to ONE worker thread, which waits for the
history writer to store what was queued, reads the period's history, computes and stores the
report. On-demand generation (``reports.generate``) runs the same function, serialised with
the scheduled ones. A finished report is announced as ``reports/latest`` so consoles refresh.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from datetime import tzinfo
from typing import Any

from models.persistence.database import Database
from models.persistence.reports import ReportHistory, ReportRepository, StoredReport
from models.reports.compute import compute_report
from models.reports.periods import Period, PeriodKind, period_at, periods_ended, previous
from switchlink.engine.state import Change, FloorState

log = logging.getLogger(__name__)

SERVICE_KEY = "reports"
LATEST_KEY = "reports/latest"
#: a period's report waits this long (switch seconds) after its end, so that calls still
#: ringing or in after-call work at the boundary are stored first
GRACE_S = 300.0
#: ... and is computed once more this long after its end, with the calls that were still
#: going on (a caller queued at 15:59 who waits until 16:10): the stored report is final then
FINAL_AFTER_S = 3600.0
SCHEDULED_BY = "schedule"
#: a daemon that was down catches up at most this many missed periods of each kind
CATCH_UP = {PeriodKind.HOURLY: 24 * 14, PeriodKind.DAILY: 31, PeriodKind.WEEKLY: 8,
            PeriodKind.MONTHLY: 3}


class ReportDesk:
    """Schedules, generates and stores reports; ``tick`` is a server ticker."""

    def __init__(
        self, db: Database, floor: FloorState | None = None, *,
        flush: Callable[[], Any] | None = None, tz: tzinfo | None = None,
        grace_s: float = GRACE_S, short_abandon_s: float = 5.0,
    ) -> None:
        self.db = db
        self.floor = floor
        self.flush = flush
        self.tz = tz
        self.grace_s = grace_s
        self.short_abandon_s = short_abandon_s
        self.reports = ReportRepository(db)
        self.history = ReportHistory(db)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="switchlink-reports")
        self._lock = threading.Lock()  # one generation at a time, scheduled or asked for
        self._finished: queue.SimpleQueue[StoredReport] = queue.SimpleQueue()
        self._last: float | None = None
        self._closing = False
        self.pending: list[Future[StoredReport | None]] = []

    # --- on the server's loop -----------------------------------------------------------

    def tick(self, now: float) -> list[Change]:
        """Queue every period that became due since the last tick; announce finished ones."""
        due = now - self.grace_s
        if self._last is None:
            self._last = due
            self.pending.append(self._pool.submit(self._catch_up, due))
        elif due > self._last:
            for period in periods_ended(self._last, due, self.tz):
                self._submit(period)
            # the final pass of the periods that ended FINAL_AFTER_S ago
            final = self.grace_s - FINAL_AFTER_S
            for period in periods_ended(self._last + final, due + final, self.tz):
                self._submit(period)
            self._last = due
        self.pending = [f for f in self.pending if not f.done()]
        latest = None
        while not self._finished.empty():
            latest = self._finished.get_nowait()
        if latest is None or self.floor is None:
            return []
        value = {k: v for k, v in latest.summary().items()}
        self.floor.set(LATEST_KEY, value)
        return [(LATEST_KEY, value)]

    def _submit(self, period: Period, catch_up: bool = False) -> None:
        self.pending.append(self._pool.submit(self._scheduled, period, catch_up))

    # --- on the worker --------------------------------------------------------------------

    def _catch_up(self, due: float) -> None:
        """After a start: every period since the newest stored report of its kind that has
        history and no report (the daemon was down, or the emulator's clock jumped)."""
        for kind in PeriodKind:
            try:
                last = self.reports.latest_end(kind.value)
            except Exception:
                log.exception("could not read the stored %s reports", kind)
                continue
            missed: list[Period] = []
            period = previous(period_at(kind, due, self.tz), self.tz)
            while len(missed) < CATCH_UP[kind] and (last is None or period.start >= last):
                missed.append(period)
                period = previous(period, self.tz)
            for p in reversed(missed):
                self._scheduled(p, True)

    def _scheduled(self, period: Period, catch_up: bool) -> StoredReport | None:
        if self._closing:  # a catch-up of hundreds of periods must not hold the exit
            return None
        try:
            if catch_up and self.reports.get(period.kind.value, period.start) is not None:
                return None
            return self.generate(period, SCHEDULED_BY, skip_empty=catch_up)
        except Exception:  # a failed report costs that report, never the daemon
            log.exception("could not generate the %s report %s", period.kind, period.key)
            return None

    def thresholds(self) -> dict[str, float]:
        """Each queue's service-level threshold as the floor has it now."""
        if self.floor is None:
            return {}
        return {
            str(q["id"]): float(q["sl_threshold_s"])
            for _, q in self.floor.items("queue/") if q.get("sl_threshold_s") is not None
        }

    def compute(self, period: Period) -> dict[str, Any]:
        """The figures of ``period`` from what the database holds now (nothing stored)."""
        inputs = self.history.inputs(period, thresholds=self.thresholds(),
                                     short_abandon_s=self.short_abandon_s)
        return compute_report(inputs)

    def generate(self, period: Period, by: str, *, skip_empty: bool = False
                 ) -> StoredReport | None:
        """Compute and store ``period``'s report (replacing a stored one); thread-safe."""
        with self._lock:
            if self._closing:
                return None
            if self.flush is not None:
                self.flush()  # what the event loop queued for history is stored first
            figures = self.compute(period)
            if self._closing:  # the daemon is stopping: the next start catches it up
                return None
            if skip_empty and not figures["centre"]["arrived"] and not figures["agents"]:
                return None
            report = StoredReport(
                kind=period.kind.value, period_key=period.key, start=period.start,
                end=period.end, generated_at=time.time(), generated_by=by, figures=figures)
            report.id = self.reports.save(report)
        log.info("%s report %s generated by %s", period.kind, period.key, by)
        self._finished.put(report)
        return report

    def wait(self, timeout: float | None = None) -> None:
        """Until every queued generation has run (tests, shutdown)."""
        for future in list(self.pending):
            future.result(timeout)

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop: queued periods are dropped, a running one gets ``timeout_s`` to finish and is
        not stored after that (a month's report must not hold a SIGTERM for half a minute;
        the next start catches the period up)."""
        self._closing = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        _, running = wait_for(self.pending, timeout=timeout_s)
        if running:
            log.warning("a report was still being computed at shutdown; the next start "
                        "makes it again")
