"""ctl's tables: Chinese names keep the columns straight; alarms read worst first."""

from __future__ import annotations

from switchlink.ctl import alarms, output


def test_columns_stay_aligned_with_chinese_names(capsys) -> None:
    output.print_table([
        {"queue": "billing", "name": "话费查询", "waiting": 3},
        {"queue": "vip", "name": "VIP", "waiting": 12},
    ])
    lines = capsys.readouterr().out.splitlines()
    starts = [output.display_width(line[: line.index(str(w))])
              for line, w in zip(lines[1:], (3, 12), strict=True)]
    assert starts[0] == starts[1]  # the waiting column starts at the same terminal column
    assert output.display_width("话费查询") == 8


class _Mirror:
    def __init__(self, alarms: dict[str, dict]) -> None:
        self.alarms = alarms

    def items(self, prefix: str) -> dict[str, dict]:
        return self.alarms if prefix == "alarm/" else {}


def _alarm(aid: str, level: str, raised_at: float, escalated: bool = False) -> dict:
    return {"id": aid, "level": level, "scope": "center", "rule_id": "r", "rule_name": "SL",
            "value": 0.7, "threshold": 0.8, "state": "raised", "raised_at": raised_at,
            "escalated": escalated}


def test_alarms_list_worst_first_then_oldest_and_say_when_escalated() -> None:
    mirror = _Mirror({
        "alarm/1": _alarm("1", "yellow", 10.0),
        "alarm/2": _alarm("2", "red", 30.0, escalated=True),
        "alarm/3": _alarm("3", "red", 20.0),
    })
    rows = alarms.alarm_rows(alarms.active_alarms(mirror))
    assert [r["id"] for r in rows] == ["3", "2", "1"]
    assert rows[1]["level"] == "red (escalated)"
