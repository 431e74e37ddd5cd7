"""``python main.py simulate``: statistics from the emulator's own events, table or JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from models.agents import AgentState
from models.calls import CallOutcome
from models.events import (
    AgentStateChanged,
    CallAnswered,
    CallArrived,
    CallEnded,
    CallIvrStep,
    CallQueued,
)
from switchlink import simulate


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    code = simulate.run(parser.parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_simulate_prints_a_table_per_queue_and_for_the_center(capsys) -> None:
    code, out, err = run(capsys, "--scenario", "small", "--hours", "2")
    assert code == 0 and not err
    assert "billing 话费查询" in out and "faults 故障报修" in out and "center" in out
    assert "SL" in out and "ASA" in out


def test_simulate_json_is_deterministic_per_seed(capsys) -> None:
    _, first, _ = run(capsys, "--scenario", "small", "--hours", "2", "--json", "--seed", "5")
    _, again, _ = run(capsys, "--scenario", "small", "--hours", "2", "--json", "--seed", "5")
    data = json.loads(first)
    assert first == again
    center = data["center"]
    assert center["offered"] == sum(q["offered"] for q in data["queues"].values())
    assert center["offered"] >= center["answered"] + center["abandoned"]
    assert 0 < center["service_level"] <= 1


def test_a_bad_scenario_prints_one_error_line_and_exits_2(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('spec = "1.0"\n[[queues]]\nid = 3\n', encoding="utf-8")
    code, out, err = run(capsys, "--scenario", str(bad))
    assert code == 2 and not out
    assert err.count("\n") == 1 and "bad.toml" in err and "simulate:" in err
    code, _, err = run(capsys, "--scenario", "nosuch")
    assert code == 2 and "nosuch" in err


def test_non_positive_hours_are_refused(capsys) -> None:
    code, _, err = run(capsys, "--scenario", "small", "--hours", "0")
    assert code == 2 and "--hours" in err


def test_statistics_follow_the_documented_definitions() -> None:
    t = 1000.0
    events = [
        # c1: queued 5 s, talks 100 s, 20 s after-call work: in threshold
        CallArrived(t, "c1", "138"), CallIvrStep(t, "c1", "queue:q"), CallQueued(t, "c1", "q"),
        CallAnswered(t + 5, "c1", "a1"),
        CallEnded(t + 105, "c1", CallOutcome.ANSWERED),
        AgentStateChanged(t + 105, "a1", AgentState.AFTER_CALL_WORK),
        AgentStateChanged(t + 125, "a1", AgentState.READY),
        # c2: waits 30 s, answered beyond the 15 s threshold, talks 60 s, no ACW
        CallArrived(t, "c2", "139"), CallIvrStep(t, "c2", "queue:q"), CallQueued(t, "c2", "q"),
        CallAnswered(t + 30, "c2", "a2"), CallEnded(t + 90, "c2", CallOutcome.ANSWERED),
        # c3 abandons after 50 s; c4 is refused by the full queue; c5 gets no trunk
        CallArrived(t, "c3", "137"), CallIvrStep(t, "c3", "queue:q"), CallQueued(t, "c3", "q"),
        CallEnded(t + 50, "c3", CallOutcome.ABANDONED),
        CallArrived(t, "c4", "136"), CallIvrStep(t, "c4", "queue:q"),
        CallEnded(t, "c4", CallOutcome.BUSY),
        CallArrived(t, "c5", "135"), CallEnded(t, "c5", CallOutcome.BUSY),
    ]
    stats = simulate.compute_statistics(events, {"q": 15.0})
    q = stats.queues["q"]
    assert (q.offered, q.answered, q.abandoned, q.busy) == (4, 2, 1, 1)
    assert q.service_level == pytest.approx(1 / 4)
    assert q.asa_s == pytest.approx(17.5)
    assert q.aht_s == pytest.approx((100 + 20 + 60) / 2)
    assert q.max_wait_s == pytest.approx(50)
    assert (stats.center.offered, stats.center.busy) == (5, 2)
    assert stats.center.service_level == pytest.approx(1 / 5)


def test_a_link_drop_in_the_scenario_loses_no_calls_from_the_statistics(
    capsys, tmp_path: Path
) -> None:
    small = (Path(__file__).parents[1] / "resources" / "scenarios" / "small.toml").read_text(
        "utf-8")
    dropped = tmp_path / "dropped.toml"
    dropped.write_text(small + '\n[[faults]]\nat_s = 600\nkind = "link_drop"\n'
                       'duration_s = 5400\n', encoding="utf-8")
    _, plain, _ = run(capsys, "--scenario", "small", "--hours", "2", "--json")
    _, with_drop, _ = run(capsys, "--scenario", str(dropped), "--hours", "2", "--json")
    assert json.loads(with_drop)["center"] == json.loads(plain)["center"]


def test_a_distribution_kind_of_the_wrong_type_is_one_line_and_exit_2(
    capsys, tmp_path: Path
) -> None:
    small = (Path(__file__).parents[1] / "resources" / "scenarios" / "small.toml").read_text(
        "utf-8")
    bad = tmp_path / "kind.toml"
    bad.write_text(small.replace('duration = { kind = "uniform", low = 10, high = 30 }',
                                 "duration = { kind = [1], low = 10, high = 30 }"),
                   encoding="utf-8")
    code, out, err = run(capsys, "--scenario", str(bad))
    assert code == 2 and not out
    assert err.count("\n") == 1
    assert err.startswith(f"simulate: {bad}: ivr.duration: kind must be one of ")


def test_occupancy_is_work_over_available_time_per_skill_group_and_center() -> None:
    t = 0.0
    R, T, H, A, N, OUT = (AgentState.READY, AgentState.TALKING, AgentState.ON_HOLD,
                        AgentState.AFTER_CALL_WORK, AgentState.NOT_READY, AgentState.LOGGED_OUT)
    events = [
        # a1 (skill q): ready 40, talking 30, held 10, ACW 20 -> 60 of 100; a break is not counted
        AgentStateChanged(t, "a1", R), AgentStateChanged(t + 40, "a1", T),
        AgentStateChanged(t + 70, "a1", H), AgentStateChanged(t + 80, "a1", A),
        AgentStateChanged(t + 100, "a1", N), AgentStateChanged(t + 150, "a1", R),
        AgentStateChanged(t + 150, "a1", OUT),
        # a2 (skills q and p): ready until the end of the run at 200 s
        AgentStateChanged(t + 100, "a2", R),
    ]
    skills = {"a1": frozenset({"q"}), "a2": frozenset({"q", "p"})}
    stats = simulate.compute_statistics(events, {"q": 15.0, "p": 15.0}, skills, until=t + 200)
    assert stats.queues["q"].occupancy == pytest.approx(60 / 200)
    assert stats.queues["p"].occupancy == pytest.approx(0.0)
    assert stats.center.occupancy == pytest.approx(60 / 200)


def test_the_table_pads_by_display_width_so_chinese_names_keep_columns_straight(
    capsys,
) -> None:
    code, out, _ = run(capsys, "--scenario", "small", "--hours", "1")
    assert code == 0
    table = out.splitlines()[1:-1]
    assert any("话费查询" in line for line in table)
    widths = {simulate.display_width(line) for line in table}
    assert len(widths) == 1, table  # header, rule and every row end in the same column


def test_progress_goes_to_stderr_when_asked_and_never_with_quiet(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(simulate, "PROGRESS_EVERY_S", 0.0)
    code, out, err = run(capsys, "--scenario", "small", "--hours", "2", "--progress")
    assert code == 0 and "center" in out
    lines = err.splitlines()
    assert len(lines) >= 2 and all(line.startswith("simulate: ") for line in lines)
    assert "of 2.0 simulated h" in lines[0] and "done" in lines[-1]
    _, _, err = run(capsys, "--scenario", "small", "--hours", "2", "--quiet")
    assert err == ""  # and not a terminal: quiet by default too (the first test)


def test_every_json_key_is_named_in_the_docs(capsys) -> None:
    _, out, _ = run(capsys, "--scenario", "small", "--hours", "1", "--json")
    data = json.loads(out)
    docs = (Path(__file__).parents[1] / "docs" / "emulator.md").read_text("utf-8")
    section = docs[docs.index("### `simulate --json`"):]
    keys = set(data) | set(data["center"]) | {k for q in data["queues"].values() for k in q}
    missing = sorted(k for k in keys if f"`{k}`" not in section)
    assert not missing, f"not documented in docs/emulator.md: {missing}"
