"""The loopback emulator, the engine, the analytics and a dunning dialer wired as the daemon
wires them (no sockets), stepped on the fast clock. Shared by the end-to-end tests and the
benchmark (tests/perf/test_dunning_speed.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from models.dunning.calendar import DunningConfig
from models.dunning.files import parse_billing
from models.persistence.database import Database
from models.persistence.dunning import DunningRepository
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.engine.analytics import LiveAnalytics
from switchlink.engine.state import FloorState
from switchlink.services.dunning.dialer import DunningDialer


def at(day: str, clock: str = "00:00") -> float:
    """Epoch seconds of a local Shanghai time."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock),
                               ZoneInfo("Asia/Shanghai")).timestamp()


def billing_file(n: int, period: str = "2026-01", vip_every: int = 0) -> str:
    rows = ["account,name,phone,level,do_not_call,period,amount"]
    for i in range(n):
        level = "vip" if vip_every and i % vip_every == 0 else "normal"
        rows.append(f"A{i:06d},客户{i},139{i:08d},{level},0,{period},{50 + i % 200}.00")
    return "\n".join(rows) + "\n"


class EmulatedFloor:
    def __init__(self, db: Database, start: float, *, scenario: Any = "default",
                 cfg: DunningConfig | None = None, seed: int = 1) -> None:
        self.adapter = LoopbackAdapter(scenario=scenario, seed=seed, speed="fast", start=start)
        inventory = self.adapter.start()
        self.floor = FloorState(inventory)
        self.analytics = LiveAnalytics(inventory, self.adapter.now)
        self.analytics.initial(self.floor)
        self.repo = DunningRepository(db)
        self.cfg = cfg or DunningConfig()
        self.dialer = DunningDialer(self.adapter, self.floor, self.repo, self.cfg)
        self.events: list[Any] = []
        #: (switch time, pace, allowed channels, worst inbound SL) after every tick
        self.trace: list[tuple[float, str, int, float | None]] = []
        self.dials_while_stopped = 0
        self.concurrent: list[int] = [0]

    def load(self, text: str) -> None:
        self.repo.import_billing(parse_billing(text), self.adapter.now(), self.cfg)

    def run(self, seconds: float, step: float = 5.0, keep_events: bool = False) -> None:
        end = self.adapter.now() + seconds
        while self.adapter.now() < end:
            events = self.adapter.advance(step)
            if keep_events:
                self.events += events
            for e in events:
                self.floor.apply(e)
            self.analytics.on_events(events, self.floor)
            self.dialer.on_events(events, self.floor)
            self.analytics.tick(self.floor)
            before = len(self.dialer.inflight)
            pace_before = self.dialer.pacer.pace.value
            self.dialer.tick(self.adapter.now())
            # the day's plan and the complaint read run on threads (off the serving loop):
            # the emulated floor waits for them so a run is the same on a loaded machine
            if self.dialer.wait_for_background():
                self.dialer.tick(self.adapter.now())
            if pace_before == "stopped" and self.dialer.pacer.pace.value == "stopped" \
                    and len(self.dialer.inflight) > before:
                self.dials_while_stopped += 1
            self.concurrent.append(len(self.dialer.inflight))
            levels = [q.service_level for q in self.dialer._levels()
                      if q.service_level is not None]
            self.trace.append((self.adapter.now(), self.dialer.pacer.pace.value,
                               self.dialer.pacer.channels(), min(levels) if levels else None))
