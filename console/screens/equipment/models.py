"""Table and map models over the mirror: equipment health, the channel map, test history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from console.common.link import MirrorLike
from console.screens.equipment.labels import kind_label, state_label

Index = QModelIndex | QPersistentModelIndex
#: a cell's data for the delegate: (id, state, tooltip)
CELL_ROLE = Qt.ItemDataRole.UserRole + 10
TARGET_ROLE = Qt.ItemDataRole.UserRole + 11


def when(epoch: float | None) -> str:
    """A switch-clock time in the UI language's short format; "start" when unchanged."""
    if epoch is None:
        return QCoreApplication.translate("Equipment", "since start")
    stamp = datetime.fromtimestamp(epoch)
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def note(item: dict[str, Any]) -> str:
    oos = item.get("out_of_service")
    if oos:
        return QCoreApplication.translate("Equipment", "{reason} — {by}, {since}").format(
            reason=oos.get("reason", ""), by=oos.get("by", ""), since=when(oos.get("since")))
    return str(item.get("last_error") or "")


class HealthModel(QAbstractTableModel):
    """Links, boards and trunks: status, since, counters, last error or why out of service."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("Equipment", "Type"), QT_TRANSLATE_NOOP("Equipment", "ID"),
        QT_TRANSLATE_NOOP("Equipment", "Status"), QT_TRANSLATE_NOOP("Equipment", "Since"),
        QT_TRANSLATE_NOOP("Equipment", "Calls"), QT_TRANSLATE_NOOP("Equipment", "Errors"),
        QT_TRANSLATE_NOOP("Equipment", "Tests ✓/✗"),
        QT_TRANSLATE_NOOP("Equipment", "Round trip / reconnects (1 h)"),
        QT_TRANSLATE_NOOP("Equipment", "Last error / out of service"),
    )

    def __init__(self, mirror: MirrorLike, parent: Any = None) -> None:
        super().__init__(parent)
        self.mirror = mirror
        self.rows: list[tuple[str, str, dict[str, Any]]] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = [(kind, key.split("/", 1)[1], value)
                     for kind in ("link", "board", "trunk")
                     for key, value in sorted(self.mirror.items(kind + "/").items())]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Equipment", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, ident, item = self.rows[index.row()]
        if role == TARGET_ROLE:
            return kind, ident
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            from PySide6.QtGui import QColor

            status = item.get("status", "")
            return QColor({"down": "#e53935", "degraded": "#fb8c00",
                           "out_of_service": "#9e9e9e", "testing": "#f9a825"}.get(status,
                                                                               "#43a047"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        counters = item.get("counters") or {}
        column = index.column()
        if column == 0:
            shown = kind_label(kind)
            return shown + (f" · {kind_label(item['kind'])}" if kind == "board" else "")
        if column == 1:
            return ident + (f" ({item.get('board')})" if kind == "trunk" else "")
        if column == 2:
            status = state_label(str(item.get("status", "")))
            if kind == "trunk":
                status += f"  {item.get('in_use', 0)}/{item.get('capacity', '?')}"
            return status
        if column == 3:
            return when(item.get("since"))
        if column == 4:
            return QLocale().toString(int(counters.get("calls", 0)))
        if column == 5:
            return QLocale().toString(int(counters.get("errors", 0)))
        if column == 6:
            return f"{counters.get('tests_passed', 0)} / {counters.get('tests_failed', 0)}"
        if column == 7:
            if kind != "link":
                return ""
            return f"{item.get('latency_ms', 0):.0f} ms / {item.get('reconnects_1h', 0)}"
        return note(item)


class ChannelMapModel(QAbstractListModel):
    """One cell per channel (and per trunk circuit), filtered by board and kind."""

    def __init__(self, mirror: MirrorLike, parent: Any = None) -> None:
        super().__init__(parent)
        self.mirror = mirror
        self.board = ""
        self.kind = ""
        self.cells: list[tuple[str, str, str, str]] = []  # id, state, board, tooltip

    def set_filter(self, board: str, kind: str) -> None:
        self.board, self.kind = board, kind
        self.refresh()

    def refresh(self) -> None:
        cells = []
        boards = self.mirror.items("board/")
        for key, ch in sorted(self.mirror.items("channel/").items(), key=_natural):
            ident, board, kind = key[len("channel/"):], str(ch.get("board", "")), \
                str(ch.get("kind", ""))
            if self._wanted(board, kind):
                cells.append((ident, str(ch.get("status", "")), board, _tip(ident, ch)))
        for key, trunk in sorted(self.mirror.items("trunk/").items()):
            board = str(trunk.get("board", ""))
            kind = str((boards.get("board/" + board) or {}).get("kind", "trunk"))
            if not self._wanted(board, "trunk" if kind == "trunk" else kind):
                continue
            status = str(trunk.get("status", "up"))
            in_use = int(trunk.get("in_use", 0))
            for n in range(1, int(trunk.get("capacity", 0)) + 1):
                state = {"down": "down", "out_of_service": "out_of_service"}.get(
                    status, "busy" if n <= in_use else "idle")
                ident = f"{key[len('trunk/'):]}#{n}"
                cells.append((ident, state, board, _tip(ident, trunk)))
        self.beginResetModel()
        self.cells = cells
        self.endResetModel()

    def _wanted(self, board: str, kind: str) -> bool:
        return (not self.board or board == self.board) and (not self.kind or kind == self.kind)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, state, _, _ in self.cells:
            out[state] = out.get(state, 0) + 1
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ident, state, board, tip = self.cells[index.row()]
        if role == CELL_ROLE:
            return ident, state
        if role == Qt.ItemDataRole.DisplayRole:
            return ident
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        if role == TARGET_ROLE:
            return ("trunk" if "#" in ident else "channel"), ident.split("#")[0], board
        return None


def _natural(kv: tuple[str, Any]) -> tuple[str, int]:
    head, _, tail = kv[0].rpartition("/")
    return (head, int(tail)) if tail.isdigit() else (kv[0], 0)


def _tip(ident: str, item: dict[str, Any]) -> str:
    lines = [f"{ident}: {state_label(str(item.get('status', '')))}",
             QCoreApplication.translate("Equipment", "Since: {when}").format(
                 when=when(item.get("since")))]
    if item.get("call_id"):
        lines.append(QCoreApplication.translate("Equipment", "Call: {call}").format(
            call=item["call_id"]))
    if note(item):
        lines.append(note(item))
    return "\n".join(lines)


class RowsModel(QAbstractTableModel):
    """A plain table of dict rows (test history, pass rate) with translated headers."""

    def __init__(self, columns: tuple[tuple[str, str], ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns  # (row key, untranslated title)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Equipment", self.columns[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()].get(self.columns[index.column()][0], "")


HISTORY_COLUMNS = (
    ("at", QT_TRANSLATE_NOOP("Equipment", "Time (switch clock)")),
    ("board", QT_TRANSLATE_NOOP("Equipment", "Board")),
    ("target", QT_TRANSLATE_NOOP("Equipment", "Target")),
    ("kind", QT_TRANSLATE_NOOP("Equipment", "Test")),
    ("result", QT_TRANSLATE_NOOP("Equipment", "Result")),
    ("by", QT_TRANSLATE_NOOP("Equipment", "By")),
    ("detail", QT_TRANSLATE_NOOP("Equipment", "What was measured")),
)
RATE_COLUMNS = (
    ("board", QT_TRANSLATE_NOOP("Equipment", "Board")),
    ("period", QT_TRANSLATE_NOOP("Equipment", "Day")),
    ("tests", QT_TRANSLATE_NOOP("Equipment", "Tests")),
    ("passed", QT_TRANSLATE_NOOP("Equipment", "Passed")),
    ("rate", QT_TRANSLATE_NOOP("Equipment", "Pass rate")),
)
