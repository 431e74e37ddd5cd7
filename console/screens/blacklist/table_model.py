"""The entries the daemon answered for the current filters, as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtGui import QColor

from console.common.table_model import Index
from console.screens.blacklist.labels import ACTIONS, LEVELS, STATES, fmt_time, label

COLUMNS = (
    QT_TRANSLATE_NOOP("Blacklist", "Number"),
    QT_TRANSLATE_NOOP("Blacklist", "State"),
    QT_TRANSLATE_NOOP("Blacklist", "Action"),
    QT_TRANSLATE_NOOP("Blacklist", "Customer level"),
    QT_TRANSLATE_NOOP("Blacklist", "Blocked from"),
    QT_TRANSLATE_NOOP("Blacklist", "Blocked until"),
    QT_TRANSLATE_NOOP("Blacklist", "Added by"),
    QT_TRANSLATE_NOOP("Blacklist", "Reason"),
)
NUMBER, STATE, ACTION, LEVEL, FROM, UNTIL, BY, REASON = range(8)
_STATE_COLOURS = {"active": "#c62828", "pending": "#ef6c00", "expired": "#757575",
                  "lifted": "#2e7d32"}


class BlacklistTableModel(QAbstractTableModel):
    """Rows are entry dicts from ``blacklist.list`` (not the mirror: the list can be huge)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[dict[str, Any]] = []

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> dict[str, Any] | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def rowCount(self, parent: Index = None) -> int:  # type: ignore[assignment]
        return 0 if parent is not None and parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = None) -> int:  # type: ignore[assignment]
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Blacklist", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self.entry(index.row()) if index.isValid() else None
        if e is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NUMBER:
                return e.get("display") or e["number"]
            if col == STATE:
                return label(STATES, e["state"])
            if col == ACTION:
                return label(ACTIONS, e["action"])
            if col == LEVEL:
                return label(LEVELS, e["customer_level"])
            if col == FROM:
                return fmt_time(e["blocked_from"])
            if col == UNTIL:
                return (fmt_time(e["blocked_until"]) if e["blocked_until"] is not None
                        else QCoreApplication.translate("Blacklist", "No end"))
            if col == BY:
                return e.get("created_by", "")
            return e.get("reason", "")
        if role == Qt.ItemDataRole.ForegroundRole and col == STATE:
            return QColor(_STATE_COLOURS.get(e["state"], "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and col == REASON:
            return e.get("reason", "")
        return None
