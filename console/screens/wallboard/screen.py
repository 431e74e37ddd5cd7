"""The wall-board screen: banners, tiles, queue table, charts, agent grid and alarms."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.screen import Screen
from console.screens.complaints.wall import ComplaintStrip, FromCallButton
from console.screens.wallboard import floor
from console.screens.wallboard.actions import VIEW, build_actions, retranslate_actions
from console.screens.wallboard.models.agent_grid import AgentGridModel
from console.screens.wallboard.models.alarm_list import AlarmListModel, scope_label
from console.screens.wallboard.models.queue_table import QueueTableModel
from console.screens.wallboard.prefs import Layout, load_layout, save_layout, sound_muted
from console.screens.wallboard.widgets.agent_grid import ALL_LIMIT, AgentGridView
from console.screens.wallboard.widgets.alarms import AlarmPanel
from console.screens.wallboard.widgets.banners import AlarmBanner, StaleBanner
from console.screens.wallboard.widgets.charts import ChartsPanel
from console.screens.wallboard.widgets.floor_summary import FloorSummary
from console.screens.wallboard.widgets.staffing import StaffingStrip
from console.screens.wallboard.widgets.tiles import TileBoard
from models.security import Permission

#: more agents than this make a big floor: the summary per team / skill group stands in for
#: the grid (cells on demand), the tiles take one row and the queue table the height
SUMMARY_FROM = ALL_LIMIT
#: the charts redraw at most this often: the daemon ticks every 0.5 s, but ticks arriving
#: faster (the console load benchmark's flood) redrew pyqtgraph in every frame, up to 10 a
#: second, and tripled the longest GUI stall
CHART_REDRAW_S = 0.5
#: stretch of tiles, queues & alarms, charts and the agent area: (small floor, big floor)
STRETCH = ((6, 8, 3, 9), (1, 17, 2, 10))


class WallboardScreen(Screen):
    """Views only: every number comes from the client mirror through the bridge's frames."""

    def __init__(self, bridge: ClientBridge, prefs: Preferences, parent: QWidget | None = None,
                 *, can_ack: bool = True) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("wallboard")
        self.stale = True
        self.live_seen = False
        #: the queue holding the centre's longest wait, as of the last metrics tick
        self._longest_name = ""
        self._longest_id = ""
        self._link: tuple[str, float] = ("connecting", time.time())
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
        self.queue_table.columns_chosen.connect(self._columns_chosen)
        self.staffing = StaffingStrip(mirror, self)  # issue 18: needed vs staffed, forecast
        self.charts = ChartsPanel(self)
        self.charts.clock = self.clock  # charts on the switch's clock, like the intervals
        self.agents = AgentGridView(self.agent_model, self)
        self.summary = FloorSummary(self.agent_model, self.agents.set_filter, self)
        self._summary_dirty = True
        #: a big floor (more than SUMMARY_FROM agents) has its own proportions
        self.big_floor = False
        self.alarms = AlarmPanel(self.alarm_model, bridge.client.command, can_ack, self)
        self.alarms.message.connect(self.show_message)
        self.queue_title = QLabel(self, objectName="panelTitle")
        #: the service-level definition in force, as switchlink publishes it (S2)
        self.sl_definition = QLabel(self, objectName="slDefinition", wordWrap=True)
        self.agents_title = QLabel(self, objectName="panelTitle")
        self._build_layout()
        from console.screens.wallboard.control.controller import SupervisorControl

        self.control = SupervisorControl(self, self.agents, self.clock)  # issue 12
        self.control.place(self.agents, self.agent_area)
        FromCallButton(self.control.call_panel, self)  # issue 16: a complaint from the call
        self.layout_prefs = load_layout(prefs)
        self.alarm_menu = QMenu(self)
        self.actions_by_name: dict[str, QAction] = build_actions(
            self, {"toggle_grid": self.set_grid_visible, "settings": self.open_settings,
                   "refresh_sort": self.queue_table.resort,
                   "ack": self.alarms.acknowledge_selected, "mute": self.set_muted},
            muted=sound_muted(prefs), alarm_menu=self.alarm_menu,
            show_grid=self.layout_prefs.show_grid)
        self.sound: Any = None
        self.apply_layout(self.layout_prefs)
        self._last_redraw = -CHART_REDRAW_S
        self._redraw_later = QTimer(self, singleShot=True)
        self._redraw_later.timeout.connect(self._redraw_charts)
        self._sampler = QTimer(self, interval=1000)
        self._sampler.timeout.connect(self._sample_charts)
        self._sampler.start()
        access = access_of(bridge)  # the role decides whether Acknowledge is offered
        access.changed.connect(lambda: self.set_can_ack(access.allowed(Permission.ACK_ALARM)))
        self.alarms.why_not_ack = lambda: access.why_not(Permission.ACK_ALARM,
                                                         self.alarms.ack_words())
        bridge.changed.connect(self.apply_frame)
        bridge.resynced.connect(self.rebuild)
        bridge.link_changed.connect(self.set_link)
        self.retranslate_ui()
        # cells painted before the first frame counted from the wall's clock (26672:11:56 on
        # Xvfb at speed 60) when the mirror already held the switch's time
        self._follow_switch_clock()
        self.refresh_summary()

    # -- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)
        outer.addWidget(self.stale_banner)
        outer.addWidget(self.alarm_banner)
        self.complaint_strip = ComplaintStrip(self.bridge, self)  # orders per warning level
        # the complaint counter and the staffing line share one row: each as a row of its own
        # took two queue rows from a 1080p wall (10 of the 12 it must show)
        strips = QHBoxLayout()
        strips.setSpacing(16)
        strips.addWidget(self.complaint_strip)
        strips.addWidget(self.staffing, 1)
        outer.addLayout(strips)
        self._outer = outer
        # big numbers first: they are read from five metres
        outer.addWidget(self.tiles, STRETCH[0][0])
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        queue_box = QWidget(self)
        qlayout = QVBoxLayout(queue_box)
        qlayout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.queue_title)
        title_row.addStretch(1)
        title_row.addWidget(self.sl_definition, 3)
        qlayout.addLayout(title_row)
        qlayout.addWidget(self.queue_table)
        middle.addWidget(queue_box)
        middle.addWidget(self.alarms)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        outer.addWidget(middle, STRETCH[0][1])
        self.middle = middle
        outer.addWidget(self.charts, STRETCH[0][2])
        # "Agents", the filters, the legend and the count in one row above summary and grid:
        # the row stays when the grid is hidden, so the summary then takes the whole width
        self.agent_header = QWidget(self)
        header_row = QHBoxLayout(self.agent_header)
        header_row.setContentsMargins(0, 0, 0, 0)
        header_row.addWidget(self.agents_title)
        header_row.addWidget(self.agents.bar, 1)
        outer.addWidget(self.agent_header)
        self.agent_area = QSplitter(Qt.Orientation.Horizontal, self)
        self.agent_area.addWidget(self.summary)
        self.agent_area.addWidget(self.agents)
        self.agent_area.setStretchFactor(0, 2)
        self.agent_area.setStretchFactor(1, 3)
        outer.addWidget(self.agent_area, STRETCH[0][3])
        self.agents.grid_shown.connect(self.agents.setVisible)
        self.agents.setVisible(self.agents.view.isVisibleTo(self.agents))

    def _set_big_floor(self, big: bool) -> None:
        """A big floor reads by group: the summary instead of cells, the tiles in one row and
        the height to the worst queues (≥ 12 rows on a 1080p wall) — docs/console.md."""
        self.big_floor = big
        self.summary.setVisible(big)
        self.tiles.set_compact(big)
        for widget, stretch in zip((self.tiles, self.middle, self.charts, self.agent_area),
                                   STRETCH[big], strict=True):
            self._outer.setStretchFactor(widget, stretch)

    def apply_layout(self, layout: Layout) -> None:
        """Tiles, queues, grid and charts as chosen in the settings dialog."""
        self.layout_prefs = layout
        self.tiles.set_visible_tiles(layout.tiles)
        self.queue_table.set_hidden_queues(layout.hidden_queues)
        self.queue_table.set_hidden_columns(layout.hidden_columns)
        self.agent_area.setVisible(layout.show_grid)
        self.agent_header.setVisible(layout.show_grid)
        self.charts.setVisible(layout.show_charts)
        grid_action = getattr(self, "actions_by_name", {}).get("toggle_grid")
        if grid_action is not None and grid_action.isChecked() != layout.show_grid:
            grid_action.blockSignals(True)  # showing the layout is not a new choice to save
            grid_action.setChecked(layout.show_grid)
            grid_action.blockSignals(False)

    # -- data ------------------------------------------------------------------------------
    def apply_frame(self, keys: set[str]) -> None:
        """One coalesced frame: fold the changed keys into the models and the tiles."""
        rows_before = self.queue_model.rowCount()
        self.queue_model.apply(keys)
        self.agent_model.apply(keys)
        self.alarm_model.apply(keys)
        self.staffing.apply(keys)
        if self.queue_model.rowCount() != rows_before:
            self.queue_table.resort()  # new queues take their place in the order at once
        agents_changed = any(k.startswith(("agent/", "metrics/agent/")) for k in keys)
        self.agents.after_update(agents_changed)
        self._summary_dirty = self._summary_dirty or agents_changed
        alarms_changed = any(k.startswith("alarm/") for k in keys)
        if alarms_changed:
            self.alarms.resort()
        ticked = "metrics/center" in keys
        if ticked or "daemon/info" in keys:
            self._follow_switch_clock()
        if ticked or "metrics/history/center" in keys:
            self._update_volume_chart()
        if ticked:
            self._longest_name = self._longest_wait_queue()
        if alarms_changed or ticked or any(k.startswith(("agent/", "call/", "metrics/agent/"))
                                           for k in keys):
            self.refresh_summary(alarms_changed)
        if ticked and not self.stale:
            # the chart's newest point is the tick the tiles show, drawn in the same frame
            metrics = self.center_metrics()
            at = metrics.get("at")
            self.charts.sample(metrics, float(at) if isinstance(at, int | float) else None)
            self._redraw_charts()

    def _redraw_charts(self) -> None:
        """Redraw now, or once CHART_REDRAW_S has passed since the last redraw: at the
        daemon's own tick rate every tick is drawn in its frame; a faster stream of ticks is
        drawn twice a second, ending on the newest."""
        wait = self._last_redraw + CHART_REDRAW_S - time.monotonic()
        if wait <= 0:
            self._last_redraw = time.monotonic()
            self.charts.redraw()
        elif not self._redraw_later.isActive():
            self._redraw_later.start(int(wait * 1000) + 1)

    def rebuild(self) -> None:
        """After a resync: every model starts over from the new snapshot."""
        for model in (self.queue_model, self.agent_model, self.alarm_model):
            model.rebuild()
        self.queue_table.resort()
        self.staffing.refresh()
        self.agents.after_update()
        self.alarms.resort()
        self._follow_switch_clock()
        self._update_volume_chart()
        self._longest_name = self._longest_wait_queue()
        self.refresh_summary(True)

    def _follow_switch_clock(self) -> None:
        """Time in state counts on the switch's clock (simulated time on the emulator)."""
        info = self.bridge.mirror.get("daemon/info") or {}
        at = (self.bridge.mirror.get("metrics/center") or {}).get("at")
        if not isinstance(at, int | float):
            at = info.get("switch_time")
        rate = speed_factor(info.get("speed"))
        if isinstance(at, int | float):
            self.clock.follow(float(at), rate)

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
        if self._longest_name:
            metrics["longest_wait_queue"] = self._longest_name
            # the tile's alarm words describe this queue, not the worst one elsewhere
            metrics["longest_wait_scope"] = "queue:" + self._longest_id
        if metrics.get("waiting") is None:
            queued = [float(c.get("queued_at") or 0) for c in
                      self.bridge.mirror.items("call/").values() if c.get("phase") == "queued"]
            metrics["waiting"] = len(queued)
            metrics["longest_wait_s"] = max(0.0, self.clock() - min(queued)) if queued else 0.0
        return metrics

    def _longest_wait_queue(self) -> str:
        """The name of the queue whose longest wait the centre's tile shows (same tick);
        its id is kept in ``_longest_id``."""
        best, best_id = 0.0, ""
        for key, record in self.bridge.mirror.items("metrics/queue/").items():
            wait = record.get("longest_wait_s") or 0.0
            if wait > best:
                best, best_id = float(wait), key[len("metrics/queue/"):]
        self._longest_id = best_id
        if not best_id:
            return ""
        return str((self.bridge.mirror.get("queue/" + best_id) or {}).get("name") or best_id)

    def received(self) -> bool:
        """Has anything come from switchlink yet (a snapshot always holds ``daemon/info``)?"""
        mirror = self.bridge.mirror
        return bool(mirror.get("daemon/info") is not None or mirror.get("metrics/center")
                    is not None or self.agent_model.rowCount() or self.queue_model.rowCount())

    def refresh_summary(self, alarms_changed: bool = True) -> None:
        if not self.received():
            self.tiles.set_no_data()
            self._check_live()
            return
        if not self.stale_banner.received:  # the first snapshot is in: say so at once
            self.set_link(*self._link)
        alarms = self.alarm_model.alarms()
        self._show_sl_definition()
        self.tiles.update_values(self.center_metrics(), floor.worst_alarm_by_metric(alarms),
                                 lambda scope: scope_label(scope, self.bridge.mirror), alarms)
        if alarms_changed:
            self.alarm_banner.set_alarms(alarms)
            self.queue_model.set_alarm_levels(floor.alarm_levels_by_queue(alarms))
            if self.sound is not None:
                self.sound.alarms_changed(alarms)
        self._check_live()

    def _show_sl_definition(self) -> None:
        words = floor.sl_definition_text(self.bridge.mirror.get("metrics/center") or {})
        text = self.tr("Service level = {definition}").format(definition=words) if words else ""
        if text != self.sl_definition.text():
            self.sl_definition.setText(text)
            self.sl_definition.setToolTip(text)
            self.tiles.tiles["service_level"].setToolTip(text)

    def _check_live(self) -> None:
        has_data = (self.bridge.mirror.get("metrics/center") is not None
                    or self.agent_model.rowCount() or self.queue_model.rowCount())
        if not self.live_seen and not self.stale and has_data:
            self.live_seen = True
            QTimer.singleShot(0, self.live_data_shown.emit)

    def set_link(self, status: str, since: float) -> None:
        """Lost link: grey everything out and say since when; live again: clear by itself."""
        self.stale = status != "live"
        self._link = (status, since)
        received = self.received()
        self.stale_banner.set_link(status, since, str(getattr(self.bridge.client, "endpoint", "")
                                                      or ""), received)
        if not received:
            self.tiles.set_no_data()
        self.tiles.set_stale(self.stale)
        for model in (self.queue_model, self.agent_model, self.alarm_model):
            model.set_stale(self.stale)
        self.agents.view.viewport().update()
        self._check_live()

    def _refresh_floor_summary(self) -> None:
        """Once a second at most: the summary is the big floor's view, recounted in full."""
        big = self.agent_model.rowCount() > SUMMARY_FROM
        if big != self.big_floor or self.summary.isVisibleTo(self) != big:
            self._set_big_floor(big)
        if big and self._summary_dirty:
            self._summary_dirty = False
            self.summary.model.refresh()

    def _sample_charts(self) -> None:
        """Without published metrics (an old daemon), sample the counted figures each second;
        with them, every ``metrics/center`` tick is a point (see :meth:`apply_frame`)."""
        self._refresh_floor_summary()
        if not self.stale and self.bridge.mirror.get("metrics/center") is None:
            self.charts.sample(self.center_metrics())

    def set_can_ack(self, allowed: bool) -> None:
        """The role decides: the Acknowledge button and its menu action / Ctrl+K together."""
        self.alarms.set_can_ack(allowed)
        self.actions_by_name["ack"].setEnabled(allowed)

    # -- actions ---------------------------------------------------------------------------
    def view_actions(self) -> list[QAction]:
        return [self.actions_by_name[name] for name in VIEW]

    def menus(self) -> list[QMenu]:
        return [self.alarm_menu]

    def open_settings(self) -> None:
        from console.screens.wallboard.settings_dialog import SettingsDialog

        queues = {rid: str((self.bridge.mirror.get("queue/" + rid) or {}).get("name") or rid)
                  for rid in self.queue_model.ids()}
        dialog = SettingsDialog(self.layout_prefs, queues, self)
        if dialog.exec():
            layout = dialog.result_layout()
            save_layout(self.prefs, layout)
            self.apply_layout(layout)

    def _columns_chosen(self, hidden: set[str]) -> None:
        """The queue table's header menu: keep the choice with the rest of the layout."""
        self.layout_prefs.hidden_columns = set(hidden)
        save_layout(self.prefs, self.layout_prefs)

    def set_grid_visible(self, on: bool) -> None:
        layout = self.layout_prefs
        if layout.show_grid == on:
            return
        layout.show_grid = on
        save_layout(self.prefs, layout)
        self.apply_layout(layout)

    def set_muted(self, muted: bool) -> None:
        self.prefs.set("sound/muted", muted)
        if self.sound is not None:
            self.sound.set_muted(muted)
        self.show_message(self.tr("Alarm sound off") if muted else self.tr("Alarm sound on"))

    def enable_sound(self) -> None:
        from console.screens.wallboard.sound import AlarmSound

        self.sound = AlarmSound(self)
        self.sound.set_muted(sound_muted(self.prefs))

    # -- look ------------------------------------------------------------------------------
    def set_size_scale(self, scale: float) -> None:
        """Auto-fit: agent cells and table rows grow with the window (1080p = 1.0, 4K = 2.0)."""
        self.agents.set_scale(scale)
        self.queue_table.set_row_height(int(28 * scale))
        self.tiles.set_scale(scale)

    def set_type_scale(self, scale: float) -> None:
        """The charts' axes follow the style sheet's type; number columns are refitted."""
        self.charts.set_type_scale(scale)
        # number columns were fitted to the old type; fit them once the new style is in
        QTimer.singleShot(0, self.queue_table.fit_columns)

    def apply_theme(self, theme: str) -> None:
        self.charts.apply_theme(theme == "dark")

    def retranslate_ui(self) -> None:
        self.queue_title.setText(self.tr("Queues, worst first"))
        self.queue_title.setToolTip(self.tr(
            "Alarm level first, then how far the service level is below target; click a "
            "header to sort by it instead. Ready and Talking count an agent in each of their "
            "skill groups."))
        self.sl_definition.setText("")  # re-worded in the new language on the next line
        if self.received():
            self._show_sl_definition()
        self.agents_title.setText(self.tr("Agents"))
        retranslate_actions(self.actions_by_name, self.alarm_menu)
        self.queue_model.refresh_all()
        self.agent_model.refresh_all()
        self.alarm_model.refresh_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def speed_factor(speed: Any) -> float | None:
    """The emulator's ``--speed`` as a factor (60, "60", "x60"); None for "fast" / unknown."""
    text = str(speed).strip().lower().removeprefix("x").removesuffix("x") if speed else ""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 < value < float("inf") else None


