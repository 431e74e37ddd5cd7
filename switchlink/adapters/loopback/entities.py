"""The emulator's own mutable records: lean ``__slots__`` classes for the hot path."""

from __future__ import annotations

from collections import deque
from typing import Any

from models.agents import AgentState
from models.calls import CallPhase, CustomerLevel, Direction, Participation
from models.equipment import BoardKind, ChannelStatus, EquipmentStatus
from switchlink.adapters.loopback.distributions import Sampler
from switchlink.adapters.loopback.scenario import LineSpec, QueueSpec, TeamSpec


class SimAgent:
    """A seat; ``epoch`` changes on every state change so stale timers can be ignored."""

    __slots__ = (
        "after",
        "break_due",
        "call",
        "epoch",
        "handled",
        "id",
        "name",
        "pending_logout",
        "ready_since",
        "reason",
        "session",
        "shift_over",
        "since",
        "skills",
        "state",
        "team",
    )

    def __init__(self, work_number: str, name: str, team: TeamSpec) -> None:
        self.id = work_number
        self.name = name
        self.team = team
        self.skills: dict[str, int] = dict(team.skills)
        self.state = AgentState.LOGGED_OUT
        self.since = 0.0
        self.reason = ""
        self.epoch = 0
        self.session = 0
        self.ready_since = 0.0
        self.call: SimCall | None = None
        #: a forced sign-out booked during a call: (reason, by)
        self.pending_logout: tuple[str, str] | None = None
        #: a ready / not-ready request made during a call: (state, reason, forced, by)
        self.after: tuple[AgentState, str, bool, str] | None = None
        self.break_due = False
        self.shift_over = False
        self.handled = 0


class SimCall:
    """A live call; ``step`` changes whenever its scheduled future is replaced."""

    __slots__ = (
        "agent",
        "answered",
        "arrived",
        "callee",
        "caller",
        "channel",
        "direction",
        "id",
        "level",
        "participants",
        "phase",
        "priority",
        "queue",
        "queued_at",
        "recording",
        "remaining",
        "step",
        "trunk",
    )

    def __init__(
        self, call_id: str, caller: str, callee: str, level: CustomerLevel,
        direction: Direction, arrived: float,
    ) -> None:
        self.id = call_id
        self.caller = caller
        self.callee = callee
        self.level = level
        self.direction = direction
        self.arrived = arrived
        self.phase = CallPhase.ARRIVING
        self.queue: SimQueue | None = None
        self.queued_at = 0.0
        self.priority = 0
        self.agent: SimAgent | None = None
        self.trunk: SimTrunk | None = None
        self.channel: SimChannel | None = None
        self.participants: dict[str, Participation] = {}
        #: supervisor -> simulated time their recording started (监听录音)
        self.recording: dict[str, float] = {}
        self.step = 0
        self.remaining = 0.0
        self.answered = False


class SimQueue:
    """A skill group: waiting calls by priority (FIFO within) and a heap of ready agents."""

    __slots__ = (
        "acw", "handle", "hold", "hold_p", "id", "length", "patience", "prios", "ready",
        "skilled", "spec", "waiting",
    )

    def __init__(self, spec: QueueSpec, samplers: dict[str, Sampler | None]) -> None:
        self.spec = spec
        self.id = spec.id
        #: priority -> deque of (call, step); stale entries are skipped when popped
        self.waiting: dict[int, deque[tuple[SimCall, int]]] = {}
        self.prios: list[int] = []
        self.length = 0
        #: (-skill level, ready since, seq, agent, agent epoch)
        self.ready: list[tuple[int, float, int, SimAgent, int]] = []
        self.skilled = 0
        self.handle = samplers["handle"]
        self.acw = samplers["acw"]
        self.patience = samplers["patience"]
        self.hold = samplers["hold"]
        self.hold_p = spec.hold_probability


class SimLine:
    """An arrival stream: a dialled number with its half-hourly Poisson rate profile."""

    __slots__ = ("choices", "interval", "queue", "spec", "trunk")

    def __init__(self, spec: LineSpec) -> None:
        self.spec = spec
        self.interval = 0
        self.queue: SimQueue | None = None
        self.trunk: SimTrunk | None = None
        self.choices: list[tuple[float, SimQueue]] = []


class SimBoard:
    __slots__ = ("channels", "error", "id", "kind", "out_of_service", "restarting", "status",
                 "tests_failed", "tests_passed", "trunks")

    def __init__(self, board_id: str, kind: BoardKind) -> None:
        self.id = board_id
        self.kind = kind
        self.status = EquipmentStatus.UP
        self.error = ""
        self.channels: list[SimChannel] = []
        self.trunks: list[SimTrunk] = []
        self.tests_passed = 0
        self.tests_failed = 0
        #: why maintenance took it out of service ("" while in service)
        self.out_of_service = ""
        self.restarting = False


class SimTrunk:
    __slots__ = ("board", "calls", "capacity", "error", "id", "in_use", "out_of_service",
                 "status")

    def __init__(self, trunk_id: str, board: SimBoard, capacity: int) -> None:
        self.id = trunk_id
        self.board = board
        self.capacity = capacity
        self.in_use = 0
        self.status = EquipmentStatus.UP
        self.error = ""
        self.calls = 0
        self.out_of_service = ""


class SimChannel:
    __slots__ = ("board", "calls", "error", "holder", "id", "kind", "out_of_service", "status")

    def __init__(self, channel_id: str, board: SimBoard) -> None:
        self.id = channel_id
        self.board = board
        self.kind = board.kind
        self.status = ChannelStatus.IDLE
        #: the call or fax job id using the channel
        self.holder: str | None = None
        self.error = ""
        self.calls = 0
        self.out_of_service = ""


class SimLink:
    __slots__ = ("delay_s", "down", "error", "id", "status")

    def __init__(self, link_id: str) -> None:
        self.id = link_id
        self.status = EquipmentStatus.UP
        self.down = False
        self.delay_s = 0.0
        self.error = ""


def noop(_: Any) -> None:
    """A timer whose work was cancelled."""
