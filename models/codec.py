"""Domain objects to plain dicts and back: the one shape the wire, the CLI and the DB share."""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


#: exact types returned as they are (subclasses such as StrEnum members are not in here)
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: class -> its dataclass field names, or None for a class that is not a dataclass
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    names = None
    if dataclasses.is_dataclass(cls):
        names = tuple(f.name for f in dataclasses.fields(cls))
    _FIELDS[cls] = names
    return names


def to_plain(obj: Any) -> Any:
    """A dataclass, enum, dict or list as plain JSON / msgpack-able values.

    Called for every new call and agent on the daemon's per-event path, so a class's
    field names are looked up once and scalar fields are copied without recursing.
    """
    cls = obj.__class__
    if cls in _SCALARS:
        return obj
    names = _FIELDS[cls] if cls in _FIELDS else _field_names(cls)
    if names is not None:
        out = {}
        for name in names:
            value = getattr(obj, name)
            out[name] = value if value.__class__ in _SCALARS else to_plain(value)
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dict):
        return {(k.value if isinstance(k, Enum) else k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [to_plain(v) for v in obj]
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass from :func:`to_plain` output; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            try:
                return _coerce(arg, value)
            except (TypeError, ValueError):
                continue
        return value
    if origin is dict:
        kt, vt = typing.get_args(tp)
        return {_coerce(kt, k): _coerce(vt, v) for k, v in value.items()}
    if origin in (list, tuple):
        (vt, *_) = typing.get_args(tp) or (Any,)
        return origin(_coerce(vt, v) for v in value)
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return tp(value)
        if dataclasses.is_dataclass(tp):
            return from_plain(tp, value)
        if tp is float and isinstance(value, int):
            return float(value)
    return value