class SwitchClock:
    """The switch's clock between reports: the last reported switch time, run on at the
    switch's speed (an emulator at ``--speed 60`` runs a minute per second).

    It was once wall time plus a fixed offset, which at speed 60 fell a minute behind every
    second, so every recent state change lay "in the future" and read 0:00.
    """

    def __init__(self, wall: Callable[[], float] = time.monotonic) -> None:
        self.wall = wall
        self.rate = 1.0
        self._switch_at = time.time()
        self._wall_at = wall()
        #: the last report used to learn the rate: (switch time, wall time)
        self._reported: tuple[float, float] | None = None

    def follow(self, switch_time: float, rate: float | None = None) -> None:
        """Anchor on a reported switch time; with no usable speed ("fast"), learn the rate
        from two reports."""
        now = self.wall()
        if rate is not None and rate > 0:
            self.rate = rate
        elif self._reported is not None and now - self._reported[1] > 0.5:
            self.rate = max(0.0, (switch_time - self._reported[0]) / (now - self._reported[1]))
        if self._reported is None or now - self._reported[1] > 0.5 or rate:
            self._reported = (float(switch_time), now)
        self._switch_at, self._wall_at = float(switch_time), now

    def __call__(self) -> float:
        return self._switch_at + (self.wall() - self._wall_at) * self.rate
