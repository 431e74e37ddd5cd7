"""Banners across the top: link lost / stale data (连接中断) and the worst active alarm."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from console.screens.wallboard import floor
from console.screens.wallboard.models.alarm_list import fmt_metric, metric_label, scope_label
from console.screens.wallboard.widgets.tiles import repolish


class StaleBanner(QLabel):
    """Says since when the data is stale; hidden while the link is live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staleBanner")
        # a long alarm text wraps inside the window: as one line it set the window's minimum
        # width past a 1080p screen and pushed the right-hand tiles and alarms off it
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = "connecting"
        self.since = time.time()
        #: where we connect to, and whether anything ever came from there
        self.endpoint = ""
        self.received = False
        self.hide()

    def set_link(self, status: str, since: float, endpoint: str = "",
                 received: bool = True) -> None:
        self.status, self.since = status, since
        self.endpoint, self.received = endpoint, received
        self.retranslate_ui()
        self.setVisible(status != "live" or not received)

    def retranslate_ui(self) -> None:
        if not self.received:  # never "stale figures": there were none
            self.setText(self.tr("Connecting to {endpoint}: nothing received yet").format(
                endpoint=self.endpoint or "switchlink"))
        elif self.status == "lost":
            self.setText(self.tr("Link lost since {time}: the figures shown are stale").format(
                time=floor.fmt_clock(self.since)))
        else:
            self.setText(self.tr("Connecting to switchlink…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class AlarmBanner(QLabel):
    """The worst active alarm in one line, coloured by its level; hidden when all is well."""

    def __init__(self, mirror: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mirror = mirror
        self.setObjectName("alarmBanner")
        # a long alarm text wraps inside the window: as one line it set the window's minimum
        # width past a 1080p screen and pushed the right-hand tiles and alarms off it
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("level", "none")
        self.alarms: list[dict[str, Any]] = []
        self.hide()

    def set_alarms(self, alarms: list[dict[str, Any]]) -> None:
        self.alarms = [a for a in alarms if a.get("level") in floor.LEVEL_RANK]
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if not self.alarms:
            self.hide()
            return
        worst = max(self.alarms, key=lambda a: (floor.LEVEL_RANK[a["level"]],
                                                -float(a.get("raised_at") or 0)))
        metric = str(worst.get("metric", ""))
        if worst.get("escalated"):  # raised by the timer: the value need not breach it
            head = self.tr("{level} alarm ({note})").format(
                level=floor.level_label(worst["level"]),
                note=self.tr("escalated") if worst.get("acked_by")
                else self.tr("escalated, not acknowledged"))
        else:
            head = self.tr("{level} alarm").format(level=floor.level_label(worst["level"]))
        text = self.tr("{head}: {metric} {value} (threshold {threshold}) in {scope} "
                       "since {time}").format(
            head=head, metric=metric_label(metric),
            value=fmt_metric(metric, worst.get("value")),
            threshold=fmt_metric(metric, worst.get("threshold")),
            scope=scope_label(str(worst.get("scope", "")), self.mirror or {}),
            time=floor.fmt_clock(worst.get("raised_at")))
        if len(self.alarms) > 1:
            text += "  " + self.tr("(+{n} more)").format(n=len(self.alarms) - 1)
        self.setText(text)
        if self.property("level") != worst["level"]:
            self.setProperty("level", worst["level"])
            repolish(self)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
