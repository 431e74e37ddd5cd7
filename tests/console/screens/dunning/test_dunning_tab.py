"""The dunning tab against a fake switchlink: the campaign's figures and why it is slowed,
roles greying what they may not do, accounts filtered by stage, the manual seat's next /
dial / record with a promise, and a refused payment file shown without importing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.dunning.screen import CAMPAIGN_KEY, DunningScreen

T = 1_771_653_600.0  # 2026-02-21 14:00 Asia/Shanghai
STATUS = {
    "running": True, "by": "boss", "since": T - 3600, "day": "2026-02-21", "open_day": True,
    "window": [T - 4 * 3600, T + 8 * 3600], "in_window": True, "timezone": "Asia/Shanghai",
    "pace": "slowed", "channels": 2, "max_channels": 4,
    "why": {"queue": "billing", "service_level": 0.82, "target": 0.8},
    "in_flight": 2, "queued": 120, "manual": 7, "held": {"complaint": 3, "blacklist": 1},
    "counts": {"dialed": 1234, "answered": 700, "delivered": 650, "machine": 50,
               "no_answer": 300, "busy": 100, "invalid": 20, "failed": 0, "promises": 12,
               "paid": 40},
    "series": [{"t": T - 3600 * 4 + 1800 * i, "dialed": 100 + i, "answered": 60,
                "delivered": 55, "sl": 0.9 - i * 0.01, "paced_sl": 0.84 - i * 0.01,
                "paced_queue": "billing"} for i in range(8)],
}
ACCOUNT = {"account": "A000007", "name": "客户7", "phone": "13900000007", "level": "vip",
           "stage": "two_way", "suspension": "two_way", "do_not_call": False,
           "promise_date": "", "promise": "", "owed": "176.00",
           "bills": [{"period": "2025-12", "amount": "88.00", "paid": "0.00"},
                     {"period": "2026-01", "amount": "88.00", "paid": "0.00"}],
           "attempts": [{"at": T - 86400, "kind": "auto", "result": "no_answer", "by": "",
                         "note": ""}]}
ALL = ["view_floor", "view_dunning", "run_dunning", "dunning_files", "manual_dunning"]


def make_tab(qtbot: Any, fake_client: Any, tmp_path: Path, permissions: list[str],
             role: str = "supervisor") -> Any:
    fake_client.command_replies["whoami"] = (True, {"username": "u", "role": role,
                                                    "permissions": permissions})
    fake_client.command_replies["dunning.status"] = (True, STATUS)
    fake_client.command_replies["dunning.accounts"] = (True, {"total": 1, "accounts": [
        {"account": "A000007", "name": "客户7", "phone": "13900000007", "level": "vip",
         "stage": "two_way", "suspension": "two_way", "do_not_call": False, "owed_fen": 17600,
         "unpaid_bills": 2, "oldest_period": "2025-12", "promise_date": "", "manual": True}]})
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    screen = DunningScreen(bridge, prefs)
    qtbot.addWidget(screen)
    bridge.start()
    screen.resize(1400, 860)

    def pump() -> None:
        for _ in range(4):
            bridge.drain()
            bridge.flush()

    screen.pump = pump
    pump()
    screen.refresh()
    pump()
    return screen


@pytest.fixture(autouse=True)
def english_numbers() -> Any:
    """Numbers follow the UI language: the English console groups thousands with commas."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def tab(qtbot: Any, fake_client: Any, tmp_path: Path) -> Any:
    return make_tab(qtbot, fake_client, tmp_path, ALL)


def test_the_campaign_figures_and_why_it_is_slowed(tab: Any, fake_client: Any) -> None:
    c = tab.campaign
    assert c.tiles["dialed"][0].text() == "1,234"
    assert c.tiles["promises"][0].text() == "12" and c.tiles["paid"][0].text() == "40"
    why = c.why.text()
    assert "Slowed" in why and "2 of 4 channels" in why and "billing" in why
    assert "82.0 %" in why and "80.0 %" in why
    assert "open charge complaint 3" in c.held.text()
    assert len(c.chart.series) == 8
    # beside the centre's line, the queue the pacer watches (the centre can read 90 % while
    # billing holds the dialer back)
    _, centre = c.chart.sl_curve.getData()
    _, paced = c.chart.paced_curve.getData()
    assert list(centre[:2]) == pytest.approx([90.0, 89.0])
    assert list(paced[:2]) == pytest.approx([84.0, 83.0])
    assert not c.start.isEnabled() and c.pause.isEnabled()  # running: only pause
    stopped = dict(STATUS, pace="stopped", channels=0)
    fake_client.push(CAMPAIGN_KEY, stopped)
    tab.pump()
    assert "Held back" in c.why.text() and "0 of 4 channels" in c.why.text()
    fake_client.push(CAMPAIGN_KEY, dict(STATUS, running=False, by="boss"))
    tab.pump()
    assert c.why.text() == "Paused by boss." and c.start.isEnabled()
    fake_client.push(CAMPAIGN_KEY, dict(STATUS, running=False, by=""))
    tab.pump()
    assert c.why.text() == "Not started: Start campaign dials today's plan."  # not "by —"
    c.start.click()
    tab.pump()
    assert fake_client.commands[-1][0] == "dunning.start"


