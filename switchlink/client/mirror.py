"""A client's read-only copy of the daemon's key/value floor state (the Clone pattern's map)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class StateMirror(Mapping[str, dict[str, Any]]):
    """Key -> plain dict, plus the ``epoch`` and ``sequence`` it reflects. Read-only to users."""

    def __init__(self) -> None:
        self._data: dict[str, dict[str, Any]] = {}
        self.sequence = 0
        self.epoch = ""

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def items(self, prefix: str = "") -> dict[str, dict[str, Any]]:  # type: ignore[override]
        """Every key starting with ``prefix`` (all keys for ``""``), as a new dict."""
        if not prefix:
            return dict(self._data)
        return {k: v for k, v in self._data.items() if k.startswith(prefix)}

    def __getitem__(self, key: str) -> dict[str, Any]:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # --- used by the client only ------------------------------------------------------

    def _replace(self, epoch: str, seq: int, items: list[list[Any]]) -> None:
        self._data = {k: v for k, v in items}
        self.epoch = epoch
        self.sequence = seq

    def _apply(self, first: int, changes: list[list[Any]], changed: set[str]) -> None:
        """Apply the changes numbered ``first``...; those at or below ``sequence`` are skipped."""
        skip = self.sequence - first + 1
        data = self._data
        for key, value in changes[skip:] if skip > 0 else changes:
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
            changed.add(key)
        self.sequence = max(self.sequence, first + len(changes) - 1)
