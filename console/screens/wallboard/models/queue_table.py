"""The per-queue table: one row per skill group with its live metrics."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from console.common.table_model import ID_ROLE, SORT_ROLE, Index, MirrorTableModel
from console.screens.wallboard import floor, staffing

_C = "QueueTableModel"
#: (title, source, field, format); source "q" = queue/<id>, "m" = metrics/queue/<id>,
#: "s" = staffing/queue/<id> (issue 18: Erlang C agents required beside those available)
COLUMNS: tuple[tuple[str, str, str, Any], ...] = (
    (QT_TRANSLATE_NOOP("QueueTableModel", "Queue"), "q", "name", str),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Waiting"), "m", "waiting", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Longest"), "m", "longest_wait_s",
     floor.fmt_duration),
    (QT_TRANSLATE_NOOP("QueueTableModel", "SL"), "m", "service_level_today",
     floor.fmt_pct),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Target"), "q", "sl_target", floor.fmt_pct),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Ready"), "m", "agents_ready", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Staffed"), "s", "available", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Needed"), "s", "required", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Talking"), "m", "agents_talking", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Offered"), "m", "offered_today", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Answered"), "m", "answered_today", floor.fmt_int),
    (QT_TRANSLATE_NOOP("QueueTableModel", "Abandon"), "m", "abandon_rate_today",
     floor.fmt_pct),
    (QT_TRANSLATE_NOOP("QueueTableModel", "ASA"), "m", "asa_s_today", floor.fmt_duration),
    # 答复满意率 from the IVR survey (issue 15): satisfied + fairly satisfied ÷ answers
    (QT_TRANSLATE_NOOP("QueueTableModel", "Satisfied"), "m", "satisfaction_rate_today",
     floor.fmt_pct),
)
NAME, WAITING, LONGEST, SL, TARGET, READY, STAFFED, NEEDED, TALKING = range(9)
#: a column's stable name in the saved layout (its field)
COLUMN_KEYS = tuple(c[2] for c in COLUMNS)
#: columns a fresh wall does not show: fourteen did not fit a 1080p wall (queue names were
#: cut to "…"). The centre's tiles carry talking and today's totals; the rows keep what says
#: a queue needs someone (waiting, SL, staffing, abandons, ASA). The header's menu adds them.
DEFAULT_HIDDEN_COLUMNS = frozenset({"agents_talking", "offered_today", "answered_today"})
_SOURCES = {"q": "queue/", "m": "metrics/queue/", "s": "staffing/queue/"}
_LEVEL_TIP = QT_TRANSLATE_NOOP("QueueTableModel", "{queue}: {level} alarm")
#: header tooltips; Ready / Talking deliberately count an agent in every skill group they have
_HEADER_TIPS = {
    READY: QT_TRANSLATE_NOOP("QueueTableModel", "Agents ready for this queue. An agent with "
                             "several skill groups counts in each, so the column adds up to "
                             "more than the centre's tile."),
    TALKING: QT_TRANSLATE_NOOP("QueueTableModel", "Agents talking who have this skill group. "
                               "An agent with several skill groups counts in each, so the "
                               "column adds up to more than the centre's tile."),
    SL: QT_TRANSLATE_NOOP("QueueTableModel", "Service level today; red below the queue's "
                          "target, green at or above it"),
    STAFFED: QT_TRANSLATE_NOOP("QueueTableModel", "Agents with this skill group logged in and "
                               "not in not-ready: ready or on a call. An agent with several "
                               "skill groups counts in each."),
    NEEDED: QT_TRANSLATE_NOOP("QueueTableModel", "Agents Erlang C needs now for the queue's "
                              "service-level target, from the last 30 minutes' calls and "
                              "handle time; red when more than are staffed"),
}
#: sort role of the default order: worst first (alarm level, then how far SL is below target)
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 30

_GREY = QColor("#808080")
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, ID_ROLE, URGENCY_ROLE,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole})
_LEVEL_BG = {lvl: QColor(bg) for lvl, (bg, _) in floor.LEVEL_COLOURS.items()}
_LEVEL_FG = {lvl: QColor(fg) for lvl, (_, fg) in floor.LEVEL_COLOURS.items()}


class QueueTableModel(MirrorTableModel):
    """Rows follow ``queue/<id>``; cells read ``metrics/queue/<id>`` as it changes."""

    context = _C
    prefixes = ("queue/", "metrics/queue/", "staffing/queue/")
    primary = "queue/"

    def __init__(self, mirror: Any, parent: Any = None) -> None:
        # worst active alarm level per queue id (alarm scope queue:<id>)
        self.levels: dict[str, str] = {}
        super().__init__(mirror, parent)

    def set_alarm_levels(self, levels: dict[str, str]) -> None:
        """Colour the rows of queues whose worst alarm level changed, and only those."""
        changed = {q for q in set(levels) | set(self.levels)
                   if levels.get(q) != self.levels.get(q)}
        self.levels = dict(levels)
        self.emit_rows(self._row[q] for q in changed if q in self._row)

    def level(self, row: int) -> str | None:
        return self.levels.get(self._ids[row])

    def columns(self) -> list[str]:
        return [c[0] for c in COLUMNS]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal
                and section in _HEADER_TIPS):
            return QCoreApplication.translate(_C, _HEADER_TIPS[section])
        return super().headerData(section, orientation, role)

    def urgency(self, row: int) -> float:
        """Bigger is worse: the alarm level first, then the service-level gap to target."""
        level = self.level(row)
        rank = floor.LEVEL_RANK[level] + 1 if level else 0
        sl, target = self.raw(row, SL), self.raw(row, TARGET)
        gap = float(target) - float(sl) if sl is not None and target is not None else 0.0
        return rank * 10.0 + max(-1.0, min(1.0, gap))

    def raw(self, row: int, col: int) -> Any:
        rid = self._ids[row]
        _, source, field, _ = COLUMNS[col]
        record = self.mirror.get(_SOURCES[source] + rid) or {}
        value = record.get(field)
        if col == NAME and not value:
            return rid
        return value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None  # a view asks ~10 roles per cell per paint: answer the rest at once
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.raw(row, col)
            if col != NAME:
                return COLUMNS[col][3](value)
            level = self.level(row)
            # the level in words on the row itself too: a wall is read without a mouse
            return f"{value} · {floor.level_label(level)}" if level else str(value)
        if role == SORT_ROLE:
            value = self.raw(row, col)
            return value if value is not None else -1
        if role == ID_ROLE:
            return self._ids[row]
        if role == URGENCY_ROLE:
            return self.urgency(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if col == NAME else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.stale:
                return _GREY
            level = self.level(row)
            if level:
                return _LEVEL_FG[level]
            if col == SL:
                return self._sl_colour(row)
            if col == NEEDED and staffing.short_by(self._staffing(row)):
                return staffing.SHORT_FG
        if role == Qt.ItemDataRole.BackgroundRole and not self.stale:
            level = self.level(row)
            if not level and col == NEEDED and staffing.short_by(self._staffing(row)):
                return staffing.SHORT_BG
            return _LEVEL_BG[level] if level else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (STAFFED, NEEDED):
                return staffing.tooltip(self._staffing(row))
            level = self.level(row)
            if level:  # the level in words, never colour alone
                return QCoreApplication.translate(_C, _LEVEL_TIP).format(
                    queue=self.raw(row, NAME), level=floor.level_label(level))
            return None
        return None

    def _staffing(self, row: int) -> dict[str, Any]:
        return self.mirror.get("staffing/queue/" + self._ids[row]) or {}

    def _sl_colour(self, row: int) -> QColor | None:
        """Service level below its queue's target shows red, at or above green."""
        sl, target = self.raw(row, SL), self.raw(row, TARGET)
        if sl is None or target is None:
            return None
        return QColor("#43a047") if sl >= target else QColor("#e53935")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
