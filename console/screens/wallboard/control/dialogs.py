"""The small dialog every supervisor action opens: what is about to happen to whom, and why.

It is opened with ``open()`` (the board keeps updating behind it) and sends nothing itself:
the controller reads the fields on ``accepted`` and waits for no reply here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)


class ActionDialog(QDialog):
    """Reason (prefilled with the last one), and per action a reason code or a transfer target."""

    def __init__(self, title: str, summary: str, *, reason: str = "", ask_reason: bool = True,
                 reason_codes: list[tuple[str, str]] | None = None,
                 agents: list[tuple[str, str]] | None = None,
                 queues: list[tuple[str, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.summary = QLabel(summary, self, wordWrap=True)
        form.addRow(self.summary)
        self.code: QComboBox | None = None
        if reason_codes is not None:
            self.code = QComboBox(self, objectName="reasonCode")
            for code, label in reason_codes:
                self.code.addItem(label, code)
            self.code_label = QLabel(self)
            form.addRow(self.code_label, self.code)
        self.to_agent_choice: QRadioButton | None = None
        self.target: QComboBox | None = None
        if agents is not None or queues is not None:
            self.to_agent_choice = QRadioButton(self)
            self.to_queue_choice = QRadioButton(self)
            self.to_agent = QComboBox(self, objectName="toAgent", editable=True)
            for ident, label in agents or []:
                self.to_agent.addItem(label, ident)
            self.to_queue = QComboBox(self, objectName="toQueue")
            for ident, label in queues or []:
                self.to_queue.addItem(label, ident)
            self.to_agent_choice.setChecked(True)
            form.addRow(self.to_agent_choice, self.to_agent)
            form.addRow(self.to_queue_choice, self.to_queue)
        self.reason = QLineEdit(reason, self, objectName="reason")
        self.reason_label = QLabel(self)
        self.reason.setVisible(ask_reason)
        self.reason_label.setVisible(ask_reason)
        self.ask_reason = ask_reason
        form.addRow(self.reason_label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.reason.textChanged.connect(self._check)
        self.reason.selectAll()
        self.retranslate_ui()
        self._check()

    def _check(self, *_: object) -> None:
        """A reason is required: the audit trail records why (REQUIREMENTS.md §3)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled((not self.ask_reason or bool(self.reason.text().strip()))
                      and (self.code is None or self.code.count() > 0))

    def set_codes(self, codes: list[tuple[str, str]]) -> None:
        """The reason codes, when they arrive after the dialog opened."""
        if self.code is not None and self.code.count() == 0:
            for code, label in codes:
                self.code.addItem(label, code)
            self._check()

    def values(self) -> dict[str, Any]:
        """What the person chose: reason, reason_code, to_agent / to_queue (only those asked)."""
        out: dict[str, Any] = {}
        if self.ask_reason:
            out["reason"] = self.reason.text().strip()
        if self.code is not None and self.code.currentData():
            out["reason_code"] = self.code.currentData()
        if self.to_agent_choice is not None:
            if self.to_agent_choice.isChecked():
                data = self.to_agent.currentData()
                text = self.to_agent.currentText().strip()
                # typed by hand: the work number is the text up to the first space
                out["to_agent"] = data if data and self.to_agent.itemText(
                    self.to_agent.currentIndex()) == text else text.split(" ")[0]
            else:
                out["to_queue"] = self.to_queue.currentData()
        return out

    def retranslate_ui(self) -> None:
        self.reason_label.setText(self.tr("Reason:"))
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit trail)"))
        if self.code is not None:
            self.code_label.setText(self.tr("Reason code:"))
        if self.to_agent_choice is not None:
            self.to_agent_choice.setText(self.tr("To agent:"))
            self.to_queue_choice.setText(self.tr("To queue:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
