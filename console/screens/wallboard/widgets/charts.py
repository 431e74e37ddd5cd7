"""Live charts (pyqtgraph): offered/answered per half hour, service level, calls waiting."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QTimer,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

#: One redraw a second, whatever the data rate (pyqtgraph scrollingPlots pattern).
REDRAW_MS = 1000
WAITING_WINDOW_S = 3600  # calls waiting: last 60 minutes, one point a second
SL_WINDOW_S = 4 * 3600  # service level: last hours, one point every SL_STEP_S
SL_STEP_S = 10.0
#: Counts never go below 0: the y axis starts at 0 and grows above the data (at least this).
MIN_TOP_WAITING = 5.0
MIN_TOP_VOLUME = 10.0


def count_range(values: np.ndarray | list[float], min_top: float) -> tuple[float, float]:
    """0 to a little above the largest value: counts and waiting never go below zero, and an
    empty chart reads 0..min_top instead of pyqtgraph's -0.4..0.4."""
    top = float(np.max(values)) if len(values) else 0.0
    return 0.0, max(min_top, top * 1.1)


class RingBuffer:
    """Preallocated (time, value) ring: appends are O(1), no per-sample allocation."""

    def __init__(self, capacity: int) -> None:
        self.t = np.zeros(capacity)
        self.y = np.zeros(capacity)
        self.capacity = capacity
        self.size = 0
        self._next = 0

    def append(self, t: float, y: float) -> None:
        self.t[self._next] = t
        self.y[self._next] = y
        self._next = (self._next + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def set_last(self, y: float) -> None:
        """Replace the newest value (a newer reading within the same second)."""
        if self.size:
            self.y[(self._next - 1) % self.capacity] = y

    def last_t(self) -> float | None:
        return None if not self.size else float(self.t[(self._next - 1) % self.capacity])

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Oldest to newest copies of the held points."""
        if self.size < self.capacity:
            return self.t[:self.size].copy(), self.y[:self.size].copy()
        order = np.r_[self._next:self.capacity, 0:self._next]
        return self.t[order], self.y[order]


#: pyqtgraph's strftime tick formats -> Qt date formats in the UI language (context "ChartAxis");
#: strftime wrote English ("Mon 30") on the Chinese chart, whatever the UI language
_AXIS_FORMATS = {
    "%a %d": QT_TRANSLATE_NOOP("ChartAxis", "ddd d"),
    "%d": QT_TRANSLATE_NOOP("ChartAxis", "d"),
    "%b": QT_TRANSLATE_NOOP("ChartAxis", "MMM"),
    "%Y": QT_TRANSLATE_NOOP("ChartAxis", "yyyy"),
    "%H:%M": "HH:mm",
    "%H:%M:%S": "HH:mm:ss",
}


class LocalizedDateAxis(pg.DateAxisItem):
    """Time axis whose day and month names follow the UI language (QLocale's default)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        pattern = _AXIS_FORMATS.get(spec.format) if spec is not None else None
        if pattern is None:
            return super().tickStrings(values, scale, spacing)
        fmt = QCoreApplication.translate("ChartAxis", pattern)
        locale = QLocale()
        return [locale.toString(QDateTime.fromSecsSinceEpoch(round(v)), fmt)
                for v in values]


def _plot(parent: QWidget) -> pg.PlotWidget:
    widget = pg.PlotWidget(parent, axisItems={"bottom": LocalizedDateAxis()})
    item = widget.getPlotItem()
    item.setClipToView(True)
    item.setDownsampling(auto=True, mode="peak")
    item.showGrid(x=False, y=False)
    item.setMenuEnabled(False)
    widget.setMouseEnabled(x=False, y=False)
    return widget


class ChartsPanel(QWidget):
    """Three charts fed by :meth:`sample` and redrawn together by one timer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: type scale for the wall's size (1.0 = 1080p), set by the main window
        self.type_scale = 1.0
        self.volume = _plot(self)
        self.sl = _plot(self)
        self.waiting = _plot(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for plot in (self.volume, self.sl, self.waiting):
            layout.addWidget(plot)
        self.offered_bars = pg.BarGraphItem(x=[], height=[], width=1500, brush="#42a5f5")
        self.answered_bars = pg.BarGraphItem(x=[], height=[], width=900, brush="#66bb6a")
        self.volume.addItem(self.offered_bars)
        self.volume.addItem(self.answered_bars)
        self.sl_curve = self.sl.plot(pen=pg.mkPen("#ffca28", width=2))
        self.sl_target = pg.InfiniteLine(angle=0, pen=pg.mkPen("#ef5350", style=pg.QtCore.Qt
                                                               .PenStyle.DashLine))
        self.sl_target.setValue(85.0)  # S2 default target until the metrics say otherwise
        self.sl.addItem(self.sl_target)
        self.sl.setYRange(0, 100)
        self.volume.setYRange(*count_range([], MIN_TOP_VOLUME), padding=0)
        self.waiting.setYRange(*count_range([], MIN_TOP_WAITING), padding=0)
        self.waiting_curve = self.waiting.plot(pen=pg.mkPen("#29b6f6", width=2))
        self.waiting_ring = RingBuffer(WAITING_WINDOW_S)
        self.sl_ring = RingBuffer(int(SL_WINDOW_S / SL_STEP_S))
        self.halfhours: tuple[list[float], list[float], list[float]] = ([], [], [])
        #: the time axis follows this clock: the switch's (simulated time on the emulator)
        self.clock: Callable[[], float] = time.time
        self._dirty = False
        self.redraws = 0
        self._scroll(time.time())
        self._timer = QTimer(self, interval=REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self._timer.start()
        self.retranslate_ui()

    def sample(self, metrics: dict[str, Any], now: float | None = None) -> None:
        """Take one point of the centre metrics (each metrics tick; at most one a second: a
        newer reading within the second replaces the newest point, so the line ends on the
        value the tile shows)."""
        now = self.clock() if now is None else now
        if metrics.get("waiting") is not None:
            newest = self.waiting_ring.last_t()
            if newest is not None and 0 <= now - newest < 1.0:
                self.waiting_ring.set_last(float(metrics["waiting"]))
            else:
                self.waiting_ring.append(now, float(metrics["waiting"]))
            self._dirty = True
        last = self.sl_ring.last_t()
        sl = metrics.get("service_level_15m", metrics.get("service_level_today"))
        if sl is not None and (last is None or now - last >= SL_STEP_S):
            self.sl_ring.append(now, float(sl) * 100)
            self._dirty = True

    def set_intervals(self, intervals: list[dict[str, Any]], current: dict[str, Any]
                      | None = None) -> None:
        """Half-hourly offered / answered today from ``metrics/history/center`` intervals
        (each with ``start``), plus the interval in progress from ``metrics/center``."""
        rows = [(float(r.get("start") or 0), float(r.get("offered") or 0),
                 float(r.get("answered") or 0)) for r in intervals if r.get("start")]
        if current and current.get("interval_start"):
            rows.append((float(current["interval_start"]),
                         float(current.get("offered_interval") or 0),
                         float(current.get("answered_interval") or 0)))
        new = ([r[0] + 900 for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        if new != self.halfhours:
            self.halfhours = new
            self._dirty = True

    def _scroll(self, now: float) -> None:
        """Fixed time windows ending now, so an empty or young chart still reads as time."""
        self.waiting.setXRange(now - WAITING_WINDOW_S, now, padding=0)
        self.sl.setXRange(now - SL_WINDOW_S, now, padding=0)
        self.volume.setXRange(now - 8 * 3600, now + 1800, padding=0)

    def redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.redraws += 1
        self._scroll(self.waiting_ring.last_t() or self.clock())
        t, waiting = self.waiting_ring.arrays()
        self.waiting_curve.setData(t, waiting)
        self.waiting.setYRange(*count_range(waiting, MIN_TOP_WAITING), padding=0)
        self.sl_curve.setData(*self.sl_ring.arrays())
        slots, offered, answered = self.halfhours
        self.offered_bars.setOpts(x=slots[:len(offered)], height=offered)
        self.answered_bars.setOpts(x=slots[:len(answered)], height=answered)
        self.volume.setYRange(*count_range(offered + answered, MIN_TOP_VOLUME), padding=0)

    def apply_theme(self, dark: bool) -> None:
        background, foreground = ("#101418", "#e0e0e0") if dark else ("#ffffff", "#202020")
        for plot in (self.volume, self.sl, self.waiting):
            plot.setBackground(background)
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                item.getAxis(name).setPen(foreground)
                item.getAxis(name).setTextPen(foreground)
            item.titleLabel.opts["color"] = foreground
        self.retranslate_ui()

    def set_type_scale(self, scale: float) -> None:
        """Axis and title type for the wall's size (1.0 = 1080p)."""
        self.type_scale = scale
        font = QFont()
        font.setPixelSize(round(12 * scale))
        for plot in (self.volume, self.sl, self.waiting):
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                item.getAxis(name).setStyle(tickFont=font)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        size = f"{round(11 * self.type_scale)}pt"
        for plot in (self.volume, self.sl, self.waiting):  # tick labels in the new language
            plot.getPlotItem().getAxis("bottom").picture = None
            plot.getPlotItem().getAxis("bottom").update()
        self.volume.setTitle(self.tr("Offered (blue) and answered (green) per half hour"),
                             size=size)
        self.sl.setTitle(self.tr("Service level %, last 4 hours"), size=size)
        self.waiting.setTitle(self.tr("Calls waiting, last 60 minutes"), size=size)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
