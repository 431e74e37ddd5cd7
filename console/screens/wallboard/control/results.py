"""What came of an action: a line on the board per action, and a list per agent for a bulk one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
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


class OutcomeModel(QAbstractTableModel):
    """The bulk result as a model: the view reads only the rows it shows (a 500-row
    QTableWidget with wrapped rows took ~190 ms of GUI thread to build on the large floor)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SupervisorControl", "Agent"),
        QT_TRANSLATE_NOOP("SupervisorControl", "Name"),
        QT_TRANSLATE_NOOP("SupervisorControl", "Result"),
    )

    def __init__(self, outcomes: list[Outcome], names: dict[str, str], parent: Any = None):
        super().__init__(parent)
        # refusals first: they are what the person has to look at
        self.outcomes = sorted(outcomes, key=lambda o: (o.ok, o.target))
        self.names = names
        self.words: dict[int, str] = {}

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def text(self, row: int, col: int) -> str:
        outcome = self.outcomes[row]
        if col == 0:
            return outcome.target
        if col == 1:
            return self.names.get(outcome.target, "")
        words = self.words.get(row)
        if words is None:
            words = self.words[row] = outcome.words()
        return words

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return colour_of(self.outcomes[index.row()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SupervisorControl", self.HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.words.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self.outcomes:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.outcomes) - 1, 2))


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
        self.model = OutcomeModel(outcomes, names, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # one line per agent; the whole refusal in the tooltip
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(980, 440)
        self.retranslate_ui()

    def counts(self) -> tuple[int, int]:
        done = sum(1 for o in self.outcomes if o.ok)
        return done, len(self.outcomes) - done

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows, refusals first."""
        return [tuple(self.model.text(r, c) for c in range(3))  # type: ignore[misc]
                for r in range(self.model.rowCount())]

    def retranslate_ui(self) -> None:
        done, refused = self.counts()
        self.heading.setText(
            QCoreApplication.translate(
                "SupervisorControl", "{done} done, {refused} refused"
            ).format(done=f"{done:,}", refused=f"{refused:,}")
        )
        self.model.retranslate()
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(o.target) for o in self.outcomes[:5000]),
                     default=40)
        self.table.setColumnWidth(0, max(widest, metrics.horizontalAdvance(
            self.model.headerData(0, Qt.Orientation.Horizontal))) + 24)
        self.table.setColumnWidth(1, 130)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
