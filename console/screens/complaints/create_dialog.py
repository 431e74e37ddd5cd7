"""A new work order: the classification tree, cause and department (each with "other"),
priority, channel, cross-region, error class, attachments by reference — and "from the current
call", which fills in the caller, level, call id and IVR trail of a live call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.screens.complaints.labels import (
    CHANNELS,
    ERROR_CLASSES,
    LEVELS_OF_CUSTOMER,
    OTHER,
    PRIORITIES,
    choice_label,
    label,
)

#: (command args, on_error(message)) -> None: the screen sends ``complaints.new``
Submit = Callable[[dict[str, Any], Callable[[str], None]], None]
PATH_ROLE = Qt.ItemDataRole.UserRole
MAX_DESCRIPTION = 4000


def tree_items(tree: Any) -> list[tuple[str, Any]]:
    """(name, children) pairs of a catalogue tree: ``{name: subtree}``, ``[name | {name,
    children}]`` or None — whichever shape switchlink sends."""
    if isinstance(tree, dict):
        if "name" in tree and isinstance(tree.get("name"), str):
            return [(tree["name"], tree.get("children"))]
        return [(str(k), v) for k, v in tree.items()]
    if isinstance(tree, list | tuple):
        out: list[tuple[str, Any]] = []
        for item in tree:
            if isinstance(item, dict):
                out.extend(tree_items(item))
            else:
                out.append((str(item), None))
        return out
    return []


def live_calls(mirror: Any) -> list[dict[str, Any]]:
    """Calls an agent is on now (the ones a complaint can come from), newest first."""
    calls = [c for c in mirror.items("call/").values()
             if c.get("agent") and c.get("phase") in ("talking", "on_hold", "answered")]
    return sorted(calls, key=lambda c: -(c.get("answered_at") or c.get("arrived_at") or 0))


class NewComplaintDialog(QDialog):
    """The screen hands in the catalogue and the mirror; OK sends, errors show inline."""

    def __init__(self, submit: Submit, catalogue: dict[str, Any], mirror: Any,
                 call_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit, self.mirror = submit, mirror
        self.setWindowTitle(self.tr("New complaint"))
        self.setMinimumSize(720, 640)
        self.call = QComboBox(self)
        self.call.addItem(self.tr("None (not from a call)"), "")
        for c in live_calls(mirror):
            agent = mirror.get("agent/" + str(c["agent"])) or {}
            self.call.addItem(self.tr("%1 · agent %2 %3").replace("%1", str(c.get("caller", "")))
                              .replace("%2", str(c["agent"])).replace("%3", agent.get("name", "")),
                              c["id"])
        self.caller = QLineEdit(self)
        self.caller.setMaxLength(32)
        self.level = self._combo(LEVELS_OF_CUSTOMER)
        for extra in catalogue.get("customer_levels") or []:  # a site's own levels
            if self.level.findData(str(extra)) < 0:
                self.level.addItem(str(extra), str(extra))
        self.channel = self._combo(CHANNELS)
        self.classification = QTreeWidget(self)
        self.classification.setHeaderHidden(True)
        self.classification.setMinimumHeight(160)
        self._fill_tree(self.classification.invisibleRootItem(), catalogue.get("tree"), [])
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.cause = self._choices(catalogue.get("causes") or [])
        self.department = self._choices(catalogue.get("departments") or [])
        self.priority = self._combo(PRIORITIES)
        self.cross_region = QCheckBox(self.tr("Cross-region complaint"), self)
        self.error_class = self._combo(ERROR_CLASSES)
        self.attachments = QPlainTextEdit(self)
        self.attachments.setTabChangesFocus(True)
        self.attachments.setMaximumHeight(60)
        self.attachments.setPlaceholderText(self.tr(
            "One reference a line: a document number, a file path or a link"))
        self.trail = QLabel("–", self)
        self.trail.setWordWrap(True)
        self.error = QLabel(self, objectName="complaintMessage")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Accept"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for text, widget in ((self.tr("From the call"), self.call),
                             (self.tr("Caller number"), self.caller),
                             (self.tr("Customer level"), self.level),
                             (self.tr("Channel"), self.channel),
                             (self.tr("Classification"), self.classification),
                             (self.tr("Description"), self.description),
                             (self.tr("Responsibility cause"), self.cause),
                             (self.tr("Responsible department"), self.department),
                             (self.tr("Priority"), self.priority), ("", self.cross_region),
                             (self.tr("Error class"), self.error_class),
                             (self.tr("Attachments"), self.attachments),
                             (self.tr("IVR trail"), self.trail)):
            form.addRow(text, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.call_ivr_trail: list[str] = []
        self.call.currentIndexChanged.connect(self._from_call)
        if call_id:
            index = self.call.findData(call_id)
            if index < 0:  # not on an agent (yet): still take what the mirror holds
                record = mirror.get("call/" + call_id)
                if record:
                    self.call.addItem(str(record.get("caller", call_id)), call_id)
                    index = self.call.count() - 1
            self.call.setCurrentIndex(max(0, index))
        self.caller.setFocus()

    def _combo(self, table: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        for key in table:
            combo.addItem(label(table, key), key)
        return combo

    def _choices(self, values: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("(not known yet)"), "")
        names = [str(v) for v in values]
        if not any(v in OTHER for v in names):
            names.append(OTHER[1])  # the site's lists carry 其他; a bare list gets it too
        for v in names:
            combo.addItem(choice_label(v), v)
        return combo

    def _fill_tree(self, parent: QTreeWidgetItem, tree: Any, path: list[str]) -> None:
        for name, children in tree_items(tree):
            item = QTreeWidgetItem(parent, [name])
            item.setData(0, PATH_ROLE, [*path, name])
            self._fill_tree(item, children, [*path, name])

    def _from_call(self, *_: object) -> None:
        call_id = self.call.currentData()
        record = self.mirror.get("call/" + call_id) if call_id else None
        if not record:
            self.call_ivr_trail = []
            self.trail.setText("–")
            return
        self.caller.setText(str(record.get("caller", "")))
        self.level.setCurrentIndex(max(0, self.level.findData(
            record.get("customer_level") or "normal")))
        self.channel.setCurrentIndex(self.channel.findData("hotline"))
        self.call_ivr_trail = [str(s) for s in record.get("ivr_trail") or []]
        self.trail.setText(" → ".join(self.call_ivr_trail) or "–")

    def classification_path(self) -> list[str]:
        item = self.classification.currentItem()
        return list(item.data(0, PATH_ROLE)) if item is not None else []

    def select_classification(self, path: list[str]) -> bool:
        """Select a tree path (tests, and a form reopened with a value)."""
        it = self.classification.invisibleRootItem()
        for name in path:
            it = next((it.child(i) for i in range(it.childCount())
                       if it.child(i).text(0) == name), None)
            if it is None:
                return False
        self.classification.setCurrentItem(it)
        return True

    def args(self) -> dict[str, Any] | str:
        """The ``complaints.new`` arguments, or the first mistake in words."""
        caller = self.caller.text().strip()
        description = self.description.toPlainText().strip()
        path = self.classification_path()
        if not caller:
            return self.tr("Enter the caller's number.")
        if not path:
            return self.tr("Choose a classification in the tree.")
        if not description:
            return self.tr("Describe the complaint.")
        if len(description) > MAX_DESCRIPTION:
            return self.tr("The description is %1 characters; at most %2.").replace(
                "%1", str(len(description))).replace("%2", str(MAX_DESCRIPTION))
        args: dict[str, Any] = {
            "caller": caller, "customer_level": self.level.currentData(),
            "channel": self.channel.currentData(), "classification": "/".join(path),
            "description": description, "priority": self.priority.currentData(),
            "cross_region": self.cross_region.isChecked(),
            "attachments": [line.strip() for line in self.attachments.toPlainText().splitlines()
                            if line.strip()],
        }
        for key, combo in (("cause", self.cause), ("responsible_department", self.department),
                           ("error_class", self.error_class)):
            if combo.currentData():
                args[key] = combo.currentData()
        if self.call.currentData():
            args["call_id"] = self.call.currentData()
        return args

    def send(self) -> None:
        args = self.args()
        if isinstance(args, str):
            self.show_error(args)
            return
        self.error.hide()
        self.buttons.setEnabled(False)
        self.submit(args, self.show_error)

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()
