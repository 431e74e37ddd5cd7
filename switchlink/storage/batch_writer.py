"""One writer thread per database: items queued without blocking, written in batches.

``submit()`` only puts onto a bounded queue, so the event loop never waits for a commit:
when the queue is full the item is dropped and counted, because stalling the switch's event
loop would be worse than a gap in history. A thread writes each batch in one transaction
(retried with back-off); a batch is durable once its commit returns.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(slots=True)
class WriterStats:
    """What the writer has done; ``depth`` near ``capacity`` means it is falling behind."""

    depth: int
    capacity: int
    high_water: int
    submitted: int
    written: int
    dropped: int
    failed: int
    batches: int


class BatchWriter(Generic[T]):
    """A thread that writes queued items in batches, one transaction per batch."""

    def __init__(
        self,
        write: Callable[[list[T]], None],
        *,
        batch_size: int = 500,
        max_delay_s: float = 0.5,
        capacity: int = 100_000,
        on_commit: Callable[[list[T]], None] | None = None,
        retries: int = 5,
        name: str = "batch-writer",
    ) -> None:
        if batch_size < 1 or capacity < 1 or max_delay_s <= 0:
            raise ValueError("batch_size and capacity must be >= 1 and max_delay_s > 0")
        self._write = write
        self._on_commit = on_commit
        self.batch_size = batch_size
        self.max_delay_s = max_delay_s
        self.retries = retries
        self._queue: queue.Queue[T] = queue.Queue(maxsize=capacity)
        self._capacity = capacity
        self._cond = threading.Condition()
        self._submitted = self._done = self._written = self._dropped = 0
        self._failed = self._batches = self._high_water = 0
        self._closing = threading.Event()
        #: someone waits in flush(): commit what is queued now, not after max_delay_s
        self._hurry = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # --- producer side (the event loop) -----------------------------------------------------

    def submit(self, item: T) -> bool:
        """Queue one item without blocking; False (and counted) if the queue is full or closed."""
        if self._closing.is_set():
            self._dropped += 1
            return False
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self._dropped += 1
            return False
        with self._cond:
            self._submitted += 1
            depth = self._queue.qsize()
            self._high_water = max(self._high_water, depth)
        return True

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything submitted so far is committed (or failed); False on timeout."""
        self._hurry.set()
        with self._cond:
            target = self._submitted
            return self._cond.wait_for(lambda: self._done >= target, timeout)

    def close(self, timeout: float | None = 30.0) -> None:
        """Stop accepting items, write what is queued, stop the thread."""
        self._closing.set()
        self._thread.join(timeout)

    def stats(self) -> WriterStats:
        with self._cond:
            return WriterStats(
                depth=self._queue.qsize(), capacity=self._capacity,
                high_water=self._high_water, submitted=self._submitted, written=self._written,
                dropped=self._dropped, failed=self._failed, batches=self._batches,
            )

    # --- the writer thread -------------------------------------------------------------------

    def _collect(self) -> list[T]:
        batch: list[T] = []
        deadline: float | None = None
        while len(batch) < self.batch_size:
            if batch and self._hurry.is_set() and self._queue.empty():
                break
            if deadline is None:
                wait = 0.1
            else:
                wait = min(deadline - time.monotonic(), 0.05)  # 0.05: look at _hurry
                if wait <= 0:
                    break
            try:
                batch.append(self._queue.get(timeout=wait))
            except queue.Empty:
                if self._closing.is_set() or (
                    batch and deadline is not None and time.monotonic() >= deadline
                ):
                    break
                continue
            if deadline is None:
                deadline = time.monotonic() + self.max_delay_s
        return batch

    def _run(self) -> None:
        while True:
            batch = self._collect()
            if batch:
                self._commit(batch)
                if self._queue.empty():
                    self._hurry.clear()
            elif self._closing.is_set() and self._queue.empty():
                return

    def _commit(self, batch: list[T]) -> None:
        delay = 0.05
        for attempt in range(1, self.retries + 1):
            try:
                self._write(batch)
            except Exception:
                log.exception("writing a batch of %d failed (attempt %d)", len(batch), attempt)
                if attempt == self.retries:
                    with self._cond:
                        self._failed += len(batch)
                        self._done += len(batch)
                        self._cond.notify_all()
                    return
                time.sleep(delay)  # back off before retrying a database that is busy or down
                delay = min(delay * 4, 2.0)
                continue
            with self._cond:
                self._written += len(batch)
                self._batches += 1
                self._done += len(batch)
                self._cond.notify_all()
            if self._on_commit is not None:
                try:
                    self._on_commit(batch)
                except Exception:
                    log.exception("on_commit callback failed")
            return
