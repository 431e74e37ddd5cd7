"""The reports tab on a real switchlink (emulator, real time): show a period's report,
generate it again, see it in the stored list, export CSV and PDF, and read it in Chinese."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from standalone import ADMIN_PASSWORD, Standalone

from console.common.access import access_of
from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.reports.screen import ReportsScreen
from console.shell.i18n import Translations

pytestmark = pytest.mark.slow


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Standalone]:
    from console.shell.launcher import free_port_pair

    server = Standalone(tmp_path, f"tcp://127.0.0.1:{free_port_pair()}")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def screen(qtbot: Any, daemon: Standalone, tmp_path: Path) -> Iterator[ReportsScreen]:
    client = daemon.client()
    client.login("admin", ADMIN_PASSWORD)
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    widget = ReportsScreen(bridge, prefs)
    qtbot.addWidget(widget)
    bridge.start()
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitUntil(lambda: access_of(bridge).allowed("view_history"), timeout=20_000)
    qtbot.waitUntil(lambda: bridge.mirror.get("daemon/info") is not None, timeout=20_000)
    yield widget
    bridge.stop()
    client.close()


def _switch_now(screen: ReportsScreen) -> datetime:
    return datetime.fromtimestamp(screen.bridge.mirror.get("daemon/info")["switch_time"])


def _pick_this_hour(screen: ReportsScreen) -> datetime:
    now = _switch_now(screen)
    screen.kind.setCurrentIndex(screen.kind.findData("hourly"))
    screen.date.setDate(QDate(now.year, now.month, now.day))
    screen.hour.setValue(now.hour)
    return now


def test_show_generate_list_and_export(qtbot: Any, screen: ReportsScreen,
                                       tmp_path: Path) -> None:
    assert screen.view.report is None and "pick a period" in screen.view.title.text()
    assert screen.kind.currentData() == "daily" and not screen.hour.isVisible()
    now = _pick_this_hour(screen)
    assert screen.hour.isVisible()  # only an hourly report needs the hour
    screen.show_report()
    qtbot.waitUntil(lambda: screen.view.report is not None, timeout=30_000)
    figures = screen.view.report["figures"]
    assert figures["period"]["key"] == now.strftime("%Y-%m-%dT%H")
    assert screen.view.title.text().startswith("Hourly report · " + now.strftime("%Y-%m-%dT%H"))
    centre = screen.view.models["centre"]
    assert centre.rowCount() == 15
    names = [centre.index(r, 0).data() for r in range(centre.rowCount())]
    assert "Service level" in names and "Answer overtime rate" in names
    assert "Work-time utilisation" in names
    sl_row = names.index("Service level")
    shown = centre.index(sl_row, 1).data()
    value = figures["centre"]["service_level"]
    assert shown == ("—" if value is None else f"{value * 100:.1f}%")
    assert "Service level = answered within T" in screen.view.definition.text()
    assert len(screen.view.charts.series) == 6  # ten-minute bars of the hour
    # the list learns about it once it is stored
    screen.generate()
    qtbot.waitUntil(lambda: any(r.get("period_key") == now.strftime("%Y-%m-%dT%H")
                                for r in screen.stored.rows), timeout=30_000)
    assert screen.stored.rows[0]["generated_by"] == "admin"
    # CSV and PDF through the (replaced) file dialog
    asked: list[tuple[str, str]] = []

    def save_path(fmt: str, name: str) -> str:
        asked.append((fmt, name))
        return str(tmp_path / f"out-{len(asked)}")  # no suffix: the tab adds it

    screen.save_path = save_path
    screen.export("csv")
    qtbot.waitUntil(lambda: (tmp_path / "out-1.csv").exists(), timeout=30_000)
    rows = list(csv.reader(io.StringIO((tmp_path / "out-1.csv").read_text("utf-8-sig"))))
    assert rows[0][0] == "Hourly report"
    assert asked[0] == ("csv", f"callfloor-hourly-{now.strftime('%Y-%m-%dT%H')}.csv")
    screen.export("pdf")
    qtbot.waitUntil(lambda: (tmp_path / "out-2.pdf").exists(), timeout=60_000)
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "out-2.pdf").read_bytes()))
    assert "Hourly report" in reader.pages[0].extract_text()
    assert "Report written to" in screen.status.text()


def test_a_cancelled_export_writes_nothing(qtbot: Any, screen: ReportsScreen,
                                           tmp_path: Path) -> None:
    _pick_this_hour(screen)
    screen.save_path = lambda fmt, name: ""
    screen.export("csv")
    qtbot.waitUntil(lambda: "cancelled" in screen.status.text(), timeout=30_000)
    assert not list(tmp_path.glob("*.csv"))


def test_the_tab_in_chinese_and_its_pdf(qtbot: Any, qapp: Any, screen: ReportsScreen,
                                        tmp_path: Path) -> None:
    translations = Translations(qapp)
    try:
        translations.switch("zh_CN")
        qtbot.waitUntil(lambda: screen.kind.itemText(screen.kind.findData("daily")) == "日报",
                        timeout=5_000)
        assert screen.pdf_button.text() == "导出 PDF…"
        _pick_this_hour(screen)
        screen.show_report()
        qtbot.waitUntil(lambda: screen.view.report is not None, timeout=30_000)
        assert screen.view.title.text().startswith("小时通报")
        assert screen.view.tabs.tabText(0) == "全中心"
        centre = screen.view.models["centre"]
        assert centre.index(7, 0).data() == "服务水平"
        alarms = screen.view.models["alarms"]
        assert alarms.headerData(0, Qt.Orientation.Horizontal) == "告警级别"  # not 客户级别
        assert [alarms.index(r, 0).data() for r in range(alarms.rowCount())][:4] == [
            "黄色", "橙色", "红色", "黑色"]
        assert QLocale().name() == "zh_CN"
        screen.save_path = lambda fmt, name: str(tmp_path / name)
        screen.export("pdf")
        qtbot.waitUntil(lambda: any(tmp_path.glob("*.pdf")), timeout=60_000)
        pdf = next(tmp_path.glob("*.pdf"))
        text = pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
        assert "小时通报" in text and "服务水平" in text
    finally:
        translations.switch("en")
