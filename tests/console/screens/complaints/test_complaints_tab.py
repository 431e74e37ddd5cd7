"""The complaints tab on a fake switchlink: filters sent, time left coloured by warning level,
the timeline, buttons by state and role (greyed with why), a stale edit that keeps the note,
the create form (and from a live call), the CSV export, the wall's counter and the fault
announcement in two clicks."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.complaints.screen import ComplaintsScreen
from console.screens.complaints.table_model import LEFT
from console.screens.complaints.wall import ComplaintStrip
from console.screens.wallboard.floor import LEVEL_COLOURS

T0 = 1_796_000_000.0
COMPLAINT_PERMISSIONS = ["view_floor", "view_complaints", "accept_complaints",
                         "work_complaints"]
TREE = [{"name": "业务办理", "children": [{"name": "宽带", "children": [{"name": "装机"}]}]},
        {"name": "服务质量", "children": [{"name": "态度"}]}]
CATALOGUE = {"tree": TREE, "causes": ["线路故障", "其他"],
             "departments": ["质检台", "网络部", "客服部", "其他"], "desk": "质检台",
             "customer_levels": ["normal", "vip"]}


def order(oid: str = "TS20261130-0001", state: str = "accepted", **kw: Any) -> dict[str, Any]:
    o = {"id": oid, "caller": "13800000001", "customer_level": "vip", "channel": "hotline",
         "classification": "业务办理/宽带/装机", "description": "装机三天没人来",
         "cause": "线路故障", "responsible_department": "网络部",
         "holder_department": "质检台", "priority": "normal", "cross_region": False,
         "error_class": "", "attachments": ["DOC-1"], "call_id": None, "ivr_trail": [],
         "state": state, "version": 1, "created_at": T0, "created_by": "agent1",
         "due_at": T0 + 86_400, "remaining_s": 3_600.0, "warning": "red", "satisfied": None}
    o.update(kw)
    return o


HISTORY = [{"at": T0, "by": "agent1", "role": "agent", "action": "accept", "from_state": None,
            "to_state": "accepted", "note": ""},
           {"at": T0 + 60, "by": "desk1", "role": "quality_inspector", "action": "note",
            "from_state": "accepted", "to_state": "accepted", "note": "客户很着急"}]


@pytest.fixture
def tab(qtbot: Any, fake_client: Any, tmp_path: Path) -> Any:
    fake_client.session = "token"
    fake_client.command_replies.update({
        "whoami": (True, {"username": "desk1", "role": "quality_inspector",
                          "permissions": COMPLAINT_PERMISSIONS}),
        "complaints.catalogue": (True, CATALOGUE),
        "complaints.list": (True, {"total": 1, "rows": [order()]}),
        "complaints.show": (True, {"order": order(), "history": HISTORY,
                                   "actions": ["reply_now", "dispatch", "note", "urge"]}),
        "complaints.report": (True, {"period": "daily", "by_classification": [
            {"key": "业务办理/宽带/装机", "count": 4, "on_time_rate": 0.75,
             "satisfaction_rate": 0.5}], "by_cause": [
            {"key": "", "count": 3, "on_time_rate": None, "satisfaction_rate": None}],
            "by_department": []}),
    })
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    screen = ComplaintsScreen(bridge, prefs)
    qtbot.addWidget(screen)
    bridge.start()
    screen.resize(1500, 900)

    def pump() -> None:
        for _ in range(4):
            bridge.drain()
            bridge.flush()

    screen.pump = pump
    pump()
    return screen


def sent(client: Any, name: str) -> dict[str, Any]:
    return next(args for n, args in reversed(client.commands) if n == name)


def test_the_filters_and_the_search_go_to_switchlink(tab: Any, fake_client: Any) -> None:
    assert tab.model.rowCount() == 1
    f = tab.filters
    f.state.setCurrentIndex(f.state.findData("dispatched"))
    f.classification.setCurrentIndex(f.classification.findData("业务办理/宽带"))
    f.warning.setCurrentIndex(f.warning.findData("black"))
    f.mine.setChecked(True)
    f.dated.setChecked(True)
    f.search.setText("没人来")
    tab.refresh()
    args = sent(fake_client, "complaints.list")
    assert (args["state"], args["classification"], args["warning"], args["mine"],
            args["text"]) == ("dispatched", "业务办理/宽带", "black", True, "没人来")
    assert args["until"] - args["since"] >= 86_400 and args["offset"] == 0


def test_time_left_takes_the_warning_colour_and_paging_asks_the_next_page(
        tab: Any, fake_client: Any) -> None:
    index = tab.model.index(0, LEFT)
    assert tab.model.data(index) == "1 h 0 min"
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole) == QColor(
        LEVEL_COLOURS["red"][0])
    fake_client.command_replies["complaints.list"] = (True, {"total": 250, "rows": [
        order(f"TS20261130-{i:04d}") for i in range(100)]})
    tab.refresh()
    tab.pump()
    assert tab.count.text() == "1–100 of 250" and tab.buttons["next"].isEnabled()
    tab.buttons["next"].click()
    assert sent(fake_client, "complaints.list")["offset"] == 100


def test_the_detail_shows_every_field_and_the_history_as_a_timeline(tab: Any) -> None:
    tab.table.selectRow(0)
    tab.pump()
    d = tab.detail
    assert d.title.text() == "TS20261130-0001 — Accepted"
    assert d.values["classification"].text() == "业务办理 › 宽带 › 装机"
    assert d.values["customer_level"].text() == "VIP"
    assert d.timeline.rowCount() == 2
    assert d.timeline.item(1, 1).text() == "desk1 (quality desk)"
    assert d.timeline.item(1, 2).text() == "Interim note"
    assert d.timeline.item(1, 3).text() == "客户很着急"
    assert "Red warning" in d.warning.text()


def test_buttons_follow_the_state_and_the_role(tab: Any, fake_client: Any) -> None:
    tab.table.selectRow(0)
    tab.pump()
    b = tab.action_bar.buttons
    shown = {n for n, btn in b.items() if not btn.isHidden()}
    assert shown == {"reply_now", "dispatch", "note", "urge"}
    assert all(b[n].isEnabled() for n in shown)
    # a department on an order held by another department: reply / return greyed with why
    fake_client.command_replies["complaints.show"] = (True, {
        "order": order(state="dispatched", holder_department="网络部"), "history": HISTORY,
        "actions": ["urge"]})
    tab.access.apply({"username": "cs1", "role": "department", "department": "客服部"})
    tab.pump()
    shown = {n for n, btn in b.items() if not btn.isHidden()}
    assert shown == {"reply", "return", "note", "urge"}
    assert not b["reply"].isEnabled() and b["urge"].isEnabled()
    assert "held by 网络部" in b["reply"].toolTip()
    # an archived order offers nothing at all
    fake_client.command_replies["complaints.show"] = (True, {
        "order": order(state="archived", warning=""), "history": HISTORY, "actions": []})
    tab.show_order("TS20261130-0001")
    tab.pump()
    assert not any(not btn.isHidden() for btn in b.values())


def test_dispatch_sends_the_department_and_the_version(tab: Any, fake_client: Any) -> None:
    tab.table.selectRow(0)
    tab.pump()
    bar = tab.action_bar
    assert [bar.department.itemData(i) for i in range(bar.department.count())] == [
        "网络部", "客服部", "其他"]
    bar.department.setCurrentIndex(bar.department.findData("网络部"))
    bar.buttons["dispatch"].click()
    tab.pump()
    args = sent(fake_client, "complaints.act")
    assert args == {"id": "TS20261130-0001", "action": "dispatch", "version": 1,
                    "department": "网络部"}


def test_a_stale_edit_says_who_changed_it_and_keeps_the_note(tab: Any,
                                                            fake_client: Any) -> None:
    tab.table.selectRow(0)
    tab.pump()
    tab.action_bar.note.setPlainText("已联系客户，明天上门")
    fake_client.command_replies["complaints.act"] = (False, SimpleNamespace(
        code="stale", message="TS20261130-0001 was changed by bob"))
    fake_client.command_replies["complaints.show"] = (True, {
        "order": order(state="dispatched", version=2, holder_department="网络部"),
        "history": [*HISTORY, {"at": T0 + 120, "by": "bob", "role": "quality_inspector",
                               "action": "dispatch", "from_state": "accepted",
                               "to_state": "dispatched", "note": ""}],
        "actions": ["note", "urge"]})
    tab.action_bar.buttons["reply_now"].click()
    tab.pump()
    assert tab.action_bar.note.toPlainText() == "已联系客户，明天上门"
    assert "bob changed this order (Dispatch" in tab.action_bar.message.text()
    assert tab.detail.title.text().endswith("Dispatched")  # reloaded
    assert not tab.action_bar.buttons["reply_now"].isVisible()


def test_a_refusal_is_shown_and_an_empty_reason_is_not_sent(tab: Any, fake_client: Any) -> None:
    tab.table.selectRow(0)
    tab.pump()
    before = len(fake_client.commands)
    tab.action_bar.buttons["reply_now"].click()
    assert "needs one" in tab.action_bar.message.text()
    assert not any(n == "complaints.act" for n, _ in fake_client.commands[before:])


def test_new_is_greyed_for_a_role_that_may_not_accept(tab: Any) -> None:
    assert tab.buttons["new"].isEnabled()
    tab.access.apply({"username": "nick", "role": "department", "department": "网络部",
                      "permissions": ["view_complaints", "work_complaints"]})
    assert not tab.buttons["new"].isEnabled()
    assert "may accept complaints" in tab.buttons["new"].toolTip()
    assert tab.new_order() is None


def test_create_sends_the_form_with_the_tree_path(tab: Any, fake_client: Any) -> None:
    dialog = tab.new_order()
    dialog.send()
    assert "caller" in dialog.error.text()  # nothing sent without a number
    dialog.caller.setText("0871-12345678")
    assert dialog.select_classification(["业务办理", "宽带", "装机"])
    dialog.description.setPlainText("宽带断网")
    dialog.cause.setCurrentIndex(dialog.cause.findData("其他"))
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    dialog.cross_region.setChecked(True)
    dialog.attachments.setPlainText("DOC-7\n\n  https://x/y.pdf ")
    fake_client.command_replies["complaints.new"] = (True, order("TS20261130-0002"))
    dialog.send()
    tab.pump()
    args = sent(fake_client, "complaints.new")
    assert args["classification"] == "业务办理/宽带/装机" and args["cause"] == "其他"
    assert args["attachments"] == ["DOC-7", "https://x/y.pdf"] and args["cross_region"]
    assert "call_id" not in args and tab.dialog is None


def test_create_from_a_live_call_fills_the_caller_level_and_trail(tab: Any,
                                                                 fake_client: Any) -> None:
    fake_client.mirror.data["call/c9"] = {"id": "c9", "caller": "13912345678",
                                          "customer_level": "vip", "phase": "talking",
                                          "agent": "1001", "ivr_trail": ["main", "broadband"],
                                          "answered_at": T0}
    tab.handle_request(call_id="c9")
    dialog = tab.dialog
    assert dialog.caller.text() == "13912345678"
    assert dialog.level.currentData() == "vip"
    assert dialog.trail.text() == "main → broadband"
    assert dialog.args() == "Choose a classification in the tree."
    dialog.select_classification(["服务质量", "态度"])
    dialog.description.setPlainText("态度差")
    assert dialog.args()["call_id"] == "c9"


def test_csv_export_writes_every_matching_order_with_a_bom(tab: Any, fake_client: Any,
                                                          tmp_path: Path) -> None:
    pages = {0: [order("A"), order("B")], 2: [order("C")]}
    plain = fake_client.command

    def command(name: str, args: dict[str, Any], **kw: Any) -> str:
        if name == "complaints.list" and args.get("limit") == 500:  # the export's pages
            fake_client.command_replies["complaints.list"] = (
                True, {"total": 3, "rows": pages[args["offset"]]})
        return plain(name, args, **kw)

    fake_client.command = command
    path = tmp_path / "out.csv"
    tab.export_csv(str(path))
    tab.pump()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == 4 and lines[0].startswith("Order,State,Time left")
    assert [line.split(",")[0] for line in lines[1:]] == ["A", "B", "C"]


def test_the_report_shows_rates_in_percent(tab: Any, fake_client: Any) -> None:
    tab.reports.refresh()
    tab.pump()
    assert sent(fake_client, "complaints.report")["period"] == "daily"
    table = tab.reports.tables["classification"]
    assert [table.item(0, j).text() for j in range(4)] == [
        "业务办理 › 宽带 › 装机", "4", "75.0 %", "50.0 %"]
    causes = tab.reports.tables["cause"]  # orders with no cause yet: said, not a dash
    assert [causes.item(0, j).text() for j in range(4)] == ["(not given)", "3", "–", "–"]


def test_the_wall_counter_opens_the_list_of_its_level(qtbot: Any, fake_client: Any) -> None:
    bridge = ClientBridge(fake_client)
    strip = ComplaintStrip(bridge)
    qtbot.addWidget(strip)
    assert strip.isHidden()  # nothing published: nothing on the wall
    fake_client.push("complaints/warnings", {"counts": {"yellow": 2, "orange": 0, "red": 1,
                                                       "black": 0}, "orders": {}})
    bridge.start()
    bridge.flush()
    assert not strip.isHidden()
    assert strip.levels["red"].text() == "Red 1"
    asked: list[tuple[str, dict[str, Any]]] = []
    strip.open_screen = lambda sid, **req: asked.append((sid, req))  # type: ignore[attr-defined]
    strip.levels["red"].click()
    assert asked == [("complaints", {"warning": "red"})]


def _supervisors_strip(qtbot: Any, fake_client: Any, area: str,
                       announce_reply: dict[str, Any]) -> tuple[ComplaintStrip, ClientBridge]:
    """The wall's complaint row for a supervisor, at switch time T0, with one spike."""
    fake_client.session = "token"
    fake_client.command_replies["whoami"] = (True, {"username": "sue", "role": "supervisor",
                                                    "permissions": ["announce_fault"]})
    bridge = ClientBridge(fake_client)
    strip = ComplaintStrip(bridge)
    qtbot.addWidget(strip)
    fake_client.mirror.data["metrics/center"] = {**fake_client.mirror.data["metrics/center"],
                                                 "at": T0}
    fake_client.push("complaints/spikes", {"spikes": [
        {"key": "k", "classification": "故障报修/宽带", "area": area, "count": 14,
         "baseline": 2.0, "alarm": "al-7"}]})
    fake_client.command_replies["complaints.announce"] = (True, announce_reply)
    return strip, bridge


