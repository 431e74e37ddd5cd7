"""The floor at a glance for a big centre: agents per state for each team or skill group,
shaded like a heat map; a click drills the agent grid down to that group (docs/console.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.screens.wallboard import floor
from console.screens.wallboard.models.agent_grid import AgentGridModel
from console.screens.wallboard.widgets.tiles import ElidedLabel

Index = QModelIndex | QPersistentModelIndex
#: the columns: on a call, free, away, then the total logged in
STATES = ("talking", "on_hold", "ringing", "after_call_work", "ready", "not_ready")
GROUP_ROLE = Qt.ItemDataRole.UserRole + 40


class FloorSummaryModel(QAbstractTableModel):
    """One row per team (or skill group): agents logged in, and per state with its share."""

    def __init__(self, agents: AgentGridModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.agents = agents
        self.by = "team"  # or "skill"
        self.rows: list[tuple[str, str, dict[str, int], int]] = []  # (id, label, counts, n)

    def refresh(self) -> None:
        """Recount from the grid's records (the same tick the tiles show)."""
        groups: dict[str, dict[str, int]] = {}
        model = self.agents
        for row in range(model.rowCount()):
            agent = model.agent(row)
            state = agent.get("state") or "logged_out"
            keys = [agent.get("team") or "–"] if self.by == "team" else \
                list(agent.get("skills") or ()) or ["–"]
            for key in keys:
                counts = groups.setdefault(key, {})
                counts[state] = counts.get(state, 0) + 1
        rows = []
        for key, counts in groups.items():
            label = key if self.by == "team" else str(
                (model.mirror.get("queue/" + key) or {}).get("name") or key)
            rows.append((key, label, counts, sum(counts.get(s, 0) for s in STATES)))
        # where it goes wrong first: the fewest ready per agent logged in
        rows.sort(key=lambda r: (r[2].get("ready", 0) / r[3] if r[3] else 2.0, r[1]))
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(STATES) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Team") if self.by == "team" else self.tr("Skill group")
        if section == 1:
            return self.tr("Logged in")
        return floor.state_label(STATES[section - 2])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, label, counts, total = self.rows[index.row()]
        col = index.column()
        if role == GROUP_ROLE:
            return key
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return label
            return f"{total:,}" if col == 1 else f"{counts.get(STATES[col - 2], 0):,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col >= 2 and total:
            # heat: the state's colour, stronger the larger its share of the group
            share = counts.get(STATES[col - 2], 0) / total
            colour = QColor(floor.STATE_COLOURS[STATES[col - 2]])
            colour.setAlphaF(0.15 + 0.85 * share)
            return colour
        return None


class FloorSummary(QWidget):
    """The summary table with its team / skill-group switch; ``chosen`` drills down."""

    def __init__(self, agents: AgentGridModel, chosen: Callable[[str, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FloorSummaryModel(agents, self)
        self.chosen = chosen
        self.title = ElidedLabel(self, objectName="panelTitle")
        self.by = QComboBox(self, objectName="summaryBy")
        self.by.addItem("", "team")
        self.by.addItem("", "skill")
        self.by.currentIndexChanged.connect(self._by_changed)
        self.table = QTableView(self, objectName="floorSummary")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the group's name is what the row is read by: never cut ("team-1…" on a 1080p wall)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # a long title elides rather than widening the window past the screen
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table.clicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.by)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def _by_changed(self, *_: object) -> None:
        self.model.by = self.by.currentData()
        self.model.refresh()

    def _clicked(self, index: QModelIndex) -> None:
        key = index.data(GROUP_ROLE)
        if key:
            self.chosen(*((key, "") if self.model.by == "team" else ("", key)))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Floor by group, fewest ready first (click: its agents)"))
        self.title.setToolTip(self.title.text())
        self.by.setItemText(0, self.tr("By team"))
        self.by.setItemText(1, self.tr("By skill group"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
