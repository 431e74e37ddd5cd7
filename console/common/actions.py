"""Actions built from tables, so each screen and the shell own theirs without knowing the other:
every action gets its shortcut, its slot and a tooltip that names the shortcut."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def add_actions(owner: QWidget, shortcuts: Mapping[str, str],
                slots: Mapping[str, Callable[..., object]],
                toggles: Collection[str] = ()) -> dict[str, QAction]:
    """One action per ``shortcuts`` entry; those in ``toggles`` are checkable and call their
    slot on ``toggled``, the others on ``triggered``."""
    acts: dict[str, QAction] = {}
    for name, shortcut in shortcuts.items():
        action = QAction(owner)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(name in toggles)
        if name in toggles:
            action.toggled.connect(slots[name])
        else:
            action.triggered.connect(slots[name])
        owner.addAction(action)  # shortcuts work even with the menu bar hidden (wall mode)
        acts[name] = action
    return acts


def retranslate_actions(acts: Mapping[str, QAction], texts: Mapping[str, tuple[str, str]],
                        context: str, native: Collection[str] = ()) -> None:
    """Text, tooltip (with the shortcut) and status tip; ``native`` texts stay as written."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    for name, (text, tip) in texts.items():
        action = acts.get(name)
        if action is not None:
            action.setText(text if name in native else tr(text))
            action.setToolTip(f"{tr(tip)} ({action.shortcut().toString()})")
            action.setStatusTip(tr(tip))
