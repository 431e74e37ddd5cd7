"""Replay protection and idempotent retries: every state-changing request id seen in the window.

A signed request is only accepted within :data:`~switchlink.transport.protocol.MAX_CLOCK_SKEW_S`
of the daemon's clock. Inside that window a replay must never apply again, so the id of every
state-changing request is kept until its time stamp has left the window — not just the last
N ids, which a flood of other requests could push out. Each entry also names who sent it (the
CURVE key and the session): the same sender retrying gets the same reply again (kept when it is
small), anyone else using that id gets a refusal and never another client's reply.

Read-only commands are not remembered: running them again is harmless, and their replies
(history pages, snapshots) are the large ones.

Memory is bounded in bytes (:data:`SEEN_BUDGET_BYTES`). When a flood of state-changing requests
fills it, the entry with the oldest time stamp is dropped and the window is shortened for
everyone: requests stamped at or before the dropped entry's time are refused as ``stale``,
so a dropped id can still never be applied twice (docs/decisions.md, issue 11).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from switchlink.transport.protocol import MAX_CLOCK_SKEW_S

#: total bytes the seen-id table may hold (ids, senders, kept replies, bookkeeping)
SEEN_BUDGET_BYTES = 16 * 1024 * 1024
#: a reply bigger than this is not kept: a retry gets "already applied" instead of it
KEPT_REPLY_MAX_BYTES = 4 * 1024
#: estimated bookkeeping per entry (dict slot, heap item, tuple, floats)
ENTRY_OVERHEAD_BYTES = 240

#: what a lookup found
NEW, SAME_SENDER, OTHER_SENDER = "new", "same_sender", "other_sender"


@dataclass(slots=True)
class _Entry:
    ts: float
    peer: str
    session: str
    #: the encoded reply frames; None while running or when too large to keep
    reply: list[bytes] | None
    done: bool
    cost: int


class SeenRequests:
    """Ids of state-changing requests inside the replay window, bounded by bytes."""

    def __init__(
        self,
        window_s: float = MAX_CLOCK_SKEW_S,
        budget_bytes: int = SEEN_BUDGET_BYTES,
        kept_reply_max: int = KEPT_REPLY_MAX_BYTES,
    ) -> None:
        self.window_s = window_s
        self.budget_bytes = budget_bytes
        self.kept_reply_max = kept_reply_max
        self._entries: dict[str, _Entry] = {}
        self._by_time: list[tuple[float, str]] = []
        self.bytes = 0
        #: requests stamped at or before this are refused (raised when a full table drops one)
        self.floor_ts = float("-inf")

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, msg_id: str, peer: str, session: str | None) -> tuple[str, _Entry | None]:
        """Whether ``msg_id`` was seen, and from this sender or another."""
        entry = self._entries.get(msg_id)
        if entry is None:
            return NEW, None
        if entry.peer == peer and entry.session == (session or ""):
            return SAME_SENDER, entry
        return OTHER_SENDER, entry

    def too_old(self, ts: float) -> bool:
        """True for a stamp the shortened window no longer covers (see the module doc)."""
        return ts <= self.floor_ts

    def begin(self, msg_id: str, ts: float, peer: str, session: str | None, now: float) -> None:
        """Remember a request before it runs, so a retry while it runs is not run again."""
        self.expire(now)
        cost = ENTRY_OVERHEAD_BYTES + len(msg_id) + len(peer) + len(session or "")
        self._entries[msg_id] = _Entry(ts, peer, session or "", None, False, cost)
        heapq.heappush(self._by_time, (ts, msg_id))
        self.bytes += cost
        self._shrink()

    def finish(self, msg_id: str, reply: list[bytes]) -> None:
        """The request's reply: kept for retries when it is small."""
        entry = self._entries.get(msg_id)
        if entry is None or entry.done:
            return
        entry.done = True
        size = sum(len(f) for f in reply)
        if size <= self.kept_reply_max:
            entry.reply = reply
            entry.cost += size
            self.bytes += size
            self._shrink()

    def forget(self, msg_id: str) -> None:
        """A request that was refused before it ran (``busy``): a retry may run it."""
        entry = self._entries.pop(msg_id, None)
        if entry is not None:
            self.bytes -= entry.cost  # its heap item goes when it comes up (see _drop)

    def expire(self, now: float) -> None:
        """Forget ids whose stamp has left the window: a replay of them is ``stale`` anyway."""
        horizon = now - self.window_s
        while self._by_time and self._by_time[0][0] < horizon:
            self._drop(*heapq.heappop(self._by_time))

    def _shrink(self) -> None:
        while self.bytes > self.budget_bytes and self._by_time:
            ts, msg_id = heapq.heappop(self._by_time)
            if self._drop(ts, msg_id):
                self.floor_ts = max(self.floor_ts, ts)

    def _drop(self, ts: float, msg_id: str) -> bool:
        """Drop the entry a heap item stands for (not a later entry reusing a forgotten id)."""
        entry = self._entries.get(msg_id)
        if entry is None or entry.ts != ts:
            return False
        del self._entries[msg_id]
        self.bytes -= entry.cost
        return True
