"""A table model whose rows are mirror keys, updated in coalesced contiguous blocks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from console.common.link import MirrorLike

Index = QModelIndex | QPersistentModelIndex

#: More separate blocks than this in one frame are sent as a single spanning range.
MAX_BLOCKS = 32
#: Role carrying the raw sort value of a cell (numbers sort as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role carrying the row id (e.g. work number, queue id, alarm id).
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def contiguous_blocks(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs, so a view gets one dataChanged per run."""
    blocks: list[tuple[int, int]] = []
    for row in sorted(rows):
        if blocks and row == blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], row)
        else:
            blocks.append((row, row))
    return blocks


class MirrorTableModel(QAbstractTableModel):
    """Rows are ids found under ``prefixes`` of the mirror; subclasses say what a cell shows.

    Rows are appended in arrival order and never re-sorted here: sorting belongs to a proxy
    that sorts on demand (dynamic sorting of a changing column is far too slow, DESIGN.md).
    """

    #: mirror key prefixes whose keys name a row, e.g. ("queue/", "metrics/queue/")
    prefixes: tuple[str, ...] = ()
    #: the prefix whose presence makes a row exist
    primary: str = ""
    #: translation context of the column titles (a literal in the subclass, for lupdate)
    context: str = ""

    def __init__(self, mirror: MirrorLike, parent: Any = None) -> None:
        super().__init__(parent)
        self.mirror = mirror
        self.stale = False
        self._ncols: int | None = None
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self.rebuild()

    # -- shape -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if self._ncols is None:
            self._ncols = len(self.columns())
        return 0 if parent.isValid() else self._ncols

    def columns(self) -> list[str]:
        """Untranslated column titles (``QT_TRANSLATE_NOOP`` in :attr:`context`)."""
        return []

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.columnCount():
            return QCoreApplication.translate(self.context, self.columns()[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def row_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, row_id: str) -> int | None:
        return self._row.get(row_id)

    def ids(self) -> list[str]:
        return list(self._ids)

    # -- updates ---------------------------------------------------------------------------
    def id_of_key(self, key: str) -> str | None:
        """The row id a changed mirror key belongs to, or None if it is not ours."""
        for prefix in self.prefixes:
            if key.startswith(prefix):
                rest = key[len(prefix):]
                return rest if "/" not in rest else None
        return None

    def exists(self, row_id: str) -> bool:
        return self.mirror.get(self.primary + row_id) is not None

    def rebuild(self) -> None:
        """Start over from the whole mirror (first show, or after a resync)."""
        self.beginResetModel()
        self._ids = sorted(
            key[len(self.primary):] for key in self.mirror.items(self.primary)
            if "/" not in key[len(self.primary):]
        )
        self._row = {rid: i for i, rid in enumerate(self._ids)}
        self.on_rebuilt()
        self.endResetModel()

    def on_rebuilt(self) -> None:
        """Hook for caches that must follow a reset."""

    def apply(self, keys: Iterable[str]) -> None:
        """Fold one frame of changed keys into the model: removals, inserts, then changes."""
        touched: set[str] = set()
        prefixes = self.prefixes
        for key in keys:
            if key.startswith(prefixes):  # one C call rejects the other models' keys
                rid = self.id_of_key(key)
                if rid is not None:
                    touched.add(rid)
        if not touched:
            return
        gone = [rid for rid in touched if rid in self._row and not self.exists(rid)]
        if gone:
            self._remove(gone)
        new = sorted(rid for rid in touched if rid not in self._row and self.exists(rid))
        if new:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for rid in new:
                self._row[rid] = len(self._ids)
                self._ids.append(rid)
            self.endInsertRows()
        changed = [self._row[rid] for rid in touched if rid in self._row and rid not in new]
        self.invalidate_rows(changed)
        self.rows_touched(touched)
        self.emit_rows(changed)

    def invalidate_rows(self, rows: list[int]) -> None:
        """Hook: drop cached cell values of these rows before views re-read them."""

    def rows_touched(self, ids: set[str]) -> None:
        """Hook: react to the ids of one frame (e.g. refresh filter keys)."""

    def emit_rows(self, rows: Iterable[int]) -> None:
        """One dataChanged per contiguous block; past MAX_BLOCKS, one spanning them all
        (views repaint only what is visible, so the wider range is cheaper than many signals)."""
        last_col = self.columnCount() - 1
        blocks = contiguous_blocks(rows)
        if len(blocks) > MAX_BLOCKS:
            blocks = [(blocks[0][0], blocks[-1][1])]
        for first, last in blocks:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_col))

    def _remove(self, gone: list[str]) -> None:
        rows = sorted((self._row[rid] for rid in gone), reverse=True)
        for first, last in reversed(contiguous_blocks(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        self._row = {rid: i for i, rid in enumerate(self._ids)}
        self.on_rebuilt()

    def set_stale(self, stale: bool) -> None:
        """Grey out every cell while the link is lost."""
        if stale != self.stale:
            self.stale = stale
            self.emit_rows(range(len(self._ids)))

    def refresh_all(self) -> None:
        """Re-read every cell (language change, clock tick of time-in-state)."""
        self.emit_rows(range(len(self._ids)))
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
