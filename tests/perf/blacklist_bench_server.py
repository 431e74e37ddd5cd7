"""The protocol benchmark's emulator server with a blacklist of ENTRIES numbers enforced.

Usage: python blacklist_bench_server.py ENDPOINT CONFIG_DIR SCENARIO EVENTS DELAY_S ENTRIES

As ``protocol_bench_server.py loopback`` (same output lines), plus a
:class:`~switchlink.engine.blacklist.BlacklistBook` of ENTRIES random mobile numbers whose
screen the emulator asks for every arrival, and whose processor runs on every batch, as in
switchlink.daemon.
"""

from __future__ import annotations

import random
import signal
import sys
import tempfile
from pathlib import Path

from argon2 import PasswordHasher

sys.path.insert(0, str(Path(__file__).resolve().parent))
from protocol_bench_server import HeldLoopback

from models.blacklist import BlacklistEntry, BlockAction
from switchlink.engine.blacklist import BlacklistBook
from switchlink.services.users.auth import (
    Authenticator,
    FileAuditLog,
    FileUserStore,
)
from switchlink.transport.keys import ensure_keys
from switchlink.transport.server import Server, tune_gc_for_serving

ACTIONS = (BlockAction.BUSY, BlockAction.RELEASE, BlockAction.WARN)


def book_of(n: int) -> BlacklistBook:
    """``n`` entries, mobile numbers drawn like the emulator's callers (a few will match)."""
    rng = random.Random(11)
    numbers = {str(rng.randrange(13_000_000_000, 19_000_000_000)) for _ in range(n)}
    while len(numbers) < n:
        numbers.add(str(rng.randrange(13_000_000_000, 19_000_000_000)))
    return BlacklistBook(
        BlacklistEntry(num, blocked_from=0.0, action=ACTIONS[i % 3], id=i + 1, reason="bench")
        for i, num in enumerate(sorted(numbers))
    )


def main(argv: list[str]) -> int:
    endpoint, config, scenario = argv[0], Path(argv[1]), argv[2]
    events, delay, entries = int(argv[3]), float(argv[4]), int(argv[5])
    # the book first: HeldLoopback's hold starts when it is made, and a million entries take
    # longer than the hold, so the flood began before the client had subscribed (it then got a
    # snapshot instead of the events, and the "loaded" figure measured something else)
    book = book_of(entries)
    adapter = HeldLoopback(scenario, events, delay)
    adapter.set_call_screen(book.screen)
    data = Path(tempfile.mkdtemp())
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    server = Server(
        adapter, endpoint=endpoint,
        keys=ensure_keys(config), authenticator=Authenticator(FileUserStore(data / "u.json"),
                                                              hasher=hasher),
        audit=FileAuditLog(data / "a.jsonl"), services={"blacklist": book},
    )
    server.start()
    server.processors.append(book.on_events)
    tune_gc_for_serving()
    signal.signal(signal.SIGTERM, lambda *_: server.stop())
    print(f"ready {adapter.marker}", flush=True)
    try:
        server.run()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
