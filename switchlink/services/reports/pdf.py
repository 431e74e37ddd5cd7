"""A printable PDF of one report: title, period, charts, tables, page numbers, Chinese text.

reportlab draws the pages and the charts (vector, so they print sharp at any size) and embeds
a subset of a CJK TrueType font found on the machine (WenQuanYi Micro Hei from Debian's
fonts-wqy-microhei first). Imported only when a PDF is asked for, on a worker thread: the
daemon's event loop never loads it.
"""

from __future__ import annotations

import io
import os
import re
from datetime import tzinfo
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from models.reports import labels as L
from models.reports.tables import report_tables

FONT = "CallfloorCJK"
#: where a CJK font is looked for, in order ($CALLFLOOR_CJK_FONT first)
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
PAGE = landscape(A4)
MARGIN = 15 * mm


class PdfFontMissing(RuntimeError):
    """No CJK font: the PDF would print boxes instead of Chinese."""


def _register_font() -> str:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    wanted = os.environ.get("CALLFLOOR_CJK_FONT")
    for path in ((wanted,) if wanted else ()) + FONT_CANDIDATES:
        if path and Path(path).is_file():
            index = {"subfontIndex": 0} if path.endswith(".ttc") else {}
            pdfmetrics.registerFont(TTFont(FONT, path, **index))
            return FONT
    raise PdfFontMissing(
        "no Chinese font for the PDF: install fonts-wqy-microhei (Debian) or set "
        "CALLFLOOR_CJK_FONT to a .ttf/.ttc file")


class _NumberedCanvas(rl_canvas.Canvas):
    """Page numbers "n of total": pages are kept until the total is known."""

    lang = "en"
    footer = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(colors.grey)
            self.drawString(MARGIN, 8 * mm, self.footer)
            self.drawRightString(PAGE[0] - MARGIN, 8 * mm,
                                 L.text("page", self.lang).format(n=self._pageNumber,
                                                                   total=total))
            super().showPage()
        super().save()


def _styles(lang: str) -> dict[str, ParagraphStyle]:
    # Chinese wraps between any two characters; English only between words
    wrap = {"wordWrap": "CJK"} if lang == "zh_CN" else {"splitLongWords": 0}
    return {
        "title": ParagraphStyle("title", fontName=FONT, fontSize=20, leading=26,
                                spaceAfter=4),
        "sub": ParagraphStyle("sub", fontName=FONT, fontSize=10, leading=14,
                              textColor=colors.HexColor("#444444")),
        "h2": ParagraphStyle("h2", fontName=FONT, fontSize=13, leading=18, spaceBefore=10,
                             spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9, **wrap),
    }


_NUMERIC = re.compile(r"^(—|-?[\d,.:]+%?)$")


def _table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], width: float,
           cell: ParagraphStyle) -> Table:
    """Headers wrap (Chinese column names are long); figures align right, names left."""
    data = [[Paragraph(h, cell) for h in header]] + [list(r) for r in rows]
    t = Table(data, repeatRows=1, colWidths=[width / len(header)] * len(header))
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for col in range(1, len(header)):  # the first column names the row: left
        cells = [r[col] for r in rows if col < len(r) and r[col]]
        if cells and all(_NUMERIC.match(c) for c in cells):
            style.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    t.setStyle(TableStyle(style))
    return t


def _bucket_label(t: float, kind: str, tz: tzinfo | None) -> str:
    fmt = {"hourly": "%H:%M", "daily": "%H", "weekly": "%m-%d", "monthly": "%d"}[kind]
    return L.local_time(t, tz, fmt)


