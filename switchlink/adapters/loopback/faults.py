"""Boards, trunks, channels and links of the emulator, and fault injection.

Faults: ``link_drop`` (events are withheld and operations refused until the link returns;
the backlog is then delivered), ``board_failure`` (the board and its channels / trunks go
down and the calls in progress on it are cut — for an ACD board every call at an agent; no
new calls on it, an ACD board failure stops routing), ``stuck_channel`` (the channel shows
busy with no call and is not used), ``event_delay`` (events reach the adapter ``delay_s``
late), ``line_noise`` (the channel looks idle and takes calls but fails its loopback and
prompt tests' measurements), and ``clear``. Tests, resets and out-of-service are in
maintenance.py.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any

from models.equipment import BoardKind, ChannelStatus, EquipmentStatus
from models.events import (
    BoardStatusChanged,
    ChannelStatusChanged,
    Event,
    LinkStatusChanged,
    TrunkStatusChanged,
)
from switchlink.adapters.base import check_number
from switchlink.adapters.errors import InvalidArgument, InvalidOperation, UnknownTarget
from switchlink.adapters.loopback.distributions import MAX_SECONDS
from switchlink.adapters.loopback.entities import SimBoard, SimCall, SimChannel, SimLink, SimTrunk

if TYPE_CHECKING:
    from switchlink.adapters.loopback.simulation import Simulation



class EquipmentMixin:
    """Equipment state and faults for :class:`Simulation` (uses its clock, timers and emit)."""

    def _init_equipment(self: Simulation) -> None:
        sc = self.scenario
        self.boards: dict[str, SimBoard] = {}
        self.channels: dict[str, SimChannel] = {}
        self.idle_ivr: list[SimChannel] = []
        self.fax_channels: list[SimChannel] = []
        for spec in sc.boards:
            board = SimBoard(spec.id, spec.kind)
            self.boards[spec.id] = board
            for i in range(1, spec.channels + 1):
                channel = SimChannel(f"{spec.id}/{i}", board)
                board.channels.append(channel)
                self.channels[channel.id] = channel
                if spec.kind is BoardKind.IVR:
                    self.idle_ivr.append(channel)
                elif spec.kind is BoardKind.FAX:
                    self.fax_channels.append(channel)
        self.idle_ivr.reverse()  # pop() hands out the lowest-numbered channel first
        self.trunks: dict[str, SimTrunk] = {}
        for spec in sc.trunks:
            board = self.boards[spec.board]
            trunk = SimTrunk(spec.id, board, spec.capacity)
            board.trunks.append(trunk)
            self.trunks[spec.id] = trunk
        self.links: dict[str, SimLink] = {lid: SimLink(lid) for lid in sc.links}
        self.acd_down = False
        self._delayed: list[tuple[float, int, Event]] = []
        self._backlog: list[Event] = []
        self._faults: dict[tuple[str, str], int] = {}
        self.tests_run = 0
        self._init_maintenance()

    # --- channels -----------------------------------------------------------------------

    def take_ivr_channel(self: Simulation, call: SimCall) -> SimChannel | None:
        idle = self.idle_ivr
        while idle:
            channel = idle.pop()
            if channel.status is ChannelStatus.IDLE and channel.board.status is EquipmentStatus.UP:
                channel.status = ChannelStatus.BUSY
                channel.holder = call.id
                channel.calls += 1
                call.channel = channel
                self.emit(ChannelStatusChanged(self.now, channel.id, ChannelStatus.BUSY, call.id))
                return channel
        return None

    def _channel_back(self: Simulation, channel: SimChannel) -> None:
        """A channel's fault cleared: it rests where maintenance left it (idle, out of service)."""
        channel.error = ""
        self.rest(channel)

    # --- the link and the event path ----------------------------------------------------

    def link_down(self: Simulation) -> SimLink | None:
        for link in self.links.values():
            if link.down:
                return link
        return None

    def _set_emit(self: Simulation) -> None:
        if any(link.down for link in self.links.values()):
            self.emit = self._backlog.append
        elif any(link.delay_s for link in self.links.values()):
            self.emit = self._emit_delayed
        else:
            self.emit = self.out.append

    def _emit_delayed(self: Simulation, event: Event) -> None:
        delay = max(link.delay_s for link in self.links.values())
        heapq.heappush(self._delayed, (event.t + delay, next(self._seq), event))

    def _release_delayed(self: Simulation, now: float) -> None:
        delayed, out = self._delayed, self.out
        while delayed and delayed[0][0] <= now:
            out.append(heapq.heappop(delayed)[2])

    # --- faults -------------------------------------------------------------------------

    def _schedule_scenario_faults(self: Simulation) -> None:
        for spec in self.scenario.faults:
            params = {"delay_s": spec.delay_s}
            if spec.duration_s is not None:
                params["duration_s"] = spec.duration_s
            self.schedule(self.start + spec.at_s, self._on_scheduled_fault,
                          (spec.kind, spec.target, params))

    def _on_scheduled_fault(self: Simulation, arg: tuple[str, str, dict[str, Any]]) -> None:
        self.inject_fault(*arg)

    def fault_target_kind(self: Simulation, kind: str, target: str) -> str:
        """Check a fault's target; returns it (defaulting the link) or raises UnknownTarget."""
        if kind in ("link_drop", "event_delay"):
            target = target or next(iter(self.links))
            if target not in self.links:
                raise UnknownTarget(f"no link {target!r} (links: {', '.join(self.links)})")
        elif kind == "board_failure":
            if target not in self.boards:
                raise UnknownTarget(f"no board {target!r}")
        elif kind in ("stuck_channel", "line_noise"):
            if target not in self.channels:
                raise UnknownTarget(f"no channel {target!r}")
        elif target and not (target in self.links or target in self.boards
                             or target in self.channels):
            raise UnknownTarget(f"no link, board or channel {target!r}")
        return target

    def inject_fault(self: Simulation, kind: str, target: str, params: dict[str, Any]) -> None:
        target = self.fault_target_kind(kind, target)
        duration = params.get("duration_s")
        delay = params.get("delay_s", 5.0)
        # the adapter contract checked a command's values; scenario faults come here directly.
        # A NaN would sit in the timer heap forever and an event delayed by NaN is never due.
        for name, value in (("duration_s", duration), ("delay_s", delay)):
            if value is not None:
                check_number(name, value, high=MAX_SECONDS, unit="seconds")
        unknown = set(params) - {"duration_s", "delay_s"}
        if unknown:
            raise InvalidArgument(f"unknown fault parameter(s): {', '.join(sorted(unknown))}")
        if kind == "clear":
            for k, t in list(self._faults):
                if not target or t == target:
                    self._clear(k, t)
            return
        if kind == "stuck_channel" and self.channels[target].status is ChannelStatus.TESTING:
            raise InvalidOperation(f"channel {target} is under test")
        token = next(self._seq)
        self._faults[(kind, target)] = token
        getattr(self, f"_fault_{kind}")(target, float(delay))
        if duration is not None:
            self.schedule(self.now + float(duration), self._on_fault_over, (kind, target, token))

    def _on_fault_over(self: Simulation, arg: tuple[str, str, int]) -> None:
        kind, target, token = arg
        if self._faults.get((kind, target)) == token:
            self._clear(kind, target)

    def _clear(self: Simulation, kind: str, target: str) -> None:
        del self._faults[(kind, target)]
        now = self.now
        if kind == "link_drop":
            link = self.links[target]
            link.down = False
            link.status = EquipmentStatus.DEGRADED if link.delay_s else EquipmentStatus.UP
            link.error = ""
            self._set_emit()
            backlog, self._backlog = self._backlog, []
            for event in backlog:  # replayed after reconnecting, in order
                self.emit(event)
            self.out.append(LinkStatusChanged(now, link.id, link.status, link.delay_s * 1000))
        elif kind == "event_delay":
            link = self.links[target]
            link.delay_s = 0.0
            if not link.down:
                link.status = EquipmentStatus.UP
                link.error = ""
            self._set_emit()
            self._release_delayed(float("inf"))
            self.out.append(LinkStatusChanged(now, link.id, link.status, 0.0, link.error))
        elif kind == "board_failure":
            board = self.boards[target]
            board.status = (EquipmentStatus.OUT_OF_SERVICE if board.out_of_service
                            else EquipmentStatus.UP)
            board.error = ""
            self.emit(BoardStatusChanged(now, board.id, board.status))
            for trunk in board.trunks:
                trunk.error = ""
                self._trunk_rest(trunk)
            for channel in board.channels:
                if channel.status is ChannelStatus.DOWN:
                    self._channel_back(channel)
            if board.kind is BoardKind.ACD:
                self.update_acd()
        elif kind == "stuck_channel":
            self._channel_back(self.channels[target])

    def _fault_link_drop(self: Simulation, target: str, delay: float) -> None:
        link = self.links[target]
        link.down = True
        link.status = EquipmentStatus.DOWN
        link.error = "link dropped (fault injected)"
        self.out.append(LinkStatusChanged(self.now, link.id, link.status, 0.0, link.error))
        self._set_emit()

    def _fault_event_delay(self: Simulation, target: str, delay: float) -> None:
        link = self.links[target]
        link.delay_s = delay
        if not link.down:
            link.status = EquipmentStatus.DEGRADED
            link.error = f"events delayed by {delay:g} s (fault injected)"
            self.out.append(LinkStatusChanged(self.now, link.id, link.status, delay * 1000,
                                              link.error))
        self._set_emit()

    def _fault_board_failure(self: Simulation, target: str, delay: float) -> None:
        now = self.now
        board = self.boards[target]
        board.status = EquipmentStatus.DOWN
        board.error = "board failure (fault injected)"
        self.emit(BoardStatusChanged(now, board.id, board.status, board.error))
        for trunk in board.trunks:
            trunk.status = EquipmentStatus.DOWN
            trunk.error = board.error
            self.emit(TrunkStatusChanged(now, trunk.id, trunk.status, trunk.in_use, trunk.error))
        for channel in board.channels:
            channel.status = ChannelStatus.DOWN
            channel.error = board.error
            self.emit(ChannelStatusChanged(now, channel.id, channel.status, channel.holder,
                                           channel.error))
        if board.kind is BoardKind.ACD:
            self.acd_down = True
        self.cut_calls(board)  # the calls in progress on it are cut, not left to finish

    def _fault_line_noise(self: Simulation, target: str, delay: float) -> None:
        """Nothing shows: the channel stays idle and takes calls; only a test finds it."""

    def _fault_stuck_channel(self: Simulation, target: str, delay: float) -> None:
        channel = self.channels[target]
        channel.status = ChannelStatus.STUCK
        channel.error = "channel stuck (fault injected)"
        self.emit(ChannelStatusChanged(self.now, channel.id, channel.status, channel.holder,
                                       channel.error))
