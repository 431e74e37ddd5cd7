"""Smaller pieces: alarm sound, settings dialog, wall mode, bridge robustness, ring buffer."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import QSettings, Qt

from console.common.link import ClientBridge
from console.common.preferences import Layout, Preferences
from console.screens.wallboard.settings_dialog import SettingsDialog
from console.screens.wallboard.sound import AlarmSound
from console.screens.wallboard.widgets.charts import RingBuffer


def test_sound_rings_once_per_new_red_or_black_alarm_and_not_when_muted(qapp) -> None:
    sound = AlarmSound()
    assert sound.alarms_changed([{"id": "a", "level": "yellow"}]) is False
    assert sound.alarms_changed([{"id": "a", "level": "red"}]) is True
    assert sound.alarms_changed([{"id": "a", "level": "red"}]) is False  # not new
    sound.set_muted(True)
    assert sound.alarms_changed([{"id": "a", "level": "red"}, {"id": "b", "level": "black"}]) \
        is False
    assert sound.played == 1


def test_no_audio_output_means_no_sound_effect_and_one_log_line(qapp, caplog) -> None:
    sound = AlarmSound(outputs=lambda: [])
    with caplog.at_level("INFO", logger="console.screens.wallboard.sound"):
        assert sound.alarms_changed([{"id": "a", "level": "red"}]) is True
        assert sound.alarms_changed([{"id": "b", "level": "black"}]) is True
    assert sound._effect is None
    assert [r.getMessage() for r in caplog.records] == [
        "no audio output: alarms show but do not ring"]


def test_sound_effect_is_made_once_an_audio_output_exists(qapp) -> None:
    outputs: list[object] = []
    sound = AlarmSound(outputs=lambda: outputs)
    sound.alarms_changed([{"id": "a", "level": "red"}])
    assert sound._effect is None
    outputs.append("speaker")  # a device appears (hot-plug)
    sound.set_muted(True)  # don't actually play on the test machine
    sound._ensure_effect()
    assert sound._effect is not None
    assert sound._effect.source().fileName() == "alarm.wav"


def test_settings_dialog_returns_the_edited_layout(qtbot) -> None:
    dialog = SettingsDialog(Layout(), {"q1": "话费查询", "q2": "故障报修"})
    qtbot.addWidget(dialog)
    dialog.tiles.item(0).setCheckState(Qt.CheckState.Unchecked)
    for i in range(dialog.queues.count()):
        if dialog.queues.item(i).data(Qt.ItemDataRole.UserRole) == "q2":
            dialog.queues.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.show_grid.setChecked(False)
    layout = dialog.result_layout()
    assert "waiting" not in layout.tiles and "service_level" in layout.tiles
    assert layout.hidden_queues == {"q2"}
    assert layout.show_grid is False


def test_bridge_survives_a_client_that_raises_while_processing(qtbot) -> None:
    class Broken(FakeClient):
        calls = 0

        def process(self) -> None:
            Broken.calls += 1
            raise RuntimeError("malformed frame")

    bridge = ClientBridge(Broken(), frame_ms=10, poll_ms=5)
    bridge.start()
    qtbot.waitUntil(lambda: Broken.calls >= 3)  # kept polling; nothing escaped to Qt
    bridge.stop()


def test_bridge_coalesces_many_deltas_into_one_frame(qtbot) -> None:
    client = FakeClient()
    bridge = ClientBridge(client, frame_ms=50, poll_ms=5)
    frames: list[set[str]] = []
    bridge.changed.connect(frames.append)
    bridge.start()
    for i in range(1000):
        client.push(f"agent/{i % 100}", {"state": "ready", "n": i})
    qtbot.waitUntil(lambda: bool(frames))
    assert len(frames) == 1 and len(frames[0]) == 100


def test_ring_buffer_keeps_the_newest_points_in_order() -> None:
    ring = RingBuffer(3)
    for i in range(5):
        ring.append(float(i), float(i * 10))
    t, y = ring.arrays()
    assert list(t) == [2.0, 3.0, 4.0] and list(y) == [20.0, 30.0, 40.0]


def test_f11_wall_mode_goes_frameless_full_screen_and_back(qtbot, fake_client: FakeClient,
                                                          tmp_path: Path) -> None:
    from console.screens.wallboard.screen import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ClientBridge(fake_client), prefs)
    qtbot.addWidget(win)
    win.show()
    win.actions_by_name["wall"].trigger()
    assert win.isFullScreen()
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not win.menuBar().isVisible()
    win.actions_by_name["wall"].trigger()
    assert not win.isFullScreen()


def test_every_action_has_a_shortcut_and_a_tooltip(qtbot, fake_client: FakeClient,
                                                   tmp_path: Path) -> None:
    from console.screens.wallboard.screen import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ClientBridge(fake_client), prefs)
    qtbot.addWidget(win)
    for name, action in win.actions_by_name.items():
        assert not action.shortcut().isEmpty(), name
        assert action.toolTip(), name


def test_unknown_theme_is_a_clear_error() -> None:
    from console.shell.themes import style_sheet

    with pytest.raises(ValueError, match="unknown theme 'neon'"):
        style_sheet("neon")


def test_count_charts_start_at_zero_and_grow_above_the_data(qtbot) -> None:
    from console.screens.wallboard.widgets.charts import ChartsPanel

    charts = ChartsPanel()
    qtbot.addWidget(charts)
    low, high = charts.waiting.getPlotItem().viewRange()[1]
    assert low == 0 and high > 0  # empty: 0..5, not -0.4..0.4
    for i in range(30):
        charts.sample({"waiting": float(i)}, now=1_000_000.0 + i)
    charts.set_intervals([{"start": 1_000_000.0, "offered": 240, "answered": 200}])
    charts.redraw()
    low, high = charts.waiting.getPlotItem().viewRange()[1]
    assert low == 0 and high >= 29
    low, high = charts.volume.getPlotItem().viewRange()[1]
    assert low == 0 and high >= 240
