"""Remembered choices (QSettings): theme, language, window geometry and screen for the shell,
and each screen's own keys (e.g. the wall-board's ``layout/*`` and ``sound/muted``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QSettings


class Preferences:
    """Typed access to QSettings; tests hand in an INI-file QSettings of their own."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings("callfloor", "console")

    def get(self, key: str, default: str) -> str:
        return str(self.settings.value(key, default))

    def set(self, key: str, value: object) -> None:
        self.settings.setValue(key, value)
        self.settings.sync()

    def geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def flag(self, key: str, default: bool) -> bool:
        return _as_bool(self.settings.value(key, default))

    def strings(self, key: str) -> list[str] | None:
        """A remembered list, or None if it was never saved."""
        value = self.settings.value(key, None)
        return None if value is None else _as_list(value)

    def set_many(self, values: Iterable[tuple[str, object]]) -> None:
        """Several keys, written to disk once."""
        for key, value in values:
            self.settings.setValue(key, value)
        self.settings.sync()


def _as_list(value: object) -> list[str]:
    """QSettings returns a str for one-item lists and None/'' for empty ones."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[attr-defined]


def _as_bool(value: object) -> bool:
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
