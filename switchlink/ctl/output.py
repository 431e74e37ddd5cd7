"""What every ctl verb prints with: exit codes, errors, one-line answers and aligned tables.

Exit codes: 0 ok, 1 the daemon refused the command, 2 usage / local setup, 3 link down.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from datetime import datetime
from typing import Any

from models.metric_units import unit_of

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_LINK = 0, 1, 2, 3


def err(message: str) -> None:
    print(f"ctl: {message}", file=sys.stderr)


def say(data: Any, as_json: bool, text: str) -> None:
    """``data`` as JSON for scripts, else ``text`` for people."""
    print(json.dumps(data, ensure_ascii=False) if as_json else text)


def print_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    """Table rows as one JSON list, or as an aligned table."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        print_table(rows)


def local_time(epoch: float | None, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    """An epoch as local time for a table cell; empty when unknown."""
    return "" if epoch is None else datetime.fromtimestamp(epoch).strftime(fmt)


#: the two clocks a time printed by ctl can come from (column headers and JSON ``clock``)
SWITCH_CLOCK = "switch clock"  # the switch's (on the emulator: simulated) time of events
WALL_CLOCK = "wall clock"  # this daemon host's real time (audit, uptime)


def duration(seconds: float | None) -> str:
    """Seconds as m:ss, or h:mm:ss from an hour on; empty when unknown."""
    if seconds is None:
        return ""
    secs = max(0, round(seconds))
    hours, rest = divmod(secs, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(ratio: float | None) -> str:
    """A 0..1 ratio as a whole percent; empty when unknown (no calls yet)."""
    return "" if ratio is None else f"{ratio * 100:.0f}%"


def metric_value(metric: str, value: float | None) -> str:
    """A metric's value in its unit: ratios as %, seconds as m:ss, ms with "ms", counts bare."""
    if value is None:
        return ""
    unit = unit_of(metric)
    if unit == "ratio":
        return percent(value)
    if unit == "seconds":
        return duration(value)
    if unit == "ms":
        return f"{value:.0f} ms"
    return f"{value:g}"


def fixed(value: float | None, digits: int = 1) -> str:
    """A number with ``digits`` decimals for a table cell; empty when unknown."""
    return "" if value is None else f"{value:.{digits}f}"


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def print_table(rows: list[dict[str, Any]]) -> None:
    """Columns padded to their widest cell, headers in capitals; ``(none)`` when empty."""
    if not rows:
        print("(none)")
        return
    cols = list(rows[0])
    widths = {c: max(len(c), *(display_width(str(r[c])) for r in rows)) for c in cols}
    print("  ".join(_pad(c.upper(), widths[c]) for c in cols).rstrip())
    for r in rows:
        print("  ".join(_pad(str(r[c]), widths[c]) for c in cols).rstrip())
