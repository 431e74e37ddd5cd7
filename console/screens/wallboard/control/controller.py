"""Supervisor control on the agent grid: selection, actions (menu, toolbar, keys), dialogs,
commands sent without waiting, and their results on the board (issue 12).

Nothing here blocks: a command is sent with callbacks and its answer arrives in a later
``process()`` of the bridge; the board keeps painting meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListView, QMenu, QToolBar, QVBoxLayout, QWidget

from console.common.access import access_of
from console.common.table_model import ID_ROLE
from console.screens.wallboard.control.call_panel import CallPanel
from console.screens.wallboard.control.dialogs import ActionDialog
from console.screens.wallboard.control.results import (
    BulkResultDialog,
    Outcome,
    ResultLine,
    colour_of,
)
from console.screens.wallboard.control.sending import agent_args, send, send_bulk, send_each
from console.screens.wallboard.control.skills_dialog import SkillsDialog
from console.screens.wallboard.control.table import (
    ACTIONS,
    BY_NAME,
    LISTEN,
    WHAT,
    mark_words,
)

_C = "SupervisorControl"
AGENT_ACTIONS = [a.name for a in ACTIONS if a.target == "agents"]
CALL_ACTIONS = [a.name for a in ACTIONS if a.target == "call"]


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class SupervisorControl(QObject):
    """Owns the supervisor actions of one wall-board; the board only places its widgets."""

    def __init__(self, board: Any, grid: Any, clock: Callable[[], float]) -> None:
        super().__init__(board)
        self.board = board
        self.bridge = board.bridge
        self.mirror = board.bridge.mirror
        self.grid = grid
        #: the session's user and permissions (shared by every screen, told of each login)
        self.access = access_of(board.bridge)
        self.reason_codes: list[dict[str, Any]] = []
        self.last_reason = board.prefs.get("control/last_reason", "")
        #: the open dialog and the last bulk result (tests and screenshots reach them)
        self.dialog: Any = None
        self.bulk_dialog: BulkResultDialog | None = None
        #: action name -> (monotonic time sent, targets left); for the benchmark's timing
        self.in_flight: dict[str, float] = {}
        self._asked = False
        self._listened: set[str] = set()
        self.actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(board, objectName=spec.name)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, n=spec.name: self.trigger(n))
            board.addAction(action)
            self.actions[spec.name] = action
        self.toolbar = QToolBar(board, objectName="controlToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in AGENT_ACTIONS:
            self.toolbar.addAction(self.actions[name])
        self.toolbar.addSeparator()
        for name in CALL_ACTIONS:
            self.toolbar.addAction(self.actions[name])
        self.result_line = ResultLine(board)
        self.call_panel = CallPanel(
            self.mirror, clock, [self.actions[n] for n in CALL_ACTIONS], board
        )
        self.call_panel.setVisible(False)
        view: QListView = grid.view
        view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        view.setSelectionRectVisible(True)  # rubber band
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.context_menu)
        view.selectionModel().selectionChanged.connect(self.selection_changed)
        grid.delegate.mark_text = self.mark_text
        self.bridge.link_changed.connect(self._on_link)
        self.access.changed.connect(self.update_actions)
        self.bridge.changed.connect(self.on_frame)
        self.bridge.resynced.connect(self.selection_changed)
        self.retranslate_ui()

    # -- session ---------------------------------------------------------------------------
    def _on_link(self, status: str, _since: float) -> None:
        """Once live: the not-ready reason codes (required for 强制示忙)."""
        if status == "live" and not self.reason_codes:
            self.ask_reason_codes()

    def ask_reason_codes(self) -> None:
        self.bridge.client.command(
            "reason_codes", {}, on_success=self._got_codes, on_failure=lambda _e: None
        )

    def allowed(self, spec: Any) -> bool:
        return self.access.allowed(spec.permission)

    def why_not(self, spec: Any) -> str:
        return self.access.why_not(spec.permission, tr(WHAT[spec.permission]))

    def _got_codes(self, reply: Any) -> None:
        codes = reply.get("codes", reply) if isinstance(reply, dict) else reply
        self.reason_codes = [c for c in codes or [] if isinstance(c, dict) and c.get("code")]
        if isinstance(self.dialog, ActionDialog):
            self.dialog.set_codes(self.code_choices())

    def code_choices(self) -> list[tuple[str, str]]:
        """(code, label in the UI language) for the not-ready dialog."""
        zh = QLocale().name().startswith("zh")
        out = []
        for item in self.reason_codes:
            label = item.get("zh" if zh else "en") or item.get("label") or item["code"]
            out.append((str(item["code"]), str(label)))
        return out

    # -- selection -------------------------------------------------------------------------
    def selected_agents(self) -> list[str]:
        """Work numbers of the selected cells, in grid order."""
        view = self.grid.view
        rows = sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [str(index.data(ID_ROLE)) for index in rows]

    def select(self, agents: list[str]) -> None:
        """Select these agents' cells (tests, and keeping a selection across a filter)."""
        proxy, model = self.grid.proxy, self.grid.model
        sel = self.grid.view.selectionModel()
        sel.clearSelection()
        for agent in agents:
            row = model.row_of(agent)
            if row is None:
                continue
            index = proxy.mapFromSource(model.index(row, 0))
            if index.isValid():
                sel.select(index, QItemSelectionModel.SelectionFlag.Select)
                sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def selection_changed(self, *_: object) -> None:
        agents = self.selected_agents()
        self.call_panel.show_agent(agents[0] if len(agents) == 1 else "")
        self.update_actions()

    def _agent(self, agent: str) -> dict[str, Any]:
        return self.mirror.get("agent/" + agent) or {}

    def selected_call(self) -> str:
        agents = self.selected_agents()
        if len(agents) != 1:
            return ""
        call_id = self._agent(agents[0]).get("call_id")
        return str(call_id) if call_id and self.mirror.get("call/" + str(call_id)) else ""

    def update_actions(self) -> None:
        """Enabled when the role may and the selection fits; greyed with who may otherwise."""
        agents = self.selected_agents()
        call = self.selected_call()
        mine = (self.mirror.get("call/" + call) or {}).get("participants", {}) if call else {}
        pending = any(self._agent(a).get("pending_logout") for a in agents)
        for spec in ACTIONS:
            action = self.actions[spec.name]
            allowed = self.allowed(spec)
            if spec.target == "agents":
                fits = bool(agents) and (spec.name != "cancel_logout" or pending)
            else:
                fits = bool(call) and (spec.name != "leave" or self.access.username in mine)
            action.setEnabled(allowed and fits)
            tip = tr(spec.tip) if allowed else self.why_not(spec)
            action.setToolTip(f"{tip} ({action.shortcut().toString()})")

    # -- frames ----------------------------------------------------------------------------
    def on_frame(self, keys: set[str]) -> None:
        """Keep the panel, the enabled actions and the listened-to marks current."""
        repaint = False
        for key in keys:
            if key.startswith("call/"):
                call = self.mirror.get(key)
                if call and call.get("participants"):
                    self._listened.add(key)
                    repaint = True
                elif key in self._listened:
                    self._listened.discard(key)
                    repaint = True
        if repaint:
            self.grid.view.viewport().update()
        if self.call_panel.agent:
            self.call_panel.refresh()
        agents = self.selected_agents() if self.grid.view.selectionModel().hasSelection() else []
        if (agents and any("agent/" + a in keys for a in agents)) or repaint:
            self.update_actions()

    def mark_text(self, kind: str, who: str) -> str:
        return mark_words(kind, who)

    # -- acting ----------------------------------------------------------------------------
    def context_menu(self, pos: QPoint) -> None:
        view = self.grid.view
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.menu = self.build_menu()
        self.menu.popup(view.viewport().mapToGlobal(pos))

    def build_menu(self) -> QMenu:
        menu = QMenu(self.grid.view)
        menu.setObjectName("controlMenu")
        for name in AGENT_ACTIONS:
            menu.addAction(self.actions[name])
        menu.addSeparator()
        for name in CALL_ACTIONS:
            menu.addAction(self.actions[name])
        menu.setToolTipsVisible(True)
        return menu

    def trigger(self, name: str) -> None:
        spec = BY_NAME[name]
        if not self.allowed(spec):
            self.board.show_message(self.why_not(spec))
            return
        agents = self.selected_agents()
        if not agents:
            self.board.show_message(
                QCoreApplication.translate(
                    "SupervisorControl", "Select one or more agents in the grid first."
                )
            )
            return
        if spec.target == "call":
            self._call_action(name, agents)
        elif name == "skills":
            self._open(
                SkillsDialog(self.mirror, agents, self.board),
                lambda d: self._apply_skills(d.changes()),
            )
        else:
            if name == "cancel_logout":
                agents = [a for a in agents if self._agent(a).get("pending_logout")] or agents
            self._open(
                self._agent_dialog(name, agents),
                lambda d: self.send_agents(name, agents, d.values()),
            )

    def _describe(self, agents: list[str]) -> str:
        if len(agents) == 1:
            return f"{agents[0]} {self._agent(agents[0]).get('name', '')}".strip()
        shown = ", ".join(agents[:10]) + (" …" if len(agents) > 10 else "")
        return QCoreApplication.translate("SupervisorControl", "{count} agents: {list}").format(
            count=f"{len(agents):,}", list=shown
        )

    def _agent_dialog(self, name: str, agents: list[str]) -> ActionDialog:
        spec = BY_NAME[name]
        title = tr(spec.text).rstrip("…")
        if name == "not_ready" and not self.reason_codes:
            self.ask_reason_codes()  # the dialog fills its list when they come
        summary = (
            QCoreApplication.translate("SupervisorControl", "{action} for {who}?").format(
                action=title, who=self._describe(agents)
            )
            if len(agents) > 1
            else f"{title}: {self._describe(agents)}"
        )
        return ActionDialog(
            title,
            summary,
            reason=self.last_reason,
            reason_codes=self.code_choices() if name == "not_ready" else None,
            parent=self.board,
        )

    def _open(self, dialog: Any, on_ok: Callable[[Any], None]) -> None:
        """Open without waiting in a nested loop: the board keeps updating behind it."""
        self.dialog = dialog

        def accepted() -> None:
            if getattr(dialog, "ask_reason", False):
                self.remember_reason(dialog.values().get("reason", ""))
            on_ok(dialog)
            self.dialog = None

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: setattr(self, "dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def remember_reason(self, reason: str) -> None:
        if reason:
            self.last_reason = reason
            self.board.prefs.set("control/last_reason", reason)

    def _call_action(self, name: str, agents: list[str]) -> None:
        call = self.selected_call()
        if not call:
            self.board.show_message(
                QCoreApplication.translate(
                    "SupervisorControl", "Select one agent who is on a call."
                )
            )
            return
        spec = BY_NAME[name]
        if name in LISTEN or name == "leave":
            args: dict[str, Any] = {"call": call}
            if name == "monitor_record":
                args["record"] = True
            self._send_one(name, spec.command, args, call)
        elif name == "release":
            dialog = ActionDialog(
                tr(spec.text),
                QCoreApplication.translate(
                    "SupervisorControl", "Hang up call {call} of agent {agent}?"
                ).format(call=call, agent=self._describe(agents)),
                reason=self.last_reason,
                parent=self.board,
            )
            self._open(
                dialog,
                lambda d: self._send_one(name, "release", {"call": call, **d.values()}, call),
            )
        elif name == "transfer":
            ready = [
                (a, f"{a} {r.get('name', '')}")
                for k, r in sorted(self.mirror.items("agent/").items())
                if r.get("state") == "ready" and (a := k[len("agent/") :]) != agents[0]
            ]
            queues = [
                (k[len("queue/") :], str(q.get("name") or k[len("queue/") :]))
                for k, q in sorted(self.mirror.items("queue/").items())
            ]
            dialog = ActionDialog(
                tr(spec.text).rstrip("…"),
                QCoreApplication.translate(
                    "SupervisorControl", "Transfer call {call} of agent {agent} to:"
                ).format(call=call, agent=self._describe(agents)),
                ask_reason=False,
                agents=ready,
                queues=queues,
                parent=self.board,
            )
            self._open(
                dialog,
                lambda d: self._send_one(name, "transfer", {"call": call, **d.values()}, call),
            )

    # -- sending ---------------------------------------------------------------------------
    def send_agents(self, name: str, agents: list[str], values: dict[str, Any]) -> None:
        """One agent: its own command; several: one ``agents.bulk``, one result list."""
        if len(agents) == 1:
            args = agent_args(name, agents[0], values)
            self._send_one(name, BY_NAME[name].command, args, agents[0])
            return
        self.in_flight[name] = time.monotonic()
        send_bulk(self.bridge.client, name, agents, values, lambda o: self._bulk_done(name, o))

    def _send_one(self, name: str, command: str, args: dict[str, Any], target: str) -> None:
        self.in_flight[name] = time.monotonic()
        send(self.bridge.client, command, args, target, lambda o: self._one_done(name, o))

    def _one_done(self, name: str, outcome: Outcome) -> None:
        self.in_flight.pop(name, None)
        text = QCoreApplication.translate(
            "SupervisorControl", "{action} {target}: {result}"
        ).format(
            action=tr(BY_NAME[name].text).rstrip("…"), target=outcome.target, result=outcome.words()
        )
        self.result_line.add(text, colour_of(outcome))
        self.board.show_message(text)
        self.update_actions()
        self.call_panel.refresh()

    def _apply_skills(self, changes: dict[str, dict[str, int]]) -> None:
        if not changes:
            self.board.show_message(
                QCoreApplication.translate("SupervisorControl", "Skills unchanged.")
            )
            return
        if len(changes) == 1:
            agent, skills = next(iter(changes.items()))
            self._send_one("skills", "set_skills", {"agent": agent, "skills": skills}, agent)
            return
        items = [("set_skills", {"agent": a, "skills": sk}, a) for a, sk in changes.items()]
        send_each(self.bridge.client, items, lambda o: self._bulk_done("skills", o))

    def _bulk_done(self, name: str, outcomes: list[Outcome]) -> None:
        self.in_flight.pop(name, None)
        title = tr(BY_NAME[name].text).rstrip("…")
        names = {o.target: str(self._agent(o.target).get("name", "")) for o in outcomes}
        if self.bulk_dialog is not None:
            self.bulk_dialog.close()
        self.bulk_dialog = BulkResultDialog(title, names, outcomes, self.board)
        self.bulk_dialog.show()
        done, refused = self.bulk_dialog.counts()
        text = QCoreApplication.translate(
            "SupervisorControl", "{action}: {done} done, {refused} refused"
        ).format(action=title, done=f"{done:,}", refused=f"{refused:,}")
        self.result_line.add(text, colour_of(Outcome("", refused == 0)))
        self.board.show_message(text)
        self.update_actions()

    # -- language --------------------------------------------------------------------------
    def place(self, grid: Any, area: Any) -> None:
        """The toolbar and the newest results above the cells (hidden with them on a big
        floor until a group is chosen: there is nothing to select), the call panel beside."""
        row = QWidget(grid, objectName="controlRow")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.result_line)  # shown from the first result on
        grid.layout().insertWidget(grid.layout().indexOf(grid.view), row)
        grid.grid_shown.connect(row.setVisible)
        row.setVisible(grid.view.isVisibleTo(grid))
        area.addWidget(self.call_panel)

    def retranslate_ui(self) -> None:
        for spec in ACTIONS:
            self.actions[spec.name].setText(tr(spec.text))
            self.actions[spec.name].setStatusTip(tr(spec.tip))
        self.toolbar.setWindowTitle(
            QCoreApplication.translate("SupervisorControl", "Supervisor actions")
        )
        self.grid.delegate.labels.clear()
        self.update_actions()
        self.call_panel.retranslate_ui()
