"""The window shell: menus, status bar and tabs; it adds the screens and knows nothing inside."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.screen import MESSAGE_MS, Screen, ScreenSpec
from console.screens import SCREENS
from console.shell.menus import build_actions, build_menu_bar, retranslate_menus
from console.shell.themes import DESIGN_HEIGHT, apply_theme, wall_scale

#: the first window takes this share of the screen's free area, centred
FIRST_SIZE = 0.9


class MainWindow(QMainWindow):
    """Holds the registered screens: the only one as the central widget, several as tabs."""

    # -- signals ---------------------------------------------------------------------------
    #: a screen has painted live data for the first time (used by ``--screenshot``)
    live_data_shown = Signal()
    #: the user asked for a theme ("dark" | "light")
    theme_requested = Signal(str)
    #: the user asked for a language ("zh_CN" | "en")
    language_requested = Signal(str)

    def __init__(self, bridge: ClientBridge, prefs: Preferences, *, theme: str = "dark",
                 language: str = "en", show_log: Callable[[], None] | None = None,
                 screens: Sequence[ScreenSpec] = SCREENS) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.bridge = bridge
        self.prefs = prefs
        self.theme = theme
        #: type scale of the style sheet in force (1.0 = the 1080p design)
        self.type_scale = 1.0
        self.language = language
        self.show_log = show_log
        self.live_seen = False
        self.specs = list(screens)
        self.screens: dict[str, Screen] = {}
        for spec in self.specs:
            screen = spec.load()(bridge, prefs, self)
            screen.live_data_shown.connect(self._screen_live)
            self.screens[spec.id] = screen
        self.tabs: QTabWidget | None = None
        if len(self.screens) == 1:  # the wall-board alone looks exactly as it always did
            self.setCentralWidget(next(iter(self.screens.values())))
        else:
            self.tabs = QTabWidget(self, documentMode=True)
            for screen in self.screens.values():
                self.tabs.addTab(screen, "")
            self.tabs.currentChanged.connect(self._follow_tab)
            self.setCentralWidget(self.tabs)
        self.actions_by_name: dict[str, QAction] = build_actions(self, {
            "wall": lambda on: self.toggle_wall(on), "log": self.open_log, "quit": self.close,
            "exit_wall": lambda: self.toggle_wall(False) if self.isFullScreen() else None,
            "theme_dark": lambda _=False: self.theme_requested.emit("dark"),
            "theme_light": lambda _=False: self.theme_requested.emit("light"),
            "lang_zh_CN": lambda _=False: self.language_requested.emit("zh_CN"),
            "lang_en": lambda _=False: self.language_requested.emit("en"),
        }, theme=theme, language=language)
        self.view_menu, self.lang_menu = build_menu_bar(self.menuBar(), self.actions_by_name,
                                                        self.screens.values())
        if self.tabs is not None:
            self._follow_tab(self.tabs.currentIndex())
        self.retranslate_ui()

    # -- screens ---------------------------------------------------------------------------
    def _screen_live(self) -> None:
        if not self.live_seen:
            self.live_seen = True
            self.live_data_shown.emit()

    def open_screen(self, screen_id: str, **request: object) -> bool:
        """A screen asked for another (``Screen.open_screen``): show it, hand it the request."""
        screen = self.screens.get(screen_id)
        if screen is None:
            return False
        if self.tabs is not None:
            self.tabs.setCurrentWidget(screen)
        screen.handle_request(**request)
        return True

    def _follow_tab(self, index: int) -> None:
        """Only the shown screen's View entries and menus are offered (and their shortcuts)."""
        for i, screen in enumerate(self.screens.values()):
            for action in screen.view_actions():
                action.setVisible(i == index)
            for menu in screen.menus():
                menu.menuAction().setVisible(i == index)

    def theme_screens(self, theme: str) -> None:
        """Tell every screen the theme, for the colours the style sheet does not reach."""
        for screen in self.screens.values():
            screen.apply_theme(theme)

    def enable_sound(self) -> None:
        for screen in self.screens.values():
            screen.enable_sound()

    # -- actions ---------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def toggle_wall(self, on: bool | None = None, screen: int | None = None) -> None:
        """Frameless full screen on the chosen monitor (F11), or back to a normal window."""
        on = not self.isFullScreen() if on is None else on
        screens = QApplication.screens()
        if screen is not None and 0 <= screen < len(screens):
            self.prefs.set("window/screen", screen)
        chosen = int(self.prefs.get("window/screen", "0") or 0)
        if self.tabs is not None:  # a wall shows the current screen, not a tab bar
            self.tabs.tabBar().setVisible(not on)
        if on:
            if 0 <= chosen < len(screens):
                self.setGeometry(screens[chosen].geometry())
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.menuBar().hide()
            self.showFullScreen()
            self.setCursor(Qt.CursorShape.BlankCursor)
        else:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
            self.menuBar().show()
            self.unsetCursor()
            self.showNormal()
        self.actions_by_name["wall"].setChecked(on)

    def open_log(self) -> None:
        if self.show_log is not None:
            self.show_log()

    # -- look ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Auto-fit: cells, rows and all type grow with the window (1080p = 1.0, 4K = 2.0)."""
        scale = max(0.8, min(2.5, event.size().height() / DESIGN_HEIGHT))
        for screen in self.screens.values():
            screen.set_size_scale(scale)
        self.set_type_scale(wall_scale(event.size().height()))
        super().resizeEvent(event)

    def set_type_scale(self, scale: float) -> None:
        """Re-style tables, lists, banners, titles and charts for a 4K (or small) wall."""
        if scale == self.type_scale:
            return
        self.type_scale = scale
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.styleSheet():
            apply_theme(app, self.theme, scale)
        for screen in self.screens.values():
            screen.set_type_scale(scale)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("callfloor — hotline floor wall-board"))
        retranslate_menus(self.actions_by_name, (self.view_menu, self.lang_menu))
        if self.tabs is not None:
            for i, spec in enumerate(self.specs):
                self.tabs.setTabText(i, QCoreApplication.translate("Screen", spec.title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def save_geometry(self) -> None:
        self.prefs.set("window/geometry", self.saveGeometry())
        screen = self.screen()
        if screen in QApplication.screens():
            self.prefs.set("window/screen", QApplication.screens().index(screen))

    def restore_geometry(self) -> None:
        """The size and place the window had last time; the first time, most of the screen
        (Qt's default, ~570×715 px in a corner, clipped every title on a 1080p wall)."""
        geometry = self.prefs.geometry()
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width, height = int(area.width() * FIRST_SIZE), int(area.height() * FIRST_SIZE)
        self.resize(width, height)
        self.move(area.left() + (area.width() - width) // 2,
                  area.top() + (area.height() - height) // 2)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
