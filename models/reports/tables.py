"""A report's figures as titled tables of text: what the CSV and the PDF both print."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import tzinfo

from models.reports import labels as L


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _row(columns: tuple[str, ...], values: dict, lang: str) -> tuple[str, ...]:
    out = []
    for c in columns:
        v = values.get(c)
        if c == "level":
            out.append(L.text(str(v), lang))
        elif c in ("queue", "agent", "name"):
            out.append(str(v))
        else:
            out.append(L.figure(c, v))
    return tuple(out)


def _table(key: str, columns: tuple[str, ...], rows: list[dict], lang: str) -> Table:
    title = (L.text(f"section.{key}", lang) if not key.startswith("complaints.") else
             f"{L.text('section.complaints', lang)} · {L.text(key.split('.', 1)[1], lang)}")
    return Table(key, title,
                 tuple(L.text(c, lang) for c in columns),
                 tuple(_row(columns, r, lang) for r in rows))


def report_tables(figures: dict, lang: str) -> list[Table]:
    """Centre, queues, VIP / normal, agents, not-ready by reason, alarms, complaints."""
    L.check_language(lang)
    centre = figures.get("centre", {})
    tables = [_table("centre", L.CENTRE_COLUMNS, [centre], lang)]
    tables.append(_table("queues", L.QUEUE_COLUMNS, figures.get("queues", []), lang))
    levels = [dict(v, level=k) for k, v in centre.get("levels", {}).items()]
    tables.append(_table("levels", L.LEVEL_COLUMNS, levels, lang))
    agents = figures.get("agents", [])
    tables.append(_table("agents", L.AGENT_COLUMNS, agents, lang))
    # one row per agent, one column per not-ready reason (compact beside agents x reasons)
    names = sorted({r for a in agents for r in a.get("not_ready_by_reason", {})})
    reasons = [
        (a["agent"], *(L.duration(a["not_ready_by_reason"].get(r)) if r in
                       a["not_ready_by_reason"] else "" for r in names))
        for a in agents if a.get("not_ready_by_reason")
    ]
    tables.append(Table("not_ready", L.text("section.not_ready", lang),
                        (L.text("agent", lang), *names), tuple(reasons)))
    forced = [
        (a["agent"], L.text(kind, lang), str(n))
        for a in agents for kind, n in a.get("forced", {}).items()
    ]
    if forced:
        tables.append(Table("forced", L.text("forced_total", lang),
                            (L.text("agent", lang), L.text("name", lang), L.text("count", lang)),
                            tuple(forced)))
    tables.append(_table("alarms", L.ALARM_COLUMNS, figures.get("alarms", {}).get("levels", []),
                         lang))
    complaints = figures.get("complaints", {})
    if complaints.get("available"):
        for part in ("by_category", "by_cause", "by_department"):
            tables.append(_table(f"complaints.{part}", L.COMPLAINT_COLUMNS,
                                 complaints.get(part, []), lang))
    return tables


def to_csv(figures: dict, lang: str, tz: tzinfo | None = None) -> str:
    """The report as CSV: a heading line, then each table under its title, blank-separated.

    UTF-8 with a BOM so a spreadsheet opens the Chinese correctly; the service-level
    definition is printed with the figures.
    """
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    period = figures.get("period", {})
    w.writerow([L.text(f"title.{period.get('kind', 'daily')}", lang),
                L.text("period", lang), L.period_text(period, lang, tz)])
    definitions = figures.get("definitions", {})
    sl = definitions.get("service_level_zh" if lang == "zh_CN" else "service_level", "")
    w.writerow([L.text("sl_definition", lang), sl])
    for table in report_tables(figures, lang):
        w.writerow([])
        w.writerow([table.title])
        w.writerow(table.header)
        w.writerows(table.rows)
    if not figures.get("complaints", {}).get("available"):
        w.writerow([])
        w.writerow([L.text("section.complaints", lang), L.text("not_available", lang)])
    return "\ufeff" + out.getvalue()
