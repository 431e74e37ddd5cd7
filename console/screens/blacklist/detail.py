"""One entry's story: its fields, every change, every screened call, and a suggestion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.blacklist.labels import ACTIONS, CHANGES, OUTCOMES, STATES, fmt_time, label


class DetailPane(QWidget):
    """Filled from ``blacklist.show``; "Apply suggestion" asks the screen to edit the window."""

    apply_suggestion = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] | None = None
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #ef6c00; font-weight: bold;")
        self.apply = QPushButton(self)
        self.apply.clicked.connect(self._apply)
        self.history_label = QLabel(self)
        self.history = QTableWidget(0, 4, self)
        self.calls_label = QLabel(self)
        self.calls = QTableWidget(0, 4, self)
        for table in (self.history, self.calls):
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        for w in (self.title, self.summary, self.hint, self.apply, self.history_label,
                  self.history, self.calls_label, self.calls):
            layout.addWidget(w)
        self.retranslate_ui()
        self.show_entry(None)

    def retranslate_ui(self) -> None:
        self.apply.setText(self.tr("Apply the longer window…"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Change"), self.tr("By"), self.tr("Reason")])
        self.calls.setHorizontalHeaderLabels(
            [self.tr("Arrived"), self.tr("Call"), self.tr("Outcome"), self.tr("Agent")])
        self.history_label.setText(self.tr("History: every change"))
        self.calls_label.setText(self.tr("Screened calls"))
        if self.data is not None:
            self.show_entry(self.data)

    def show_entry(self, data: dict[str, Any] | None) -> None:
        """Show one ``blacklist.show`` reply; anything without an entry shows the empty panel."""
        if not isinstance(data, dict) or not isinstance(data.get("entry"), dict):
            data = None
        self.data = data
        if data is None:
            self.title.setText(self.tr("Select an entry to see its history"))
            self.summary.clear()
            self.hint.hide()
            self.apply.hide()
            self.history.setRowCount(0)
            self.calls.setRowCount(0)
            return
        e = data["entry"]
        self.title.setText(f"{e.get('display') or e['number']} — {label(STATES, e['state'])}")
        until = (fmt_time(e["blocked_until"]) if e["blocked_until"] is not None
                 else self.tr("No end"))
        self.summary.setText(self.tr("%1, from %2 until %3. Reason: %4")
                             .replace("%1", label(ACTIONS, e["action"]))
                             .replace("%2", fmt_time(e["blocked_from"]))
                             .replace("%3", until).replace("%4", e.get("reason", "")))
        hint = data.get("suggestion")
        self.hint.setVisible(bool(hint))
        self.apply.setVisible(bool(hint))
        if hint:
            self.hint.setText(self.tr("Repeat offender: blocked %1 times in %2 days. Suggested: "
                                      "block until %3.")
                              .replace("%1", str(hint["blocked_calls"]))
                              .replace("%2", f"{hint['days']:g}")
                              .replace("%3", fmt_time(hint["until"])))
        rows = data.get("history", [])
        self.history.setRowCount(len(rows))
        for i, h in enumerate(rows):
            for j, text in enumerate((fmt_time(h["at"]), label(CHANGES, h["change"]), h["by"],
                                      h["reason"])):
                self.history.setItem(i, j, QTableWidgetItem(text))
        calls = data.get("calls", [])
        self.calls.setRowCount(len(calls))
        for i, c in enumerate(calls):
            for j, text in enumerate((fmt_time(c["arrived_at"]), c["call_id"],
                                      label(OUTCOMES, c["outcome"]), c.get("agent") or "")):
                self.calls.setItem(i, j, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        self.calls.resizeColumnsToContents()

    def _apply(self) -> None:
        hint = (self.data or {}).get("suggestion")
        if hint:
            self.apply_suggestion.emit(float(hint["until"]))
