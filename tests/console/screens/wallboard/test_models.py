"""Qt models over the mirror: model contract, coalesced updates, filters and staleness."""

from __future__ import annotations

from fakes import FakeClient, sample_floor
from PySide6.QtCore import Qt

from console.common.table_model import contiguous_blocks
from console.screens.wallboard.models.agent_grid import STATE_ROLE, AgentFilterProxy, AgentGridModel
from console.screens.wallboard.models.alarm_list import AlarmListModel
from console.screens.wallboard.models.queue_table import QueueTableModel


def test_queue_model_passes_qt_model_tester(qtmodeltester, fake_client: FakeClient) -> None:
    qtmodeltester.check(QueueTableModel(fake_client.mirror))


def test_agent_model_and_filter_proxy_pass_qt_model_tester(qtmodeltester,
                                                          fake_client: FakeClient) -> None:
    model = AgentGridModel(fake_client.mirror)
    qtmodeltester.check(model)
    proxy = AgentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(team="班组2")
    qtmodeltester.check(proxy)


def test_alarm_model_passes_qt_model_tester(qtmodeltester, fake_client: FakeClient) -> None:
    qtmodeltester.check(AlarmListModel(fake_client.mirror))


def test_contiguous_rows_become_one_block_each() -> None:
    assert contiguous_blocks([5, 1, 2, 3, 9, 10]) == [(1, 3), (5, 5), (9, 10)]


def test_agent_state_change_emits_one_data_changed_per_block(fake_client: FakeClient) -> None:
    model = AgentGridModel(fake_client.mirror)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: seen.append((a.row(), b.row())))
    for wn in ("1001", "1002", "1003", "1010"):
        rec = dict(fake_client.mirror.get(f"agent/{wn}") or {}, state="talking")
        fake_client.mirror.data[f"agent/{wn}"] = rec
    model.apply({"agent/1001", "agent/1002", "agent/1003", "agent/1010", "queue/q000"})
    assert seen == [(0, 2), (9, 9)]
    assert model.data(model.index(9, 0), STATE_ROLE) == "talking"


def test_new_and_removed_queues_insert_and_remove_rows(fake_client: FakeClient) -> None:
    model = QueueTableModel(fake_client.mirror)
    assert model.rowCount() == 4
    fake_client.mirror.data["queue/q900"] = {"id": "q900", "name": "新队列", "sl_target": 0.8}
    del fake_client.mirror.data["queue/q001"]
    del fake_client.mirror.data["metrics/queue/q001"]
    model.apply({"queue/q900", "queue/q001", "metrics/queue/q001"})
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "新队列" in names and "故障报修" not in names
    assert model.rowCount() == 4


def test_queue_metrics_show_formatted_and_sort_as_numbers(fake_client: FakeClient) -> None:
    fake_client.mirror.data["metrics/queue/q002"].update(service_level_today=0.9,
                                                         longest_wait_s=75)
    model = QueueTableModel(fake_client.mirror)
    row = model.row_of("q002")
    assert row is not None
    assert model.data(model.index(row, 3)) == "90%"
    assert model.data(model.index(row, 2)) == "1:15"
    assert model.data(model.index(row, 2), Qt.ItemDataRole.UserRole + 1) == 75


def test_agent_filter_by_team_and_skill_keeps_only_matching_agents(
        fake_client: FakeClient) -> None:
    model = AgentGridModel(fake_client.mirror)
    proxy = AgentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(team="班组1")
    assert proxy.rowCount() == 8
    proxy.set_filter(team="班组1", skill="q000")
    agents = [fake_client.mirror.get("agent/" + model.row_id(proxy.mapToSource(
        proxy.index(r, 0)).row())) for r in range(proxy.rowCount())]
    assert agents and all(a["team"] == "班组1" and "q000" in a["skills"] for a in agents)
    assert model.teams == {"班组1", "班组2", "班组3"}


def test_stale_model_greys_every_cell(fake_client: FakeClient) -> None:
    model = QueueTableModel(fake_client.mirror)
    model.set_stale(True)
    colour = model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == "#808080"


def test_alarm_rows_show_level_in_words_and_plan() -> None:
    client = FakeClient()
    client.load(sample_floor(seed=1))
    model = AlarmListModel(client.mirror)
    row = model.row_of("a1")
    assert row is not None
    assert model.data(model.index(row, 0)) == "Red"
    assert "值班经理" in model.data(model.index(row, 7))


def test_queue_row_takes_its_worst_alarm_colour_with_the_level_in_words(
        qtbot, fake_client: FakeClient) -> None:
    from console.screens.wallboard import floor

    model = QueueTableModel(fake_client.mirror)
    alarms = list(fake_client.mirror.items("alarm/").values())
    alarms.append({"id": "a9", "level": "red", "scope": "queue:q001", "metric": "waiting",
                   "state": "active"})
    alarms.append({"id": "a8", "level": "black", "scope": "queue:q002", "metric": "waiting",
                   "state": "cleared"})  # cleared: no colour
    row, other = model.row_of("q001"), model.row_of("q002")
    assert row is not None and other is not None
    with qtbot.waitSignal(model.dataChanged):
        model.set_alarm_levels(floor.alarm_levels_by_queue(alarms))
    background = model.data(model.index(row, 1), Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.name() == floor.LEVEL_COLOURS["red"][0]
    assert "Red" in model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(row, 0)).endswith("· Red")  # readable without a mouse
    assert model.data(model.index(other, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(other, 1), Qt.ItemDataRole.ToolTipRole) is None
    model.set_alarm_levels({})
    assert model.data(model.index(row, 1), Qt.ItemDataRole.BackgroundRole) is None


def test_every_model_titles_its_columns_in_the_chosen_language(qapp, fake_client) -> None:
    from console.shell.i18n import Translations

    translations = Translations(qapp)
    try:
        translations.switch("zh_CN")
        titles = {
            model_type.__name__: [
                model_type(fake_client.mirror).headerData(i, Qt.Orientation.Horizontal)
                for i in range(3)
            ]
            for model_type in (AgentGridModel, AlarmListModel, QueueTableModel)
        }
        assert titles == {
            "AgentGridModel": ["工号", "姓名", "班组"],
            "AlarmListModel": ["级别", "指标", "范围"],
            "QueueTableModel": ["队列", "排队", "最长等待"],
        }
        translations.switch("en")
        assert QueueTableModel(fake_client.mirror).headerData(
            0, Qt.Orientation.Horizontal) == "Queue"
    finally:
        translations.switch("en")
