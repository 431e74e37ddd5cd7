"""Words the dunning tab shows for the daemon's codes, and number / money / time formats in
the UI language (context ``Dunning``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, QTimeZone

C = "Dunning"

STAGES = {
    "first_notice": QT_TRANSLATE_NOOP("Dunning", "First notice"),
    "second_notice": QT_TRANSLATE_NOOP("Dunning", "Second notice"),
    "one_way": QT_TRANSLATE_NOOP("Dunning", "One-way suspended"),
    "two_way": QT_TRANSLATE_NOOP("Dunning", "Two-way suspended"),
    "collection": QT_TRANSLATE_NOOP("Dunning", "Collection (manual)"),
    "none": QT_TRANSLATE_NOOP("Dunning", "Paid up"),
}
RESULTS = {
    "dialing": QT_TRANSLATE_NOOP("Dunning", "Dialing"),
    "delivered": QT_TRANSLATE_NOOP("Dunning", "Notice delivered"),
    "machine": QT_TRANSLATE_NOOP("Dunning", "Answering machine"),
    "no_answer": QT_TRANSLATE_NOOP("Dunning", "No answer"),
    "busy": QT_TRANSLATE_NOOP("Dunning", "Busy"),
    "invalid": QT_TRANSLATE_NOOP("Dunning", "Invalid number"),
    "failed": QT_TRANSLATE_NOOP("Dunning", "Failed"),
    "interrupted": QT_TRANSLATE_NOOP("Dunning", "Interrupted"),
    "promised": QT_TRANSLATE_NOOP("Dunning", "Promised to pay"),
    "refused": QT_TRANSLATE_NOOP("Dunning", "Refused to pay"),
    "wrong_person": QT_TRANSLATE_NOOP("Dunning", "Wrong person"),
}
#: what a person at the manual seat records, in menu order
SEAT_RESULTS = ("promised", "delivered", "refused", "no_answer", "busy", "machine",
                "wrong_person", "invalid")
PACES = {
    "running": QT_TRANSLATE_NOOP("Dunning", "Dialing at full speed"),
    "slowed": QT_TRANSLATE_NOOP("Dunning", "Slowed"),
    "stopped": QT_TRANSLATE_NOOP("Dunning", "Held back"),
}
HELD = {
    "paid": QT_TRANSLATE_NOOP("Dunning", "paid"),
    "promised": QT_TRANSLATE_NOOP("Dunning", "promised"),
    "complaint": QT_TRANSLATE_NOOP("Dunning", "open charge complaint"),
    "blacklist": QT_TRANSLATE_NOOP("Dunning", "blacklist"),
    "do_not_call": QT_TRANSLATE_NOOP("Dunning", "do not call"),
    "day_cap": QT_TRANSLATE_NOOP("Dunning", "daily cap"),
    "week_cap": QT_TRANSLATE_NOOP("Dunning", "weekly cap"),
    "recall_wait": QT_TRANSLATE_NOOP("Dunning", "waiting for the recall"),
    "done_today": QT_TRANSLATE_NOOP("Dunning", "done today"),
    "closed": QT_TRANSLATE_NOOP("Dunning", "closed day"),
}
SEATS = {
    "manual": QT_TRANSLATE_NOOP("Dunning", "manual"),
    "robot": QT_TRANSLATE_NOOP("Dunning", "robot"),
}
TILES = {
    "dialed": QT_TRANSLATE_NOOP("Dunning", "Dialed"),
    "answered": QT_TRANSLATE_NOOP("Dunning", "Answered"),
    "delivered": QT_TRANSLATE_NOOP("Dunning", "Notices delivered"),
    "promises": QT_TRANSLATE_NOOP("Dunning", "Promises"),
    "paid": QT_TRANSLATE_NOOP("Dunning", "Paid"),
}
FILES = {
    "one_way": QT_TRANSLATE_NOOP("Dunning", "One-way suspension file"),
    "two_way": QT_TRANSLATE_NOOP("Dunning", "Two-way / malicious arrears file"),
    "restore": QT_TRANSLATE_NOOP("Dunning", "Restore after payment file"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def label(table: dict[str, str], key: str) -> str:
    text = table.get(key)
    return tr(text) if text else key


def number(value: int | float) -> str:
    return QLocale().toString(int(value))


def money(fen: int) -> str:
    """Yuan with two decimals and the locale's grouping: ¥1,234.50."""
    return "¥" + QLocale().toString(fen / 100, "f", 2)


def yuan(text: str) -> str:
    try:
        return "¥" + QLocale().toString(float(text), "f", 2)
    except (TypeError, ValueError):
        return text


def percent(ratio: float | None) -> str:
    return "—" if ratio is None else QLocale().toString(ratio * 100, "f", 1) + " %"


def clock(epoch: float, pattern: str = "HH:mm", zone: str = "") -> str:
    """A time of day; ``zone``: the site's time zone (the window is the site's 10:00)."""
    moment = QDateTime.fromSecsSinceEpoch(round(epoch))
    if zone:
        tz = QTimeZone(zone.encode())
        if tz.isValid():
            moment = moment.toTimeZone(tz)
    return QLocale().toString(moment, pattern)


def when(epoch: float, zone: str = "") -> str:
    moment = QDateTime.fromSecsSinceEpoch(round(epoch))
    if zone:
        tz = QTimeZone(zone.encode())
        if tz.isValid():
            moment = moment.toTimeZone(tz)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
