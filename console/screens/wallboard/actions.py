"""The wall-board's own actions and its Alarms menu; the shell places them, the board owns them."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from console.common import actions

SHORTCUTS = {"toggle_grid": "Ctrl+G", "settings": "Ctrl+,", "refresh_sort": "F5",
             "ack": "Ctrl+K", "mute": "Ctrl+M"}
TOGGLES = ("toggle_grid", "mute")
#: the board's entries in the shell's View menu
VIEW = ("toggle_grid", "settings", "refresh_sort")

_C = "WallboardScreen"
#: action -> (text, tooltip), untranslated
TEXTS = {
    "toggle_grid": (QT_TRANSLATE_NOOP("WallboardScreen", "Agent grid"),
                    QT_TRANSLATE_NOOP("WallboardScreen", "Show or hide the agent grid")),
    "settings": (QT_TRANSLATE_NOOP("WallboardScreen", "Layout settings…"),
                 QT_TRANSLATE_NOOP("WallboardScreen", "Choose tiles, queues, grid and charts")),
    "refresh_sort": (QT_TRANSLATE_NOOP("WallboardScreen", "Re-sort queue table"),
                     QT_TRANSLATE_NOOP("WallboardScreen", "Apply the chosen sort order now")),
    "ack": (QT_TRANSLATE_NOOP("WallboardScreen", "Acknowledge alarm…"),
            QT_TRANSLATE_NOOP("WallboardScreen", "Acknowledge the selected alarm with a note")),
    "mute": (QT_TRANSLATE_NOOP("WallboardScreen", "Mute alarm sound"),
             QT_TRANSLATE_NOOP("WallboardScreen", "No sound on new red or black alarms")),
}
ALARM_MENU = QT_TRANSLATE_NOOP("WallboardScreen", "&Alarms")


def build_actions(board: QWidget, slots: Mapping[str, Callable[..., object]], *, muted: bool,
                  alarm_menu: QMenu, show_grid: bool = True) -> dict[str, QAction]:
    """Create the board's actions and fill its Alarms menu; texts come from
    :func:`retranslate_actions`. The toggles start as remembered, without running their slots
    (checking "Agent grid" here once saved ``layout/show_grid = true`` at every start, so a
    grid hidden in the layout dialog came back after a restart)."""
    acts = actions.add_actions(board, SHORTCUTS, slots, TOGGLES)
    for name, on in (("mute", muted), ("toggle_grid", show_grid)):
        acts[name].blockSignals(True)
        acts[name].setChecked(on)
        acts[name].blockSignals(False)
    alarm_menu.addAction(acts["ack"])
    alarm_menu.addAction(acts["mute"])
    return acts


def retranslate_actions(acts: Mapping[str, QAction], alarm_menu: QMenu) -> None:
    actions.retranslate_actions(acts, TEXTS, _C)
    alarm_menu.setTitle(QCoreApplication.translate(_C, ALARM_MENU))
