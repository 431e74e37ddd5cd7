"""The action panels: maintenance actions, the test history, and the fault rehearsal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.screens.equipment.labels import FAULT_LABELS, TEST_LABELS, needs_role, tr
from console.screens.equipment.models import HISTORY_COLUMNS, RATE_COLUMNS, RowsModel
from models.security import Permission

#: action -> (permission, what it needs selected: "board" | "channel" | "target" | "")
ACTIONS = {
    "self_test": (Permission.RUN_DIAGNOSTICS, "board"),
    "loopback_test": (Permission.RUN_DIAGNOSTICS, "channel"),
    "prompt_test": (Permission.RUN_DIAGNOSTICS, "channel"),
    "fax_test": (Permission.RUN_DIAGNOSTICS, ""),
    "reset": (Permission.RUN_DIAGNOSTICS, "target"),
    "out_of_service": (Permission.RUN_DIAGNOSTICS, "target"),
    "in_service": (Permission.RUN_DIAGNOSTICS, "target"),
    "sweep": (Permission.RUN_DIAGNOSTICS, ""),
}


class ActionsPanel(QGroupBox):
    """Buttons for the selected equipment; greyed with the role that may, when ours may not."""

    #: an action was asked for (name)
    triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.permissions: set[str] = set()
        self.selection = QLabel(self, objectName="selectionLabel")
        self.prompt = QLineEdit(self, objectName="promptText")
        self.number = QLineEdit(self, objectName="faxNumber")
        self.result = QLabel(self, objectName="actionResult", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {name: QPushButton(self, objectName=f"action_{name}") for name in ACTIONS}
        for name, button in self.buttons.items():
            button.clicked.connect(lambda _=False, n=name: self.triggered.emit(n))
        grid = QGridLayout(self)
        grid.addWidget(self.selection, 0, 0, 1, 4)
        for i, name in enumerate(("self_test", "loopback_test", "reset", "out_of_service",
                                  "in_service", "sweep")):
            grid.addWidget(self.buttons[name], 1 + i // 3, i % 3)
        grid.addWidget(self.prompt, 3, 0, 1, 2)
        grid.addWidget(self.buttons["prompt_test"], 3, 2)
        grid.addWidget(self.number, 4, 0, 1, 2)
        grid.addWidget(self.buttons["fax_test"], 4, 2)
        grid.addWidget(self.result, 5, 0, 1, 3)
        grid.setRowStretch(6, 1)  # buttons at the top, the space below for long results
        self.retranslate_ui()

    def set_permissions(self, permissions: set[str]) -> None:
        self.permissions = permissions
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Maintenance actions"))
        texts = {
            "self_test": self.tr("Self-test board"), "loopback_test": self.tr("Loopback test"),
            "prompt_test": self.tr("Prompt test"), "fax_test": self.tr("Fax test"),
            "reset": self.tr("Reset"), "out_of_service": self.tr("Out of service…"),
            "in_service": self.tr("Back in service"), "sweep": self.tr("Run sweep now"),
        }
        tips = {
            "self_test": self.tr("Run the selected board's self-test"),
            "loopback_test": self.tr("Seize the selected idle channel, dial the loopback "
                                     "number, check the tone and the DTMF echo, release"),
            "prompt_test": self.tr("Play the prompt text on the selected idle IVR channel"),
            "fax_test": self.tr("Send a one-page test fax to the loopback number"),
            "reset": self.tr("Reset the selected channel or board: its calls are cut"),
            "out_of_service": self.tr("Take the selected channel, trunk or board out of "
                                      "service: it takes no new calls"),
            "in_service": self.tr("Put it back in service"),
            "sweep": self.tr("Loopback-test every idle channel now, one per board at a time"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
            allowed = ACTIONS[name][0].value in self.permissions
            button.setEnabled(allowed)
            button.setToolTip(tips[name] if allowed else needs_role(ACTIONS[name][0]))
        self.prompt.setPlaceholderText(self.tr("Prompt text to play (optional)"))
        self.number.setPlaceholderText(self.tr("Loopback fax number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class HistoryPanel(QWidget):
    """The test history (newest first) and the pass rate per board per day; CSV export."""

    refresh_asked = Signal()
    export_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[dict[str, Any]] = []
        self.model = RowsModel(HISTORY_COLUMNS, self)
        self.rates = RowsModel(RATE_COLUMNS, self)
        self.table = QTableView(self, objectName="testHistory")
        self.rate_table = QTableView(self, objectName="passRate")
        for view, model in ((self.table, self.model), (self.rate_table, self.rates)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        self.title, self.rate_title = QLabel(self, objectName="panelTitle"), QLabel(self)
        self.refresh_button = QPushButton(self, objectName="refreshHistory")
        self.export_button = QPushButton(self, objectName="exportCsv")
        self.refresh_button.clicked.connect(self.refresh_asked)
        self.export_button.clicked.connect(self.export_asked)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.rate_title)
        layout.addWidget(self.rate_table, 1)
        self.retranslate_ui()

    def set_results(self, rows: list[dict[str, Any]]) -> None:
        self.results = rows
        self.model.set_rows([{
            "at": datetime.fromtimestamp(r["at"]).strftime("%Y-%m-%d %H:%M:%S"),
            "board": r.get("board", ""), "target": r["target"],
            "kind": tr(TEST_LABELS.get(r["kind"], r["kind"])),
            "result": self.tr("pass") if r["passed"] else self.tr("FAIL"),
            "by": r.get("by", ""), "detail": r.get("detail", ""),
        } for r in rows])

    def set_rates(self, rows: list[dict[str, Any]]) -> None:
        self.rates.set_rows([dict(r, rate=f"{r['rate'] * 100:.1f} %") for r in rows])

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Test history"))
        self.rate_title.setText(self.tr("Pass rate per board and day"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        for model in (self.model, self.rates):  # new titles: the columns refit to them
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        if self.results:
            self.set_results(self.results)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class RehearsalPanel(QGroupBox):
    """Fault rehearsal — clearly an exercise, and only on the emulator."""

    rehearse = Signal(str, str, float)
    clear_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="rehearsal")
        self.setStyleSheet("QGroupBox#rehearsal { border: 2px dashed #fb8c00; margin-top: 14px;"
                           " } QGroupBox#rehearsal::title { color: #fb8c00; }")
        self.emulator = True
        self.may = False
        self.banner = QLabel(self, objectName="rehearsalBanner", wordWrap=True)
        self.kind = QComboBox(self, objectName="faultKind")
        self.target = QLineEdit(self, objectName="faultTarget")
        self.duration = QDoubleSpinBox(self, objectName="faultDuration")
        self.duration.setRange(0, 86400)
        self.duration.setValue(300)
        self.go = QPushButton(self, objectName="rehearseButton")
        self.clear = QPushButton(self, objectName="clearFaults")
        self.go.clicked.connect(lambda: self.rehearse.emit(
            self.kind.currentData(), self.target.text().strip(), self.duration.value()))
        self.clear.clicked.connect(self.clear_all)
        grid = QGridLayout(self)
        grid.addWidget(self.banner, 0, 0, 1, 3)
        grid.addWidget(self.kind, 1, 0)
        grid.addWidget(self.target, 1, 1)
        grid.addWidget(self.duration, 1, 2)
        grid.addWidget(self.go, 2, 0, 1, 2)
        grid.addWidget(self.clear, 2, 2)
        grid.setRowStretch(3, 1)
        self.retranslate_ui()

    def set_state(self, emulator: bool, may: bool) -> None:
        self.emulator, self.may = emulator, may
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("REHEARSAL (emulator only)"))
        kind = self.kind.currentData()
        self.kind.clear()
        for k, text in FAULT_LABELS.items():
            self.kind.addItem(tr(text), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.target.setPlaceholderText(self.tr("Link, board or channel"))
        self.duration.setSuffix(self.tr(" s"))
        self.duration.setToolTip(self.tr("Clears itself after this long (0: until cleared)"))
        self.go.setText(self.tr("Rehearse this fault"))
        self.clear.setText(self.tr("Clear all faults"))
        if not self.emulator:
            why = self.tr("This switchlink drives a real switch: fault rehearsal runs on the "
                          "emulator only.")
        elif not self.may:
            why = needs_role(Permission.INJECT_FAULT)
        else:
            why = ""
        self.banner.setText(self.tr("An exercise: the faults are simulated by the emulator and "
                                    "the alarms they raise are real alarms on this floor.")
                            + (f"\n{why}" if why else ""))
        for w in (self.go, self.clear, self.kind, self.target, self.duration):
            w.setEnabled(self.emulator and self.may)
            w.setToolTip(why or w.toolTip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


Ask = Callable[[str, str], str | None]
