"""Remembered choices (QSettings): layout, theme, language, sound, window geometry and screen."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QSettings

from console.screens.wallboard.floor import TILE_IDS


@dataclass
class Layout:
    """What the wall-board shows."""

    tiles: list[str] = field(default_factory=lambda: list(TILE_IDS))
    hidden_queues: set[str] = field(default_factory=set)
    show_grid: bool = True
    show_charts: bool = True


class Preferences:
    """Typed access to QSettings; tests hand in an INI-file QSettings of their own."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings("callfloor", "console")

    def layout(self) -> Layout:
        s = self.settings
        tiles = s.value("layout/tiles", None)
        hidden = s.value("layout/hidden_queues", None)
        return Layout(
            tiles=[t for t in _as_list(tiles) if t in TILE_IDS] if tiles is not None
            else list(TILE_IDS),
            hidden_queues=set(_as_list(hidden)),
            show_grid=_as_bool(s.value("layout/show_grid", True)),
            show_charts=_as_bool(s.value("layout/show_charts", True)),
        )

    def save_layout(self, layout: Layout) -> None:
        s = self.settings
        s.setValue("layout/tiles", list(layout.tiles))
        s.setValue("layout/hidden_queues", sorted(layout.hidden_queues))
        s.setValue("layout/show_grid", layout.show_grid)
        s.setValue("layout/show_charts", layout.show_charts)
        s.sync()

    def get(self, key: str, default: str) -> str:
        return str(self.settings.value(key, default))

    def set(self, key: str, value: object) -> None:
        self.settings.setValue(key, value)
        self.settings.sync()

    def geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def muted(self) -> bool:
        return _as_bool(self.settings.value("sound/muted", False))


def _as_list(value: object) -> list[str]:
    """QSettings returns a str for one-item lists and None/'' for empty ones."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[attr-defined]


def _as_bool(value: object) -> bool:
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
