"""The emergency-notice dialog: what callers hear after the welcome, and for how long."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

_C = "NoticeDialog"


def ask_notice(parent: QWidget, text: str = "") -> tuple[str, int] | None:
    """(text, minutes) to set, ("", 0) to clear, None if cancelled."""
    tr = lambda s: QCoreApplication.translate(_C, s)  # noqa: E731
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Emergency notice"))
    form = QFormLayout(dialog)
    edit = QLineEdit(text)
    edit.setMaxLength(300)
    edit.setPlaceholderText(tr("e.g. 受台风影响，部分地区通信中断，正在抢修。"))
    minutes = QSpinBox()
    minutes.setRange(1, 7 * 24 * 60)
    minutes.setValue(60)
    minutes.setSuffix(tr(" min"))
    form.addRow(tr("Callers hear (at most 20 s):"), edit)
    form.addRow(tr("Expires after:"), minutes)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    clear = buttons.addButton(tr("Clear the notice"), QDialogButtonBox.ButtonRole.ResetRole)
    cleared = []
    clear.clicked.connect(lambda: (cleared.append(True), dialog.accept()))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if cleared or not edit.text().strip():
        return "", 0
    return edit.text().strip(), minutes.value()
