"""What the floor's numbers mean on screen: labels, colours, formats and alarm levels."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: Alarm levels from least to most severe (S3: 黄、橙、红、黑四级预警).
LEVELS = ("yellow", "orange", "red", "black")
LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}

LEVEL_LABELS = {
    "yellow": QT_TRANSLATE_NOOP("Level", "Yellow"),
    "orange": QT_TRANSLATE_NOOP("Level", "Orange"),
    "red": QT_TRANSLATE_NOOP("Level", "Red"),
    "black": QT_TRANSLATE_NOOP("Level", "Black"),
}

#: Background / text colour per alarm level, the same in both themes.
LEVEL_COLOURS: dict[str, tuple[str, str]] = {
    "yellow": ("#f2c200", "#111111"),
    "orange": ("#f57c00", "#111111"),
    "red": ("#d32f2f", "#ffffff"),
    "black": ("#000000", "#ff5252"),
}

STATE_LABELS = {
    "logged_out": QT_TRANSLATE_NOOP("AgentState", "Logged out"),
    "ready": QT_TRANSLATE_NOOP("AgentState", "Ready"),
    "not_ready": QT_TRANSLATE_NOOP("AgentState", "Not ready"),
    "ringing": QT_TRANSLATE_NOOP("AgentState", "Ringing"),
    "talking": QT_TRANSLATE_NOOP("AgentState", "Talking"),
    "on_hold": QT_TRANSLATE_NOOP("AgentState", "On hold"),
    "after_call_work": QT_TRANSLATE_NOOP("AgentState", "After-call work"),
}

#: One colour per agent state, used by the grid and its legend in both themes.
STATE_COLOURS = {
    "logged_out": "#455a64",
    "ready": "#2e7d32",
    "not_ready": "#8d6e63",
    "ringing": "#00838f",
    "talking": "#1565c0",
    "on_hold": "#6a1b9a",
    "after_call_work": "#ad1457",
}


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def level_label(level: str) -> str:
    return translate("Level", LEVEL_LABELS[level]) if level in LEVEL_LABELS else level


def state_label(state: str) -> str:
    return translate("AgentState", STATE_LABELS[state]) if state in STATE_LABELS else state


def worst_level(levels: Iterable[str]) -> str | None:
    """The most severe of some alarm levels, or None when there are none."""
    known = [lvl for lvl in levels if lvl in LEVEL_RANK]
    return max(known, key=LEVEL_RANK.__getitem__) if known else None


# -- value formats ---------------------------------------------------------------------------
def fmt_int(value: Any) -> str:
    return "–" if value is None else f"{int(value):,}"


def fmt_pct(value: Any) -> str:
    """Ratios (0..1) as whole percent."""
    return "–" if value is None else f"{float(value) * 100:.0f}%"


def fmt_duration(value: Any) -> str:
    """Seconds as m:ss, or h:mm:ss past the hour."""
    if value is None:
        return "–"
    secs = max(0, int(value))
    hours, rest = divmod(secs, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def fmt_clock(epoch: float | None) -> str:
    return "–" if not epoch else time.strftime("%H:%M:%S", time.localtime(epoch))


@dataclass(frozen=True, slots=True)
class TileSpec:
    """One big number on the wall-board and the centre metric behind it."""

    id: str
    label: str  # untranslated; context "Tile"
    metric: str
    fmt: Callable[[Any], str]
    #: a smaller second line (today's figure under a rolling 15-minute one), or None
    secondary: str | None = None


TILES: tuple[TileSpec, ...] = (
    TileSpec("waiting", QT_TRANSLATE_NOOP("Tile", "Calls waiting"), "waiting", fmt_int),
    # the queue holding the longest wait is named under it: the alarm caption may name another
    TileSpec("longest_wait", QT_TRANSLATE_NOOP("Tile", "Longest wait"), "longest_wait_s",
             fmt_duration, "longest_wait_queue"),
    # the alarm rules watch the rolling 15 minutes, so the big number is that window (a red tile
    # at 87% "today" next to an alarm at 75% read as a contradiction); today's figure is below
    TileSpec("service_level", QT_TRANSLATE_NOOP("Tile", "Service level (15 min)"),
             "service_level_15m", fmt_pct, "service_level_today"),
    TileSpec("ready", QT_TRANSLATE_NOOP("Tile", "Agents ready"), "agents_ready", fmt_int),
    TileSpec("talking", QT_TRANSLATE_NOOP("Tile", "Agents talking"), "agents_talking", fmt_int),
    TileSpec("acw", QT_TRANSLATE_NOOP("Tile", "After-call work"), "agents_after_call_work",
             fmt_int),
    TileSpec("not_ready", QT_TRANSLATE_NOOP("Tile", "Agents not ready"), "agents_not_ready",
             fmt_int),
    TileSpec("abandon_rate", QT_TRANSLATE_NOOP("Tile", "Abandon rate (15 min)"),
             "abandon_rate_15m", fmt_pct, "abandon_rate_today"),
    TileSpec("answered", QT_TRANSLATE_NOOP("Tile", "Answered today"), "answered_today", fmt_int),
    # warned callers (blacklist 提示/告警) were connected, not blocked: their count sits under it
    TileSpec("blocked", QT_TRANSLATE_NOOP("Tile", "Blocked today"), "blocked_today", fmt_int,
             "warned_today"),
)
TILE_IDS = tuple(t.id for t in TILES)

#: Which agent states each agent-count metric counts (used when metrics lack the count).
STATE_COUNTS = {
    "agents_ready": ("ready",),
    "agents_talking": ("ringing", "talking", "on_hold"),
    "agents_after_call_work": ("after_call_work",),
    "agents_not_ready": ("not_ready",),
}


#: Window suffixes of the metrics engine: ``service_level_15m`` is a kind of ``service_level``.
WINDOW_SUFFIXES = ("_today", "_interval", "_15m")


def metric_base(metric: str) -> str:
    """A metric name without its window, so an alarm on any window colours the tile."""
    for suffix in WINDOW_SUFFIXES:
        if metric.endswith(suffix):
            return metric[: -len(suffix)]
    return metric


def worst_alarm_by_metric(alarms: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Worst active alarm per metric base name, whatever its scope (the oldest on a tie)."""
    worst: dict[str, dict[str, Any]] = {}
    for alarm in alarms:
        metric, level = alarm.get("metric"), alarm.get("level")
        if not metric or level not in LEVEL_RANK or alarm.get("state") == "cleared":
            continue
        metric = metric_base(str(metric))
        held = worst.get(metric)
        rank = (LEVEL_RANK[level], -float(alarm.get("raised_at") or 0))
        if held is None or rank > (LEVEL_RANK[held["level"]], -float(held.get("raised_at") or 0)):
            worst[metric] = alarm
    return worst


