"""The blacklist as switchlink holds it: every entry in memory, a look-up per arriving call.

:class:`BlacklistBook` is the one copy the daemon enforces from. Its :meth:`screen` is what
the adapter calls for each inbound arrival (docs/blacklist.md "Enforcement"): one dict
look-up and a window check, so a million entries cost no throughput. Windows are compared
with the call's switch time, so an entry that expires stops blocking on the second; the
book's event processor also notes the expiry in the history and keeps the floor's
``blacklist/summary`` key (counts for the board and the console) current.
"""

from __future__ import annotations

import heapq
import logging
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from models.blacklist import BlacklistEntry, BlockAction, EntryState, Screening
from models.events import CallScreened, Event
from models.phone_numbers import NumberError, is_canonical, normalise
from switchlink.engine.state import Change, FloorState

log = logging.getLogger(__name__)

SUMMARY_KEY = "blacklist/summary"
#: (entry id, number, switch time it expired)
Expired = tuple[int, str, float]
_NEVER = math.inf


class BlacklistBook:
    """Entries by number (one per number), the screen, and expiry on switch time."""

    def __init__(
        self,
        entries: Iterable[BlacklistEntry] = (),
        clock: Callable[[], float] | None = None,
        on_expired: Callable[[list[Expired]], None] | None = None,
    ) -> None:
        self.clock = clock
        self.on_expired = on_expired
        #: every entry by canonical number (lifted ones too: their history stays findable)
        self._entries: dict[str, BlacklistEntry] = {}
        #: number -> (from, until, verdict) for entries not lifted: the hot look-up
        self._live: dict[str, tuple[float, float, Screening]] = {}
        self._expiry: list[tuple[float, int, str]] = []
        #: serialises changes (commands run on worker threads); look-ups never take it
        self.lock = threading.RLock()
        self.version = 0
        self._day: date | None = None
        self.blocked_today = 0
        self.warned_today = 0
        self._published: dict[str, Any] | None = None
        self._last_t = 0.0
        self._load(entries)

    # --- the look-up (hot path) -------------------------------------------------------------

    def screen(self, caller: str, t: float) -> Screening | None:
        """The verdict for a call from ``caller`` at switch time ``t``; None lets it by."""
        hit = self._live.get(caller)
        if hit is None:
            if is_canonical(caller):
                return None
            try:
                hit = self._live.get(normalise(caller))
            except NumberError:
                return None
            if hit is None:
                return None
        if hit[0] <= t < hit[1]:
            return hit[2]
        return None

    # --- changes ----------------------------------------------------------------------------

    def put(self, entry: BlacklistEntry) -> None:
        """Hold ``entry`` (stored, with its id) as its number's entry from now on."""
        with self.lock:
            self._put(entry)
            self.version += 1

    def put_many(self, entries: Iterable[BlacklistEntry]) -> None:
        with self.lock:
            for entry in entries:
                self._put(entry)
            self.version += 1

    def _put(self, entry: BlacklistEntry) -> None:
        number = entry.number
        self._entries[number] = entry
        if not entry.active or entry.id is None:
            self._live.pop(number, None)
            return
        until = _NEVER if entry.blocked_until is None else entry.blocked_until
        verdict = Screening(entry.id, number, BlockAction(entry.action), entry.reason)
        self._live[number] = (entry.blocked_from, until, verdict)
        if entry.blocked_until is not None:
            heapq.heappush(self._expiry, (entry.blocked_until, entry.id, number))

    def _load(self, entries: Iterable[BlacklistEntry]) -> None:
        """:meth:`_put` for the whole stored list at start, inlined and heapified once: a
        daemon with 1,000,000 entries builds its book in seconds, not half a minute."""
        all_entries, live, expiry, never = self._entries, self._live, self._expiry, _NEVER
        for entry in entries:
            number = entry.number
            all_entries[number] = entry
            if not entry.active or entry.id is None:
                live.pop(number, None)
                continue
            until = entry.blocked_until
            action = entry.action
            if type(action) is not BlockAction:
                action = BlockAction(action)
            live[number] = (entry.blocked_from, never if until is None else until,
                            Screening(entry.id, number, action, entry.reason))
            if until is not None:
                expiry.append((until, entry.id, number))
        heapq.heapify(expiry)

    def get(self, number: str) -> BlacklistEntry | None:
        return self._entries.get(number)

    def entries(self) -> Iterator[BlacklistEntry]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    # --- expiry and counts (the event loop) -------------------------------------------------

    def expire(self, now: float) -> list[Expired]:
        """Entries whose window ended by ``now`` (each once); they already stopped blocking."""
        out: list[Expired] = []
        heap = self._expiry
        with self.lock:
            while heap and heap[0][0] <= now:
                until, entry_id, number = heapq.heappop(heap)
                entry = self._entries.get(number)
                if entry is None or entry.id != entry_id or not entry.active \
                        or entry.blocked_until != until:
                    continue  # changed or lifted since: that entry is not expiring
                out.append((entry_id, number, until))
            if out:
                self.version += 1
        return out

    def on_events(self, events: list[Event], floor: FloorState) -> list[Change]:
        """Server processor: count screened calls, note expiries, refresh the summary key."""
        for e in events:
            if type(e) is CallScreened:
                self._roll_day(e.t)
                if BlockAction(e.action).blocks:
                    self.blocked_today += 1
                else:
                    self.warned_today += 1
        if events:
            self._last_t = events[-1].t
            self._roll_day(self._last_t)
            expired = self.expire(self._last_t)
            if expired and self.on_expired is not None:
                try:
                    self.on_expired(expired)
                except Exception:  # history of an expiry is worth a log line, not the floor
                    log.exception("could not record %d blacklist expiries", len(expired))
        summary = self.summary(self._last_t)
        if summary == self._published:
            return []
        self._published = summary
        return floor.set(SUMMARY_KEY, summary)

    def _roll_day(self, t: float) -> None:
        day = datetime.fromtimestamp(t).date()
        if day != self._day:
            self._day = day
            self.blocked_today = self.warned_today = 0

    def summary(self, now: float) -> dict[str, Any]:
        """What the board and the console show: sizes, today's counts, a version to re-ask.

        Cheap on purpose (it is built for every event batch): no walk over the entries.
        """
        return {"entries": len(self._entries), "listed": len(self._live), "version": self.version,
                "blocked_today": self.blocked_today, "warned_today": self.warned_today}

    def state_of(self, entry: BlacklistEntry, now: float) -> EntryState:
        return entry.state(now)
