"""Words, colours and formats of the complaints tab: states, actions, channels, levels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale

from console.screens.wallboard.floor import LEVEL_COLOURS, LEVELS

_C = "Complaints"
#: warning levels, least severe first (S3: 黄、橙、红、黑四级预警)
WARNINGS = LEVELS
WARNING_COLOURS = LEVEL_COLOURS
WARNING_LABELS = {
    "yellow": QT_TRANSLATE_NOOP("Complaints", "Yellow"),
    "orange": QT_TRANSLATE_NOOP("Complaints", "Orange"),
    "red": QT_TRANSLATE_NOOP("Complaints", "Red"),
    "black": QT_TRANSLATE_NOOP("Complaints", "Black"),
}
STATES = {
    "accepted": QT_TRANSLATE_NOOP("Complaints", "Accepted"),
    "dispatched": QT_TRANSLATE_NOOP("Complaints", "Dispatched"),
    "returned": QT_TRANSLATE_NOOP("Complaints", "Returned"),
    "replied": QT_TRANSLATE_NOOP("Complaints", "Replied"),
    "feedback": QT_TRANSLATE_NOOP("Complaints", "Customer answered"),
    "reprocessing": QT_TRANSLATE_NOOP("Complaints", "Reprocessing"),
    "archived": QT_TRANSLATE_NOOP("Complaints", "Archived"),
}
ACTIONS = {
    "reply_now": QT_TRANSLATE_NOOP("Complaints", "Answer at once"),
    "dispatch": QT_TRANSLATE_NOOP("Complaints", "Dispatch"),
    "note": QT_TRANSLATE_NOOP("Complaints", "Interim note"),
    "return": QT_TRANSLATE_NOOP("Complaints", "Return"),
    "reply": QT_TRANSLATE_NOOP("Complaints", "Reply"),
    "feedback": QT_TRANSLATE_NOOP("Complaints", "Customer feedback"),
    "archive": QT_TRANSLATE_NOOP("Complaints", "Archive"),
    "reprocess": QT_TRANSLATE_NOOP("Complaints", "Reprocess"),
    "urge": QT_TRANSLATE_NOOP("Complaints", "Urge"),
}
#: the history's words for what happened (``create`` is the intake itself)
HISTORY_ACTIONS = {**ACTIONS, "accept": QT_TRANSLATE_NOOP("Complaints", "Accepted")}
CHANNELS = {
    "hotline": QT_TRANSLATE_NOOP("Complaints", "Hotline"),
    "letter": QT_TRANSLATE_NOOP("Complaints", "Letter"),
    "visit": QT_TRANSLATE_NOOP("Complaints", "Visit"),
    "web": QT_TRANSLATE_NOOP("Complaints", "Web"),
}
PRIORITIES = {
    "normal": QT_TRANSLATE_NOOP("Complaints", "Normal"),
    "high": QT_TRANSLATE_NOOP("Complaints", "High"),
    "urgent": QT_TRANSLATE_NOOP("Complaints", "Urgent"),
}
ERROR_CLASSES = {
    "": QT_TRANSLATE_NOOP("Complaints", "None"),
    "major_service_error": QT_TRANSLATE_NOOP("Complaints", "Major service error"),
    "service_error": QT_TRANSLATE_NOOP("Complaints", "Service error"),
    "work_error": QT_TRANSLATE_NOOP("Complaints", "Work error"),
}
LEVELS_OF_CUSTOMER = {
    "normal": QT_TRANSLATE_NOOP("Complaints", "Normal"),
    "vip": QT_TRANSLATE_NOOP("Complaints", "VIP"),
}
PERIODS = {
    "hourly": QT_TRANSLATE_NOOP("Complaints", "Hourly"),
    "daily": QT_TRANSLATE_NOOP("Complaints", "Daily"),
    "weekly": QT_TRANSLATE_NOOP("Complaints", "Weekly"),
    "monthly": QT_TRANSLATE_NOOP("Complaints", "Monthly"),
}
ROLES = {
    "agent": QT_TRANSLATE_NOOP("Complaints", "agents"),
    "floor_manager": QT_TRANSLATE_NOOP("Complaints", "floor managers"),
    "supervisor": QT_TRANSLATE_NOOP("Complaints", "team leaders"),
    "quality_inspector": QT_TRANSLATE_NOOP("Complaints", "the quality-inspection desk"),
    "complaint_desk": QT_TRANSLATE_NOOP("Complaints", "the quality-inspection desk"),
    "department": QT_TRANSLATE_NOOP("Complaints", "departments"),
    "maintenance": QT_TRANSLATE_NOOP("Complaints", "maintenance staff"),
    "admin": QT_TRANSLATE_NOOP("Complaints", "administrators"),
}
#: one person's role, as the timeline writes it after the name
ROLE_OF_ONE = {
    "agent": QT_TRANSLATE_NOOP("Complaints", "agent"),
    "quality_inspector": QT_TRANSLATE_NOOP("Complaints", "quality desk"),
    "department": QT_TRANSLATE_NOOP("Complaints", "department"),
    "supervisor": QT_TRANSLATE_NOOP("Complaints", "team leader"),
    "team_leader": QT_TRANSLATE_NOOP("Complaints", "group leader"),
    "floor_manager": QT_TRANSLATE_NOOP("Complaints", "floor manager"),
    "maintenance": QT_TRANSLATE_NOOP("Complaints", "maintenance"),
    "admin": QT_TRANSLATE_NOOP("Complaints", "administrator"),
}
#: what "other" is called in the catalogue's cause and department lists
OTHER = ("other", "其他")


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def label(table: dict[str, str], value: str | None) -> str:
    text = table.get(value or "")
    return tr(text) if text else (value or "")


def role_label(role: str) -> str:
    return label(ROLES, role)


def choice_label(value: str) -> str:
    """A cause or department: data from the site, but "other" is ours and translated."""
    return QCoreApplication.translate("Complaints", "Other") if value in OTHER else value


def fmt_time(epoch: float | None) -> str:
    """A time in the UI language's short date-time format; empty when unknown."""
    if epoch is None:
        return ""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)),
                              QLocale.FormatType.ShortFormat)


def fmt_date(day: QDate) -> str:
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def fmt_remaining(seconds: float | None) -> str:
    """Time left to the deadline, in days/hours/minutes; overdue reads "overdue 2 h 5 min"."""
    if seconds is None:
        return ""
    left = abs(int(seconds))
    days, rest = divmod(left, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    loc = QLocale()
    if days:
        text = QCoreApplication.translate("Complaints", "%1 d %2 h")
        text = text.replace("%1", loc.toString(days)).replace("%2", loc.toString(hours))
    elif hours:
        text = QCoreApplication.translate("Complaints", "%1 h %2 min")
        text = text.replace("%1", loc.toString(hours)).replace("%2", loc.toString(minutes))
    else:
        text = QCoreApplication.translate("Complaints", "%1 min")
        text = text.replace("%1", loc.toString(minutes))
    if seconds < 0:
        return QCoreApplication.translate("Complaints", "overdue %1").replace("%1", text)
    return text


def fmt_rate(value: float | None) -> str:
    """A rate in percent in the UI language's number format; a dash with no data."""
    if value is None:
        return "–"
    return QLocale().toString(100.0 * float(value), "f", 1) + " %"
