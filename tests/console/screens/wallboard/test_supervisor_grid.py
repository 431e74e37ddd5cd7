"""Supervisor control on the agent grid against a FakeClient (issue 12): selection by keys,
Ctrl/Shift-click and rubber band, greyed actions naming who may, the reason dialog, results
per action and per agent, the cell marks and the call panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fakes import FakeClient
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu
from walls import open_wall

from console.screens.wallboard.control.dialogs import ActionDialog
from console.screens.wallboard.control.skills_dialog import MEMBER, SkillsDialog
from console.screens.wallboard.models.agent_grid import MARK_ROLE
from console.screens.wallboard.screen import WallboardScreen
from models.security import ROLE_PERMISSIONS, Role

SUPERVISOR = sorted(p.value for p in ROLE_PERMISSIONS[Role.SUPERVISOR])


def _board(qtbot, client: FakeClient, tmp_path: Path, role: str = "supervisor",
           perms: list[str] | None = None) -> WallboardScreen:
    client.command_replies["whoami"] = (True, {"username": "sup", "role": role,
                                               "permissions": SUPERVISOR if perms is None
                                               else perms})
    client.command_replies["reason_codes"] = (True, [
        {"code": "break", "zh": "小休", "en": "Break"},
        {"code": "meeting", "zh": "会议", "en": "Meeting"}])
    board = open_wall(qtbot, client, tmp_path)
    qtbot.waitUntil(lambda: board.control.access.username == "sup")
    return board


@pytest.fixture
def board(qtbot, fake_client: FakeClient, tmp_path: Path) -> WallboardScreen:
    return _board(qtbot, fake_client, tmp_path)


def _cell_centre(board: WallboardScreen, agent: str) -> QPoint:
    grid = board.agents
    row = grid.model.row_of(agent)
    assert row is not None
    return grid.view.visualRect(grid.proxy.mapFromSource(grid.model.index(row, 0))).center()


def _click(qtbot, board: WallboardScreen, agent: str,
           modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Click a cell in the active window (a closed dialog leaves none active offscreen,
    and shortcuts need one)."""
    board.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is board.window())
    qtbot.mouseClick(board.agents.view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     _cell_centre(board, agent))


def _accept(qtbot, board: WallboardScreen, reason: str | None = None) -> ActionDialog:
    qtbot.waitUntil(lambda: board.control.dialog is not None)
    dialog = board.control.dialog
    if reason is not None:
        dialog.reason.setText(reason)
    dialog.accept()
    return dialog


def test_selection_by_click_ctrl_click_shift_click_arrows_and_rubber_band(
        qtbot, board: WallboardScreen) -> None:
    control = board.control
    _click(qtbot, board, "1001")
    assert control.selected_agents() == ["1001"]
    _click(qtbot, board, "1004", Qt.KeyboardModifier.ControlModifier)
    assert control.selected_agents() == ["1001", "1004"]
    _click(qtbot, board, "1006", Qt.KeyboardModifier.ShiftModifier)
    # from the Ctrl-clicked anchor to here, the earlier pick kept (Qt's extended selection)
    assert control.selected_agents() == ["1001", "1004", "1005", "1006"]
    board.agents.view.setFocus()
    qtbot.keyClick(board.agents.view, Qt.Key.Key_Right)
    assert control.selected_agents() == ["1007"]
    qtbot.keyClick(board.agents.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert control.selected_agents() == ["1007", "1008"]
    # rubber band from the first cell's corner to the third's: three cells
    view = board.agents.view
    start = view.visualRect(board.agents.proxy.index(0, 0)).topLeft() + QPoint(3, 3)
    end = _cell_centre(board, "1003")
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start - QPoint(2, 2))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert control.selected_agents() == ["1001", "1002", "1003"]


def test_context_menu_offers_the_actions_and_selects_the_cell(
        qtbot, board: WallboardScreen) -> None:
    control = board.control
    control.context_menu(_cell_centre(board, "1002"))
    menu: QMenu = control.menu
    assert control.selected_agents() == ["1002"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["Force ready", "Force not ready…", "Force sign-out"]
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions() if a.objectName()}
    assert enabled["ready"] and enabled["skills"]
    assert not enabled["monitor"]  # 1002 is not on a call
    assert not enabled["cancel_logout"]  # nothing pending
    menu.close()


