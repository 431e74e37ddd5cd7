"""The alarm sound: a short tone on a new red or black alarm, with a mute switch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from PySide6.QtCore import QObject, QUrl

from console.screens.wallboard.floor import LEVEL_RANK

log = logging.getLogger(__name__)
LOUD_LEVELS = ("red", "black")


def _audio_outputs() -> Sequence[Any]:
    from PySide6.QtMultimedia import QMediaDevices

    return QMediaDevices.audioOutputs()


class AlarmSound(QObject):
    """Plays once per newly seen red/black alarm; a machine without audio stays silent.

    The QSoundEffect is made only when there is an audio output, at the first alarm that
    needs it: an offscreen or headless machine has none, and playing an effect there was
    suspected of a crash at exit (exit 139) in a screenshot run.
    """

    def __init__(self, parent: QObject | None = None,
                 outputs: Callable[[], Sequence[Any]] = _audio_outputs) -> None:
        super().__init__(parent)
        self.muted = False
        self.played = 0
        self._seen: set[str] = set()
        self._effect: Any = None
        self._outputs = outputs
        self._said_silent = False

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
        effect = self._ensure_effect()
        if effect is not None:
            effect.play()
        return True

    def _ensure_effect(self) -> Any:
        """The effect, made once an audio output exists; None (said once in the log) before."""
        if self._effect is not None:
            return self._effect
        try:
            if not self._outputs():
                if not self._said_silent:
                    self._said_silent = True
                    log.info("no audio output: alarms show but do not ring")
                return None
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            path = resources.files("resources").joinpath("sounds", "alarm.wav")
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
        except Exception as exc:  # no QtMultimedia backend (e.g. libpulse0 missing): silent
            if not self._said_silent:
                self._said_silent = True
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                log.warning("alarm sound unavailable (%s: %s): alarms show but do not ring; "
                            "on Debian install libpulse0", type(exc).__name__, first)
            return None
        self._effect = effect
        return effect
