"""The dunning tab (欠费催缴): today's campaign, accounts by stage, the manual seat.

The campaign's state is mirrored (``dunning/campaign``, published by switchlink's dialer);
accounts and the seat's account are asked for. Buttons the role may not use are greyed with
a tooltip naming the roles that may (console/common/access.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from console.common.access import access_of
from console.common.screen import Screen
from console.screens.dunning.accounts import AccountsPanel
from console.screens.dunning.campaign import CampaignPanel
from console.screens.dunning.labels import FILES, label, number
from console.screens.dunning.seat import SeatPanel
from models.security import Permission

CAMPAIGN_KEY = "dunning/campaign"


class DunningScreen(Screen):
    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self._shown = False
        self.tabs = QTabWidget(self)
        self.campaign = CampaignPanel(self)
        self.accounts = AccountsPanel(self)
        self.seat = SeatPanel(self)
        self.tabs.addTab(self.campaign, "")
        self.tabs.addTab(self.accounts, "")
        self.tabs.addTab(self.seat, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.campaign.start_clicked.connect(lambda: self._control("dunning.start"))
        self.campaign.pause_clicked.connect(lambda: self._control("dunning.pause"))
        self.campaign.run_day_clicked.connect(self.run_day)
        self.campaign.export_clicked.connect(self.export_file)
        self.campaign.import_clicked.connect(self.import_payments)
        self.accounts.query.connect(self._ask_accounts)
        self.accounts.picked.connect(self.show_account)
        self.seat.next_clicked.connect(self.next_account)
        self.seat.dial_clicked.connect(self.dial)
        self.seat.record_clicked.connect(self.record)
        self.access = access_of(bridge)
        self.access.changed.connect(self._apply_access)
        self.retranslate_ui()
        self._apply_access()
        bridge.changed.connect(self._on_changed)
        bridge.resynced.connect(self.refresh)
        bridge.link_changed.connect(lambda status, _since: status == "live" and self.refresh())

    # -- text and roles ----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for i, text in enumerate((self.tr("Today's campaign"), self.tr("Accounts"),
                                  self.tr("Remote seat"))):
            self.tabs.setTabText(i, text)
        self.campaign.retranslate_ui()
        self.accounts.retranslate_ui()
        self.seat.retranslate_ui()
        self._apply_access()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _apply_access(self) -> None:
        rules = (((self.campaign.start, self.campaign.pause, self.campaign.run_day),
                  Permission.RUN_DUNNING, self.tr("run the dunning campaign")),
                 ((self.campaign.export, self.campaign.import_payments),
                  Permission.DUNNING_FILES, self.tr("import and export dunning files")),
                 ((self.seat.next, self.seat.dial, self.seat.record),
                  Permission.MANUAL_DUNNING, self.tr("work the manual dunning seat")))
        for widgets, permission, what in rules:
            allowed = self.access.allowed(permission)
            why = self.access.why_not(permission, what)
            for w in widgets:
                w.setProperty("allowed", allowed)
                w.setEnabled(allowed)
                w.setToolTip(why)
        self.campaign.show_status(self.campaign.status)
        self.seat.show_account(self.seat.account)

    # -- data --------------------------------------------------------------------------------
    def _on_changed(self, keys: set[str]) -> None:
        if CAMPAIGN_KEY in keys:
            status = self.bridge.mirror.get(CAMPAIGN_KEY)
            if status:
                self.campaign.show_status(status)
                self._site(status)
                self._first_shown()

    def _first_shown(self) -> None:
        if not self._shown:
            self._shown = True
            self.live_data_shown.emit()

    def refresh(self, *_: object) -> None:
        status = self.bridge.mirror.get(CAMPAIGN_KEY)
        if status:
            self.campaign.show_status(status)
            self._first_shown()
        if self.access.allowed(Permission.VIEW_DUNNING):
            self._command("dunning.status", {}, self._status)
            self.accounts.refresh()

    def _command(self, name: str, args: dict[str, Any], done: Any,
                 failed: Any = None) -> None:
        self.bridge.client.command(
            name, args, on_success=done,
            on_failure=failed or (lambda err: self.show_message(err.message)))

    def _status(self, data: dict[str, Any]) -> None:
        self.campaign.show_status(data)
        self._site(data)
        self._first_shown()

    def _site(self, status: dict[str, Any]) -> None:
        self.seat.zone = status.get("timezone", "")
        self.seat.today = status.get("day", "")

    def _control(self, name: str) -> None:
        self._command(name, {}, self._status)

    def run_day(self) -> None:
        def done(data: dict[str, Any]) -> None:
            files = ", ".join(f"{label(FILES, k)} {number(v['rows'])}"
                              for k, v in data.get("files", {}).items()) or self.tr("no files")
            self.show_message(self.tr("Planned %1: %2 to call, %3 for the manual seat; %4")
                              .replace("%1", data["day"]).replace("%2", number(data["auto"]))
                              .replace("%3", number(data["manual"])).replace("%4", files))
            self.refresh()
        self._command("dunning.run_day", {}, done)

    def _ask_accounts(self, args: dict[str, Any]) -> None:
        self._command("dunning.accounts", args, self.accounts.show_page)

    # -- files -------------------------------------------------------------------------------
    def export_file(self, kind: str, day: str, path: str | None = None) -> None:
        def write(data: dict[str, Any]) -> None:
            target = path
            if target is None:
                target, _ = QFileDialog.getSaveFileName(
                    self, self.tr("Export suspension file"), data["name"],
                    self.tr("CSV files (*.csv)"))
                if not target:
                    return
            try:
                Path(target).write_text(data["csv"], encoding="utf-8")
            except OSError as exc:
                self.show_message(str(exc))
                return
            self.show_message(self.tr("%1 rows written to %2").replace("%1", number(data["rows"]))
                              .replace("%2", target))
        self._command("dunning.export", {"kind": kind, "day": day}, write)

    def import_payments(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import payments (reconciliation)"),
                                                  "", self.tr("CSV files (*.csv)"))
            if not path:
                return
        try:
            text = Path(path).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self._refused(Path(path).name, str(exc))
            return

        def done(data: dict[str, Any]) -> None:
            self.show_message(
                self.tr("Payments: %1 imported, %2 seen before; %3 accounts paid up, %4 to restore")
                .replace("%1", number(data["imported"])).replace("%2", number(data["duplicates"]))
                .replace("%3", number(len(data["paid_accounts"])))
                .replace("%4", number(len(data["restore_after_payment"]))))
            self.refresh()
        self._command("dunning.import_payments", {"csv": text}, done,
                      lambda err: self._refused(Path(path).name, err.message))

    def _refused(self, name: str, message: str) -> None:
        text = self.tr("%1 was not imported; nothing changed.").replace("%1", name)
        self.dialog = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import refused"), text,
                                  QMessageBox.StandardButton.Close, self)
        self.dialog.setDetailedText(message)
        self.dialog.open()

    # -- the manual seat ---------------------------------------------------------------------
    def next_account(self) -> None:
        def got(data: dict[str, Any]) -> None:
            self.seat.show_account(data.get("account"))
            if data.get("account") is None:
                self.seat.show_call(self.tr("Nobody is waiting in the collection queue."))
        self._command("dunning.seat.next", {}, got)

    def show_account(self, account: str) -> None:
        self.tabs.setCurrentWidget(self.seat)
        self._command("dunning.account", {"account": account}, self.seat.show_account)

    def dial(self, account: str) -> None:
        self.seat.show_call(self.tr("Dialing %1…").replace("%1", account))
        self._command("dunning.seat.dial", {"account": account},
                      lambda data: self.seat.show_call(
                          self.tr("Call %1 placed through the switch").replace("%1", data["call"])),
                      lambda err: self.seat.show_error(err.message))

    def record(self, args: dict[str, Any]) -> None:
        def done(data: dict[str, Any]) -> None:
            self.seat.show_account(data)
            self.show_message(self.tr("%1: outcome recorded").replace("%1", data["account"]))
        self._command("dunning.seat.record", args, done,
                      lambda err: self.seat.show_error(err.message))
