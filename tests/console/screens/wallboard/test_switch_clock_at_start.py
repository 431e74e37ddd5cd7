"""Time in state before the first frame: on Xvfb at speed 60 the cells painted before the
bridge's first frame read 26672:11:56 — the wall's clock still ran on this machine's time
while the mirror already held the switch's (test_real_display then failed now and then)."""

from __future__ import annotations

from pathlib import Path

from fakes import FakeClient, sample_floor
from PySide6.QtCore import QSettings

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard import floor
from console.shell.window import MainWindow


def test_cells_count_on_the_switch_clock_from_the_first_paint(qtbot, tmp_path: Path) -> None:
    switch_start = 1_700_000_000.0  # years before this machine's clock
    state = sample_floor(agents=6, queues=2, now=switch_start)
    state["daemon/info"]["speed"] = 60
    for key, agent in state.items():
        if key.startswith("agent/"):
            agent["state_since"] = switch_start - 30
    client = FakeClient()
    client.load(state)
    client.set_link("live")
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    prefs = Preferences(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    qtbot.addWidget(win)
    screen = win.screens["wallboard"]
    # no frame has come through the bridge yet: what a first paint would draw
    assert abs(screen.clock() - switch_start) < 60 * 60  # an hour of slack at speed 60
    assert screen.clock.rate == 60
    shown = floor.fmt_duration(screen.clock() - (switch_start - 30))
    assert len(shown) <= 5, shown  # "0:30"-ish, not "26672:11:56"