def test_a_spike_is_announced_in_two_clicks(qtbot: Any, fake_client: Any) -> None:
    strip, bridge = _supervisors_strip(qtbot, fake_client, "五华区", {
        "flow": "main", "node": "broadband", "notice": {"text": "x", "until": T0 + 7200},
        "volume": {"interval_s": 900, "before": [[T0 - 900, 30], [T0, 12]], "after": []}})
    bridge.start()
    bridge.flush()
    assert "故障报修 › 宽带 @ 五华区" in strip.spike.text()
    bridge.drain()  # whoami: a supervisor may announce
    assert strip.announce.isEnabled()
    strip.announce.click()  # click 1
    dialog = strip.dialog
    assert "五华区宽带出现故障" in dialog.text.toPlainText()
    dialog.ok.click()  # click 2
    bridge.drain()
    args = sent(fake_client, "complaints.announce")
    assert args == {"text": dialog.text.toPlainText(), "expires_at": T0 + 7200,
                    "alarm": "al-7"}
    assert dialog.result_data["flow"] == "main"


def test_after_announcing_the_menus_calls_before_and_since_are_shown(
        qtbot: Any, fake_client: Any) -> None:
    """S3: "see the effect on inbound volume for that menu" — the console showed only the
    hour before. The effect view asks complaints.volume again and compares per 5 minutes."""
    before = [[T0 - 3600 + i * 300, 12] for i in range(12)]
    strip, bridge = _supervisors_strip(qtbot, fake_client, "", {
        "flow": "hotline-10000", "node": "fault_number",
        "notice": {"text": "x", "until": T0 + 7200},
        "volume": {"node": "fault_number", "interval_s": 300, "before": before, "after": [],
                   "notice_at": T0}})
    bridge.start()
    bridge.flush()
    bridge.drain()
    assert not strip.effect_button.isVisible()
    strip.announce.click()
    strip.dialog.ok.click()
    bridge.drain()
    effect = strip.effect
    assert effect is not None and effect.isVisible() and strip.effect_button.isVisible()
    assert "Since the notice: too early to say" in effect.summary.text()
    # twenty switch minutes on: 4 calls per 5 minutes through the menu instead of 12
    fake_client.mirror.data["metrics/center"]["at"] = T0 + 1200
    fake_client.command_replies["complaints.volume"] = (True, {
        "node": "fault_number", "interval_s": 300,
        "rows": before + [[T0 + i * 300, 4] for i in range(4)]})
    effect.refresh()
    bridge.drain()
    args = sent(fake_client, "complaints.volume")
    assert args == {"node": "fault_number", "since": T0 - 3600, "until": T0 + 1200,
                    "interval_s": 300}
    assert effect.summary.text() == ("Before: 12.0 calls per 5 min. Since the notice: "
                                     "4.0 (-67 %).")
    effect.close()
    assert strip.open_effect() is effect and effect.isVisible()  # the wall's "Effect…"
    fake_client.mirror.data["metrics/center"]["at"] = T0 + 7300  # the notice ran out
    effect.refresh()
    bridge.drain()
    strip.apply(None)
    assert not strip.effect_button.isVisible()


