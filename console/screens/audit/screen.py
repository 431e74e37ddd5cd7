"""The audit trail on screen: who did what to whom, when, why and with what result (refusals
included), filtered by user, action, agent / target, result and time; paged; CSV of every
matching entry. Usable with ``view_audit``; other roles see why not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of, role_label
from console.common.rows_model import Column, RowsModel
from console.common.screen import Screen
from console.screens.audit.export import PagedFetch, write_csv
from models.security import Permission

#: lupdate reads translate("Context", "text") with a literal context
translate = QCoreApplication.translate

_C = "AuditScreen"
#: rows per page on screen
PAGE_ROWS = 200


def when(epoch: Any) -> str:
    """Date and time to the second, in the UI language's date order."""
    locale = QLocale()
    stamp = QDateTime.fromMSecsSinceEpoch(int(float(epoch or 0) * 1000))
    return locale.toString(stamp, locale.dateFormat(QLocale.FormatType.ShortFormat) + " HH:mm:ss")


def result_text(entry: dict[str, Any]) -> str:
    result = str(entry.get("result", ""))
    return (
        translate("AuditScreen", "done")
        if result == "ok"
        else translate("AuditScreen", "refused: {code}").format(code=result)
    )


def detail_text(entry: dict[str, Any]) -> str:
    detail = entry.get("detail") or {}
    return json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else ""


COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("AuditScreen", "When"),
        lambda e: when(e.get("at")),
        sort=lambda e: float(e.get("at") or 0),
    ),
    Column(QT_TRANSLATE_NOOP("AuditScreen", "User"), lambda e: str(e.get("user", ""))),
    Column(
        QT_TRANSLATE_NOOP("AuditScreen", "Role"),
        lambda e: role_label(str(e.get("role", ""))) if e.get("role") else "",
    ),
    Column(QT_TRANSLATE_NOOP("AuditScreen", "Action"), lambda e: str(e.get("action", ""))),
    Column(QT_TRANSLATE_NOOP("AuditScreen", "Agent / target"), lambda e: str(e.get("target", ""))),
    Column(QT_TRANSLATE_NOOP("AuditScreen", "Reason"), lambda e: str(e.get("reason", ""))),
    Column(QT_TRANSLATE_NOOP("AuditScreen", "Result"), result_text),
    Column(QT_TRANSLATE_NOOP("AuditScreen", "Detail"), detail_text, tip=detail_text),
)


