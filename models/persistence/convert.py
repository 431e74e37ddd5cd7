"""Row <-> domain-object conversion by field name, so ORM rows never escape this package."""

from __future__ import annotations

import dataclasses
import math
from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import InstrumentedAttribute

from models.codec import from_plain, to_plain
from models.persistence.database import DatabaseError

T = TypeVar("T")


class NotFound(DatabaseError):
    """The record asked for does not exist."""


class InvalidQuery(DatabaseError):
    """A history query's arguments make no sense (e.g. an inverted time range)."""


def row_values(row_cls: type, obj: Any, **extra: Any) -> dict[str, Any]:
    """Column values for ``row_cls`` from a dataclass; an unset ``id`` is left to the DB."""
    columns = set(sa_inspect(row_cls).columns.keys())
    values = {k: v for k, v in to_plain(obj).items() if k in columns}
    if values.get("id", 0) is None:
        del values["id"]
    values.update(extra)
    return values


def to_domain(cls: type[T], row: Any) -> T:
    """The dataclass ``cls`` built from a row's columns of the same names."""
    columns = sa_inspect(type(row)).columns.keys()
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return from_plain(cls, {c: getattr(row, c) for c in columns if c in names})


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int beyond any float
        return False


def check_range(since: float | None, until: float | None, limit: int) -> None:
    """Reject NaN / infinite times, inverted ranges and silly limits with a clear message."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and not _finite(value):
            raise InvalidQuery(f"{name} must be a finite time (epoch seconds), got {value!r}")
    if since is not None and until is not None and since > until:
        raise InvalidQuery(f"time range is inverted: since {since} is after until {until}")
    if limit < 1:
        raise InvalidQuery(f"limit must be at least 1, got {limit}")


def newest_in_window(
    query: Select[Any],
    at: InstrumentedAttribute[Any],
    row_id: InstrumentedAttribute[Any],
    since: float | None,
    until: float | None,
    limit: int,
    offset: int = 0,
) -> Select[Any]:
    """``query`` limited to ``since <= at < until`` (either open), newest first, ``limit`` rows
    after skipping ``offset`` (pages of a long answer).

    Every history search (audit, alarm log, call records) shares this, so they all treat a
    time range and an inverted one the same way.
    """
    check_range(since, until, limit)
    # as floats: a 64-bit int from the wire would overflow SQLite's INTEGER binding
    since = None if since is None else float(since)
    until = None if until is None else float(until)
    if since is not None:
        query = query.where(at >= since)
    if until is not None:
        query = query.where(at < until)
    if offset < 0:
        raise InvalidQuery(f"offset must be 0 or more, got {offset}")
    return query.order_by(at.desc(), row_id.desc()).offset(offset).limit(limit)

