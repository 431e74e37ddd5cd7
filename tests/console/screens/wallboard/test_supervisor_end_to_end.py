"""Supervisor control from the wall-board on a real switchlink running the loopback emulator
(issue 12): keyboard and context-menu actions, a bulk action with a mixed result, a pending
sign-out that completes when the call ends, monitor → whisper → barge → leave on one call,
and the skills dialog applied on the switch."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "switchlink"))

from scripted_switch import PASSWORD, Running, live_client, start_server

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.control.skills_dialog import SkillsDialog
from console.screens.wallboard.models.agent_grid import MARK_ROLE
from console.screens.wallboard.screen import WallboardScreen
from console.shell.window import MainWindow
from switchlink.adapters.loopback import LoopbackAdapter

pytestmark = pytest.mark.slow


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    # the small floor at 30x: a call every second or two, each a few seconds long
    r = start_server(tmp_path, LoopbackAdapter(scenario="small", seed=3, speed=30))
    yield r
    r.stop()


@pytest.fixture
def board(qtbot, running: Running, tmp_path: Path) -> Iterator[WallboardScreen]:
    client = live_client(running)
    client.login("sup", PASSWORD)
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / "sup.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen, timeout=10_000)
    screen = win.screens["wallboard"]
    qtbot.waitUntil(lambda: screen.control.access.username == "sup", timeout=5_000)
    yield screen
    bridge.stop()
    client.close()


def _agent(board: WallboardScreen, agent: str) -> dict[str, Any]:
    return board.bridge.mirror.get("agent/" + agent) or {}


def _accept(qtbot, board: WallboardScreen, reason: str | None = None) -> None:
    qtbot.waitUntil(lambda: board.control.dialog is not None, timeout=5_000)
    if reason is not None:
        board.control.dialog.reason.setText(reason)
    board.control.dialog.accept()


def _activate(qtbot, board: WallboardScreen) -> None:
    board.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is board.window())
    board.agents.view.setFocus()


def _talking(board: WallboardScreen, exclude: tuple[str, ...] = ()) -> str:
    """A talking agent (the first by work number), or ""."""
    for key, record in sorted(board.bridge.mirror.items("agent/").items()):
        agent = key[len("agent/"):]
        if record.get("state") == "talking" and record.get("call_id") and agent not in exclude:
            return agent
    return ""


def test_keyboard_sign_out_then_context_menu_force_ready(qtbot, board: WallboardScreen) -> None:
    control = board.control
    control.select(["1004"])
    _activate(qtbot, board)
    qtbot.keyClick(board.agents.view, Qt.Key.Key_Right)  # arrows move the selection
    assert control.selected_agents() == ["1005"]
    qtbot.keyClick(board.agents.view, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _accept(qtbot, board, "下班")
    qtbot.waitUntil(lambda: "Force sign-out 1005:" in control.result_line.latest(),
                    timeout=2_000)
    # not on a call: signed out now; on a call: pending until it ends
    qtbot.waitUntil(lambda: _agent(board, "1005").get("state") == "logged_out", timeout=20_000)
    # right-click the signed-out agent: force ready is refused with switchlink's reason
    control.context_menu(control_cell(board, "1005"))
    menu = control.menu
    ready = next(a for a in menu.actions() if a.objectName() == "ready")
    assert ready.isEnabled()
    ready.trigger()
    menu.close()
    _accept(qtbot, board)  # the last reason, prefilled
    assert board.control.last_reason == "下班"
    qtbot.waitUntil(lambda: "Force ready 1005: refused" in control.result_line.latest(),
                    timeout=2_000)
    assert "signed out" in control.result_line.latest()


def control_cell(board: WallboardScreen, agent: str):
    grid = board.agents
    index = grid.proxy.mapFromSource(grid.model.index(grid.model.row_of(agent), 0))
    return grid.view.visualRect(index).center()


def test_bulk_sign_out_with_a_mixed_result(qtbot, board: WallboardScreen) -> None:
    control = board.control
    control.select(["2002"])
    control.trigger("logout")
    _accept(qtbot, board, "提前下班")
    # signed out now, or when the call it may be on ends
    qtbot.waitUntil(lambda: _agent(board, "2002").get("state") == "logged_out", timeout=30_000)
    control.select(["2001", "2002"])
    control.trigger("logout")
    _accept(qtbot, board)
    qtbot.waitUntil(lambda: control.bulk_dialog is not None, timeout=2_000)
    result = control.bulk_dialog
    rows = {agent: words for agent, _name, words in result.rows()}
    assert set(rows) == {"2001", "2002"}
    assert rows["2001"].startswith(("done", "pending"))
    assert rows["2002"] == ("refused (not possible now): agent 2002 is already signed out")
    assert result.heading.text() == "1 done, 1 refused"


def test_pending_sign_out_completes_when_the_call_ends(qtbot, board: WallboardScreen) -> None:
    control = board.control
    qtbot.waitUntil(lambda: bool(_talking(board)), timeout=30_000)
    agent = _talking(board)
    control.select([agent])
    control.trigger("logout")
    _accept(qtbot, board, "培训")
    qtbot.waitUntil(lambda: control.result_line.latest().startswith(
        f"Force sign-out {agent}:"), timeout=2_000)
    model = board.agent_model
    index = model.index(model.row_of(agent), 0)
    if "pending" in control.result_line.latest():  # the call was still on
        qtbot.waitUntil(lambda: model.data(index, MARK_ROLE) is not None
                        and model.data(index, MARK_ROLE)[0] == "pending", timeout=2_000)
    qtbot.waitUntil(lambda: _agent(board, agent).get("state") == "logged_out", timeout=30_000)
    qtbot.waitUntil(lambda: model.data(index, MARK_ROLE) is None
                    or model.data(index, MARK_ROLE)[0] != "pending", timeout=2_000)


def test_monitor_whisper_barge_leave_on_one_call(qtbot, board: WallboardScreen) -> None:
    control = board.control
    mirror = board.bridge.mirror

    def participation(call: str) -> str | None:
        return ((mirror.get("call/" + call) or {}).get("participants") or {}).get("sup")

    for _attempt in range(5):  # a call may end under us at 30x: take the next one
        qtbot.waitUntil(lambda: bool(_talking(board)), timeout=30_000)
        agent = _talking(board)
        call = str(_agent(board, agent)["call_id"])
        control.select([agent])
        qtbot.waitUntil(control.call_panel.isVisible, timeout=2_000)
        assert control.call_panel.values["caller"].text()
        try:
            for action, how in (("monitor_record", "monitor"), ("whisper", "whisper"),
                                ("barge", "barge")):
                control.trigger(action)
                qtbot.waitUntil(lambda h=how, c=call: participation(c) == h
                                or mirror.get("call/" + c) is None, timeout=2_000)
                if mirror.get("call/" + call) is None:
                    raise LookupError(call)
                # 监听录音: the switch records from the monitor on, through the switches
                assert "sup" in ((mirror.get("call/" + call) or {}).get("recording") or {})
            qtbot.waitUntil(lambda: "sup (barged in)" in
                            control.call_panel.values["participants"].text(), timeout=2_000)
            qtbot.waitUntil(control.actions["leave"].isEnabled, timeout=2_000)
            control.trigger("leave")
            qtbot.waitUntil(lambda c=call: participation(c) is None, timeout=2_000)
            return
        except LookupError:
            continue
    pytest.fail("no call lasted long enough to monitor, whisper, barge and leave")


def test_skills_dialog_applies_membership_and_level_on_the_switch(
        qtbot, board: WallboardScreen) -> None:
    control = board.control
    control.select(["1002"])
    control.trigger("skills")
    dialog = control.dialog
    assert isinstance(dialog, SkillsDialog)
    assert dialog.queue_ids == ["billing", "faults"]
    dialog.set_member("faults", False)
    dialog.set_member("billing", True, 9)
    dialog.accept()
    qtbot.waitUntil(lambda: _agent(board, "1002").get("skills") == {"billing": 9},
                    timeout=3_000)
    qtbot.waitUntil(lambda: control.result_line.latest() == "Change skills 1002: done",
                    timeout=2_000)


def test_not_ready_with_a_reason_code_then_cancel_a_pending_sign_out(
        qtbot, board: WallboardScreen) -> None:
    control = board.control
    model = board.agent_model
    qtbot.waitUntil(lambda: bool(control.reason_codes), timeout=5_000)
    free = ""

    def find_free() -> bool:
        nonlocal free
        free = next((k[len("agent/"):] for k, r in sorted(board.bridge.mirror.items(
            "agent/").items()) if r.get("state") in ("ready", "after_call_work")), "")
        return bool(free)

    qtbot.waitUntil(find_free, timeout=20_000)
    control.select([free])
    control.trigger("not_ready")
    qtbot.waitUntil(lambda: control.dialog is not None and control.dialog.code.count() > 0,
                    timeout=5_000)
    code = control.dialog.code.itemData(0)
    _accept(qtbot, board, "质检辅导")
    qtbot.waitUntil(lambda: control.result_line.latest().startswith(
        f"Force not ready {free}:"), timeout=2_000)
    if control.result_line.latest().endswith("done"):  # not rung in the meantime
        qtbot.waitUntil(lambda: _agent(board, free).get("state") == "not_ready", timeout=5_000)
        assert _agent(board, free)["reason"] == code
        index = model.index(model.row_of(free), 0)
        qtbot.waitUntil(lambda: model.data(index, MARK_ROLE) == ("forced", "sup"),
                        timeout=2_000)
    # a sign-out booked during a call, then cancelled: the agent stays signed in
    for _attempt in range(5):
        qtbot.waitUntil(lambda: bool(_talking(board, exclude=(free,))), timeout=30_000)
        agent = _talking(board, exclude=(free,))
        control.select([agent])
        control.trigger("logout")
        _accept(qtbot, board)
        qtbot.waitUntil(lambda a=agent: control.result_line.latest().startswith(
            f"Force sign-out {a}:"), timeout=2_000)
        if "pending" not in control.result_line.latest():
            continue  # the call ended first: signed out at once, try another
        qtbot.waitUntil(control.actions["cancel_logout"].isEnabled, timeout=2_000)
        control.trigger("cancel_logout")
        _accept(qtbot, board, "继续接听")
        qtbot.waitUntil(lambda a=agent: control.result_line.latest().startswith(
            f"Cancel pending sign-out {a}:"), timeout=2_000)
        if control.result_line.latest().endswith("done"):
            qtbot.waitUntil(lambda a=agent: not _agent(board, a).get("pending_logout"),
                            timeout=2_000)
            qtbot.wait(500)
            assert _agent(board, agent).get("state") != "logged_out"
            return
    pytest.fail("no call lasted long enough to book and cancel a sign-out")
