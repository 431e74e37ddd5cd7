"""Run by test_real_display.py in a child process on an X display: a busy floor at speed 60
whose frames never stop, and the time-in-state text each agent cell was last painted with.

Prints one JSON object: {work number: [text painted first, text painted last]} (from 0.5 s
after the first painted cell, for 3 s).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/console: fakes

from fakes import FakeClient, sample_floor
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.shell.window import MainWindow


def main() -> None:
    app = QApplication(sys.argv[:1])
    switch_start = 1_700_000_000.0
    floor_state = sample_floor(agents=24, queues=4, now=switch_start)
    floor_state["daemon/info"]["speed"] = 60
    for key, agent in floor_state.items():
        if key.startswith("agent/"):
            agent["state_since"] = switch_start - 30  # 0:30 in state at the start
    client = FakeClient()
    client.load(floor_state)
    client.set_link("live")
    bridge = ClientBridge(client)
    prefs = Preferences(QSettings(sys.argv[1], QSettings.Format.IniFormat))
    win = MainWindow(bridge, prefs)
    win.resize(1600, 1000)
    screen = win.screens["wallboard"]
    delegate = screen.agents.delegate
    painted: dict[str, list[str]] = {}
    original = delegate.paint

    def paint(painter, option, index):  # type: ignore[no-untyped-def]
        from console.screens.wallboard import floor
        from console.screens.wallboard.models.agent_grid import CELL_ROLE

        work_number, _name, _state, since, _stale = index.data(CELL_ROLE)
        text = floor.fmt_duration(delegate.clock() - since)
        if not first_paint:
            first_paint.append(time.monotonic())
        if time.monotonic() - first_paint[0] > 0.5:  # after the first frames set the clock
            painted.setdefault(work_number, [text, text])[1] = text
        original(painter, option, index)

    delegate.paint = paint  # type: ignore[method-assign]
    #: when the window first painted a cell: a loaded machine takes seconds to show the
    #: window, and the cells are watched for 3 s of painting from then, not from start-up
    first_paint: list[float] = []
    started = time.monotonic()
    bridge.start()
    win.show()

    def busy() -> None:
        """A frame every 100 ms (the switch's clock and one queue move), like a busy floor."""
        now = switch_start + (time.monotonic() - started) * 60
        center = dict(client.mirror.get("metrics/center") or {}, at=now)
        client.push("metrics/center", center)
        client.push("daemon/info", dict(client.mirror.get("daemon/info") or {},
                                        switch_time=now))

    ticker = QTimer(interval=100)
    ticker.timeout.connect(busy)
    ticker.start()

    def done() -> None:
        print(json.dumps(painted))
        app.quit()

    def maybe_done() -> None:
        now = time.monotonic()
        if (first_paint and now - first_paint[0] > 3.5) or now - started > 30:
            done()

    watch = QTimer(interval=100)
    watch.timeout.connect(maybe_done)
    watch.start()
    app.exec()


if __name__ == "__main__":
    main()
