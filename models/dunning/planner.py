"""Planning one dunning day: who the robot calls, who goes to the manual seat, who is held and
why, which suspension and restore rows network management gets. Pure and linear in the
number of accounts, so a day for a million accounts plans in seconds (tests/perf)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from models.dunning.calendar import DunningConfig, is_open, months_overdue
from models.dunning.records import (
    CONTACTS,
    DELIVERIES,
    AttemptResult,
    Stage,
    SuspensionState,
)


class Hold:
    """Why an account owing money is not called today (the screen shows these)."""

    PAID = "paid"
    PROMISED = "promised"  # a promise to pay that has not fallen due
    COMPLAINT = "complaint"  # an open complaint about its charges
    BLACKLIST = "blacklist"
    DO_NOT_CALL = "do_not_call"
    DAY_CAP = "day_cap"
    WEEK_CAP = "week_cap"
    RECALL_WAIT = "recall_wait"  # notice delivered fewer than recall_days ago
    DONE_TODAY = "done_today"  # today's attempts are used up or reached the account
    CLOSED = "closed"  # the site declared the day closed


@dataclass(slots=True)
class TodayAttempt:
    slot: int
    result: str
    ended_at: float | None


@dataclass(slots=True)
class AccountView:
    """What the planner needs of one account; storage builds these in one pass."""

    account: str
    phone: str
    name: str = ""
    level: str = "normal"
    do_not_call: bool = False
    suspension: SuspensionState = SuspensionState.NONE
    oldest_unpaid: str | None = None  # period "YYYY-MM" of the oldest bill with money owed
    owed_fen: int = 0
    unpaid_months: int = 0
    #: local dates of delivered notices since the oldest unpaid bill entered the list
    deliveries: list[dt.date] = field(default_factory=list)
    #: local dates of contacts (caps) in the last 7 days
    contacts: list[dt.date] = field(default_factory=list)
    today: list[TodayAttempt] = field(default_factory=list)
    promise_date: str = ""


@dataclass(slots=True)
class PlannedCall:
    account: str
    phone: str
    owed_fen: int
    stage: Stage
    slot: int  # the attempt number today this call would be
    not_before: float  # back-off: not dialed before this switch time
    manual: bool = False


@dataclass(slots=True)
class DayPlan:
    day: dt.date
    open: bool
    auto: list[PlannedCall] = field(default_factory=list)
    manual: list[PlannedCall] = field(default_factory=list)
    one_way: list[AccountView] = field(default_factory=list)
    two_way: list[AccountView] = field(default_factory=list)
    restore: list[AccountView] = field(default_factory=list)
    stages: dict[str, Stage] = field(default_factory=dict)
    held: Counter[str] = field(default_factory=Counter)
    held_accounts: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        by_stage = Counter(s.value for s in self.stages.values())
        return {"auto": len(self.auto), "manual": len(self.manual), "one_way": len(self.one_way),
                "two_way": len(self.two_way), "restore": len(self.restore),
                **{f"stage_{k}": v for k, v in by_stage.items()},
                **{f"held_{k}": v for k, v in self.held.items()}}


#: a number check: True when the number must not be called (blacklist)
Blocked = Callable[[str], bool]


def stage_of(view: AccountView, day: dt.date, cfg: DunningConfig) -> Stage:
    """The account's stage on ``day`` from its oldest unpaid bill and its notices."""
    if view.oldest_unpaid is None or view.owed_fen <= 0:
        return Stage.NONE
    months = months_overdue(view.oldest_unpaid, day, cfg)
    if months <= 0:
        return Stage.NONE
    if months >= 3 or view.suspension is SuspensionState.TWO_WAY:
        return Stage.TWO_WAY
    if months == 2 or view.suspension is SuspensionState.ONE_WAY:
        return Stage.ONE_WAY
    if view.deliveries and (day - max(view.deliveries)).days >= cfg.recall_days:
        return Stage.SECOND_NOTICE
    if len(view.deliveries) >= 2:
        return Stage.SECOND_NOTICE
    return Stage.FIRST_NOTICE


def _today_state(view: AccountView, cfg: DunningConfig) -> tuple[bool, int, float]:
    """(done today, next slot, not before) from today's attempts."""
    if not view.today:
        return False, 0, 0.0
    last = max(view.today, key=lambda a: a.slot)
    results = {a.result for a in view.today}
    if results & CONTACTS or AttemptResult.INVALID in results \
            or AttemptResult.INTERRUPTED in results or AttemptResult.DIALING in results:
        return True, 0, 0.0
    used = len(view.today)
    if used >= cfg.attempts_per_day:
        return True, 0, 0.0
    delays = cfg.retry_after_s or (0.0,)
    delay = delays[min(used - 1, len(delays) - 1)]
    return False, last.slot + 1, (last.ended_at or 0.0) + delay


def plan_day(views: Iterable[AccountView], day: dt.date, cfg: DunningConfig, *,
             complaint_hold: Callable[[str], bool] | None = None,
             blocked: Blocked | None = None) -> DayPlan:
    """The day's plan. ``complaint_hold(number)``: an open charge complaint from that number;
    ``blocked(number)``: blacklisted now. Pure: the same state gives the same plan."""
    plan = DayPlan(day, is_open(day, cfg))
    iso_today = day.isoformat()
    week_start = day - dt.timedelta(days=6)
    held = plan.held
    held_accounts = plan.held_accounts

    def hold(view: AccountView, why: str) -> None:
        held[why] += 1
        held_accounts[view.account] = why

    for view in views:
        stage = stage_of(view, day, cfg)
        if stage is Stage.NONE:
            if view.suspension is not SuspensionState.NONE and view.owed_fen <= 0:
                plan.restore.append(view)  # paid: network management switches it back on
            continue
        plan.stages[view.account] = stage
        if stage is Stage.ONE_WAY and view.suspension is SuspensionState.NONE:
            plan.one_way.append(view)
        elif stage is Stage.TWO_WAY and view.suspension is not SuspensionState.TWO_WAY:
            plan.two_way.append(view)
        if not plan.open:
            hold(view, Hold.CLOSED)
            continue
        if view.promise_date and view.promise_date >= iso_today:
            hold(view, Hold.PROMISED)
            continue
        if view.do_not_call:
            hold(view, Hold.DO_NOT_CALL)
            continue
        if blocked is not None and blocked(view.phone):
            hold(view, Hold.BLACKLIST)
            continue
        if complaint_hold is not None and complaint_hold(view.phone):
            hold(view, Hold.COMPLAINT)
            continue
        done, slot, not_before = _today_state(view, cfg)
        if done:
            hold(view, Hold.DONE_TODAY)
            continue
        if view.deliveries and stage is not Stage.TWO_WAY \
                and (day - max(view.deliveries)).days < cfg.recall_days:
            hold(view, Hold.RECALL_WAIT)
            continue
        if sum(1 for d in view.contacts if d == day) >= cfg.contacts_per_day:
            hold(view, Hold.DAY_CAP)
            continue
        if sum(1 for d in view.contacts if week_start <= d <= day) >= cfg.contacts_per_week:
            hold(view, Hold.WEEK_CAP)
            continue
        manual = stage is Stage.TWO_WAY or (cfg.vip_manual and view.level == "vip")
        call = PlannedCall(view.account, view.phone, view.owed_fen, stage, slot, not_before,
                           manual)
        (plan.manual if manual else plan.auto).append(call)
    return plan


def is_delivery(result: str) -> bool:
    return result in DELIVERIES


def is_contact(result: str) -> bool:
    return result in CONTACTS
