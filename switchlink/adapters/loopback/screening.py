"""The emulated switch's blacklist: screen each arrival before the IVR, harassers redial.

The emulator blocks in the switch, as a PBX with a blacklist table does: an arriving call
whose caller the screen matches is told "the system is busy" (a short announcement, then
released) or released at once, and ends ``blocked`` without an IVR channel or a queue. A
``warn`` entry lets the call go on. Harassers (scenario ``[harassers]``) make a share of the
calls and redial when blocked; their draws use their own random stream, so a scenario's
ordinary callers are the same with or without them.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from models.blacklist import BlockAction
from models.calls import CallOutcome, CallPhase, CustomerLevel
from models.events import CallIvrStep, CallScreened
from switchlink.adapters.base import CallScreen
from switchlink.adapters.loopback.entities import SimCall, SimLine

if TYPE_CHECKING:
    from switchlink.adapters.loopback.simulation import Simulation

#: how long the "system is busy" announcement plays before the switch hangs up (s)
BUSY_PROMPT_S = 4.0


class ScreeningMixin:
    """Part of :class:`~switchlink.adapters.loopback.simulation.Simulation`."""

    def _init_screening(self: Simulation, seed: int) -> None:
        #: the blacklist look-up switchlink installed (None: no blacklist)
        self.screen: CallScreen | None = None
        self.harassers = self.scenario.harassers
        self._harass_rng = random.Random(f"harassers/{seed}")
        spec = self.harassers
        self._harasser_set = frozenset(spec.numbers) if spec is not None else frozenset()
        self._redial_delay = spec.redial_delay.sampler(self._harass_rng) if spec else None
        #: calls the screen blocked / warned since the start (for `simulate` and tests)
        self.screened = {"blocked": 0, "warned": 0}

    def pick_caller(self: Simulation, drawn: str) -> str:
        """``drawn`` (an ordinary caller), or a harasser's number for their share of calls."""
        spec = self.harassers
        if spec is None or self._harass_rng.random() >= spec.share:
            return drawn
        return self._harass_rng.choice(spec.numbers)

    def screen_arrival(self: Simulation, call: SimCall, line: SimLine, redials: int) -> bool:
        """Ask the screen about a call that just arrived; True when it was blocked here."""
        found = self.screen(call.caller, self.now)  # type: ignore[misc]
        if found is None:
            return False
        now = self.now
        self.emit(CallScreened(now, call.id, found.number, found.entry, found.action.value,
                               found.reason, True))
        if not found.action.blocks:
            self.screened["warned"] += 1
            return False
        self.screened["blocked"] += 1
        if found.action is BlockAction.BUSY:
            call.phase = CallPhase.IVR
            self.emit(CallIvrStep(now, call.id, "blacklist_busy"))
            self.schedule(now + BUSY_PROMPT_S, self._on_busy_prompt_done, (call, call.step))
        else:
            self.end_call(call, CallOutcome.BLOCKED)
        self._maybe_redial(line, call.caller, redials)
        return True

    def _on_busy_prompt_done(self: Simulation, arg: tuple[SimCall, int]) -> None:
        call, step = arg
        if call.step == step:
            self.end_call(call, CallOutcome.BLOCKED)

    def _maybe_redial(self: Simulation, line: SimLine, number: str, redials: int) -> None:
        spec = self.harassers
        if spec is None or number not in self._harasser_set or redials >= spec.max_redials:
            return
        if self._harass_rng.random() < spec.redial_probability:
            delay = self._redial_delay()  # type: ignore[misc]
            self.schedule(self.now + delay, self._on_redial, (line, number, redials + 1))

    def _on_redial(self: Simulation, arg: tuple[SimLine, str, int]) -> None:
        line, number, redials = arg
        self.arrive(line, number, CustomerLevel.NORMAL, redials)
