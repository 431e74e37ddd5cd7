"""The report exports: a printable PDF (pages, page numbers, Chinese text, charts) and CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta, timezone

import pypdf
import pytest

from models.calls import CallOutcome
from models.records import CallRecord
from models.reports.compute import compute_report
from models.reports.periods import period_named
from models.reports.records import AgentStateEntry, ReportInputs
from models.reports.tables import to_csv
from switchlink.services.reports.pdf import render_pdf

TZ = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def figures() -> dict:
    period = period_named("daily", "2026-03-02", TZ)
    calls, states = [], []
    for i in range(300):  # a day of calls on three queues, 60 agents: tables span pages
        queued = period.start + 8 * 3600 + i * 120
        answered = None if i % 7 == 0 else queued + (i % 30)
        agent = f"{1000 + i % 60}"
        calls.append(CallRecord(
            call_id=f"c{i}", caller=f"1380000{i:04d}", queue=("billing", "fault", "sales")[i % 3],
            agent=agent if answered else None, arrived_at=queued - 5, queued_at=queued,
            answered_at=answered, ended_at=(answered or queued + 20) + 180,
            outcome=CallOutcome.ANSWERED if answered else CallOutcome.ABANDONED))
    for a in range(60):
        states.append(AgentStateEntry(agent=f"{1000 + a}", state="ready",
                                      at=period.start + 8 * 3600))
        states.append(AgentStateEntry(agent=f"{1000 + a}", state="not_ready", reason="培训",
                                      at=period.start + 12 * 3600))
    return compute_report(ReportInputs(period=period, calls=calls, states=states))


def _text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_the_chinese_pdf_has_title_period_tables_and_numbered_pages(figures: dict) -> None:
    pdf = render_pdf(figures, "zh_CN", TZ, generated="2026-03-03 00:05")
    assert pdf.startswith(b"%PDF")
    pages, text = _text(pdf)
    assert pages >= 2  # 60 agents do not fit beside the charts on one page
    assert "日通报" in text and "2026-03-02" in text
    for heading in ("服务水平", "应答逾限率", "来话接通率", "工时利用率", "各队列", "座席", "告警"):
        assert heading in text, heading
    assert f"第 1 页，共 {pages} 页" in text and f"第 {pages} 页，共 {pages} 页" in text
    assert "培训" in text  # a not-ready reason, in Chinese, from the figures
    assert "本数据库没有投诉工单" in text  # said, not left out silently


def test_the_english_pdf_says_the_same_in_english(figures: dict) -> None:
    pages, text = _text(render_pdf(figures, "en", TZ))
    assert "Daily report" in text and "Service level" in text and "billing" in text
    assert f"Page {pages} of {pages}" in text


def test_the_pdf_draws_its_charts_as_vectors(figures: dict) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(figures, "en", TZ)))
    content = reader.pages[0].get_contents().get_data()
    assert content.count(b" re") > 24 * 3 * 0.5  # bars: rectangles per hour and series


def test_the_csv_holds_every_table_under_its_title(figures: dict) -> None:
    text = to_csv(figures, "zh_CN", TZ)
    assert text.startswith("\ufeff")  # a spreadsheet reads the Chinese as UTF-8
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][0] == "日通报"
    titles = {r[0] for r in rows if len(r) == 1}
    assert {"全中心", "各队列", "座席", "告警"} <= titles
    queues = rows[[r[:1] for r in rows].index(["各队列"]) + 2:]
    assert [q[0] for q in queues[:3]] == ["billing", "fault", "sales"]
    assert queues[0][1] == str(figures["queues"][0]["offered"])


def test_an_unknown_language_is_refused_with_the_choices(figures: dict) -> None:
    with pytest.raises(ValueError, match="en, zh_CN"):
        render_pdf(figures, "fr", TZ)


@pytest.mark.parametrize("calls_at", [(), (1500.0,), (100.0, 3500.0)])
def test_hours_with_few_or_no_calls_still_print(calls_at: tuple[float, ...]) -> None:
    """An hour with no calls, or calls in one or two ten-minute buckets only: the charts still
    draw (an hour without a service level anywhere once made reportlab refuse its line, and
    the export failed as "internal")."""
    period = period_named("hourly", "2026-03-02T09", TZ)
    calls = [CallRecord(call_id=f"c{i}", caller="1", queue="billing", agent="1001",
                        arrived_at=period.start + t, queued_at=period.start + t,
                        answered_at=period.start + t + 5, ended_at=period.start + t + 60)
             for i, t in enumerate(calls_at)]
    figures = compute_report(ReportInputs(period=period, calls=calls))
    pages, text = _text(render_pdf(figures, "zh_CN", TZ))
    assert pages >= 1 and "小时通报" in text
