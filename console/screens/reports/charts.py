"""The report's two charts: calls per interval (offered, answered, abandoned) and the service
level per interval against the 85 % target, with tick labels in the UI language."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QHBoxLayout, QWidget

from console.common.plots import still_plot
from console.screens.reports.labels import translate

COLOURS = ("#4e79a7", "#59a14f", "#e15759")
#: tick format per report kind (Qt date patterns; the day and month follow the locale)
TICKS = {"hourly": "HH:mm", "daily": "HH", "weekly": "ddd", "monthly": "d"}


class ReportCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume = still_plot(180)
        self.sl = still_plot(180)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.volume, 3)
        layout.addWidget(self.sl, 2)
        self.legend = self.volume.getPlotItem().addLegend(offset=(-10, 10))
        self.bars = [pg.BarGraphItem(x=[], height=[], width=0.26, brush=c, pen=None)
                     for c in COLOURS]
        for bar in self.bars:
            self.volume.addItem(bar)
        self.sl_curve = self.sl.plot(pen=pg.mkPen(COLOURS[0], width=2), symbol="o",
                                     symbolSize=5, symbolBrush=COLOURS[0], connect="finite")
        dashed = pg.mkPen(COLOURS[2], style=pg.QtCore.Qt.PenStyle.DashLine)
        self.target = pg.InfiniteLine(85.0, angle=0, pen=dashed)
        self.sl.addItem(self.target)
        self.sl.setYRange(0, 100, padding=0)
        self.series: list[dict[str, Any]] = []
        self.kind = "daily"
        self.retranslate_ui()

    def set_series(self, kind: str, series: list[dict[str, Any]]) -> None:
        self.kind, self.series = kind, list(series)
        xs = list(range(len(series)))
        for i, (bar, key) in enumerate(zip(self.bars, ("offered", "answered", "abandoned"),
                                           strict=True)):
            bar.setOpts(x=[x + (i - 1) * 0.28 for x in xs], height=[s[key] for s in series])
        sl = [float("nan") if s["service_level"] is None else s["service_level"] * 100
              for s in series]
        if any(v == v for v in sl):  # NaN != NaN: a bucket without calls is a gap
            self.sl_curve.setData(xs, sl)
        else:
            self.sl_curve.setData([], [])
        top = max([s["offered"] for s in series] + [1])
        self.volume.setYRange(0, top * 1.15, padding=0)
        self.volume.setXRange(-0.7, max(0, len(series) - 0.3), padding=0)
        self.sl.setXRange(-0.5, max(0.5, len(series) - 0.5), padding=0)
        self._ticks()

    def _ticks(self) -> None:
        locale, pattern = QLocale(), TICKS.get(self.kind, "HH")
        step = max(1, len(self.series) // 12)
        ticks = [(i, locale.toString(QDateTime.fromSecsSinceEpoch(round(s["start"])), pattern))
                 for i, s in enumerate(self.series) if i % step == 0]
        for plot in (self.volume, self.sl):
            plot.getPlotItem().getAxis("bottom").setTicks([ticks])

    def retranslate_ui(self) -> None:
        self.volume.setTitle(translate("ReportsScreen", "Calls per interval"))
        self.sl.setTitle(translate("ReportsScreen", "Service level per interval (%)"))
        self.legend.clear()
        for bar, name in zip(self.bars, (
                translate("ReportsScreen", "Offered"), translate("ReportsScreen", "Answered"),
                translate("ReportsScreen", "Abandoned")),
                             strict=True):
            self.legend.addItem(bar, name)
        if self.series:
            self._ticks()

    def apply_theme(self, theme: str) -> None:
        background, foreground = ("#101418", "#e0e0e0") if theme == "dark" else ("#ffffff",
                                                                                 "#202020")
        for plot in (self.volume, self.sl):
            plot.setBackground(background)
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                item.getAxis(name).setPen(foreground)
                item.getAxis(name).setTextPen(foreground)
            item.titleLabel.opts["color"] = foreground
        self.retranslate_ui()
