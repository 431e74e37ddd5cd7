"""The supervisor actions: text, shortcut, permission and what each needs selected.

Shortcuts avoid the shell's and the board's own (Ctrl+L log, Ctrl+K acknowledge, Ctrl+M mute,
Ctrl+G grid …); docs/console.md lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.security import Permission

_C = "SupervisorControl"


@dataclass(frozen=True)
class ControlAction:
    name: str
    text: str
    tip: str
    shortcut: str
    permission: Permission
    #: "agents": one or more selected agents; "call": the call of the one selected agent
    target: str
    #: the switchlink command, and whether it records a reason (the dialog asks only then)
    command: str
    asks_reason: bool = True


ACTIONS: tuple[ControlAction, ...] = (
    ControlAction("ready", QT_TRANSLATE_NOOP("SupervisorControl", "Force ready"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Make the selected agents ready (强制示闲)"),
                  "Ctrl+R", Permission.FORCE_AGENT_STATE, "agents", "set_agent_state"),
    ControlAction("not_ready", QT_TRANSLATE_NOOP("SupervisorControl", "Force not ready…"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Make the selected agents not ready with a reason code "
                                    "(强制示忙)"),
                  "Ctrl+N", Permission.FORCE_AGENT_STATE, "agents", "set_agent_state"),
    ControlAction("logout", QT_TRANSLATE_NOOP("SupervisorControl", "Force sign-out"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Sign the selected agents out (强制签出); during a call it "
                                    "is pending until the call ends"),
                  "Ctrl+Shift+O", Permission.FORCE_LOGOUT, "agents", "set_agent_state"),
    ControlAction("cancel_logout", QT_TRANSLATE_NOOP("SupervisorControl",
                                                     "Cancel pending sign-out"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Keep the agent signed in after the call"),
                  "Ctrl+U", Permission.FORCE_LOGOUT, "agents", "cancel_logout"),
    ControlAction("skills", QT_TRANSLATE_NOOP("SupervisorControl", "Change skills…"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Skill groups and levels of the selected agents (调整技能)"),
                  "Ctrl+E", Permission.SET_SKILLS, "agents", "set_skills", asks_reason=False),
    ControlAction("monitor", QT_TRANSLATE_NOOP("SupervisorControl", "Monitor"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Listen to the call without being heard (监听)"),
                  "Ctrl+1", Permission.MONITOR_CALL, "call", "monitor", asks_reason=False),
    ControlAction("monitor_record", QT_TRANSLATE_NOOP("SupervisorControl",
                                                      "Monitor and record"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Listen and keep a recording of it (监听录音)"),
                  "Ctrl+4", Permission.MONITOR_CALL, "call", "monitor", asks_reason=False),
    ControlAction("whisper", QT_TRANSLATE_NOOP("SupervisorControl", "Whisper"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Speak to the agent only; the caller does not hear (耳语)"),
                  "Ctrl+2", Permission.MONITOR_CALL, "call", "whisper", asks_reason=False),
    ControlAction("barge", QT_TRANSLATE_NOOP("SupervisorControl", "Barge in"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Join the call: agent and caller hear you (强插)"),
                  "Ctrl+3", Permission.BARGE_CALL, "call", "barge", asks_reason=False),
    ControlAction("leave", QT_TRANSLATE_NOOP("SupervisorControl", "Leave call"),
                  QT_TRANSLATE_NOOP("SupervisorControl", "Stop listening to the call"),
                  "Ctrl+0", Permission.MONITOR_CALL, "call", "leave", asks_reason=False),
    ControlAction("release", QT_TRANSLATE_NOOP("SupervisorControl", "Force release"),
                  QT_TRANSLATE_NOOP("SupervisorControl", "Hang up the call (强拆)"),
                  "Ctrl+Shift+R", Permission.RELEASE_CALL, "call", "release"),
    ControlAction("transfer", QT_TRANSLATE_NOOP("SupervisorControl", "Transfer…"),
                  QT_TRANSLATE_NOOP("SupervisorControl",
                                    "Transfer the call to another agent or a queue (转接)"),
                  "Ctrl+T", Permission.TRANSFER_CALL, "call", "transfer", asks_reason=False),
)
BY_NAME = {action.name: action for action in ACTIONS}
#: the switch-over on a call the supervisor is already in needs no leave (one session)
LISTEN = ("monitor", "monitor_record", "whisper", "barge")
#: agent actions a selection of several agents runs as one bulk command
BULK = {"ready": "ready", "not_ready": "not_ready", "logout": "logout",
        "cancel_logout": "cancel_logout"}
#: set_agent_state's state argument
STATE_ARG = {"ready": "ready", "not_ready": "not-ready", "logout": "logout"}

#: what the greyed tooltip says the role may not do ("Only supervisor … may {what}.")
WHAT = {
    Permission.FORCE_AGENT_STATE: QT_TRANSLATE_NOOP("SupervisorControl", "force agent states"),
    Permission.FORCE_LOGOUT: QT_TRANSLATE_NOOP("SupervisorControl", "sign agents out"),
    Permission.SET_SKILLS: QT_TRANSLATE_NOOP("SupervisorControl", "change skills"),
    Permission.MONITOR_CALL: QT_TRANSLATE_NOOP("SupervisorControl", "listen to calls"),
    Permission.BARGE_CALL: QT_TRANSLATE_NOOP("SupervisorControl", "barge into calls"),
    Permission.RELEASE_CALL: QT_TRANSLATE_NOOP("SupervisorControl", "release calls"),
    Permission.TRANSFER_CALL: QT_TRANSLATE_NOOP("SupervisorControl", "transfer calls"),
}

MARKS = {
    "pending": QT_TRANSLATE_NOOP("SupervisorControl", "Sign-out pending"),
    "monitored": QT_TRANSLATE_NOOP("SupervisorControl", "Monitored: {who}"),
    "forced": QT_TRANSLATE_NOOP("SupervisorControl", "Supervisor: {who}"),
}


def mark_words(kind: str, who: str) -> str:
    """A cell's supervisor mark in the UI language ("Monitored: sup, qi")."""
    text = MARKS.get(kind)
    return QCoreApplication.translate("SupervisorControl", text).format(who=who) if text else kind


HOW = {
    "monitor": QT_TRANSLATE_NOOP("SupervisorControl", "monitoring"),
    "whisper": QT_TRANSLATE_NOOP("SupervisorControl", "whispering"),
    "barge": QT_TRANSLATE_NOOP("SupervisorControl", "barged in"),
}
#: refusal codes worded for the floor; switchlink's own message follows
REFUSALS = {
    "forbidden": QT_TRANSLATE_NOOP("SupervisorControl", "not allowed"),
    "invalid_operation": QT_TRANSLATE_NOOP("SupervisorControl", "not possible now"),
    "link_down": QT_TRANSLATE_NOOP("SupervisorControl", "link down"),
    "timeout": QT_TRANSLATE_NOOP("SupervisorControl", "link down: no answer"),
    "unknown_target": QT_TRANSLATE_NOOP("SupervisorControl", "not on the floor"),
    "password_change_required": QT_TRANSLATE_NOOP("SupervisorControl",
                                                  "change your password first"),
    "not_authenticated": QT_TRANSLATE_NOOP("SupervisorControl", "not logged in"),
}
