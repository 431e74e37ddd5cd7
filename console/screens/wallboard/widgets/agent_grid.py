"""The agent grid: fixed-size coloured cells (work number, name, state, time in state)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.wallboard import floor
from console.screens.wallboard.models.agent_grid import (
    CELL_ROLE,
    MARK_ROLE,
    AgentFilterProxy,
    AgentGridModel,
)

_WHITE = QColor("#ffffff")
_STALE_BG = QColor("#3a3a3a")
_STALE_FG = QColor("#9e9e9e")
_STATE_BG = {state: QColor(colour) for state, colour in floor.STATE_COLOURS.items()}
_OTHER_BG = QColor("#455a64")
# alignment flags built once: combining Qt enums in Python costs per call, per cell
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: the selection frame and the supervisor marks (pending sign-out, listened to, forced)
_SELECTED = QColor("#ffeb3b")
_MARK_BG = {"pending": QColor("#ff6f00"), "monitored": QColor("#00bcd4"),
            "forced": QColor("#263238")}
_SELECTED_STATE = QStyle.StateFlag.State_Selected


#: more agents than this: a big floor, where the grid shows one team or skill group at a time
#: (drill-down) and a summary per group stands in for the cells: 150 cells already need a
#: scrollbar on a 1080p wall, and nobody scrolls a wall (the screen uses the same threshold)
ALL_LIMIT = 100
#: the legend's order: on a call, then free, then away
LEGEND_ORDER = ("talking", "on_hold", "ringing", "after_call_work", "ready", "not_ready",
                "logged_out")


class AgentCellDelegate(QStyledItemDelegate):
    """Paints one cell from the model roles: no widgets per agent, so thousands stay cheap."""

    def __init__(self, clock: Callable[[], float] = time.time, parent: Any = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.cell = QSize(150, 58)
        self.font = QFont()
        self.bold = QFont()
        #: translated state labels, filled on first use and dropped on a language change
        self.labels: dict[str, str] = {}
        #: (kind, who) -> the mark's text; set by the supervisor controls (None: no marks)
        self.mark_text: Callable[[str, str], str] | None = None
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        self.cell = QSize(int(150 * scale), int(58 * scale))
        self.font.setPixelSize(max(9, int(12 * scale)))
        self.bold.setPixelSize(max(10, int(14 * scale)))
        self.bold.setBold(True)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """One model call per cell (CELL_ROLE), cached colours, labels and flags: thousands of
        cells repaint per frame, so every per-cell Python call shows in the GUI-thread budget."""
        work_number, name, state, since, stale = index.data(CELL_ROLE)
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, _STALE_BG if stale else _STATE_BG.get(state, _OTHER_BG))
        painter.setPen(_STALE_FG if stale else _WHITE)
        pad = max(3, rect.height() // 14)
        mark = index.data(MARK_ROLE) if self.mark_text is not None and not stale else None
        band = rect.height() // 3 if mark else 0  # a marked cell gives its foot to the mark
        inner = rect.adjusted(pad + 2, pad // 2 if mark else pad, -pad - 2, -pad - band)
        half = inner.height() // 2
        top = QRect(inner.left(), inner.top(), inner.width(), half)
        bottom = QRect(inner.left(), inner.top() + half, inner.width(), inner.height() - half)
        painter.setFont(self.bold)
        painter.drawText(top, _LEFT, work_number)
        used = painter.fontMetrics().horizontalAdvance(work_number) + pad * 2
        painter.setFont(self.font)
        # the name gets what the work number leaves (six-digit numbers overlapped names)
        room = top.adjusted(used, 0, 0, 0)
        painter.drawText(room, _RIGHT, painter.fontMetrics().elidedText(
            name, Qt.TextElideMode.ElideRight, max(0, room.width())))
        label = self.labels.get(state)
        if label is None:
            label = self.labels[state] = floor.state_label(state)
        painter.drawText(bottom, _LEFT, label)
        if since:
            painter.drawText(bottom, _RIGHT, floor.fmt_duration(self.clock() - since))
        if mark:
            self._paint_mark(painter, rect, mark, pad)
        if option.state & _SELECTED_STATE:  # type: ignore[attr-defined]
            painter.setPen(_SELECTED)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def _paint_mark(self, painter: QPainter, rect: QRect, mark: Any, pad: int) -> None:
        """A band across the cell's foot: 待签出 / 监听 who / 强制 by whom (issue 12)."""
        if not mark or self.mark_text is None:
            return
        kind, who = mark
        band = QRect(rect.left(), rect.bottom() - rect.height() // 3 + 1, rect.width(),
                     rect.height() // 3)
        painter.fillRect(band, _MARK_BG.get(kind, _OTHER_BG))
        painter.setPen(_WHITE)
        painter.setFont(self.font)
        text = self.mark_text(kind, who)
        painter.drawText(band.adjusted(pad + 2, 0, -pad - 2, 0), _LEFT,
                         painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                          max(0, band.width() - 2 * pad - 4)))