def own_alarm(alarms: Iterable[dict[str, Any]], metric: str, scope: str) -> dict[str, Any] | None:
    """The worst active alarm on ``metric`` (any window) that describes a value shown for
    ``scope``: one on that scope, or a centre-wide one (the centre's figure is that value)."""
    base = metric_base(metric)
    mine = [a for a in alarms if metric_base(str(a.get("metric") or "")) == base
            and str(a.get("scope") or "center") in (scope, "center")]
    return worst_alarm_by_metric(mine).get(base)


def alarm_levels_by_metric(alarms: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Worst active alarm level per metric base name, whatever the alarm's scope."""
    return {metric: alarm["level"] for metric, alarm in worst_alarm_by_metric(alarms).items()}


def queue_of_scope(scope: str) -> str | None:
    """The queue id an alarm scope names (``queue:<id>``, or ``queue/<id>``), else None."""
    for prefix in ("queue:", "queue/"):
        if scope.startswith(prefix) and len(scope) > len(prefix):
            return scope[len(prefix):]
    return None


def alarm_levels_by_queue(alarms: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Worst active alarm level per queue id, from the alarms scoped to one queue."""
    worst: dict[str, str] = {}
    for alarm in alarms:
        qid = queue_of_scope(str(alarm.get("scope") or ""))
        level = alarm.get("level")
        if qid is None or level not in LEVEL_RANK or alarm.get("state") == "cleared":
            continue
        if qid not in worst or LEVEL_RANK[level] > LEVEL_RANK[worst[qid]]:
            worst[qid] = level
    return worst


#: The service-level definitions switchlink publishes (``sl_definition``), in words
#: (context "SlDefinition"); {t} the threshold, {s} the short-abandon limit, in seconds.
SL_DEFINITIONS = {
    "offered": QT_TRANSLATE_NOOP(
        "SlDefinition", "answered within {t} s ÷ (offered − abandons under {s} s)"),
    "answered": QT_TRANSLATE_NOOP("SlDefinition", "answered within {t} s ÷ answered"),
    "abandon_in_sl_good": QT_TRANSLATE_NOOP(
        "SlDefinition",
        "(answered + abandoned within {t} s) ÷ (offered − abandons under {s} s)"),
    "all_offered": QT_TRANSLATE_NOOP("SlDefinition", "answered within {t} s ÷ offered"),
}


def sl_definition_text(metrics: dict[str, Any]) -> str:
    """The service-level definition in force, in the UI language; switchlink's own
    ``sl_text`` for a definition this console does not know; "" before any metrics."""
    template = SL_DEFINITIONS.get(str(metrics.get("sl_definition") or ""))
    threshold, short = metrics.get("sl_threshold_s"), metrics.get("short_abandon_s")
    if template is None or threshold is None:
        return str(metrics.get("sl_text") or "")
    return translate("SlDefinition", template).format(t=f"{float(threshold):g}",
                                                      s=f"{float(short or 0):g}")
