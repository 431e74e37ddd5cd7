"""Blacklist (S1): harassing numbers that are told "busy" or released before an agent."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.calls import CustomerLevel


class BlockAction(StrEnum):
    BUSY = "busy"  # tell the caller the system is busy
    RELEASE = "release"  # release the call


class BlacklistChange(StrEnum):
    ADDED = "added"  # 列入黑名单
    UPDATED = "updated"
    REMOVED = "removed"  # turned back into a normal customer


@dataclass(slots=True)
class BlacklistEntry:
    """A number blocked from ``blocked_from`` until ``blocked_until`` (None: no end)."""

    number: str
    customer_level: CustomerLevel = CustomerLevel.NORMAL
    blocked_from: float = 0.0
    blocked_until: float | None = None
    action: BlockAction = BlockAction.BUSY
    reason: str = ""
    created_by: str = ""
    created_at: float = 0.0
    active: bool = True
    id: int | None = None

    def blocks(self, t: float) -> bool:
        """Whether a call at switch time ``t`` is filtered by this entry."""
        if not self.active or t < self.blocked_from:
            return False
        return self.blocked_until is None or t < self.blocked_until


@dataclass(slots=True)
class BlacklistHistory:
    """One change to an entry, with who made it and why."""

    entry_id: int
    number: str
    at: float
    by: str
    change: BlacklistChange
    reason: str = ""
    id: int | None = None
