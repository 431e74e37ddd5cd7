"""Equipment conditions the equipment rules watch, kept from the inventory and the event stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models.equipment import ChannelStatus, EquipmentStatus
from models.events import (
    BoardStatusChanged,
    ChannelStatusChanged,
    Event,
    LinkStatusChanged,
    TestCompleted,
)
from switchlink.adapters.base import Inventory

#: tests of a channel's line: a failure is the channel's condition until a later one passes
LINE_TESTS = frozenset({"loopback", "prompt"})


class EquipmentConditions:
    """metric -> {id: since (or latency)}: boards down, channels stuck, links lost, latency,
    and channels whose last line test (loopback or prompt) failed, until one passes."""

    def __init__(self, inventory: Inventory, now: float) -> None:
        self.conditions: dict[str, dict[str, float]] = {
            "board_down_s": {}, "channel_stuck_s": {}, "link_lost_s": {}, "link_latency_ms": {},
            "channel_test_failed_s": {},
        }
        for board in inventory.boards:
            self._set("board_down_s", board.id, board.status is EquipmentStatus.DOWN, now)
        for channel in inventory.channels:
            self._set("channel_stuck_s", channel.id, channel.status is ChannelStatus.STUCK, now)
        for link in inventory.links:
            self._set("link_lost_s", link.id, link.status is EquipmentStatus.DOWN, now)
            self.conditions["link_latency_ms"][link.id] = link.latency_ms

    def _set(self, metric: str, ident: str, on: bool, t: float) -> bool:
        table = self.conditions[metric]
        if on and ident not in table:
            table[ident] = t  # insertion order stays oldest first
            return True
        if not on and ident in table:
            del table[ident]
            return True
        return False

    def apply(self, event: Event) -> bool:
        """Track one event; True when a condition changed (worth an evaluation).

        Called for every event of the floor, so the common case (not equipment) is one
        dict lookup by type rather than a chain of isinstance checks.
        """
        handler = _HANDLERS.get(type(event))
        return handler(self, event) if handler is not None else False

    def _board(self, event: BoardStatusChanged) -> bool:
        return self._set("board_down_s", event.board, event.status is EquipmentStatus.DOWN,
                         event.t)

    def _channel(self, event: ChannelStatusChanged) -> bool:
        return self._set("channel_stuck_s", event.channel, event.status is ChannelStatus.STUCK,
                         event.t)

    def _test(self, event: TestCompleted) -> bool:
        if event.kind not in LINE_TESTS:
            return False
        return self._set("channel_test_failed_s", event.target, not event.passed, event.t)

    def _link(self, event: LinkStatusChanged) -> bool:
        lost = event.status is EquipmentStatus.DOWN
        changed = self._set("link_lost_s", event.link, lost, event.t)
        latency = self.conditions["link_latency_ms"]
        changed |= latency.get(event.link) != event.latency_ms
        latency[event.link] = event.latency_ms
        return changed


_HANDLERS: dict[type[Event], Callable[[EquipmentConditions, Any], bool]] = {
    BoardStatusChanged: EquipmentConditions._board,
    ChannelStatusChanged: EquipmentConditions._channel,
    LinkStatusChanged: EquipmentConditions._link,
    TestCompleted: EquipmentConditions._test,
}
