"""Guards the PySide6 6.12.0 / Python 3.11 abort on dataChanged (DESIGN.md pitfalls)."""

from __future__ import annotations

from fakes import FakeClient, sample_floor
from PySide6.QtWidgets import QTableView

from console.screens.wallboard.models.agent_grid import AgentGridModel


def test_twenty_thousand_data_changed_emissions_with_a_view_do_not_abort(qtbot) -> None:
    client = FakeClient()
    client.load(sample_floor(agents=200, queues=4, seed=3))
    model = AgentGridModel(client.mirror)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    count = 0
    model.dataChanged.connect(lambda *_: None)
    for i in range(20_000):
        row = i % model.rowCount()
        model.dataChanged.emit(model.index(row, 0), model.index(row, 4))
        count += 1
    assert count == 20_000
    assert model.rowCount() == 200
