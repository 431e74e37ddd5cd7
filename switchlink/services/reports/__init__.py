"""Periodic reports (定期通报): reports.list / get / generate / export (docs/reports.md).

Every command reads or writes the database, so each is ``slow`` (a worker thread, never the
event loop); the PDF library is imported only when a PDF is asked for. The scheduler is the
:class:`~switchlink.services.reports.desk.ReportDesk` the daemon attaches as a ticker and
hands to commands as ``Context.services["reports"]``.
"""

from __future__ import annotations

from typing import Any

from models.persistence.convert import NotFound
from models.persistence.database import DatabaseError
from models.persistence.reports import StoredReport
from models.reports import labels
from models.reports.periods import KINDS, Period, PeriodError, period_named
from models.reports.tables import to_csv
from models.security import Permission
from switchlink.services.registry import CommandError, Context, arg_str, command
from switchlink.services.reports.desk import SERVICE_KEY, ReportDesk

FORMATS = ("csv", "pdf")
MAX_LIST = 500


def _desk(ctx: Context) -> ReportDesk:
    desk = ctx.services.get(SERVICE_KEY)
    if desk is None:
        raise CommandError("unsupported", "this switchlink runs without a database: no reports")
    return desk


def _period(args: dict[str, Any]) -> Period:
    kind = arg_str(args, "kind", limit=16)
    text = arg_str(args, "date", limit=32)
    try:
        return period_named(kind, text)
    except PeriodError as exc:
        raise CommandError("bad_request", str(exc)) from None


def _choice(args: dict[str, Any], name: str, choices: tuple[str, ...], default: str) -> str:
    value = args.get(name, default)
    if value not in choices:
        raise CommandError(
            "bad_request", f"argument {name!r} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _report(ctx: Context, args: dict[str, Any]) -> StoredReport:
    """The stored report named by ``id`` or by ``kind`` + ``date``; generated when missing."""
    desk = _desk(ctx)
    try:
        if "id" in args:
            ident = args["id"]
            if not isinstance(ident, int) or isinstance(ident, bool) or not 1 <= ident < 2**63:
                raise CommandError("bad_request", "argument 'id' must be a report id (1 or more)")
            return desk.reports.by_id(ident)
        period = _period(args)
        stored = desk.reports.get(period.kind.value, period.start)
        if stored is None:
            stored = desk.generate(period, ctx.user)
        assert stored is not None
        return stored
    except NotFound as exc:
        raise CommandError("unknown_target", str(exc)) from None
    except DatabaseError as exc:
        raise CommandError("bad_request", str(exc)) from None


def _full(report: StoredReport) -> dict[str, Any]:
    return dict(report.summary(), figures=report.figures)


@command("reports.list", permission=Permission.VIEW_HISTORY, params=("kind", "limit", "offset"),
         slow=True)
def _list(ctx: Context, args: dict[str, Any]) -> list[dict[str, Any]]:
    """Stored reports, newest period first (summaries: the figures come with reports.get)."""
    kind = _choice(args, "kind", (*KINDS, "all"), "all")
    limit, offset = args.get("limit", 100), args.get("offset", 0)
    for name, value, high in (("limit", limit, MAX_LIST), ("offset", offset, 1_000_000)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
            raise CommandError("bad_request", f"argument {name!r} must be an integer 0..{high}")
    rows = _desk(ctx).reports.list(None if kind == "all" else kind, limit or 1, offset)
    return [r.summary() for r in rows]


@command("reports.get", permission=Permission.VIEW_HISTORY, params=("id", "kind", "date"),
         slow=True)
def _get(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """One report with its figures, by id or by kind + date (generated if not stored yet)."""
    return _full(_report(ctx, args))


@command("reports.generate", permission=Permission.VIEW_HISTORY, params=("kind", "date"),
         audit=True, slow=True)
def _generate(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """Compute a period's report from the stored history now and store it (replacing one)."""
    period = _period(args)
    ctx.audit_target = f"{period.kind.value} {period.key}"
    try:
        report = _desk(ctx).generate(period, ctx.user)
    except DatabaseError as exc:
        raise CommandError("bad_request", str(exc)) from None
    assert report is not None
    return _full(report)


@command("reports.export", permission=Permission.VIEW_HISTORY,
         params=("id", "kind", "date", "format", "lang"), slow=True)
def _export(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    """The report as a file: ``{filename, mime, content}`` (content: bytes)."""
    fmt = _choice(args, "format", FORMATS, "csv")
    lang = _choice(args, "lang", labels.LANGUAGES, "en")
    report = _report(ctx, args)
    name = f"callfloor-{report.kind}-{report.period_key}.{fmt}"
    if fmt == "csv":
        return {"filename": name, "mime": "text/csv",
                "content": to_csv(report.figures, lang).encode("utf-8")}
    from switchlink.services.reports.pdf import PdfFontMissing, render_pdf

    generated = labels.local_time(report.generated_at, None, "%Y-%m-%d %H:%M")
    try:
        content = render_pdf(report.figures, lang, generated=generated)
    except PdfFontMissing as exc:
        raise CommandError("unsupported", str(exc)) from None
    return {"filename": name, "mime": "application/pdf", "content": content}
