"""Add / edit, lift and import-error dialogs; mistakes show inline, in one line, in place."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.screens.blacklist.labels import ACTIONS, LEVELS, label
from models.phone_numbers import NumberError, normalise

#: what the console says for each kind of number mistake (models.phone_numbers codes)
NUMBER_MISTAKES = {
    "empty": QT_TRANSLATE_NOOP("EntryDialog", "Enter the caller's number."),
    "characters": QT_TRANSLATE_NOOP(
        "EntryDialog", "A number has digits, spaces, dashes and a leading + only."),
    "too_long": QT_TRANSLATE_NOOP("EntryDialog", "Too long to be a telephone number."),
    "area_code": QT_TRANSLATE_NOOP(
        "EntryDialog", "A landline needs its area code, e.g. 0871-12345678."),
    "mobile": QT_TRANSLATE_NOOP(
        "EntryDialog", "A mobile number has 11 digits and starts 13 to 19."),
    "landline": QT_TRANSLATE_NOOP(
        "EntryDialog", "A landline is the area code and a 7- or 8-digit number."),
    "service": QT_TRANSLATE_NOOP(
        "EntryDialog", "Service numbers: 95xxx/96xxx (5-8 digits), 400/800 (10 digits)."),
    "short_code": QT_TRANSLATE_NOOP(
        "EntryDialog", "Emergency and short codes cannot be blacklisted."),
    "international": QT_TRANSLATE_NOOP(
        "EntryDialog", "An international number is + country code and 8-15 digits."),
}
#: a reply sent by the dialog: (command args, on_error(message)) -> None
Submit = Callable[[dict[str, Any], Callable[[str], None]], None]


class EntryDialog(QDialog):
    """Add a number (``entry`` None) or edit a listed one; the caller sends the command."""

    def __init__(self, submit: Submit, entry: dict[str, Any] | None = None,
                 now: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit, self.entry = submit, entry
        self.setWindowTitle(self.tr("Edit blacklist entry") if entry else
                            self.tr("Add to the blacklist"))
        self.setMinimumWidth(560)  # the one-line error fits
        self.number = QLineEdit(self)
        self.number.setPlaceholderText("0871-12345678")
        self.action = QComboBox(self)
        for key in ACTIONS:
            self.action.addItem(label(ACTIONS, key), key)
        self.level = QComboBox(self)
        for key in LEVELS:
            self.level.addItem(label(LEVELS, key), key)
        start = QDateTime.fromSecsSinceEpoch(int(now if now is not None else time.time()))
        self.start = QDateTimeEdit(start, self)
        self.start.setCalendarPopup(True)
        self.window_kind = QComboBox(self)
        self.window_kind.addItem(self.tr("For"), "for")
        self.window_kind.addItem(self.tr("Until"), "until")
        self.window_kind.addItem(self.tr("No end"), "none")
        self.amount = QSpinBox(self)
        self.amount.setRange(1, 3650)
        self.amount.setValue(7)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("days"), 86400)
        self.unit.addItem(self.tr("hours"), 3600)
        self.until = QDateTimeEdit(start.addDays(7), self)
        self.until.setCalendarPopup(True)
        self.reason = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("inlineError")
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        self.error.setWordWrap(False)
        window = QHBoxLayout()
        for w in (self.window_kind, self.amount, self.unit, self.until):
            window.addWidget(w)
        form = QFormLayout()
        form.addRow(self.tr("Harassing number"), self.number)
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Customer level"), self.level)
        form.addRow(self.tr("Blocked from"), self.start)
        form.addRow(self.tr("Blocking time"), window)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.window_kind.currentIndexChanged.connect(self._window_changed)
        if entry is not None:
            self._fill(entry)
        self._window_changed()

    def _fill(self, e: dict[str, Any]) -> None:
        self.number.setText(e.get("display") or e["number"])
        self.number.setReadOnly(True)
        self.action.setCurrentIndex(max(0, self.action.findData(e["action"])))
        self.level.setCurrentIndex(max(0, self.level.findData(e["customer_level"])))
        self.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(e["blocked_from"])))
        if e["blocked_until"] is None:
            self.window_kind.setCurrentIndex(self.window_kind.findData("none"))
        else:
            self.window_kind.setCurrentIndex(self.window_kind.findData("until"))
            self.until.setDateTime(QDateTime.fromSecsSinceEpoch(int(e["blocked_until"])))

    def _window_changed(self, *_: object) -> None:
        kind = self.window_kind.currentData()
        self.amount.setVisible(kind == "for")
        self.unit.setVisible(kind == "for")
        self.until.setVisible(kind == "until")

    def show_error(self, message: str) -> None:
        """One line under the form; the whole text in its tooltip."""
        first = message.splitlines()[0] if message else ""
        self.error.setText(self.error.fontMetrics().elidedText(
            first, Qt.TextElideMode.ElideRight, max(200, self.width() - 24)))
        self.error.setToolTip(message)

    def args(self) -> dict[str, Any] | None:
        """The command's arguments, or None after showing what is wrong."""
        try:
            number = normalise(self.number.text())
        except NumberError as exc:
            why = NUMBER_MISTAKES.get(exc.code)
            text = QCoreApplication.translate("EntryDialog", why) if why else str(exc)
            self.show_error(self.tr("Number: %1").replace("%1", text))
            self.number.setFocus()
            return None
        if not self.reason.text().strip():
            self.show_error(self.tr("Give a reason: it is kept in the history and the audit."))
            self.reason.setFocus()
            return None
        start = float(self.start.dateTime().toSecsSinceEpoch())
        out: dict[str, Any] = {"number": number, "action": self.action.currentData(),
                               "customer_level": self.level.currentData(), "from": start,
                               "reason": self.reason.text().strip()}
        kind = self.window_kind.currentData()
        if kind == "for":
            out["duration_s"] = float(self.amount.value() * self.unit.currentData())
        elif kind == "until":
            out["until"] = float(self.until.dateTime().toSecsSinceEpoch())
        else:
            out["until"] = None
        return out

    def send(self) -> None:
        args = self.args()
        if args is not None:
            self.error.clear()
            self.submit(args, self.show_error)


class LiftDialog(QDialog):
    """解除: a reason, then the number is a normal customer again."""

    def __init__(self, submit: Submit, entry: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit, self.entry = submit, entry
        self.setWindowTitle(self.tr("Lift %1").replace("%1", entry.get("display", "")))
        self.reason = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d32f2f; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The caller becomes a normal customer again; the "
                                        "history is kept."), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def show_error(self, message: str) -> None:
        self.error.setText(message.splitlines()[0] if message else "")
        self.error.setToolTip(message)

    def send(self) -> None:
        if not self.reason.text().strip():
            self.show_error(self.tr("Give a reason: it is kept in the history and the audit."))
            return
        self.submit({"number": self.entry["number"], "reason": self.reason.text().strip()},
                    self.show_error)


class ImportErrorsDialog(QDialog):
    """The rows that refused an import, each with its line and reason; nothing was imported."""

    def __init__(self, path: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        lines = message.splitlines()
        count = len([ln for ln in lines if ln.startswith("line ")])
        head = QLabel(self.tr("%1: %2 bad row(s). Nothing was imported; correct the file and "
                              "import it again.").replace("%1", path).replace("%2", str(count)),
                      self)
        head.setWordWrap(True)
        self.listing = QPlainTextEdit(self)
        self.listing.setReadOnly(True)
        self.listing.setPlainText("\n".join(lines[1:] if count else lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.listing)
        layout.addWidget(buttons)
        self.resize(720, 360)