def _volume_chart(series: list[dict], kind: str, lang: str, tz: tzinfo | None,
                  width: float) -> Drawing:
    d = Drawing(width, 170)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 170, 125
    chart.data = [[s["offered"] for s in series], [s["answered"] for s in series],
                  [s["abandoned"] for s in series]]
    chart.categoryAxis.categoryNames = [_bucket_label(s["start"], kind, tz) for s in series]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    palette = (colors.HexColor("#4e79a7"), colors.HexColor("#59a14f"),
               colors.HexColor("#e15759"))
    for i, colour in enumerate(palette):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    chart.groupSpacing = 3
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 120, 140
    legend.fontName, legend.fontSize = FONT, 8
    legend.colorNamePairs = list(zip(palette, (L.text(k, lang) for k in
                                               ("offered", "answered", "abandoned")),
                                     strict=True))
    d.add(legend)
    d.add(String(40, 160, L.text("section.chart_volume", lang), fontName=FONT, fontSize=9))
    return d


def _sl_chart(series: list[dict], kind: str, lang: str, tz: tzinfo | None,
              width: float) -> Drawing:
    """Service level per bucket as bars (a bucket without calls has none, rather than a line
    through a gap), the 85 % target as a dashed line across."""
    d = Drawing(width, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, width - 170, 105
    chart.data = [[0 if s["service_level"] is None else s["service_level"] * 100
                   for s in series]]
    chart.categoryAxis.categoryNames = [_bucket_label(s["start"], kind, tz) for s in series]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor, chart.bars[0].strokeColor = colors.HexColor("#4e79a7"), None
    d.add(chart)
    target_y = chart.y + chart.height * 0.85
    d.add(Line(chart.x, target_y, chart.x + chart.width, target_y,
               strokeColor=colors.HexColor("#e15759"), strokeDashArray=(3, 2)))
    legend = Legend()
    legend.x, legend.y = width - 120, 120
    legend.fontName, legend.fontSize = FONT, 8
    legend.colorNamePairs = [(colors.HexColor("#4e79a7"), L.text("service_level", lang)),
                             (colors.HexColor("#e15759"), "85%")]
    d.add(legend)
    d.add(String(40, 140, L.text("section.chart_sl", lang), fontName=FONT, fontSize=9))
    return d


def render_pdf(figures: dict, lang: str, tz: tzinfo | None = None,
               generated: str = "") -> bytes:
    """The report as PDF bytes (A4 landscape)."""
    L.check_language(lang)
    _register_font()
    styles = _styles(lang)
    period = figures.get("period", {})
    kind = str(period.get("kind", "daily"))
    title = f"{L.text('title.' + kind, lang)} · {L.text('centre', lang)}"
    width = PAGE[0] - 2 * MARGIN
    story: list = [Paragraph(title, styles["title"]),
                   Paragraph(f"{L.text('period', lang)}: {L.period_text(period, lang, tz)}",
                             styles["sub"])]
    if generated:
        story.append(Paragraph(f"{L.text('generated', lang)}: {generated}", styles["sub"]))
    definitions = figures.get("definitions", {})
    sl = definitions.get("service_level_zh" if lang == "zh_CN" else "service_level", "")
    story.append(Paragraph(f"{L.text('sl_definition', lang)}: {sl}", styles["sub"]))
    series = figures.get("series", [])
    if series:
        story += [Spacer(1, 4 * mm), _volume_chart(series, kind, lang, tz, width),
                  _sl_chart(series, kind, lang, tz, width)]
    for table in report_tables(figures, lang):
        rows = table.rows or ((L.text("none", lang),) + ("",) * (len(table.header) - 1),)
        heading = Paragraph(table.title, styles["h2"])
        grid = _table(table.header, rows, width, styles["cell"])
        # a short table stays with its heading; a long one splits, its header on every page
        story += [KeepTogether([heading, grid])] if len(rows) <= 20 else [heading, grid]
    if not figures.get("complaints", {}).get("available"):
        story += [Paragraph(L.text("section.complaints", lang), styles["h2"]),
                  Paragraph(L.text("not_available", lang), styles["cell"])]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=15 * mm, title=title,
                            author="callfloor switchlink")

    class Numbered(_NumberedCanvas):
        pass

    Numbered.lang, Numbered.footer = lang, f"{title} — {period.get('key', '')}"
    doc.build(story, canvasmaker=Numbered)
    return out.getvalue()
