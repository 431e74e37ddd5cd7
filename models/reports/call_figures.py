"""Queue and centre figures from finished call records (the same words as docs/metrics.md).

A call belongs to the period in which it was queued, or arrived when it never reached a
queue — the rule the half-hour interval statistics use — so report and intervals agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from models.calls import CallOutcome, CustomerLevel, Direction
from models.records import CallRecord

#: printed with every report: what "service level" means in it
SL_DEFINITION = (
    "answered within T / (offered - abandoned within the short-abandon time); "
    "T is the queue's threshold"
)
SL_DEFINITION_ZH = "T 秒内接通数 ÷ (呼入量 − 短时放弃数)；T 为各队列的服务水平门限"


def belongs_at(record: CallRecord) -> float:
    """The time that places a call in a period: queued, else arrived."""
    return record.queued_at if record.queued_at is not None else record.arrived_at


def _ratio(num: float, den: float) -> float | None:
    return None if den <= 0 else min(1.0, max(0.0, num / den))


def _mean(total: float, n: int) -> float | None:
    return None if n <= 0 else total / n


@dataclass(slots=True)
class _Tally:
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    short_abandoned: int = 0
    unanswered_other: int = 0
    within: int = 0
    overtime: int = 0
    wait_s: float = 0.0
    max_wait_s: float = 0.0
    handled: int = 0
    talk_s: float = 0.0
    hold_s: float = 0.0
    acw_s: float = 0.0

    def add(self, r: CallRecord, threshold_s: float, short_s: float, acw_s: float) -> None:
        self.offered += 1
        wait = r.wait_s or 0.0
        if r.answered_at is not None:
            self.answered += 1
            self.wait_s += wait
            self.max_wait_s = max(self.max_wait_s, wait)
            if wait <= threshold_s:
                self.within += 1
            else:
                self.overtime += 1
            self.handled += 1
            self.hold_s += r.hold_total_s
            self.talk_s += max(0.0, r.handle_s - r.hold_total_s)
            self.acw_s += acw_s
            return
        self.max_wait_s = max(self.max_wait_s, wait)
        if r.outcome is CallOutcome.ABANDONED or r.outcome == "abandoned":
            self.abandoned += 1
            if wait <= short_s:
                self.short_abandoned += 1
        else:
            self.unanswered_other += 1

    def figures(self) -> dict[str, float | int | None]:
        handle = self.talk_s + self.hold_s + self.acw_s
        return {
            "offered": self.offered,
            "answered": self.answered,
            "abandoned": self.abandoned,
            "short_abandoned": self.short_abandoned,
            "unanswered_other": self.unanswered_other,
            "answered_within_threshold": self.within,
            "service_level": _ratio(self.within, self.offered - self.short_abandoned),
            "answer_overtime_rate": _ratio(self.overtime, self.answered),
            "connection_rate": _ratio(self.answered, self.offered),
            "abandon_rate": _ratio(self.abandoned, self.offered),
            "asa_s": _mean(self.wait_s, self.answered),
            "max_wait_s": self.max_wait_s,
            "aht_s": _mean(handle, self.handled),
            "talk_s": self.talk_s,
            "hold_s": self.hold_s,
            "acw_s": self.acw_s,
        }


def inbound(calls: Iterable[CallRecord]) -> list[CallRecord]:
    return [c for c in calls if c.direction is Direction.INBOUND or c.direction == "inbound"]


def _level(r: CallRecord) -> str:
    return "vip" if r.customer_level in (CustomerLevel.VIP, "vip") else "normal"


def queue_figures(
    calls: list[CallRecord], threshold: Callable[[str], float], short_s: float,
    acw_of: Callable[[CallRecord], float],
) -> tuple[dict[str, dict], list[dict]]:
    """``(centre, queues)``: the centre's figures (with VIP / normal and blocked calls) and one
    row per queue, sorted by queue id. ``calls`` are the period's inbound records."""
    centre, by_level = _Tally(), {"vip": _Tally(), "normal": _Tally()}
    queues: dict[str, _Tally] = {}
    queue_levels: dict[str, dict[str, _Tally]] = {}
    arrived = blocked = busy = self_service = 0
    arrived_level = {"vip": 0, "normal": 0}
    for r in calls:
        arrived += 1
        arrived_level[_level(r)] += 1
        if r.queue is None or r.queued_at is None:
            if r.outcome in (CallOutcome.BLOCKED, "blocked"):
                blocked += 1
            elif r.outcome in (CallOutcome.BUSY, "busy"):
                busy += 1
            elif r.outcome in (CallOutcome.SELF_SERVICE, "self_service"):
                self_service += 1
            continue
        t, acw = threshold(r.queue), acw_of(r)
        centre.add(r, t, short_s, acw)
        by_level[_level(r)].add(r, t, short_s, acw)
        queues.setdefault(r.queue, _Tally()).add(r, t, short_s, acw)
        levels = queue_levels.setdefault(r.queue, {"vip": _Tally(), "normal": _Tally()})
        levels[_level(r)].add(r, t, short_s, acw)
    out = centre.figures()
    out.update(
        arrived=arrived, blocked=blocked, busy=busy, self_service=self_service,
        system_connection_rate=_ratio(arrived - blocked - busy, arrived - blocked),
        levels={
            lv: dict(tally.figures(), arrived=arrived_level[lv])
            for lv, tally in by_level.items()
        },
    )
    rows = []
    for q in sorted(queues):
        row = {"queue": q, "threshold_s": threshold(q), **queues[q].figures()}
        row["levels"] = {lv: t.figures() for lv, t in queue_levels[q].items()}
        rows.append(row)
    return out, rows


def series(
    calls: list[CallRecord], start: float, end: float, step_s: float,
    threshold: Callable[[str], float], short_s: float,
) -> list[dict]:
    """Offered / answered / abandoned / service level per ``step_s`` bucket (the charts)."""
    n = max(1, round((end - start) / step_s))
    tallies = [_Tally() for _ in range(n)]
    for r in calls:
        if r.queue is None or r.queued_at is None:
            continue
        i = min(n - 1, max(0, int((belongs_at(r) - start) // step_s)))
        tallies[i].add(r, threshold(r.queue), short_s, 0.0)
    out = []
    for i, tally in enumerate(tallies):
        f = tally.figures()
        out.append({
            "start": start + i * step_s, "offered": f["offered"], "answered": f["answered"],
            "abandoned": f["abandoned"], "service_level": f["service_level"],
            "asa_s": f["asa_s"],
        })
    return out
