"""The manual dunning seat (远程座席): the next account to call, its bills and past calls,
click to dial through the switch, then the outcome and any promise to pay."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.dunning.labels import (
    RESULTS,
    SEAT_RESULTS,
    SEATS,
    STAGES,
    label,
    when,
    yuan,
)


class SeatPanel(QWidget):
    next_clicked = Signal()
    dial_clicked = Signal(str)  # account
    record_clicked = Signal(dict)  # dunning.seat.record arguments

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account: dict[str, Any] | None = None
        #: the site's time zone and day (from the campaign): times and promises are site time
        self.zone = ""
        self.today = ""
        self.next = QPushButton(self)
        self.next.setObjectName("seatNext")
        self.dial = QPushButton(self)
        self.dial.setObjectName("seatDial")
        self.call_state = QLabel(self)
        self.box = QGroupBox(self)
        self.fields = {k: QLabel(self.box) for k in ("name", "phone", "stage", "owed",
                                                      "promise", "level")}
        self.captions = {k: QLabel(self.box) for k in self.fields}
        form = QFormLayout(self.box)
        for key, value in self.fields.items():
            value.setObjectName("seat_" + key)
            form.addRow(self.captions[key], value)
        self.bills = QTableWidget(0, 3, self)
        self.attempts = QTableWidget(0, 4, self)
        for t in (self.bills, self.attempts):
            t.verticalHeader().hide()
            t.horizontalHeader().setStretchLastSection(True)
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.result = QComboBox(self)
        self.promise_date = QDateEdit(self)
        self.promise_date.setCalendarPopup(True)
        self.promise_date.setDate(QDate.currentDate().addDays(7))
        self.promise_amount = QDoubleSpinBox(self)
        self.promise_amount.setRange(0, 10_000_000)
        self.promise_amount.setDecimals(2)
        self.promise_amount.setPrefix("¥")
        self.note = QLineEdit(self)
        self.note.setMaxLength(256)
        self.record = QPushButton(self)
        self.record.setObjectName("seatRecord")
        self.error = QLabel(self)
        self.error.setObjectName("seatError")
        self.error.setStyleSheet("color: #c0392b")
        self.outcome_box = QGroupBox(self)
        out = QFormLayout(self.outcome_box)
        self.out_captions = [QLabel(self.outcome_box) for _ in range(4)]
        for cap, w in zip(self.out_captions, (self.result, self.promise_date,
                                              self.promise_amount, self.note), strict=True):
            out.addRow(cap, w)
        out.addRow(self.error)
        out.addRow(self.record)
        top = QHBoxLayout()
        top.addWidget(self.next)
        top.addWidget(self.dial)
        top.addWidget(self.call_state, 1)
        left = QVBoxLayout()
        left.addWidget(self.box)
        left.addWidget(self.outcome_box)
        left.addStretch(1)
        right = QVBoxLayout()
        self.bills_label, self.attempts_label = QLabel(self), QLabel(self)
        right.addWidget(self.bills_label)
        right.addWidget(self.bills, 1)
        right.addWidget(self.attempts_label)
        right.addWidget(self.attempts, 2)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.next.clicked.connect(self.next_clicked)
        self.dial.clicked.connect(lambda: self.account and self.dial_clicked.emit(
            self.account["account"]))
        self.record.clicked.connect(self._record)
        self.result.currentIndexChanged.connect(self._promise_fields)
        self.retranslate_ui()
        self.show_account(None)

    def retranslate_ui(self) -> None:
        self.next.setText(self.tr("Next account"))
        self.dial.setText(self.tr("Dial"))
        self.record.setText(self.tr("Record outcome"))
        self.box.setTitle(self.tr("Account"))
        self.outcome_box.setTitle(self.tr("Outcome of the call"))
        for key, text in (("name", self.tr("Name")), ("phone", self.tr("Number")),
                          ("stage", self.tr("Stage")), ("owed", self.tr("Owed")),
                          ("promise", self.tr("Promise")), ("level", self.tr("Customer level"))):
            self.captions[key].setText(text)
        for cap, text in zip(self.out_captions, (self.tr("Outcome"), self.tr("Promised date"),
                                                 self.tr("Promised amount"), self.tr("Note")),
                             strict=True):
            cap.setText(text)
        current = self.result.currentData()
        self.result.blockSignals(True)
        self.result.clear()
        for key in SEAT_RESULTS:
            self.result.addItem(label(RESULTS, key), key)
        self.result.setCurrentIndex(max(0, self.result.findData(current)))
        self.result.blockSignals(False)
        self.bills.setHorizontalHeaderLabels(
            [self.tr("Month"), self.tr("Amount"), self.tr("Paid")])
        self.attempts.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("How"), self.tr("Outcome"), self.tr("By")])
        self.bills_label.setText(self.tr("Bills"))
        self.attempts_label.setText(self.tr("Dunning calls"))
        self.show_account(self.account)

    def _promise_fields(self, *_: object) -> None:
        promised = self.result.currentData() == "promised"
        self.promise_date.setEnabled(promised and self.account is not None)
        self.promise_amount.setEnabled(promised and self.account is not None)

    def show_account(self, account: dict[str, Any] | None) -> None:
        self.account = account
        has = account is not None
        self.dial.setEnabled(has and self.dial.property("allowed") is not False)
        self.record.setEnabled(has and self.record.property("allowed") is not False)
        self.error.setText("")
        if account is None:
            for value in self.fields.values():
                value.setText("—")
            self.call_state.setText(self.tr("Press “Next account” to take the next one in the "
                                       "collection queue."))
            self.bills.setRowCount(0)
            self.attempts.setRowCount(0)
            self._promise_fields()
            return
        self.fields["name"].setText(account["name"])
        self.fields["phone"].setText(account["phone"])
        self.fields["stage"].setText(label(STAGES, account["stage"]))
        self.fields["owed"].setText(yuan(account["owed"]))
        self.fields["promise"].setText(
            self.tr("%1 by %2").replace("%1", yuan(account["promise"])).replace(
                "%2", account["promise_date"]) if account.get("promise_date") else "—")
        self.fields["level"].setText(self.tr("VIP") if account.get("level") == "vip"
                                     else self.tr("Normal"))
        self.bills.setRowCount(len(account["bills"]))
        for row, b in enumerate(account["bills"]):
            for col, text in enumerate((b["period"], yuan(b["amount"]), yuan(b["paid"]))):
                self.bills.setItem(row, col, QTableWidgetItem(text))
        attempts = list(reversed(account["attempts"]))
        self.attempts.setRowCount(len(attempts))
        for row, a in enumerate(attempts):
            how = label(SEATS, "robot" if a["kind"] == "auto" else "manual")
            for col, text in enumerate((when(a["at"], self.zone), how, label(RESULTS, a["result"]),
                                        a["by"])):
                self.attempts.setItem(row, col, QTableWidgetItem(text))
        self.attempts.resizeColumnsToContents()
        self.call_state.setText(self.tr("%1 · %2").replace("%1", account["account"])
                                .replace("%2", account["name"]))
        self.promise_amount.setValue(float(account["owed"] or 0))
        if self.today:  # a week from the site's today, the usual promise
            self.promise_date.setDate(QDate.fromString(self.today, "yyyy-MM-dd").addDays(7))
        self._promise_fields()

    def show_call(self, text: str) -> None:
        self.call_state.setText(text)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _record(self) -> None:
        if self.account is None:
            return
        result = self.result.currentData()
        args: dict[str, Any] = {"account": self.account["account"], "result": result,
                                "note": self.note.text().strip()}
        if result == "promised":
            if self.promise_amount.value() <= 0:
                self.error.setText(self.tr("A promise needs an amount."))
                return
            args["promise_date"] = self.promise_date.date().toString("yyyy-MM-dd")
            args["promise_amount"] = f"{self.promise_amount.value():.2f}"
        self.error.setText("")
        self.record_clicked.emit(args)
