"""The daemon's blacklist: loaded from the database at start, installed in the adapter.

Entries come from ``blacklist_entries`` (all of them; one per number); the adapter gets the
book's look-up (``set_call_screen``), and a window that ends writes its ``expired`` history
row here. Changes made by commands are written by the service (services/blacklist.py)
before they reach the book, so the database is the truth the daemon restarts from.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from models.blacklist import SYSTEM
from models.persistence.blacklist import BlacklistRepository
from models.persistence.database import Database
from switchlink.engine.blacklist import BlacklistBook, Expired

log = logging.getLogger(__name__)


def open_blacklist(db: Database, adapter: Any) -> BlacklistBook:
    """The book with every stored entry, its screen installed in ``adapter``."""
    repo = BlacklistRepository(db)

    def expired(items: list[Expired]) -> None:
        repo.record_expiries(items, SYSTEM)

    # a million entries are a few million objects built at once: the collector would rescan
    # them again and again while they are made (half the load time); the daemon freezes them
    # once it serves (transport.server.tune_gc_for_serving)
    collecting = gc.isenabled()
    gc.disable()
    try:
        book = BlacklistBook(repo.all(), clock=adapter.now, on_expired=expired)
    finally:
        if collecting:
            gc.enable()
    in_switch = adapter.set_call_screen(book.screen)
    log.debug("blacklist: %d entries, enforced %s", len(book),
             "by the switch" if in_switch else "by switchlink through the adapter")
    return book
