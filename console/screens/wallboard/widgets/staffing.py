"""The staffing strip under the queue table: the centre's needed vs staffed agents, which
queues are short, and the forecast of the next half hours (issue 18).

Reads ``staffing/center`` and ``staffing/queue/<id>`` from the mirror — the same frame the
queue table's Staffed / Needed columns come from, so the strip and the table always agree.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from console.screens.wallboard import staffing
from console.screens.wallboard.staffing import SHORT_BG, SHORT_FG

#: queues named in the strip at most (the table has the rest, worst first)
NAMED_QUEUES = 3


class StaffingStrip(QWidget):
    """One line a floor manager reads from across the room: short where, and what is coming."""

    def __init__(self, mirror: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffingStrip")
        self.mirror = mirror
        self.now = QLabel(self, objectName="staffingNow")
        self.ahead = QLabel(self, objectName="staffingAhead")
        # one line beside the complaint counter: two lines took a queue row from a 1080p wall.
        # Neither label widens the window; what does not fit is cut at the right and the
        # whole line is in the tooltip
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        for label in (self.now, self.ahead):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.now, 3)
        row.addWidget(self.ahead, 2)
        self.refresh()

    def apply(self, keys: set[str]) -> None:
        if any(k.startswith("staffing/") for k in keys):
            self.refresh()

    def short_queues(self) -> list[tuple[str, int]]:
        """(name, agents short), most short first."""
        out = []
        for key, record in self.mirror.items("staffing/queue/").items():
            short = staffing.short_by(record)
            if short:
                out.append((str(record.get("name") or key[len("staffing/queue/"):]), short))
        return sorted(out, key=lambda item: (-item[1], item[0]))

    def refresh(self) -> None:
        center = self.mirror.get("staffing/center")
        if not center:
            self.now.setText(self.tr("Staffing: figures come once a minute"))
            self.ahead.setText("")
            self._colour(False)
            return
        short = self.short_queues()
        if short:
            named = ", ".join(self.tr("{queue} −{n}").format(queue=name, n=n)
                              for name, n in short[:NAMED_QUEUES])
            if len(short) > NAMED_QUEUES:
                named += self.tr(" and {n} more").format(n=len(short) - NAMED_QUEUES)
            text = self.tr("Short of agents: {queues}").format(queues=named)
        else:
            text = self.tr("Every queue staffed to its target")
        centre_short = center.get("agents_short")
        if not short and isinstance(centre_short, int) and centre_short > 0:
            # each queue has enough of the agents it shares with the others, but the floor
            # has fewer agents at work than the queues need together
            text = self.tr("The centre is short by {n} agents").format(n=centre_short)
        totals = self.tr("needed {needed} · staffed {staffed}").format(
            needed=staffing.number(center.get("required") or 0),
            staffed=staffing.number(center.get("available") or 0))
        self.now.setText(f"{text}    ({totals})")
        self.now.setToolTip(self.tr(
            "Agents Erlang C needs now for each queue's service-level target, from the last "
            "30 minutes, against agents logged in and not in not-ready. In the queue table an "
            "agent with several skill groups counts in each of them; here, in the centre's "
            "total, once."))
        ahead = center.get("ahead") or []
        self.ahead.setText(self.tr("Next: {slots}").format(slots=staffing.ahead_text(ahead))
                           if ahead else self.tr("Next: no forecast yet (needs stored history)"))
        self.ahead.setToolTip(self.tr(
            "Forecast calls per half hour (mean of the same weekday and half hour over the "
            "last four weeks, scaled by today's level so far) and the agents Erlang C needs "
            "for them"))
        self._colour(bool(short) or (isinstance(centre_short, int) and centre_short > 0))

    def _colour(self, short: bool) -> None:
        style = (f"color: {SHORT_FG.name()}; background: {SHORT_BG.name()}; font-weight: bold"
                 if short else "")
        self.now.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
