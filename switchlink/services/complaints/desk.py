"""The complaint desk inside the daemon: settings, the repository, the spike detector, and a
ticker that puts the deadline warnings and the spikes on the wall through the alarm engine.

Commands run on worker threads (they wait on the database) while the ticker runs on the
serving loop: the detector and the urges are shared under one lock, and only the ticker
writes the floor's live keys.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.complaints.deadlines import LEVELS
from models.complaints.lifecycle import RUNNING_STATES
from models.complaints.order import WorkOrder
from models.complaints.settings import ComplaintSettings, load_settings
from models.complaints.spikes import Spike, SpikeDetector, spike_key
from models.persistence.complaints import WorkOrderRepository
from models.persistence.database import Database

log = logging.getLogger(__name__)

SERVICE_KEY = "complaints"
WARNINGS_KEY = "complaints/warnings"
SPIKES_KEY = "complaints/spikes"
URGES_KEY = "complaints/urges"
DEADLINES_METRICS = "metrics/complaints/deadlines"
SPIKE_METRICS = "metrics/complaints/spike:"
#: how often the warning counts are read from the database (switch seconds)
WARNINGS_EVERY_S = 30.0
SPIKES_EVERY_S = 10.0
URGES_KEPT = 50


class ComplaintDesk:
    """Everything the complaint commands share; one per daemon."""

    def __init__(self, db: Database, settings: ComplaintSettings, clock: Callable[[], float],
                 *, floor: Any = None, alarms: Any = None) -> None:
        self.db = db
        self.repo = WorkOrderRepository(db)
        self.settings = settings
        self.clock = clock
        self.floor = floor
        self.alarms = alarms
        self._lock = threading.Lock()
        self.detector = SpikeDetector(settings.spikes)
        self.spikes: dict[str, Spike] = {}
        self._spike_alarm_ids: dict[str, str] = {}
        self.urges: deque[dict[str, Any]] = deque(maxlen=URGES_KEPT)
        self._urges_changed = False
        self._next_warnings = 0.0
        self._reader: threading.Thread | None = None
        self._warnings: dict[str, Any] | None = None
        self._next_spikes = 0.0
        self._warm(clock())

    def _warm(self, now: float) -> None:
        """After a restart the detector remembers the baseline from the database."""
        s = self.settings.spikes
        for classification, area, t in self.repo.arrivals(now - s.window_s - s.baseline_s):
            self.detector.add(spike_key(classification, area), t)

    # --- shared with the commands -----------------------------------------------------------

    def arrived(self, order: WorkOrder) -> None:
        with self._lock:
            self.detector.add(spike_key(order.classification, order.area), order.created_at)
            self._next_spikes = 0.0  # evaluate on the next tick

    def urged(self, order: WorkOrder, by: str, note: str, at: float) -> None:
        with self._lock:
            self.urges.appendleft({"id": order.id, "holder_department": order.holder_department,
                                   "priority": order.priority, "by": by, "at": at,
                                   "note": note})
            self._urges_changed = True

    def spike_list(self) -> list[dict[str, Any]]:
        with self._lock:
            spikes = list(self.spikes.values())
            alarm_ids = dict(self._spike_alarm_ids)
        out = []
        for sp in sorted(spikes, key=lambda x: x.p_value):
            classification, _, area = sp.key.rpartition("@")
            out.append({"key": sp.key, "classification": classification, "area": area,
                        "count": sp.count, "baseline": round(sp.expected, 3),
                        "p_value": sp.p_value, "surprise": round(sp.surprise, 2),
                        "since": sp.since, "alarm": alarm_ids.get(sp.key)})
        return out

    def warning_of(self, order: WorkOrder, now: float) -> str:
        if order.state not in RUNNING_STATES:
            return ""
        reached = ""
        for level in LEVELS:
            at = order.level_at.get(level)
            if at is not None and now >= at:
                reached = level
        return reached

    # --- the ticker (serving loop) --------------------------------------------------------

    def tick(self, now: float) -> list[Any]:
        """Warnings every 30 s (read on a thread, published on the next tick), spikes every
        10 s: live keys and alarm metrics."""
        changes: list[Any] = []
        metrics: dict[str, dict[str, Any]] = {}
        if now >= self._next_warnings and self._reader is None:
            self._next_warnings = now + WARNINGS_EVERY_S
            self._reader = threading.Thread(target=self._read_warnings, args=(now,),
                                            name="complaint-warnings", daemon=True)
            self._reader.start()
        with self._lock:
            warnings, self._warnings = self._warnings, None
        if warnings is not None:
            metrics[DEADLINES_METRICS] = {f"orders_{lv}": warnings["counts"][lv]
                                          for lv in LEVELS}
            changes += self._set(WARNINGS_KEY, warnings)
        if now >= self._next_spikes:
            self._next_spikes = now + SPIKES_EVERY_S
            with self._lock:
                found = self.detector.evaluate(now)
                gone = set(self.spikes) - set(found)
                self.spikes = found
            for key in gone:
                metrics[SPIKE_METRICS + key] = {"spike_surprise": 0.0}
            for key, spike in found.items():
                metrics[SPIKE_METRICS + key] = {"spike_surprise": round(spike.surprise, 2)}
        if metrics:
            self._evaluate(now, metrics)
            if any(k.startswith(SPIKE_METRICS) for k in metrics):
                changes += self._set(SPIKES_KEY, {"spikes": self.spike_list()})
        with self._lock:
            if self._urges_changed:
                self._urges_changed = False
                changes += self._set(URGES_KEY, list(self.urges))
        return changes

    def _read_warnings(self, now: float) -> None:
        """Off the serving loop: the counts are a database read (ms, but never on the loop)."""
        try:
            warnings = self.repo.warnings(now)
            warnings["at"] = now
            with self._lock:
                self._warnings = warnings
        except Exception:  # the database may be busy; the next round tries again
            log.exception("complaint warnings could not be read")
        finally:
            self._reader = None

    def wait_for_warnings(self, timeout: float = 10.0) -> None:
        """Tests and tools: let a warnings read in flight finish."""
        reader = self._reader
        if reader is not None:
            reader.join(timeout)

    def _set(self, key: str, value: Any) -> list[Any]:
        return [] if self.floor is None else self.floor.set(key, value)

    def _evaluate(self, now: float, metrics: dict[str, dict[str, Any]]) -> None:
        if self.alarms is None:
            return
        transitions = self.alarms.engine.evaluate(now, metrics)
        if transitions:
            self.alarms.on_transitions(transitions)
        ids = {}
        for alarm in self.alarms.engine.active():
            if alarm.scope.startswith("complaints:spike:"):
                ids[alarm.scope[len("complaints:spike:"):]] = alarm.id
        with self._lock:
            self._spike_alarm_ids = ids

    def spike_of_alarm(self, alarm_id: str) -> str | None:
        """The spike key (classification@area) a spike alarm watches, if it is one."""
        if self.alarms is None:
            return None
        for alarm in self.alarms.engine.active():
            if alarm.id == str(alarm_id) and alarm.scope.startswith("complaints:spike:"):
                return alarm.scope[len("complaints:spike:"):]
        return None


def load_site_settings(path: Path) -> ComplaintSettings:
    """The site's ``complaints.toml`` when there is one, else the bundled default; a file
    with a mistake raises :class:`SettingsError` naming the file and the field."""
    return load_settings(path if path.is_file() else None)
