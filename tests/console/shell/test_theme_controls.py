"""Controls on the dark wall theme must show in both states: an unticked check box was drawn
in the window's own colour (invisible "My department" and date boxes in the complaints tab)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QStyle, QStyleOptionButton

from console.shell.themes import apply_theme


@pytest.fixture
def dark(qapp: QApplication) -> Any:
    apply_theme(qapp, "dark")
    yield qapp
    qapp.setStyleSheet("")


def _indicator_lightness(qtbot: Any, box: QCheckBox | QRadioButton) -> tuple[int, int, int]:
    """(background, brightest and mean lightness inside the indicator's square)."""
    qtbot.addWidget(box)
    box.resize(140, 32)
    box.show()
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(box, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = box.style().subElementRect(element, option, box)
    values = [QColor(image.pixel(x, y)).lightness()
              for x in range(rect.left(), rect.right() + 1)
              for y in range(rect.top(), rect.bottom() + 1)]
    background = QColor(image.pixel(image.width() - 2, 2)).lightness()
    return background, max(values), sum(values) // len(values)


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_an_unticked_and_a_ticked_box_both_show_and_differ(qtbot: Any, dark: Any,
                                                            kind: type) -> None:
    off = kind("本部门")
    on = kind("本部门")
    on.setChecked(True)
    off.setFocusPolicy(off.focusPolicy().NoFocus)
    on.setFocusPolicy(on.focusPolicy().NoFocus)
    background, off_max, off_mean = _indicator_lightness(qtbot, off)
    _, _, on_mean = _indicator_lightness(qtbot, on)
    assert off_max - background >= 80, (background, off_max)  # its frame stands out
    assert on_mean - off_mean >= 40, (on_mean, off_mean)  # ticked reads as ticked
