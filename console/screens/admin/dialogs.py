"""The admin screen's dialogs: a user (new or edited) and a password reset. Each sends its
command itself and stays open with the refusal in one line until switchlink says done."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.common.access import role_label

#: send(command, args, on_success, on_failure)
Send = Callable[[str, dict[str, Any], Callable[[Any], None], Callable[[Any], None]], None]


def parse_teams(text: str) -> list[str]:
    """"T1, T2  T3" -> ["T1", "T2", "T3"] (commas, 、 or spaces; duplicates dropped)."""
    seen: list[str] = []
    for part in re.split(r"[,\s、，]+", text.strip()):
        if part and part not in seen:
            seen.append(part)
    return seen


class _CommandDialog(QDialog):
    def __init__(self, send: Send, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.send = send
        self.form = QFormLayout()
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.error.setStyleSheet("color: #e04040; font-weight: bold")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def run(self, command: str, args: dict[str, Any]) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)

        def done(_data: Any) -> None:
            ok.setEnabled(True)
            self.accept()

        def refused(err: Any) -> None:
            ok.setEnabled(True)
            self.show_error(str(getattr(err, "message", err)))

        self.send(command, args, done, refused)


class UserDialog(_CommandDialog):
    """A new user (name, role, first password, teams, department) or an edited one."""

    def __init__(self, send: Send, roles: Iterable[str], user: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(send, parent)
        self.setObjectName("userDialog")
        self.user = user
        self.username = QLineEdit(objectName="userName", maxLength=64)
        self.display_name = QLineEdit(objectName="userDisplayName", maxLength=100)
        self.role = QComboBox(objectName="userRole")
        for role in roles:
            self.role.addItem(role_label(role), role)
        self.teams = QLineEdit(objectName="userTeams")
        self.department = QLineEdit(objectName="userDepartment", maxLength=64)
        self.password = QLineEdit(objectName="userPassword", maxLength=256)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel() for _ in range(6)]
        rows: list[QWidget] = [self.username, self.display_name, self.role, self.teams,
                               self.department, self.password]
        for label, field in zip(self.labels, rows, strict=True):
            self.form.addRow(label, field)
        if user is not None:
            self.username.setText(str(user.get("username", "")))
            self.username.setReadOnly(True)
            self.display_name.setText(str(user.get("display_name") or ""))
            self.role.setCurrentIndex(max(0, self.role.findData(user.get("role"))))
            self.teams.setText(", ".join(user.get("teams") or ()))
            self.department.setText(str(user.get("department") or ""))
            self.password.hide()
            self.labels[-1].hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New user") if self.user is None else
                            self.tr("Edit user {name}").format(name=self.username.text()))
        for label, text in zip(self.labels, (
                self.tr("User name:"), self.tr("Display name:"), self.tr("Role:"),
                self.tr("Teams:"), self.tr("Department:"), self.tr("First password:")),
                strict=True):
            label.setText(text)
        self.teams.setPlaceholderText(self.tr("e.g. T1, T2 — empty: every team"))
        self.password.setToolTip(self.tr("The person must change it at the first login."))

    def submit(self) -> None:
        name = self.username.text().strip()
        if not name:
            self.show_error(self.tr("Enter a user name."))
            return
        args: dict[str, Any] = {
            "username": name, "role": self.role.currentData(),
            "teams": parse_teams(self.teams.text()),
            "department": self.department.text().strip(),
            "display_name": self.display_name.text().strip()}
        if self.user is None:
            if not self.password.text():
                self.show_error(self.tr("Enter a first password."))
                return
            args["password"] = self.password.text()
            self.run("users.create", args)
        else:
            self.run("users.update", args)


class ResetPasswordDialog(_CommandDialog):
    """A new password an administrator gives; the person must change it at the next login."""

    def __init__(self, send: Send, username: str, parent: QWidget | None = None) -> None:
        super().__init__(send, parent)
        self.setObjectName("resetPasswordDialog")
        self.username = username
        self.note = QLabel(wordWrap=True)
        self.first = QLineEdit(objectName="resetPassword", maxLength=256)
        self.second = QLineEdit(objectName="resetRepeat", maxLength=256)
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(), QLabel()]
        self.form.addRow(self.note)
        self.form.addRow(self.labels[0], self.first)
        self.form.addRow(self.labels[1], self.second)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset the password of {name}").format(name=self.username))
        self.note.setText(self.tr("Their open sessions end now, and they must choose their own "
                                  "password at the next login."))
        self.labels[0].setText(self.tr("New password:"))
        self.labels[1].setText(self.tr("Repeat it:"))

    def submit(self) -> None:
        if not self.first.text():
            self.show_error(self.tr("Enter the new password."))
            return
        if self.first.text() != self.second.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        self.run("users.reset_password", {"username": self.username,
                                          "password": self.first.text()})
