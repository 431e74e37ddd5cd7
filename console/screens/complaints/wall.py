"""The complaint warnings on the wall: one compact row with the open orders per warning level
(黄/橙/红/黑; a click opens the complaints list of that level) and, while a spike of similar
complaints is detected, the spike with "Announce fault…" (two clicks to the IVR notice)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from console.common.access import access_of
from console.screens.complaints.labels import (
    WARNING_COLOURS,
    WARNING_LABELS,
    WARNINGS,
    label,
)
from console.screens.complaints.table_model import classification_text
from models.security import Permission

WARNINGS_KEY = "complaints/warnings"
SPIKES_KEY = "complaints/spikes"


class ComplaintStrip(QWidget):
    """Reads ``complaints/warnings`` and ``complaints/spikes`` from the mirror on each frame;
    hidden until switchlink publishes them (a daemon without complaints shows nothing)."""

    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintStrip")
        self.bridge = bridge
        self.title = QLabel(self, objectName="panelTitle")
        self.levels = {level: QPushButton(self) for level in WARNINGS}
        self.spike = QLabel(self, objectName="complaintSpike")
        self.spike.setWordWrap(True)
        self.spike.setStyleSheet("color: #d32f2f; font-weight: bold;")
        self.announce = QPushButton(self)
        self.announce.clicked.connect(lambda: self.open_announce())
        # the effect of this console's last announcement, while its notice is in force
        self.effect: Any = None
        self.effect_button = QPushButton(self, objectName="announceEffectButton")
        self.effect_button.clicked.connect(lambda: self.open_effect())
        self.effect_button.hide()
        self.access = access_of(bridge)
        self.access.changed.connect(self._role_changed)
        self.dialog: Any = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        for level, button in self.levels.items():
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, lv=level: self.open_level(lv))
            row.addWidget(button)
        row.addSpacing(12)
        row.addWidget(self.spike, 1)
        row.addWidget(self.announce)
        row.addWidget(self.effect_button)
        row.addStretch(0)
        self.counts: dict[str, int] = dict.fromkeys(WARNINGS, 0)
        self.spikes: list[dict[str, Any]] = []
        bridge.changed.connect(self.apply)
        bridge.resynced.connect(lambda: self.apply(None))
        self.retranslate_ui()
        self.apply(None)

    def apply(self, keys: set[str] | None) -> None:
        if keys is not None and WARNINGS_KEY not in keys and SPIKES_KEY not in keys:
            return
        warnings = self.bridge.mirror.get(WARNINGS_KEY)
        spikes = self.bridge.mirror.get(SPIKES_KEY) or {}
        self.setVisible(warnings is not None or bool(spikes.get("spikes")))
        counts = (warnings or {}).get("counts") or {}
        self.counts = {lv: int(counts.get(lv) or 0) for lv in WARNINGS}
        self.spikes = [s for s in spikes.get("spikes") or [] if isinstance(s, dict)]
        self._show()

    def _show(self) -> None:
        for level, button in self.levels.items():
            n = self.counts[level]
            bg, fg = WARNING_COLOURS[level]
            button.setText(self.tr("%1 %2").replace("%1", label(WARNING_LABELS, level))
                           .replace("%2", str(n)))
            button.setStyleSheet(
                f"QPushButton {{ background: {bg}; color: {fg}; font-weight: bold;"
                " padding: 2px 10px; border-radius: 3px; }" if n else
                "QPushButton { padding: 2px 10px; }")
            button.setToolTip(self.tr("%1 open orders at the %2 warning: click for the list")
                              .replace("%1", str(n)).replace("%2", label(WARNING_LABELS, level)))
        spike = self.worst_spike()
        self.spike.setVisible(spike is not None)
        self.announce.setVisible(spike is not None)
        self.effect_button.setVisible(self.effect is not None and self.effect.in_force())
        if spike is not None:
            place = str(spike.get("area") or "")
            self.spike.setText(self.tr("Spike: %1%2 — %3 complaints (usually %4)")
                               .replace("%1", classification_text(spike.get("classification")))
                               .replace("%2", f" @ {place}" if place else "")
                               .replace("%3", str(spike.get("count", "")))
                               .replace("%4", f"{float(spike.get('baseline') or 0):.1f}"))

    def worst_spike(self) -> dict[str, Any] | None:
        if not self.spikes:
            return None
        return max(self.spikes, key=lambda s: float(s.get("count") or 0)
                   - float(s.get("baseline") or 0))

    def open_level(self, level: str) -> None:
        screen: Any = self  # the screen holding the strip asks the shell
        while screen is not None and not hasattr(screen, "open_screen"):
            screen = screen.parent()
        if screen is not None:
            screen.open_screen("complaints", warning=level)

    def open_announce(self) -> Any:
        """The first click: the dialog with the announcement written; the second: Announce."""
        from console.screens.complaints.announce_dialog import AnnounceDialog

        spike = self.worst_spike()
        if spike is None:
            return None
        self.dialog = AnnounceDialog(self.bridge, spike, self)
        self.dialog.announced.connect(self._announced)
        self.dialog.open()
        return self.dialog

    def _announced(self, result: dict[str, Any]) -> None:
        """Show the calls through the menu before and since, and keep them one click away."""
        from console.screens.complaints.announce_dialog import switch_time
        from console.screens.complaints.announce_effect import AnnounceEffect

        if self.effect is not None:
            self.effect.close()
            self.effect.deleteLater()
        self.effect = AnnounceEffect(self.bridge, result,
                                     lambda: switch_time(self.bridge.mirror), self)
        self.effect_button.show()
        self.open_effect()

    def open_effect(self) -> Any:
        if self.effect is None:
            return None
        self.effect.show()
        self.effect.raise_()
        self.effect.refresh()
        return self.effect

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Complaint warnings"))
        self.announce.setText(self.tr("Announce fault…"))
        self.effect_button.setText(self.tr("Effect…"))
        self.effect_button.setToolTip(self.tr(
            "Calls through the announced menu before the notice and since"))
        self._role_changed()
        self._show()

    def _role_changed(self) -> None:
        """Announcing is for the roles that may (supervisors); others see who may."""
        why = self.access.why_not(Permission.ANNOUNCE_FAULT,
                                  self.tr("announce a fault in the IVR"))
        self.announce.setEnabled(not why)
        self.announce.setToolTip(why or self.tr(
            "Put a fault announcement into the IVR's emergency notice for this menu"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class FromCallButton(QPushButton):
    """"Complaint from this call…" in the wall-board's call panel: the complaints tab opens
    its form with the caller, level, IVR trail and call id of the panel's call filled in."""

    def __init__(self, panel: Any, screen: Any) -> None:
        super().__init__(panel)
        self.setObjectName("complaintFromCall")
        self.panel, self.screen = panel, screen
        self.clicked.connect(self.open_form)
        layout = panel.layout()
        layout.insertWidget(max(0, layout.count() - 1), self)  # above the panel's stretch
        self.retranslate_ui()

    def open_form(self) -> bool:
        call_id = str(getattr(self.panel, "call_id", "") or "")
        return bool(call_id) and self.screen.open_screen("complaints", call_id=call_id)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Complaint from this call…"))
        self.setToolTip(self.tr("A new complaint with this caller, level and IVR trail"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
