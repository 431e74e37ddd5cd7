"""The complaints tab on a real switchlink (scripted switch, SQLite): list filters and search,
the detail timeline, actions by state and role, a stale edit, create from a live call."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "switchlink"))

from scripted_switch import PASSWORD, Running, live_client, start_server

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.complaints.screen import ComplaintsScreen
from models.complaints.settings import load_settings
from models.events import CallAnswered, CallArrived, CallIvrStep, CallQueued
from models.persistence.database import open_database
from models.security import Role
from switchlink.services.complaints import ComplaintDesk

pytestmark = pytest.mark.slow

WAIT = 10_000


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    r = start_server(tmp_path)
    db = open_database(f"sqlite:///{tmp_path / 'complaints.db'}")
    db.migrate()
    desk = ComplaintDesk(db, load_settings(), r.adapter.now, floor=r.server.floor,
                         alarms=r.server.services.get("alarms"))
    r.server.services["complaints"] = desk
    r.server.tickers.append(desk.tick)
    auth = r.authenticator
    auth.set_password("amy", PASSWORD, Role.AGENT)
    for name, dept in (("nick", "网络维护部"), ("bill", "计费中心")):
        user = auth.set_password(name, PASSWORD, Role.DEPARTMENT)
        user.department = dept
        auth.save_user(user)
    yield r
    r.stop()
    db.close()


def open_tab(qtbot: Any, r: Running, tmp_path: Path, user: str) -> ComplaintsScreen:
    client = live_client(r)
    client.login(user, PASSWORD)
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat))
    tab = ComplaintsScreen(bridge, prefs)
    qtbot.addWidget(tab)
    tab.resize(1500, 900)
    tab.show()
    bridge.start()
    qtbot.waitUntil(lambda: tab.access.username == user and bool(tab.catalogue), timeout=WAIT)
    return tab


def close(*tabs: ComplaintsScreen) -> None:
    for tab in tabs:
        tab.bridge.stop()
        tab.bridge.client.close()


def create(qtbot: Any, tab: ComplaintsScreen, path: list[str], text: str,
           caller: str = "13800000001", call_id: str | None = None) -> str:
    before = (tab.detail.order() or {}).get("id")
    dialog = tab.new_order(call_id)
    assert dialog is not None
    if caller:
        dialog.caller.setText(caller)
    assert dialog.select_classification(path)
    dialog.description.setPlainText(text)
    dialog.send()
    qtbot.waitUntil(lambda: tab.dialog is None, timeout=WAIT)
    qtbot.waitUntil(lambda: (tab.detail.order() or {}).get("id") not in (None, before),
                    timeout=WAIT)
    return str(tab.detail.order()["id"])


def list_ids(tab: ComplaintsScreen) -> list[str]:
    return [str(o["id"]) for o in tab.model.orders]


def test_filters_search_timeline_and_actions_by_role(qtbot: Any, running: Running,
                                                      tmp_path: Path) -> None:
    amy = open_tab(qtbot, running, tmp_path, "amy")
    qi = open_tab(qtbot, running, tmp_path, "qi")
    nick = open_tab(qtbot, running, tmp_path, "nick")
    try:
        broadband = create(qtbot, amy, ["业务办理", "宽带", "装机"], "装机三天没人来")
        billing = create(qtbot, amy, ["话费查询", "扣费异常"], "话费多扣了三十元")
        assert broadband.startswith("TS") and broadband != billing
        # the desk's list: both, newest first; a search and a classification narrow it
        qi.refresh()
        qtbot.waitUntil(lambda: set(list_ids(qi)) == {broadband, billing}, timeout=WAIT)
        qi.filters.search.setText("多扣")
        qtbot.waitUntil(lambda: list_ids(qi) == [billing], timeout=WAIT)
        qi.filters.search.clear()
        qi.filters.classification.setCurrentIndex(
            qi.filters.classification.findData("业务办理"))
        qtbot.waitUntil(lambda: list_ids(qi) == [broadband], timeout=WAIT)
        qi.filters.state.setCurrentIndex(qi.filters.state.findData("dispatched"))
        qtbot.waitUntil(lambda: list_ids(qi) == [] and qi.model.rowCount() == 0,
                        timeout=WAIT)
        qi.filters.state.setCurrentIndex(0)
        qtbot.waitUntil(lambda: list_ids(qi) == [broadband], timeout=WAIT)
        # the desk dispatches to the network department
        qi.table.selectRow(0)
        qtbot.waitUntil(lambda: (qi.detail.order() or {}).get("id") == broadband, timeout=WAIT)
        bar = qi.action_bar
        assert bar.buttons["dispatch"].isEnabled()
        bar.department.setCurrentIndex(bar.department.findData("网络维护部"))
        bar.note.setPlainText("请尽快上门")
        bar.buttons["dispatch"].click()
        qtbot.waitUntil(lambda: qi.detail.order()["state"] == "dispatched", timeout=WAIT)
        assert bar.note.toPlainText() == ""
        # the timeline: accepted by amy (agent), dispatched by qi (desk), with the note
        timeline = qi.detail.timeline
        assert timeline.rowCount() == 2
        assert timeline.item(0, 1).text() == "amy (agent)"
        assert timeline.item(0, 2).text() == "Accepted"
        assert timeline.item(1, 1).text().startswith("qi")
        assert timeline.item(1, 2).text() == "Dispatch → Dispatched"
        assert timeline.item(1, 3).text() == "请尽快上门"
        # the desk may not reply for the department: the button is greyed with why
        assert not bar.buttons["reply"].isEnabled()
        assert bar.buttons["reply"].toolTip()
        # the network department: "my department" lists it, and it may reply
        nick.filters.mine.setChecked(True)
        qtbot.waitUntil(lambda: list_ids(nick) == [broadband], timeout=WAIT)
        nick.table.selectRow(0)
        qtbot.waitUntil(lambda: (nick.detail.order() or {}).get("state") == "dispatched",
                        timeout=WAIT)
        assert nick.action_bar.buttons["reply"].isEnabled()
        assert nick.action_bar.buttons["return"].isEnabled()
        assert nick.action_bar.buttons["dispatch"].isHidden()
        nick.action_bar.note.setPlainText("已上门装好")
        nick.action_bar.buttons["reply"].click()
        qtbot.waitUntil(lambda: nick.detail.order()["state"] == "replied", timeout=WAIT)
        # the agent records the customer's feedback; the desk archives
        amy.show_order(broadband)
        qtbot.waitUntil(lambda: (amy.detail.order() or {}).get("state") == "replied",
                        timeout=WAIT)
        amy.action_bar.buttons["satisfied"].click()
        qtbot.waitUntil(lambda: amy.detail.order()["state"] == "feedback", timeout=WAIT)
        qi.show_order(broadband)
        qtbot.waitUntil(lambda: qi.detail.order()["state"] == "feedback"
                        and qi.action_bar.buttons["archive"].isEnabled(), timeout=WAIT)
        assert qi.action_bar.buttons["reprocess"].isHidden()  # the customer was satisfied
        qi.action_bar.buttons["archive"].click()
        qtbot.waitUntil(lambda: qi.detail.order()["state"] == "archived", timeout=WAIT)
        assert not any(b.isVisible() for b in qi.action_bar.buttons.values())
    finally:
        close(amy, qi, nick)


def test_a_stale_edit_names_who_won_and_keeps_the_note(qtbot: Any, running: Running,
                                                       tmp_path: Path) -> None:
    amy = open_tab(qtbot, running, tmp_path, "amy")
    qi = open_tab(qtbot, running, tmp_path, "qi")
    try:
        oid = create(qtbot, amy, ["服务质量", "服务态度"], "坐席态度差")
        qi.show_order(oid)
        qtbot.waitUntil(lambda: (qi.detail.order() or {}).get("id") == oid, timeout=WAIT)
        # amy urges it while qi is typing an answer on the version she loaded
        amy.action_bar.note.setPlainText("客户再次来电")
        amy.action_bar.buttons["urge"].click()
        qtbot.waitUntil(lambda: amy.detail.order()["priority"] == "high", timeout=WAIT)
        qi.action_bar.note.setPlainText("已向客户致歉并答复")
        qi.action_bar.buttons["reply_now"].click()
        qtbot.waitUntil(lambda: "amy changed this order" in qi.action_bar.message.text(),
                        timeout=WAIT)
        assert qi.action_bar.note.toPlainText() == "已向客户致歉并答复"
        assert qi.detail.order()["priority"] == "high"  # reloaded
        qi.action_bar.buttons["reply_now"].click()  # send again on the new version
        qtbot.waitUntil(lambda: qi.detail.order()["state"] == "replied", timeout=WAIT)
    finally:
        close(amy, qi)


def test_create_from_a_live_call_fills_caller_level_and_trail(qtbot: Any, running: Running,
                                                              tmp_path: Path) -> None:
    from models.calls import CustomerLevel

    amy = open_tab(qtbot, running, tmp_path, "amy")
    try:
        t = running.adapter.clock
        running.adapter.push(
            CallArrived(t, "c77", "13912345678", customer_level=CustomerLevel.VIP),
            CallIvrStep(t, "c77", "main"), CallIvrStep(t, "c77", "broadband"),
            CallQueued(t, "c77", "q0"), CallAnswered(t + 5, "c77", "1001"))
        qtbot.waitUntil(lambda: (amy.bridge.mirror.get("call/c77") or {}).get("agent")
                        == "1001", timeout=WAIT)
        amy.handle_request(call_id="c77")
        dialog = amy.dialog
        assert dialog.caller.text() == "13912345678"
        assert dialog.level.currentData() == "vip"
        assert "broadband" in dialog.trail.text()
        oid = create(qtbot, amy, ["故障报修", "宽带故障"], "宽带断网两天", caller="",
                     call_id="c77")
        order = amy.detail.order()
        assert order["id"] == oid and order["call_id"] == "c77"
        assert order["caller"] == "13912345678" and order["customer_level"] == "vip"
        assert "broadband" in order["ivr_trail"]
        assert "broadband" in amy.detail.values["ivr_trail"].text()
    finally:
        close(amy)
