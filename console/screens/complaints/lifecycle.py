"""Which actions the detail view offers: the ones legal in the order's state stand as buttons;
those switchlink's ``complaints.show`` does not list for this user are greyed, saying who may.

The state rules are the domain's own (``models.complaints.lifecycle``), so the console never
offers a move switchlink would refuse as illegal; switchlink still decides every action.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from console.screens.complaints.labels import ACTIONS, label, role_label
from models.complaints.lifecycle import MOVES, ROLE_ACTIONS, Action, WorkOrderState

#: every action, in button order
ALL_ACTIONS = ("reply_now", "dispatch", "reply", "return", "feedback", "archive", "reprocess",
               "note", "urge")
#: actions that need a note before they are sent (the reason, the answer, the reply)
NOTE_REQUIRED = frozenset({"return", "reply", "reply_now", "note"})
#: actions that send a department
NEEDS_DEPARTMENT = frozenset({"dispatch"})
#: the order roles are named in
ROLE_ORDER = ("agent", "quality_inspector", "department", "supervisor", "floor_manager",
              "admin")


def offered(order: dict[str, Any] | None) -> tuple[str, ...]:
    """Actions legal in the order's state (and its satisfied / immediate flags)."""
    if not order:
        return ()
    try:
        state = WorkOrderState(str(order.get("state")))
    except ValueError:
        return ()
    out = []
    for name in ALL_ACTIONS:
        starts, _ = MOVES[Action(name)]
        if state not in starts:
            continue
        if name == "archive" and not (
                (state is WorkOrderState.FEEDBACK and order.get("satisfied") is True)
                or (state is WorkOrderState.REPLIED and order.get("immediate"))):
            continue
        if name == "reprocess" and order.get("satisfied") is not False:
            continue
        out.append(name)
    return tuple(out)


def why_not(action: str, order: dict[str, Any], allowed: list[str] | None, role: str,
            department: str) -> str:
    """"" when switchlink lists ``action`` for this user (``allowed``: ``complaints.show``'s
    ``actions``; None = not known, offer it); else one translated line saying who may."""
    if allowed is None or action in allowed:
        return ""
    holder = str(order.get("holder_department") or "")
    doing = label(ACTIONS, action).lower()
    if role == "department" and action in ROLE_ACTIONS.get("department", ()) and \
            holder != department:
        held = QCoreApplication.translate("Complaints",
                                          "%1 is held by %2; only that department may %3.")
        return held.replace("%1", str(order.get("id", ""))).replace("%2", holder).replace(
            "%3", doing)
    names = [role_label(r) for r in ROLE_ORDER if Action(action) in ROLE_ACTIONS.get(r, ())]
    joined = names[0] if len(names) == 1 else QCoreApplication.translate(
        "Complaints", "%1 or %2").replace("%1", QCoreApplication.translate(
            "Complaints", ", ").join(names[:-1])).replace("%2", names[-1])
    only = QCoreApplication.translate("Complaints", "Only %1 may %2.")
    return only.replace("%1", joined).replace("%2", doing)
