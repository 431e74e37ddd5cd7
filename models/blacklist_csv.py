"""Blacklist CSV import / export: one documented header, all-or-nothing, idempotent.

Header (docs/blacklist.md): ``number,action,customer_level,from,until,reason``.
``from`` and ``until`` are ISO date-times (``until`` may be a duration such as ``30d``,
counted from ``from``; empty ``until`` = no end; empty ``from`` = now, or the listed
entry's start). A file with any bad row is refused whole, each bad row named by its line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from models.blacklist import (
    MAX_REASON,
    BlacklistEntry,
    BlockAction,
    check_window,
    format_time,
    parse_action,
    parse_duration,
    parse_level,
    parse_time,
)
from models.calls import CustomerLevel
from models.phone_numbers import NumberError, normalise

HEADER = ("number", "action", "customer_level", "from", "until", "reason")
REQUIRED = ("number", "action")
#: how many bad rows an error listing names before "and N more"
MAX_LISTED = 200


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One good row: what the entry for ``number`` should be after the import."""

    line: int
    number: str
    action: BlockAction
    customer_level: CustomerLevel
    #: None: keep the listed entry's start, or now for a new one
    blocked_from: float | None
    #: the end as written: an instant, a duration from the start, or None (no end)
    until_at: float | None
    until_for_s: float | None
    reason: str

    def window(self, existing_from: float | None, now: float) -> tuple[float, float | None]:
        start = self.blocked_from
        if start is None:
            start = existing_from if existing_from is not None else now
        until = self.until_at
        if self.until_for_s is not None:
            until = start + self.until_for_s
        check_window(start, until)
        return start, until


class CsvRefused(ValueError):
    """The file was refused whole; ``errors`` names each bad row."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:5])
        more = f" … and {len(errors) - 5} more" if len(errors) > 5 else ""
        super().__init__(f"{len(errors)} bad row(s), nothing imported: {shown}{more}")


def parse_csv(text: str) -> list[ImportRow]:
    """Every row of ``text`` checked; :class:`CsvRefused` listing each bad row otherwise."""
    if text.startswith("\ufeff"):
        text = text[1:]  # Excel's UTF-8 mark
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvRefused([RowError(1, "empty file: the first line must be the header "
                                      + ",".join(HEADER))]) from None
    except csv.Error as exc:
        raise CsvRefused([RowError(1, f"not CSV: {exc}")]) from None
    names = [h.strip().lower() for h in header]
    unknown = [n for n in names if n not in HEADER]
    missing = [n for n in REQUIRED if n not in names]
    if unknown or missing or len(set(names)) != len(names):
        why = []
        if unknown:
            why.append(f"unknown column(s) {', '.join(unknown)}")
        if missing:
            why.append(f"missing column(s) {', '.join(missing)}")
        if len(set(names)) != len(names):
            why.append("a column is named twice")
        raise CsvRefused([RowError(1, "; ".join(why) + f" (header: {','.join(HEADER)})")])
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    line = 1
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue  # blank line
            if len(values) != len(names):
                errors.append(RowError(line, f"{len(values)} fields, the header has "
                                             f"{len(names)}"))
                continue
            try:
                row = _row(line, dict(zip(names, values, strict=True)))
            except ValueError as exc:
                errors.append(RowError(line, str(exc)))
                continue
            if row.number in seen:
                errors.append(RowError(line, f"number {row.number} is already on line "
                                             f"{seen[row.number]}"))
                continue
            seen[row.number] = line
            rows.append(row)
    except csv.Error as exc:
        errors.append(RowError(reader.line_num or line, f"not CSV: {exc}"))
    if errors:
        raise CsvRefused(errors)
    return rows


def _row(line: int, cells: dict[str, str]) -> ImportRow:
    try:
        number = normalise(cells["number"])
    except NumberError as exc:
        raise ValueError(f"number {cells['number'].strip()!r}: {exc}") from None
    action = parse_action(cells["action"])
    level = parse_level(cells.get("customer_level", ""))
    start_text = cells.get("from", "").strip()
    start = parse_time(start_text) if start_text else None
    until_text = cells.get("until", "").strip()
    until_at = until_for = None
    if until_text:
        if until_text[-1:].lower() in "mhdw" and until_text[:-1].strip().replace(".", "").isdigit():
            until_for = parse_duration(until_text)
        else:
            until_at = parse_time(until_text)
    if start is not None:
        end = until_at if until_at is not None else (
            start + until_for if until_for is not None else None)
        check_window(start, end)
    reason = cells.get("reason", "").strip()
    if len(reason) > MAX_REASON:
        raise ValueError(f"reason is longer than {MAX_REASON} characters")
    return ImportRow(line, number, action, level, start, until_at, until_for, reason)


def to_csv(entries: list[BlacklistEntry]) -> str:
    """Entries (lifted ones left out: they block nothing) under the documented header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for e in entries:
        if not e.active:
            continue
        writer.writerow((
            e.number, e.action.value, e.customer_level.value, format_time(e.blocked_from),
            "" if e.blocked_until is None else format_time(e.blocked_until), e.reason,
        ))
    return out.getvalue()