class AgentGridView(QWidget):
    """Team / skill filters above a wrapping grid of agent cells; time in state ticks.

    The filters, legend and count sit in ``bar``, which the wall-board lifts out into a row of
    its own so that the bar stays when the grid is hidden (a big floor with no group chosen).
    """

    #: the grid has cells to show (False: a big floor waiting for a team or skill group)
    grid_shown = Signal(bool)

    def __init__(self, model: AgentGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = AgentFilterProxy(self)
        self.proxy.all_limit = ALL_LIMIT
        self.proxy.setSourceModel(model)
        self.view = QListView(self)
        self.view.setObjectName("agentGrid")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(500)
        self.view.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.delegate = AgentCellDelegate(model.clock, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setGridSize(self.delegate.cell)
        self.view.setModel(self.proxy)
        self.team_label = QLabel(self)
        self.team = QComboBox(self, objectName="teamFilter")
        self.skill_label = QLabel(self)
        self.skill = QComboBox(self, objectName="skillFilter")
        self.count = QLabel(self, objectName="agentCount")
        self.legend = QLabel(self, objectName="agentLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        # the count wraps instead of setting the window's minimum width: in one line with the
        # filters and the legend it made it 2,380 px wide on the 5,000-agent floor (Xvfb 1080p)
        self.count.setWordWrap(True)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts: dict[str, int] = {}
        self.bar = QWidget(self, objectName="agentBar")
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.team_label)
        bar.addWidget(self.team)
        bar.addWidget(self.skill_label)
        bar.addWidget(self.skill)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self._shown: bool | None = None
        #: (membership version, agents) the filter last ran on
        self._filtered: tuple[int, int] = (-1, -1)
        self.team.currentIndexChanged.connect(self._filter_changed)
        self.skill.currentIndexChanged.connect(self._filter_changed)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._tick_clock)
        self._tick.start()
        self.refresh_filters()
        self.retranslate_ui()

    def set_scale(self, scale: float) -> None:
        """Bigger cells on a wall display (auto-fit)."""
        self.delegate.set_scale(scale)
        self.view.setGridSize(self.delegate.cell)

    def refresh_filters(self) -> None:
        """Offer the teams and skill groups seen so far, keeping the current choice."""
        for combo, values in ((self.team, self.model.teams), (self.skill, self.model.skills)):
            current = combo.currentData() or ""
            wanted = ["", *sorted(values)]
            have = [combo.itemData(i) for i in range(combo.count())]
            if have == wanted:
                continue
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), "")
            for value in wanted[1:]:
                combo.addItem(self._skill_name(value) if combo is self.skill else value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._update_count()

    def _skill_name(self, queue_id: str) -> str:
        queue = self.model.mirror.get("queue/" + queue_id) or {}
        return str(queue.get("name") or queue_id)

    def set_filter(self, team: str = "", skill: str = "") -> None:
        self.team.setCurrentIndex(max(0, self.team.findData(team)))
        self.skill.setCurrentIndex(max(0, self.skill.findData(skill)))
        self._filter_changed()

    def _filter_changed(self, *_: object) -> None:
        self.proxy.set_filter(self.team.currentData() or "", self.skill.currentData() or "")
        self._filtered = (self.model.membership_version, self.model.rowCount())
        self._update_count()

    def _update_count(self) -> None:
        shown = not self.proxy.wants_choice()
        if shown != self._shown:
            self._shown = shown
            self.view.setVisible(shown)
            self.grid_shown.emit(shown)
        if not shown:
            self.count.setText(self.tr("{total} agents: choose a team or skill group to see "
                                       "its agents").format(total=f"{self.model.rowCount():,}"))
            return
        self.count.setText(self.tr("{shown} of {total} agents").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _tick_clock(self) -> None:
        """Advance "time in state" once a second on every visible cell.

        A frame repaints only the cells whose agent changed; skipping the tick after a frame
        (as this once did) froze every other cell on a busy floor, where frames never stop.
        """
        self.view.viewport().update()

    def after_update(self, agents_changed: bool = True) -> None:
        """Called once per frame after the model applied its keys.

        The filter runs again only when agents came or went or a team / skill membership
        changed: re-filtering whenever the proxy held fewer rows than the model (always, with
        a team chosen) re-read all 5,000 agents in every frame of a big floor."""
        filtered = (self.model.membership_version, self.model.rowCount())
        if filtered != self._filtered and (
                self.proxy.team or self.proxy.skill or self.proxy.all_limit):
            self._filtered = filtered
            self.proxy.invalidate()
        self.refresh_filters()
        if agents_changed:
            self.update_legend()

    def update_legend(self) -> None:
        """Agents per state in the grid's colours: the same records the cells paint, so the
        legend, the cells and the tiles (same metrics tick) agree."""
        self.counts = self.model.state_counts()
        parts = []
        for state in LEGEND_ORDER:
            colour = floor.STATE_COLOURS[state]
            parts.append(f'<span style="background:{colour};color:#fff">&nbsp;'
                         f'{floor.state_label(state)} {self.counts.get(state, 0):,}&nbsp;</span>')
        self.legend.setText(" ".join(parts))

    def retranslate_ui(self) -> None:
        self.delegate.labels.clear()
        self.update_legend()
        self.team_label.setText(self.tr("Team:"))
        self.skill_label.setText(self.tr("Skill group:"))
        for combo in (self.team, self.skill):
            if combo.count():
                combo.setItemText(0, self.tr("All"))
        self.team.setToolTip(self.tr("Show only the agents of one team"))
        self.skill.setToolTip(self.tr("Show only the agents with one skill"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
