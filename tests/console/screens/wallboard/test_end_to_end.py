"""The console on a real switchlink running the loopback emulator, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.table_model import SORT_ROLE
from console.screens.wallboard.screen import WallboardScreen
from console.shell.launcher import LocalSwitchlink
from console.shell.window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def local_switchlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalSwitchlink]:
    monkeypatch.setenv("CALLFLOOR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CALLFLOOR_DATA_DIR", str(tmp_path / "data"))
    daemon = LocalSwitchlink("default", "1", log_dir=tmp_path / "logs")
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture
def live_window(qtbot, local_switchlink: LocalSwitchlink,
                tmp_path: Path) -> Iterator[WallboardScreen]:
    from switchlink.client import SwitchlinkClient

    client = SwitchlinkClient(local_switchlink.endpoint, session=local_switchlink.session)
    client.connect()
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    bridge.start()
    win.show()
    qtbot.waitUntil(lambda: win.live_seen, timeout=15_000)
    yield win.screens["wallboard"]
    bridge.stop()
    client.close()


def test_tiles_and_tables_show_the_emulators_floor(live_window: WallboardScreen) -> None:
    win = live_window
    mirror = win.bridge.mirror
    win.bridge.drain()
    win.bridge.flush()  # the models now hold exactly what the mirror holds
    agents = mirror.items("agent/")
    queues = mirror.items("queue/")
    assert agents and queues
    assert win.agent_model.rowCount() == len(agents)
    shown = {win.queue_model.data(win.queue_model.index(r, 0), SORT_ROLE)
             for r in range(win.queue_model.rowCount())}
    assert shown == {q["name"] for q in queues.values()}
    center = mirror.get("metrics/center") or {}
    ready = center.get("agents_ready")
    if ready is None:  # metrics not published yet: the tile counts the agents itself
        ready = sum(1 for a in agents.values() if a["state"] == "ready")
    assert win.tiles.tiles["ready"].value.text() == f"{ready:,}"
    first = win.agent_model.row_of(sorted(agents)[0][len("agent/"):])
    assert first is not None
    assert win.agent_model.data(win.agent_model.index(first, 1)) == agents[sorted(agents)[0]][
        "name"]


def test_daemon_gone_shows_stale_banner(qtbot, live_window: WallboardScreen,
                                        local_switchlink: LocalSwitchlink) -> None:
    assert not live_window.stale_banner.isVisible()
    assert local_switchlink.stop() == 0
    qtbot.waitUntil(lambda: live_window.stale_banner.isVisible(), timeout=10_000)
    assert "Link lost since" in live_window.stale_banner.text()
    assert live_window.tiles.tiles["ready"].property("stale") is True
    assert live_window.queue_model.stale


def test_daemon_log_is_captured_to_the_file_the_ui_shows(
        qtbot, local_switchlink: LocalSwitchlink) -> None:
    from console.shell.log_dialog import LogDialog

    assert local_switchlink.log_path is not None
    dialog = LogDialog(local_switchlink.log_path)
    qtbot.addWidget(dialog)
    assert "serving on" in dialog.text.toPlainText()
