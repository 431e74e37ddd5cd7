"""调整技能: membership and level per skill group for one or more agents, beside each queue's
load now (waiting, longest wait, agents ready), so the person sees where help is needed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.wallboard import floor

MEMBER, QUEUE, LEVEL, WAITING, LONGEST, READY = range(6)


class SkillsDialog(QDialog):
    """A row per skill group: a tick (partly ticked: some of the agents have it, left as is),
    a level 1..10, and the queue's load from the mirror, refreshed each second."""

    def __init__(self, mirror: Any, agents: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skillsDialog")
        self.mirror = mirror
        self.agents = agents
        self.current = {a: dict((mirror.get("agent/" + a) or {}).get("skills") or {})
                        for a in agents}
        self.queue_ids = sorted(k[len("queue/"):] for k in mirror.items("queue/"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self, wordWrap=True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(len(self.queue_ids), 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.levels: dict[str, QSpinBox] = {}
        for row, qid in enumerate(self.queue_ids):
            have = [self.current[a].get(qid) for a in agents]
            member = QTableWidgetItem()
            member.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            held = [lvl for lvl in have if lvl is not None]
            state = (Qt.CheckState.Checked if len(held) == len(have) else
                     Qt.CheckState.Unchecked if not held else Qt.CheckState.PartiallyChecked)
            if state == Qt.CheckState.PartiallyChecked:
                member.setFlags(member.flags() | Qt.ItemFlag.ItemIsAutoTristate)
            member.setCheckState(state)
            self.table.setItem(row, MEMBER, member)
            name = str((mirror.get("queue/" + qid) or {}).get("name") or qid)
            self.table.setItem(row, QUEUE, QTableWidgetItem(name))
            spin = QSpinBox(self.table, minimum=1, maximum=10)
            spin.setValue(int(max(held)) if held else 5)
            self.levels[qid] = spin
            self.table.setCellWidget(row, LEVEL, spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.refresh_load)
        self._tick.start()
        self.resize(720, 480)
        self.retranslate_ui()

    def refresh_load(self) -> None:
        for row, qid in enumerate(self.queue_ids):
            load = self.mirror.get("metrics/queue/" + qid) or {}
            longest = load.get("longest_wait_s")
            for col, text in ((WAITING, floor.fmt_int(load.get("waiting"))),
                              (LONGEST, floor.fmt_duration(float(longest))
                               if isinstance(longest, int | float) else "–"),
                              (READY, floor.fmt_int(load.get("agents_ready")))):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)

    def set_member(self, queue: str, member: bool, level: int | None = None) -> None:
        row = self.queue_ids.index(queue)
        self.table.item(row, MEMBER).setCheckState(
            Qt.CheckState.Checked if member else Qt.CheckState.Unchecked)
        if level is not None:
            self.levels[queue].setValue(level)

    def skills_for(self, agent: str) -> dict[str, int]:
        """The agent's new map: ticked rows at their level, partly ticked rows unchanged."""
        out: dict[str, int] = {}
        for row, qid in enumerate(self.queue_ids):
            state = self.table.item(row, MEMBER).checkState()
            if state == Qt.CheckState.Checked:
                out[qid] = self.levels[qid].value()
            elif state == Qt.CheckState.PartiallyChecked and qid in self.current[agent]:
                out[qid] = int(self.current[agent][qid])
        return out

    def changes(self) -> dict[str, dict[str, int]]:
        """Agent -> new skills, only for the agents whose map changes."""
        return {a: new for a in self.agents
                if (new := self.skills_for(a)) != {q: int(v) for q, v in self.current[a].items()}}

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change skills"))
        who = ", ".join(self.agents[:8]) + (" …" if len(self.agents) > 8 else "")
        self.heading.setText(self.tr("Skill groups of {count} agent(s): {who}. Applied on the "
                                     "switch at once; a partly ticked group stays as each "
                                     "agent has it.").format(count=len(self.agents), who=who))
        self.table.setHorizontalHeaderLabels([
            self.tr("Member"), self.tr("Skill group"), self.tr("Level (1–10)"),
            self.tr("Waiting"), self.tr("Longest wait"), self.tr("Agents ready")])
        self.refresh_load()
        self.table.resizeColumnsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
