"""Today's campaign: start / pause, why it is slowed, the day's figures, the chart of calls
through the day beside the inbound service level, and the suspension files to export."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.common.plots import still_plot
from console.screens.dunning.labels import (
    FILES,
    HELD,
    PACES,
    TILES,
    clock,
    label,
    number,
    percent,
)

COLOURS = ("#4e79a7", "#59a14f", "#f28e2b")
PACED_COLOUR = "#e15759"
BUCKET_S = 1800.0  # the dialer's chart bucket (switchlink.services.dunning.dialer)


class CampaignChart(QWidget):
    """Bars of dunning calls per half hour; beside them the inbound 15-minute SL of the centre
    and of the queue the pacer watches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls, self.sl = still_plot(200), still_plot(200)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calls, 3)
        layout.addWidget(self.sl, 2)
        self.legend = self.calls.getPlotItem().addLegend(offset=(-10, 10))
        self.bars = [pg.BarGraphItem(x=[], height=[], width=0.26, brush=c, pen=None)
                     for c in COLOURS]
        for bar in self.bars:
            self.calls.addItem(bar)
        self.sl_legend = self.sl.getPlotItem().addLegend(offset=(-10, -10))
        self.sl_curve = self.sl.plot(pen=pg.mkPen(COLOURS[0], width=2), symbol="o",
                                     symbolSize=5, symbolBrush=COLOURS[0], connect="finite")
        # the queue the pacer watches, at its lowest in each half hour: why the dialer slowed
        self.paced_curve = self.sl.plot(pen=pg.mkPen(PACED_COLOUR, width=2,
                                                     style=Qt.PenStyle.DashLine),
                                        symbol="t", symbolSize=6, symbolBrush=PACED_COLOUR,
                                        connect="finite")
        self.sl.setYRange(0, 100, padding=0)
        self.series: list[dict[str, Any]] = []
        self.retranslate_ui()

    def set_series(self, series: list[dict[str, Any]], zone: str = "") -> None:
        """One slot per half hour since the first; a half hour with no sample stays a gap."""
        self.series = list(series)
        t0 = series[0]["t"] if series else 0.0
        xs = [round((s["t"] - t0) / BUCKET_S) for s in series]
        for i, (bar, key) in enumerate(zip(self.bars, ("dialed", "answered", "delivered"),
                                           strict=True)):
            bar.setOpts(x=[x + (i - 1) * 0.28 for x in xs], height=[s[key] for s in series])
        self.sl_curve.setData(xs, [float("nan") if s.get("sl") is None else s["sl"] * 100
                                   for s in series])
        self.paced_curve.setData(xs, [float("nan") if s.get("paced_sl") is None
                                      else s["paced_sl"] * 100 for s in series])
        top = max([s["dialed"] for s in series] + [1])
        span = (xs[-1] + 1) if xs else 1
        self.calls.setYRange(0, top * 1.15, padding=0)
        self.calls.setXRange(-0.7, max(0, span - 0.3), padding=0)
        self.sl.setXRange(-0.5, max(0.5, span - 0.5), padding=0)
        step = max(1, span // 8)
        ticks = [(x, clock(t0 + x * BUCKET_S, zone=zone)) for x in range(0, span, step)]
        for plot in (self.calls, self.sl):
            plot.getPlotItem().getAxis("bottom").setTicks([ticks])

    def retranslate_ui(self) -> None:
        self.calls.setTitle(self.tr("Dunning calls per half hour"))
        self.sl.setTitle(self.tr("Inbound service level, 15 minutes (%)"))
        self.legend.clear()
        names = (self.tr("Dialed"), self.tr("Answered"), self.tr("Notices delivered"))
        for bar, name in zip(self.bars, names, strict=True):
            self.legend.addItem(bar, name)
        self.sl_legend.clear()
        self.sl_legend.addItem(self.sl_curve, self.tr("Centre"))
        self.sl_legend.addItem(self.paced_curve, self.tr("Queue pacing the dialer (lowest)"))


class CampaignPanel(QWidget):
    start_clicked = Signal()
    pause_clicked = Signal()
    export_clicked = Signal(str, str)  # kind, day (YYYY-MM-DD)
    import_clicked = Signal()
    run_day_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: dict[str, Any] = {}
        self._day_set = False
        self.state = QLabel(self)
        self.state.setObjectName("dunningState")
        self.why = QLabel(self)
        self.why.setObjectName("dunningWhy")
        self.why.setWordWrap(True)
        self.start = QPushButton(self)
        self.pause = QPushButton(self)
        self.run_day = QPushButton(self)
        self.start.clicked.connect(self.start_clicked)
        self.pause.clicked.connect(self.pause_clicked)
        self.run_day.clicked.connect(self.run_day_clicked)
        self.tiles: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        for col, key in enumerate(TILES):
            box = QFrame(self)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            value, caption = QLabel("0", box), QLabel(box)
            value.setObjectName("dunningTile_" + key)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 2.2)
            font.setBold(True)
            value.setFont(font)
            inner = QVBoxLayout(box)
            inner.addWidget(value)
            inner.addWidget(caption)
            grid.addWidget(box, 0, col)
            self.tiles[key] = (value, caption)
        self.chart = CampaignChart(self)
        self.held = QLabel(self)
        self.held.setWordWrap(True)
        self.file_kind = QComboBox(self)
        self.file_day = QDateEdit(self)
        self.file_day.setCalendarPopup(True)
        self.file_day.setDate(QDate.currentDate())
        self.export = QPushButton(self)
        self.export.clicked.connect(lambda: self.export_clicked.emit(
            self.file_kind.currentData(), self.file_day.date().toString("yyyy-MM-dd")))
        self.import_payments = QPushButton(self)
        self.import_payments.clicked.connect(self.import_clicked)
        self.files_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        for b in (self.start, self.pause, self.run_day):
            top.addWidget(b)
        files = QHBoxLayout()
        files.addWidget(self.files_label)
        files.addWidget(self.file_kind)
        files.addWidget(self.file_day)
        files.addWidget(self.export)
        files.addStretch(1)
        files.addWidget(self.import_payments)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.why)
        layout.addLayout(grid)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.held)
        layout.addLayout(files)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.start.setText(self.tr("Start campaign"))
        self.pause.setText(self.tr("Pause campaign"))
        self.run_day.setText(self.tr("Run today's plan"))
        self.export.setText(self.tr("Export file…"))
        self.import_payments.setText(self.tr("Import payments…"))
        self.files_label.setText(self.tr("Suspension files:"))
        current = self.file_kind.currentData()
        self.file_kind.clear()
        for key in FILES:
            self.file_kind.addItem(label(FILES, key), key)
        self.file_kind.setCurrentIndex(max(0, self.file_kind.findData(current)))
        for key, (_, caption) in self.tiles.items():
            caption.setText(label(TILES, key))
        self.chart.retranslate_ui()
        self.show_status(self.status)

    def show_status(self, status: dict[str, Any]) -> None:
        self.status = status
        if not status:
            self.state.setText(self.tr("Waiting for switchlink…"))
            self.why.setText("")
            return
        running = status.get("running")
        window = status.get("window") or [0, 0]
        zone = status.get("timezone", "")
        day_note = "" if status.get("open_day", True) else self.tr(" · closed day: no calls")
        self.state.setText(
            (self.tr("Campaign running") if running else self.tr("Campaign paused"))
            + self.tr(" · %1 · window %2–%3").replace("%1", status.get("day", ""))
            .replace("%2", clock(window[0], zone=zone))
            .replace("%3", clock(window[1], zone=zone)) + day_note)
        self.start.setEnabled(self.start.property("allowed") is not False and not running)
        self.pause.setEnabled(self.pause.property("allowed") is not False and bool(running))
        self.why.setText(self.why_text(status))
        counts = status.get("counts", {})
        for key, (value, _) in self.tiles.items():
            value.setText(number(counts.get(key, 0)))
        self.chart.set_series(status.get("series", []), zone)
        if not self._day_set and status.get("day"):
            self._day_set = True  # the file day follows the campaign's day (site time)
            self.file_day.setDate(QDate.fromString(status["day"], "yyyy-MM-dd"))
        held = status.get("held", {})
        parts = [f"{label(HELD, k)} {number(v)}" for k, v in sorted(held.items()) if v]
        self.held.setText(
            self.tr("Queued %1 · in flight %2 · manual seat %3").replace(
                "%1", number(status.get("queued", 0))).replace(
                "%2", number(status.get("in_flight", 0))).replace(
                "%3", number(status.get("manual", 0)))
            + ("  ·  " + self.tr("Not called today: %1").replace("%1", ", ".join(parts))
               if parts else ""))

    def why_text(self, status: dict[str, Any]) -> str:
        """Why the dialer is where it is, in one line a supervisor can act on."""
        if not status.get("running"):
            if not status.get("by"):  # nobody started it yet (or since the campaign began)
                return self.tr("Not started: Start campaign dials today's plan.")
            return self.tr("Paused by %1.").replace("%1", status["by"])
        if not status.get("open_day", True):
            return self.tr("The site declared today closed: no dunning calls.")
        if not status.get("in_window"):
            return self.tr("Outside the dialing window: calls start again at %1.").replace(
                "%1", clock((status.get("window") or [0])[0], zone=status.get("timezone", "")))
        pace = status.get("pace", "running")
        channels = self.tr("%1 of %2 channels").replace("%1", number(status.get("channels", 0))) \
            .replace("%2", number(status.get("max_channels", 0)))
        why = status.get("why") or {}
        if pace == "running" or not why.get("queue"):
            return f"{label(PACES, pace)} · {channels}"
        return self.tr("%1 · %2: queue %3's 15-minute service level is %4, target %5").replace(
            "%1", label(PACES, pace)).replace("%2", channels).replace(
            "%3", why["queue"]).replace("%4", percent(why.get("service_level"))).replace(
            "%5", percent(why.get("target")))
