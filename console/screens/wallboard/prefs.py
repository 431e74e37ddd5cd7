"""The wall-board's remembered choices: its layout, and whether the alarm sound is muted."""

from __future__ import annotations

from dataclasses import dataclass, field

from console.common.preferences import Preferences
from console.screens.wallboard.floor import TILE_IDS
from console.screens.wallboard.models.queue_table import COLUMN_KEYS, DEFAULT_HIDDEN_COLUMNS


@dataclass
class Layout:
    """What the wall-board shows."""

    tiles: list[str] = field(default_factory=lambda: list(TILE_IDS))
    hidden_queues: set[str] = field(default_factory=set)
    show_grid: bool = True
    show_charts: bool = True
    #: queue table columns not shown (their keys); the queue name always is
    hidden_columns: set[str] = field(default_factory=lambda: set(DEFAULT_HIDDEN_COLUMNS))


def load_layout(prefs: Preferences) -> Layout:
    tiles = prefs.strings("layout/tiles")
    columns = prefs.strings("layout/hidden_queue_columns")
    return Layout(
        tiles=[t for t in tiles if t in TILE_IDS] if tiles is not None else list(TILE_IDS),
        hidden_queues=set(prefs.strings("layout/hidden_queues") or []),
        show_grid=prefs.flag("layout/show_grid", True),
        show_charts=prefs.flag("layout/show_charts", True),
        hidden_columns=({c for c in columns if c in COLUMN_KEYS} if columns is not None
                        else set(DEFAULT_HIDDEN_COLUMNS)),
    )


def save_layout(prefs: Preferences, layout: Layout) -> None:
    prefs.set_many([("layout/tiles", list(layout.tiles)),
                    ("layout/hidden_queues", sorted(layout.hidden_queues)),
                    ("layout/show_grid", layout.show_grid),
                    ("layout/show_charts", layout.show_charts),
                    ("layout/hidden_queue_columns", sorted(layout.hidden_columns))])


def sound_muted(prefs: Preferences) -> bool:
    return prefs.flag("sound/muted", False)
