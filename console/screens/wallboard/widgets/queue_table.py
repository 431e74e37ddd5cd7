"""The per-queue table view: sortable on demand, never re-sorted on every update."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from console.common.table_model import SORT_ROLE
from console.screens.wallboard.models.queue_table import (
    COLUMN_KEYS,
    NAME,
    URGENCY_ROLE,
    QueueTableModel,
)

#: A clicked sort order is re-applied this often, not on every change (DESIGN.md).
RESORT_MS = 5000


class QueueTableView(QTableView):
    """Worst queues first (alarm level, then service-level gap to target) until a header is
    clicked; the order is refreshed every few seconds, not per event. On a 200-queue floor
    the rows that fit the wall are the ones that need someone. Right-click a column title to
    choose the columns (the layout keeps the choice)."""

    #: the person ticked or unticked a column in the header's menu: the hidden column keys
    columns_chosen = Signal(object)

    def __init__(self, model: QueueTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueTable")
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setDynamicSortFilter(False)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(model)
        self.hidden_queues: set[str] = set()
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        #: the default order; a clicked header replaces it (F5 keeps whichever is chosen)
        self.worst_first = True
        self.horizontalHeader().setSortIndicatorShown(False)
        self.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # ResizeToContents would measure every cell on every update (the dominant cost at
        # 200 queues); fit the columns once per shape change instead.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.fit_columns)
        model.rowsInserted.connect(self.fit_columns)
        model.headerDataChanged.connect(self.fit_columns)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.hidden_columns: set[str] = set()
        self._resort = QTimer(self, interval=RESORT_MS)
        self._resort.timeout.connect(self.resort)
        self._resort.start()
        self.set_row_height(28)

    def fit_columns(self, *_: object) -> None:
        """Size the number columns to their header and current contents, once."""
        for column in range(1, self.proxy.columnCount()):
            self.resizeColumnToContents(column)

    def set_row_height(self, pixels: int) -> None:
        self.verticalHeader().setDefaultSectionSize(pixels)

    def _header_clicked(self, section: int) -> None:
        if self.worst_first:  # the header's own order from now on (the view sorted already)
            self.worst_first = False
            self.proxy.setSortRole(SORT_ROLE)
            self.horizontalHeader().setSortIndicatorShown(True)
            self.proxy.sort(section, self.horizontalHeader().sortIndicatorOrder())
            self.apply_hidden()

    def resort(self) -> None:
        """Re-apply the chosen sort once (the proxy does not sort dynamically)."""
        if self.worst_first:
            self.proxy.setSortRole(URGENCY_ROLE)
            self.proxy.sort(0, Qt.SortOrder.DescendingOrder)
            self.apply_hidden()
            return
        column = self.horizontalHeader().sortIndicatorSection()
        if 0 <= column < self.proxy.columnCount():
            self.proxy.sort(column, self.horizontalHeader().sortIndicatorOrder())
            self.apply_hidden()  # hidden rows are the view's: they follow the new order

    def set_hidden_columns(self, hidden: set[str]) -> None:
        """Layout setting: the columns not shown (keys); the queue name always is."""
        self.hidden_columns = {key for key in hidden if key in COLUMN_KEYS[1:]}
        for column, key in enumerate(COLUMN_KEYS):
            self.setColumnHidden(column, key in self.hidden_columns)

    def column_menu(self) -> QMenu:
        """One tick per column (the queue name cannot be hidden)."""
        menu = QMenu(self)
        for column, key in enumerate(COLUMN_KEYS):
            if column == NAME:
                continue
            title = str(self.proxy.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(key not in self.hidden_columns)
            action.setData(key)
            action.toggled.connect(lambda on, k=key: self._toggle_column(k, on))
        return menu

    def _column_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def _toggle_column(self, key: str, shown: bool) -> None:
        hidden = set(self.hidden_columns)
        (hidden.discard if shown else hidden.add)(key)
        self.set_hidden_columns(hidden)
        self.fit_columns()
        self.columns_chosen.emit(set(self.hidden_columns))

    def set_hidden_queues(self, hidden: set[str]) -> None:
        """Layout setting: queues the wall-board does not show."""
        self.hidden_queues = set(hidden)
        self.apply_hidden()

    def apply_hidden(self) -> None:
        for row in range(self.proxy.rowCount()):
            source_row = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            self.setRowHidden(row, self.source.row_id(source_row) in self.hidden_queues)
