"""Results of line, link, fax and IVR tests run by maintenance staff, and their CSV form."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class LinkTestResult:
    """One finished test on a board, trunk, channel or link."""

    target: str
    kind: str
    passed: bool
    at: float
    detail: str = ""
    by: str = ""
    id: int | None = None
    #: the board the target is on (the board itself for a self-test): pass rate per board
    board: str = ""
    #: the adapter's test id
    test_id: str = ""
    #: what was measured, by name
    measured: dict[str, float] = field(default_factory=dict)


#: the CSV export's columns, in order; ``at`` is a local ISO date-time on the switch clock
CSV_COLUMNS = ("at", "board", "target", "kind", "result", "by", "detail", "measured", "test_id")


def results_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """Test results as plain dicts (as ``equipment.tests`` answers) -> CSV text (ctl, console)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        measured = row.get("measured") or {}
        writer.writerow([
            datetime.fromtimestamp(float(row["at"])).isoformat(timespec="seconds"),
            row.get("board", ""), row.get("target", ""), row.get("kind", ""),
            "pass" if row.get("passed") else "fail", row.get("by", ""), row.get("detail", ""),
            "; ".join(f"{k}={v:g}" for k, v in sorted(measured.items())),
            row.get("test_id", ""),
        ])
    return out.getvalue()
