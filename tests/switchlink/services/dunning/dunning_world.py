"""A controllable clock and a scripted switch for the dunning simulations (a module of its
own: every test folder has a conftest, so ``from conftest import`` picks whichever came first)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from models.calls import CallOutcome
from models.dunning.calendar import DunningConfig
from models.events import CallEnded
from models.persistence.database import Database
from models.persistence.dunning import DunningRepository
from switchlink.adapters.errors import AdapterError
from switchlink.services.dunning.dialer import DunningDialer

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, clock: str = "00:00") -> float:
    """Epoch seconds of a local Shanghai time."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock),
                               SHANGHAI).timestamp()


class ScriptedSwitch:
    """Originates calls whose outcome is scripted per number (answered by default); every
    dial is logged with its switch time. Calls end ``talk_s`` after they are dialed."""

    def __init__(self, t: float) -> None:
        self.t = t
        self.outcomes: dict[str, list[CallOutcome]] = {}
        self.dials: list[tuple[float, str, str]] = []
        self.live: dict[str, tuple[float, CallOutcome]] = {}
        self.talk_s = 60.0
        self.refuse = False
        self._n = 0

    def now(self) -> float:
        return self.t

    def originate(self, number: str, *, announcement: str = "", caller_id: str = "") -> str:
        if self.refuse:
            raise AdapterError("trunk down")
        self._n += 1
        call = f"out-{self._n}"
        script = self.outcomes.get(number)
        outcome = script.pop(0) if script else CallOutcome.ANSWERED
        self.dials.append((self.t, number, announcement))
        self.live[call] = (self.t + self.talk_s, outcome)
        return call

    def ended(self) -> list[CallEnded]:
        done = [(c, o) for c, (end, o) in self.live.items() if end <= self.t]
        for c, _ in done:
            del self.live[c]
        return [CallEnded(self.t, c, o) for c, o in done]


class Floor:
    """The dunning world: database, scripted switch, dialer; the clock moves in steps."""

    def __init__(self, db: Database, start: float, cfg: DunningConfig | None = None,
                 blocked: set[str] | None = None) -> None:
        self.db = db
        self.repo = DunningRepository(db)
        self.switch = ScriptedSwitch(start)
        self.cfg = cfg or DunningConfig()
        self.blocked = blocked if blocked is not None else set()
        self.orders: list[dict[str, object]] = []
        self.dialer = self.new_dialer()

    def new_dialer(self) -> DunningDialer:
        """A fresh dialer on the same database (what a restart of switchlink gives)."""
        return DunningDialer(
            self.switch, None, self.repo, self.cfg,  # type: ignore[arg-type]
            blocked=lambda n, t: True if n in self.blocked else None,
            complaints=lambda: self.orders)

    def step(self, seconds: float) -> None:
        self.switch.t += seconds
        self.dialer.on_events(self.switch.ended())  # type: ignore[arg-type]
        self.dialer.tick(self.switch.t)
        if self.dialer.wait_for_background():  # a plan made on its thread: load it now
            self.dialer.tick(self.switch.t)

    def run_until(self, t: float, step: float = 300.0) -> None:
        while self.switch.t + step <= t:
            self.step(step)
        if self.switch.t < t:
            self.step(t - self.switch.t)

    def dials_of(self, number: str) -> list[float]:
        return [t for t, n, _ in self.switch.dials if n == number]
