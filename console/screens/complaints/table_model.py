"""One page of work orders as ``complaints.list`` answered it; time left coloured by level."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtGui import QColor

from console.common.table_model import Index
from console.screens.complaints.labels import (
    CHANNELS,
    PRIORITIES,
    STATES,
    WARNING_COLOURS,
    WARNING_LABELS,
    fmt_remaining,
    fmt_time,
    label,
)

COLUMNS = (
    QT_TRANSLATE_NOOP("Complaints", "Order"),
    QT_TRANSLATE_NOOP("Complaints", "State"),
    QT_TRANSLATE_NOOP("Complaints", "Time left"),
    QT_TRANSLATE_NOOP("Complaints", "Priority"),
    QT_TRANSLATE_NOOP("Complaints", "Classification"),
    QT_TRANSLATE_NOOP("Complaints", "Caller"),
    QT_TRANSLATE_NOOP("Complaints", "Channel"),
    QT_TRANSLATE_NOOP("Complaints", "Held by"),
    QT_TRANSLATE_NOOP("Complaints", "Accepted at"),
    QT_TRANSLATE_NOOP("Complaints", "Description"),
)
ID, STATE, LEFT, PRIORITY, CLASS, CALLER, CHANNEL, HOLDER, CREATED, DESCRIPTION = range(10)


def classification_text(value: Any) -> str:
    """A classification tree path (list or "a/b" text) as the floor reads it: a › b."""
    if isinstance(value, list | tuple):
        return " › ".join(str(v) for v in value)
    return str(value or "").replace("/", " › ")


def cells(order: dict[str, Any]) -> tuple[str, ...]:
    """The row's texts, also what the CSV export writes."""
    return (str(order.get("id", "")), label(STATES, order.get("state")),
            fmt_remaining(order.get("remaining_s")) if order.get("state") != "archived" else "",
            label(PRIORITIES, order.get("priority")),
            classification_text(order.get("classification")), str(order.get("caller", "")),
            label(CHANNELS, order.get("channel")), str(order.get("holder_department") or ""),
            fmt_time(order.get("created_at")), str(order.get("description", "")))


class ComplaintTableModel(QAbstractTableModel):
    """Rows are order dicts (not mirrored: a site keeps a million orders)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.orders: list[dict[str, Any]] = []

    def set_orders(self, orders: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.orders = list(orders)
        self.endResetModel()

    def order(self, row: int) -> dict[str, Any] | None:
        return self.orders[row] if 0 <= row < len(self.orders) else None

    def row_of(self, order_id: str) -> int:
        return next((i for i, o in enumerate(self.orders) if o.get("id") == order_id), -1)

    def rowCount(self, parent: Index = None) -> int:  # type: ignore[assignment]
        return 0 if parent is not None and parent.isValid() else len(self.orders)

    def columnCount(self, parent: Index = None) -> int:  # type: ignore[assignment]
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Complaints", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        o = self.order(index.row()) if index.isValid() else None
        if o is None:
            return None
        col = index.column()
        warning = o.get("warning") or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return cells(o)[col]
        if col == LEFT and warning in WARNING_COLOURS and o.get("state") != "archived":
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(WARNING_COLOURS[warning][0])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(WARNING_COLOURS[warning][1])
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("Complaints", "%1 warning").replace(
                    "%1", label(WARNING_LABELS, warning))
        if role == Qt.ItemDataRole.ToolTipRole and col == DESCRIPTION:
            return str(o.get("description", ""))
        if role == Qt.ItemDataRole.ForegroundRole and col == PRIORITY and \
                o.get("priority") == "urgent":
            return QColor("#d32f2f")
        return None
