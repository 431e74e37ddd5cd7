"""The window's menus and keyboard shortcuts: every action reachable without a mouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

if TYPE_CHECKING:
    from console.screens.wallboard.screen import MainWindow


def build_actions(win: MainWindow) -> dict[str, QAction]:
    """Create the menus; texts are set in :func:`retranslate_actions`."""
    acts: dict[str, QAction] = {}

    def add(name: str, shortcut: str | QKeySequence.StandardKey, slot: object,
            checkable: bool = False) -> QAction:
        action = QAction(win)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)  # type: ignore[arg-type]
        else:
            action.triggered.connect(slot)  # type: ignore[arg-type]
        win.addAction(action)  # shortcuts work even with the menu bar hidden (wall mode)
        acts[name] = action
        return action

    add("wall", "F11", lambda on: win.toggle_wall(on), checkable=True)
    add("toggle_grid", "Ctrl+G", win.set_grid_visible, checkable=True)
    add("settings", "Ctrl+,", win.open_settings)
    add("refresh_sort", "F5", win.queue_table.resort)
    add("ack", "Ctrl+K", win.alarms.acknowledge_selected)
    add("mute", "Ctrl+M", win.set_muted, checkable=True)
    add("log", "Ctrl+L", win.open_log)
    add("quit", "Ctrl+Q", win.close)
    add("exit_wall", "Esc", lambda: win.toggle_wall(False) if win.isFullScreen() else None)
    themes = QActionGroup(win)
    for theme, key in (("dark", "Ctrl+Shift+D"), ("light", "Ctrl+Shift+L")):
        action = add(f"theme_{theme}", key, lambda _=False, t=theme: win.theme_requested.emit(t))
        action.setCheckable(True)
        action.setChecked(theme == win.theme)
        themes.addAction(action)
    langs = QActionGroup(win)
    for lang, key in (("zh_CN", "Ctrl+Shift+C"), ("en", "Ctrl+Shift+E")):
        action = add(f"lang_{lang}", key,
                     lambda _=False, lg=lang: win.language_requested.emit(lg))
        action.setCheckable(True)
        action.setChecked(lang == win.language)
        langs.addAction(action)
    acts["mute"].setChecked(win.prefs.muted())
    acts["toggle_grid"].setChecked(True)

    bar = win.menuBar()
    win.view_menu = bar.addMenu("")
    for name in ("wall", "toggle_grid", "settings", "refresh_sort", "theme_dark", "theme_light",
                 "log", "quit"):
        win.view_menu.addAction(acts[name])
    win.lang_menu = bar.addMenu("")
    win.lang_menu.addAction(acts["lang_zh_CN"])
    win.lang_menu.addAction(acts["lang_en"])
    win.alarm_menu = bar.addMenu("")
    win.alarm_menu.addAction(acts["ack"])
    win.alarm_menu.addAction(acts["mute"])
    return acts


_C = "MainWindow"
#: action -> (text, tooltip), untranslated; the language actions name themselves natively
TEXTS = {
    "wall": (QT_TRANSLATE_NOOP("MainWindow", "Wall display (full screen)"),
             QT_TRANSLATE_NOOP("MainWindow", "Frameless full screen on the chosen monitor")),
    "toggle_grid": (QT_TRANSLATE_NOOP("MainWindow", "Agent grid"),
                    QT_TRANSLATE_NOOP("MainWindow", "Show or hide the agent grid")),
    "settings": (QT_TRANSLATE_NOOP("MainWindow", "Layout settings…"),
                 QT_TRANSLATE_NOOP("MainWindow", "Choose tiles, queues, grid and charts")),
    "refresh_sort": (QT_TRANSLATE_NOOP("MainWindow", "Re-sort queue table"),
                     QT_TRANSLATE_NOOP("MainWindow", "Apply the chosen sort order now")),
    "ack": (QT_TRANSLATE_NOOP("MainWindow", "Acknowledge alarm…"),
            QT_TRANSLATE_NOOP("MainWindow", "Acknowledge the selected alarm with a note")),
    "mute": (QT_TRANSLATE_NOOP("MainWindow", "Mute alarm sound"),
             QT_TRANSLATE_NOOP("MainWindow", "No sound on new red or black alarms")),
    "log": (QT_TRANSLATE_NOOP("MainWindow", "switchlink log…"),
            QT_TRANSLATE_NOOP("MainWindow", "Show the local switchlink's log")),
    "quit": (QT_TRANSLATE_NOOP("MainWindow", "Quit"),
             QT_TRANSLATE_NOOP("MainWindow", "Close the console (and the local switchlink)")),
    "exit_wall": (QT_TRANSLATE_NOOP("MainWindow", "Leave wall display"),
                  QT_TRANSLATE_NOOP("MainWindow", "Back to a normal window")),
    "theme_dark": (QT_TRANSLATE_NOOP("MainWindow", "Dark theme (wall)"),
                   QT_TRANSLATE_NOOP("MainWindow", "High-contrast dark theme")),
    "theme_light": (QT_TRANSLATE_NOOP("MainWindow", "Light theme (desk)"),
                    QT_TRANSLATE_NOOP("MainWindow", "Light theme for desk use")),
    "lang_zh_CN": ("简体中文", QT_TRANSLATE_NOOP("MainWindow",
                                             "Switch the interface to Simplified Chinese")),
    "lang_en": ("English", QT_TRANSLATE_NOOP("MainWindow", "Switch the interface to English")),
}
MENUS = (QT_TRANSLATE_NOOP("MainWindow", "&View"), QT_TRANSLATE_NOOP("MainWindow", "&Language"),
         QT_TRANSLATE_NOOP("MainWindow", "&Alarms"))


def retranslate_actions(win: MainWindow) -> None:
    def tr(text: str) -> str:
        return QCoreApplication.translate(_C, text)

    for name, (text, tip) in TEXTS.items():
        action = win.actions_by_name.get(name)
        if action is not None:
            action.setText(text if name.startswith("lang_") else tr(text))
            action.setToolTip(f"{tr(tip)} ({action.shortcut().toString()})")
            action.setStatusTip(tr(tip))
    for menu, title in zip((win.view_menu, win.lang_menu, win.alarm_menu), MENUS, strict=True):
        menu.setTitle(tr(title))
