"""The volume forecast of today and the coming days, as switchlink publishes it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QTime
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from models.workforce.forecast import HALF_HOUR_S


class ForecastTable(QTableWidget):
    """One row a day: calls forecast, the busiest half hour and its calls, today's level."""

    def __init__(self, mirror: Any, parent: Any = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("forecastDays")
        self.mirror = mirror
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.retranslate_ui()

    def refresh(self) -> None:
        days = (self.mirror.get("staffing/center") or {}).get("days") or []
        locale = QLocale()
        self.setRowCount(len(days))
        for row, day in enumerate(days):
            offered = [float(x) for x in day.get("offered") or []]
            when = date.fromisoformat(day["day"])
            qdate = QDate(when.year, when.month, when.day)
            peak = max(range(len(offered)), key=offered.__getitem__) if offered else 0
            start = QTime(0, 0).addSecs(peak * HALF_HOUR_S)
            day_text = (locale.toString(qdate, QLocale.FormatType.ShortFormat) + " "
                        + locale.dayName(qdate.dayOfWeek(), QLocale.FormatType.ShortFormat))
            if day.get("basis") == "none":  # no stored day before it: not "0 calls"
                cells = (day_text, self.tr("No history yet"), "—", "—")
                for column, text in enumerate(cells):
                    self.setItem(row, column, QTableWidgetItem(text))
                continue
            cells = (
                day_text,
                locale.toString(sum(offered), "f", 0),
                self.tr("{time}: {calls} calls").format(
                    time=locale.toString(start, QLocale.FormatType.ShortFormat),
                    calls=locale.toString(offered[peak] if offered else 0.0, "f", 0)),
                locale.toString(float(day.get("level", 1.0)) * 100, "f", 0) + "%",
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))

    def today_offered(self) -> list[float]:
        days = (self.mirror.get("staffing/center") or {}).get("days") or []
        return [float(x) for x in days[0].get("offered") or []] if days else []

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Calls forecast"),
                                        self.tr("Busiest half hour"), self.tr("Today's level")])
        self.horizontalHeaderItem(3).setToolTip(self.tr(
            "Calls so far today ÷ the forecast for the same half hours; the rest of today is "
            "scaled by it (0.5–2)"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

