"""The window shell: wall mode, shortcuts and tooltips, themes, and screens as tabs."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClient
from PySide6.QtCore import QSettings, Qt

from console.common.link import ClientBridge
from console.common.preferences import Preferences
from console.common.screen import Screen, ScreenSpec
from console.screens import SCREENS
from console.shell.window import MainWindow

#: the shell tests build their own screen lists: the registry grows with every capability
WALLBOARD = [spec for spec in SCREENS if spec.id == "wallboard"]


def test_f11_wall_mode_goes_frameless_full_screen_and_back(qtbot, fake_client: FakeClient,
                                                          tmp_path: Path) -> None:
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
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ClientBridge(fake_client), prefs)
    qtbot.addWidget(win)
    every = {**win.actions_by_name, **win.screens["wallboard"].actions_by_name}
    for name, action in every.items():
        assert not action.shortcut().isEmpty(), name
        assert action.toolTip(), name


def test_unknown_theme_is_a_clear_error() -> None:
    from console.shell.themes import style_sheet

    with pytest.raises(ValueError, match="unknown theme 'neon'"):
        style_sheet("neon")


class BlankScreen(Screen):
    """A second screen for the shell tests: nothing inside."""


def _two_screens(qtbot, fake_client: FakeClient, tmp_path: Path) -> MainWindow:
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    blank = ScreenSpec("blank", "Blank", f"{__name__}:BlankScreen")
    win = MainWindow(ClientBridge(fake_client), prefs, screens=[*WALLBOARD, blank])
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_wallboard_alone_is_the_central_widget_with_no_tab_bar(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    win = MainWindow(ClientBridge(fake_client), prefs, screens=WALLBOARD)
    qtbot.addWidget(win)
    assert win.tabs is None
    assert win.centralWidget() is win.screens["wallboard"]


def test_several_screens_are_tabs_and_a_wall_hides_the_tab_bar(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    win = _two_screens(qtbot, fake_client, tmp_path)
    assert win.tabs is not None and win.tabs.count() == 2
    assert win.tabs.tabText(1) == "Blank"
    assert win.tabs.tabBar().isVisible()
    win.toggle_wall(True)
    assert not win.tabs.tabBar().isVisible()
    win.toggle_wall(False)
    assert win.tabs.tabBar().isVisible()


def test_only_the_shown_screen_offers_its_actions_and_menus(
        qtbot, fake_client: FakeClient, tmp_path: Path) -> None:
    win = _two_screens(qtbot, fake_client, tmp_path)
    board = win.screens["wallboard"]
    assert board.actions_by_name["toggle_grid"].isVisible()
    assert board.alarm_menu.menuAction().isVisible()
    win.tabs.setCurrentIndex(1)
    assert not board.actions_by_name["toggle_grid"].isVisible()
    assert not board.alarm_menu.menuAction().isVisible()


def test_a_registry_line_that_names_no_screen_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="is not a Screen"):
        ScreenSpec("x", "X", "console.shell.themes:style_sheet").load()
