"""Words and colours of the equipment screen: states, kinds, who may do what (translated)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.common.access import role_label
from models.security import ROLE_PERMISSIONS, Permission, Role

#: a channel cell's colour by state (like the agent grid: one glance, no reading)
STATE_COLOURS = {
    "idle": "#2e7d32",
    "busy": "#1565c0",
    "testing": "#f9a825",
    "stuck": "#6a1b9a",
    "down": "#c62828",
    "out_of_service": "#616161",
}
#: the legend's order
STATES = ("idle", "busy", "testing", "stuck", "down", "out_of_service")
STATE_LABELS = {
    "idle": QT_TRANSLATE_NOOP("Equipment", "Idle"),
    "busy": QT_TRANSLATE_NOOP("Equipment", "Busy"),
    "testing": QT_TRANSLATE_NOOP("Equipment", "Testing"),
    "stuck": QT_TRANSLATE_NOOP("Equipment", "Stuck"),
    "down": QT_TRANSLATE_NOOP("Equipment", "Down"),
    "out_of_service": QT_TRANSLATE_NOOP("Equipment", "Out of service"),
    "up": QT_TRANSLATE_NOOP("Equipment", "Up"),
    "degraded": QT_TRANSLATE_NOOP("Equipment", "Degraded"),
    "running": QT_TRANSLATE_NOOP("Equipment", "Running"),
    "passed": QT_TRANSLATE_NOOP("Equipment", "Passed"),
    "failed": QT_TRANSLATE_NOOP("Equipment", "Failed"),
}
KINDS = ("acd", "ivr", "fax", "trunk")
KIND_LABELS = {
    "acd": QT_TRANSLATE_NOOP("Equipment", "ACD"),
    "ivr": QT_TRANSLATE_NOOP("Equipment", "IVR"),
    "fax": QT_TRANSLATE_NOOP("Equipment", "Fax"),
    "trunk": QT_TRANSLATE_NOOP("Equipment", "Trunk"),
    "link": QT_TRANSLATE_NOOP("Equipment", "Link"),
    "board": QT_TRANSLATE_NOOP("Equipment", "Board"),
    "channel": QT_TRANSLATE_NOOP("Equipment", "Channel"),
}
TEST_LABELS = {
    "self_test": QT_TRANSLATE_NOOP("Equipment", "Self-test"),
    "loopback": QT_TRANSLATE_NOOP("Equipment", "Loopback test"),
    "prompt": QT_TRANSLATE_NOOP("Equipment", "Prompt test"),
    "fax": QT_TRANSLATE_NOOP("Equipment", "Fax test"),
}
FAULT_LABELS = {
    "link_drop": QT_TRANSLATE_NOOP("Equipment", "Drop the link"),
    "board_failure": QT_TRANSLATE_NOOP("Equipment", "Fail a board"),
    "stuck_channel": QT_TRANSLATE_NOOP("Equipment", "Stick a channel"),
    "event_delay": QT_TRANSLATE_NOOP("Equipment", "Delay events"),
    "line_noise": QT_TRANSLATE_NOOP("Equipment", "Noise on a line"),
}
ROLE_LABELS = {
    Role.FLOOR_MANAGER: QT_TRANSLATE_NOOP("Equipment", "floor manager"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Equipment", "supervisor"),
    Role.QUALITY_INSPECTOR: QT_TRANSLATE_NOOP("Equipment", "quality inspector"),
    Role.MAINTENANCE: QT_TRANSLATE_NOOP("Equipment", "maintenance"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Equipment", "administrator"),
}


OR = QT_TRANSLATE_NOOP("Equipment", " or ")
NEEDS_ROLE = QT_TRANSLATE_NOOP("Equipment", "Your role may not do this: it needs the {roles} role.")


def tr(text: str) -> str:
    return QCoreApplication.translate("Equipment", text)


def state_label(state: str) -> str:
    return tr(STATE_LABELS[state]) if state in STATE_LABELS else state


def kind_label(kind: str) -> str:
    return tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def roles_allowed(permission: Permission) -> str:
    """"maintenance or administrator": the roles that hold ``permission``, translated."""
    names = [tr(ROLE_LABELS[r]) if r in ROLE_LABELS else role_label(r.value)
             for r in Role if permission in ROLE_PERMISSIONS.get(r, ())]
    return tr(OR).join(names)


def needs_role(permission: Permission) -> str:
    """The tooltip of an action the user's role may not take."""
    return tr(NEEDS_ROLE).format(roles=roles_allowed(permission))
