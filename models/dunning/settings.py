"""The dunning settings file (``dunning.toml`` in switchlink's config directory): every
number of the calendar, the caps and the pacing, checked key by key (docs/dunning.md)."""

from __future__ import annotations

import dataclasses
from typing import Any

from models.dunning.calendar import ConfigError, DunningConfig

_TYPES: dict[str, tuple[type, ...]] = {
    "entry_day": (int,), "window_start": (str,), "window_end": (str,), "run_at": (str,),
    "timezone": (str,),
    "recall_days": (int,), "closed_days": (list,), "closed_weekdays": (list,),
    "contacts_per_day": (int,), "contacts_per_week": (int,), "attempts_per_day": (int,),
    "retry_after_s": (list,), "max_channels": (int,), "vip_manual": (bool,),
    "slow_margin": (int, float), "resume_margin": (int, float), "resume_hold_s": (int, float),
    "min_offered": (int,),
    "caller_id": (str,),
}


def parse_settings(table: dict[str, Any], where: str = "dunning.toml") -> DunningConfig:
    """A :class:`DunningConfig` from a TOML table; any mistake names the key and why."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _TYPES:
            raise ConfigError(f"{where}: unknown setting {key!r} "
                              f"(known: {', '.join(sorted(_TYPES))})")
        ok = isinstance(value, _TYPES[key]) and (
            not isinstance(value, bool) or bool in _TYPES[key])
        if not ok:
            raise ConfigError(f"{where}: {key} has the wrong type ({type(value).__name__})")
        values[key] = value
    if "closed_days" in values:
        values["closed_days"] = frozenset(str(d) for d in values["closed_days"])
    if "closed_weekdays" in values:
        if not all(isinstance(w, int) and not isinstance(w, bool)
                   for w in values["closed_weekdays"]):
            raise ConfigError(f"{where}: closed_weekdays are whole numbers 0 (Monday) … 6")
        values["closed_weekdays"] = frozenset(values["closed_weekdays"])
    if "retry_after_s" in values:
        if not all(isinstance(s, int | float) and not isinstance(s, bool)
                   for s in values["retry_after_s"]):
            raise ConfigError(f"{where}: retry_after_s is a list of seconds")
        values["retry_after_s"] = tuple(float(s) for s in values["retry_after_s"])
    try:
        return DunningConfig(**values)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def settings_names() -> list[str]:
    return [f.name for f in dataclasses.fields(DunningConfig) if f.name in _TYPES]
