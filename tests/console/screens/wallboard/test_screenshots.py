"""Screenshots of the wall-board in both languages and both themes (PNG files to look at)."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeClient, sample_floor
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.screens.wallboard.screen import WallboardScreen
from console.shell.i18n import Translations
from console.shell.themes import apply_theme
from console.shell.window import MainWindow


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    tr = Translations(qapp)
    yield tr
    tr.switch("en")
    qapp.setStyleSheet("")


def _window(qtbot, tmp_path: Path, theme: str, lang: str) -> WallboardScreen:
    client = FakeClient()
    client.load(sample_floor(agents=120, queues=6, seed=11))
    client.set_link("live")
    prefs = Preferences(QSettings(str(tmp_path / f"{theme}{lang}.ini"),
                                  QSettings.Format.IniFormat))
    bridge = ClientBridge(client, frame_ms=20, poll_ms=10)
    shell = MainWindow(bridge, prefs, theme=theme, language=lang)
    qtbot.addWidget(shell)
    win = shell.screens["wallboard"]
    win.charts.apply_theme(theme == "dark")
    now = time.time()
    for i in range(900):
        win.charts.sample({"waiting": 10 + 8 * math.sin(i / 60), "service_level_15m":
                           0.8 + 0.1 * math.sin(i / 200)}, now - 900 + i)
    start = now - 6 * 1800
    win.charts.set_intervals([{"start": start + 1800 * i, "offered": o, "answered": a}
                              for i, (o, a) in enumerate([(120, 118), (180, 170), (260, 240),
                                                          (310, 280), (290, 275), (240, 236)])])
    win.charts.redraw()
    shell.resize(1920, 1080)
    bridge.start()
    shell.show()
    qtbot.waitUntil(lambda: win.live_seen)
    return win


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_wallboard_screenshot_in_each_language_and_theme(
        qtbot, qapp, translations: Translations, tmp_path: Path, artifacts_dir: Path,
        theme: str, lang: str) -> None:
    apply_theme(qapp, theme)
    translations.switch(lang)
    win = _window(qtbot, tmp_path, theme, lang)
    waiting_title = win.tiles.tiles["waiting"].title.text()
    assert waiting_title == ("排队数" if lang == "zh_CN" else "Calls waiting")
    level_words = win.tiles.tiles["waiting"].level_text.text()
    assert level_words == ("红色预警" if lang == "zh_CN" else "Red alarm")
    qtbot.wait(50)
    out = artifacts_dir / f"wallboard_{lang}_{theme}.png"
    assert win.window().grab().save(str(out))
    assert out.stat().st_size > 20_000


def test_switching_language_retranslates_an_open_window(
        qtbot, qapp, translations: Translations, tmp_path: Path) -> None:
    translations.switch("en")
    win = _window(qtbot, tmp_path, "dark", "en")
    assert win.queue_title.text() == "Queues, worst first"
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: win.queue_title.text() == "队列（最紧急的在前）")
    assert win.queue_model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation
                                      .Horizontal) == "队列"
    win.set_link("lost", time.time())
    assert "连接中断" in win.stale_banner.text()
    translations.switch("en")
    qtbot.waitUntil(lambda: win.queue_title.text() == "Queues, worst first")
