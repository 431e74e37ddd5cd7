"""The IVR maintenance view against a fake switchlink: the tree with lint findings inline,
live counts and a menu's funnel, a call's trail, reload greyed by role, refusals shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.ivr.screen import DROPPED, ENTERED, FINDINGS, NOW, IvrScreen
from ivr.bundled import flow_path
from ivr.lint import lint_file
from switchlink.services.ivr import _tree


def _detail(tmp_path: Path) -> dict[str, Any]:
    """The hotline flow with a recording length that does not match its text: one warning."""
    source = flow_path("hotline-10000")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "common.toml").write_text(
        (source.parent / "shared" / "common.toml").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "hotline-10000.toml"
    path.write_text(source.read_text(encoding="utf-8").replace(
        "recording_s = { zh = 4.5 }", "recording_s = { zh = 1.0 }"), encoding="utf-8")
    flow, findings = lint_file(path, path.name)
    assert [f.rule for f in findings] == ["speech-rate"]
    return {"flow": "hotline-10000", "file": str(path), "running": True, "text": "",
            "findings": [f.as_dict() for f in findings], "errors": 0, "tree": _tree(flow),
            "notice": None}


LIVE = {"flow": "hotline-10000", "in_ivr": 5, "dropped": 3, "notice": None, "loaded": {},
        "nodes": {"welcome": {"now": 1, "entered": 40, "dropped": 1, "next": {"language": 38}},
                  "main": {"now": 4, "entered": 30, "dropped": 2,
                           "next": {"billing": 15, "to_service": 9}}}}


@pytest.fixture
def screen(qtbot: Any, fake_client: Any, tmp_path: Path) -> Any:
    fake_client.command_replies["ivr.flows"] = (True, {"flows": [
        {"flow": "hotline-10000", "running": True, "title": "10000", "nodes": 20, "in_ivr": 5,
         "notice": False}]})
    fake_client.command_replies["ivr.get"] = (True, _detail(tmp_path))
    fake_client.command_replies["whoami"] = (True, {"permissions": ["view_floor"]})
    fake_client.load({"ivr/hotline-10000": LIVE,
                      "call/c1": {"id": "c1", "phase": "talking", "ivr_flow": "hotline-10000",
                                  "ivr_position": ["main", "to_agent"],
                                  "ivr_steps": ["main: enter", "main: key 0",
                                                "to_agent: enter"]}})
    bridge = ClientBridge(fake_client)
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    view = IvrScreen(bridge, prefs)
    qtbot.addWidget(view)
    bridge.start()
    fake_client.set_link("live")

    def pump() -> None:
        for _ in range(4):
            bridge.drain()
            bridge.flush()

    view.pump = pump
    pump()
    return view


def _item(view: IvrScreen, node: str) -> Any:
    return view._items[node][0]


def test_the_tree_shows_nodes_with_findings_inline(screen: IvrScreen) -> None:
    assert ("ivr.get", {"flow": "hotline-10000"}) in screen.bridge.client.commands
    welcome = _item(screen, "welcome")
    assert welcome.parent() is None and welcome.text(0).startswith("start: welcome")
    assert "speech-rate" in welcome.text(FINDINGS)
    assert _item(screen, "main").text(FINDINGS) == ""
    assert "billing" in screen._items and "survey" in screen._items


def test_live_counts_and_the_funnel_of_a_menu(screen: IvrScreen, fake_client: Any) -> None:
    main = _item(screen, "main")
    assert (main.text(NOW), main.text(ENTERED), main.text(DROPPED)) == ("4", "30", "2")
    assert "5" in screen.summary.text() and "3" in screen.summary.text()
    screen.tree.setCurrentItem(main)
    rows = [(screen.funnel.item(r, 0).text(), screen.funnel.item(r, 1).text())
            for r in range(screen.funnel.rowCount())]
    assert rows[:2] == [("billing", "15"), ("to_service", "9")]
    assert rows[-1] == ("(hung up here)", "2")
    fake_client.push("ivr/hotline-10000", dict(LIVE, nodes={**LIVE["nodes"], "main": {
        "now": 6, "entered": 31, "dropped": 2, "next": {}}}))
    screen.pump()
    assert main.text(NOW) == "6"


def test_the_trail_of_a_selected_call(screen: IvrScreen) -> None:
    screen._refresh_side()
    screen.calls.setCurrentRow(0)
    lines = [screen.trail.item(i).text() for i in range(screen.trail.count())]
    assert "main › to_agent" in lines[0] and lines[1:] == ["main: enter", "main: key 0",
                                                          "to_agent: enter"]


def test_reload_is_greyed_without_the_role_and_says_why(screen: IvrScreen) -> None:
    assert not screen.reload_button.isEnabled()
    assert "maintenance" in screen.reload_button.toolTip()
    screen.set_can_manage(True)
    assert screen.reload_button.isEnabled() and screen.reload_button.toolTip() == ""


def test_a_refused_reload_shows_the_linter_findings(screen: IvrScreen, fake_client: Any,
                                                    monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda _parent, _title, text: shown.append(text))
    error = type("E", (), {"message": "flow hotline-10000: refused, the linter found 1 "
                                      "error(s):\nx.toml:3:1: error [unknown-target] …"})()
    fake_client.command_replies["ivr.reload"] = (False, error)
    screen.set_can_manage(True)
    screen.reload_button.click()
    screen.pump()
    assert shown and "unknown-target" in shown[0]
