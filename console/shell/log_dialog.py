"""Shows the local switchlink's log file, refreshed while open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

#: The tail shown, so a long-running daemon's log does not flood the dialog.
TAIL_BYTES = 256 * 1024


class LogDialog(QDialog):
    """The tail of the daemon log; says plainly when there is none (``--connect``)."""

    def __init__(self, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("logDialog")
        self.resize(900, 500)
        self.where = QLabel(self)
        self.text = QPlainTextEdit(self, readOnly=True, objectName="logText")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one record a line
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        self.retranslate_ui()
        self.reload()

    def reload(self) -> None:
        if self.path is None or not self.path.exists():
            return
        with self.path.open("rb") as fh:
            size = fh.seek(0, 2)
            fh.seek(max(0, size - TAIL_BYTES))
            content = fh.read().decode("utf-8", errors="replace")
        if content != self.text.toPlainText():
            self.text.setPlainText(content)
            self.text.moveCursor(QTextCursor.MoveOperation.End)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("switchlink log"))
        if self.path is None:
            self.where.setText(self.tr("Attached to a remote switchlink: its log is on that "
                                       "machine."))
        else:
            self.where.setText(self.tr("Log file: {path}").format(path=self.path))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
