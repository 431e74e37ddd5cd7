"""No libpulse (QtMultimedia fails to import): one notice, no traceback, alarms still count."""

from __future__ import annotations

import logging
import sys

import pytest

from console.screens.wallboard.sound import AlarmSound


def test_a_missing_audio_library_is_one_line_once_without_a_traceback(
    qapp, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what a machine without libpulse0 does: importing QtMultimedia raises ImportError
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    sound = AlarmSound(outputs=lambda: ["speaker"])
    with caplog.at_level(logging.INFO, logger="console.screens.wallboard.sound"):
        assert sound.alarms_changed([{"id": "a", "level": "red"}]) is True
        assert sound.alarms_changed([{"id": "b", "level": "black"}]) is True
    assert sound._effect is None
    assert len(caplog.records) == 1
    record = caplog.records[0]
    assert record.exc_info is None  # no traceback on the wall's terminal
    message = record.getMessage()
    assert "\n" not in message
    assert "alarm sound unavailable" in message and "libpulse0" in message
