"""The nightly sweep: a loopback test on every idle channel, one channel per board at a time.

Never on a busy channel: a channel that is not idle when its turn comes is passed over and
tried once more at the end of the sweep; still not idle, it is reported as skipped. A failed
test raises the ``channel_test_failed_s`` equipment alarm through the alarm engine (the
analytics see the same ``TestCompleted`` event). The time of day is the daemon's
``sweep_at`` setting, read on the switch's clock (the emulator's simulated night).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from switchlink.adapters.errors import AdapterError

if TYPE_CHECKING:
    from switchlink.services.maintenance.desk import MaintenanceDesk, Origin

NIGHTLY_BY = "nightly sweep"
#: failures listed in the sweep summary at most (all are in the test history)
MAX_LISTED = 50


def parse_sweep_at(text: str | None) -> tuple[int, int] | None:
    """``"HH:MM"`` -> (hour, minute); ``None`` / ``"off"`` -> None; ValueError otherwise."""
    if text is None or text.strip().lower() == "off":
        return None
    hh, sep, mm = text.strip().partition(":")
    if not (sep and hh.isdigit() and mm.isdigit() and len(mm) == 2
            and 0 <= int(hh) <= 23 and 0 <= int(mm) <= 59):
        raise ValueError(f"sweep_at must be a time of day HH:MM (e.g. 02:00) or off, "
                         f"got {text!r}")
    return int(hh), int(mm)


def next_occurrence(now: float, at: tuple[int, int]) -> float:
    """The first local ``at`` strictly after ``now`` (epoch seconds)."""
    today = datetime.fromtimestamp(now).replace(hour=at[0], minute=at[1], second=0,
                                                microsecond=0)
    due = today if today.timestamp() > now else today + timedelta(days=1)
    return due.timestamp()


class Sweep:
    """State of the sweep: scheduled time, the run in progress, the last run's summary."""

    def __init__(self, desk: MaintenanceDesk, at: str | None) -> None:
        self.desk = desk
        self.at_text = at if at and at.strip().lower() != "off" else None
        self.at = parse_sweep_at(at)
        self.next_at: float | None = None
        self.run: dict[str, Any] | None = None
        self.last: dict[str, Any] | None = None
        self._queues: dict[str, deque[str]] = {}
        self._active: dict[str, str] = {}
        self._second_pass: list[str] = []
        self._retrying = False

    @property
    def running(self) -> bool:
        return self.run is not None

    def start(self, by: str, now: float) -> dict[str, Any]:
        """Begin a sweep over every channel; ValueError if one is already running."""
        if self.run is not None:
            raise ValueError(f"a sweep is already running (started by {self.run['by']})")
        channels = sorted(
            (str(v.get("board", "")), str(v.get("id", k[len("channel/"):])))
            for k, v in self.desk.floor.items("channel/"))
        self._queues = {}
        for board, channel in channels:
            self._queues.setdefault(board, deque()).append(channel)
        self._active, self._second_pass, self._retrying = {}, [], False
        self.run = {"state": "running", "by": by, "started_at": now, "finished_at": None,
                    "channels": len(channels), "tested": 0, "passed": 0, "failed": 0,
                    "skipped": 0, "failures": [], "skipped_channels": []}
        self._step(now)
        self._publish()
        return dict(self.run)

    def tick(self, now: float) -> None:
        if self.at is not None:
            if self.next_at is None:
                self.next_at = next_occurrence(now, self.at)
                self._publish()
            elif now >= self.next_at:
                self.next_at = next_occurrence(now, self.at)
                if self.run is None:
                    self.start(NIGHTLY_BY, now)
                else:
                    self._publish()
        if self.run is not None:
            self._step(now)

    def finished(self, origin: Origin, passed: bool, detail: str) -> None:
        """A sweep test ended (the desk calls this)."""
        run = self.run
        if run is None:
            return
        if self._active.get(origin.board) == origin.test:
            del self._active[origin.board]
        run["tested"] += 1
        if passed:
            run["passed"] += 1
        else:
            run["failed"] += 1
            if len(run["failures"]) < MAX_LISTED:
                run["failures"].append({"channel": origin.target, "detail": detail})
        self._publish()

    def _step(self, now: float) -> None:
        run = self.run
        assert run is not None
        floor, adapter = self.desk.floor, self.desk.adapter
        for board, queue in self._queues.items():
            if board in self._active:
                continue
            while queue:
                channel = queue.popleft()
                status = (floor.get("channel/" + channel) or {}).get("status")
                if status != "idle":
                    self._pass_over(channel, str(status))
                    continue
                try:
                    test = adapter.loopback_test(channel)
                except AdapterError as exc:  # it got busy in between, or the link is down
                    self._pass_over(channel, str(exc))
                    continue
                self.desk.started(test, "loopback", channel, run["by"], sweep=True)
                self._active[board] = test
                break
        if self._active or any(self._queues.values()):
            return
        if self._second_pass and not self._retrying:
            self._retrying = True
            for channel in self._second_pass:
                board = str((floor.get("channel/" + channel) or {}).get("board", ""))
                self._queues.setdefault(board, deque()).append(channel)
            self._second_pass = []
            self._step(now)
            return
        run["state"], run["finished_at"] = "finished", now
        self.last, self.run = run, None
        self._publish()

    def _pass_over(self, channel: str, why: str) -> None:
        run = self.run
        assert run is not None
        if not self._retrying:
            self._second_pass.append(channel)
            return
        run["skipped"] += 1
        if len(run["skipped_channels"]) < MAX_LISTED:
            run["skipped_channels"].append({"channel": channel, "why": why})

    def value(self) -> dict[str, Any]:
        """The ``maintenance/sweep`` key: schedule, the run in progress, the last run."""
        return {"schedule": self.at_text, "next_at": self.next_at,
                "running": dict(self.run) if self.run else None,
                "last": dict(self.last) if self.last else None}

    def _publish(self) -> None:
        self.desk.publish_sweep(self.value())
