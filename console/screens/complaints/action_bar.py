"""The actions on one order: only those legal in its state, greyed (with why) for a role that
may not; a note kept through refusals and stale reloads, the department for a dispatch, and the
customer's yes / no for feedback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.screens.complaints.labels import ACTIONS, choice_label, label
from console.screens.complaints.lifecycle import (
    ALL_ACTIONS,
    NEEDS_DEPARTMENT,
    NOTE_REQUIRED,
    offered,
)

#: button -> (action, satisfied); feedback is two buttons, the customer's yes and no
BUTTONS: dict[str, tuple[str, bool | None]] = {
    **{a: (a, None) for a in ALL_ACTIONS if a != "feedback"},
    "satisfied": ("feedback", True),
    "unsatisfied": ("feedback", False),
}
ORDER = ("reply_now", "dispatch", "reply", "return", "satisfied", "unsatisfied", "archive",
         "reprocess", "note", "urge")
SHORTCUTS = {
    "reply_now": "Ctrl+Shift+A", "dispatch": "Ctrl+D", "reply": "Ctrl+R",
    "return": "Ctrl+Shift+R", "satisfied": "Ctrl+Shift+Y", "unsatisfied": "Ctrl+Shift+U",
    "archive": "Ctrl+Shift+V", "reprocess": "Ctrl+Shift+P", "note": "Ctrl+Shift+N",
    "urge": "Ctrl+U",
}
MAX_NOTE = 2000
#: buttons in a row
COLUMNS = 4


class OrderActions(QWidget):
    """Emits ``act(action, note, department, satisfied)``; the screen sends it with the
    order's version and calls :meth:`done` or :meth:`failed`."""

    act = Signal(str, str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order: dict[str, Any] | None = None
        #: why an action is not allowed for this user on the shown order ("" = allowed)
        self.why_not: Callable[[str], str] = lambda _action: ""
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.department_label = QLabel(self)
        self.department = QComboBox(self)
        self.message = QLabel(self, objectName="complaintMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons: dict[str, QPushButton] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self.grid = QGridLayout()
        for name in ORDER:
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, n=name: self.trigger(n))
            self.buttons[name] = button
            action = QAction(self)
            action.setShortcut(QKeySequence(SHORTCUTS[name]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, n=name: self.trigger(n))
            self.actions_by_name[name] = action
        dept_row = QHBoxLayout()
        dept_row.addWidget(self.department_label)
        dept_row.addWidget(self.department, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(dept_row)
        layout.addLayout(self.grid)
        layout.addWidget(self.message)
        self.message.hide()
        self.retranslate_ui()
        self.show_order(None)

    def shortcut_actions(self) -> list[QAction]:
        """The screen adds these to itself so the shortcuts work anywhere in the tab."""
        return list(self.actions_by_name.values())

    def retranslate_ui(self) -> None:
        texts = {**{a: label(ACTIONS, a) for a in ALL_ACTIONS},
                 "satisfied": self.tr("Customer satisfied"),
                 "unsatisfied": self.tr("Not satisfied")}
        for name, button in self.buttons.items():
            button.setText(texts[name])
            self.actions_by_name[name].setText(texts[name])
        self.note.setPlaceholderText(self.tr(
            "Note or reason — needed to reply, return or reprocess; kept if the order "
            "changed meanwhile"))
        self.department_label.setText(self.tr("Dispatch to"))
        current = self.department.currentData()
        for i in range(self.department.count()):
            self.department.setItemText(i, choice_label(str(self.department.itemData(i))))
        self.department.setCurrentIndex(max(0, self.department.findData(current)))
        self.show_order(self.order)

    def set_departments(self, departments: list[str]) -> None:
        current = self.department.currentData()
        self.department.clear()
        for d in departments:
            self.department.addItem(choice_label(d), d)
        self.department.setCurrentIndex(max(0, self.department.findData(current)))

    def show_order(self, order: dict[str, Any] | None) -> None:
        """Buttons for the actions legal in the order's state; greyed with why when the user
        may not take them."""
        self.order = order
        legal = offered(order)
        for name, button in self.buttons.items():
            action = BUTTONS[name][0]
            shown = action in legal
            why = self.why_not(action) if shown else ""
            button.setVisible(shown)
            button.setEnabled(shown and not why)
            tip = why or self.tr("%1 (%2)").replace("%1", button.text()).replace(
                "%2", QKeySequence(SHORTCUTS[name]).toString(
                    QKeySequence.SequenceFormat.NativeText))
            button.setToolTip(tip)
            self.actions_by_name[name].setEnabled(shown and not why)
        self._place([n for n in ORDER if BUTTONS[n][0] in legal])
        dispatchable = "dispatch" in legal
        self.department.setVisible(dispatchable)
        self.department_label.setVisible(dispatchable)
        self.note.setEnabled(bool(legal))

    def _place(self, shown: list[str]) -> None:
        """The offered buttons side by side, four a row, without gaps for the hidden ones."""
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for i, name in enumerate(shown):
            self.grid.addWidget(self.buttons[name], i // COLUMNS, i % COLUMNS)

    def trigger(self, name: str) -> None:
        action, satisfied = BUTTONS[name]
        if action not in offered(self.order):
            return
        why = self.why_not(action)
        if why:
            self.failed(why)
            return
        note = self.note.toPlainText().strip()
        if action in NOTE_REQUIRED and not note:
            self.failed(self.tr("Write a note first: %1 needs one.").replace(
                "%1", label(ACTIONS, action)))
            self.note.setFocus()
            return
        if len(note) > MAX_NOTE:
            self.failed(self.tr("The note is %1 characters; at most %2.")
                        .replace("%1", str(len(note))).replace("%2", str(MAX_NOTE)))
            return
        department = str(self.department.currentData() or "") if action in NEEDS_DEPARTMENT \
            else ""
        self.message.hide()
        self.act.emit(action, note, department, satisfied)

    def done(self) -> None:
        """Sent and applied: the note was used."""
        self.note.clear()
        self.message.hide()

    def failed(self, text: str) -> None:
        """Refused or stale: say why; the typed note stays."""
        self.message.setText(text)
        self.message.show()
