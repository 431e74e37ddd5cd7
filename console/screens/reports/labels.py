"""What the reports tab calls each figure, and how it prints one in the UI language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale

_C = "ReportsScreen"
#: lupdate reads translate("ReportsScreen", "text") calls: the context must be that literal
translate = QCoreApplication.translate

KINDS = (
    ("hourly", QT_TRANSLATE_NOOP("ReportsScreen", "Hourly")),
    ("daily", QT_TRANSLATE_NOOP("ReportsScreen", "Daily")),
    ("weekly", QT_TRANSLATE_NOOP("ReportsScreen", "Weekly")),
    ("monthly", QT_TRANSLATE_NOOP("ReportsScreen", "Monthly")),
)
TITLES = {
    "hourly": QT_TRANSLATE_NOOP("ReportsScreen", "Hourly report"),
    "daily": QT_TRANSLATE_NOOP("ReportsScreen", "Daily report"),
    "weekly": QT_TRANSLATE_NOOP("ReportsScreen", "Weekly report"),
    "monthly": QT_TRANSLATE_NOOP("ReportsScreen", "Monthly report"),
}
FIGURES = {
    "queue": QT_TRANSLATE_NOOP("ReportsScreen", "Queue"),
    "level": QT_TRANSLATE_NOOP("ReportsScreen", "Customers"),
    "arrived": QT_TRANSLATE_NOOP("ReportsScreen", "Arrived"),
    "offered": QT_TRANSLATE_NOOP("ReportsScreen", "Offered"),
    "answered": QT_TRANSLATE_NOOP("ReportsScreen", "Answered"),
    "abandoned": QT_TRANSLATE_NOOP("ReportsScreen", "Abandoned"),
    "short_abandoned": QT_TRANSLATE_NOOP("ReportsScreen", "Short abandons"),
    "blocked": QT_TRANSLATE_NOOP("ReportsScreen", "Blocked"),
    "busy": QT_TRANSLATE_NOOP("ReportsScreen", "System busy"),
    "service_level": QT_TRANSLATE_NOOP("ReportsScreen", "Service level"),
    "answer_overtime_rate": QT_TRANSLATE_NOOP("ReportsScreen", "Answer overtime rate"),
    "connection_rate": QT_TRANSLATE_NOOP("ReportsScreen", "Connection rate"),
    "system_connection_rate": QT_TRANSLATE_NOOP("ReportsScreen", "System connection rate"),
    "asa_s": QT_TRANSLATE_NOOP("ReportsScreen", "ASA"),
    "max_wait_s": QT_TRANSLATE_NOOP("ReportsScreen", "Longest wait"),
    "aht_s": QT_TRANSLATE_NOOP("ReportsScreen", "AHT"),
    "occupancy": QT_TRANSLATE_NOOP("ReportsScreen", "Occupancy"),
    "utilisation": QT_TRANSLATE_NOOP("ReportsScreen", "Work-time utilisation"),
    "agent": QT_TRANSLATE_NOOP("ReportsScreen", "Agent"),
    "calls": QT_TRANSLATE_NOOP("ReportsScreen", "Calls"),
    "talk_s": QT_TRANSLATE_NOOP("ReportsScreen", "Talk"),
    "hold_s": QT_TRANSLATE_NOOP("ReportsScreen", "Hold"),
    "acw_s": QT_TRANSLATE_NOOP("ReportsScreen", "After-call work"),
    "not_ready_s": QT_TRANSLATE_NOOP("ReportsScreen", "Not ready"),
    "not_ready_by_reason": QT_TRANSLATE_NOOP("ReportsScreen", "Not ready by reason"),
    "logged_in_s": QT_TRANSLATE_NOOP("ReportsScreen", "Logged in"),
    "forced": QT_TRANSLATE_NOOP("ReportsScreen", "Forced actions received"),
    "raised": QT_TRANSLATE_NOOP("ReportsScreen", "Raised"),
    "acknowledged": QT_TRANSLATE_NOOP("ReportsScreen", "Acknowledged"),
    "unacknowledged": QT_TRANSLATE_NOOP("ReportsScreen", "Not acknowledged"),
    "mean_ack_s": QT_TRANSLATE_NOOP("ReportsScreen", "Mean time to acknowledge"),
    "max_ack_s": QT_TRANSLATE_NOOP("ReportsScreen", "Longest time to acknowledge"),
    "name": QT_TRANSLATE_NOOP("ReportsScreen", "Name"),
    "count": QT_TRANSLATE_NOOP("ReportsScreen", "Complaints"),
    "archived": QT_TRANSLATE_NOOP("ReportsScreen", "Archived"),
    "on_time_rate": QT_TRANSLATE_NOOP("ReportsScreen", "On-time rate"),
    "satisfaction_rate": QT_TRANSLATE_NOOP("ReportsScreen", "Satisfaction rate"),
    "overdue_open": QT_TRANSLATE_NOOP("ReportsScreen", "Open past due"),
}
WORDS = {
    "vip": QT_TRANSLATE_NOOP("ReportsScreen", "VIP"),
    "normal": QT_TRANSLATE_NOOP("ReportsScreen", "Normal"),
    "yellow": QT_TRANSLATE_NOOP("ReportsScreen", "Yellow"),
    "orange": QT_TRANSLATE_NOOP("ReportsScreen", "Orange"),
    "red": QT_TRANSLATE_NOOP("ReportsScreen", "Red"),
    "black": QT_TRANSLATE_NOOP("ReportsScreen", "Black"),
    "force_ready": QT_TRANSLATE_NOOP("ReportsScreen", "force ready"),
    "force_busy": QT_TRANSLATE_NOOP("ReportsScreen", "force busy"),
    "force_logout": QT_TRANSLATE_NOOP("ReportsScreen", "force sign-out"),
    "barge": QT_TRANSLATE_NOOP("ReportsScreen", "barge-in"),
    "release": QT_TRANSLATE_NOOP("ReportsScreen", "force release"),
    "schedule": QT_TRANSLATE_NOOP("ReportsScreen", "schedule"),
}
RATIOS = frozenset({"service_level", "answer_overtime_rate", "connection_rate",
                    "system_connection_rate", "occupancy", "utilisation", "on_time_rate",
                    "satisfaction_rate"})
DURATIONS = frozenset({"asa_s", "max_wait_s", "aht_s", "talk_s", "hold_s", "acw_s",
                       "not_ready_s", "logged_in_s", "mean_ack_s", "max_ack_s"})


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def figure_name(key: str) -> str:
    return tr(FIGURES.get(key, key))


def word(value: str) -> str:
    return tr(WORDS[value]) if value in WORDS else value


def duration(seconds: float) -> str:
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def show(key: str, value: Any) -> str:
    """A figure in the UI language: percent with one decimal, clock time, grouped numbers."""
    if value is None:
        return "—"
    locale = QLocale()
    if key in RATIOS:
        return locale.toString(float(value) * 100, "f", 1) + locale.percent()
    if key in DURATIONS:
        return duration(float(value))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, float):
        return locale.toString(value, "f", 0 if value.is_integer() else 1)
    return word(str(value))


def when(epoch: float, with_time: bool = True) -> str:
    locale = QLocale()
    stamp = QDateTime.fromSecsSinceEpoch(round(float(epoch)))
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(stamp, fmt + (" HH:mm" if with_time else ""))


def period_text(period: dict[str, Any]) -> str:
    """``Daily report · 2026-05-31 (31/05/2026 00:00 – 01/06/2026 00:00)`` in the UI's order."""
    kind = str(period.get("kind", ""))
    title = tr(TITLES.get(kind, kind))
    return translate("ReportsScreen", "{title} · {key} ({start} – {end})").format(
        title=title, key=period.get("key", ""), start=when(period.get("start", 0)),
        end=when(period.get("end", 0)))
