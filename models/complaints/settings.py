"""The complaint catalogue and its clocks, read from TOML (resources/complaints/default.toml,
or a site's own file): the classification tree, causes, departments, deadlines, business
calendar, warning fractions and spike settings. Errors name the field that is wrong."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from importlib import resources
from pathlib import Path
from typing import Any

from models.complaints.calendar import BusinessCalendar, CalendarError
from models.complaints.deadlines import LEVELS, DeadlineTable, LimitRule
from models.complaints.lifecycle import DESK
from models.complaints.spikes import SpikeSettings

OTHER = "其他"
ERROR_CLASSES = ("", "major_service_error", "service_error", "work_error")


class SettingsError(ValueError):
    """A complaint settings file that cannot be used; the text starts with the field."""


@dataclass(frozen=True, slots=True)
class ComplaintSettings:
    tree: list[dict[str, Any]]
    paths: frozenset[str]
    #: top-level category -> (IVR flow, node)
    ivr_menus: dict[str, tuple[str, str]]
    causes: tuple[str, ...]
    departments: tuple[str, ...]
    channels: tuple[str, ...]
    customer_levels: tuple[str, ...]
    deadlines: DeadlineTable
    spikes: SpikeSettings

    @property
    def calendar(self) -> BusinessCalendar:
        return self.deadlines.calendar

    def menu_for(self, classification: str) -> tuple[str, str] | None:
        return self.ivr_menus.get(classification.split("/", 1)[0])


def _list(data: Mapping[str, Any], key: str, default: list[Any] | None = None) -> list[Any]:
    value = data.get(key, default)
    if not isinstance(value, list):
        raise SettingsError(f"{key}: must be a list, got {value!r}")
    return value


def _names(data: Mapping[str, Any], key: str, *, other: bool) -> tuple[str, ...]:
    values = _list(data, key)
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise SettingsError(f"{key}: must be a non-empty list of names")
    names = [v.strip() for v in values]
    if len(set(names)) != len(names):
        raise SettingsError(f"{key}: a name is listed twice")
    if other and OTHER not in names:
        names.append(OTHER)  # REQUIREMENTS.md §8: cause and department each include "other"
    return tuple(names)


def _tree(nodes: Any, where: str, prefix: str, paths: set[str],
          menus: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    if not isinstance(nodes, list):
        raise SettingsError(f"{where}: must be a list of {{name, children}}")
    out = []
    for i, node in enumerate(nodes):
        at = f"{where}[{i}]"
        if not isinstance(node, Mapping):
            raise SettingsError(f"{at}: must be a table with a name")
        name = node.get("name")
        if not isinstance(name, str) or not name.strip() or "/" in name:
            raise SettingsError(f"{at}.name: must be a non-empty name without '/'")
        path = f"{prefix}/{name.strip()}" if prefix else name.strip()
        if path in paths:
            raise SettingsError(f"{at}.name: {path!r} appears twice")
        paths.add(path)
        ivr = node.get("ivr")
        if ivr is not None:
            if prefix or not isinstance(ivr, Mapping) or not all(
                    isinstance(ivr.get(k), str) and ivr.get(k) for k in ("flow", "node")):
                raise SettingsError(f"{at}.ivr: a top-level category's {{flow, node}}")
            menus[path] = (ivr["flow"], ivr["node"])
        children = _tree(node.get("children", []), f"{at}.children", path, paths, menus)
        out.append({"name": name.strip(), "path": path, "children": children})
    return out


def _clock(value: Any, where: str) -> time:
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise SettingsError(f"{where}: must be HH:MM, got {value!r}") from None


def _dates(values: list[Any], where: str) -> frozenset[date]:
    try:
        return frozenset(v if isinstance(v, date) else date.fromisoformat(str(v))
                         for v in values)
    except ValueError as exc:
        raise SettingsError(f"{where}: {exc} (use YYYY-MM-DD)") from None


def _calendar(data: Mapping[str, Any]) -> BusinessCalendar:
    periods = tuple((_clock(p[0], f"calendar.periods[{i}]"), _clock(p[1], f"calendar.periods[{i}]"))
                    for i, p in enumerate(_list(data, "periods", [["09:00", "18:00"]])))
    weekdays = _list(data, "weekdays", [1, 2, 3, 4, 5])
    if not all(isinstance(d, int) and 1 <= d <= 7 for d in weekdays):
        raise SettingsError("calendar.weekdays: ISO day numbers 1 (Monday) to 7 (Sunday)")
    try:
        return BusinessCalendar(
            timezone=str(data.get("timezone", "Asia/Shanghai")), periods=periods,
            weekdays=frozenset(d - 1 for d in weekdays),
            holidays=_dates(_list(data, "holidays", []), "calendar.holidays"),
            workdays=_dates(_list(data, "workdays", []), "calendar.workdays"))
    except CalendarError as exc:
        raise SettingsError(f"calendar: {exc}") from None


def _limits(rules: list[Any]) -> list[LimitRule]:
    out = []
    for i, rule in enumerate(rules):
        at = f"limits[{i}]"
        if not isinstance(rule, Mapping) or set(rule) - {"classification", "customer_level",
                                                         "days", "hours"}:
            raise SettingsError(f"{at}: {{classification, customer_level, days | hours}}")
        days, hours = rule.get("days", 0), rule.get("hours", 0)
        if not all(isinstance(v, int | float) and not isinstance(v, bool) and v >= 0
                   for v in (days, hours)) or days + hours <= 0:
            raise SettingsError(f"{at}: days / hours must be numbers, together above 0")
        out.append(LimitRule(str(rule.get("classification", "")),
                             str(rule.get("customer_level", "")), float(days), float(hours)))
    return out


def parse_settings(data: Mapping[str, Any]) -> ComplaintSettings:
    paths: set[str] = set()
    menus: dict[str, tuple[str, str]] = {}
    tree = _tree(data.get("tree", []), "tree", "", paths, menus)
    if not tree:
        raise SettingsError("tree: the classification tree is empty")
    calendar = _calendar(data.get("calendar", {}))
    warnings = data.get("warnings", {})
    if not isinstance(warnings, Mapping) or set(warnings) - set(LEVELS):
        raise SettingsError("warnings: a table of yellow, orange, red, black fractions")
    try:
        fractions = {lv: float(warnings.get(lv, d)) for lv, d in
                     zip(LEVELS, (0.5, 0.75, 0.9, 1.0), strict=True)}
        table = DeadlineTable(_limits(_list(data, "limits", [])), calendar, fractions)
    except (ValueError, TypeError) as exc:
        raise SettingsError(f"limits / warnings: {exc}") from None
    sp = data.get("spikes", {})
    try:
        spikes = SpikeSettings(
            window_s=float(sp.get("window_min", 30)) * 60,
            baseline_s=float(sp.get("baseline_days", 7)) * 86400,
            prior_per_hour=float(sp.get("prior_per_hour", 0.5)),
            min_count=int(sp.get("min_count", 5)), p_value=float(sp.get("p_value", 1e-6)))
    except (TypeError, ValueError, AttributeError) as exc:
        raise SettingsError(f"spikes: {exc}") from None
    if spikes.window_s <= 0 or not 0 < spikes.p_value < 1 or spikes.min_count < 1:
        raise SettingsError("spikes: window_min > 0, 0 < p_value < 1, min_count >= 1")
    departments = _names(data, "departments", other=True)
    if DESK in departments:
        raise SettingsError(f"departments: {DESK} is the desk, not a department")
    return ComplaintSettings(
        tree=tree, paths=frozenset(paths), ivr_menus=menus,
        causes=_names(data, "causes", other=True), departments=departments,
        channels=_names(data, "channels", other=False),
        customer_levels=_names(data, "customer_levels", other=False),
        deadlines=table, spikes=spikes)


def load_settings(path: Path | None = None) -> ComplaintSettings:
    """The site's file if given, else the bundled default."""
    if path is None:
        text = (resources.files("resources") / "complaints" / "default.toml").read_text("utf-8")
        where = "default complaint settings"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise SettingsError(f"{path}: {exc.strerror}") from None
        where = str(path)
    try:
        return parse_settings(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{where}: {exc}") from None
    except SettingsError as exc:
        raise SettingsError(f"{where}: {exc}") from None
