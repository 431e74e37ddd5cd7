"""What the blacklist tab calls actions, states and levels, and how it writes times."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale

_C = "Blacklist"
ACTIONS = {
    "busy": QT_TRANSLATE_NOOP("Blacklist", "Tell busy"),
    "release": QT_TRANSLATE_NOOP("Blacklist", "Release"),
    "warn": QT_TRANSLATE_NOOP("Blacklist", "Warn agent"),
}
STATES = {
    "pending": QT_TRANSLATE_NOOP("Blacklist", "Pending"),
    "active": QT_TRANSLATE_NOOP("Blacklist", "Harasser"),
    "expired": QT_TRANSLATE_NOOP("Blacklist", "Expired"),
    "lifted": QT_TRANSLATE_NOOP("Blacklist", "Normal customer"),
}
LEVELS = {
    "normal": QT_TRANSLATE_NOOP("Blacklist", "Normal"),
    "vip": QT_TRANSLATE_NOOP("Blacklist", "VIP"),
}
CHANGES = {
    "added": QT_TRANSLATE_NOOP("Blacklist", "Added"),
    "updated": QT_TRANSLATE_NOOP("Blacklist", "Edited"),
    "removed": QT_TRANSLATE_NOOP("Blacklist", "Lifted"),
    "relisted": QT_TRANSLATE_NOOP("Blacklist", "Listed again"),
    "expired": QT_TRANSLATE_NOOP("Blacklist", "Window ended"),
}
OUTCOMES = {
    "blocked": QT_TRANSLATE_NOOP("Blacklist", "Blocked"),
    "answered": QT_TRANSLATE_NOOP("Blacklist", "Answered (warned)"),
    "abandoned": QT_TRANSLATE_NOOP("Blacklist", "Abandoned"),
}


def label(table: dict[str, str], value: str) -> str:
    text = table.get(value)
    return QCoreApplication.translate(_C, text) if text else value


def fmt_time(epoch: float | None) -> str:
    """A switch time in the UI language's short date-time format; empty when unknown."""
    if epoch is None:
        return ""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)),
                              QLocale.FormatType.ShortFormat)
