"""The effect of a fault announcement (S3): calls through the announced IVR menu per interval
in the hour before the notice and since, with the notice marked — do callers stop asking?

Opened when ``complaints.announce`` succeeds and again from the wall's "Effect…" button while
the notice is in force; it asks ``complaints.volume`` every :data:`REFRESH_MS`. Rates are per
interval so an hour before and ten minutes since compare fairly.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from console.common.plots import still_plot
from console.screens.complaints.labels import fmt_time

# how often the view asks for the volume again (switch time runs faster on the emulator)
REFRESH_MS = 15_000
# the window shown before the notice (switchlink's own ``VOLUME_BEFORE_S``)
BEFORE_S = 3600
BEFORE_BRUSH = pg.mkBrush("#9e9e9e")
AFTER_BRUSH = pg.mkBrush("#1e88e5")


def _num(value: float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def rates(rows: list[list[float]], notice_at: float, now: float,
          interval_s: float) -> tuple[float | None, float | None]:
    """Calls per interval before the notice and since it (None while nothing is known)."""
    before = [n for start, n in rows if start < notice_at]
    since = sum(n for start, n in rows if start >= notice_at)
    per_before = sum(before) / len(before) if before else None
    elapsed = max(0.0, now - notice_at)
    per_since = since / (elapsed / interval_s) if elapsed >= 60 else None
    return per_before, per_since


class AnnounceEffect(QDialog):
    """Non-modal: the supervisor keeps working with it open."""

    def __init__(self, bridge: Any, result: dict[str, Any], now: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("announceEffect")
        self.bridge, self.result, self.now = bridge, result, now
        volume = result.get("volume") or {}
        self.node = str(volume.get("node") or result.get("node") or "")
        self.interval_s = float(volume.get("interval_s") or 300)
        self.notice_at = float(volume.get("notice_at") or now() or 0.0)
        self.until = float((result.get("notice") or {}).get("until") or 0.0)
        self.rows: list[list[float]] = [list(r) for r in volume.get("before") or []]
        self.setWindowTitle(self.tr("Effect of the announcement"))
        self.setMinimumSize(620, 380)
        self.head = QLabel(self)
        self.head.setWordWrap(True)
        self.summary = QLabel(self, objectName="announceEffectSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.plot = still_plot(220)
        self.plot.setParent(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.show_rows()
        self.refresh()

    def in_force(self) -> bool:
        now = self.now()
        return now is None or now < self.until

    def refresh(self) -> None:
        now = self.now()
        if now is None or not self.node:
            return
        self.bridge.client.command(
            "complaints.volume",
            {"node": self.node, "since": self.notice_at - BEFORE_S, "until": now,
             "interval_s": int(self.interval_s)},
            on_success=self._volume, on_failure=lambda err: self.summary.setText(err.message))

    def _volume(self, data: Any) -> None:
        rows = (data or {}).get("rows") if isinstance(data, dict) else None
        if isinstance(rows, list):
            self.rows = [list(r) for r in rows if isinstance(r, list | tuple) and len(r) > 1]
            self.show_rows()

    def show_rows(self) -> None:
        self.head.setText(
            self.tr("Notice on %1 (menu %2) since %3, until %4. Calls through that menu per "
                    "%5 min: grey before, blue since.")
            .replace("%1", str(self.result.get("flow", ""))).replace("%2", self.node)
            .replace("%3", fmt_time(self.notice_at)).replace("%4", fmt_time(self.until))
            .replace("%5", _num(self.interval_s / 60, 0)))
        item = self.plot.getPlotItem()
        item.clear()
        item.setLabel("bottom", self.tr("minutes from the notice"))
        xs = [(start - self.notice_at) / 60 for start, _ in self.rows]
        heights = [float(n) for _, n in self.rows]
        brushes = [BEFORE_BRUSH if start < self.notice_at else AFTER_BRUSH
                   for start, _ in self.rows]
        if xs:
            width = self.interval_s / 60 * 0.85
            item.addItem(pg.BarGraphItem(x=[x + self.interval_s / 120 for x in xs],
                                         height=heights, width=width, brushes=brushes))
        item.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#d32f2f", width=2)))
        now = self.now()
        before, since = rates(self.rows, self.notice_at, float(now or self.notice_at),
                              self.interval_s)
        if before is None:
            self.summary.setText(self.tr("No call history for that menu yet."))
        elif since is None:
            self.summary.setText(self.tr("Before: %1 calls per %2 min. Since the notice: "
                                         "too early to say.")
                                 .replace("%1", _num(before))
                                 .replace("%2", _num(self.interval_s / 60, 0)))
        else:
            change = (since - before) / before * 100 if before else 0.0
            self.summary.setText(self.tr("Before: %1 calls per %2 min. Since the notice: %3 "
                                         "(%4 %).")
                                 .replace("%1", _num(before))
                                 .replace("%2", _num(self.interval_s / 60, 0))
                                 .replace("%3", _num(since))
                                 .replace("%4", ("+" if change > 0 else "") + _num(change, 0)))
        if not self.in_force():
            self._timer.stop()
