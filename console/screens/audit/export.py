"""Every audit entry matching the filters, fetched page by page, written as CSV that Excel
opens with Chinese intact (UTF-8 with a byte-order mark). Qt-free except for the caller."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: the largest page ``audit.search`` gives, and the furthest offset it accepts
PAGE = 10_000
MAX_OFFSET = 1_000_000
HEADER = ("id", "at", "user", "role", "action", "target", "reason", "result", "detail")


def local_time(epoch: float) -> str:
    """ISO-like local time a spreadsheet reads as a date ("2026-11-30 14:05:09")."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(epoch)))


def csv_rows(entries: Iterable[dict[str, Any]]) -> Iterable[list[str]]:
    for e in entries:
        detail = e.get("detail") or {}
        yield [str(e.get("id", "")), local_time(e.get("at") or 0), str(e.get("user", "")),
               str(e.get("role", "")), str(e.get("action", "")), str(e.get("target", "")),
               str(e.get("reason", "")), str(e.get("result", "")),
               json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else ""]


def write_csv(path: Path, entries: Iterable[dict[str, Any]]) -> int:
    """Write ``entries`` to ``path`` (replaced only once complete); returns the row count."""
    partial = path.with_name(path.name + ".part")
    count = 0
    with partial.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for row in csv_rows(entries):
            writer.writerow(row)
            count += 1
    partial.replace(path)
    return count


class PagedFetch:
    """Asks ``audit.search`` for every page of one filter, one command at a time (the GUI
    never waits), then hands all entries to ``done``; a refusal goes to ``failed``."""

    def __init__(self, command: Callable[..., Any], filters: dict[str, Any],
                 done: Callable[[list[dict[str, Any]]], None],
                 failed: Callable[[Any], None],
                 progress: Callable[[int], None] | None = None) -> None:
        self.command = command
        self.filters = dict(filters)
        self.done = done
        self.failed = failed
        self.progress = progress
        self.entries: list[dict[str, Any]] = []

    def start(self) -> None:
        # newest first: entries written meanwhile would shift the pages, so freeze the end
        if self.filters.get("until") is None:
            self.filters["until"] = time.time()
        self._ask(0)

    def _ask(self, offset: int) -> None:
        args = dict(self.filters, limit=PAGE, offset=offset)
        self.command("audit.search", args, on_success=lambda page: self._page(offset, page),
                     on_failure=self.failed, timeout=60.0)

    def _page(self, offset: int, page: Any) -> None:
        rows = [r for r in page if isinstance(r, dict)] if isinstance(page, list) else []
        self.entries.extend(rows)
        if self.progress is not None:
            self.progress(len(self.entries))
        next_offset = offset + len(rows)
        if len(rows) < PAGE or next_offset > MAX_OFFSET:
            self.done(self.entries)
        else:
            self._ask(next_offset)
