"""Column and section names for the exported reports (CSV, PDF) in English and Chinese.

Exports are made by switchlink for a person who asked in one language; the console's own
screen uses Qt's translations instead. Figures are formatted here as well, so the CSV and
the PDF print the same text.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

LANGUAGES = ("en", "zh_CN")

_TEXT: dict[str, tuple[str, str]] = {
    # titles
    "title.hourly": ("Hourly report", "小时通报"),
    "title.daily": ("Daily report", "日通报"),
    "title.weekly": ("Weekly report", "周通报"),
    "title.monthly": ("Monthly report", "月通报"),
    "centre": ("Call centre", "全中心"),
    "section.centre": ("Centre", "全中心"),
    "section.queues": ("Queues", "各队列"),
    "section.levels": ("VIP and normal customers", "大客户与普通客户"),
    "section.agents": ("Agents", "座席"),
    "section.not_ready": ("Not-ready time by reason", "示忙时长（按原因）"),
    "section.alarms": ("Alarms", "告警"),
    "section.complaints": ("Complaints", "投诉"),
    "section.definitions": ("Definitions", "定义"),
    "section.chart_volume": ("Calls per interval", "各时段话务量"),
    "section.chart_sl": ("Service level per interval", "各时段服务水平"),
    "period": ("Period", "统计周期"),
    "generated": ("Generated", "生成时间"),
    "page": ("Page {n} of {total}", "第 {n} 页，共 {total} 页"),
    "none": ("none", "无"),
    "not_available": ("Complaint work orders are not available on this database.",
                      "本数据库没有投诉工单。"),
    "sl_definition": ("Service level", "服务水平"),
    # figures
    "queue": ("Queue", "队列"),
    "level": ("Level", "级别"),
    "vip": ("VIP", "大客户"),
    "normal": ("Normal", "普通客户"),
    "arrived": ("Arrived", "来话总量"),
    "offered": ("Offered", "呼入量"),
    "answered": ("Answered", "接通"),
    "abandoned": ("Abandoned", "放弃"),
    "short_abandoned": ("Short abandons", "短时放弃"),
    "blocked": ("Blocked", "黑名单拦截"),
    "busy": ("System busy", "系统忙"),
    "service_level": ("Service level", "服务水平"),
    "answer_overtime_rate": ("Answer overtime rate", "应答逾限率"),
    "connection_rate": ("Connection rate", "来话接通率"),
    "system_connection_rate": ("System connection rate", "系统接通率"),
    "abandon_rate": ("Abandon rate", "放弃率"),
    "asa_s": ("ASA", "平均应答速度"),
    "max_wait_s": ("Longest wait", "最长等待"),
    "aht_s": ("AHT", "平均处理时长"),
    "occupancy": ("Occupancy", "占用率"),
    "utilisation": ("Work-time utilisation", "工时利用率"),
    "agent": ("Agent", "工号"),
    "calls": ("Calls", "通话数"),
    "talk_s": ("Talk", "通话时长"),
    "hold_s": ("Hold", "保持时长"),
    "acw_s": ("After-call work", "话后整理"),
    "not_ready_s": ("Not ready", "示忙时长"),
    "logged_in_s": ("Logged in", "签入时长"),
    "forced_total": ("Forced actions", "被强制操作"),
    "reason": ("Reason", "原因"),
    "seconds": ("Time", "时长"),
    "raised": ("Raised", "产生"),
    "acknowledged": ("Acknowledged", "已确认"),
    "unacknowledged": ("Not acknowledged", "未确认"),
    "mean_ack_s": ("Mean time to acknowledge", "平均确认时间"),
    "max_ack_s": ("Longest time to acknowledge", "最长确认时间"),
    "yellow": ("Yellow", "黄色"), "orange": ("Orange", "橙色"),
    "red": ("Red", "红色"), "black": ("Black", "黑色"),
    "by_category": ("By classification", "按服务请求分类"),
    "by_cause": ("By responsibility cause", "按责任原因"),
    "by_department": ("By responsible department", "按责任部门"),
    "name": ("Name", "名称"),
    "count": ("Complaints", "投诉数"),
    "archived": ("Archived", "已归档"),
    "on_time_rate": ("On-time rate", "按时回复率"),
    "satisfaction_rate": ("Satisfaction rate", "满意率"),
    "overdue_open": ("Open past due", "超时未结"),
    "force_ready": ("force ready", "强制示闲"),
    "force_busy": ("force busy", "强制示忙"),
    "force_logout": ("force sign-out", "强制签出"),
    "barge": ("barge-in", "强插"),
    "release": ("force release", "强拆"),
    "start": ("From", "起始"),
}

RATIOS = frozenset({
    "service_level", "answer_overtime_rate", "connection_rate", "system_connection_rate",
    "abandon_rate", "occupancy", "utilisation", "on_time_rate", "satisfaction_rate",
})
DURATIONS = frozenset({
    "asa_s", "max_wait_s", "aht_s", "talk_s", "hold_s", "acw_s", "not_ready_s", "logged_in_s",
    "mean_ack_s", "max_ack_s", "seconds",
})


def text(key: str, lang: str) -> str:
    en, zh = _TEXT.get(key, (key, key))
    return zh if lang == "zh_CN" else en


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown report language {lang!r} (use one of: {', '.join(LANGUAGES)})")
    return lang


def duration(seconds: float | None) -> str:
    """``h:mm:ss`` (or ``m:ss`` under an hour); ``—`` when there is nothing to show."""
    if seconds is None:
        return "—"
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def figure(key: str, value: object) -> str:
    """A figure as printed: ratios as percent with one decimal, durations as clock time."""
    if value is None:
        return "—"
    if key in RATIOS:
        return f"{float(value) * 100:.1f}%"  # type: ignore[arg-type]
    if key in DURATIONS:
        return duration(float(value))  # type: ignore[arg-type]
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def local_time(t: float, tz: tzinfo | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return (datetime.fromtimestamp(t, tz) if tz else datetime.fromtimestamp(t)).strftime(fmt)


def period_text(period: dict, lang: str, tz: tzinfo | None = None) -> str:
    """``2026-11-30 09:00 – 10:00`` style text of a stored period."""
    start, end = float(period["start"]), float(period["end"])
    first = local_time(start, tz)
    last = local_time(end, tz, "%H:%M" if period["kind"] == "hourly" else "%Y-%m-%d %H:%M")
    return f"{period['key']} ({first} – {last})"


#: the tables every export prints, in order: the columns of each
CENTRE_COLUMNS = ("arrived", "offered", "answered", "abandoned", "short_abandoned", "blocked",
                  "busy", "service_level", "answer_overtime_rate", "connection_rate",
                  "system_connection_rate", "asa_s", "aht_s", "occupancy", "utilisation")
QUEUE_COLUMNS = ("queue", "offered", "answered", "abandoned", "service_level",
                 "answer_overtime_rate", "connection_rate", "asa_s", "max_wait_s", "aht_s")
LEVEL_COLUMNS = ("level", "offered", "answered", "abandoned", "service_level",
                 "connection_rate", "asa_s")
AGENT_COLUMNS = ("agent", "calls", "talk_s", "hold_s", "acw_s", "not_ready_s", "logged_in_s",
                 "aht_s", "utilisation", "forced_total")
ALARM_COLUMNS = ("level", "raised", "acknowledged", "unacknowledged", "mean_ack_s",
                 "max_ack_s")
COMPLAINT_COLUMNS = ("name", "count", "archived", "on_time_rate", "satisfaction_rate",
                     "overdue_open")
