"""The agent grid's team / skill filter runs again only when membership changes: on a big
floor with a team chosen it re-read every agent in every frame (a GUI stall of tens of ms
per frame at 5,000 agents, measured by tests/perf/test_supervisor_bulk.py)."""

from __future__ import annotations

from pathlib import Path

from fakes import FakeClient, sample_floor
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.shell.window import MainWindow


def test_state_frames_do_not_refilter_but_a_skill_change_does(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    client = FakeClient()
    client.load(sample_floor(agents=600, queues=6, seed=3))
    client.set_link("live")
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    win = MainWindow(bridge, Preferences(QSettings(str(tmp_path / "c.ini"),
                                                   QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen)
    board = win.screens["wallboard"]
    board.agents.set_filter(skill="q001")
    proxy = board.agents.proxy
    calls = [0]
    invalidate = proxy.invalidate

    def counted() -> None:
        calls[0] += 1
        invalidate()

    monkeypatch.setattr(proxy, "invalidate", counted)
    shown = board.agents.proxy.rowCount()
    for i in range(5):  # state changes only: five frames
        key = f"agent/{1001 + i}"
        client.push(key, dict(client.mirror.get(key) or {}, state="ready"))
        qtbot.waitUntil(lambda k=key: (client.mirror.get(k) or {}).get("state") == "ready")
        bridge.flush()
    assert calls[0] == 0
    # an agent of q000 gains q001: it joins the filtered grid in the next frame
    key = "agent/1001"
    assert "q001" not in (client.mirror.get(key) or {})["skills"]
    client.push(key, dict(client.mirror.get(key) or {}, skills={"q000": 3, "q001": 4}))
    qtbot.waitUntil(lambda: board.agents.proxy.rowCount() == shown + 1)
