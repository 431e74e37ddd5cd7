"""Failed-login lockout per user name and per CURVE key, with exponential back-off.

Without it one allowed key could guess passwords as fast as argon2 lets it. The numbers
(docs/protocol.md, "Login rate limits and lockout"): the 5th failure in a row for a user
name (the 10th for a key) locks it for 30 s; every further failure once that lockout has
passed doubles it, up to 15 min. While locked, logins are refused with ``locked_out``
before any password is checked — the right password too. A success clears the user's
streak (not the key's: one good account must not launder guesses at another); a streak
is forgotten after an hour without failures. Kept in memory: a restart clears it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

USER_FAILURES_BEFORE_LOCKOUT = 5
KEY_FAILURES_BEFORE_LOCKOUT = 10
LOCKOUT_BASE_S = 30.0
LOCKOUT_MAX_S = 900.0
#: a streak of failures is forgotten after this long without a new one
FORGET_AFTER_S = 3600.0
#: user names / keys remembered per scope (oldest forgotten first): bounded memory
MAX_TRACKED = 10_000


@dataclass(slots=True)
class Strikes:
    failures: int = 0
    last_failure: float = 0.0
    locked_until: float = 0.0


@dataclass(frozen=True, slots=True)
class Lockout:
    """A lockout that has just started (the login command audits it)."""

    scope: str  # "user" or "key"
    subject: str
    failures: int
    seconds: float
    until: float


class LoginGuard:
    """Counts failed logins; says whether a user name or key may try again yet."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._strikes: dict[str, OrderedDict[str, Strikes]] = {
            "user": OrderedDict(), "key": OrderedDict(),
        }
        self._threshold = {
            "user": USER_FAILURES_BEFORE_LOCKOUT, "key": KEY_FAILURES_BEFORE_LOCKOUT,
        }

    def locked_for(self, username: str, key: str) -> float:
        """Seconds until this user name and key may try again (0: now)."""
        now = self.clock()
        with self._lock:
            waits = [
                s.locked_until - now
                for scope, subject in (("user", username), ("key", key))
                if subject and (s := self._strikes[scope].get(subject)) is not None
            ]
        return max([0.0, *waits])

    def failed(self, username: str, key: str) -> list[Lockout]:
        """Count one failure; returns the lockouts it starts."""
        now = self.clock()
        started: list[Lockout] = []
        with self._lock:
            for scope, subject in (("user", username), ("key", key)):
                if not subject:
                    continue
                table = self._strikes[scope]
                s = table.pop(subject, None) or Strikes()
                if now - s.last_failure > FORGET_AFTER_S:
                    s.failures = 0
                s.failures += 1
                s.last_failure = now
                table[subject] = s  # newest last: the oldest are forgotten first
                if len(table) > MAX_TRACKED:
                    table.popitem(last=False)
                over = s.failures - self._threshold[scope]
                if over >= 0:
                    seconds = min(LOCKOUT_BASE_S * 2.0 ** min(over, 20), LOCKOUT_MAX_S)
                    s.locked_until = now + seconds
                    started.append(Lockout(scope, subject, s.failures, seconds, s.locked_until))
        return started

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._strikes["user"].pop(username, None)

    def unlock(self, scope: str, subject: str) -> bool:
        """Clear a user name's or key's streak and lockout; False if it had none."""
        with self._lock:
            return self._strikes[scope].pop(subject, None) is not None

    def lockouts(self) -> list[dict[str, Any]]:
        """Streaks still remembered, the locked ones first (for ``users.lockouts``)."""
        now = self.clock()
        rows = []
        with self._lock:
            for scope, table in self._strikes.items():
                for subject, s in table.items():
                    if now - s.last_failure > FORGET_AFTER_S:
                        continue
                    remaining = max(0.0, s.locked_until - now)
                    rows.append({
                        "scope": scope, "subject": subject, "failures": s.failures,
                        "last_failure": s.last_failure, "locked": remaining > 0,
                        "locked_until": s.locked_until if remaining > 0 else None,
                        "remaining_s": round(remaining, 1),
                    })
        rows.sort(key=lambda r: (not r["locked"], r["scope"], r["subject"]))
        return rows
