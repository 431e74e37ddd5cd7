"""One console run: Qt application, local or remote switchlink, window, and orderly shutdown."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.shell.i18n import LANGUAGES, Translations, system_language
from console.shell.launcher import LaunchError, LocalSwitchlink
from console.shell.themes import apply_theme
from console.shell.window import MainWindow

log = logging.getLogger(__name__)


def _error(message: str) -> None:
    print(f"callfloor: error: {message}", file=sys.stderr)


class ConsoleSession:
    """Owns everything a console run starts, so every exit path stops the child daemon."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.local: LocalSwitchlink | None = None
        self.client: Any = None
        self.window: MainWindow | None = None
        self.exit_code = 0
        self._signal_timer: QTimer | None = None
        self._quit_requested = False

    def run(self) -> int:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("callfloor")
        app.setOrganizationName("callfloor")
        self._quit_on_signals(app)
        try:
            if not self._connect():
                return self.exit_code
            if self._quit_requested:  # signalled while the local switchlink was starting
                return 0
            self._open_window(app)
            if self._quit_requested:
                return 0
            return int(app.exec()) or self.exit_code
        finally:
            self.shutdown()

    def _quit_on_signals(self, app: QApplication) -> None:
        """SIGINT / SIGTERM end the console the orderly way, so the child daemon is stopped.

        Python runs signal handlers only when it holds the interpreter, which Qt's event loop
        does not give it: a short idle timer does.
        """
        def quit_now(signum: int, _frame: object) -> None:
            log.info("signal %s: closing the console", signal.Signals(signum).name)
            self._quit_requested = True  # app.quit() does nothing before exec() has begun
            app.quit()

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, quit_now)
        self._signal_timer = QTimer(app)
        self._signal_timer.start(250)
        self._signal_timer.timeout.connect(lambda: None)

    # -- switchlink ------------------------------------------------------------------------
    def _connect(self) -> bool:
        from switchlink.client import ClientError, SwitchlinkClient

        session = self.args.session
        if self.args.connect:
            endpoint = self.args.connect
        else:
            self.local = LocalSwitchlink(self.args.scenario, self.args.speed)
            try:
                endpoint = self.local.start()
            except LaunchError as exc:
                self._start_failed(exc)
                return False
            session = self.local.session
        try:
            self.client = SwitchlinkClient(endpoint, session=session or None)
            self.client.connect()
        except ClientError as exc:
            _error(str(exc))
            self.exit_code = 2
            return False
        return True

    def _start_failed(self, exc: LaunchError) -> None:
        """One line on the terminal; a dialog too when someone is looking at a display."""
        from console.shell.notices import StartErrorDialog, has_real_display

        _error(f"could not start the local switchlink: {exc.reason}")
        self.exit_code = 2 if exc.exit_code == 2 else 1
        if has_real_display() and not self.args.screenshot:
            log_path = self.local.log_path if self.local is not None else None
            StartErrorDialog(exc.reason, str(log_path or "")).exec()

    def _tell_first_run_password(self) -> None:
        """Show the one-time admin password once: terminal and (on a display) a dialog."""
        from console.shell.notices import FirstRunDialog, has_real_display

        password = self.local.first_run_password if self.local is not None else None
        if not password:
            return
        self.local.first_run_password = None  # once
        on_display = has_real_display() and not self.args.screenshot
        # from a desktop menu stderr often lands in ~/.xsession-errors: a secret in a log
        if sys.stderr.isatty() or not on_display:
            print(f"callfloor: first run: created user 'admin' with password {password}\n"
                  "callfloor: it is shown only this once; set your own with "
                  "`main.py ctl login admin` then `main.py ctl passwd`", file=sys.stderr)
        if on_display:
            dialog = FirstRunDialog("admin", password, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()  # window-modal, does not block the wall-board's start

    def shutdown(self) -> None:
        """Close the client and stop the child daemon (also after errors)."""
        if self.window is not None:
            self.window.bridge.stop()
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.local is not None:
            self.local.stop()
            self.local = None

    # -- window ----------------------------------------------------------------------------
    def _open_window(self, app: QApplication) -> None:
        prefs = Preferences(QSettings())
        theme = self.args.theme or prefs.get("ui/theme", "dark")
        theme = theme if theme in ("dark", "light") else "dark"
        lang = self.args.lang or prefs.get("ui/language", "") or system_language()
        lang = lang if lang in LANGUAGES else "en"
        apply_theme(app, theme)
        translations = Translations(app)
        translations.switch(lang)
        bridge = ClientBridge(self.client)
        win = MainWindow(bridge, prefs, theme=theme, language=lang,
                         show_log=self._show_log)
        self.window = win
        from console.shell.session_control import SessionControl

        # a switchlink that is not our own embedded one: ask who is there (issue 12)
        win.session_control = SessionControl(  # type: ignore[attr-defined]
            win, bridge, endpoint=str(getattr(self.client, "endpoint", "")),
            ask_at_start=bool(self.args.connect) and not self.args.screenshot)
        win.enable_sound()
        win.theme_screens(theme)

        def set_theme(name: str) -> None:
            apply_theme(app, name, win.type_scale)
            win.theme = name
            win.theme_screens(name)
            prefs.set("ui/theme", name)

        def set_language(name: str) -> None:
            translations.switch(name)
            win.language = name
            prefs.set("ui/language", name)

        win.theme_requested.connect(set_theme)
        win.language_requested.connect(set_language)
        win.restore_geometry()
        if self.args.screenshot:
            win.resize(1920, 1080)
        bridge.start()
        if self.args.wall:
            win.toggle_wall(True, self.args.screen)
        else:
            win.show()
        if self.args.screenshot:
            self._arm_screenshot(app, win, Path(self.args.screenshot))
        self._tell_first_run_password()
        if os.environ.get("CALLFLOOR_STARTUP_REPORT"):
            win.live_data_shown.connect(lambda: self._report_first_paint(win))

    @staticmethod
    def _report_first_paint(win: MainWindow) -> None:
        """For the start-up benchmark: paint now and print the wall time of that paint."""
        win.repaint()
        print(f"callfloor: first-live-paint {time.time():.3f}", file=sys.stderr, flush=True)

    def _arm_screenshot(self, app: QApplication, win: MainWindow, target: Path) -> None:
        def shoot() -> None:
            if not win.grab().save(str(target)):
                _error(f"could not write {target}")
                self.exit_code = 1
            app.quit()

        def give_up() -> None:
            wait = self.args.screenshot_timeout
            if win.bridge.mirror.get("daemon/info") is None:  # never heard from at all
                _error(f"connecting to {getattr(self.client, 'endpoint', '?')}: nothing "
                       f"received within {wait:.0f} s (--screenshot-timeout); no screenshot "
                       "saved")
            else:
                _error(f"no live data within {wait:.0f} s (--screenshot-timeout); nothing saved")
            self.exit_code = 1
            app.quit()

        # let one more frame and the chart redraw land before grabbing; --screenshot-after
        # waits longer, so a sped-up emulator fills the floor, the tiles and the charts
        wait_ms = 1200 + int(getattr(self.args, "screenshot_after", 0.0) * 1000)
        win.live_data_shown.connect(lambda: QTimer.singleShot(wait_ms, shoot))
        QTimer.singleShot(int((self.args.screenshot_timeout
                               + getattr(self.args, "screenshot_after", 0.0)) * 1000), give_up)

    def _show_log(self) -> None:
        from console.shell.log_dialog import LogDialog

        path = self.local.log_path if self.local is not None else None
        dialog = LogDialog(path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
