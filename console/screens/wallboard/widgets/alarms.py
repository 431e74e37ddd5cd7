"""The alarm list with acknowledge-with-a-note, and the dialog that asks for the note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.common.table_model import ID_ROLE, SORT_ROLE
from console.screens.wallboard.models.alarm_list import (
    ACKED,
    LEVEL,
    PLAN,
    SINCE,
    THRESHOLD,
    VALUE,
    AlarmListModel,
    fmt_metric,
    fmt_plan,
    level_text,
    metric_label,
)


class AckDialog(QDialog):
    """Asks for the note an acknowledgement must carry; refuses an empty one, saying why."""

    def __init__(self, alarm: dict[str, Any], parent: QWidget | None = None,
                 scope_text: str = "") -> None:
        super().__init__(parent)
        self.alarm = alarm
        #: the scope as people say it (a queue's name, not ``queue:billing``)
        self.scope_text = scope_text or str(alarm.get("scope", ""))
        self.setObjectName("ackDialog")
        self.setMinimumWidth(480)
        self.summary = QLabel(self, wordWrap=True)
        self.plan = QLabel(self, wordWrap=True, objectName="ackPlan")
        self.note = QPlainTextEdit(self, objectName="ackNote")
        self.error = QLabel(self, objectName="ackError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.plan)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        a = self.alarm
        metric = str(a.get("metric", ""))
        self.setWindowTitle(self.tr("Acknowledge alarm"))
        self.summary.setText(self.tr("{level} alarm on {metric} in {scope}: {value} vs {threshold}")
                             .format(level=level_text(a),
                                     metric=metric_label(metric), scope=self.scope_text,
                                     value=fmt_metric(metric, a.get("value")),
                                     threshold=fmt_metric(metric, a.get("threshold"))))
        plan = fmt_plan(a.get("dispatch_plan"))
        self.plan.setText(self.tr("Dispatch plan: {plan}").format(plan=plan) if plan else "")
        self.plan.setVisible(bool(plan))
        self.note.setPlaceholderText(self.tr("What is being done about it (required)"))

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def accept(self) -> None:
        if not self.note_text():
            self.error.setText(self.tr("Please write a note: the acknowledgement is audited."))
            return
        super().accept()


#: room beside a header title: padding and frame, and the sort arrow of the sorted column
HEADER_PAD, ARROW = 10, 16
#: a cell's text margins
CELL_PAD = 8
#: columns whose cells never wrap (numbers and times): never narrower than their contents
UNBROKEN = (VALUE, THRESHOLD, SINCE)


class AlarmProxy(QSortFilterProxyModel):
    """The list's order, and header titles too wide for their column on two lines
    ("Acknowledged by" was cut to "knowledged" in an empty list on a 1080p wall)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: columns whose title is shown on two lines
        self.wrapped: set[int] = set()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        text = super().headerData(section, orientation, role)
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and section in self.wrapped and isinstance(text, str)):
            return two_lines(text)
        return text

    def set_wrapped(self, columns: set[int]) -> None:
        if columns != self.wrapped:
            self.wrapped = columns
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


def _has_cjk(word: str) -> bool:
    return any(ch >= "\u2e80" for ch in word)


