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


def test_a_frame_of_one_agent_does_not_recount_every_agent_for_the_legend(
        qtbot, tmp_path: Path) -> None:
    """The legend's counts follow the touched agents only (it read all 5,000 per frame)."""
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
    before = dict(board.agents.counts)
    key = "agent/1001"
    old_state = (client.mirror.get(key) or {})["state"]
    new_state = "not_ready" if old_state != "not_ready" else "ready"
    client.push(key, dict(client.mirror.get(key) or {}, state=new_state))
    qtbot.waitUntil(lambda: (client.mirror.get(key) or {}).get("state") == new_state)
    reads = [0]
    get = client.mirror.get

    def counted(k: str):  # type: ignore[no-untyped-def]
        reads[0] += 1
        return get(k)

    client.mirror.get = counted  # type: ignore[method-assign]
    board.apply_frame({key})
    client.mirror.get = get  # type: ignore[method-assign]
    assert reads[0] < 300, reads[0]
    after = board.agents.counts
    assert after[new_state] == before.get(new_state, 0) + 1
    assert after.get(old_state, 0) == before[old_state] - 1
