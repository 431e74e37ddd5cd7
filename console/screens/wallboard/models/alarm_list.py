"""The alarm list model: active alarms with level, metric, scope, value vs threshold."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from console.common.table_model import ID_ROLE, SORT_ROLE, Index, MirrorTableModel
from console.screens.wallboard import floor

_C = "AlarmListModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("AlarmListModel", "Level"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Metric"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Scope"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Value"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Threshold"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Since"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Acknowledged by"),
    QT_TRANSLATE_NOOP("AlarmListModel", "Dispatch plan"),
)
LEVEL, METRIC, SCOPE, VALUE, THRESHOLD, SINCE, ACKED, PLAN = range(8)
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 20

#: Names of the metrics alarms watch, for the list (context "Metric").
METRIC_LABELS = {
    "waiting": QT_TRANSLATE_NOOP("Metric", "Calls waiting"),
    "longest_wait_s": QT_TRANSLATE_NOOP("Metric", "Longest wait"),
    "service_level": QT_TRANSLATE_NOOP("Metric", "Service level"),
    "abandon_rate": QT_TRANSLATE_NOOP("Metric", "Abandon rate"),
    "agents_ready": QT_TRANSLATE_NOOP("Metric", "Agents ready"),
    "agents_not_ready": QT_TRANSLATE_NOOP("Metric", "Agents not ready"),
    "asa_s": QT_TRANSLATE_NOOP("Metric", "Average speed of answer"),
    "blocked_today": QT_TRANSLATE_NOOP("Metric", "Blocked today"),
    "hold_s": QT_TRANSLATE_NOOP("Metric", "Hold time"),
    "after_call_work_s": QT_TRANSLATE_NOOP("Metric", "After-call work time"),
    "not_ready_s": QT_TRANSLATE_NOOP("Metric", "Not-ready time"),
    "call_s": QT_TRANSLATE_NOOP("Metric", "Call duration"),
    "board_down_s": QT_TRANSLATE_NOOP("Metric", "Board down"),
    "channel_stuck_s": QT_TRANSLATE_NOOP("Metric", "Channel stuck"),
    "channel_test_failed_s": QT_TRANSLATE_NOOP("Metric", "Channel failed its test"),
    "link_lost_s": QT_TRANSLATE_NOOP("Metric", "Link lost"),
    "link_latency_ms": QT_TRANSLATE_NOOP("Metric", "Link latency (ms)"),
    # complaint work orders (issue 16): open orders at each deadline warning, a spike
    "orders_yellow": QT_TRANSLATE_NOOP("Metric", "Complaint orders at yellow"),
    "orders_orange": QT_TRANSLATE_NOOP("Metric", "Complaint orders at orange"),
    "orders_red": QT_TRANSLATE_NOOP("Metric", "Complaint orders at red"),
    "orders_black": QT_TRANSLATE_NOOP("Metric", "Complaint orders overdue"),
    "spike_surprise": QT_TRANSLATE_NOOP("Metric", "Complaint spike (−log₁₀ p)"),
}
_PCT = {"service_level", "abandon_rate"}
_SECS = {"longest_wait_s", "asa_s", "hold_s", "after_call_work_s", "not_ready_s", "call_s",
         "board_down_s", "channel_stuck_s", "link_lost_s", "channel_test_failed_s"}


#: How the metrics engine's windows read after a metric name (context "Metric").
WINDOW_LABELS = {
    "_15m": QT_TRANSLATE_NOOP("Metric", "(15 min)"),
    "_today": QT_TRANSLATE_NOOP("Metric", "(today)"),
    "_interval": QT_TRANSLATE_NOOP("Metric", "(this half hour)"),
}


def metric_label(metric: str) -> str:
    """A metric's name with its window, so "75%" next to a tile reading 87% says which is which."""
    if metric in METRIC_LABELS:  # e.g. blocked_today: the name already says the window
        return floor.translate("Metric", METRIC_LABELS[metric])
    base = floor.metric_base(metric)
    text = METRIC_LABELS.get(base)
    if not text:
        return metric
    window = WINDOW_LABELS.get(metric[len(base):])
    if not window:
        return floor.translate("Metric", text)
    return QCoreApplication.translate("Metric", "{metric} {window}").format(
        metric=floor.translate("Metric", text), window=floor.translate("Metric", window))


def level_text(alarm: dict[str, Any], lines: bool = False) -> str:
    """The level in words, saying when the escalation timer (not the value) raised it;
    ``lines`` puts the note on its own line (a narrow table column on a wall)."""
    label = floor.level_label(str(alarm.get("level", "")))
    if not alarm.get("escalated"):
        return label
    note = (QCoreApplication.translate("Metric", "escalated") if alarm.get("acked_by")
            else QCoreApplication.translate("Metric", "escalated, not acknowledged"))
    text = QCoreApplication.translate("Metric", "{level} ({note})").format(level=label,
                                                                           note=note)
    if lines:  # "黑色（已升级，未确认）" / "Black (escalated, …)": the note under the level
        text = text.replace(" (", "\n(", 1).replace("（", "\n（", 1)
    return text


