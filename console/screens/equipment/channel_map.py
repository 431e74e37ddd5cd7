"""The channel map: one coloured cell per channel, filter by board and kind, a counted legend."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.equipment.labels import KINDS, STATE_COLOURS, STATES, kind_label, state_label
from console.screens.equipment.models import CELL_ROLE, TARGET_ROLE, ChannelMapModel

_COLOURS = {state: QColor(colour) for state, colour in STATE_COLOURS.items()}
_OTHER = QColor("#455a64")
_WHITE = QColor("#ffffff")


class CellDelegate(QStyledItemDelegate):
    """Paints a cell: the colour is the state, the text is the channel's id."""

    cell = QSize(74, 30)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        ident, state = index.data(CELL_ROLE)
        rect = QRect(option.rect).adjusted(1, 1, -1, -1)
        painter.save()
        painter.fillRect(rect, _COLOURS.get(state, _OTHER))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(_WHITE)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        font = QFont(option.font)
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(_WHITE)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, ident)
        painter.restore()


class ChannelMap(QWidget):
    """Filters, legend with counts, and the cells; emits the clicked target."""

    #: (kind "channel" | "trunk", id, board)
    selected = Signal(str, str, str)

    def __init__(self, model: ChannelMapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = QLabel(self, objectName="panelTitle")
        self.board_label, self.kind_label = QLabel(self), QLabel(self)
        self.board_box = QComboBox(self, objectName="boardFilter")
        self.kind_box = QComboBox(self, objectName="kindFilter")
        for box in (self.board_box, self.kind_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.legend = QLabel(self, objectName="channelLegend", textFormat=Qt.TextFormat.RichText)
        self.empty = QLabel(self, objectName="emptyMap")
        self.view = QListView(self, objectName="channelMap")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(1)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setModel(model)
        self.view.clicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        for w in (self.board_label, self.board_box, self.kind_label, self.kind_box):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.board_box.currentIndexChanged.connect(self._filter)
        self.kind_box.currentIndexChanged.connect(self._filter)
        self.retranslate_ui()

    def set_boards(self, boards: list[str]) -> None:
        """The board filter's choices (kept selection when still there)."""
        current = self.board_box.currentData() or ""
        if [self.board_box.itemData(i) for i in range(1, self.board_box.count())] == boards:
            return
        self.board_box.blockSignals(True)
        self.board_box.clear()
        self.board_box.addItem(self.tr("All boards"), "")
        for board in boards:
            self.board_box.addItem(board, board)
        self.board_box.setCurrentIndex(max(0, self.board_box.findData(current)))
        self.board_box.blockSignals(False)

    def set_filter(self, board: str = "", kind: str = "") -> None:
        self.board_box.setCurrentIndex(max(0, self.board_box.findData(board)))
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self._filter()

    def _filter(self, *_: Any) -> None:
        self.model.set_filter(self.board_box.currentData() or "", self.kind_box.currentData() or "")
        self.refresh_legend()

    def refresh(self) -> None:
        self.model.refresh()
        self.refresh_legend()

    def refresh_legend(self) -> None:
        counts = self.model.counts()
        parts = [f"<span style='background:{STATE_COLOURS[s]};color:white'>&nbsp;"
                 f"{state_label(s)} {counts.get(s, 0)}&nbsp;</span>" for s in STATES]
        self.legend.setText(self.tr("{n} cells:").format(n=sum(counts.values())) + " "
                            + " ".join(parts))
        self.empty.setVisible(not counts)

    def _clicked(self, index: QModelIndex) -> None:
        kind, ident, board = index.data(TARGET_ROLE)
        self.selected.emit(kind, ident, board)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Channel map"))
        self.board_label.setText(self.tr("Board:"))
        self.kind_label.setText(self.tr("Kind:"))
        self.empty.setText(self.tr("No channels of this board or kind on this switch."))
        kind = self.kind_box.currentData() or ""
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(self.tr("All kinds"), "")
        for k in KINDS:
            self.kind_box.addItem(kind_label(k), k)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.kind_box.blockSignals(False)
        if self.board_box.count():
            self.board_box.setItemText(0, self.tr("All boards"))
        self.refresh_legend()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