def test_announcing_is_greyed_for_a_role_that_may_not(qtbot: Any, fake_client: Any) -> None:
    fake_client.session = "token"
    fake_client.command_replies["whoami"] = (True, {"username": "qi",
                                                    "role": "quality_inspector",
                                                    "permissions": ["view_complaints"]})
    bridge = ClientBridge(fake_client)
    strip = ComplaintStrip(bridge)
    qtbot.addWidget(strip)
    fake_client.push("complaints/spikes", {"spikes": [
        {"classification": "故障报修/宽带", "area": "", "count": 9, "baseline": 1.0}]})
    bridge.start()
    bridge.flush()
    bridge.drain()
    assert not strip.announce.isEnabled()
    assert "supervisor" in strip.announce.toolTip()


def test_the_walls_counter_and_call_panel_open_the_complaints_tab(
        qtbot: Any, fake_client: Any, tmp_path: Path) -> None:
    from console.screens import SCREENS
    from console.shell.window import MainWindow

    fake_client.session = "token"
    fake_client.command_replies.update({
        "whoami": (True, {"username": "agent1", "role": "agent",
                          "permissions": COMPLAINT_PERMISSIONS}),
        "complaints.catalogue": (True, CATALOGUE),
        "complaints.list": (True, {"total": 1, "rows": [order()]})})
    fake_client.mirror.data["call/c9"] = {"id": "c9", "caller": "13912345678",
                                          "customer_level": "vip", "phase": "talking",
                                          "agent": "1001", "ivr_trail": ["main"]}
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    specs = [s for s in SCREENS if s.id in ("wallboard", "complaints")]
    win = MainWindow(bridge, prefs, screens=specs)
    qtbot.addWidget(win)
    bridge.start()
    fake_client.push("complaints/warnings", {"counts": {"yellow": 0, "orange": 3, "red": 0,
                                                       "black": 0}, "orders": {}})
    for _ in range(3):
        bridge.drain()
        bridge.flush()
    wall, tab = win.screens["wallboard"], win.screens["complaints"]
    wall.complaint_strip.levels["orange"].click()
    assert win.tabs.currentWidget() is tab
    assert tab.filters.warning.currentData() == "orange"
    assert sent(fake_client, "complaints.list")["warning"] == "orange"
    win.tabs.setCurrentWidget(wall)
    panel = wall.control.call_panel
    panel.call_id = "c9"  # the panel follows the selected agent's call
    button = panel.findChild(QPushButton, "complaintFromCall")
    button.click()
    assert win.tabs.currentWidget() is tab
    assert tab.dialog is not None and tab.dialog.caller.text() == "13912345678"