def two_lines(text: str) -> str:
    """Break a title at the space nearest its middle (a title without spaces stays whole)."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(len(text) - 2 * i))
    return text[:cut] + "\n" + text[cut + 1:]


class AlarmPanel(QWidget):
    """Active alarms, worst first; Acknowledge (Ctrl+K) sends ``alarms.ack`` with a note."""

    #: a user-facing message about an acknowledgement (sent, done, refused)
    message = Signal(str)

    def __init__(self, model: AlarmListModel, send: Callable[..., str],
                 can_ack: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.send = send
        self.can_ack = can_ack
        # who may acknowledge, when this role may not (set by the screen from Access)
        self.why_not_ack: Callable[[], str] = lambda: ""
        self.proxy = AlarmProxy(self)
        self.proxy.setDynamicSortFilter(False)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(model)
        self.table = QTableView(self, objectName="alarmTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # the dispatch plan is what people act on: it takes the width the other columns leave
        # and wraps onto more lines, never cut or pushed off a 1080p wall by a wide level text
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(PLAN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        self.table.setSortingEnabled(True)
        self.title = QLabel(self, objectName="panelTitle")
        self.ack_button = QPushButton(self, objectName="ackButton")
        self.ack_button.clicked.connect(self.acknowledge_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.dialog_factory: Callable[[dict[str, Any]], AckDialog] = (
            lambda alarm: AckDialog(
                alarm, self, scope_text=self.model.scope_label(str(alarm.get("scope", "")))))
        self.retranslate_ui()
        self.resort()

    def resort(self) -> None:
        """Worst level first; called once per frame that changed alarms."""
        self.proxy.sort(LEVEL, Qt.SortOrder.DescendingOrder)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column but the plan fits its contents up to a sixth of the width (longer
        texts wrap); the plan stretches over the rest, at least a third of the width when the
        titles allow. A column is never narrower than its title on two lines: a title that
        does not fit in one line breaks at a space, so it is never cut."""
        header = self.table.horizontalHeader()
        width = max(1, self.table.viewport().width())
        cap = max(48, width // 6)
        bold = QFont(header.font())
        bold.setBold(True)  # the style sheets set header sections bold
        metrics = QFontMetrics(bold)
        widths, floors, whole, titles = [], [], [], []
        sorted_by = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
        # "Acknowledged by" only while someone has acknowledged: an empty column took the
        # width the plan needs (the plan then wrapped into a row taller than the list)
        acked = any(self.proxy.index(r, ACKED).data() for r in range(self.proxy.rowCount()))
        if self.table.isColumnHidden(ACKED) == acked:
            self.table.setColumnHidden(ACKED, not acked)
        for c in range(PLAN):
            if c == ACKED and not acked:
                widths.append(0), floors.append(0), whole.append(0), titles.append(0)
                continue
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
            # the style sheets' padding (4 px a side) and frame; the arrow of the sorted column
            spare = HEADER_PAD + (ARROW if c == sorted_by else 0)
            one_line = metrics.horizontalAdvance(title) + spare
            content = self.table.sizeHintForColumn(c)
            floors.append(max(metrics.horizontalAdvance(line)
                              for line in two_lines(title).split("\n")) + spare)
            titles.append(floors[-1])
            if c in UNBROKEN:  # a time or a number does not wrap: "02:29:3" was cut
                floors[-1] = max(floors[-1], min(cap, content))
            else:  # nor does a word: "(escalated, not acknowledged)" lost its ends
                floors[-1] = max(floors[-1], self._longest_word(c))
            whole.append(one_line)
            widths.append(max(floors[-1], min(cap, max(content, one_line))))
        budget = width - width // 3
        if sum(widths) > budget:  # a narrow panel: shrink the others, not their titles
            spare = [w - f for w, f in zip(widths, floors, strict=True)]
            cut = min(sum(spare), sum(widths) - budget)
            if cut > 0:
                total = sum(spare)  # rounded up, so the plan keeps its third
                widths = [w - min(s, -(-cut * s // total)) for w, s in zip(widths, spare,
                                                                           strict=True)]
        # the plan's own title is never cut either ("Dispatch pla"): long words give way first
        plan_title = str(self.model.headerData(PLAN, Qt.Orientation.Horizontal) or "")
        # (4 px padding a side: the plan has no sort arrow and no frame to spare for)
        excess = sum(widths) - (width - metrics.horizontalAdvance(plan_title) - 8)
        room = [w - t for w, t in zip(widths, titles, strict=True)]
        if excess > 0 and sum(room) > 0:
            cut, total = min(excess, sum(room)), sum(room)
            widths = [w - min(r, -(-cut * r // total)) for w, r in zip(widths, room,
                                                                       strict=True)]
        self.proxy.set_wrapped({c for c in range(PLAN) if widths[c] < whole[c]})
        for column, w in enumerate(widths):
            if w:
                header.resizeSection(column, w)

    def _longest_word(self, column: int, rows: int = 50) -> int:
        """Width of the longest word in the column's first rows (the worst alarms, on
        screen), with the cell's margins. Chinese wraps between any two characters, so only
        words without CJK characters count."""
        metrics = self.table.fontMetrics()
        widest = 0
        for row in range(min(rows, self.proxy.rowCount())):
            text = self.proxy.index(row, column).data()
            if isinstance(text, str) and text:
                widest = max(widest, 0, *(metrics.horizontalAdvance(w) for w in text.split()
                                          if not _has_cjk(w)))
        return widest + CELL_PAD if widest else 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def ack_words(self) -> str:
        """What the role may not do, for "Only … may acknowledge alarms"."""
        return self.tr("acknowledge alarms")

    def set_can_ack(self, allowed: bool) -> None:
        self.can_ack = allowed
        self.retranslate_ui()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].data(ID_ROLE)
        if self.proxy.rowCount():
            return self.proxy.index(0, 0).data(ID_ROLE)
        return None

    def acknowledge_selected(self) -> None:
        """Open the note dialog for the selected (or worst) alarm and send the ack."""
        if not self.can_ack:
            self.message.emit(self.why_not_ack()
                              or self.tr("Your role may not acknowledge alarms."))
            return
        alarm_id = self.selected_id()
        alarm = self.model.mirror.get("alarm/" + alarm_id) if alarm_id else None
        if not alarm_id or not alarm:
            self.message.emit(self.tr("There is no active alarm to acknowledge."))
            return
        dialog = self.dialog_factory(alarm)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send("alarms.ack", {"alarm": alarm_id, "note": dialog.note_text()},
                  on_success=lambda *_: self.message.emit(
                      self.tr("Alarm {id} acknowledged.").format(id=alarm_id)),
                  on_failure=lambda err=None, *_: self.message.emit(
                      self.tr("Acknowledgement refused: {reason}").format(reason=_reason(err))))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Active alarms"))
        self.ack_button.setText(self.tr("Acknowledge…"))
        self.ack_button.setEnabled(self.can_ack)
        self.ack_button.setToolTip(self.tr("Acknowledge the selected alarm with a note (Ctrl+K)")
                                   if self.can_ack else
                                   self.why_not_ack()
                                   or self.tr("Your role may not acknowledge alarms"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _reason(err: Any) -> str:
    """A failure payload as text: the client's error object, a dict or a string."""
    if err is None:
        return "?"
    if isinstance(err, dict):
        return str(err.get("message") or err.get("code") or err)
    message = getattr(err, "message", None)
    return str(message or err)
