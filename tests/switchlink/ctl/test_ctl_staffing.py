"""ctl staffing: the wall's staffing line as a table (required, available, short, forecast)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from switchlink.client import StateMirror
from switchlink.ctl import main as ctl_main
from switchlink.ctl import workforce


def mirror(values: dict[str, dict[str, Any]]) -> StateMirror:
    m = StateMirror()
    m._replace("e1", 42, [[k, v] for k, v in values.items()])
    return m


NINE = datetime(2026, 3, 16, 9, 0).timestamp()


def test_staffing_rows_say_required_available_short_and_the_next_half_hours() -> None:
    m = mirror({
        "staffing/queue/billing": {
            "name": "话费查询", "required": 14, "available": 11, "ready": 2, "agents_short": 3,
            "required_erlang_a": 13, "rate_per_h": 200.0, "aht_s": 180.0, "note": "",
            "ahead": [{"start": NINE, "offered": 100.0, "required": 14},
                      {"start": NINE + 1800, "offered": 80.0, "required": 12}]},
        "staffing/queue/faults": {
            "name": "故障报修", "required": None, "available": 3, "agents_short": None,
            "note": "warming_up", "ahead": []},
    })
    billing, faults = workforce.staffing_rows(m)
    assert (billing["required"], billing["available"], billing["short"],
            billing["erlang_a"], billing["calls/h"], billing["aht"]) == (
        "14", "11", "3", "13", "200", "180 s")
    assert billing["next"] == "09:00 100/14 09:30 80/12"
    assert (faults["required"], faults["note"]) == ("", "fewer than 5 minutes known")


def test_staffing_is_a_registered_verb() -> None:
    assert ctl_main._GROUP_OF["staffing"] is workforce
