"""What came of an action: a line on the board per action, and a list per agent for a bulk one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.wallboard.control.table import REFUSALS

_C = "SupervisorControl"
_DONE = QColor("#2e7d32")
_REFUSED = QColor("#c62828")
_PENDING = QColor("#ef6c00")


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


@dataclass(frozen=True)
class Outcome:
    """One target's result: ``ok``, ``pending`` (sign-out booked), or the refusal."""

    target: str
    ok: bool
    pending: bool = False
    code: str = ""
    message: str = ""

    def words(self) -> str:
        if self.ok:
            return (
                QCoreApplication.translate(
                    "SupervisorControl", "pending: signs out when the call ends"
                )
                if self.pending
                else QCoreApplication.translate("SupervisorControl", "done")
            )
        why = tr(REFUSALS[self.code]) if self.code in REFUSALS else self.code
        return QCoreApplication.translate("SupervisorControl", "refused ({why}): {message}").format(
            why=why, message=self.message
        )


class ResultLine(QLabel):
    """The newest results above the grid, coloured, newest first: nobody waits in a dialog."""

    KEEP = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controlResult")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.lines: list[tuple[str, str]] = []
        self.setVisible(False)

    def add(self, text: str, colour: QColor) -> None:
        self.lines.insert(0, (text, colour.name()))
        del self.lines[self.KEEP :]
        from html import escape

        self.setText(
            "<br>".join(f'<span style="color:{c}">{escape(t)}</span>' for t, c in self.lines)
        )
        self.setToolTip(self.lines[0][0])
        self.setVisible(True)

    def latest(self) -> str:
        return self.lines[0][0] if self.lines else ""


def colour_of(outcome: Outcome) -> QColor:
    return _PENDING if outcome.pending else _DONE if outcome.ok else _REFUSED


class BulkResultDialog(QDialog):
    """Each agent of a bulk action: done, pending, or refused and why (non-modal)."""

    def __init__(
        self,
        title: str,
        names: dict[str, str],
        outcomes: list[Outcome],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkResult")
        self.setWindowTitle(title)
        self.outcomes = outcomes
        self.names = names
        layout = QVBoxLayout(self)
        self.heading = QLabel(self, wordWrap=True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(len(outcomes), 3, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(820, 440)
        self.retranslate_ui()

    def counts(self) -> tuple[int, int]:
        done = sum(1 for o in self.outcomes if o.ok)
        return done, len(self.outcomes) - done

    def retranslate_ui(self) -> None:
        done, refused = self.counts()
        self.heading.setText(
            QCoreApplication.translate(
                "SupervisorControl", "{done} done, {refused} refused"
            ).format(done=f"{done:,}", refused=f"{refused:,}")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SupervisorControl", "Agent"),
                QCoreApplication.translate("SupervisorControl", "Name"),
                QCoreApplication.translate("SupervisorControl", "Result"),
            ]
        )
        # refusals first: they are what the person has to look at
        ordered = sorted(self.outcomes, key=lambda o: (o.ok, o.target))
        for row, outcome in enumerate(ordered):
            cells = (outcome.target, self.names.get(outcome.target, ""), outcome.words())
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(colour_of(outcome))
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()  # a long refusal wraps instead of ending in "…"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
