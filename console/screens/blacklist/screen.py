"""The blacklist tab (黑名单): who is blocked, why, until when — and keeping the list.

Everyone on the floor sees it; the editing actions are greyed, with a tooltip naming the
roles that may, when ``whoami`` says the user lacks ``edit_blacklist``. The list is asked
for (``blacklist.list``) rather than mirrored: it can hold a million numbers. A change of
the published ``blacklist/summary`` version asks again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of
from console.common.screen import Screen
from console.screens.blacklist.detail import DetailPane
from console.screens.blacklist.dialogs import EntryDialog, ImportErrorsDialog, LiftDialog
from console.screens.blacklist.labels import ACTIONS, STATES, label
from console.screens.blacklist.table_model import BlacklistTableModel
from models.security import Permission

SUMMARY_KEY = "blacklist/summary"
PAGE = 1000


class BlacklistScreen(Screen):
    """List with filters, detail with history, add / edit / lift, CSV import / export."""

    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.can_edit = False
        self.dialog: Any = None
        self._version: Any = None
        self._shown = False
        self.summary = QLabel(self)
        self.summary.setObjectName("blacklistSummary")
        self.state = QComboBox(self)
        self.action = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.buttons = {name: QPushButton(self) for name in
                        ("add", "edit", "lift", "import", "export")}
        self.model = BlacklistTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = DetailPane(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        filters = QHBoxLayout()
        self.filter_labels = [QLabel(self) for _ in range(3)]
        for lab, w in zip(self.filter_labels, (self.state, self.action, self.search),
                          strict=True):
            filters.addWidget(lab)
            filters.addWidget(w)
        filters.addWidget(self.count, 1)
        for b in self.buttons.values():
            filters.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        self.state.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.buttons["add"].clicked.connect(self.add_entry)
        self.buttons["edit"].clicked.connect(self.edit_selected)
        self.buttons["lift"].clicked.connect(self.lift_selected)
        self.buttons["import"].clicked.connect(self.import_file)
        self.buttons["export"].clicked.connect(self.export_file)
        self.detail.apply_suggestion.connect(self._apply_suggestion)
        self.access = access_of(bridge)
        self._list_user = ""
        self.access.changed.connect(self._role_changed)
        self.retranslate_ui()
        self.set_can_edit(self.access.allowed(Permission.EDIT_BLACKLIST))
        bridge.changed.connect(self._on_changed)
        bridge.resynced.connect(self.refresh)
        bridge.link_changed.connect(self._on_link)

    # -- text --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for lab, text in zip(self.filter_labels, (self.tr("State"), self.tr("Action"),
                                                  self.tr("Search")), strict=True):
            lab.setText(text)
        self.search.setPlaceholderText(self.tr("number, reason or who"))
        for combo, table, everything in ((self.state, STATES, self.tr("All states")),
                                         (self.action, ACTIONS, self.tr("All actions"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for key in table:
                combo.addItem(label(table, key), key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        for name, text in (("add", self.tr("Add…")), ("edit", self.tr("Edit…")),
                           ("lift", self.tr("Lift…")), ("import", self.tr("Import CSV…")),
                           ("export", self.tr("Export CSV…"))):
            self.buttons[name].setText(text)
        self.set_can_edit(self.can_edit)
        self._show_summary()
        self.detail.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.layoutChanged.emit()
        super().changeEvent(event)

    # -- permissions -------------------------------------------------------------------------
    def set_can_edit(self, allowed: bool) -> None:
        self.can_edit = allowed
        why = "" if allowed else self.access.why_not(Permission.EDIT_BLACKLIST,
                                                     self.tr("change the blacklist"))
        for name in ("add", "edit", "lift", "import"):
            self.buttons[name].setEnabled(allowed)
            self.buttons[name].setToolTip(why)

    def _role_changed(self) -> None:
        """Greyed or not; a (remote) console that logs in after the link came up asked for
        the list without a session: ask again for whoever is now logged in."""
        self.set_can_edit(self.access.allowed(Permission.EDIT_BLACKLIST))
        if self.access.username and self.access.username != self._list_user:
            self._list_user = self.access.username
            self.refresh()

    def _on_link(self, status: str, _since: float) -> None:
        if status != "live":
            return
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def _on_changed(self, keys: set[str]) -> None:
        if SUMMARY_KEY in keys:
            self._show_summary()
            summary = self.bridge.mirror.get(SUMMARY_KEY) or {}
            if summary.get("version") != self._version:
                self._version = summary.get("version")
                self.refresh()

    def _show_summary(self) -> None:
        s = self.bridge.mirror.get(SUMMARY_KEY) or {}
        self.summary.setText(
            self.tr("Blacklist: %1 numbers, %2 listed · blocked today %3 · warned today %4")
            .replace("%1", str(s.get("entries", 0))).replace("%2", str(s.get("listed", 0)))
            .replace("%3", str(s.get("blocked_today", 0)))
            .replace("%4", str(s.get("warned_today", 0))))

    def refresh(self, *_: object) -> None:
        args = {"state": self.state.currentData() or "", "action": self.action.currentData()
                or "", "search": self.search.text().strip()[:100], "limit": PAGE}
        self.bridge.client.command("blacklist.list", args, on_success=self._listed,
                                   on_failure=lambda err: self.show_message(err.message))

    def _listed(self, data: dict[str, Any]) -> None:
        selected = self.selected()
        self.model.set_entries(data.get("entries", []))
        self.count.setText(self.tr("%1 of %2 shown").replace("%1", str(len(self.model.entries)))
                           .replace("%2", str(data.get("total", 0))))
        self.table.resizeColumnsToContents()
        if selected is not None:
            for row, e in enumerate(self.model.entries):
                if e["number"] == selected["number"]:
                    self.table.selectRow(row)
        if not self._shown:
            self._shown = True
            self.live_data_shown.emit()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selected(self, *_: object) -> None:
        entry = self.selected()
        if entry is None:
            self.detail.show_entry(None)
            return
        self.show_detail(entry["number"])

    def show_detail(self, number: str) -> None:
        self.bridge.client.command("blacklist.show", {"number": number},
                                   on_success=self.detail.show_entry,
                                   on_failure=lambda err: self.show_message(err.message))

    # -- changes -----------------------------------------------------------------------------
    def _now(self) -> float | None:
        info = self.bridge.mirror.get("daemon/info") or {}
        return info.get("switch_time") or info.get("now")

    def _sender(self, name: str) -> Any:
        def submit(args: dict[str, Any], on_error: Any) -> None:
            def done(data: dict[str, Any]) -> None:
                if self.dialog is not None:
                    self.dialog.accept()
                    self.dialog = None
                entry = data.get("entry", {})
                self.show_message(self.tr("%1: saved").replace("%1", entry.get("display", "")))
                self.refresh()
                if entry:
                    self.show_detail(entry["number"])
            self.bridge.client.command(name, args, on_success=done,
                                       on_failure=lambda err: on_error(err.message))
        return submit

    def add_entry(self) -> EntryDialog:
        self.dialog = EntryDialog(self._sender("blacklist.add"), None, self._now(), self)
        self.dialog.open()
        return self.dialog

    def edit_selected(self, until: float | None = None) -> EntryDialog | None:
        entry = self.selected()
        if entry is None or not self.can_edit:
            return None
        self.dialog = EntryDialog(self._sender("blacklist.edit"), entry, self._now(), self)
        if until is not None:
            from PySide6.QtCore import QDateTime
            self.dialog.window_kind.setCurrentIndex(self.dialog.window_kind.findData("until"))
            self.dialog.until.setDateTime(QDateTime.fromSecsSinceEpoch(int(until)))
        self.dialog.open()
        return self.dialog

    def _apply_suggestion(self, until: float) -> None:
        self.edit_selected(until)  # the supervisor confirms in the dialog: never silent

    def lift_selected(self) -> LiftDialog | None:
        entry = self.selected()
        if entry is None or not self.can_edit:
            return None
        self.dialog = LiftDialog(self._sender("blacklist.lift"), entry, self)
        self.dialog.open()
        return self.dialog

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import blacklist CSV"), "",
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.dialog = ImportErrorsDialog(path, str(exc), self)
            self.dialog.open()
            return

        def refused(err: Any) -> None:
            self.dialog = ImportErrorsDialog(Path(path).name, err.message, self)
            self.dialog.open()

        def imported(data: dict[str, Any]) -> None:
            self.show_message(self.tr("Imported: %1 added, %2 updated, %3 unchanged")
                              .replace("%1", str(data["added"]))
                              .replace("%2", str(data["updated"]))
                              .replace("%3", str(data["unchanged"])))
            self.refresh()

        self.bridge.client.command("blacklist.import", {"csv": text, "reason": Path(path).name},
                                   on_success=imported, on_failure=refused)

    def export_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export blacklist CSV"),
                                                  "blacklist.csv", self.tr("CSV files (*.csv)"))
            if not path:
                return

        def write(data: dict[str, Any]) -> None:
            try:
                Path(path).write_text(data["csv"], encoding="utf-8")
            except OSError as exc:
                self.show_message(str(exc))
                return
            self.show_message(self.tr("%1 entries written to %2")
                              .replace("%1", str(data["entries"])).replace("%2", path))

        self.bridge.client.command("blacklist.export", {}, on_success=write,
                                   on_failure=lambda err: self.show_message(err.message))