def fmt_metric(metric: str, value: Any) -> str:
    if value is None:
        return "–"
    metric = floor.metric_base(metric)
    if metric in _PCT:
        return floor.fmt_pct(value)
    if metric in _SECS:
        return floor.fmt_duration(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def fmt_plan(plan: Any) -> str:
    """A dispatch plan as one line: a string as is, a list joined, a dict's steps."""
    if not plan:
        return ""
    if isinstance(plan, str):
        return plan
    if isinstance(plan, dict):
        parts = [str(plan.get("name", ""))]
        for key in ("notify", "move", "measures", "steps"):
            if plan.get(key):
                val = plan[key]
                parts.append(", ".join(map(str, val)) if isinstance(val, list) else str(val))
        return " · ".join(p for p in parts if p)
    if isinstance(plan, list):
        return "; ".join(map(str, plan))
    return str(plan)


def scope_label(scope: str, mirror: Any) -> str:
    """``center`` as words, ``queue/<id>`` as the queue's name; anything else as is."""
    if scope in ("center", ""):
        return QCoreApplication.translate("Metric", "Whole center")
    for prefix in ("queue/", "queue:"):
        if scope.startswith(prefix):
            qid = scope[len(prefix):]
            queue = mirror.get("queue/" + qid) or {}
            return str(queue.get("name") or qid)
    if scope.startswith("agent:"):
        wn = scope[len("agent:"):]
        agent = mirror.get("agent/" + wn) or {}
        return f"{wn} {agent.get('name', '')}".strip()
    if scope == "complaints:deadlines":
        return QCoreApplication.translate("Metric", "Complaint deadlines")
    if scope.startswith("complaints:spike:"):  # complaints:spike:<classification>@<area>
        what = scope[len("complaints:spike:"):].replace("/", " › ").replace("@", " @ ")
        return QCoreApplication.translate("Metric", "Complaints: %1").replace("%1", what)
    return scope


class AlarmListModel(MirrorTableModel):
    """Rows follow ``alarm/<id>``; the view sorts by level through a proxy on demand.

    A row shows the alarm as it was at the last frame, not the mirror's current value: the
    client applies deltas between frames, and a row read from the mirror after its alarm was
    cleared but before the frame removes it painted as an empty alarm (blank level, "Whole
    center", "–"), e.g. in a ``--screenshot`` grab at speed 60.
    """

    context = _C
    prefixes = ("alarm/",)
    primary = "alarm/"

    def columns(self) -> list[str]:
        return list(COLUMNS)

    def rebuild(self) -> None:
        self._shown: dict[str, dict[str, Any]] = {}
        super().rebuild()

    def rows_touched(self, ids: set[str]) -> None:
        """Take this frame's values of the changed alarms (rows of cleared ones are gone)."""
        for rid in ids:
            if rid in self._row:
                self._shown[rid] = self.mirror.get("alarm/" + rid) or self._shown.get(rid, {})
            else:
                self._shown.pop(rid, None)

    def alarm(self, row: int) -> dict[str, Any]:
        rid = self._ids[row]
        alarm = self._shown.get(rid)
        if alarm is None:  # first read since the row was inserted / rebuilt
            alarm = self._shown[rid] = self.mirror.get("alarm/" + rid) or {}
        return alarm

    def alarms(self) -> list[dict[str, Any]]:
        return [self.alarm(r) for r in range(len(self._ids))]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row, col = index.row(), index.column()
        if role == ID_ROLE:
            return self._ids[row]
        alarm = self.alarm(row)
        level = alarm.get("level", "")
        if role == LEVEL_ROLE:
            return level
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(alarm, col)
        if role == SORT_ROLE:
            if col == LEVEL:
                return floor.LEVEL_RANK.get(level, -1)
            if col in (VALUE, THRESHOLD, SINCE):
                key = ("value", "threshold", "raised_at")[(VALUE, THRESHOLD, SINCE).index(col)]
                return float(alarm.get(key) or 0)
            return self._text(alarm, col)
        if role == Qt.ItemDataRole.BackgroundRole and col == LEVEL and not self.stale:
            return QColor(floor.LEVEL_COLOURS.get(level, ("#455a64", ""))[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.stale:
                return QColor("#808080")
            if col == LEVEL:
                return QColor(floor.LEVEL_COLOURS.get(level, ("", "#ffffff"))[1])
        if role == Qt.ItemDataRole.ToolTipRole and col == PLAN:
            return fmt_plan(alarm.get("dispatch_plan"))
        return None

    def _text(self, alarm: dict[str, Any], col: int) -> str:
        metric = str(alarm.get("metric", ""))
        if col == LEVEL:
            return level_text(alarm, lines=True)
        if col == METRIC:
            return metric_label(metric)
        if col == SCOPE:
            return self.scope_label(str(alarm.get("scope", "")))
        if col == VALUE:
            return fmt_metric(metric, alarm.get("value"))
        if col == THRESHOLD:
            return fmt_metric(metric, alarm.get("threshold"))
        if col == SINCE:
            return floor.fmt_clock(alarm.get("raised_at"))
        if col == ACKED:
            return str(alarm.get("acked_by") or "")
        return fmt_plan(alarm.get("dispatch_plan"))

    def scope_label(self, scope: str) -> str:
        return scope_label(scope, self.mirror)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
