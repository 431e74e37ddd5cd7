"""Big-number tiles: value, title, and the worst alarm level in colour and in words."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from console.screens.wallboard import floor


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed, children included
    (their rules select on the parent's property)."""
    for w in (widget, *widget.findChildren(QLabel)):
        w.style().unpolish(w)
        w.style().polish(w)


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (its tooltip holds the whole text):
    a centred QLabel too narrow for its text cut both ends ("rvice level (15 m")."""

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.text()
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        if not text or metrics.horizontalAdvance(text) <= rect.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(rect, int(self.alignment()),
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()


class Tile(QFrame):
    """One metric; ``level`` and ``stale`` are style-sheet properties (see resources/styles)."""

    def __init__(self, spec: floor.TileSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("tile")
        self.setProperty("level", "none")
        self.setProperty("stale", False)
        self.title = ElidedLabel(objectName="tileTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.value = QLabel("–", objectName="tileValue", alignment=Qt.AlignmentFlag.AlignCenter)
        self.sub = ElidedLabel("", objectName="tileSub", alignment=Qt.AlignmentFlag.AlignCenter)
        self.level_text = ElidedLabel("", objectName="tileLevel",
                                      alignment=Qt.AlignmentFlag.AlignCenter)
        for label in (self.title, self.sub, self.level_text):
            # a long queue name elides inside the tile instead of widening the whole row
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.sub)
        layout.addWidget(self.level_text)
        self.sub.setVisible(spec.secondary is not None)
        self.level: str | None = None
        self.where = ""
        self.worse = ""
        self.raw: Any = None
        self.raw_secondary: Any = None
        self.retranslate_ui()

    def set_value(self, raw: Any, secondary: Any = None) -> None:
        self.raw = raw
        self.value.setText(self.spec.fmt(raw))
        if self.spec.secondary is not None:
            self.raw_secondary = secondary
            self._sub_words()

    def set_level(self, level: str | None, where: str = "", worse: str = "") -> None:
        """Colour from the worst active alarm, with the level in words (never colour alone)
        and, when that alarm is not center-wide, where it is (e.g. a queue's name);
        ``worse`` names a worse alarm on another queue than the one whose value is shown."""
        where = where if level else ""
        if (where, worse) != (self.where, self.worse):
            self.where, self.worse = where, worse
            self._level_words()
        if level != self.level:
            self.level = level
            self.setProperty("level", level or "none")
            repolish(self)
            self._fit_type()  # re-polishing puts the style sheet's small font back
            self._level_words()

    def set_stale(self, stale: bool) -> None:
        if bool(self.property("stale")) != stale:
            self.setProperty("stale", stale)
            repolish(self)
            self._fit_type()

    def _level_words(self) -> None:
        if self.level:
            text = self.tr("{level} alarm").format(level=floor.level_label(self.level))
            if self.where:
                text = f"{text} · {self.where}"
            self.level_text.setText(text)
        else:
            self.level_text.setText(self.tr("Normal"))
        if self.worse:
            self.level_text.setText(self.tr("{caption} (worse: {where})").format(
                caption=self.level_text.text(), where=self.worse))
        self.level_text.setToolTip(self.level_text.text())

    def _sub_words(self) -> None:
        if self.spec.secondary == "longest_wait_queue":  # where the big number is
            self.sub.setText(self.tr("in {queue}").format(queue=self.raw_secondary)
                             if self.raw_secondary else "")
            return
        if self.spec.secondary == "warned_today":  # connected with a warning, not blocked
            self.sub.setText(self.tr("Warned {value}").format(
                value=self.spec.fmt(self.raw_secondary)))
            return
        self.sub.setText(self.tr("Today {value}").format(
            value=self.spec.fmt(self.raw_secondary)))

    def retranslate_ui(self) -> None:
        self.title.setText(floor.translate("Tile", self.spec.label))
        self._level_words()
        if self.spec.secondary is not None:
            self._sub_words()
        self.setToolTip(floor.translate("Tile", self.spec.label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_type(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _fit_type(self, width: int | None = None, height: int | None = None) -> None:
        """Auto-fit: type scales with the tile, so 1080p and 4K walls both read well."""
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        # up to four lines (title, number, today's figure, level): their type must stay below
        # the tile's height, or a bigger font asks the layout for more height and tiles grow
        # until they squeeze the tables off the screen; the same sizes on every tile
        big = QFont(self.value.font())
        big.setPixelSize(max(14, min(int(height * 0.36), int(width * 0.22))))
        big.setBold(True)
        self.value.setFont(big)
        small = QFont(self.title.font())
        small.setPixelSize(max(10, min(int(height * 0.115), int(width * 0.085))))
        self.title.setFont(small)
        self.level_text.setFont(small)
        self.sub.setFont(small)


#: a compact board's height at 1080p (one row of tiles: a big floor gives the height to the
#: queue table and the summary per group)
COMPACT_HEIGHT = 120


class TileBoard(QWidget):
    """The row(s) of tiles, fed from ``metrics/center`` and the active alarms."""

    def __init__(self, columns: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {spec.id: Tile(spec, self) for spec in floor.TILES}
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.columns = columns
        #: one row of tiles, at most COMPACT_HEIGHT × scale tall (a big floor)
        self.compact = False
        self.scale = 1.0
        self.shown: list[str] = []
        self.set_visible_tiles(list(floor.TILE_IDS))

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.set_visible_tiles(self.shown)
            self.set_scale(self.scale)

    def set_scale(self, scale: float) -> None:
        """Auto-fit (1080p = 1.0): the compact board's height grows with the window."""
        self.scale = scale
        self.setMaximumHeight(int(COMPACT_HEIGHT * scale) if self.compact else 16_777_215)

    def set_visible_tiles(self, ids: list[str]) -> None:
        """Show these tiles in this order; the rest are hidden (layout settings)."""
        for tile in self.tiles.values():
            self._layout.removeWidget(tile)
            tile.hide()
        shown = self.shown = [i for i in ids if i in self.tiles]
        per_row = max(1, min(self.columns, (len(shown) + 1) // 2 if len(shown) > 5 else
                             len(shown) or 1))
        if self.compact:
            per_row = max(1, len(shown))
        for n, tile_id in enumerate(shown):
            self._layout.addWidget(self.tiles[tile_id], n // per_row, n % per_row)
            self.tiles[tile_id].show()

    def update_values(self, metrics: dict[str, Any], alarms: dict[str, dict[str, Any]],
                      place: Callable[[str], str] = str,
                      active: Iterable[dict[str, Any]] = ()) -> None:
        """``alarms``: the worst alarm per metric base (floor.worst_alarm_by_metric);
        ``place`` names a scope that is not the whole center (e.g. a queue's name);
        ``active``: every active alarm, for a tile whose value is one queue's."""
        active = list(active)
        for tile in self.tiles.values():
            secondary = tile.spec.secondary
            tile.set_value(metrics.get(tile.spec.metric),
                           metrics.get(secondary) if secondary else None)
            alarm = alarms.get(floor.metric_base(tile.spec.metric))
            if secondary == "longest_wait_queue" and metrics.get("longest_wait_scope"):
                self._caption_shown_queue(tile, metrics["longest_wait_scope"], alarm, active,
                                          place)
                continue
            if alarm is None:
                tile.set_level(None)
                continue
            scope = str(alarm.get("scope") or "center")
            if scope == "center":
                tile.set_level(alarm["level"])
                continue
            # the alarm's own value next to its queue: the big number is the centre's and
            # may belong to another queue (1:06 is not the 0:30 that raised 故障报修07's alarm)
            value = alarm.get("value")
            where = place(scope) if value is None else f"{place(scope)} {tile.spec.fmt(value)}"
            tile.set_level(alarm["level"], where)

    @staticmethod
    def _caption_shown_queue(tile: Tile, scope: str, worst: dict[str, Any] | None,
                             active: list[dict[str, Any]], place: Callable[[str], str]) -> None:
        """The big number is one queue's (the longest wait): colour and words are that
        queue's own alarm; a worse alarm elsewhere is named as such, never as this value."""
        own = floor.own_alarm(active, tile.spec.metric, scope)
        level = own["level"] if own else None
        worse = ""
        if worst is not None and (level is None or floor.LEVEL_RANK[worst["level"]]
                                  > floor.LEVEL_RANK[level]):
            worse = f"{place(str(worst.get('scope') or 'center'))} " \
                    f"{floor.level_label(worst['level'])}"
        tile.set_level(level, place(scope), worse)

    def set_stale(self, stale: bool) -> None:
        for tile in self.tiles.values():
            tile.set_stale(stale)

    def set_no_data(self) -> None:
        """Before the first snapshot: no figures and no "Normal", since nothing is known."""
        for tile in self.tiles.values():
            tile.set_value(None, None)
            tile.set_level(None)
            tile.level_text.setText("")
