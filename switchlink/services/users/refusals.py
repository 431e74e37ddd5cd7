"""Refused commands in the audit trail, without letting a flood of them fill it.

Every refusal is worth a line in the audit trail (a bogus session, a forbidden command, an
unknown argument: someone probing, or a console misbehaving), but one allowed key can send
thousands a second. So refusals are counted per *principal* — the user when the request
carried a live session, else the client's CURVE key — in fixed windows: the first
:data:`REFUSALS_PER_WINDOW` of a window are written one by one, the rest are summed into
one ``refusals.suppressed`` entry written when the window ends (``detail`` says how many
of which command and code). Allowed commands are never suppressed.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from models.security import AuditEntry

#: refusals written one by one per principal per window; the rest are summarised
REFUSALS_PER_WINDOW = 20
WINDOW_S = 60.0
#: principals with an open window (oldest summarised early past this): bounded memory
MAX_PRINCIPALS = 10_000
SUPPRESSED_ACTION = "refusals.suppressed"


@dataclass(slots=True)
class _Window:
    start: float
    user: str
    role: str
    count: int = 0
    suppressed: Counter[str] = field(default_factory=Counter)


class RefusalAudit:
    """Writes refusals to ``record`` (an audit log's), rate-limited per principal."""

    def __init__(
        self,
        record: Callable[[AuditEntry], None],
        *,
        per_window: int = REFUSALS_PER_WINDOW,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._record = record
        self.per_window = per_window
        self.window_s = window_s
        self.clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, _Window] = {}

    def refused(self, entry: AuditEntry, principal: str) -> bool:
        """Audit one refusal; False when it was only counted (summarised later)."""
        now = self.clock()
        summaries: list[AuditEntry] = []
        with self._lock:
            window = self._windows.get(principal)
            if window is not None and now - window.start >= self.window_s:
                summaries += self._close(principal, now)
                window = None
            if window is None:
                if len(self._windows) >= MAX_PRINCIPALS:
                    summaries += self._close(next(iter(self._windows)), now)
                window = self._windows[principal] = _Window(now, entry.user, entry.role)
            window.count += 1
            write = window.count <= self.per_window
            if not write:
                window.suppressed[f"{entry.action}/{entry.result}"] += 1
        for summary in summaries:
            self._record(summary)
        if write:
            self._record(entry)
        return write

    def flush(self, *, force: bool = False) -> int:
        """Write the summaries of windows that have ended (all of them with ``force``)."""
        now = self.clock()
        with self._lock:
            done = [p for p, w in self._windows.items()
                    if force or now - w.start >= self.window_s]
            summaries = [s for p in done for s in self._close(p, now)]
        for summary in summaries:
            self._record(summary)
        return len(summaries)

    def _close(self, principal: str, now: float) -> list[AuditEntry]:
        window = self._windows.pop(principal)
        total = sum(window.suppressed.values())
        if not total:
            return []
        return [AuditEntry(
            at=now, user=window.user, role=window.role, action=SUPPRESSED_ACTION,
            target=principal[:200], result="suppressed",
            reason=f"{total} more refusals in {now - window.start:.0f} s not written one by one",
            detail={"count": total, "since": window.start, "by": dict(window.suppressed)},
        )]
