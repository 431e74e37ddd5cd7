"""A still chart for a screen's figures: no mouse panning, no context menu, light grid."""

from __future__ import annotations

import pyqtgraph as pg


def still_plot(min_height: int) -> pg.PlotWidget:
    """A plot the person reads rather than explores (dunning campaign, reports)."""
    widget = pg.PlotWidget()
    item = widget.getPlotItem()
    item.setMenuEnabled(False)
    item.showGrid(x=False, y=True, alpha=0.2)
    widget.setMouseEnabled(x=False, y=False)
    widget.setMinimumHeight(min_height)
    return widget
