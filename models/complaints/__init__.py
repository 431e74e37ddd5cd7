"""Complaint work orders (投诉工单): life cycle, deadlines, warnings and spike detection.

Pure rules, no I/O: the tables are in ``models.persistence.complaints``, the commands in
``switchlink.services.complaints``. docs/complaints.md describes the whole capability.
"""

from models.complaints.lifecycle import (
    DESK,
    OPEN_STATES,
    RUNNING_STATES,
    TRANSITIONS,
    Action,
    Actor,
    OrderView,
    Refused,
    Step,
    WorkOrderState,
    allowed_actions,
    can_transition,
    decide,
)

__all__ = [
    "DESK", "OPEN_STATES", "RUNNING_STATES", "TRANSITIONS", "Action", "Actor", "OrderView",
    "Refused", "Step", "WorkOrderState", "allowed_actions", "can_transition", "decide",
]
