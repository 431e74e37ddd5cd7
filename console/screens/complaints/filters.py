"""The list's filter row: state, classification, warning level, my department, accepted
between two dates, and a full-text search over descriptions and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.screens.complaints.create_dialog import tree_items
from console.screens.complaints.labels import STATES, WARNING_LABELS, WARNINGS, label

MAX_SEARCH = 100


def classification_paths(tree: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every node of the tree as a path, parents before their children."""
    out: list[tuple[str, ...]] = []
    for name, children in tree_items(tree):
        here = (*path, name)
        out.append(here)
        out.extend(classification_paths(children, here))
    return out


class ComplaintFilters(QWidget):
    """Emits ``changed`` (debounced for typing) with the filters ready for ``complaints.list``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QComboBox(self)
        self.classification = QComboBox(self)
        self.classification.setMinimumContentsLength(12)
        self.warning = QComboBox(self)
        self.mine = QCheckBox(self)
        self.dated = QCheckBox(self)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.until = QDateEdit(today, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_SEARCH)
        self.labels = [QLabel(self) for _ in range(4)]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for lab, w in zip(self.labels, (self.state, self.classification, self.warning,
                                        self.search), strict=True):
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w, 2 if w is self.search else 0)
        row.addWidget(self.mine)
        row.addWidget(self.dated)
        row.addWidget(self.since)
        row.addWidget(self.until)
        self._tree: Any = None
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.changed.emit)
        for combo in (self.state, self.classification, self.warning):
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.mine.toggled.connect(lambda *_: self.changed.emit())
        self.dated.toggled.connect(self._dated)
        self.since.dateChanged.connect(lambda *_: self._debounce.start())
        self.until.dateChanged.connect(lambda *_: self._debounce.start())
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.retranslate_ui()

    def _dated(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.changed.emit()

    def retranslate_ui(self) -> None:
        for lab, text in zip(self.labels, (self.tr("&State"), self.tr("C&lassification"),
                                           self.tr("&Warning"), self.tr("Searc&h")), strict=True):
            lab.setText(text)
        self.search.setPlaceholderText(self.tr("words in descriptions and notes, a caller, "
                                               "an order number"))
        self.mine.setText(self.tr("&My department"))
        self.dated.setText(self.tr("Accepted &between"))
        self._fill(self.state, self.tr("All states"), [(k, label(STATES, k)) for k in STATES])
        self._fill(self.warning, self.tr("Any warning"),
                   [(k, label(WARNING_LABELS, k)) for k in WARNINGS])
        self.set_tree(self._tree)

    def set_tree(self, tree: Any) -> None:
        self._tree = tree
        self._fill(self.classification, self.tr("All classifications"),
                   [("/".join(p), "    " * (len(p) - 1) + p[-1])
                    for p in classification_paths(tree)])

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for key, text in items:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def set_warning(self, level: str) -> None:
        """Only this warning level, everything else cleared (the wall's counter asks this)."""
        for combo in (self.state, self.classification):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.mine, self.dated):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.warning.setCurrentIndex(max(0, self.warning.findData(level)))
        self.changed.emit()

    def args(self) -> dict[str, Any]:
        """The filters as ``complaints.list`` arguments (empty ones left out)."""
        args: dict[str, Any] = {}
        for key, combo in (("state", self.state), ("warning", self.warning)):
            if combo.currentData():
                args[key] = combo.currentData()
        if self.classification.currentData():
            args["classification"] = str(self.classification.currentData())
        if self.mine.isChecked():
            args["mine"] = True
        if self.dated.isChecked():
            start, end = sorted((self.since.date(), self.until.date()))
            args["since"] = QDateTime(start, QTime(0, 0)).toSecsSinceEpoch()
            args["until"] = QDateTime(end.addDays(1), QTime(0, 0)).toSecsSinceEpoch()
        text = self.search.text().strip()
        if text:
            args["text"] = text
        return args
