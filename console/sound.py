"""The alarm sound: a short tone on a new red or black alarm, with a mute switch."""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

from PySide6.QtCore import QObject, QUrl

from console.floor import LEVEL_RANK

log = logging.getLogger(__name__)
LOUD_LEVELS = ("red", "black")


class AlarmSound(QObject):
    """Plays once per newly seen red/black alarm; a machine without audio stays silent."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = False
        self.played = 0
        self._seen: set[str] = set()
        self._effect: Any = None
        try:
            from PySide6.QtMultimedia import QSoundEffect

            self._effect = QSoundEffect(self)
            path = resources.files("resources").joinpath("sounds", "alarm.wav")
            self._effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effect.setVolume(0.8)
        except Exception:  # no QtMultimedia backend: alarms still show, they just don't ring
            log.warning("alarm sound unavailable", exc_info=True)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def alarms_changed(self, alarms: list[dict[str, Any]]) -> bool:
        """Ring if a red or black alarm is new since last time; returns whether it rang."""
        loud = {str(a.get("id")) for a in alarms
                if a.get("level") in LOUD_LEVELS and a.get("level") in LEVEL_RANK}
        new = loud - self._seen
        self._seen = loud
        if not new or self.muted:
            return False
        self.played += 1
        if self._effect is not None:
            self._effect.play()
        return True
