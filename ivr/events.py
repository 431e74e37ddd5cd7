"""What a driver feeds a session (events) and what the session asks of it (actions).

A driver — the emulator's IVR channel, the AMI adapter, a test — plays prompts, arms
timers and runs look-ups, and feeds back what happened, each carrying the token of the
action it answers; an answer with a stale token (the caller has moved on) is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# --- events (driver -> session) ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Key:
    """One key or several typed ahead (dial-ahead): ``Key("123")``."""

    keys: str


@dataclass(frozen=True, slots=True)
class PlayDone:
    token: int


@dataclass(frozen=True, slots=True)
class Timeout:
    token: int


@dataclass(frozen=True, slots=True)
class LookupResult:
    token: int
    outcome: str = "ok"
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AgentAnswered:
    """The queue or agent the caller was transferred to has answered."""


@dataclass(frozen=True, slots=True)
class CallerHungUp:
    pass


Event = Key | PlayDone | Timeout | LookupResult | AgentAnswered | CallerHungUp


# --- actions (session -> driver) -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Play:
    """Play ``text`` and feed ``PlayDone(token)`` when it ends; a key stops it if ``barge_in``."""

    token: int
    node: str
    text: str
    language: str
    barge_in: bool = True


@dataclass(frozen=True, slots=True)
class WaitInput:
    """After the current prompt ends, wait ``seconds`` for a key, then feed ``Timeout(token)``."""

    token: int
    seconds: float


@dataclass(frozen=True, slots=True)
class StartTimer:
    """Feed ``Timeout(token)`` after ``seconds`` from now."""

    token: int
    seconds: float


@dataclass(frozen=True, slots=True)
class Lookup:
    """Ask a back-end ``service``; feed ``LookupResult(token, …)`` (or nothing, on a time-out)."""

    token: int
    service: str
    args: dict[str, Any]
    timeout_s: float


@dataclass(frozen=True, slots=True)
class Enqueue:
    queue: str
    level: int
    trail: Trail


@dataclass(frozen=True, slots=True)
class ConnectAgent:
    agent: str
    trail: Trail


@dataclass(frozen=True, slots=True)
class Connect:
    """Connect the caller to an outside number (a number-change notice's new number)."""

    number: str
    trail: Trail


@dataclass(frozen=True, slots=True)
class LeaveQueue:
    """The caller pressed * while waiting: take the call out of the queue (back to the IVR)."""


@dataclass(frozen=True, slots=True)
class Finish:
    """The session is over: release the IVR channel; the outcome says what happens next."""

    outcome: Outcome


Action = (Play | WaitInput | StartTimer | Lookup | Enqueue | ConnectAgent | Connect | LeaveQueue
          | Finish)


# --- what travels with the call ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TrailStep:
    node: str
    what: str

    def __str__(self) -> str:
        return f"{self.node}: {self.what}"


@dataclass(frozen=True, slots=True)
class Trail:
    """The caller's last steps and current menu position (shown to the agent)."""

    steps: tuple[TrailStep, ...]
    position: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the call left the IVR.

    kind: ``queue`` / ``agent`` (answered there), ``connect`` (put through to ``number``),
    ``return`` (back to the agent who sent the
    caller to verify a password), ``hangup`` (the flow ended the call), ``callback`` (asked
    to be called back from the busy prompt), ``abandoned`` (the caller hung up).
    """

    kind: str
    node: str
    trail: Trail
    queue: str | None = None
    agent: str | None = None
    number: str | None = None
    level: int = 0
    verified: bool | None = None
    survey: dict[str, str] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
