"""Blacklist (S1 黑名单): harassing numbers told "busy", released, or connected with a warning.

One entry per number (canonical, :mod:`models.phone_numbers`). An entry is never deleted:
lifting it (解除) turns the caller back into a normal customer and keeps its history, and
listing the number again reactivates the same entry. Whether an entry blocks a call is a
function of switch time, so an expired window lifts itself on time with no one acting.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from models.calls import CustomerLevel
from models.phone_numbers import NumberError, normalise

__all__ = ["NumberError", "normalise"]


class BlockAction(StrEnum):
    BUSY = "busy"  # 提示系统忙: tell the caller the system is busy, then hang up
    RELEASE = "release"  # 直接释放: release the call at once
    WARN = "warn"  # 提示/告警: connect, and warn the agent on the call

    @property
    def blocks(self) -> bool:
        """Whether the call is kept from the agents (busy, release) or connected (warn)."""
        return self is not BlockAction.WARN


class EntryState(StrEnum):
    """Where an entry stands at a given switch time."""

    PENDING = "pending"  # its window has not started yet
    ACTIVE = "active"  # 骚扰: calls from the number are filtered
    EXPIRED = "expired"  # its window ended: it lifted itself
    LIFTED = "lifted"  # 解除: a person turned the caller back into a normal customer


class BlacklistChange(StrEnum):
    ADDED = "added"  # 列入黑名单
    UPDATED = "updated"
    REMOVED = "removed"  # lifted early: back to a normal customer (解除)
    RELISTED = "relisted"  # a lifted or expired number listed again
    EXPIRED = "expired"  # its window ended (written by switchlink, by "system")


#: who the history names for a change nobody made by hand
SYSTEM = "system"
#: the most one entry's reason may hold (the audit trail keeps 500)
MAX_REASON = 500


@dataclass(slots=True)
class BlacklistEntry:
    """A number filtered from ``blocked_from`` until ``blocked_until`` (None: no end)."""

    number: str
    customer_level: CustomerLevel = CustomerLevel.NORMAL
    blocked_from: float = 0.0
    blocked_until: float | None = None
    action: BlockAction = BlockAction.BUSY
    reason: str = ""
    created_by: str = ""
    created_at: float = 0.0
    #: False once lifted (解除): the caller is a normal customer again
    active: bool = True
    id: int | None = None

    def blocks(self, t: float) -> bool:
        """Whether a call at switch time ``t`` is filtered by this entry."""
        if not self.active or t < self.blocked_from:
            return False
        return self.blocked_until is None or t < self.blocked_until

    def state(self, now: float) -> EntryState:
        if not self.active:
            return EntryState.LIFTED
        if self.blocked_until is not None and now >= self.blocked_until:
            return EntryState.EXPIRED
        return EntryState.PENDING if now < self.blocked_from else EntryState.ACTIVE


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


# --- windows ------------------------------------------------------------------------------

_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*", re.IGNORECASE)
_UNIT_S = {"m": 60.0, "h": 3600.0, "d": 86400.0, "w": 7 * 86400.0}
#: the longest window one entry may be given (ten years); longer is "no end"
MAX_WINDOW_S = 3650 * 86400.0


def parse_duration(text: str) -> float:
    """``30m``, ``12h``, ``7d``, ``2w`` as seconds, or ValueError saying what is expected."""
    m = _DURATION.fullmatch(text or "")
    if m is None:
        raise ValueError(f"{text!r} is not a duration: use minutes, hours, days or weeks, "
                         "e.g. 30m, 12h, 7d, 2w")
    seconds = float(m.group(1)) * _UNIT_S[m.group(2).lower()]
    if not 0 < seconds <= MAX_WINDOW_S:
        raise ValueError(f"{text!r}: a window lasts more than 0 and at most 3650 days")
    return seconds


def parse_time(text: str) -> float:
    """An ISO date-time (``2026-03-02 08:00``, local time unless an offset is given)."""
    try:
        return datetime.fromisoformat(text.strip()).timestamp()
    except ValueError:
        raise ValueError(f"{text!r} is not a date-time like 2026-03-02 08:00") from None


def format_time(epoch: float) -> str:
    """Local time with its offset, as export writes it (re-imported to the same instant)."""
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")


def check_window(blocked_from: float, blocked_until: float | None) -> None:
    """A window that ends after it starts and is finite; ValueError otherwise."""
    if not math.isfinite(blocked_from):
        raise ValueError("the window's start must be a finite time")
    if blocked_until is not None:
        if not math.isfinite(blocked_until):
            raise ValueError("the window's end must be a finite time (leave it out for no end)")
        if blocked_until <= blocked_from:
            raise ValueError("the window ends before it starts")
        if blocked_until - blocked_from > MAX_WINDOW_S:
            raise ValueError("a window lasts at most 3650 days (leave the end out for no end)")


def parse_action(text: str) -> BlockAction:
    """An action by its value or its Chinese label (提示系统忙, 直接释放, 提示/告警)."""
    key = (text or "").strip()
    found = _ACTION_NAMES.get(key.lower()) or _ACTION_NAMES.get(key)
    if found is None:
        raise ValueError(f"unknown action {text!r} (busy 提示系统忙, release 直接释放, "
                         "warn 提示/告警)")
    return found


def parse_level(text: str) -> CustomerLevel:
    key = (text or "").strip()
    found = _LEVEL_NAMES.get(key.lower()) or _LEVEL_NAMES.get(key)
    if found is None:
        raise ValueError(f"unknown customer level {text!r} (normal 普通, vip 大客户)")
    return found


_ACTION_NAMES = {
    **{a.value: a for a in BlockAction},
    "提示系统忙": BlockAction.BUSY, "直接释放": BlockAction.RELEASE, "提示/告警": BlockAction.WARN,
    "提示": BlockAction.WARN, "告警": BlockAction.WARN,
}
_LEVEL_NAMES = {
    **{lv.value: lv for lv in CustomerLevel}, "": CustomerLevel.NORMAL,
    "普通": CustomerLevel.NORMAL, "普通客户": CustomerLevel.NORMAL,
    "大客户": CustomerLevel.VIP, "高端客户": CustomerLevel.VIP,
}


# --- repeat offenders ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RepeatRule:
    """A number blocked ``times`` times within ``days`` days deserves a longer window."""

    times: int = 5
    days: float = 30.0
    #: the suggested window is this many times the current one ...
    factor: float = 2.0
    #: ... and at least this long
    minimum_s: float = 7 * 86400.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A longer window for a repeat offender; the supervisor confirms it, never applied alone."""

    blocked_until: float
    blocked_calls: int
    days: float

    def why(self) -> str:
        return f"blocked {self.blocked_calls} times in {self.days:g} days"


def suggest_window(
    entry: BlacklistEntry, blocked_at: list[float], now: float, rule: RepeatRule = RepeatRule()
) -> Suggestion | None:
    """The longer window ``rule`` suggests for ``entry`` given its blocked calls, if any."""
    if not entry.active or entry.blocked_until is None:
        return None  # lifted, or blocked with no end already
    since = now - rule.days * 86400.0
    recent = sum(1 for t in blocked_at if t >= since)
    if recent < rule.times:
        return None
    start = now if now >= entry.blocked_until else entry.blocked_from
    length = max((entry.blocked_until - entry.blocked_from) * rule.factor, rule.minimum_s)
    until = start + min(length, MAX_WINDOW_S)
    if until <= entry.blocked_until:
        return None
    return Suggestion(until, recent, rule.days)


@dataclass(frozen=True, slots=True)
class Screening:
    """What a look-up found for a caller: the entry that matches and what to do."""

    entry: int
    number: str
    action: BlockAction
    reason: str = ""
