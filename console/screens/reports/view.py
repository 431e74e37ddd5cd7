"""One report on screen: its period and definition, the charts, and a tab per table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.common.rows_model import Column, RowsModel
from console.screens.reports.charts import ReportCharts
from console.screens.reports.labels import FIGURES, duration, period_text, show, tr, translate, word

_C = "ReportsScreen"

CENTRE = ("arrived", "offered", "answered", "abandoned", "short_abandoned", "blocked", "busy",
          "service_level", "answer_overtime_rate", "connection_rate", "system_connection_rate",
          "asa_s", "aht_s", "occupancy", "utilisation")
QUEUES = ("queue", "offered", "answered", "abandoned", "service_level", "answer_overtime_rate",
          "connection_rate", "asa_s", "max_wait_s", "aht_s")
LEVELS = ("level", "offered", "answered", "abandoned", "service_level", "connection_rate",
          "asa_s")
AGENTS = ("agent", "calls", "talk_s", "hold_s", "acw_s", "not_ready_s", "logged_in_s", "aht_s",
          "utilisation")
ALARMS = ("raised", "acknowledged", "unacknowledged", "mean_ack_s", "max_ack_s")
PARTS = {
    "by_category": QT_TRANSLATE_NOOP("ReportsScreen", "Classification"),
    "by_cause": QT_TRANSLATE_NOOP("ReportsScreen", "Responsibility cause"),
    "by_department": QT_TRANSLATE_NOOP("ReportsScreen", "Responsible department"),
}
COMPLAINTS = ("name", "count", "archived", "on_time_rate", "satisfaction_rate", "overdue_open")


def _column(key: str) -> Column:
    def value(row: dict[str, Any]) -> Any:
        v = row.get(key)
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else str(v)

    return Column(FIGURES.get(key, key), lambda r: show(key, r.get(key)), sort=value)


def _reasons(row: dict[str, Any]) -> str:
    return "; ".join(f"{reason} {duration(s)}"
                     for reason, s in (row.get("not_ready_by_reason") or {}).items())


def _forced(row: dict[str, Any]) -> str:
    return "; ".join(f"{word(kind)} ×{n}" for kind, n in (row.get("forced") or {}).items())


def _table(name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ReportView(QWidget):
    """Shows the figures of one ``reports.get`` answer; empty until one is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict[str, Any] | None = None
        self.title = QLabel(objectName="reportTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.definition = QLabel(objectName="reportDefinition", wordWrap=True)
        self.charts = ReportCharts(self)
        self.tabs = QTabWidget(objectName="reportTables")
        self.models: dict[str, RowsModel] = {}
        columns = {
            "centre": [Column(QT_TRANSLATE_NOOP("ReportsScreen", "Figure"),
                              lambda r: tr(FIGURES.get(r["key"], r["key"]))),
                       Column(QT_TRANSLATE_NOOP("ReportsScreen", "Value"),
                              lambda r: show(r["key"], r["value"]))],
            "queues": [_column(k) for k in QUEUES],
            "levels": [_column(k) for k in LEVELS],
            "agents": [_column(k) for k in AGENTS] + [
                Column(FIGURES["not_ready_by_reason"], _reasons, tip=_reasons),
                Column(FIGURES["forced"], _forced, tip=_forced)],
            "alarms": [Column(QT_TRANSLATE_NOOP("ReportsScreen", "Alarm level"),
                              lambda r: word(str(r.get("level", ""))))]
            + [_column(k) for k in ALARMS],
            "complaints": [Column(QT_TRANSLATE_NOOP("ReportsScreen", "Grouped by"),
                                  lambda r: tr(PARTS.get(r.get("part", ""), "")))]
            + [_column(k) for k in COMPLAINTS],
        }
        self.tables: dict[str, QTableView] = {}
        for name, cols in columns.items():
            model = RowsModel(cols, _C, self)
            table = _table(f"report_{name}")
            table.setModel(model)
            self.models[name], self.tables[name] = model, table
            self.tabs.addTab(table, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.definition)
        layout.addWidget(self.charts, 2)
        layout.addWidget(self.tabs, 3)
        self.retranslate_ui()

    def set_report(self, report: dict[str, Any] | None) -> None:
        self.report = report
        figures = (report or {}).get("figures") or {}
        centre = figures.get("centre", {})
        self.models["centre"].set_rows([{"key": k, "value": centre.get(k)} for k in CENTRE])
        self.models["queues"].set_rows(figures.get("queues", []))
        self.models["levels"].set_rows(
            [dict(v, level=k) for k, v in centre.get("levels", {}).items()])
        self.models["agents"].set_rows(figures.get("agents", []))
        self.models["alarms"].set_rows(figures.get("alarms", {}).get("levels", []))
        complaints = figures.get("complaints", {})
        rows = [dict(r, part=part) for part in ("by_category", "by_cause", "by_department")
                for r in complaints.get(part, [])]
        self.models["complaints"].set_rows(rows if complaints.get("available") else [])
        self.charts.set_series(figures.get("period", {}).get("kind", "daily"),
                               figures.get("series", []))
        for table in self.tables.values():
            table.resizeColumnsToContents()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        figures = (self.report or {}).get("figures") or {}
        if figures:
            self.title.setText(period_text(figures.get("period", {})))
            threshold = figures.get("definitions", {}).get("default_threshold_s", 15)
            self.definition.setText(translate(
                "ReportsScreen",
                "Service level = answered within T ÷ (offered − abandoned within {short} s); "
                "T is each queue's threshold (default {t} s). Occupancy = (talk + hold + "
                "after-call work + ringing) ÷ (logged in − not ready); work-time "
                "utilisation = (talk + hold + after-call work) ÷ logged in.").format(
                    short=show("count", figures.get("definitions", {}).get("short_abandon_s")),
                    t=show("count", threshold)))
        else:
            self.title.setText(translate("ReportsScreen",
                                         "No report shown: pick a period and press Show."))
            self.definition.setText("")
        names = (translate("ReportsScreen", "Centre"), translate("ReportsScreen", "Queues"),
                 translate("ReportsScreen", "VIP and normal"),
                 translate("ReportsScreen", "Agents"), translate("ReportsScreen", "Alarms"),
                 translate("ReportsScreen", "Complaints"))
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        complaints = figures.get("complaints", {})
        missing = translate("ReportsScreen",
                            "Complaint work orders are not available on this database.")
        self.tabs.setTabToolTip(5, "" if complaints.get("available", True) else missing)
        for model in self.models.values():
            model.retranslate()
        self.charts.retranslate_ui()
