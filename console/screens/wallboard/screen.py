"""The wall-board window: banners, tiles, queue table, charts, agent grid and alarms."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from console.common.link import ClientBridge
from console.common.preferences import Layout, Preferences
from console.screens.wallboard import floor
from console.screens.wallboard.models.agent_grid import AgentGridModel
from console.screens.wallboard.models.alarm_list import AlarmListModel, scope_label
from console.screens.wallboard.models.queue_table import QueueTableModel
from console.screens.wallboard.widgets.agent_grid import AgentGridView
from console.screens.wallboard.widgets.alarms import AlarmPanel
from console.screens.wallboard.widgets.banners import AlarmBanner, StaleBanner
from console.screens.wallboard.widgets.charts import ChartsPanel
from console.screens.wallboard.widgets.tiles import TileBoard
from console.shell.themes import DESIGN_HEIGHT, apply_theme, wall_scale


class MainWindow(QMainWindow):
    """Views only: every number comes from the client mirror through the bridge's frames."""

    #: the board has painted live data at least once (used by ``--screenshot``)
    live_data_shown = Signal()
    #: the user asked for a theme ("dark" | "light") or a language ("zh_CN" | "en")
    theme_requested = Signal(str)
    language_requested = Signal(str)

    def __init__(self, bridge: ClientBridge, prefs: Preferences, *, theme: str = "dark",
                 language: str = "en", can_ack: bool = True,
                 show_log: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.bridge = bridge
        self.prefs = prefs
        self.theme = theme
        #: type scale of the style sheet in force (1.0 = the 1080p design)
        self.type_scale = 1.0
        self.language = language
        self.show_log = show_log
        self.stale = True
        self.live_seen = False
        self._asked_whoami = False
        mirror = bridge.mirror
        self.queue_model = QueueTableModel(mirror, self)
        self.clock = SwitchClock()
        self.agent_model = AgentGridModel(mirror, self, clock=self.clock)
        self.alarm_model = AlarmListModel(mirror, self)
        self.stale_banner = StaleBanner(self)
        self.alarm_banner = AlarmBanner(mirror, self)
        self.tiles = TileBoard(parent=self)
        from console.screens.wallboard.widgets.queue_table import QueueTableView

        self.queue_table = QueueTableView(self.queue_model, self)
        self.charts = ChartsPanel(self)
        self.charts.clock = self.clock  # charts on the switch's clock, like the intervals
        self.agents = AgentGridView(self.agent_model, self)
        self.alarms = AlarmPanel(self.alarm_model, bridge.client.command, can_ack, self)
        self.alarms.message.connect(self.show_message)
        self.queue_title = QLabel(self, objectName="panelTitle")
        self.agents_title = QLabel(self, objectName="panelTitle")
        self._build_layout()
        self.layout_prefs = prefs.layout()
        from console.shell.menus import build_actions

        self.actions_by_name: dict[str, QAction] = build_actions(self)
        self.sound: Any = None
        self.apply_layout(self.layout_prefs)
        self._sampler = QTimer(self, interval=1000)
        self._sampler.timeout.connect(self._sample_charts)
        self._sampler.start()
        bridge.link_changed.connect(self._ask_permissions)
        bridge.changed.connect(self.apply_frame)
        bridge.resynced.connect(self.rebuild)
        bridge.link_changed.connect(self.set_link)
        self.retranslate_ui()
        self.refresh_summary()

    # -- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)
        outer.addWidget(self.stale_banner)
        outer.addWidget(self.alarm_banner)
        outer.addWidget(self.tiles, 4)  # big numbers first: they are read from five metres
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        queue_box = QWidget(self)
        qlayout = QVBoxLayout(queue_box)
        qlayout.setContentsMargins(0, 0, 0, 0)
        qlayout.addWidget(self.queue_title)
        qlayout.addWidget(self.queue_table)
        middle.addWidget(queue_box)
        middle.addWidget(self.alarms)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        outer.addWidget(middle, 3)
        outer.addWidget(self.charts, 2)
        outer.addWidget(self.agents_title)
        outer.addWidget(self.agents, 4)
        self.setCentralWidget(central)

    def apply_layout(self, layout: Layout) -> None:
        """Tiles, queues, grid and charts as chosen in the settings dialog."""
        self.layout_prefs = layout
        self.tiles.set_visible_tiles(layout.tiles)
        self.queue_table.set_hidden_queues(layout.hidden_queues)
        self.agents.setVisible(layout.show_grid)
        self.agents_title.setVisible(layout.show_grid)
        self.charts.setVisible(layout.show_charts)
        if "toggle_grid" in getattr(self, "actions_by_name", {}):
            self.actions_by_name["toggle_grid"].setChecked(layout.show_grid)

    # -- data ------------------------------------------------------------------------------
    def apply_frame(self, keys: set[str]) -> None:
        """One coalesced frame: fold the changed keys into the models and the tiles."""
        rows_before = self.queue_model.rowCount()
        self.queue_model.apply(keys)
        self.agent_model.apply(keys)
        self.alarm_model.apply(keys)
        if self.queue_model.rowCount() != rows_before:
            self.queue_table.apply_hidden()
        self.agents.after_update()
        alarms_changed = any(k.startswith("alarm/") for k in keys)
        if alarms_changed:
            self.alarms.resort()
        if "metrics/center" in keys or "daemon/info" in keys:
            self._follow_switch_clock()
        if "metrics/center" in keys or "metrics/history/center" in keys:
            self._update_volume_chart()
        if alarms_changed or any(k.startswith(("metrics/center", "agent/", "call/"))
                                 for k in keys):
            self.refresh_summary(alarms_changed)

    def rebuild(self) -> None:
        """After a resync: every model starts over from the new snapshot."""
        for model in (self.queue_model, self.agent_model, self.alarm_model):
            model.rebuild()
        self.queue_table.apply_hidden()
        self.agents.after_update()
        self.alarms.resort()
        self._follow_switch_clock()
        self._update_volume_chart()
        self.refresh_summary(True)

    def _follow_switch_clock(self) -> None:
        """Time in state counts on the switch's clock (simulated time on the emulator)."""
        at = (self.bridge.mirror.get("metrics/center") or {}).get("at")
        if not isinstance(at, int | float):
            at = (self.bridge.mirror.get("daemon/info") or {}).get("switch_time")
        if isinstance(at, int | float):
            self.clock.offset = float(at) - time.time()

    def _update_volume_chart(self) -> None:
        history = self.bridge.mirror.get("metrics/history/center") or {}
        self.charts.set_intervals(list(history.get("intervals") or []),
                                  self.bridge.mirror.get("metrics/center"))

    def center_metrics(self) -> dict[str, Any]:
        """``metrics/center``, with agent counts taken from the agents when it lacks them."""
        metrics = dict(self.bridge.mirror.get("metrics/center") or {})
        missing = [m for m in floor.STATE_COUNTS if metrics.get(m) is None]
        if missing and self.agent_model.rowCount():
            counts: dict[str, int] = {}
            for row in range(self.agent_model.rowCount()):
                state = self.agent_model.agent(row).get("state", "")
                counts[state] = counts.get(state, 0) + 1
            for metric in missing:
                metrics[metric] = sum(counts.get(s, 0) for s in floor.STATE_COUNTS[metric])
        if metrics.get("waiting") is None:
            queued = [float(c.get("queued_at") or 0) for c in
                      self.bridge.mirror.items("call/").values() if c.get("phase") == "queued"]
            metrics["waiting"] = len(queued)
            metrics["longest_wait_s"] = max(0.0, self.clock() - min(queued)) if queued else 0.0
        return metrics

    def refresh_summary(self, alarms_changed: bool = True) -> None:
        alarms = self.alarm_model.alarms()
        self.tiles.update_values(self.center_metrics(), floor.worst_alarm_by_metric(alarms),
                                 lambda scope: scope_label(scope, self.bridge.mirror))
        if alarms_changed:
            self.alarm_banner.set_alarms(alarms)
            self.queue_model.set_alarm_levels(floor.alarm_levels_by_queue(alarms))
            if self.sound is not None:
                self.sound.alarms_changed(alarms)
        self._check_live()

    def _check_live(self) -> None:
        has_data = (self.bridge.mirror.get("metrics/center") is not None
                    or self.agent_model.rowCount() or self.queue_model.rowCount())
        if not self.live_seen and not self.stale and has_data:
            self.live_seen = True
            QTimer.singleShot(0, self.live_data_shown.emit)

    def set_link(self, status: str, since: float) -> None:
        """Lost link: grey everything out and say since when; live again: clear by itself."""
        self.stale = status != "live"
        self.stale_banner.set_link(status, since)
        self.tiles.set_stale(self.stale)
        for model in (self.queue_model, self.agent_model, self.alarm_model):
            model.set_stale(self.stale)
        self.agents.view.viewport().update()
        self._check_live()

    def _sample_charts(self) -> None:
        if not self.stale:
            self.charts.sample(self.center_metrics())

    def _ask_permissions(self, status: str, _since: float) -> None:
        """Once live, ask switchlink who we are: Acknowledge is offered only if the role may."""
        if status != "live" or self._asked_whoami:
            return
        self._asked_whoami = True

        def granted(info: Any) -> None:
            perms = info.get("permissions", []) if isinstance(info, dict) else []
            self.set_can_ack("ack_alarm" in perms)

        def refused(_err: Any = None) -> None:
            self.set_can_ack(False)  # no session: view only

        self.bridge.client.command("whoami", {}, on_success=granted, on_failure=refused)

    def set_can_ack(self, allowed: bool) -> None:
        """The role decides: the Acknowledge button and its menu action / Ctrl+K together."""
        self.alarms.set_can_ack(allowed)
        self.actions_by_name["ack"].setEnabled(allowed)

    # -- actions ---------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def toggle_wall(self, on: bool | None = None, screen: int | None = None) -> None:
        """Frameless full screen on the chosen monitor (F11), or back to a normal window."""
        on = not self.isFullScreen() if on is None else on
        screens = QApplication.screens()
        if screen is not None and 0 <= screen < len(screens):
            self.prefs.set("window/screen", screen)
        chosen = int(self.prefs.get("window/screen", "0") or 0)
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

    def open_settings(self) -> None:
        from console.screens.wallboard.settings_dialog import SettingsDialog

        queues = {rid: str((self.bridge.mirror.get("queue/" + rid) or {}).get("name") or rid)
                  for rid in self.queue_model.ids()}
        dialog = SettingsDialog(self.layout_prefs, queues, self)
        if dialog.exec():
            layout = dialog.result_layout()
            self.prefs.save_layout(layout)
            self.apply_layout(layout)

    def set_grid_visible(self, on: bool) -> None:
        layout = self.layout_prefs
        if layout.show_grid == on:
            return
        layout.show_grid = on
        self.prefs.save_layout(layout)
        self.apply_layout(layout)

    def set_muted(self, muted: bool) -> None:
        self.prefs.set("sound/muted", muted)
        if self.sound is not None:
            self.sound.set_muted(muted)
        self.show_message(self.tr("Alarm sound off") if muted else self.tr("Alarm sound on"))

    def open_log(self) -> None:
        if self.show_log is not None:
            self.show_log()

    # -- look ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Auto-fit: cells, rows and all type grow with the window (1080p = 1.0, 4K = 2.0)."""
        scale = max(0.8, min(2.5, event.size().height() / DESIGN_HEIGHT))
        self.agents.set_scale(scale)
        self.queue_table.set_row_height(int(28 * scale))
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
        self.charts.set_type_scale(scale)
        # number columns were fitted to the old type; fit them once the new style is in
        QTimer.singleShot(0, self.queue_table.fit_columns)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("callfloor — hotline floor wall-board"))
        self.queue_title.setText(self.tr("Queues"))
        self.agents_title.setText(self.tr("Agents"))
        from console.shell.menus import retranslate_actions

        retranslate_actions(self)
        self.queue_model.refresh_all()
        self.agent_model.refresh_all()
        self.alarm_model.refresh_all()

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
        geometry = self.prefs.geometry()
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)


class SwitchClock:
    """Wall time shifted to the switch's clock, learnt from ``metrics/center``'s ``at``."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset
