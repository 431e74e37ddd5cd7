"""The daemon's maintenance desk: who started which test, what equipment is out of service and
why, link reconnects, the nightly sweep — kept beside the floor and published into it.

A server processor (fed every event batch) and a ticker (called twice a second with the
switch time), both on the server's loop, so it may call the adapter and touch the floor.
Commands reach it as ``Context.services["maintenance"]``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.events import (
    BoardStatusChanged,
    ChannelStatusChanged,
    Event,
    FaxJobChanged,
    LinkStatusChanged,
    TestCompleted,
    TrunkStatusChanged,
)
from models.fax import FaxStatus
from models.linktests import LinkTestResult
from switchlink.adapters.base import SwitchAdapter
from switchlink.engine.state import Change, FloorState
from switchlink.services.maintenance.sweep import Sweep

log = logging.getLogger(__name__)

SERVICE_KEY = "maintenance"
#: finished tests stay visible as ``test/<id>`` this many at most (newest kept) ...
MAX_TEST_KEYS = 100
#: ... and a test the adapter never finished is given up after this long (switch seconds)
TEST_GIVE_UP_S = 600.0
#: a fax test may queue and retry; it is given up after this long
FAX_TEST_GIVE_UP_S = 3 * 3600.0
#: the window of ``link/<id>.reconnects_1h``
RECONNECT_WINDOW_S = 3600.0
SWEEP_KEY = "maintenance/sweep"


@dataclass(slots=True)
class Origin:
    """A test switchlink started: what, on what, by whom, when."""

    test: str
    kind: str
    target: str
    board: str
    by: str
    started_at: float
    sweep: bool = False
    measured: dict[str, float] = field(default_factory=dict)


class MaintenanceDesk:
    """Test bookkeeping, out-of-service notes, link health and the sweep."""

    def __init__(
        self,
        adapter: SwitchAdapter,
        floor: FloorState,
        *,
        record: Callable[[LinkTestResult], None] | None = None,
        sweep_at: str | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.adapter = adapter
        self.floor = floor
        self.record = record
        self.clock = clock or adapter.now
        self.pending: dict[str, Origin] = {}
        self.fax_tests: dict[str, Origin] = {}
        #: target -> {"reason", "by", "since"} while out of service (or on its way there)
        self.out_of_service: dict[str, dict[str, Any]] = {}
        self._reconnects: dict[str, deque[float]] = {}
        self._test_keys: deque[str] = deque()
        #: keys changed since the last publication; their values are read when published, so
        #: a status the engine applied meanwhile is never overwritten by an older copy
        self._dirty: dict[str, None] = {}
        self.sweep = Sweep(self, sweep_at)

    # --- what commands call --------------------------------------------------------------

    def board_of(self, target: str) -> str:
        """The board a channel or trunk is on (a board is its own); "" for a link."""
        for prefix in ("channel/", "trunk/"):
            item = self.floor.get(prefix + target)
            if item is not None:
                return str(item.get("board", ""))
        return target if self.floor.get("board/" + target) is not None else ""

    def started(self, test: str, kind: str, target: str, by: str, *, sweep: bool = False,
                fax_job: bool = False) -> dict[str, Any]:
        """A test the adapter accepted: remember it and publish it as running."""
        origin = Origin(test, kind, target, self.board_of(target), by, self.clock(), sweep)
        (self.fax_tests if fax_job else self.pending)[test] = origin
        value = self._test_value(origin, "running")
        self._publish_test(test, value)
        return value

    def set_out_of_service(self, target: str, reason: str, by: str) -> None:
        self.out_of_service[target] = {"reason": reason, "by": by, "since": self.clock()}
        self._sync_note(target)

    def set_in_service(self, target: str) -> None:
        self.out_of_service.pop(target, None)
        self._sync_note(target)

    def changes(self) -> list[Change]:
        """The keys changed since the last call, with their values as they are now."""
        dirty, self._dirty = self._dirty, {}
        return [(key, self.floor.get(key)) for key in dirty]

    # --- the processor -------------------------------------------------------------------

    def on_events(self, events: list[Event], floor: FloorState) -> list[Change]:
        for event in events:
            kind = type(event)
            if kind is TestCompleted:
                self._finished(event)  # type: ignore[arg-type]
            elif kind in (BoardStatusChanged, TrunkStatusChanged, ChannelStatusChanged):
                target = getattr(event, "board", None) or getattr(event, "trunk", None) \
                    or getattr(event, "channel", "")
                if target in self.out_of_service:
                    self._sync_note(target)
                if kind is ChannelStatusChanged:
                    self._fax_channel(event)  # type: ignore[arg-type]
            elif kind is LinkStatusChanged:
                self._link(event)  # type: ignore[arg-type]
            elif kind is FaxJobChanged:
                self._fax(event)  # type: ignore[arg-type]
        return self.changes()

    def _finished(self, event: TestCompleted) -> None:
        test = event.test or next(  # an adapter that does not say which: the oldest alike
            (t for t, o in self.pending.items()
             if o.kind == event.kind and o.target == event.target), "")
        origin = self.pending.pop(test, None) if test else None
        if origin is None:  # a test switchlink did not start (a switch's own schedule)
            origin = Origin(event.test or f"{event.kind}:{event.target}:{event.t:.0f}",
                            event.kind, event.target, self.board_of(event.target), "",
                            event.t)
        value = self._test_value(origin, "passed" if event.passed else "failed")
        value.update(finished_at=event.t, detail=event.detail, measured=dict(event.measured))
        self._publish_test(origin.test, value)
        if self.record is not None:
            self.record(LinkTestResult(
                target=event.target, kind=event.kind, passed=event.passed, at=event.t,
                detail=event.detail, by=origin.by, board=origin.board, test_id=origin.test,
                measured=dict(event.measured)))
        if origin.sweep:
            self.sweep.finished(origin, event.passed, event.detail)

    # --- fax tests -----------------------------------------------------------------------

    def _fax_channel(self, event: ChannelStatusChanged) -> None:
        origin = self.fax_tests.get(event.call or "")
        if origin is not None and event.status.value == "busy":
            origin.target = event.channel
            origin.board = self.board_of(event.channel)

    def _fax(self, event: FaxJobChanged) -> None:
        origin = self.fax_tests.get(event.job)
        if origin is None:
            return
        if event.status is FaxStatus.SENDING:
            origin.measured["attempts"] = origin.measured.get("attempts", 0.0) + 1
            return
        if event.status not in (FaxStatus.DONE, FaxStatus.FAILED):
            return
        del self.fax_tests[event.job]
        passed = event.status is FaxStatus.DONE
        measured = dict(origin.measured, seconds=round(event.t - origin.started_at, 1),
                        pages=float(event.pages))
        detail = (f"test fax delivered: {event.pages} page(s) in {measured['seconds']:.0f} s"
                  if passed else f"test fax failed: {event.error or 'not delivered'}")
        self._complete_fax(origin, passed, detail, measured, event.t)

    def _complete_fax(self, origin: Origin, passed: bool, detail: str,
                      measured: dict[str, float], at: float) -> None:
        value = self._test_value(origin, "passed" if passed else "failed")
        value.update(finished_at=at, detail=detail, measured=measured)
        self._publish_test(origin.test, value)
        if self.record is not None:
            self.record(LinkTestResult(
                target=origin.target, kind="fax", passed=passed, at=at, detail=detail,
                by=origin.by, board=origin.board, test_id=origin.test, measured=measured))

    # --- links ---------------------------------------------------------------------------

    def _link(self, event: LinkStatusChanged) -> None:
        key = "link/" + event.link
        old = self.floor.get(key)
        if old is None:
            return
        times = self._reconnects.setdefault(event.link, deque())
        if event.status.value == "up" and old.get("down_since") is not None:
            times.append(event.t)
        fields: dict[str, Any] = {}
        if event.status.value == "down" and old.get("down_since") is None:
            fields["down_since"] = event.t
        elif event.status.value != "down" and old.get("down_since") is not None:
            fields["down_since"] = None
        fields["reconnects_1h"] = self._recent(times, event.t)
        self._merge(key, fields)

    def _recent(self, times: deque[float], now: float) -> int:
        while times and now - times[0] > RECONNECT_WINDOW_S:
            times.popleft()
        return len(times)

    # --- the ticker ----------------------------------------------------------------------

    def tick(self, now: float) -> list[Change]:
        """Sweep steps, reconnect windows sliding, tests given up; called on the loop."""
        try:
            self.sweep.tick(now)
        except Exception:  # a sweep bug must not stop the floor
            log.exception("equipment sweep step failed")
        for link, times in self._reconnects.items():
            key = "link/" + link
            count = self._recent(times, now)
            item = self.floor.get(key)
            if item is not None and item.get("reconnects_1h", 0) != count:
                self._merge(key, {"reconnects_1h": count})
        for book, limit in ((self.pending, TEST_GIVE_UP_S), (self.fax_tests, FAX_TEST_GIVE_UP_S)):
            for test, origin in list(book.items()):
                if now - origin.started_at > limit:
                    del book[test]
                    self._give_up(origin, now, book is self.fax_tests)
        return self.changes()

    def _give_up(self, origin: Origin, now: float, fax: bool) -> None:
        detail = f"{origin.kind} test gave no result within {now - origin.started_at:.0f} s"
        if fax:
            self._complete_fax(origin, False, detail, dict(origin.measured), now)
            return
        value = self._test_value(origin, "failed")
        value.update(finished_at=now, detail=detail)
        self._publish_test(origin.test, value)
        if origin.sweep:
            self.sweep.finished(origin, False, detail)

    # --- floor keys ----------------------------------------------------------------------

    def _merge(self, key: str, fields: dict[str, Any]) -> None:
        old = self.floor.get(key)
        if old is not None and any(old.get(k) != v for k, v in fields.items()):
            self.floor.set(key, {**old, **fields})
            self._dirty[key] = None

    def _sync_note(self, target: str) -> None:
        for prefix in ("channel/", "trunk/", "board/"):
            if self.floor.get(prefix + target) is not None:
                self._merge(prefix + target, {"out_of_service": self.out_of_service.get(target)})
                return

    def _test_value(self, origin: Origin, state: str) -> dict[str, Any]:
        return {"id": origin.test, "kind": origin.kind, "target": origin.target,
                "board": origin.board, "by": origin.by, "state": state,
                "started_at": origin.started_at, "finished_at": None, "detail": "",
                "measured": {}, "sweep": origin.sweep}

    def _publish_test(self, test: str, value: dict[str, Any]) -> None:
        key = "test/" + test
        if self.floor.get(key) is None:
            self._test_keys.append(key)
        self.floor.set(key, value)
        self._dirty[key] = None
        while len(self._test_keys) > MAX_TEST_KEYS:
            gone = self._test_keys.popleft()
            self.floor.set(gone, None)
            self._dirty[gone] = None

    def publish_sweep(self, value: dict[str, Any]) -> None:
        self.floor.set(SWEEP_KEY, value)
        self._dirty[SWEEP_KEY] = None
