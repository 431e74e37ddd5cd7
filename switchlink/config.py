"""switchlink settings: defaults, then a TOML file, then command-line flags (flags win)."""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from switchlink.metrics import SlDefinition

DEFAULT_ENDPOINT = "tcp://127.0.0.1:7600"
#: the service-level definitions switchlink.metrics knows
SL_DEFINITIONS = tuple(d.value for d in SlDefinition)


class ConfigError(Exception):
    """A config file or flag that cannot be used; the message names the file and the key."""


@dataclass(slots=True)
class DaemonConfig:
    adapter: str = "loopback"
    scenario: str | None = None
    speed: float | str | None = None
    endpoint: str = DEFAULT_ENDPOINT
    curve: bool = True
    config_dir: str | None = None
    data_dir: str | None = None
    db: str | None = None
    log_level: str = "info"
    local_session_file: str | None = None
    #: stop when the process that started us is gone (a console's embedded daemon)
    exit_with_parent: bool | None = None
    #: extra adapter options ([adapter_options] table)
    adapter_options: dict[str, Any] | None = None
    #: service-level definition, one of SL_DEFINITIONS (docs/metrics.md)
    sl_definition: str = "offered"
    #: abandons quicker than this many seconds leave the service level
    short_abandon_s: float = 5.0
    #: the nightly equipment sweep's time of day on the switch clock, HH:MM, or "off"
    sweep_at: str = "02:00"
    #: a console session ends after this long without a command (wall sessions never do)
    session_idle_minutes: float = 30.0
    #: the not-ready reason codes [{code, zh, en}] (None: models.supervision's defaults)
    not_ready_reasons: list[Any] | None = None


_TYPES: dict[str, tuple[type, ...]] = {
    "adapter": (str,), "scenario": (str,), "speed": (int, float, str), "endpoint": (str,),
    "curve": (bool,), "config_dir": (str,), "data_dir": (str,), "db": (str,),
    "log_level": (str,), "local_session_file": (str,), "adapter_options": (dict,),
    "exit_with_parent": (bool,),
    "sl_definition": (str,), "short_abandon_s": (int, float), "sweep_at": (str,),
    "session_idle_minutes": (int, float), "not_ready_reasons": (list,),
}


def check_speed(value: float | str) -> float | str:
    """A number >= 0 or a word the emulator knows ("fast"); ConfigError otherwise."""
    from switchlink.adapters.loopback.clock import parse_speed

    try:
        parse_speed(value)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    return value


def speed_flag(text: str) -> float | str:
    """argparse ``type`` for ``--speed``: a bad value is a usage error (exit 2), said once."""
    try:
        return check_speed(text)
    except ConfigError as exc:  # argparse already names --speed: no "--speed: speed must"
        raise argparse.ArgumentTypeError(str(exc).removeprefix("speed ")) from None


def load_file(path: Path) -> dict[str, Any]:
    """The ``[switchlink]`` table of a TOML file (or its top level), checked key by key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    table = raw.get("switchlink", raw)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [switchlink] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _TYPES:
            known = ", ".join(sorted(_TYPES))
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {known})")
        if not isinstance(value, _TYPES[key]) or (
            isinstance(value, bool) and bool not in _TYPES[key]
        ):
            raise ConfigError(f"{path}: {key} has the wrong type ({type(value).__name__})")
        out[key] = value
    return out


def resolve(args: argparse.Namespace) -> DaemonConfig:
    """Defaults <- ``--config FILE`` <- flags that were given (None means not given)."""
    cfg = DaemonConfig()
    if getattr(args, "config", None):
        for key, value in load_file(Path(args.config)).items():
            setattr(cfg, key, value)
    for f in fields(DaemonConfig):
        value = getattr(args, f.name, None)
        if value is not None:
            setattr(cfg, f.name, value)
    for f in fields(DaemonConfig):
        value = getattr(cfg, f.name)
        if isinstance(value, str) and not value.strip():
            # `--db ''` used to mean "the default" without a word: an empty value is a mistake
            flag = "--" + f.name.replace("_", "-")
            raise ConfigError(f"{flag} is empty; give a value or leave it out")
    if cfg.speed is not None:
        cfg.speed = check_speed(cfg.speed)
    if cfg.sl_definition not in SL_DEFINITIONS:
        known = ", ".join(SL_DEFINITIONS)
        raise ConfigError(f"sl_definition must be one of {known}, not {cfg.sl_definition!r}")
    if not 0 <= cfg.short_abandon_s <= 60:
        raise ConfigError(f"short_abandon_s must be 0..60 seconds, got {cfg.short_abandon_s}")
    if not _is_sweep_time(cfg.sweep_at):
        raise ConfigError(f"sweep_at must be a time of day HH:MM (e.g. 02:00) or off, "
                          f"got {cfg.sweep_at!r}")
    if not 1 <= cfg.session_idle_minutes <= 7 * 24 * 60:
        raise ConfigError(f"session_idle_minutes must be 1..10080 (a week), "
                          f"got {cfg.session_idle_minutes}")
    if cfg.not_ready_reasons is not None:
        from models.supervision import parse_reason_codes

        try:
            parse_reason_codes(cfg.not_ready_reasons)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    if cfg.log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"log level must be debug, info, warning or error, not {cfg.log_level!r}")
    return cfg


def _is_sweep_time(text: str) -> bool:
    """``off`` or ``HH:MM`` (00:00-23:59)."""
    if text.strip().lower() == "off":
        return True
    hh, sep, mm = text.strip().partition(":")
    return bool(sep) and hh.isdigit() and mm.isdigit() and len(mm) == 2 \
        and int(hh) <= 23 and int(mm) <= 59
