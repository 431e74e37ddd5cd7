"""The workforce tab: the S1 monthly planning view beside the forecast of the coming days and
the staffing now (the same ``staffing/…`` figures the wall-board shows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.screen import Screen
from console.screens.workforce.forecast_table import ForecastTable
from console.screens.workforce.planning import PlanningForm


class WorkforceScreen(Screen):
    """Planning (a calculator: nothing sent to switchlink) and the forecast (read only)."""

    def __init__(self, bridge: ClientBridge, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("workforce")
        self.planning = PlanningForm(self)
        self.forecast_title = QLabel(self, objectName="panelTitle")
        self.forecast = ForecastTable(bridge.mirror, self)
        self.now_title = QLabel(self, objectName="panelTitle")
        self.now = QLabel(self, wordWrap=True, objectName="workforceNow")
        self.now.setTextFormat(Qt.TextFormat.PlainText)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.forecast_title, self.forecast, self.now_title, self.now):
            column.addWidget(widget)
        column.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.planning)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        bridge.changed.connect(self.apply_frame)
        bridge.resynced.connect(self.refresh)
        self.retranslate_ui()

    def apply_frame(self, keys: set[str]) -> None:
        if any(k.startswith("staffing/") for k in keys):
            self.refresh()

    def refresh(self) -> None:
        self.forecast.refresh()
        lines = []
        for _, record in sorted(self.bridge.mirror.items("staffing/queue/").items()):
            needed = record.get("required")
            lines.append(self.tr("{queue}: needed {needed}, staffed {staffed}").format(
                queue=record.get("name", ""), needed="–" if needed is None else needed,
                staffed=record.get("available", 0)))
        self.now.setText("\n".join(lines) or self.tr("No staffing figures yet"))

    def retranslate_ui(self) -> None:
        self.forecast_title.setText(self.tr("Forecast: today and the coming days"))
        self.forecast_title.setToolTip(self.tr(
            "Forecast calls per half hour (mean of the same weekday and half hour over the "
            "last four weeks, scaled by today's level so far) and the agents Erlang C needs "
            "for them"))
        self.now_title.setText(self.tr("Staffing now (Erlang C)"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
