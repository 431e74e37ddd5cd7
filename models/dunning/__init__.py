"""Dunning (欠费催交): records, the calendar, the day planner, pacing, files (no Qt, no I/O).

The old ``models.dunning`` names stay importable from here."""

from models.dunning.records import (
    CONTACTS,
    DELIVERIES,
    AttemptResult,
    Bill,
    DunningAccount,
    DunningAttempt,
    Payment,
    Stage,
    SuspensionFile,
    SuspensionState,
)

__all__ = [
    "CONTACTS", "DELIVERIES", "AttemptResult", "Bill", "DunningAccount", "DunningAttempt",
    "Payment", "Stage", "SuspensionFile", "SuspensionState",
]
