"""Smaller pieces of the wall-board: alarm sound, settings dialog, ring buffer, charts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.screens.wallboard.prefs import Layout
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




def test_ring_buffer_keeps_the_newest_points_in_order() -> None:
    ring = RingBuffer(3)
    for i in range(5):
        ring.append(float(i), float(i * 10))
    t, y = ring.arrays()
    assert list(t) == [2.0, 3.0, 4.0] and list(y) == [20.0, 30.0, 40.0]





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
