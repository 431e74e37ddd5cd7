"""What maintenance staff do to the emulator's equipment: tests that measure, resets, and
taking channels, trunks and boards out of service and back.

Tests measure what a real test set reports, with values drawn from their own seeded
generator (so running a test never changes the simulated day): a loopback test call
seizes an idle channel, dials the loopback number, measures the returned 1004 Hz tone
(level and noise, dBm0), sends the twelve DTMF digits and counts the echoed ones, times
the round trip, and releases. A channel with the ``line_noise`` fault looks idle and takes
calls, but fails these measurements: that is what a nightly sweep is for.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from models.calls import CallOutcome, CallPhase
from models.equipment import BoardKind, ChannelStatus, EquipmentStatus
from models.events import (
    BoardStatusChanged,
    ChannelStatusChanged,
    TestCompleted,
    TrunkStatusChanged,
)
from switchlink.adapters.errors import InvalidOperation, UnknownTarget
from switchlink.adapters.loopback.entities import SimBoard, SimChannel, SimTrunk

if TYPE_CHECKING:
    from switchlink.adapters.loopback.simulation import Simulation

#: characters a minute an IVR prompt is read at (S1: 150-180)
PROMPT_CHARS_PER_MIN = 165.0
SELF_TEST_S = 5.0
LOOPBACK_TEST_S = 3.0
#: a board reset: this long restarting, its channels unusable
BOARD_RESET_S = 10.0
#: what a loopback test must measure to pass (ITU-T O.41-style line check at 1004 Hz)
TONE_NOMINAL_DBM0 = -10.0
TONE_TOLERANCE_DB = 3.0
NOISE_LIMIT_DBM0 = -50.0
ROUND_TRIP_LIMIT_MS = 150.0
DTMF_DIGITS = "1234567890*#"
#: a prompt plays at this level, and must reach the caller within the tolerance
PROMPT_LEVEL_DBM0 = -12.0
ON_CALL = (CallPhase.RINGING, CallPhase.TALKING, CallPhase.ON_HOLD)


class MaintenanceMixin:
    """Tests, resets and out-of-service for :class:`Simulation`."""

    def _init_maintenance(self: Simulation) -> None:
        #: measurements only: never the simulation's own generator
        self.test_rng = random.Random(0x7E57)

    # --- where a channel rests -----------------------------------------------------------

    def rest_status(self: Simulation, channel: SimChannel) -> ChannelStatus:
        """The status of a channel with no call: down with its board, else out of service,
        else idle (a stuck channel stays stuck until its fault clears or it is reset)."""
        if channel.board.status is EquipmentStatus.DOWN:
            return ChannelStatus.DOWN
        if ("stuck_channel", channel.id) in self._faults:
            return ChannelStatus.STUCK
        if channel.out_of_service or channel.board.out_of_service:
            return ChannelStatus.OUT_OF_SERVICE
        if channel.board.status is EquipmentStatus.TESTING and channel.board.restarting:
            return ChannelStatus.TESTING
        return ChannelStatus.IDLE

    def rest(self: Simulation, channel: SimChannel) -> None:
        """Put a channel without a call where it rests, and say so if that changed."""
        status = ChannelStatus.BUSY if channel.holder is not None else self.rest_status(channel)
        if status is ChannelStatus.IDLE:
            channel.error = ""
            if channel.status is not ChannelStatus.IDLE and channel.kind is BoardKind.IVR:
                self.idle_ivr.append(channel)
        if status is not channel.status:
            channel.status = status
            self.emit(ChannelStatusChanged(self.now, channel.id, status, channel.holder,
                                           channel.error))
            if status is ChannelStatus.IDLE and channel.kind is BoardKind.FAX:
                self.pump_fax()

    def update_acd(self: Simulation) -> None:
        """Routing stops while an ACD board is down or out of service, and resumes after."""
        self.acd_down = any(
            b.kind is BoardKind.ACD and (b.status is EquipmentStatus.DOWN or b.out_of_service)
            for b in self.boards.values())
        if not self.acd_down:
            self.dispatch_all()

    def cut_calls(self: Simulation, board: SimBoard) -> int:
        """End every call in progress on ``board`` (掉线): on its trunks or channels, or for
        an ACD board every call at an agent. Returns how many were cut."""
        cut = 0
        for call in list(self.calls.values()):
            on_board = (
                (call.trunk is not None and call.trunk.board is board)
                or (call.channel is not None and call.channel.board is board)
                or (board.kind is BoardKind.ACD and call.phase in ON_CALL)
            )
            if on_board:
                self.dequeue(call)
                self.end_call(call, CallOutcome.DROPPED)
                cut += 1
        return cut

    # --- tests ---------------------------------------------------------------------------

    def self_test(self: Simulation, board_id: str) -> str:
        board = self.boards.get(board_id)
        if board is None:
            raise UnknownTarget(f"no board {board_id!r} (boards: {', '.join(self.boards)})")
        if board.status is EquipmentStatus.TESTING:
            raise InvalidOperation(f"board {board_id} is already under test")
        test_id = self.new_id("test-")
        if board.status is not EquipmentStatus.DOWN:
            board.status = EquipmentStatus.TESTING
            self.emit(BoardStatusChanged(self.now, board.id, board.status))
        self.schedule(self.now + SELF_TEST_S, self._on_self_test_done, (board, test_id))
        return test_id

    def _on_self_test_done(self: Simulation, arg: tuple[SimBoard, str]) -> None:
        board, test_id = arg
        passed = board.status is EquipmentStatus.TESTING
        if passed:
            board.status = (EquipmentStatus.OUT_OF_SERVICE if board.out_of_service
                            else EquipmentStatus.UP)
            board.tests_passed += 1
            self.emit(BoardStatusChanged(self.now, board.id, board.status))
        else:
            board.tests_failed += 1
        measured = {
            "duration_s": SELF_TEST_S,
            "channels": float(len(board.channels)),
            "channels_stuck": float(sum(c.status is ChannelStatus.STUCK
                                        for c in board.channels)),
            "trunks": float(len(board.trunks)),
        }
        detail = "self-test passed" if passed else f"self-test failed: {board.error or 'down'}"
        self.emit(TestCompleted(self.now, board.id, "self_test", passed, detail, test_id,
                                measured))
        if passed and board.kind is BoardKind.FAX:
            self.pump_fax()  # faxes queued while the board was under test go now

    def _test_channel(self: Simulation, channel_id: str) -> SimChannel:
        channel = self.channels.get(channel_id)
        if channel is None:
            raise UnknownTarget(f"no channel {channel_id!r}")
        if channel.status in (ChannelStatus.BUSY, ChannelStatus.TESTING):
            raise InvalidOperation(f"channel {channel_id} is {channel.status.value}; try later")
        return channel

    def loopback_test(self: Simulation, channel_id: str) -> str:
        channel = self._test_channel(channel_id)
        return self._start_channel_test(channel, "loopback", LOOPBACK_TEST_S)

    def test_prompt(self: Simulation, channel_id: str, prompt: str) -> str:
        channel = self._test_channel(channel_id)
        if channel.kind is not BoardKind.IVR:
            raise InvalidOperation(f"channel {channel_id} is not an IVR channel")
        seconds = max(1.0, len(prompt) * 60.0 / PROMPT_CHARS_PER_MIN)
        return self._start_channel_test(channel, "prompt", seconds)

    def _start_channel_test(self: Simulation, channel: SimChannel, kind: str, s: float) -> str:
        """Seize the channel (an out-of-service one too: that is how it is checked before it
        goes back); a down or stuck one is tested as it is, and fails."""
        test_id = self.new_id("test-")
        usable = channel.status in (ChannelStatus.IDLE, ChannelStatus.OUT_OF_SERVICE)
        if usable:
            channel.status = ChannelStatus.TESTING
            self.emit(ChannelStatusChanged(self.now, channel.id, channel.status))
        self.schedule(self.now + s, self._on_channel_test_done, (channel, kind, usable, test_id,
                                                                 s))
        return test_id

    def _on_channel_test_done(
        self: Simulation, arg: tuple[SimChannel, str, bool, str, float]
    ) -> None:
        channel, kind, usable, test_id, seconds = arg
        reached = usable and channel.status is ChannelStatus.TESTING
        if channel.status is ChannelStatus.TESTING:
            self.rest(channel)
        if not reached:
            detail = (f"{kind} test failed: channel {channel.status.value}"
                      + (f" ({channel.error})" if channel.error else ""))
            self.emit(TestCompleted(self.now, channel.id, kind, False, detail, test_id, {}))
            return
        measure = self._measure_loopback if kind == "loopback" else self._measure_prompt
        passed, detail, measured = measure(channel, seconds)
        self.emit(TestCompleted(self.now, channel.id, kind, passed, detail, test_id, measured))

    def _measure_loopback(
        self: Simulation, channel: SimChannel, seconds: float
    ) -> tuple[bool, str, dict[str, float]]:
        rng = self.test_rng
        noisy = ("line_noise", channel.id) in self._faults
        tone = TONE_NOMINAL_DBM0 + (rng.uniform(-22.0, -14.0) if noisy else rng.gauss(0, 0.4))
        noise = (rng.uniform(-34.0, -28.0) if noisy else rng.uniform(-68.0, -60.0))
        echoed = rng.randint(4, 10) if noisy else len(DTMF_DIGITS)
        round_trip = rng.uniform(18.0, 32.0) + (rng.uniform(40.0, 90.0) if noisy else 0.0)
        measured = {"tone_dbm0": round(tone, 1), "noise_dbm0": round(noise, 1),
                    "dtmf_sent": float(len(DTMF_DIGITS)), "dtmf_echoed": float(echoed),
                    "round_trip_ms": round(round_trip, 1)}
        problems = []
        if abs(tone - TONE_NOMINAL_DBM0) > TONE_TOLERANCE_DB:
            problems.append(f"tone {tone:.1f} dBm0 outside {TONE_NOMINAL_DBM0:g}±"
                            f"{TONE_TOLERANCE_DB:g}")
        if noise > NOISE_LIMIT_DBM0:
            problems.append(f"noise {noise:.1f} dBm0 above {NOISE_LIMIT_DBM0:g}")
        if echoed < len(DTMF_DIGITS):
            problems.append(f"DTMF {echoed}/{len(DTMF_DIGITS)} echoed")
        if round_trip > ROUND_TRIP_LIMIT_MS:
            problems.append(f"round trip {round_trip:.0f} ms over {ROUND_TRIP_LIMIT_MS:g}")
        summary = (f"tone {tone:.1f} dBm0, noise {noise:.1f} dBm0, DTMF {echoed}/"
                   f"{len(DTMF_DIGITS)}, round trip {round_trip:.0f} ms")
        if problems:
            return False, "loopback test failed: " + "; ".join(problems), measured
        return True, f"loopback test passed: {summary}", measured

    def _measure_prompt(
        self: Simulation, channel: SimChannel, seconds: float
    ) -> tuple[bool, str, dict[str, float]]:
        rng = self.test_rng
        noisy = ("line_noise", channel.id) in self._faults
        level = PROMPT_LEVEL_DBM0 + (rng.uniform(-20.0, -14.0) if noisy else rng.gauss(0, 0.3))
        measured = {"played_s": round(seconds, 1), "level_dbm0": round(level, 1)}
        if abs(level - PROMPT_LEVEL_DBM0) > TONE_TOLERANCE_DB:
            return False, (f"prompt test failed: heard at {level:.1f} dBm0, expected "
                           f"{PROMPT_LEVEL_DBM0:g}±{TONE_TOLERANCE_DB:g}"), measured
        return True, f"prompt played {seconds:.1f} s at {level:.1f} dBm0", measured

    # --- reset ---------------------------------------------------------------------------

    def _equipment(self: Simulation, target: str) -> SimChannel | SimTrunk | SimBoard:
        found = self.channels.get(target) or self.trunks.get(target) or self.boards.get(target)
        if found is None:
            raise UnknownTarget(f"no channel, trunk or board {target!r}")
        return found

    def reset(self: Simulation, target: str) -> None:
        """A channel restarts at once (its call is cut); a board restarts for
        :data:`BOARD_RESET_S` (every call on it cut). Rehearsed faults on it are cleared."""
        item = self._equipment(target)
        if isinstance(item, SimTrunk):
            raise InvalidOperation(f"{target} is a trunk; reset its board {item.board.id}")
        if isinstance(item, SimChannel):
            self._cut_channel(item)
            for kind in ("stuck_channel", "line_noise"):
                self._faults.pop((kind, item.id), None)
            item.error = ""
            self.rest(item)
            return
        board = item
        if board.restarting:
            raise InvalidOperation(f"board {target} is already restarting")
        for key in [k for k in self._faults if k[1] == board.id
                    or k[1] in {c.id for c in board.channels}]:
            del self._faults[key]
        board.restarting = True
        board.status = EquipmentStatus.TESTING
        board.error = "restarting (reset)"
        self.emit(BoardStatusChanged(self.now, board.id, board.status, board.error))
        self.cut_calls(board)
        for channel in board.channels:
            channel.error = ""
            self.rest(channel)
        self.schedule(self.now + BOARD_RESET_S, self._on_board_restarted, board)

    def _cut_channel(self: Simulation, channel: SimChannel) -> None:
        call = self.calls.get(channel.holder or "")
        if call is not None:
            self.dequeue(call)
            self.end_call(call, CallOutcome.DROPPED)

    def _on_board_restarted(self: Simulation, board: SimBoard) -> None:
        board.restarting = False
        board.status = (EquipmentStatus.OUT_OF_SERVICE if board.out_of_service
                        else EquipmentStatus.UP)
        board.error = ""
        self.emit(BoardStatusChanged(self.now, board.id, board.status))
        for trunk in board.trunks:
            self._trunk_rest(trunk)
        for channel in board.channels:
            self.rest(channel)
        if board.kind is BoardKind.ACD:
            self.update_acd()
        elif board.kind is BoardKind.FAX:
            self.pump_fax()

    # --- out of service ------------------------------------------------------------------

    def set_in_service(self: Simulation, target: str, in_service: bool, reason: str) -> None:
        """停用 / 启用. A busy channel finishes its call first; a trunk or board out of
        service takes no new calls, the calls on it finish normally."""
        item = self._equipment(target)
        note = "" if in_service else reason
        if isinstance(item, SimChannel):
            item.out_of_service = note
            if item.status is not ChannelStatus.TESTING:
                self.rest(item)
            return
        if isinstance(item, SimTrunk):
            item.out_of_service = note
            self._trunk_rest(item)
            return
        board = item
        board.out_of_service = note
        if board.status in (EquipmentStatus.UP, EquipmentStatus.OUT_OF_SERVICE):
            board.status = (EquipmentStatus.OUT_OF_SERVICE if note else EquipmentStatus.UP)
            self.emit(BoardStatusChanged(self.now, board.id, board.status, board.error))
        for trunk in board.trunks:
            self._trunk_rest(trunk)
        for channel in board.channels:
            if channel.status is not ChannelStatus.TESTING:
                self.rest(channel)
        if board.kind is BoardKind.ACD:
            self.update_acd()
        elif board.kind is BoardKind.FAX:
            self.pump_fax()

    def _trunk_rest(self: Simulation, trunk: SimTrunk) -> None:
        board = trunk.board
        if board.status is EquipmentStatus.DOWN:
            status = EquipmentStatus.DOWN
        elif trunk.out_of_service or board.out_of_service:
            status = EquipmentStatus.OUT_OF_SERVICE
        else:
            status = EquipmentStatus.UP
            trunk.error = ""
        if status is not trunk.status:
            trunk.status = status
            self.emit(TrunkStatusChanged(self.now, trunk.id, status, trunk.in_use, trunk.error))
