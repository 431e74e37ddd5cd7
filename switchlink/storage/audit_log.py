"""The daemon's audit trail: entries queued by the caller, committed in batches by a thread.

One synchronous commit per audited command put SQLite's fsync on the event loop: a burst
of 1,000 refused commands stalled heartbeats for seconds (issue 11). ``record`` now only
queues (never blocks; a full queue drops and counts, like the history writer), and
``search`` first waits for what is queued, so an entry is searchable once its command has
been answered.
"""

from __future__ import annotations

import logging

from models.persistence.database import Database, DatabaseError
from models.persistence.users import AuditRepository
from models.security import AuditEntry
from switchlink.storage.batch_writer import BatchWriter, WriterStats

log = logging.getLogger(__name__)

#: how long a search waits for queued entries to be committed
SEARCH_FLUSH_S = 5.0


class BatchedAuditLog:
    """The ``AuditLog`` interface of switchlink.services.users.auth, written off the caller."""

    def __init__(self, db: Database, *, max_delay_s: float = 0.2, capacity: int = 50_000) -> None:
        self._repo = AuditRepository(db)
        self._writer: BatchWriter[AuditEntry] = BatchWriter(
            self._repo.record_many, batch_size=500, max_delay_s=max_delay_s,
            capacity=capacity, name="audit-writer",
        )

    def record(self, entry: AuditEntry) -> None:
        if not self._writer.submit(entry):
            log.error("audit queue full or closed: dropped %s by %r", entry.action, entry.user)

    def search(
        self,
        user: str | None = None,
        action: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
        target: str | None = None,
        result: str | None = None,
        offset: int = 0,
    ) -> list[AuditEntry]:
        if not self._writer.flush(SEARCH_FLUSH_S):
            log.warning("audit search: queued entries not all committed after %s s", SEARCH_FLUSH_S)
        try:
            return self._repo.search(
                user=user, action=action, since=since, until=until, limit=limit,
                target=target, result=result, offset=offset,
            )
        except DatabaseError as exc:  # an inverted range is the caller's mistake, not ours
            from switchlink.services.registry import CommandError

            raise CommandError("bad_request", str(exc)) from None

    def stats(self) -> WriterStats:
        return self._writer.stats()

    def close(self) -> None:
        """Write what is queued, then stop the thread (daemon shutdown)."""
        self._writer.close()
