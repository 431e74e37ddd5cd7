"""Boards, trunks, channels and links: what maintenance staff keep running (S4 4.1.12)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BoardKind(StrEnum):
    ACD = "acd"
    IVR = "ivr"
    FAX = "fax"
    TRUNK = "trunk"


class EquipmentStatus(StrEnum):
    UP = "up"  # 正常
    DEGRADED = "degraded"  # 部分故障
    DOWN = "down"  # 故障
    TESTING = "testing"  # 测试中
    OUT_OF_SERVICE = "out_of_service"  # 停用: taken out by maintenance, takes no calls


class ChannelStatus(StrEnum):
    IDLE = "idle"
    BUSY = "busy"
    STUCK = "stuck"  # 挂死: busy with no call behind it
    DOWN = "down"
    TESTING = "testing"
    OUT_OF_SERVICE = "out_of_service"  # 停用


@dataclass(slots=True)
class Counters:
    """Running totals a board or channel keeps for diagnostics."""

    calls: int = 0
    errors: int = 0
    tests_passed: int = 0
    tests_failed: int = 0


@dataclass(slots=True)
class Board:
    """A card in the switch: ACD, IVR, fax or trunk interface."""

    id: str
    kind: BoardKind
    status: EquipmentStatus = EquipmentStatus.UP
    last_error: str = ""
    counters: Counters = field(default_factory=Counters)
    #: switch time of the last status change (None: unchanged since switchlink started)
    since: float | None = None


@dataclass(slots=True)
class Trunk:
    """A group of circuits to the public network; its size bounds concurrent calls."""

    id: str
    board: str
    capacity: int
    in_use: int = 0
    status: EquipmentStatus = EquipmentStatus.UP
    last_error: str = ""
    counters: Counters = field(default_factory=Counters)
    #: switch time of the last status change (None: unchanged since switchlink started)
    since: float | None = None


@dataclass(slots=True)
class Channel:
    """One voice / fax / IVR channel on a board."""

    id: str
    board: str
    kind: BoardKind
    status: ChannelStatus = ChannelStatus.IDLE
    call_id: str | None = None
    last_error: str = ""
    counters: Counters = field(default_factory=Counters)
    #: switch time of the last status change (None: unchanged since switchlink started)
    since: float | None = None


@dataclass(slots=True)
class Link:
    """The adapter's connection to the switch (or to the CTI server)."""

    id: str
    status: EquipmentStatus = EquipmentStatus.UP
    latency_ms: float = 0.0
    last_error: str = ""
    counters: Counters = field(default_factory=Counters)
    #: switch time of the last status change (None: unchanged since switchlink started)
    since: float | None = None
