"""The IVR maintenance view: the flow as a tree with its lint findings, live callers at each
node and where they drop out, a menu's funnel, a call's IVR trail, reload, test-play of a
prompt and the emergency notice (issue 15; commands in switchlink/services/ivr.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of
from console.common.screen import Screen
from console.screens.ivr.dialogs import ask_notice
from console.screens.ivr.tree import NODE_ROLE, build_tree, findings_by_node
from models.security import Permission

_RED, _AMBER = QColor("#e53935"), QColor("#fb8c00")
NODE, TYPE, NOW, ENTERED, DROPPED, FINDINGS = range(6)


class IvrScreen(Screen):
    """One flow at a time; counts follow the published ``ivr/<flow>`` key."""

    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.flow = ""
        self.detail: dict[str, Any] | None = None
        self.can_manage = False
        self._items: dict[str, list[QTreeWidgetItem]] = {}
        self._shown_live = False
        self._loaded: dict[str, Any] = {}
        self._asked = False
        self.flow_box = QComboBox()
        self.flow_box.currentIndexChanged.connect(self._flow_chosen)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload_flow)
        self.notice_button = QPushButton()
        self.notice_button.clicked.connect(self.edit_notice)
        self.channel_box = QComboBox()
        self.play_button = QPushButton()
        self.play_button.clicked.connect(self.test_play)
        self.flow_label, self.notice_label, self.summary = QLabel(), QLabel(), QLabel()
        self.notice_label.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.flow_label, self.flow_box, self.reload_button, self.notice_button,
                  self.channel_box, self.play_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.header().setSectionResizeMode(NODE, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(lambda *_: self._show_funnel())
        self.funnel = QTableWidget(0, 3)
        self.funnel.verticalHeader().hide()
        self.funnel.horizontalHeader().setStretchLastSection(True)
        self.funnel_title, self.calls_title, self.trail_title = QLabel(), QLabel(), QLabel()
        self.calls = QListWidget()
        self.calls.currentRowChanged.connect(lambda *_: self._show_trail())
        self.trail = QListWidget()
        right = QVBoxLayout()
        for w in (self.funnel_title, self.funnel, self.calls_title, self.calls,
                  self.trail_title, self.trail):
            right.addWidget(w)
        side = QWidget()
        side.setLayout(right)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        bridge.changed.connect(self.apply_frame)
        bridge.link_changed.connect(self._on_link)
        self._slow = QTimer(self)  # calls list and channels: once a second is plenty
        self._slow.timeout.connect(self._refresh_side)
        self._slow.start(1000)
        self._flows_user = ""
        access_of(bridge).changed.connect(self._role_changed)
        self.retranslate_ui()
        self.set_can_manage(access_of(bridge).allowed(Permission.MANAGE_IVR))

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.flow_label.setText(self.tr("Flow:"))
        self.reload_button.setText(self.tr("Reload"))
        self.notice_button.setText(self.tr("Emergency notice…"))
        self.play_button.setText(self.tr("Test-play prompt"))
        self.tree.setHeaderLabels([self.tr("Node"), self.tr("Type"), self.tr("Callers"),
                                   self.tr("Entered today"), self.tr("Dropped"),
                                   self.tr("Findings")])
        self.funnel.setHorizontalHeaderLabels([self.tr("Went to"), self.tr("Callers"),
                                               self.tr("Share")])
        self.funnel_title.setText(self.tr("Funnel of the selected menu"))
        self.calls_title.setText(self.tr("Calls in the IVR or queued from it"))
        self.trail_title.setText(self.tr("Trail of the selected call"))
        self.set_can_manage(self.can_manage)
        self._show_notice()
        self._show_counts()

    # -- link, role, flows -------------------------------------------------------------------
    def _on_link(self, status: str, _since: float) -> None:
        if status != "live" or self._asked:
            return
        self._asked = True
        self.load_flows()

    def _role_changed(self) -> None:
        """Greyed or not; flows asked before a (remote) login are asked again."""
        access = access_of(self.bridge)
        self.set_can_manage(access.allowed(Permission.MANAGE_IVR))
        if access.username and access.username != self._flows_user:
            self._flows_user = access.username
            if self._asked:
                self.load_flows()

    def set_can_manage(self, allowed: bool) -> None:
        """Reload and the notice need the maintenance or admin role: greyed, and said why."""
        self.can_manage = allowed
        why = "" if allowed else access_of(self.bridge).why_not(
            Permission.MANAGE_IVR, self.tr("reload flows or set the emergency notice"))
        for button in (self.reload_button, self.notice_button):
            button.setEnabled(allowed)
            button.setToolTip(why)

    def load_flows(self) -> None:
        self.bridge.client.command("ivr.flows", {}, on_success=self.set_flows,
                                   on_failure=self._failed)

    def set_flows(self, data: dict[str, Any]) -> None:
        flows = sorted(data.get("flows", []), key=lambda f: (not f["running"], f["flow"]))
        self.flow_box.blockSignals(True)
        self.flow_box.clear()
        for f in flows:
            mark = "● " if f["running"] else ""
            self.flow_box.addItem(mark + f["flow"], f["flow"])
        self.flow_box.blockSignals(False)
        if flows:
            self.show_flow(flows[0]["flow"])

    def _flow_chosen(self, index: int) -> None:
        flow = self.flow_box.itemData(index)
        if flow:
            self.show_flow(flow)

    def show_flow(self, flow: str) -> None:
        self.flow = flow
        self.bridge.client.command("ivr.get", {"flow": flow}, on_success=self.set_detail,
                                   on_failure=self._failed)

    def set_detail(self, data: dict[str, Any]) -> None:
        """Draw the tree: nodes from the start, loops as a leaf pointing back, findings inline."""
        self.detail = data
        self.tree.clear()
        findings = findings_by_node(data)
        self._items = build_tree(self.tree, data.get("tree"), findings, self.tr)
        for item in (i for items in self._items.values() for i in items):
            item.setText(TYPE, self.tr(item.text(TYPE)) if item.text(TYPE) else "")
            text = item.text(FINDINGS)
            if text:
                error = text.startswith("error")
                item.setForeground(FINDINGS, QBrush(_RED if error else _AMBER))
        self.tree.expandToDepth(2)
        self._show_notice()
        self._show_counts()

    # -- live data ---------------------------------------------------------------------------
    def live(self) -> dict[str, Any]:
        return self.bridge.mirror.get(f"ivr/{self.flow}") or {}

    def apply_frame(self, keys: set[str]) -> None:
        if self.flow and f"ivr/{self.flow}" in keys:
            loaded = self.live().get("loaded") or {}
            if loaded and loaded != self._loaded:  # reloaded (here or by ctl): new findings
                self._loaded = loaded
                self.show_flow(self.flow)
            self._show_counts()
            self._show_notice()
            if not self._shown_live and self.live().get("nodes"):
                self._shown_live = True
                self.live_data_shown.emit()

    def _show_counts(self) -> None:
        live = self.live()
        nodes = live.get("nodes", {})
        for node, items in self._items.items():
            figures = nodes.get(node, {})
            for item in items:
                for col, name in ((NOW, "now"), (ENTERED, "entered"), (DROPPED, "dropped")):
                    item.setText(col, str(figures.get(name, 0)) if figures else "")
                    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
        self.summary.setText(self.tr("%1 callers in the flow now · %2 dropped out today")
                             .replace("%1", str(live.get("in_ivr", 0)))
                             .replace("%2", str(live.get("dropped", 0))))
        self._show_funnel()

    def _show_notice(self) -> None:
        live = self.live()
        notice = live.get("notice") or (self.detail or {}).get("notice")
        if notice and notice.get("text"):
            self.notice_label.setText(self.tr("Emergency notice: %1").replace("%1",
                                                                               notice["text"]))
            self.notice_label.setStyleSheet("color: #e53935; font-weight: bold")
        else:
            self.notice_label.setText(self.tr("No emergency notice"))
            self.notice_label.setStyleSheet("")

    def selected_node(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(NODE, NODE_ROLE) if item is not None else None

    def _show_funnel(self) -> None:
        node = self.selected_node()
        figures = self.live().get("nodes", {}).get(node or "", {})
        rows = sorted(figures.get("next", {}).items(), key=lambda kv: -kv[1])
        if figures.get("ended"):
            rows.append((self.tr("(done, call ended here)"), figures["ended"]))
        if figures.get("dropped"):
            rows.append((self.tr("(hung up here)"), figures["dropped"]))
        entered = max(1, figures.get("entered", 0))
        self.funnel.setRowCount(len(rows))
        for r, (target, n) in enumerate(rows):
            share = self.tr("%1 %").replace("%1", f"{100.0 * n / entered:.0f}")
            for c, text in enumerate((target, str(n), share)):
                self.funnel.setItem(r, c, QTableWidgetItem(text))

    def _refresh_side(self) -> None:
        """The calls that went through this flow, and the IVR channels to test-play on."""
        mirror = self.bridge.mirror
        calls = sorted((cid for cid, c in mirror.items("call/").items()
                        if c.get("ivr_flow") == self.flow or c.get("phase") == "ivr"))[:200]
        current = self.calls.currentItem()
        keep = current.text() if current is not None else None
        self.calls.blockSignals(True)
        self.calls.clear()
        self.calls.addItems([c[len("call/"):] if c.startswith("call/") else c for c in calls])
        self.calls.blockSignals(False)
        if keep is not None:
            found = self.calls.findItems(keep, Qt.MatchFlag.MatchExactly)
            if found:
                self.calls.setCurrentItem(found[0])
        boards = {k[len("board/"):] for k, b in mirror.items("board/").items()
                  if b.get("kind") == "ivr"}
        channels = sorted(k[len("channel/"):] for k, c in mirror.items("channel/").items()
                          if str(c.get("board", "")) in boards and c.get("status") == "idle")
        if [self.channel_box.itemText(i) for i in range(self.channel_box.count())] != channels:
            chosen = self.channel_box.currentText()
            self.channel_box.clear()
            self.channel_box.addItems(channels)
            if chosen in channels:
                self.channel_box.setCurrentText(chosen)

    def _show_trail(self) -> None:
        item = self.calls.currentItem()
        self.trail.clear()
        if item is None:
            return
        call = self.bridge.mirror.get("call/" + item.text()) or {}
        position = " › ".join(call.get("ivr_position") or ())
        if position:
            self.trail.addItem(self.tr("Menu position: %1").replace("%1", position))
        self.trail.addItems(call.get("ivr_steps") or call.get("ivr_trail") or [])

    # -- commands ----------------------------------------------------------------------------
    def reload_flow(self) -> None:
        if not self.flow:
            return
        self.bridge.client.command(
            "ivr.reload", {"flow": self.flow},
            on_success=lambda data: (self.show_message(self.tr(
                "Flow %1 reloaded; callers already in it finish the old flow").replace(
                "%1", data["flow"])), self.show_flow(self.flow)),
            on_failure=self._failed)

    def edit_notice(self) -> None:
        answer = ask_notice(self)
        if answer is None:
            return
        text, minutes = answer
        args = {"flow": self.flow, "clear": True} if not text else {
            "flow": self.flow, "text": text, "minutes": minutes}
        self.bridge.client.command("ivr.emergency", args,
                                   on_success=lambda _: self.show_message(
                                       self.tr("Emergency notice updated")),
                                   on_failure=self._failed)

    def test_play(self) -> None:
        """Play the selected node's prompt on the chosen idle IVR channel (a maintenance test)."""
        node = self.selected_node()
        tree = (self.detail or {}).get("tree") or {}
        text = tree.get("nodes", {}).get(node or "", {}).get("prompt", "")
        channel = self.channel_box.currentText()
        if not text or not channel:
            self.show_message(self.tr("Choose a node with a prompt and an idle IVR channel"))
            return
        self.bridge.client.command(
            "prompt_test", {"channel": channel, "prompt": text},
            on_success=lambda _: self.show_message(
                self.tr("Playing the prompt of %1 on %2").replace("%1", node)
                .replace("%2", channel)),
            on_failure=self._failed)

    def _failed(self, error: Any = None) -> None:
        message = getattr(error, "message", None) or str(error or "")
        self.show_message(self.tr("Refused: %1").replace("%1", message.splitlines()[0]
                                                          if message else ""))
        if message and "\n" in message:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self, self.tr("IVR"), message)
