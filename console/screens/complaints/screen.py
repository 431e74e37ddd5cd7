"""The complaints tab (投诉工单): the list with filters and search, one order's fields and
timeline with the actions its state and the user's role allow, new orders (also from a live
call), CSV export and the reports. Orders are asked for, never mirrored: a site keeps a
million; the wall's counter and the alarms say when something changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of
from console.common.screen import Screen
from console.screens.complaints.action_bar import OrderActions
from console.screens.complaints.create_dialog import NewComplaintDialog
from console.screens.complaints.csv_export import export_orders
from console.screens.complaints.detail import OrderDetail
from console.screens.complaints.filters import ComplaintFilters
from console.screens.complaints.labels import ACTIONS, HISTORY_ACTIONS, fmt_time, label
from console.screens.complaints.lifecycle import why_not
from console.screens.complaints.reports import ComplaintReports
from console.screens.complaints.table_model import ComplaintTableModel
from models.complaints.lifecycle import DESK
from models.security import Permission

PAGE = 100
WARNINGS_KEY = "complaints/warnings"
URGES_KEY = "complaints/urges"
#: the list is asked again this often (time left runs on; others act on orders)
REFRESH_MS = 30_000


class ComplaintsScreen(Screen):
    """List and detail side by side; a second inner tab holds the reports."""

    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("complaints")
        self.access = access_of(bridge)
        self.catalogue: dict[str, Any] = {}
        self.offset = 0
        self.total = 0
        self.dialog: Any = None
        self._shown = False
        self._current: str | None = None
        #: ``complaints.show``'s ``actions``: what this user may do to the shown order now
        self._allowed: list[str] | None = None
        #: urges already told: (order id, at)
        self._told: set[tuple[Any, Any]] = set()
        self._lists = 0  # lists asked so far; a reply to an older one is dropped
        self._live = False
        self.filters = ComplaintFilters(self)
        self.model = ComplaintTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.count = QLabel(self)
        self.buttons = {n: QPushButton(self) for n in ("new", "export", "prev", "next")}
        self.detail = OrderDetail(self)
        self.action_bar = OrderActions(self)
        self.action_bar.why_not = self._why_not
        self.reports = ComplaintReports(bridge, self)
        self._build_layout()
        self.shortcuts = self._build_shortcuts()
        self._refresher = QTimer(self, interval=REFRESH_MS)
        self._refresher.timeout.connect(self.refresh)
        self.filters.changed.connect(self._filters_changed)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.activated.connect(lambda *_: self.open_selected())
        self.buttons["new"].clicked.connect(lambda: self.new_order())
        self.buttons["export"].clicked.connect(lambda: self.export_csv())
        self.buttons["prev"].clicked.connect(lambda: self.page(-1))
        self.buttons["next"].clicked.connect(lambda: self.page(1))
        self.action_bar.act.connect(self.send_action)
        self.access.changed.connect(self._role_changed)
        bridge.link_changed.connect(self._on_link)
        bridge.changed.connect(self._on_changed)
        bridge.resynced.connect(self.refresh)
        self.retranslate_ui()
        if str(getattr(bridge.client, "link_status", "")) == "live":
            self._on_link("live", 0.0)

    def _build_layout(self) -> None:
        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        pager = QHBoxLayout()
        pager.addWidget(self.buttons["prev"])
        pager.addWidget(self.count, 1)
        pager.addWidget(self.buttons["next"])
        lay.addLayout(pager)
        right = QWidget(self)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(4, 0, 0, 0)
        rlay.addWidget(self.detail, 1)
        rlay.addWidget(self.action_bar)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        orders = QWidget(self)
        olay = QVBoxLayout(orders)
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.buttons["new"])
        top.addWidget(self.buttons["export"])
        olay.addLayout(top)
        olay.addWidget(split, 1)
        self.inner = QTabWidget(self)
        self.inner.addTab(orders, "")
        self.inner.addTab(self.reports, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.inner)
        self.setTabOrder(self.filters.search, self.table)
        self.setTabOrder(self.table, self.action_bar.note)

    def _build_shortcuts(self) -> dict[str, QAction]:
        acts: dict[str, QAction] = {}
        for name, keys, slot in (
                ("search", "Ctrl+F", self._focus_search), ("new", "Ctrl+N", self.new_order),
                ("export", "Ctrl+E", self.export_csv), ("refresh", "F5", self.refresh),
                ("next", "Alt+PgDown", lambda: self.page(1)),
                ("prev", "Alt+PgUp", lambda: self.page(-1))):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
            acts[name] = action
        for action in self.action_bar.shortcut_actions():
            self.addAction(action)
        return acts

    # -- text --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for name, text in (("new", self.tr("New complaint…")), ("export", self.tr("Export CSV…")),
                           ("prev", self.tr("◀ Previous")), ("next", self.tr("Next ▶"))):
            self.buttons[name].setText(text)
            keys = self.shortcuts[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.buttons[name].setToolTip(self.tr("%1 (%2)").replace("%1", text.rstrip("…"))
                                          .replace("%2", keys))
        self.inner.setTabText(0, self.tr("Work orders"))
        self.inner.setTabText(1, self.tr("Reports"))
        self.filters.retranslate_ui()
        self.detail.retranslate_ui()
        self.action_bar.retranslate_ui()
        self.reports.retranslate_ui()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.layoutChanged.emit()
        super().changeEvent(event)

    # -- role --------------------------------------------------------------------------------
    def _why_not(self, action: str) -> str:
        order = self.detail.order() or {}
        return why_not(action, order, self._allowed, self.access.role, self.access.department)

    def why_not_accept(self) -> str:
        """"" when the user may accept complaints; else who may (the New button's tooltip)."""
        return self.access.why_not(Permission.ACCEPT_COMPLAINTS, self.tr("accept complaints"))

    @property
    def may_view(self) -> bool:
        return self.access.allowed(Permission.VIEW_COMPLAINTS)

    def _role_changed(self) -> None:
        if self.may_view and self._live:
            if not self.catalogue:
                self._ask_catalogue()  # logged in after the link came up
            self.reports.refresh()
        why = self.why_not_accept()
        self.buttons["new"].setEnabled(not why)
        self.shortcuts["new"].setEnabled(not why)
        if why:
            self.buttons["new"].setToolTip(why)
        if self._current:
            self.show_order(self._current)  # what this user may do to it is asked again
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def _on_link(self, status: str, _since: float) -> None:
        self._live = status == "live"
        if not self._live:
            return
        self._refresher.start()
        if self.may_view:
            self._ask_catalogue()
            self.reports.refresh()
        self.refresh()

    def _ask_catalogue(self) -> None:
        self.bridge.client.command("complaints.catalogue", {}, on_success=self._catalogue,
                                   on_failure=lambda err: self.show_message(err.message))

    def _catalogue(self, data: dict[str, Any]) -> None:
        self.catalogue = data if isinstance(data, dict) else {}
        self.filters.set_tree(self.catalogue.get("tree"))
        desk = str(self.catalogue.get("desk") or DESK)
        self.action_bar.set_departments(
            [str(d) for d in self.catalogue.get("departments") or [] if str(d) != desk])

    def _on_changed(self, keys: set[str]) -> None:
        """The warnings were recounted (every 30 s, and on every change): time left and
        levels in the list move; an urge for my department is said at once."""
        if WARNINGS_KEY in keys:
            self.refresh()
        if URGES_KEY in keys:
            self._tell_urges()

    def _tell_urges(self) -> None:
        urges = self.bridge.mirror.get(URGES_KEY) or []
        mine = self.access.department or (DESK if self.access.role == "quality_inspector"
                                          else "")
        for urge in urges if isinstance(urges, list) else []:
            key = (urge.get("id"), urge.get("at"))
            if key in self._told or not mine or urge.get("holder_department") != mine:
                continue
            self._told.add(key)
            self.show_message(self.tr("%1 urged by %2: %3").replace("%1", str(urge.get("id")))
                              .replace("%2", str(urge.get("by", "")))
                              .replace("%3", str(urge.get("note") or "")))

    def _filters_changed(self) -> None:
        self.offset = 0
        self.refresh()

    def list_args(self) -> dict[str, Any]:
        return {**self.filters.args(), "offset": self.offset, "limit": PAGE}

    def refresh(self, *_: object) -> None:
        if not self.may_view:
            # not logged in, or a wall session: say who may rather than asking every 30 s and
            # putting switchlink's refusal in the status bar
            self._lists += 1  # an answer still in flight is not shown either
            self.model.set_orders([])
            self.total = 0
            self._show_count()
            self.count.setText(self.access.why_not(Permission.VIEW_COMPLAINTS,
                                                   self.tr("see complaints")))
            return
        # only the answer to the latest list is shown: a reply to an earlier filter still in
        # flight must not replace the list the person asked for last
        self._lists += 1
        asked = self._lists
        self.bridge.client.command(
            "complaints.list", self.list_args(),
            on_success=lambda data: asked == self._lists and self._listed(data),
            on_failure=lambda err: asked == self._lists and self.show_message(err.message))

    def _listed(self, data: dict[str, Any]) -> None:
        selected = self._current
        self.total = int(data.get("total", 0))
        self.model.set_orders(data.get("rows", []))
        self._show_count()
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 260))
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        if not self._shown:
            self._shown = True
            self.live_data_shown.emit()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if not shown:
            self.count.setText(self.tr("No orders match") if self._shown else "")
        else:
            self.count.setText(self.tr("%1–%2 of %3").replace("%1", str(self.offset + 1))
                               .replace("%2", str(self.offset + shown))
                               .replace("%3", str(self.total)))
        self.buttons["prev"].setEnabled(self.offset > 0)
        self.buttons["next"].setEnabled(self.offset + shown < self.total)

    def page(self, step: int) -> None:
        offset = self.offset + step * PAGE
        if offset < 0 or (step > 0 and offset >= self.total):
            return
        self.offset = offset
        self.refresh()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.order(rows[0].row()) if rows else None

    def _selected(self, *_: object) -> None:
        order = self.selected()
        if order is not None:
            self.show_order(str(order["id"]))

    def open_selected(self) -> None:
        """Enter on a row: its detail, and the focus on the note for the next action."""
        order = self.selected()
        if order is not None:  # the note is enabled once the order (and its actions) is in
            self.show_order(str(order["id"]), after=lambda _data: self.action_bar.note.setFocus())

    def show_order(self, order_id: str, after: Any = None) -> None:
        if order_id != self._current:
            self.action_bar.message.hide()
        self._current = order_id

        def shown(data: dict[str, Any]) -> None:
            if self._current != order_id:
                return  # another order was chosen meanwhile
            actions = data.get("actions") if isinstance(data, dict) else None
            self._allowed = [str(a) for a in actions] if isinstance(actions, list) else None
            self.detail.show_order(data)
            self.action_bar.show_order(self.detail.order())
            if after is not None:
                after(data)

        self.bridge.client.command("complaints.show", {"id": order_id}, on_success=shown,
                                   on_failure=lambda err: self.show_message(err.message))

    def _focus_search(self) -> None:
        self.inner.setCurrentIndex(0)
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # -- actions -----------------------------------------------------------------------------
    def send_action(self, action: str, note: str, department: str, satisfied: Any) -> None:
        order = self.detail.order()
        if order is None:
            return
        order_id = str(order["id"])
        args: dict[str, Any] = {"id": order_id, "action": action,
                                "version": order.get("version")}
        if note:
            args["note"] = note
        if department:
            args["department"] = department
        if satisfied is not None:
            args["satisfied"] = bool(satisfied)

        def done(_data: Any) -> None:
            self.action_bar.done()
            self.show_message(self.tr("%1: %2 done").replace("%1", order_id)
                              .replace("%2", label(ACTIONS, action)))
            self.show_order(order_id)
            self.refresh()

        def refused(err: Any) -> None:
            if getattr(err, "code", "") == "stale":
                self.show_order(order_id, after=self._explain_stale)
                return
            self.action_bar.failed(str(getattr(err, "message", err)))

        self.bridge.client.command("complaints.act", args, on_success=done,
                                   on_failure=refused)

    def _explain_stale(self, data: dict[str, Any]) -> None:
        """Say who changed it, when and how; the order is reloaded and the note kept."""
        history = data.get("history") or []
        last = history[-1] if history else {}
        self.action_bar.failed(
            self.tr("%1 changed this order (%2, %3) while you were on it. It is reloaded; "
                    "your note is kept — check and send again.")
            .replace("%1", str(last.get("by", "?")))
            .replace("%2", label(HISTORY_ACTIONS, last.get("action")))
            .replace("%3", fmt_time(last.get("at"))))
        self.refresh()

    def new_order(self, call_id: str | None = None) -> NewComplaintDialog | None:
        why = self.why_not_accept()
        if why:
            self.show_message(why)
            return None

        def submit(args: dict[str, Any], on_error: Any) -> None:
            def created(order: dict[str, Any]) -> None:
                if self.dialog is not None:
                    self.dialog.accept()
                    self.dialog = None
                order_id = str(order.get("id", ""))
                self.show_message(self.tr("%1 accepted").replace("%1", order_id))
                self.inner.setCurrentIndex(0)
                self.refresh()
                if order_id:
                    self.show_order(order_id)
            self.bridge.client.command("complaints.new", args, on_success=created,
                                       on_failure=lambda err: on_error(err.message))

        self.dialog = NewComplaintDialog(submit, self.catalogue, self.bridge.mirror, call_id, self)
        self.dialog.open()
        return self.dialog

    def export_csv(self, path: str | None = None) -> None:
        export_orders(self, self.bridge.client, self.filters.args(), path)

    # -- requests from other screens -----------------------------------------------------------
    def handle_request(self, **request: Any) -> None:
        """``warning=<level>``: the list of that level (the wall's counter);
        ``call_id=<id>``: a new order from that live call (the wall-board's call panel)."""
        self.inner.setCurrentIndex(0)
        if request.get("warning"):
            self.filters.set_warning(str(request["warning"]))
            self.table.setFocus()
        if request.get("call_id"):
            self.new_order(str(request["call_id"]))
