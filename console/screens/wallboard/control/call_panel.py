"""The live call of the selected agent: caller, level, queue, time, IVR trail, who listens in.

The buttons are the board's own call actions (one session: monitor → whisper → barge → leave
switch on the same call without hanging up).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.screens.wallboard import floor
from console.screens.wallboard.control.table import HOW

_C = "SupervisorControl"
LEVELS = {
    "normal": QT_TRANSLATE_NOOP("SupervisorControl", "Normal"),
    "vip": QT_TRANSLATE_NOOP("SupervisorControl", "VIP"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class CallPanel(QGroupBox):
    """Shown while one talking agent is selected; reads the mirror on every refresh."""

    FIELDS = ("caller", "level", "queue", "time", "ivr", "participants")

    def __init__(
        self,
        mirror: Any,
        clock: Callable[[], float],
        actions: Iterable[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self.mirror = mirror
        self.clock = clock
        self.agent = ""
        self.call_id = ""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for name in self.FIELDS:
            self.labels[name] = QLabel(self)
            value = QLabel(self, objectName=f"call_{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            form.addRow(self.labels[name], value)
        layout.addLayout(form)
        buttons = QGridLayout()
        self.buttons: dict[str, QToolButton] = {}
        for i, action in enumerate(actions):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.buttons[action.objectName()] = button
            buttons.addWidget(button, i // 2, i % 2)
        layout.addLayout(buttons)
        self.setMinimumWidth(320)  # the values in one line each: wrapped labels were cut
        layout.addStretch(1)
        self.retranslate_ui()

    def show_agent(self, agent: str) -> None:
        """Follow ``agent``'s call (hidden when the agent has none)."""
        self.agent = agent
        self.refresh()

    def refresh(self) -> None:
        record = self.mirror.get("agent/" + self.agent) if self.agent else None
        call_id = str((record or {}).get("call_id") or "")
        call = self.mirror.get("call/" + call_id) if call_id else None
        self.call_id = call_id if call else ""
        self.setVisible(call is not None)
        if call is None:
            return
        self.setTitle(
            QCoreApplication.translate("SupervisorControl", "Call of agent {agent}").format(
                agent=self.agent
            )
        )
        queue = str(call.get("queue") or "")
        queue_name = str((self.mirror.get("queue/" + queue) or {}).get("name") or queue)
        since = call.get("answered_at") or call.get("ringing_at") or call.get("arrived_at")
        level = str(call.get("customer_level") or "normal")
        texts = {
            "caller": str(call.get("caller") or ""),
            "level": tr(LEVELS[level]) if level in LEVELS else level,
            "queue": queue_name or "–",
            "time": floor.fmt_duration(self.clock() - float(since)) if since else "–",
            "ivr": self._ivr_text(call),
            "participants": self._participants(call),
        }
        for name, text in texts.items():
            if self.values[name].text() != text:
                self.values[name].setText(text)

    @staticmethod
    def _ivr_text(call: dict[str, Any]) -> str:
        path = " › ".join(call.get("ivr_position") or call.get("ivr_trail") or ())
        steps = "\n".join((call.get("ivr_steps") or [])[-3:])  # the last steps; the cell tip has 5
        return "\n".join(p for p in (path, steps) if p) or QCoreApplication.translate(
            "SupervisorControl", "none"
        )

    @staticmethod
    def _participants(call: dict[str, Any]) -> str:
        who = call.get("participants") or {}
        if not who:
            return QCoreApplication.translate("SupervisorControl", "nobody is listening in")
        return ", ".join(
            f"{user} ({tr(HOW[how]) if how in HOW else how})" for user, how in sorted(who.items())
        )

    def retranslate_ui(self) -> None:
        words = {
            "caller": QCoreApplication.translate("SupervisorControl", "Caller:"),
            "level": QCoreApplication.translate("SupervisorControl", "Customer level:"),
            "queue": QCoreApplication.translate("SupervisorControl", "Queue:"),
            "time": QCoreApplication.translate("SupervisorControl", "Time:"),
            "ivr": QCoreApplication.translate("SupervisorControl", "IVR trail:"),
            "participants": QCoreApplication.translate("SupervisorControl", "Listening in:"),
        }
        for name, text in words.items():
            self.labels[name].setText(text)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
