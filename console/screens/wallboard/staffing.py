"""The staffing line's words and colours: agents Erlang C needs vs agents staffed (issue 18).

Shared by the queue table's Staffed / Needed cells and the staffing strip under it, so the
two always say the same thing about the same ``staffing/…`` keys.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale
from PySide6.QtGui import QColor

from console.screens.wallboard import floor

_C = "Staffing"
#: a short queue's Needed cell: the red of a red alarm's text on a pale red, readable both themes
SHORT_FG = QColor("#b71c1c")
SHORT_BG = QColor("#ffcdd2")
#: the tooltip's and the strip's sentences, marked here and translated where they are shown
MSG = {
    "none": QT_TRANSLATE_NOOP("Staffing", "No staffing figures yet: they are computed once "
                                          "a minute on the switch"),
    "unknown": QT_TRANSLATE_NOOP("Staffing", "Agents needed: not known ({why})"),
    "erlang_c": QT_TRANSLATE_NOOP("Staffing", "Erlang C: {needed} agents for {target} of calls "
                                              "answered within {t} s"),
    "window": QT_TRANSLATE_NOOP("Staffing", "Last 30 minutes: {rate} calls an hour, handle "
                                            "time {aht}"),
    "short": QT_TRANSLATE_NOOP("Staffing", "Short by {n} agents: {staffed} staffed"),
    "enough": QT_TRANSLATE_NOOP("Staffing", "{staffed} staffed: enough"),
    "erlang_a": QT_TRANSLATE_NOOP("Staffing", "Erlang A, with the callers' patience of {p} the "
                                              "abandons show: {n} agents"),
    "slot": QT_TRANSLATE_NOOP("Staffing", "{time} {calls} calls · {agents} agents"),
}
NOTES = {
    "warming_up": QT_TRANSLATE_NOOP("Staffing", "fewer than 5 minutes of calls known yet"),
    "no_calls": QT_TRANSLATE_NOOP("Staffing", "no calls in the last 30 minutes"),
    "no_handle_time": QT_TRANSLATE_NOOP("Staffing", "no call handled yet to time"),
}


def _t(text: str) -> str:
    """A string already marked (QT_TRANSLATE_NOOP) in context "Staffing"."""
    return QCoreApplication.translate(_C, text)


def short_by(record: dict[str, Any]) -> int:
    """Agents missing (0 when staffed enough or unknown)."""
    short = record.get("agents_short")
    return int(short) if isinstance(short, int | float) and short > 0 else 0


def number(value: float, digits: int = 0) -> str:
    """A number in the UI language's digits and separators."""
    return QLocale().toString(float(value), "f", digits)


def clock(epoch: float) -> str:
    """hh:mm of a half hour, in the UI language's time format."""
    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)


def tooltip(record: dict[str, Any]) -> str:
    """Everything behind the two numbers: model, target, rate, handle time, Erlang A."""
    if not record:
        return _t(MSG["none"])
    note = record.get("note") or ""
    if record.get("required") is None:
        return _t(MSG["unknown"]).format(why=_t(NOTES[note]) if note in NOTES else note)
    lines = [_t(MSG["erlang_c"]).format(needed=record["required"],
                                        target=floor.fmt_pct(record.get("sl_target")),
                                        t=number(record.get("sl_threshold_s") or 0)),
             _t(MSG["window"]).format(rate=number(record.get("rate_per_h") or 0),
                                      aht=floor.fmt_duration(record.get("aht_s")))]
    short = short_by(record)
    staffed = record.get("available", 0)
    if short:
        lines.append(_t(MSG["short"]).format(n=short, staffed=staffed))
    else:
        lines.append(_t(MSG["enough"]).format(staffed=staffed))
    if record.get("required_erlang_a") is not None:
        lines.append(_t(MSG["erlang_a"]).format(p=floor.fmt_duration(record.get("patience_s")),
                                                n=record["required_erlang_a"]))
    return "\n".join(lines)


def ahead_text(ahead: list[dict[str, Any]]) -> str:
    """``10:00 120 calls · 14 agents   10:30 …`` for the next half hours."""
    parts = []
    for slot in ahead:
        needed = slot.get("required")
        parts.append(_t(MSG["slot"]).format(
            time=clock(slot["start"]), calls=number(slot.get("offered") or 0),
            agents="–" if needed is None else number(needed)))
    return "    ".join(parts)
