"""Running one dunning day: plan it, write the suspension / restore files once, record each
account's stage. Idempotent: a second run (or a run after a restart) finds the files already
written and the stages already set and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from models.dunning.calendar import DunningConfig, months_overdue
from models.dunning.files import fen_to_yuan
from models.dunning.planner import AccountView, DayPlan, plan_day
from models.dunning.records import SuspensionState
from models.persistence.dunning import DunningRepository

FILE_KINDS = ("one_way", "two_way", "restore")
_SUSPEND = {"one_way": SuspensionState.ONE_WAY, "two_way": SuspensionState.TWO_WAY,
            "restore": SuspensionState.NONE}


def file_row(kind: str, view: AccountView, day: dt.date, cfg: DunningConfig) -> dict[str, str]:
    months = months_overdue(view.oldest_unpaid, day, cfg) - 1 if view.oldest_unpaid else 0
    return {"file_date": day.isoformat(),
            "action": {"one_way": "suspend_one_way", "two_way": "suspend_two_way",
                       "restore": "restore"}[kind],
            "account": view.account, "phone": view.phone, "name": view.name,
            "months_in_arrears": str(max(0, months)), "owed": fen_to_yuan(view.owed_fen),
            "oldest_period": view.oldest_unpaid or ""}


def run_day(repo: DunningRepository, day: dt.date, cfg: DunningConfig, now: float, *,
            complaint_hold: Callable[[str], bool] | None = None,
            blocked: Callable[[str], bool] | None = None) -> tuple[DayPlan, dict[str, Any]]:
    """Plan ``day``, write its files (first run only), set stages; returns the plan and a
    summary (counts, files written now or found from before)."""
    views = repo.views(day, cfg)
    plan = plan_day(views, day, cfg, complaint_hold=complaint_hold, blocked=blocked)
    iso = day.isoformat()
    suspend: dict[str, SuspensionState] = {}
    files: dict[str, dict[str, Any]] = {}
    for kind, members in (("one_way", plan.one_way), ("two_way", plan.two_way),
                          ("restore", plan.restore)):
        stored = repo.get_file(kind, iso)
        if stored is None and members:
            rows = [file_row(kind, v, day, cfg) for v in members]
            stored, _ = repo.write_file(kind, iso, rows, now)
            files[kind] = {"rows": len(rows), "written": True}
        elif stored is not None:
            files[kind] = {"rows": len(stored.rows), "written": False}
        if stored is not None:  # also after a crash between the file and the stages
            for row in stored.rows:
                suspend[row["account"]] = _SUSPEND[kind]
    repo.apply_stages(plan.stages, suspend, now)
    summary = {"day": iso, "open": plan.open, "files": files, **plan.counts()}
    repo.set_state("day/" + iso, {"planned_at": now, "counts": plan.counts()}, now)
    return plan, summary