def test_a_collection_seat_may_not_run_the_campaign(qtbot: Any, fake_client: Any,
                                                    tmp_path: Path) -> None:
    tab = make_tab(qtbot, fake_client, tmp_path,
                   ["view_floor", "view_dunning", "manual_dunning", "dunning_files"],
                   role="collection")
    c = tab.campaign
    assert not c.start.isEnabled() and not c.pause.isEnabled() and not c.run_day.isEnabled()
    assert "supervisor" in c.pause.toolTip()
    assert tab.seat.next.isEnabled() and c.export.isEnabled()


def test_accounts_by_stage_and_search(tab: Any, fake_client: Any) -> None:
    a = tab.accounts
    assert a.model.rowCount() == 1
    assert a.model.data(a.model.index(0, 3)) == "Two-way suspended"
    assert a.model.data(a.model.index(0, 4)) == "¥176.00"
    a.stage.setCurrentIndex(a.stage.findData("collection"))
    a.search.setText("客户")
    a.refresh()
    tab.pump()
    _, args = [c for c in fake_client.commands if c[0] == "dunning.accounts"][-1]
    assert args == {"stage": "collection", "search": "客户", "limit": 500}


def test_the_manual_seat_next_dial_and_a_promise(tab: Any, fake_client: Any) -> None:
    fake_client.command_replies["dunning.seat.next"] = (True, {"account": ACCOUNT})
    fake_client.command_replies["dunning.seat.dial"] = (True, {"call": "call-9",
                                                               "attempt": 3})
    seat = tab.seat
    assert not seat.dial.isEnabled()
    seat.next.click()
    tab.pump()
    assert seat.fields["owed"].text() == "¥176.00" and seat.bills.rowCount() == 2
    assert seat.attempts.item(0, 2).text() == "No answer"
    seat.dial.click()
    tab.pump()
    assert fake_client.commands[-1] == ("dunning.seat.dial", {"account": "A000007"})
    assert "call-9" in seat.call_state.text()
    seat.result.setCurrentIndex(seat.result.findData("promised"))
    seat.promise_amount.setValue(0)
    seat.record.click()
    assert seat.error.text() == "A promise needs an amount."
    seat.promise_amount.setValue(100)
    fake_client.command_replies["dunning.seat.record"] = (True, dict(
        ACCOUNT, promise_date="2026-02-28", promise="100.00"))
    seat.record.click()
    tab.pump()
    name, args = fake_client.commands[-1]
    assert name == "dunning.seat.record"
    assert args["result"] == "promised" and args["promise_amount"] == "100.00"
    assert seat.fields["promise"].text() == "¥100.00 by 2026-02-28"


def test_a_refused_payment_file_names_its_rows_and_changes_nothing(
        tab: Any, fake_client: Any, tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("reference,account,amount,paid_at\nR1,X,1,2026-02-21\n", "utf-8")
    err = type("Err", (), {"code": "bad_request",
                           "message": "1 bad row(s), nothing imported:\nline 2: no dunning "
                                      "account 'X'"})()
    fake_client.command_replies["dunning.import_payments"] = (False, err)
    tab.import_payments(str(path))
    tab.pump()
    assert tab.dialog.text() == "bank.csv was not imported; nothing changed."
    assert "line 2: no dunning account 'X'" in tab.dialog.detailedText()


def test_export_writes_the_file(tab: Any, fake_client: Any, tmp_path: Path) -> None:
    fake_client.command_replies["dunning.export"] = (True, {
        "kind": "one_way", "day": "2026-03-21", "rows": 1, "name": "dunning-one_way.csv",
        "csv": "file_date,action\r\n2026-03-21,suspend_one_way\r\n"})
    out = tmp_path / "out.csv"
    tab.export_file("one_way", "2026-03-21", str(out))
    tab.pump()
    assert out.read_text("utf-8").startswith("file_date,action")
    assert fake_client.commands[-1] == ("dunning.export", {"kind": "one_way",
                                                           "day": "2026-03-21"})