def test_force_ready_by_shortcut_asks_a_reason_prefilled_with_the_last(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    _click(qtbot, board, "1002")
    qtbot.keyClick(board.agents.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = _accept(qtbot, board, "高峰支援")
    assert not dialog.isVisible()
    assert ("set_agent_state", {"agent": "1002", "state": "ready", "reason": "高峰支援"}) \
        in fake_client.commands
    qtbot.waitUntil(lambda: "done" in board.control.result_line.latest())
    assert board.control.result_line.latest() == "Force ready 1002: done"
    _click(qtbot, board, "1008")
    qtbot.keyClick(board.agents.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: board.control.dialog is not None)
    dialog = board.control.dialog
    assert dialog.reason.text() == "高峰支援"  # the last reason, editable
    qtbot.waitUntil(lambda: dialog.code.count() == 2)
    assert dialog.code.itemText(0) == "Break"
    dialog.code.setCurrentIndex(1)
    dialog.accept()
    assert fake_client.commands[-1] == ("set_agent_state", {
        "agent": "1008", "state": "not-ready", "reason": "高峰支援", "reason_code": "meeting"})


def test_empty_reason_cannot_be_sent(qtbot, board: WallboardScreen) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    _click(qtbot, board, "1002")
    board.control.trigger("ready")
    dialog = board.control.dialog
    dialog.reason.setText("  ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_bulk_action_one_confirmation_one_reason_and_a_result_per_agent(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    fake_client.command_replies["agents.bulk"] = (True, {"results": [
        {"agent": "1002", "ok": True},
        {"agent": "1007", "ok": False, "code": "invalid_operation",
         "message": "agent 1007 is already signed out"},
        {"agent": "1009", "ok": False, "code": "forbidden",
         "message": "agent 1009 is in team 班组3, not one of your teams (班组1)"}]})
    board.control.select(["1002", "1007", "1009"])
    board.control.trigger("logout")
    dialog = _accept(qtbot, board, "下班")
    assert "3 agents: 1002, 1007, 1009" in dialog.summary.text()
    assert fake_client.commands[-1] == ("agents.bulk", {
        "agents": ["1002", "1007", "1009"], "action": "logout", "reason": "下班"})
    qtbot.waitUntil(lambda: board.control.bulk_dialog is not None)
    result = board.control.bulk_dialog
    assert result.heading.text() == "1 done, 2 refused"
    rows = {agent: words for agent, _name, words in result.rows()}
    assert rows["1002"] == "done"
    assert rows["1007"] == ("refused (not possible now): agent 1007 is already signed out")
    assert "not one of your teams" in rows["1009"]
    assert [r[0] for r in result.rows()] == ["1007", "1009", "1002"]  # refusals first
    view = result.table  # painted in the refusal colour
    index = result.model.index(0, 2)
    assert result.model.data(index, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert view.model().rowCount() == 3
    assert board.control.result_line.latest() == "Force sign-out: 1 done, 2 refused"


def test_bulk_falls_back_to_one_command_per_agent_on_an_older_switchlink(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    from switchlink.client import CommandError

    fake_client.command_replies["agents.bulk"] = (
        False, CommandError("unknown_command", "no command named 'agents.bulk'"))
    board.control.select(["1002", "1008"])
    board.control.trigger("ready")
    _accept(qtbot, board, "支援")
    qtbot.waitUntil(lambda: board.control.bulk_dialog is not None)
    sent = [c for c in fake_client.commands if c[0] == "set_agent_state"]
    assert [c[1]["agent"] for c in sent] == ["1002", "1008"]
    assert board.control.bulk_dialog.heading.text() == "2 done, 0 refused"


def test_actions_the_role_may_not_take_are_greyed_naming_who_may(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    board = _board(qtbot, fake_client, tmp_path, role="floor_manager",
                   perms=["view_floor", "ack_alarm"])
    board.control.select(["1003"])
    ready = board.control.actions["ready"]
    assert not ready.isEnabled()
    assert "may force agent states" in ready.toolTip()
    assert "supervisor" in ready.toolTip() and "quality inspector" in ready.toolTip()
    board.control.trigger("ready")  # reached another way: refused before sending
    assert not any(c[0] == "set_agent_state" for c in fake_client.commands)
    assert "may force agent states" in board.window().statusBar().currentMessage()


def _on_call(client: FakeClient, agent: str, call: str, **call_fields: Any) -> None:
    record = dict(client.mirror.get("agent/" + agent) or {}, call_id=call, state="talking")
    client.push("agent/" + agent, record)
    client.push("call/" + call, {"id": call, "caller": "13800138000", "customer_level": "vip",
                                 "queue": "q000", "phase": "talking", "agent": agent,
                                 "answered_at": record["state_since"], "participants": {},
                                 "ivr_position": ["主菜单", "话费查询"],
                                 "ivr_steps": ["menu: 1", "menu: 2"], **call_fields})


def test_call_panel_and_cell_marks_follow_the_mirror(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    _on_call(fake_client, "1003", "c77")
    qtbot.waitUntil(lambda: board.bridge.mirror.get("call/c77") is not None)
    board.control.select(["1003"])
    panel = board.control.call_panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.values["caller"].text() == "13800138000"
    assert panel.values["level"].text() == "VIP"
    assert panel.values["queue"].text() == "话费查询"
    assert "主菜单 › 话费查询" in panel.values["ivr"].text()
    assert board.control.actions["monitor"].isEnabled()
    assert not board.control.actions["leave"].isEnabled()  # not in the call yet
    model = board.agent_model
    index = model.index(model.row_of("1003"), 0)
    assert model.data(index, MARK_ROLE) is None
    fake_client.push("call/c77", dict(fake_client.mirror.get("call/c77") or {},
                                      participants={"sup": "monitor", "qi": "barge"}))
    qtbot.waitUntil(lambda: model.data(index, MARK_ROLE) == ("monitored", "qi, sup"))
    qtbot.waitUntil(lambda: "sup (monitoring)" in panel.values["participants"].text())
    assert "qi (barged in)" in panel.values["participants"].text()
    assert board.control.actions["leave"].isEnabled()
    fake_client.push("agent/1003", dict(fake_client.mirror.get("agent/1003") or {},
                                        pending_logout=True, pending_logout_by="sup"))
    qtbot.waitUntil(lambda: model.data(index, MARK_ROLE) == ("pending", "sup"))
    qtbot.waitUntil(board.control.actions["cancel_logout"].isEnabled)
    # the mark is painted: the cell's foot takes the pending colour
    view = board.agents.view
    rect = view.visualRect(board.agents.proxy.mapFromSource(index))
    image = view.viewport().grab().toImage()
    assert image.pixelColor(rect.left() + 6, rect.bottom() - 5).name() == "#ff6f00"
    fake_client.push("agent/1002", dict(fake_client.mirror.get("agent/1002") or {},
                                        forced=True, forced_by="sup"))
    row2 = model.index(model.row_of("1002"), 0)
    qtbot.waitUntil(lambda: model.data(row2, MARK_ROLE) == ("forced", "sup"))
    assert board.control.mark_text("forced", "sup") == "Supervisor: sup"


def test_monitor_whisper_barge_leave_send_on_the_same_call(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    _on_call(fake_client, "1003", "c77", participants={"sup": "monitor"})
    qtbot.waitUntil(lambda: board.bridge.mirror.get("call/c77") is not None)
    board.control.select(["1003"])
    for key, name in ((Qt.Key.Key_1, "monitor"), (Qt.Key.Key_2, "whisper"),
                      (Qt.Key.Key_3, "barge"), (Qt.Key.Key_0, "leave")):
        qtbot.keyClick(board.agents.view, key, Qt.KeyboardModifier.ControlModifier)
        assert fake_client.commands[-1] == (name, {"call": "c77"})
    board.control.trigger("monitor_record")
    assert fake_client.commands[-1] == ("monitor", {"call": "c77", "record": True})


def test_skills_dialog_shows_queue_load_and_sends_the_new_map(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    board.control.select(["1001"])
    board.control.trigger("skills")
    dialog: SkillsDialog = board.control.dialog
    assert isinstance(dialog, SkillsDialog)
    row = dialog.queue_ids.index("q000")
    load = fake_client.mirror.get("metrics/queue/q000") or {}
    assert dialog.table.item(row, 3).text() == f"{load['waiting']:,}"
    assert dialog.table.item(row, MEMBER).checkState() == Qt.CheckState.Checked
    dialog.set_member("q001", True, 7)
    dialog.levels["q000"].setValue(3)
    dialog.accept()
    assert fake_client.commands[-1] == ("set_skills", {"agent": "1001",
                                                       "skills": {"q000": 3, "q001": 7}})
    QApplication.processEvents()


def test_a_bulk_request_waits_longer_than_one_command_for_its_answer(
        qtbot, board: WallboardScreen, fake_client: FakeClient) -> None:
    """A bulk answer comes once the daemon has worked through every agent: with the default
    5 s a slow 500-agent bulk read as "link down: no answer" for all (benchmark, large floor)."""
    timeouts: list[float | None] = []
    command = fake_client.command

    def spy(name: str, args: dict, **kw: Any) -> str:  # type: ignore[type-arg]
        if name == "agents.bulk":
            timeouts.append(kw.get("timeout"))
        return command(name, args, **kw)

    fake_client.command = spy  # type: ignore[method-assign]
    board.control.send_agents("ready", [f"{1001 + i}" for i in range(20)], {"reason": "r"})
    assert timeouts and timeouts[0] is not None and timeouts[0] >= 10
