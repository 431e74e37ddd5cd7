"""The workforce tab: the S1 planning view's figures and checks, and the forecast days."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.workforce.planning import PROBLEM_STYLE, PlanningForm
from console.screens.workforce.screen import WorkforceScreen


@pytest.fixture
def form(qtbot) -> PlanningForm:
    widget = PlanningForm()
    qtbot.addWidget(widget)
    return widget


def test_the_default_month_needs_107_csrs_and_8_to_10_team_leaders(form: PlanningForm) -> None:
    # 300,000 calls × 180 s × 90 % ÷ (167 h × 95 % × 80 %) = 106.4 → 107
    assert form.csr.text() == "CSRs needed: 107"
    assert "= 106.37" in form.workload.text()
    assert "8 to 10" in form.leaders_check.text()
    assert form.hours_check.text() == "Within the standard 167 h month"


def test_every_input_recomputes_and_the_checks_turn_red(form: PlanningForm) -> None:
    form.volume.setValue(600_000)
    assert form.csr.text() == "CSRs needed: 213"
    form.leaders.setValue(10)  # 21.3 CSRs each
    assert form.leaders_check.text().startswith("Too few team leaders: 21.3 CSRs each")
    assert form.leaders_check.styleSheet() == PROBLEM_STYLE
    form.leaders.setValue(18)
    assert form.leaders_check.text().startswith("Team leaders: 11.8 CSRs each, within 10–15")
    form.hours.setValue(210)
    assert form.hours_check.text().startswith("Over the legal limit: 43.0 h of overtime")
    assert form.hours_check.styleSheet() == PROBLEM_STYLE
    form.hours.setValue(190)
    assert form.hours_check.text().startswith("Includes 23.0 h of overtime")
    assert form.csr.text() == "CSRs needed: 187"  # more hours each: fewer people


def test_the_tab_lists_the_forecast_days_and_staffing_now(qtbot, fake_client: FakeClient,
                                                          tmp_path: Path) -> None:
    bridge = ClientBridge(fake_client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    screen = WorkforceScreen(bridge, prefs)
    qtbot.addWidget(screen)
    bridge.start()
    offered = [0.0] * 48
    offered[20], offered[21] = 120.0, 90.0  # 10:00 is the busiest half hour
    fake_client.push("staffing/center", {"required": 14, "available": 11, "ahead": [],
                                         "days": [{"day": "2026-03-16", "level": 1.25,
                                                   "offered": offered},
                                                  {"day": "2026-03-17", "level": 1.0,
                                                   "offered": offered},
                                                  {"day": "2026-03-18", "level": 1.0,
                                                   "offered": [0.0] * 48, "basis": "none"}]})
    fake_client.push("staffing/queue/q1", {"name": "Billing", "required": 14, "available": 11})
    qtbot.waitUntil(lambda: screen.forecast.rowCount() == 3)
    # a day with no history behind it is not forecast as "0 calls"
    assert screen.forecast.item(2, 1).text() == "No history yet"
    assert screen.forecast.item(2, 3).text() == "—"
    assert screen.forecast.item(0, 1).text() == "210"
    assert screen.forecast.item(0, 2).text().endswith(": 120 calls")
    assert "10:00" in screen.forecast.item(0, 2).text()
    assert screen.forecast.item(0, 3).text() == "125%"
    assert "Mon" in screen.forecast.item(0, 0).text()
    qtbot.waitUntil(lambda: "Billing: needed 14, staffed 11" in screen.now.text())
