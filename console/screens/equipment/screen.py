"""The equipment screen (设备维护): health of every link, board and trunk, the channel map,
maintenance actions by role, the test history with pass rate, and fault rehearsal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.screen import Screen
from console.screens.equipment.channel_map import ChannelMap
from console.screens.equipment.labels import TEST_LABELS, kind_label, state_label, tr
from console.screens.equipment.models import TARGET_ROLE, ChannelMapModel, HealthModel
from console.screens.equipment.panels import ActionsPanel, HistoryPanel, RehearsalPanel
from models.linktests import results_csv

EQUIPMENT_PREFIXES = ("channel/", "trunk/", "board/", "link/")


class EquipmentScreen(Screen):
    """Views the mirror; every action is a command whose answer comes back by callback."""

    def __init__(self, bridge: ClientBridge, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("equipment")
        self.permissions: set[str] = set()
        self._shown = False
        #: equipment changed while this tab was hidden: rebuilt when it is shown
        self._stale = False
        #: (kind, id, board) of the selected equipment
        self.target: tuple[str, str, str] | None = None
        #: tests this console started, waiting for their result in the mirror
        self.watching: set[str] = set()
        mirror = bridge.mirror
        self.health = HealthModel(mirror, self)
        self.health_view = QTableView(self, objectName="equipmentHealth")
        self.health_view.setModel(self.health)
        self.health_view.verticalHeader().hide()
        self.health_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.health_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.health_view.horizontalHeader().setStretchLastSection(True)
        self.health_view.clicked.connect(self._health_clicked)
        self.health_title = QLabel(self, objectName="panelTitle")
        self.map_model = ChannelMapModel(mirror, self)
        self.channel_map = ChannelMap(self.map_model, self)
        self.channel_map.selected.connect(self.select)
        self.actions_panel = ActionsPanel(self)
        self.actions_panel.triggered.connect(self.run_action)
        self.rehearsal = RehearsalPanel(self)
        self.rehearsal.rehearse.connect(self.rehearse)
        self.rehearsal.clear_all.connect(lambda: self.rehearse("clear", "", 0.0))
        self.history = HistoryPanel(self)
        self.history.refresh_asked.connect(self.load_history)
        self.history.export_asked.connect(self.export_csv)
        self.tabs = QTabWidget(self, objectName="equipmentTabs")
        work = QWidget(self)
        row = QHBoxLayout(work)
        row.addWidget(self.actions_panel, 3)
        row.addWidget(self.rehearsal, 2)
        self.tabs.addTab(work, "")
        self.tabs.addTab(self.history, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.health_title)
        top_layout.addWidget(self.health_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.channel_map)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 2)
        split.setSizes([300, 400, 240])
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split)
        # dialogs, replaceable in tests
        self.ask_text = self._ask_text
        self.confirm = self._confirm
        self.save_path = self._save_path
        bridge.changed.connect(self.apply_frame)
        bridge.resynced.connect(self.rebuild)
        self.access = access_of(bridge)
        self.access.changed.connect(self._role_changed)
        self.retranslate_ui()
        self.rebuild()

    # -- live data -------------------------------------------------------------------------
    def rebuild(self) -> None:
        self.health.refresh()
        boards = sorted(k[len("board/"):] for k in self.bridge.mirror.items("board/"))
        self.channel_map.set_boards(boards)
        self.channel_map.refresh()
        info = self.bridge.mirror.get("daemon/info") or {}
        self.rehearsal.set_state(info.get("adapter", "loopback") in ("loopback", "composite"),
                                 "inject_fault" in self.permissions)
        if not self._shown and (self.health.rowCount() or self.map_model.rowCount()):
            self._shown = True
            self.live_data_shown.emit()

    def apply_frame(self, keys: set[str]) -> None:
        # daemon/info moves with the switch clock every frame: it only matters for the
        # adapter's name, so it alone never rebuilds the map (559 ms a frame on 5,000 agents)
        if any(k.startswith(EQUIPMENT_PREFIXES) for k in keys):
            if self.window() is not self and not self.isVisible():
                self._stale = True  # a hidden tab catches up when it is shown
            else:
                self.rebuild()
        elif "daemon/info" in keys:
            info = self.bridge.mirror.get("daemon/info") or {}
            self.rehearsal.set_state(info.get("adapter", "loopback") in ("loopback", "composite"),
                                     "inject_fault" in self.permissions)
        for key in keys:
            if key.startswith("test/") and key[5:] in self.watching:
                self._test_update(key[5:])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.rebuild()

    def _test_update(self, test: str) -> None:
        value = self.bridge.mirror.get("test/" + test) or {}
        state = value.get("state")
        if state not in ("passed", "failed"):
            return
        self.watching.discard(test)
        measured = ", ".join(f"{k} {v:g}" for k, v in sorted((value.get("measured") or
                                                               {}).items()))
        text = self.tr("{result}: {test} on {target} — {detail}").format(
            result=state_label(state), test=tr(TEST_LABELS.get(value.get("kind"), "")),
            target=value.get("target", ""), detail=value.get("detail", ""))
        if measured:
            text += "\n" + self.tr("Measured: {values}").format(values=measured)
        self.actions_panel.result.setText(text)
        self.show_message(text.split("\n")[0])

    def _role_changed(self) -> None:
        """The shared :class:`~console.common.access.Access` heard a login, logout or whoami."""
        self.set_permissions(set(self.access.permissions) if not
                             self.access.must_change_password else set())

    def set_permissions(self, permissions: set[str]) -> None:
        self.permissions = permissions
        self.actions_panel.set_permissions(permissions)
        self.rebuild()

    # -- selection -------------------------------------------------------------------------
    def select(self, kind: str, ident: str, board: str) -> None:
        self.target = (kind, ident, board)
        self.actions_panel.selection.setText(self.tr("Selected: {kind} {id} (board {board})")
                                             .format(kind=kind_label(kind), id=ident,
                                                     board=board or "—"))
        self.rehearsal.target.setText(ident if kind != "trunk" else board)

    def _health_clicked(self, index: Any) -> None:
        kind, ident = index.data(TARGET_ROLE)
        item = self.bridge.mirror.get(f"{kind}/{ident}") or {}
        self.select(kind, ident, ident if kind == "board" else str(item.get("board", "")))

    # -- actions ---------------------------------------------------------------------------
    def run_action(self, name: str) -> None:
        kind, ident, board = self.target or ("", "", "")
        panel = self.actions_panel
        if name == "sweep":
            self._send("equipment.sweep", {}, self.tr("Sweep started."))
        elif name == "fax_test":
            number = panel.number.text().strip()
            if not number:
                self.show_message(self.tr("Type the loopback fax number first."))
                return
            self._send("fax_test", {"number": number}, watch=True)
        elif name == "self_test":
            if not board:
                self.show_message(self.tr("Select a board (or one of its channels) first."))
                return
            self._send("self_test", {"board": board}, watch=True)
        elif kind != "channel" and name in ("loopback_test", "prompt_test"):
            self.show_message(self.tr("Select a channel in the map first."))
        elif name == "loopback_test":
            self._send("loopback_test", {"channel": ident}, watch=True)
        elif name == "prompt_test":
            args = {"channel": ident}
            if panel.prompt.text().strip():
                args["prompt"] = panel.prompt.text().strip()
            self._send("prompt_test", args, watch=True)
        elif not ident or kind == "link":
            self.show_message(self.tr("Select a channel, trunk or board first."))
        elif name == "reset":
            target = ident if kind != "trunk" else board
            if self.confirm(self.tr("Reset {target}? Calls on it are cut.").format(
                    target=target)):
                self._send("equipment.reset", {"target": target},
                           self.tr("{target} reset.").format(target=target))
        elif name == "out_of_service":
            reason = self.ask_text(self.tr("Out of service"),
                                   self.tr("Why is {target} taken out of service?")
                                   .format(target=ident))
            if reason:
                self._send("equipment.out_of_service", {"target": ident, "reason": reason},
                           self.tr("{target} is out of service.").format(target=ident))
        elif name == "in_service":
            self._send("equipment.in_service", {"target": ident},
                       self.tr("{target} is back in service.").format(target=ident))

    def rehearse(self, kind: str, target: str, duration: float) -> None:
        params = {"duration_s": duration} if duration > 0 and kind != "clear" else {}
        done = (self.tr("Rehearsal: all faults cleared.") if kind == "clear" else
                self.tr("Rehearsal started: {fault} {target}").format(fault=kind, target=target))
        self._send("inject_fault", {"kind": kind, "target": target, "params": params}, done)

    def _send(self, name: str, args: dict[str, Any], done: str = "", watch: bool = False) -> None:
        def ok(data: Any) -> None:
            if watch and isinstance(data, dict) and data.get("test"):
                self.watching.add(str(data["test"]))
                text = self.tr("Test {id} started on {target}…").format(
                    id=data["test"], target=data.get("target", ""))
            else:
                text = done
            self.actions_panel.result.setText(text)
            self.show_message(text)

        def failed(err: Any = None, *_: Any) -> None:
            text = self.tr("Refused: {reason}").format(reason=_reason(err))
            self.actions_panel.result.setText(text)
            self.show_message(text)

        self.bridge.client.command(name, args, on_success=ok, on_failure=failed)

    # -- history ---------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        """The history needs height: it takes most of the screen while it is shown."""
        total = sum(self.split.sizes())
        if index == 1:
            self.split.setSizes([total // 6, total // 4, total - total // 6 - total // 4])
            self.load_history()
        else:
            self.split.setSizes([total * 3 // 10, total * 4 // 10, total * 3 // 10])

    def load_history(self) -> None:
        self.bridge.client.command("equipment.tests", {"limit": 500},
                                   on_success=lambda rows: self.history.set_results(list(rows)),
                                   on_failure=lambda err=None, *_: self.show_message(
                                       self.tr("Test history refused: {reason}").format(
                                           reason=_reason(err))))
        self.bridge.client.command("equipment.pass_rate", {},
                                   on_success=lambda rows: self.history.set_rates(list(rows)))

    def export_csv(self) -> None:
        path = self.save_path()
        if not path:
            return
        try:
            Path(path).write_text(results_csv(self.history.results), encoding="utf-8")
        except OSError as exc:
            self.show_message(self.tr("Cannot write {path}: {why}").format(path=path,
                                                                            why=exc.strerror))
            return
        self.show_message(self.tr("{n} results written to {path}").format(
            n=len(self.history.results), path=path))

    # -- dialogs ---------------------------------------------------------------------------
    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok and text.strip() else None

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Reset"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _save_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export test history"),
                                              "link-tests.csv", "CSV (*.csv)")
        return path or None

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.health_title.setText(self.tr("Links, boards and trunks"))
        self.tabs.setTabText(0, self.tr("Actions"))
        self.tabs.setTabText(1, self.tr("Test history"))
        self.health.refresh()
        self.channel_map.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _reason(err: Any) -> str:
    if err is None:
        return "?"
    if isinstance(err, dict):
        return str(err.get("message") or err.get("code") or err)
    return str(getattr(err, "message", None) or err)
