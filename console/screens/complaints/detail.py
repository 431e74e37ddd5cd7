"""One work order: every field, then its history as a timeline (who, role, when, what, note)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.complaints.labels import (
    CHANNELS,
    ERROR_CLASSES,
    HISTORY_ACTIONS,
    LEVELS_OF_CUSTOMER,
    PRIORITIES,
    ROLE_OF_ONE,
    STATES,
    WARNING_COLOURS,
    WARNING_LABELS,
    choice_label,
    fmt_remaining,
    fmt_time,
    label,
)
from console.screens.complaints.table_model import classification_text

#: the fields shown, in order: (key, label); labels are translated in retranslate_ui
FIELDS = ("classification", "description", "caller", "customer_level", "channel", "priority",
          "holder_department", "due_at", "cause", "responsible_department", "created",
          "satisfied", "cross_region", "error_class", "call_id", "attachments", "ivr_trail")
#: fields given a whole row
WIDE = frozenset({"classification", "description", "ivr_trail"})


class OrderDetail(QWidget):
    """Filled from ``complaints.show``; the action bar below it is the screen's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] | None = None
        self.title = QLabel(self, objectName="complaintTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self, objectName="complaintWarning")
        # two pairs a row (the description and the IVR trail a row each): the timeline and
        # the actions below stay in view on a 1080p screen
        self.form = QGridLayout()
        self.form.setColumnStretch(1, 1)
        self.form.setColumnStretch(3, 1)
        self.field_labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        row = col = 0
        for key in FIELDS:
            name, value = QLabel(self), QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_labels[key], self.values[key] = name, value
            wide = key in WIDE
            if wide and col:
                row, col = row + 1, 0
            self.form.addWidget(name, row, col)
            self.form.addWidget(value, row, col + 1, 1, 3 if wide else 1)
            row, col = (row + 1, 0) if wide or col else (row, 2)
        self.timeline_label = QLabel(self, objectName="panelTitle")
        self.timeline = QTableWidget(0, 4, self)
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(True)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.warning)
        layout.addLayout(self.form)
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        names = {
            "caller": self.tr("Caller"), "customer_level": self.tr("Customer level"),
            "channel": self.tr("Channel"), "classification": self.tr("Classification"),
            "description": self.tr("Description"), "cause": self.tr("Responsibility cause"),
            "responsible_department": self.tr("Responsible department"),
            "holder_department": self.tr("Held by"), "priority": self.tr("Priority"),
            "cross_region": self.tr("Cross-region"), "error_class": self.tr("Error class"),
            "attachments": self.tr("Attachments"), "call_id": self.tr("From call"),
            "ivr_trail": self.tr("IVR trail"), "created": self.tr("Accepted"),
            "due_at": self.tr("Due"), "satisfied": self.tr("Customer satisfied"),
        }
        for key, text in names.items():
            self.field_labels[key].setText(text)
        self.timeline_label.setText(self.tr("History"))
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note")])
        self.show_order(self.data)

    def order(self) -> dict[str, Any] | None:
        return (self.data or {}).get("order")

    def show_order(self, data: dict[str, Any] | None) -> None:
        """One ``complaints.show`` reply; anything without an order shows the empty panel."""
        if not isinstance(data, dict) or not isinstance(data.get("order"), dict):
            data = None
        self.data = data
        for key in FIELDS:
            self.field_labels[key].setVisible(data is not None)
            self.values[key].setVisible(data is not None)
        if data is None:
            self.title.setText(self.tr("Select an order to see its history"))
            self.warning.hide()
            self.timeline.setRowCount(0)
            return
        o = data["order"]
        self.title.setText(f"{o.get('id', '')} — {label(STATES, o.get('state'))}")
        self._show_warning(o)
        yes, no = self.tr("Yes"), self.tr("No")
        satisfied = o.get("satisfied")
        texts = {
            "caller": str(o.get("caller", "")),
            "customer_level": label(LEVELS_OF_CUSTOMER, o.get("customer_level")),
            "channel": label(CHANNELS, o.get("channel")),
            "classification": classification_text(o.get("classification")),
            "description": str(o.get("description", "")),
            "cause": choice_label(str(o.get("cause") or "")),
            "responsible_department": choice_label(str(o.get("responsible_department") or "")),
            "holder_department": choice_label(str(o.get("holder_department") or "")),
            "priority": label(PRIORITIES, o.get("priority")),
            "cross_region": yes if o.get("cross_region") else no,
            "error_class": label(ERROR_CLASSES, o.get("error_class") or ""),
            "attachments": "\n".join(str(a) for a in o.get("attachments") or []) or "–",
            "call_id": str(o.get("call_id") or "–"),
            "ivr_trail": " → ".join(str(s) for s in o.get("ivr_trail") or []) or "–",
            "created": self.tr("%1 by %2").replace("%1", fmt_time(o.get("created_at")))
            .replace("%2", str(o.get("created_by", ""))),
            "due_at": fmt_time(o.get("due_at")),
            "satisfied": "–" if satisfied is None else (yes if satisfied else no),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self._show_history(data.get("history") or [])

    def _show_warning(self, o: dict[str, Any]) -> None:
        level = o.get("warning") or ""
        if o.get("state") == "archived" or o.get("remaining_s") is None:
            self.warning.hide()
            return
        left = fmt_remaining(o.get("remaining_s"))
        if level in WARNING_COLOURS:
            bg, fg = WARNING_COLOURS[level]
            self.warning.setStyleSheet(f"background: {bg}; color: {fg}; padding: 4px;"
                                       " font-weight: bold;")
            self.warning.setText(self.tr("%1 warning · %2").replace(
                "%1", label(WARNING_LABELS, level)).replace("%2", left))
        else:
            self.warning.setStyleSheet("padding: 4px;")
            self.warning.setText(self.tr("Time left: %1").replace("%1", left))
        self.warning.show()

    def _show_history(self, rows: list[dict[str, Any]]) -> None:
        """Oldest first, like reading the order's story; each step says who as what."""
        self.timeline.setRowCount(len(rows))
        for i, h in enumerate(rows):
            who = str(h.get("by", ""))
            if h.get("role"):
                who = self.tr("%1 (%2)").replace("%1", who).replace(
                    "%2", label(ROLE_OF_ONE, str(h["role"])))
            what = label(HISTORY_ACTIONS, h.get("action"))
            if h.get("from_state") and h.get("to_state") != h.get("from_state"):
                what = self.tr("%1 → %2").replace("%1", what).replace(
                    "%2", label(STATES, h.get("to_state")))
            items = [QTableWidgetItem(text) for text in (fmt_time(h.get("at")), who, what,
                                                          str(h.get("note") or ""))]
            items[0].setForeground(QColor("#1565c0"))
            items[3].setToolTip(str(h.get("note") or ""))
            for j, item in enumerate(items):
                self.timeline.setItem(i, j, item)
        self.timeline.resizeRowsToContents()