def test_complaint_alarms_read_as_words_in_the_walls_alarm_list(fake_client: Any) -> None:
    from console.screens.wallboard.models.alarm_list import metric_label, scope_label

    assert metric_label("orders_black") == "Complaint orders overdue"
    assert scope_label("complaints:deadlines", fake_client.mirror) == "Complaint deadlines"
    assert scope_label("complaints:spike:故障报修/宽带故障@盘龙区", fake_client.mirror) == \
        "Complaints: 故障报修 › 宽带故障 @ 盘龙区"


def test_an_urge_for_my_department_is_said_once(tab: Any, fake_client: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.setCentralWidget(tab)
    tab.access.apply({"username": "nick", "role": "department", "department": "网络部",
                      "permissions": ["view_complaints", "work_complaints"]})
    urges = [{"id": "TS20261130-0009", "holder_department": "客服部", "by": "amy", "at": T0,
              "note": "not ours"},
             {"id": "TS20261130-0007", "holder_department": "网络部", "by": "amy",
              "at": T0 + 1, "note": "客户第三次来电"}]
    fake_client.push("complaints/urges", urges)
    tab.pump()
    assert window.statusBar().currentMessage() == "TS20261130-0007 urged by amy: 客户第三次来电"
    window.statusBar().clearMessage()
    fake_client.push("complaints/urges", urges)  # republished: not said again
    tab.pump()
    assert window.statusBar().currentMessage() == ""
    tab.setParent(None)  # the fixture's screen outlives this window


def test_enter_on_a_row_opens_it_with_the_cursor_in_the_note(qtbot: Any, tab: Any,
                                                              fake_client: Any) -> None:
    focused: list[str] = []  # offscreen windows never hold focus: record the request
    tab.action_bar.note.setFocus = lambda *a: focused.append("note")  # type: ignore[method-assign]
    tab.show()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    fake_client.commands.clear()
    with qtbot.waitSignal(tab.table.activated, timeout=2000):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert focused == []  # not before the order is in: the note is still disabled
    tab.pump()
    assert sent(fake_client, "complaints.show") == {"id": "TS20261130-0001"}
    assert focused == ["note"] and tab.action_bar.note.isEnabled()
    assert tab.shortcuts["search"].shortcut().toString() == "Ctrl+F"


def test_a_role_without_complaints_asks_nothing_and_says_who_may(
        qtbot: Any, fake_client: Any, tmp_path: Path) -> None:
    """A view-only wall session polled the list every 30 s and put switchlink's English
    refusal in the status bar; it now asks nothing and says who may, until someone who may
    logs in."""
    fake_client.session = "token"
    fake_client.command_replies.update({
        "whoami": (True, {"username": "wall1", "role": "wall", "permissions": ["view_floor"]}),
        "complaints.catalogue": (True, CATALOGUE),
        "complaints.list": (True, {"total": 1, "rows": [order()]}),
    })
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    screen = ComplaintsScreen(bridge, prefs)
    qtbot.addWidget(screen)
    bridge.start()
    for _ in range(4):
        bridge.drain()
    screen.refresh()  # the 30 s refresher
    asked = {name for name, _ in fake_client.commands if name.startswith("complaints.")}
    assert asked == set()
    assert screen.model.rowCount() == 0
    assert screen.count.text().startswith("Only ") and "see complaints" in screen.count.text()
    screen.access.apply({"username": "desk1", "role": "quality_inspector",
                         "permissions": COMPLAINT_PERMISSIONS})
    for _ in range(4):
        bridge.drain()
    asked = {name for name, _ in fake_client.commands if name.startswith("complaints.")}
    assert {"complaints.catalogue", "complaints.list", "complaints.report"} <= asked
    assert screen.model.rowCount() == 1 and screen.catalogue
