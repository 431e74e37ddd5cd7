"""Planning a day and reading the open complaints run off the serving loop (seconds on a
large database): the dialer's tick keeps returning while a plan is stuck, and the plan is
loaded on a later tick, dialing each slot once."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from dunning_world import Floor, at

from models.dunning.calendar import DunningConfig
from models.dunning.files import parse_billing
from models.persistence.database import Database
from switchlink.services.registry import is_slow

BILLING = ("account,name,phone,level,do_not_call,period,amount\n"
           "A1,张三,13800000001,normal,0,2026-01,88.50\n"
           "A2,李四,13800000002,normal,0,2026-01,88.50\n")


@pytest.fixture
def floor(db: Database) -> Floor:
    f = Floor(db, at("2026-03-21", "10:30"), DunningConfig())
    f.repo.import_billing(parse_billing(BILLING), f.switch.t, f.cfg)
    f.dialer.set_running(True, "boss")
    return f


def _stuck(floor: Floor, name: str) -> tuple[threading.Event, list[str]]:
    """Make ``floor.repo.<name>`` wait for a release, noting which thread called it."""
    release, callers = threading.Event(), []
    real = getattr(floor.repo, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        callers.append(threading.current_thread().name)
        release.wait(10)
        return real(*args, **kwargs)

    setattr(floor.repo, name, slow)
    return release, callers


def test_the_loop_keeps_ticking_while_the_day_is_planned(floor: Floor) -> None:
    release, callers = _stuck(floor, "views")
    t = floor.switch.t
    floor.dialer.tick(t)  # starts the day's plan, which is stuck in the accounts read
    floor.dialer.tick(t + 1)  # the loop is still serving: a tick, a status
    assert floor.dialer.status()["queued"] == 0 and not release.is_set()
    assert callers == ["dunning-plan"]
    assert floor.switch.dials == []  # nothing dialed before the plan is loaded
    release.set()
    assert floor.dialer.wait_for_background()
    floor.dialer.tick(t + 2)  # the plan is loaded and dialed on the loop
    assert sorted(n for _, n, _ in floor.switch.dials) == ["13800000001", "13800000002"]
    # the same day planned again (the command, on a worker) dials nobody twice
    assert floor.dialer.plan_for_loop()["files"]["one_way"]["written"] is False
    floor.run_until(t + 600)
    assert len(floor.dials_of("13800000001")) == len(floor.dials_of("13800000002")) == 1


def test_planning_another_day_does_not_displace_todays_plan(floor: Floor) -> None:
    floor.dialer.tick(floor.switch.t)  # today's plan on its thread
    assert floor.dialer.wait_for_background()
    floor.dialer.plan_for_loop(dt.date(2026, 3, 20))  # a supervisor re-runs yesterday
    floor.dialer.tick(floor.switch.t + 1)
    assert floor.dialer.day == dt.date(2026, 3, 21) and len(floor.switch.dials) == 2


def test_open_complaints_are_read_on_a_thread(floor: Floor) -> None:
    release, callers = threading.Event(), []

    def orders() -> list[dict[str, object]]:
        callers.append(threading.current_thread().name)
        release.wait(10)
        return [{"caller": "13800000002", "classification": ["账务", "话费争议"],
                 "state": "dispatched"}]

    floor.dialer.complaints = orders
    release.set()
    floor.dialer.tick(floor.switch.t)  # the day's plan (reading them on its thread)
    floor.dialer.wait_for_background()
    assert "MainThread" not in callers
    callers.clear()
    release.clear()
    floor.dialer.tick(floor.switch.t + 31)  # due again: a reader thread, the tick returns
    assert callers == ["dunning-complaints"] and not release.is_set()
    release.set()
    floor.dialer.wait_for_background()
    assert floor.dialer.complaint_hold("13800000002")


def test_run_day_is_a_slow_command() -> None:
    """The server runs it on its worker pool (switchlink/transport/slow_commands.py)."""
    assert is_slow("dunning.run_day")
