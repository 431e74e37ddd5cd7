"""The reports tab (定期通报): pick a period and a date, see its tables and charts, export
it as CSV or PDF, and browse the reports switchlink generated on schedule.

Everything comes from switchlink (``reports.*``, docs/reports.md): the console computes
nothing and holds no database; the PDF is made by switchlink, in the UI's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QEvent, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of
from console.common.rows_model import ROW_ROLE, Column, RowsModel
from console.common.screen import Screen
from console.screens.reports.labels import KINDS, TITLES, show, tr, translate, when, word
from console.screens.reports.view import ReportView
from models.security import Permission

_C = "ReportsScreen"
LATEST_KEY = "reports/latest"
LIST_ROWS = 200

STORED = (
    Column(QT_TRANSLATE_NOOP("ReportsScreen", "Report"),
           lambda r: tr(TITLES.get(r.get("kind", ""), r.get("kind", "")))),
    Column(QT_TRANSLATE_NOOP("ReportsScreen", "Period"), lambda r: str(r.get("period_key", ""))),
    Column(QT_TRANSLATE_NOOP("ReportsScreen", "Offered"), lambda r: show("offered",
                                                                         r.get("offered"))),
    Column(QT_TRANSLATE_NOOP("ReportsScreen", "Service level"),
           lambda r: show("service_level", r.get("service_level"))),
    Column(QT_TRANSLATE_NOOP("ReportsScreen", "Generated"),
           lambda r: when(r.get("generated_at", 0))),
    Column(QT_TRANSLATE_NOOP("ReportsScreen", "By"), lambda r: word(str(r.get("generated_by")))),
)


def report_language() -> str:
    """The exported file's language: the UI's."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class ReportsScreen(Screen):
    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("reports")
        self.access = access_of(bridge)
        self.kind = QComboBox(objectName="reportKind")
        self.date = QDateEdit(QDate.currentDate(), objectName="reportDate", calendarPopup=True)
        self.hour = QSpinBox(objectName="reportHour", minimum=0, maximum=23)
        self.show_button = QPushButton(objectName="reportShow", default=True)
        self.generate_button = QPushButton(objectName="reportGenerate")
        self.csv_button = QPushButton(objectName="reportCsv")
        self.pdf_button = QPushButton(objectName="reportPdf")
        self.status = QLabel(objectName="reportStatus", wordWrap=True)
        self.why = QLabel(objectName="reportWhyNot", wordWrap=True)
        self.list_title = QLabel(objectName="reportListTitle")
        self.stored = RowsModel(STORED, _C, self)
        self.list = QTableView(objectName="reportList")
        self.list.setModel(self.stored)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.clicked.connect(lambda index: self.open_stored(index.data(ROW_ROLE)))
        self.view = ReportView(self)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_button.clicked.connect(self.show_report)
        self.generate_button.clicked.connect(self.generate)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar = QHBoxLayout()
        for widget in (self.kind, self.date, self.hour, self.show_button, self.generate_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 1100])  # the list shows its period and service level
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        #: the file dialog, replaceable in tests: (format, suggested name) -> path or ""
        self.save_path = self._save_path
        self.bridge.changed.connect(self._mirror_changed)
        self.access.changed.connect(self._role_changed)
        self.retranslate_ui()
        self._kind_changed()
        self._role_changed()

    # -- role ------------------------------------------------------------------------------
    @property
    def may(self) -> bool:
        return self.access.allowed(Permission.VIEW_HISTORY)

    def _role_changed(self) -> None:
        may = self.may
        self.why.setText(self.access.why_not(Permission.VIEW_HISTORY,
                                             translate("ReportsScreen", "see the reports")))
        self.why.setVisible(not may)
        for widget in (self.show_button, self.generate_button, self.csv_button,
                       self.pdf_button, self.list):
            widget.setEnabled(may)
        if may and self.isVisible():
            self.refresh_list()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.may and not self.stored.rowCount():
            self.refresh_list()

    def _mirror_changed(self, keys: Any) -> None:
        if LATEST_KEY in keys and self.may and self.isVisible():
            self.refresh_list()  # the schedule stored a new report

    # -- the period asked for --------------------------------------------------------------
    def _kind_changed(self) -> None:
        self.hour.setVisible(self.kind.currentData() == "hourly")
        self._date_format()

    def _date_format(self) -> None:
        fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        if self.kind.currentData() == "monthly":
            fmt = "yyyy-MM"
        self.date.setDisplayFormat(fmt)

    def period_args(self) -> dict[str, str]:
        kind = str(self.kind.currentData() or "daily")
        day = self.date.date()
        if kind == "hourly":
            text = f"{day.toString('yyyy-MM-dd')}T{self.hour.value():02d}"
        elif kind == "monthly":
            text = day.toString("yyyy-MM")
        else:
            text = day.toString("yyyy-MM-dd")
        return {"kind": kind, "date": text}

    def _set_period(self, report: dict[str, Any]) -> None:
        """Point the controls at a report that is shown (so export / generate act on it)."""
        index = self.kind.findData(report.get("kind"))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        start = QDateTime.fromSecsSinceEpoch(round(float(report.get("start", 0))))
        self.date.setDate(start.date())
        self.hour.setValue(start.time().hour())

    # -- commands --------------------------------------------------------------------------
    def refresh_list(self) -> None:
        self.bridge.client.command("reports.list", {"limit": LIST_ROWS},
                                   on_success=self._listed, on_failure=self._failed,
                                   timeout=30.0)

    def _listed(self, rows: Any) -> None:
        rows = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
        self.stored.set_rows(rows)
        self.list.resizeColumnsToContents()
        if rows and self.view.report is None:  # until someone picks one: the newest day's
            self.open_stored(next((r for r in rows if r.get("kind") == "daily"), rows[0]))

    def open_stored(self, row: Any) -> None:
        if isinstance(row, dict) and row.get("id"):
            self._ask("reports.get", {"id": row["id"]}, translate("ReportsScreen", "Loading…"))

    def show_report(self) -> None:
        self._ask("reports.get", self.period_args(), translate("ReportsScreen", "Loading…"))

    def generate(self) -> None:
        self._ask("reports.generate", self.period_args(),
                  translate("ReportsScreen", "Computing from the history…"),
                  then=self.refresh_list)

    def _ask(self, name: str, args: dict[str, Any], busy: str, then: Any = None) -> None:
        if not self.may:
            return
        self.status.setText(busy)

        def shown(report: Any) -> None:
            if not isinstance(report, dict):
                return
            self.view.set_report(report)
            self._set_period(report)
            self.status.setText(translate("ReportsScreen", "Generated {when} by {by}.").format(
                when=when(report.get("generated_at", 0)),
                by=word(str(report.get("generated_by", "")))))
            if then is not None:
                then()

        self.bridge.client.command(name, args, on_success=shown, on_failure=self._failed,
                                   timeout=120.0)

    def _failed(self, err: Any) -> None:
        text = translate("ReportsScreen", "Refused: {reason}").format(
            reason=getattr(err, "message", err))
        self.status.setText(text)
        self.show_message(text)

    # -- export ----------------------------------------------------------------------------
    def _save_path(self, fmt: str, name: str) -> str:
        caption = (translate("ReportsScreen", "Export the report as PDF") if fmt == "pdf"
                   else translate("ReportsScreen", "Export the report as CSV"))
        pattern = (translate("ReportsScreen", "PDF files (*.pdf)") if fmt == "pdf"
                   else translate("ReportsScreen", "CSV files (*.csv)"))
        path, _ = QFileDialog.getSaveFileName(self, caption, name, pattern)
        return path

    def export(self, fmt: str) -> None:
        """Ask switchlink for the shown report's file, then where to keep it."""
        if not self.may:
            return
        report = self.view.report
        args: dict[str, Any] = ({"id": report["id"]} if report and report.get("id")
                                else self.period_args())
        args.update(format=fmt, lang=report_language())
        self.status.setText(translate("ReportsScreen", "Preparing the file…"))
        self.bridge.client.command("reports.export", args, on_success=self._save,
                                   on_failure=self._failed, timeout=120.0)

    def _save(self, answer: Any) -> None:
        if not isinstance(answer, dict) or not isinstance(answer.get("content"), bytes):
            self._failed(translate("ReportsScreen", "switchlink sent no file"))
            return
        name = str(answer.get("filename", "report"))
        fmt = "pdf" if name.endswith(".pdf") else "csv"
        path = self.save_path(fmt, name)
        if not path:
            self.status.setText(translate("ReportsScreen", "Export cancelled."))
            return
        target = Path(path if path.lower().endswith(f".{fmt}") else f"{path}.{fmt}")
        try:
            target.write_bytes(answer["content"])
        except OSError as exc:
            self._failed(translate("ReportsScreen", "cannot write {path}: {error}").format(
                path=target, error=exc.strerror or exc))
            return
        text = translate("ReportsScreen", "Report written to {path}.").format(path=target)
        self.status.setText(text)
        self.show_message(text)

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for data, text in KINDS:
            self.kind.addItem(tr(text), data)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current or "daily")))
        self.kind.blockSignals(False)
        self._date_format()
        self.hour.setSuffix(translate("ReportsScreen", ":00"))
        self.show_button.setText(translate("ReportsScreen", "Show"))
        self.generate_button.setText(translate("ReportsScreen", "Generate again"))
        self.generate_button.setToolTip(translate("ReportsScreen",
            "Compute this period again from the stored history and keep it"))
        self.csv_button.setText(translate("ReportsScreen", "Export CSV…"))
        self.pdf_button.setText(translate("ReportsScreen", "Export PDF…"))
        self.list_title.setText(translate("ReportsScreen", "Stored reports (newest first)"))
        self.stored.retranslate()
        self.view.retranslate_ui()
        self._role_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def apply_theme(self, theme: str) -> None:
        self.view.charts.apply_theme(theme)
