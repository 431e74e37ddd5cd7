"""Typed, path-aware reading of a decoded TOML table: every error names file, field and why."""

from __future__ import annotations

import math
import re
from typing import Any

from switchlink.adapters.errors import InvalidArgument
from switchlink.adapters.loopback.distributions import (
    Distribution,
    DistributionError,
    parse_distribution,
    show,
)

_BARE_KEY = re.compile(r"[A-Za-z0-9_\-\[\].]+")


def key_text(key: str) -> str:
    """A key as it appears in an error's field path: quoted when not a plain TOML bare key."""
    return key if _BARE_KEY.fullmatch(key) else show(key)


class ScenarioError(InvalidArgument):
    """A scenario file is missing, unreadable or invalid."""

    code = "invalid_scenario"


class TableReader:
    """Typed access to one table, with errors that name the file and the field path."""

    def __init__(self, source: str, path: str, table: Any) -> None:
        self.source = source
        self.path = path
        if not isinstance(table, dict):
            self.fail("", f"expected a table, got {type(table).__name__}")
        self.table: dict[str, Any] = table

    def fail(self, key: str, why: str) -> None:
        key = key_text(key) if key else key
        where = f"{self.path}.{key}" if self.path and key else (key or self.path or "(top)")
        why = " ".join(why.split())  # one line, whatever the data held
        raise ScenarioError(f"{self.source}: {where}: {why}")

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.table:
            if key not in allowed:
                self.fail(key, f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def has(self, key: str) -> bool:
        return key in self.table

    def child(self, key: str, index: int | None = None) -> TableReader:
        value = self.table[key] if index is None else self.table[key][index]
        name = key if index is None else f"{key}[{index}]"
        return TableReader(self.source, f"{self.path}.{name}" if self.path else name, value)

    def items(self, key: str, required: bool = False) -> list[TableReader]:
        if key not in self.table:
            if required:
                self.fail(key, "required (an array of tables)")
            return []
        value = self.table[key]
        if not isinstance(value, list):
            self.fail(key, "expected an array of tables ([[...]])")
        return [self.child(key, i) for i in range(len(value))]

    def str(self, key: str, default: str | None = None) -> str:
        if key not in self.table:
            if default is None:
                self.fail(key, "required")
            return default  # type: ignore[return-value]
        value = self.table[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"expected a non-empty string, got {show(value)}")
        return value

    def num(
        self,
        key: str,
        default: float | None = None,
        *,
        low: float | None = None,
        high: float | None = None,
        required: bool = False,
    ) -> float:
        if key not in self.table:
            if required or default is None:
                self.fail(key, "required")
            return default  # type: ignore[return-value]
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(key, f"expected a number, got {show(value)}")
        if not math.isfinite(value):
            self.fail(key, f"expected a finite number, got {show(value)}")
        if low is not None and value < low:
            self.fail(key, f"must be at least {low}, got {show(value)}")
        if high is not None and value > high:
            self.fail(key, f"must be at most {high}, got {show(value)}")
        return float(value)

    def int(
        self, key: str, default: int | None = None, *, low: int | None = None,
        high: int | None = None,
    ) -> int:
        if key not in self.table:
            if default is None:
                self.fail(key, "required")
            return default  # type: ignore[return-value]
        value = self.table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected an integer, got {show(value)}")
        if low is not None and value < low:
            self.fail(key, f"must be at least {low}, got {show(value)}")
        if high is not None and value > high:
            self.fail(key, f"must be at most {high:,}, got {show(value)}")
        return value

    def bool(self, key: str, default: bool) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {show(value)}")
        return value

    def dist(self, key: str, default: Distribution | None = None) -> Distribution:
        if key not in self.table:
            if default is None:
                self.fail(key, "required (a number of seconds or {kind = ..., ...})")
            return default  # type: ignore[return-value]
        try:
            return parse_distribution(self.table[key])
        except DistributionError as exc:
            self.fail(key, str(exc))
            raise  # unreachable: fail() raises

    def clock(self, key: str, default: str | None = None) -> float:
        """``"HH:MM"`` as seconds after midnight."""
        text = self.table.get(key, default)
        if text is None:
            self.fail(key, "required (\"HH:MM\")")
        if isinstance(text, str):
            parts = text.split(":")
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                hh, mm = int(parts[0]), int(parts[1])
                if 0 <= hh <= 24 and 0 <= mm < 60 and hh * 60 + mm <= 24 * 60:
                    return hh * 3600.0 + mm * 60.0
        self.fail(key, f"expected a time of day \"HH:MM\", got {show(text)}")
        raise AssertionError  # unreachable

    def probabilities(self, key: str, known: set[str] | None, what: str) -> dict[str, float]:
        sub = self.child(key)
        out: dict[str, float] = {}
        for name in sub.table:
            if known is not None and name not in known:
                sub.fail(name, f"unknown {what} (known: {', '.join(sorted(known))})")
            out[name] = sub.num(name, low=0.0, high=1.0, required=True)
        if sum(out.values()) > 1.0 + 1e-9:
            self.fail(key, f"probabilities add up to {sum(out.values()):.3f}, more than 1")
        return out