class AuditScreen(Screen):
    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("audit")
        self.access = access_of(bridge)
        self.offset = 0
        self.last_filters: dict[str, Any] = {}
        self._searches = 0  # searches asked so far; a reply to an older one is dropped
        self.model = RowsModel(COLUMNS, _C, self)
        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.user = QLineEdit(objectName="auditUser")
        self.action = QLineEdit(objectName="auditAction")
        self.target = QLineEdit(objectName="auditTarget")
        self.result = QComboBox(objectName="auditResult")
        self.use_since = QCheckBox(objectName="auditUseSince")
        self.use_until = QCheckBox(objectName="auditUseUntil")
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(now.addDays(-1), objectName="auditSince", calendarPopup=True)
        self.until = QDateTimeEdit(now, objectName="auditUntil", calendarPopup=True)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.search_button = QPushButton(objectName="auditSearch", default=True)
        self.newer = QPushButton(objectName="auditNewer")
        self.older = QPushButton(objectName="auditOlder")
        self.export_button = QPushButton(objectName="auditExport")
        self.page_label = QLabel(objectName="auditPage")
        self.why = QLabel(objectName="auditWhyNot", wordWrap=True)
        self.search_button.clicked.connect(lambda: self.search(0))
        for edit in (self.user, self.action, self.target):
            edit.returnPressed.connect(lambda: self.search(0))
        self.newer.clicked.connect(lambda: self.search(max(0, self.offset - PAGE_ROWS)))
        self.older.clicked.connect(lambda: self.search(self.offset + PAGE_ROWS))
        self.export_button.clicked.connect(self.export_csv)
        self.labels = [QLabel() for _ in range(4)]
        grid = QGridLayout()
        for col, (label, field) in enumerate(
            zip(self.labels, (self.user, self.action, self.target, self.result), strict=True)
        ):
            grid.addWidget(label, 0, col)
            grid.addWidget(field, 1, col)
        times = QHBoxLayout()
        for widget in (self.use_since, self.since, self.use_until, self.until, self.search_button):
            times.addWidget(widget)
        times.addStretch(1)
        pages = QHBoxLayout()
        for widget in (self.newer, self.page_label, self.older):
            pages.addWidget(widget)
        pages.addStretch(1)
        pages.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(grid)
        layout.addLayout(times)
        layout.addWidget(self.table, 1)
        layout.addLayout(pages)
        #: the CSV file dialog, replaceable in tests
        self.save_path = self._save_path
        self.access.changed.connect(self._role_changed)
        self.retranslate_ui()
        self._role_changed()

    # -- role ------------------------------------------------------------------------------
    @property
    def may(self) -> bool:
        return self.access.allowed(Permission.VIEW_AUDIT)

    def _role_changed(self) -> None:
        if not self.may:
            self.model.set_rows([])
        elif self.isVisible():
            self.search(self.offset)
        self._enable()

    def _enable(self) -> None:
        may = self.may
        self.why.setText(
            self.access.why_not(
                Permission.VIEW_AUDIT, translate("AuditScreen", "read the audit trail")
            )
        )
        self.why.setVisible(not may)
        for widget in (self.search_button, self.export_button, self.table):
            widget.setEnabled(may)
        self.newer.setEnabled(may and self.offset > 0)
        self.older.setEnabled(may and self.model.rowCount() >= PAGE_ROWS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.may and not self.model.rowCount():
            self.search(0)

    # -- filters and pages -----------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        args: dict[str, Any] = {}
        for name, edit in (("user", self.user), ("action", self.action), ("target", self.target)):
            if edit.text().strip():
                args[name] = edit.text().strip()
        if self.result.currentData():
            args["result"] = self.result.currentData()
        if self.use_since.isChecked():
            args["since"] = self.since.dateTime().toMSecsSinceEpoch() / 1000
        if self.use_until.isChecked():
            args["until"] = self.until.dateTime().toMSecsSinceEpoch() / 1000
        return args

    def search(self, offset: int = 0) -> None:
        if not self.may:
            return
        filters = self.filters()
        if "since" in filters and "until" in filters and filters["since"] > filters["until"]:
            self.page_label.setText(
                translate("AuditScreen", "“From” is after “until”: nothing can match.")
            )
            return
        self.last_filters = filters
        self.page_label.setText(translate("AuditScreen", "Searching…"))
        # only the answer to the latest search is shown: the reply to an earlier one still
        # in flight (the first, unfiltered load after login) once replaced a filtered page
        self._searches += 1
        asked = self._searches
        self.bridge.client.command(
            "audit.search",
            dict(filters, limit=PAGE_ROWS, offset=offset),
            on_success=lambda rows: asked == self._searches and self._show(offset, rows),
            on_failure=lambda err: asked == self._searches and self._failed(err),
            timeout=30.0,
        )

    def _show(self, offset: int, rows: Any) -> None:
        rows = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
        self.offset = offset
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.page_label.setText(
            translate("AuditScreen", "Entries {first}–{last}, newest first").format(
                first=offset + 1, last=offset + len(rows)
            )
            if rows
            else translate("AuditScreen", "No entries match.")
        )
        self._enable()

    def _failed(self, err: Any) -> None:
        text = translate("AuditScreen", "Refused: {reason}").format(
            reason=getattr(err, "message", err)
        )
        self.page_label.setText(text)
        self.show_message(text)

    # -- CSV -------------------------------------------------------------------------------
    def _save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("AuditScreen", "Export the audit trail"),
            "audit.csv",
            translate("AuditScreen", "CSV files (*.csv)"),
        )
        return path

    def export_csv(self) -> PagedFetch | None:
        """Every entry matching the filters (not only the page), fetched in pages."""
        if not self.may:
            return None
        path = self.save_path()
        if not path:
            return None
        target = Path(path if path.lower().endswith(".csv") else path + ".csv")
        self.export_button.setEnabled(False)

        def done(entries: list[dict[str, Any]]) -> None:
            self.export_button.setEnabled(self.may)
            try:
                count = write_csv(target, entries)
            except OSError as exc:
                self._failed(
                    translate("AuditScreen", "cannot write {path}: {error}").format(
                        path=target, error=exc.strerror or exc
                    )
                )
                return
            text = translate("AuditScreen", "{n} entries written to {path}.").format(
                n=count, path=target
            )
            self.page_label.setText(text)
            self.show_message(text)

        def failed(err: Any) -> None:
            self.export_button.setEnabled(self.may)
            self._failed(err)

        fetch = PagedFetch(
            self.bridge.client.command,
            self.filters(),
            done,
            failed,
            progress=lambda n: self.page_label.setText(
                translate("AuditScreen", "Exporting… {n} entries so far").format(n=n)
            ),
        )
        fetch.start()
        return fetch

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for label, text in zip(
            self.labels,
            (
                translate("AuditScreen", "User"),
                translate("AuditScreen", "Action"),
                translate("AuditScreen", "Agent / target"),
                translate("AuditScreen", "Result"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.user.setPlaceholderText(translate("AuditScreen", "user name"))
        self.action.setPlaceholderText(translate("AuditScreen", "e.g. set_agent_state, login"))
        self.target.setPlaceholderText(translate("AuditScreen", "agent, call or user"))
        current = self.result.currentData()
        self.result.clear()
        for text, data in (
            (translate("AuditScreen", "All results"), ""),
            (translate("AuditScreen", "Done"), "ok"),
            (translate("AuditScreen", "Refused"), "refused"),
        ):
            self.result.addItem(text, data)
        self.result.setCurrentIndex(max(0, self.result.findData(current)))
        self.use_since.setText(translate("AuditScreen", "From"))
        self.use_until.setText(translate("AuditScreen", "Until"))
        fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat) + " HH:mm"
        self.since.setDisplayFormat(fmt)
        self.until.setDisplayFormat(fmt)
        self.search_button.setText(translate("AuditScreen", "Search"))
        self.newer.setText(translate("AuditScreen", "◀ Newer"))
        self.older.setText(translate("AuditScreen", "Older ▶"))
        self.export_button.setText(translate("AuditScreen", "Export CSV…"))
        self.model.retranslate()
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
