"""The shell's menus and shortcuts (wall display, theme, language, log, quit); each screen's
own actions and menus are placed among them, so every action is reachable without a mouse."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from console.common.actions import add_actions, retranslate_actions
from console.common.screen import Screen

SHORTCUTS = {"wall": "F11", "log": "Ctrl+L", "quit": "Ctrl+Q", "exit_wall": "Esc",
             "theme_dark": "Ctrl+Shift+D", "theme_light": "Ctrl+Shift+L",
             "lang_zh_CN": "Ctrl+Shift+C", "lang_en": "Ctrl+Shift+E"}
TOGGLES = ("wall",)


def build_actions(owner: QWidget, slots: Mapping[str, Callable[..., object]], *, theme: str,
                  language: str) -> dict[str, QAction]:
    """The shell's actions; theme and language are each one exclusive, checked group."""
    acts = add_actions(owner, SHORTCUTS, slots, TOGGLES)
    for names, chosen in ((("theme_dark", "theme_light"), f"theme_{theme}"),
                          (("lang_zh_CN", "lang_en"), f"lang_{language}")):
        group = QActionGroup(owner)
        for name in names:
            acts[name].setCheckable(True)
            acts[name].setChecked(name == chosen)
            group.addAction(acts[name])
    return acts


def build_menu_bar(bar: QMenuBar, acts: Mapping[str, QAction],
                   screens: Iterable[Screen]) -> list[QMenu]:
    """View (the screens' entries after the wall display), Language, then the screens' menus;
    returns the shell's own menus, whose titles :func:`retranslate_menus` sets."""
    screens = list(screens)
    view_menu = bar.addMenu("")
    view_menu.addAction(acts["wall"])
    for screen in screens:
        view_menu.addActions(screen.view_actions())
    for name in ("theme_dark", "theme_light", "log", "quit"):
        view_menu.addAction(acts[name])
    lang_menu = bar.addMenu("")
    lang_menu.addAction(acts["lang_zh_CN"])
    lang_menu.addAction(acts["lang_en"])
    for screen in screens:
        for menu in screen.menus():
            bar.addMenu(menu)
    return [view_menu, lang_menu]


_C = "MainWindow"
#: action -> (text, tooltip), untranslated; the language actions name themselves natively
TEXTS = {
    "wall": (QT_TRANSLATE_NOOP("MainWindow", "Wall display (full screen)"),
             QT_TRANSLATE_NOOP("MainWindow", "Frameless full screen on the chosen monitor")),
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
MENUS = (QT_TRANSLATE_NOOP("MainWindow", "&View"), QT_TRANSLATE_NOOP("MainWindow", "&Language"))


def retranslate_menus(acts: Mapping[str, QAction], menus: Sequence[QMenu]) -> None:
    retranslate_actions(acts, TEXTS, _C, native=("lang_zh_CN", "lang_en"))
    for menu, title in zip(menus, MENUS, strict=True):
        menu.setTitle(QCoreApplication.translate(_C, title))
