"""The log-in and change-password dialogs: asynchronous (the wall keeps moving while argon2
checks the password on the daemon), a refusal is one line in the dialog and the person retries."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: lupdate reads translate("Context", "text") with a literal context
translate = QCoreApplication.translate

#: how long a login / passwd may take (argon2 on a loaded daemon) before we say so
ANSWER_TIMEOUT_S = 15.0


def refusal_line(err: Any) -> str:
    """The one line for a refused login or password change, in the UI language."""

    code = str(getattr(err, "code", ""))
    message = str(getattr(err, "message", err))
    if code == "not_authenticated":
        return translate("LoginDialog", "Wrong user name or password.")
    if code == "locked_out":
        wait = re.search(r"(\d+) s\b", message)  # "… try again in 28 s (or ask …)"
        if wait is None:
            return message
        seconds = int(wait.group(1))
        return translate(
            "LoginDialog",
            "Too many failed logins: try again in %n s, or ask an administrator to unlock.",
            "",
            seconds,
        )
    if code in ("timeout", "link_down"):
        return translate("LoginDialog", "No answer from switchlink ({message}); try again.").format(
            message=message
        )
    return message


class LoginDialog(QDialog):
    """User name + password; on success the client holds the new session."""

    #: the ``login`` answer (session, username, role, permissions, …)
    logged_in = Signal(object)

    def __init__(
        self,
        client: Any,
        endpoint: str = "",
        note: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.client = client
        self.endpoint = endpoint
        self.note_text = note
        #: the title again inside: a window-modal sheet (or a wall without a window
        #: manager) shows no title bar
        self.heading = QLabel(objectName="loginHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt")
        self.note = QLabel(objectName="loginNote", wordWrap=True)
        self.user = QLineEdit(username, objectName="loginUser", maxLength=64)
        self.password = QLineEdit(objectName="loginPassword", maxLength=256)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="loginError", wordWrap=True)
        self.error.setStyleSheet("color: #e04040; font-weight: bold")
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok = QPushButton(objectName="loginOk", default=True)
        self.cancel = QPushButton(objectName="loginCancel", autoDefault=False)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        self.user_label, self.password_label = QLabel(), QLabel()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.note)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.retranslate()
        (self.password if username else self.user).setFocus()
        self.setMinimumWidth(420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in to switchlink"))
        self.heading.setText(self.windowTitle())
        where = (
            self.tr("switchlink at {endpoint}").format(endpoint=self.endpoint)
            if self.endpoint
            else ""
        )
        self.note.setText("\n".join(t for t in (self.note_text, where) if t))
        self.note.setVisible(bool(self.note.text()))
        self.user_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        self.ok.setText(self.tr("Log in"))
        self.cancel.setText(self.tr("Cancel (view only)"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        username = self.user.text().strip()
        if not username or not self.password.text():
            self.show_error(self.tr("Enter a user name and a password."))
            return
        self._busy(True)
        self.client.command(
            "login",
            {"username": username, "password": self.password.text()},
            on_success=self._done,
            on_failure=self._refused,
            timeout=ANSWER_TIMEOUT_S,
        )

    def _busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)
        self.user.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            self.show_error(self.tr("Logging in…"))

    def _done(self, data: Any) -> None:
        self._busy(False)
        if not isinstance(data, dict) or not data.get("session"):
            self.show_error(self.tr("switchlink gave no session; try again."))
            return
        self.client.session = str(data["session"])
        self.password.clear()
        self.logged_in.emit(data)
        self.accept()

    def _refused(self, err: Any) -> None:
        self._busy(False)
        self.password.clear()
        self.password.setFocus()
        self.show_error(refusal_line(err))


class ChangePasswordDialog(QDialog):
    """A password that must be changed (first login, reset by an administrator): nothing else
    works until it is, so the only other way out is to log out."""

    #: the password was changed
    changed = Signal()
    #: the person chose to log out instead
    logout_requested = Signal()

    def __init__(
        self, client: Any, username: str, forced: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.client = client
        self.username = username
        self.forced = forced
        self.heading = QLabel(objectName="passwordHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt")
        self.note = QLabel(objectName="passwordNote", wordWrap=True)
        self.first = QLineEdit(objectName="newPassword", maxLength=256)
        self.second = QLineEdit(objectName="repeatPassword", maxLength=256)
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="passwordError", wordWrap=True)
        self.error.setStyleSheet("color: #e04040; font-weight: bold")
        self.error.hide()
        self.ok = QPushButton(objectName="passwordOk", default=True)
        self.out = QPushButton(objectName="passwordLogout", autoDefault=False)
        self.ok.clicked.connect(self.submit)
        self.out.clicked.connect(self.reject)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.out, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        self.first_label, self.second_label = QLabel(), QLabel()
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.note)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(buttons)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, not forced)
        self.retranslate()
        self.setMinimumWidth(420)
        self.first.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change your password"))
        self.heading.setText(self.windowTitle())
        self.note.setText(
            self.tr(
                "{user}: your password was set by an administrator or is the first-run one. "
                "Choose your own before you go on."
            ).format(user=self.username)
            if self.forced
            else self.tr("{user}: choose a new password.").format(user=self.username)
        )
        self.first_label.setText(self.tr("New password:"))
        self.second_label.setText(self.tr("Repeat it:"))
        self.ok.setText(self.tr("Change password"))
        self.out.setText(self.tr("Log out") if self.forced else self.tr("Cancel"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        if not self.first.text():
            self.show_error(self.tr("Enter the new password."))
            return
        if self.first.text() != self.second.text():
            self.show_error(self.tr("The two passwords differ."))
            self.second.clear()
            self.second.setFocus()
            return
        self.ok.setEnabled(False)
        self.client.command(
            "passwd",
            {"password": self.first.text()},
            on_success=self._done,
            on_failure=self._refused,
            timeout=ANSWER_TIMEOUT_S,
        )

    def _done(self, _data: Any) -> None:
        self.ok.setEnabled(True)
        self.first.clear()
        self.second.clear()
        self.changed.emit()
        self.accept()

    def _refused(self, err: Any) -> None:
        self.ok.setEnabled(True)
        self.show_error(refusal_line(err))

    def reject(self) -> None:
        """Log out, Esc or the close button: a forced change can only end in a log-out."""
        if self.forced:
            self.logout_requested.emit()
        super().reject()
