"""Users: who may log in, as what, for which teams; create, edit, disable / enable, reset a
password (the person must change it at the next login) and unlock after failed logins.

Shown to every role but usable only with ``manage_users``: the others see why, not the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.common.access import access_of, role_label
from console.common.rows_model import ROW_ROLE, Column, RowsModel
from console.common.screen import Screen
from console.common.table_model import SORT_ROLE
from console.screens.admin.dialogs import ResetPasswordDialog, UserDialog
from models.security import Permission

#: lupdate reads translate("Context", "text") with a literal context
translate = QCoreApplication.translate

_C = "AdminScreen"


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _yes(value: Any) -> str:
    return translate("AdminScreen", "yes") if value else ""


def _locked(row: dict[str, Any]) -> str:
    lock = row.get("lockout")
    if not lock:
        return ""
    if lock.get("locked"):
        seconds = max(1, round(float(lock.get("remaining_s") or 0)))
        if seconds < 120:  # the first lockouts are short: minutes would read "1 min" for 5 s
            return translate("AdminScreen", "locked, %n s left", "", seconds)
        minutes = round(seconds / 60)
        return translate("AdminScreen", "locked, %n min left", "", minutes)
    failures = int(lock.get("failures") or 0)
    return translate("AdminScreen", "%n failed login(s)", "", failures)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("AdminScreen", "User"), lambda r: str(r.get("username", ""))),
    Column(QT_TRANSLATE_NOOP("AdminScreen", "Name"), lambda r: str(r.get("display_name") or "")),
    Column(QT_TRANSLATE_NOOP("AdminScreen", "Role"), lambda r: role_label(str(r.get("role")))),
    Column(
        QT_TRANSLATE_NOOP("AdminScreen", "Teams"),
        lambda r: ", ".join(r.get("teams") or ()) or translate("AdminScreen", "all"),
    ),
    Column(
        QT_TRANSLATE_NOOP("AdminScreen", "Department"), lambda r: str(r.get("department") or "")
    ),
    Column(QT_TRANSLATE_NOOP("AdminScreen", "Disabled"), lambda r: _yes(r.get("disabled"))),
    Column(
        QT_TRANSLATE_NOOP("AdminScreen", "Must change password"),
        lambda r: _yes(r.get("must_change_password")),
    ),
    Column(QT_TRANSLATE_NOOP("AdminScreen", "Locked out"), _locked),
)
#: the buttons, left to right (all but create and refresh act on the selected user)
BUTTONS = ("create", "edit", "reset", "disable", "enable", "unlock", "refresh")


class AdminScreen(Screen):
    def __init__(self, bridge: Any, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(bridge, prefs, parent)
        self.setObjectName("admin")
        self.access = access_of(bridge)
        self.model = RowsModel(COLUMNS, _C, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(objectName="usersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.why = QLabel(objectName="adminWhyNot", wordWrap=True)
        self.status = QLabel(objectName="adminStatus", wordWrap=True)
        self.buttons = {name: QPushButton(objectName=f"admin_{name}") for name in BUTTONS}
        slots = {
            "create": self.create_user,
            "edit": self.edit_selected,
            "reset": self.reset_selected,
            "disable": lambda: self.set_disabled(True),
            "enable": lambda: self.set_disabled(False),
            "unlock": self.unlock_selected,
            "refresh": self.refresh,
        }
        bar = QHBoxLayout()
        for name in BUTTONS:
            self.buttons[name].clicked.connect(slots[name])
            bar.addWidget(self.buttons[name])
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        #: dialogs, replaceable in tests
        self.confirm = self._confirm
        self.lockouts: list[dict[str, Any]] = []
        self.access.changed.connect(self._role_changed)
        self.retranslate_ui()
        self._role_changed()

    # -- role ------------------------------------------------------------------------------
    @property
    def may(self) -> bool:
        return self.access.allowed(Permission.MANAGE_USERS)

    def _role_changed(self) -> None:
        if not self.may:
            self.model.set_rows([])
        elif self.isVisible():
            self.refresh()
        self._enable()

    def _enable(self) -> None:
        may, row = self.may, self.selected()
        self.why.setText(
            self.access.why_not(Permission.MANAGE_USERS, translate("AdminScreen", "manage users"))
        )
        self.why.setVisible(not may)
        self.table.setEnabled(may)
        for name, button in self.buttons.items():
            needs_row = name not in ("create", "refresh")
            button.setEnabled(may and (row is not None or not needs_row))
            button.setToolTip("" if may else self.why.text())
        if row is not None and may:
            self.buttons["disable"].setEnabled(not row.get("disabled"))
            self.buttons["enable"].setEnabled(bool(row.get("disabled")))
            self.buttons["unlock"].setEnabled(bool(row.get("lockout")))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.may:
            self.refresh()

    # -- data ------------------------------------------------------------------------------
    def send(
        self, command: str, args: dict[str, Any], on_success: Any = None, on_failure: Any = None
    ) -> None:
        self.bridge.client.command(
            command,
            args,
            on_success=on_success,
            on_failure=on_failure or self._failed,
            timeout=15.0,
        )

    def refresh(self) -> None:
        if not self.may:
            return
        self.send("users.lockouts", {}, on_success=self._set_lockouts)
        self.send("users.list", {}, on_success=self._set_users)

    def _set_lockouts(self, rows: Any) -> None:
        self.lockouts = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
        self._set_users([dict(r) for r in self.model.rows])

    def _set_users(self, users: Any) -> None:
        if not isinstance(users, list):
            return
        by_user = {str(r.get("subject")): r for r in self.lockouts if r.get("scope") == "user"}
        selected = (self.selected() or {}).get("username")
        rows = []
        for user in users:
            if isinstance(user, dict):
                user = dict(user, lockout=by_user.get(str(user.get("username"))))
                rows.append(user)
        self.model.set_rows(rows)
        keys = [
            str(r.get("subject"))
            for r in self.lockouts
            if r.get("scope") == "key" and r.get("locked")
        ]
        self.status.setText(
            translate("AdminScreen", "{n} users.").format(n=len(rows))
            + (
                " "
                + translate("AdminScreen", "Client keys locked out: {keys}").format(
                    keys=", ".join(keys)
                )
                if keys
                else ""
            )
        )
        if selected:
            self.select(selected)
        self._enable()

    def _failed(self, err: Any) -> None:
        text = translate("AdminScreen", "Refused: {reason}").format(
            reason=getattr(err, "message", err)
        )
        self.status.setText(text)
        self.show_message(text)

    def _done(self, text: str) -> Any:
        def done(_data: Any = None) -> None:
            self.status.setText(text)
            self.show_message(text)
            self.refresh()

        return done

    # -- selection -------------------------------------------------------------------------
    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, username: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if (index.data(ROW_ROLE) or {}).get("username") == username:
                self.table.selectRow(row)
                return

    # -- actions ---------------------------------------------------------------------------
    def _dialog_send(self, command: str, args: dict[str, Any], ok: Any, refused: Any) -> None:
        name = args.get("username", "")
        text = {
            "users.create": translate(
                "AdminScreen", "{user} created; they choose their own password at the first login."
            ),
            "users.update": translate("AdminScreen", "{user} updated."),
            "users.reset_password": translate(
                "AdminScreen", "Password of {user} reset; they must change it at the next login."
            ),
        }.get(command, "{user}")

        def done(data: Any) -> None:
            ok(data)
            self._done(text.format(user=name))()

        self.send(command, args, on_success=done, on_failure=refused)

    def create_user(self) -> UserDialog:
        dialog = UserDialog(self._dialog_send, sorted(self.access.role_table), None, self)
        dialog.open()
        return dialog

    def edit_selected(self) -> UserDialog | None:
        row = self.selected()
        if row is None or not self.may:
            return None
        dialog = UserDialog(self._dialog_send, sorted(self.access.role_table), row, self)
        dialog.open()
        return dialog

    def reset_selected(self) -> ResetPasswordDialog | None:
        row = self.selected()
        if row is None or not self.may:
            return None
        dialog = ResetPasswordDialog(self._dialog_send, str(row["username"]), self)
        dialog.open()
        return dialog

    def set_disabled(self, disabled: bool) -> None:
        row = self.selected()
        if row is None or not self.may:
            return
        name = str(row["username"])
        question = (
            translate(
                "AdminScreen", "Disable {user}? Their open sessions end now and they cannot log in."
            )
            if disabled
            else translate("AdminScreen", "Enable {user} again?")
        ).format(user=name)
        if not self.confirm(question):
            return
        done = (
            translate("AdminScreen", "{user} disabled.")
            if disabled
            else translate("AdminScreen", "{user} enabled.")
        )
        self.send(
            "users.disable" if disabled else "users.enable",
            {"username": name},
            on_success=self._done(done.format(user=name)),
        )

    def unlock_selected(self) -> None:
        row = self.selected()
        if row is None or not self.may:
            return
        name = str(row["username"])
        self.send(
            "users.unlock",
            {"username": name},
            on_success=self._done(translate("AdminScreen", "{user} unlocked.").format(user=name)),
        )

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("AdminScreen", "Users"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for name, text in (
            ("create", translate("AdminScreen", "New user…")),
            ("edit", translate("AdminScreen", "Edit…")),
            ("reset", translate("AdminScreen", "Reset password…")),
            ("disable", translate("AdminScreen", "Disable")),
            ("enable", translate("AdminScreen", "Enable")),
            ("unlock", translate("AdminScreen", "Unlock")),
            ("refresh", translate("AdminScreen", "Refresh")),
        ):
            self.buttons[name].setText(text)
        self.model.retranslate()
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
