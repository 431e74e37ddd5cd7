"""What crosses the adapter contract: argument limits, the start-up inventory, shared checks.

Kept apart from :mod:`switchlink.adapters.base` so the contract class reads on one screen;
``base`` re-exports these names, which adapters and services import from there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from models.agents import Agent
from models.blacklist import Screening
from models.equipment import Board, Channel, Link, Trunk
from models.queues import SkillGroup
from switchlink.adapters.errors import InvalidArgument

MIN_SKILL_LEVEL = 1
MAX_SKILL_LEVEL = 10

#: Fax resolutions a fax board can send at (standard 98 lpi, fine 196 lpi).
FAX_RESOLUTIONS = ("standard", "fine")
#: Fax queues an adapter can list.
FAX_QUEUES = ("send", "done")

#: What an adapter can serve; a composite routes each operation to a member offering it.
CAPABILITIES = frozenset({"acd", "ivr", "fax"})

#: Fault kinds an adapter may be asked to rehearse (the emulator does them all).
FAULT_KINDS = frozenset({"link_drop", "board_failure", "stuck_channel", "event_delay",
                         "line_noise", "clear"})
#: a rehearsed fault lasts at most a week (it clears itself) ...
MAX_FAULT_DURATION_S = 7 * 86400.0
#: ... and an ``event_delay`` holds events back at most an hour (longer is a ``link_drop``)
MAX_EVENT_DELAY_S = 3600.0
#: fault parameter -> its largest value (seconds); every one is a finite number >= 0
FAULT_PARAMS = {"duration_s": MAX_FAULT_DURATION_S, "delay_s": MAX_EVENT_DELAY_S}
MAX_FAX_PAGES = 1000
#: a poll waits at most this long for an event (the daemon's loop polls every few ms)
MAX_POLL_TIMEOUT_S = 3600.0

#: ``since`` -> {call id: (arrived_at, ended_at)} of the finished calls history holds that
#: arrived at or after ``since`` (see :meth:`SwitchAdapter.continue_history`)
StoredCalls = Callable[[float], Mapping[str, tuple[float, float]]]
#: (caller as the switch gave it, switch time) -> the blacklist's verdict, None to let it by
CallScreen = Callable[[str, float], Screening | None]


@dataclass(slots=True)
class Inventory:
    """What the switch has, at start: the engine builds its live state from this."""

    agents: list[Agent] = field(default_factory=list)
    queues: list[SkillGroup] = field(default_factory=list)
    boards: list[Board] = field(default_factory=list)
    trunks: list[Trunk] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def check_number(
    name: str,
    value: object,
    *,
    low: float = 0.0,
    high: float,
    unit: str = "",
    integer: bool = False,
) -> float:
    """A number from outside that is finite and in ``low..high``, or InvalidArgument saying so.

    NaN compares false with everything, so ``value < 0`` lets it through; every numeric
    argument of every adapter comes through here instead.
    """
    kind = "an integer" if integer else "a number"
    what = f"{kind}{' of ' + unit if unit else ''} from {low:g} to {high:g}"
    if isinstance(value, bool) or not isinstance(value, int if integer else int | float):
        raise InvalidArgument(f"{name} must be {what}, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidArgument(f"{name} must be {what}, got {value!r} (not a finite number)")
    if not low <= value <= high:
        raise InvalidArgument(f"{name} must be {what}, got {value!r}")
    return value


def _require_id(kind: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgument(f"{kind} must be a non-empty string, got {value!r}")
    return value


def check_options(adapter: str, options: Mapping[str, object], known: Iterable[str]) -> None:
    """Refuse option names ``adapter`` does not know, naming the ones it does (a typo in a
    site's config is one clear line, not a silently ignored setting)."""
    names = set(known)
    unknown = sorted(set(options) - names)
    if unknown:
        raise InvalidArgument(f"{adapter}: unknown option(s) {', '.join(unknown)} "
                              f"(known: {', '.join(sorted(names))})")
