"""Accounts on the dunning list by stage, with a stage filter and a search; asked for page by
page (``dunning.accounts``) rather than mirrored: a site can have a million."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.common.rows_model import ROW_ROLE, Column, RowsModel
from console.screens.dunning.labels import SEATS, STAGES, C, label, money, number

PAGE = 500
COLUMNS = (
    Column("Account", lambda r: r["account"]),
    Column("Name", lambda r: r["name"]),
    Column("Number", lambda r: r["phone"]),
    Column("Stage", lambda r: label(STAGES, r["stage"])),
    Column("Owed", lambda r: money(r["owed_fen"]), sort=lambda r: r["owed_fen"]),
    Column("Unpaid bills", lambda r: number(r["unpaid_bills"])),
    Column("Since", lambda r: r["oldest_period"]),
    Column("Seat", lambda r: label(SEATS, "manual" if r["manual"] else "robot")),
    Column("Promise", lambda r: r["promise_date"]),
)
#: the column titles for lupdate (RowsModel translates them at paint time, context Dunning)
_TITLES = (QT_TRANSLATE_NOOP("Dunning", "Account"), QT_TRANSLATE_NOOP("Dunning", "Name"),
           QT_TRANSLATE_NOOP("Dunning", "Number"), QT_TRANSLATE_NOOP("Dunning", "Stage"),
           QT_TRANSLATE_NOOP("Dunning", "Owed"), QT_TRANSLATE_NOOP("Dunning", "Unpaid bills"),
           QT_TRANSLATE_NOOP("Dunning", "Since"), QT_TRANSLATE_NOOP("Dunning", "Seat"),
           QT_TRANSLATE_NOOP("Dunning", "Promise"))


class AccountsPanel(QWidget):
    query = Signal(dict)  # the arguments of dunning.accounts
    picked = Signal(str)  # an account double-clicked: show it at the manual seat

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.stage_label, self.search_label = QLabel(self), QLabel(self)
        self.model = RowsModel(COLUMNS, C, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.picked.emit(self.model.data(index, ROW_ROLE)["account"]))
        bar = QHBoxLayout()
        bar.addWidget(self.stage_label)
        bar.addWidget(self.stage)
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        self.stage.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.stage_label.setText(self.tr("Stage"))
        self.search_label.setText(self.tr("Search"))
        self.search.setPlaceholderText(self.tr("account, name or number"))
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        self.stage.addItem(self.tr("All stages"), "")
        for key in ("first_notice", "second_notice", "one_way", "two_way", "collection"):
            self.stage.addItem(label(STAGES, key), key)
        self.stage.setCurrentIndex(max(0, self.stage.findData(current)))
        self.stage.blockSignals(False)
        self.model.retranslate()

    def refresh(self, *_: object) -> None:
        self.query.emit({"stage": self.stage.currentData() or "",
                         "search": self.search.text().strip()[:64], "limit": PAGE})

    def show_page(self, data: dict[str, Any]) -> None:
        self.model.set_rows(data.get("accounts", []))
        self.count.setText(self.tr("%1 of %2 shown").replace("%1", number(len(self.model.rows)))
                           .replace("%2", number(data.get("total", 0))))
        self.table.resizeColumnsToContents()
