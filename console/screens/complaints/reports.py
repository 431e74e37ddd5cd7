"""Reports by classification, cause and department: counts, on-time rate and satisfaction
rate for an hour, a day, a week or a month (S3 定期通报)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.complaints.labels import PERIODS, choice_label, fmt_rate, label
from console.screens.complaints.table_model import classification_text

GROUPS = ("classification", "cause", "department")


class ComplaintReports(QWidget):
    """One table per grouping, filled from ``complaints.report``."""

    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.data: dict[str, Any] = {}
        self.period = QComboBox(self)
        for key in PERIODS:
            self.period.addItem(label(PERIODS, key), key)
        self.period.setCurrentIndex(self.period.findData("daily"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.run = QPushButton(self)
        self.period_label, self.date_label = QLabel(self), QLabel(self)
        self.period_label.setBuddy(self.period)
        self.date_label.setBuddy(self.date)
        self.summary = QLabel(self)
        self.titles = {g: QLabel(self, objectName="panelTitle") for g in GROUPS}
        self.tables = {g: QTableWidget(0, 4, self) for g in GROUPS}
        for table in self.tables.values():
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        for w in (self.period_label, self.period, self.date_label, self.date, self.run):
            top.addWidget(w)
        top.addWidget(self.summary, 1)
        grid = QGridLayout()
        for i, g in enumerate(GROUPS):
            grid.addWidget(self.titles[g], 0, i)
            grid.addWidget(self.tables[g], 1, i)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.run.clicked.connect(self.refresh)
        self.period.currentIndexChanged.connect(lambda *_: self.refresh())
        self.date.dateChanged.connect(lambda *_: self.refresh())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.period_label.setText(self.tr("&Period"))
        self.date_label.setText(self.tr("&Date"))
        self.run.setText(self.tr("Refresh"))
        for i in range(self.period.count()):
            self.period.setItemText(i, label(PERIODS, self.period.itemData(i)))
        names = {"classification": self.tr("By classification"), "cause": self.tr("By cause"),
                 "department": self.tr("By department")}
        for g in GROUPS:
            self.titles[g].setText(names[g])
            self.tables[g].setHorizontalHeaderLabels(
                [{"classification": self.tr("Classification"), "cause": self.tr("Cause"),
                  "department": self.tr("Department")}[g], self.tr("Orders"),
                 self.tr("On time"), self.tr("Satisfied")])
        self.show_report(self.data)

    def args(self) -> dict[str, Any]:
        return {"period": self.period.currentData(),
                "date": self.date.date().toString("yyyy-MM-dd")}

    def refresh(self, *_: object) -> None:
        if str(getattr(self.bridge.client, "link_status", "live")) != "live":
            return
        self.bridge.client.command("complaints.report", self.args(),
                                   on_success=self.show_report,
                                   on_failure=lambda err: self.summary.setText(err.message))

    def show_report(self, data: Any) -> None:
        self.data = data if isinstance(data, dict) else {}
        total = 0
        for g in GROUPS:
            rows = self.data.get("by_" + g) or []
            table = self.tables[g]
            table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                key = row.get("key", "")
                name = classification_text(key) if g == "classification" \
                    else choice_label(str(key))
                texts = (name or self.tr("(not given)"), str(row.get("count", 0)),
                         fmt_rate(row.get("on_time_rate")), fmt_rate(row.get("satisfaction_rate")))
                for j, text in enumerate(texts):
                    table.setItem(i, j, QTableWidgetItem(text))
            if g == "classification":
                total = sum(int(r.get("count", 0)) for r in rows)
        self.summary.setText(self.tr("%1 orders in the period").replace("%1", str(total))
                             if self.data else "")
