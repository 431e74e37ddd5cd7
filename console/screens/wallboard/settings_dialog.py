"""The layout dialog: which tiles, which queues, agent grid and charts on or off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.wallboard import floor
from console.screens.wallboard.prefs import Layout


class SettingsDialog(QDialog):
    """Edits a :class:`Layout`; tiles keep the board's order, queues come from the mirror."""

    def __init__(self, layout: Layout, queues: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.tiles_box = QGroupBox(self)
        self.tiles = QListWidget(self, objectName="tileList")
        for spec in floor.TILES:
            item = QListWidgetItem(floor.translate("Tile", spec.label), self.tiles)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setCheckState(Qt.CheckState.Checked if spec.id in layout.tiles
                               else Qt.CheckState.Unchecked)
        self.queues_box = QGroupBox(self)
        self.queues = QListWidget(self, objectName="queueList")
        for qid, name in sorted(queues.items(), key=lambda kv: kv[1]):
            item = QListWidgetItem(f"{name} ({qid})", self.queues)
            item.setData(Qt.ItemDataRole.UserRole, qid)
            item.setCheckState(Qt.CheckState.Unchecked if qid in layout.hidden_queues
                               else Qt.CheckState.Checked)
        self.hidden_unknown = {q for q in layout.hidden_queues if q not in queues}
        self.hidden_columns = set(layout.hidden_columns)  # chosen in the header's menu
        self.show_grid = QCheckBox(self, objectName="showGrid")
        self.show_grid.setChecked(layout.show_grid)
        self.show_charts = QCheckBox(self, objectName="showCharts")
        self.show_charts.setChecked(layout.show_charts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for box, widget in ((self.tiles_box, self.tiles), (self.queues_box, self.queues)):
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
        lists = QHBoxLayout()
        lists.addWidget(self.tiles_box)
        lists.addWidget(self.queues_box)
        main = QVBoxLayout(self)
        main.addLayout(lists)
        main.addWidget(self.show_grid)
        main.addWidget(self.show_charts)
        main.addWidget(buttons)
        self.retranslate_ui()

    def result_layout(self) -> Layout:
        """The layout as edited (read it after the dialog was accepted)."""
        tiles = [self.tiles.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.tiles.count())
                 if self.tiles.item(i).checkState() == Qt.CheckState.Checked]
        hidden = {self.queues.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.queues.count())
                  if self.queues.item(i).checkState() != Qt.CheckState.Checked}
        return Layout(tiles=tiles, hidden_queues=hidden | self.hidden_unknown,
                      show_grid=self.show_grid.isChecked(),
                      show_charts=self.show_charts.isChecked(),
                      hidden_columns=set(self.hidden_columns))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Wall-board layout"))
        self.tiles_box.setTitle(self.tr("Tiles"))
        self.queues_box.setTitle(self.tr("Queues in the table"))
        self.show_grid.setText(self.tr("Show the agent grid"))
        self.show_charts.setText(self.tr("Show the charts"))
        for i, spec in enumerate(floor.TILES):
            self.tiles.item(i).setText(floor.translate("Tile", spec.label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
