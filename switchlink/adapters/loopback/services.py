"""Outbound calls (系统自动外呼) and fax jobs of the emulator."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from models.calls import CallOutcome, CallPhase, CustomerLevel, Direction
from models.equipment import ChannelStatus, EquipmentStatus
from models.events import CallAnswered, CallArrived, ChannelStatusChanged, FaxJobChanged
from models.fax import FaxJob, FaxStatus
from switchlink.adapters.errors import UnknownTarget
from switchlink.adapters.loopback.entities import SimCall, SimChannel

if TYPE_CHECKING:
    from switchlink.adapters.loopback.simulation import Simulation

#: seconds until the network reports a busy line / an invalid number
BUSY_TONE_S = 4.0
INVALID_NUMBER_S = 2.0


class ServicesMixin:
    """Outbound dialing and fax for :class:`Simulation`."""

    def _init_services(self: Simulation) -> None:
        ob = self.scenario.outbound
        # outbound calls draw from their own stream (seeded from the main one without
        # consuming it): dialing out must not change which inbound calls arrive when
        self.ob_rng = random.Random(repr(("outbound", self.rng.getstate()[1][:8])))
        self.ob_ring = ob.ring_time.sampler(self.ob_rng)
        self.ob_talk = ob.talk_time.sampler(self.ob_rng)
        acc = 0.0
        self.ob_outcomes: list[tuple[float, str]] = []
        for name, p in ob.outcomes:
            acc += p
            self.ob_outcomes.append((acc, name))
        fx = self.scenario.fax
        self.fax_dial = fx.dial_time.sampler(self.rng)
        self.fax_page = fx.page_time.sampler(self.rng)
        self.fax_jobs: dict[str, FaxJob] = {}
        self.fax_queue: list[FaxJob] = []

    # --- outbound -----------------------------------------------------------------------

    def originate(self: Simulation, number: str, announcement: str, caller_id: str) -> str:
        """Dial out on the outbound trunk; the outcome follows the scenario's probabilities."""
        now = self.now
        sc = self.scenario
        caller = caller_id or (sc.lines[0].number if sc.lines else "")
        call = SimCall(self.new_id("call-"), caller, number, CustomerLevel.NORMAL,
                       Direction.OUTBOUND, now)
        trunk = self.trunks.get(sc.outbound.trunk or "")
        if trunk is None or trunk.status is not EquipmentStatus.UP or (
            trunk.in_use >= trunk.capacity
        ):
            self.emit(CallArrived(now, call.id, caller, number, call.level, Direction.OUTBOUND,
                                  None, announcement))
            self.calls[call.id] = call
            self.end_call(call, CallOutcome.BUSY)
            return call.id
        self.calls[call.id] = call
        self.seize_trunk(call, trunk)
        call.phase = CallPhase.DIALING
        self.emit(CallArrived(now, call.id, caller, number, call.level, Direction.OUTBOUND,
                              trunk.id, announcement))
        u = self.ob_rng.random()
        outcome = next((name for acc, name in self.ob_outcomes if u < acc),
                       self.ob_outcomes[-1][1])
        if outcome in ("answered", "machine"):
            self.schedule(now + self.ob_ring(), self._on_ob_answer,
                          (call, call.step, CallOutcome(outcome)))
        else:
            delay = {"no_answer": self.ob_ring(), "busy": BUSY_TONE_S,
                     "invalid": INVALID_NUMBER_S}[outcome]
            self.schedule(now + delay, self._on_ob_end, (call, call.step, CallOutcome(outcome)))
        return call.id

    def _on_ob_answer(self: Simulation, arg: tuple[SimCall, int, CallOutcome]) -> None:
        """Picked up: by the callee (talk time) or an answering machine (the announcement
        plays to the machine; the call ends ``machine``)."""
        call, step, outcome = arg
        if call.step != step:
            return
        call.phase = CallPhase.TALKING
        call.answered = True
        self.emit(CallAnswered(self.now, call.id, None))
        self.schedule(self.now + self.ob_talk(), self._on_ob_end, (call, step, outcome))

    def _on_ob_end(self: Simulation, arg: tuple[SimCall, int, CallOutcome]) -> None:
        call, step, outcome = arg
        if call.step == step:
            self.end_call(call, outcome)

    # --- fax ----------------------------------------------------------------------------

    def send_fax(self: Simulation, number: str, document: str, pages: int) -> str:
        job = FaxJob(self.new_id("fax-"), number, document, pages, FaxStatus.QUEUED, self.now)
        self.fax_jobs[job.id] = job
        self.emit(FaxJobChanged(self.now, job.id, job.status, number, pages))
        self.fax_queue.append(job)
        self.pump_fax()
        return job.id

    def fax_status(self: Simulation, job_id: str) -> FaxJob:
        job = self.fax_jobs.get(job_id)
        if job is None:
            raise UnknownTarget(f"no fax job {job_id!r}")
        return FaxJob(job.id, job.number, job.document, job.pages, job.status, job.submitted_at,
                      job.finished_at, job.channel, job.error, job.attempts)

    def pump_fax(self: Simulation) -> None:
        """Start queued jobs on idle fax channels, oldest first."""
        while self.fax_queue:
            channel = next((c for c in self.fax_channels if c.status is ChannelStatus.IDLE
                            and c.board.status is EquipmentStatus.UP), None)
            if channel is None:
                return
            job = self.fax_queue.pop(0)
            now = self.now
            channel.status = ChannelStatus.BUSY
            channel.holder = job.id
            channel.calls += 1
            job.status = FaxStatus.SENDING
            job.channel = channel.id
            job.attempts += 1
            self.emit(ChannelStatusChanged(now, channel.id, channel.status, job.id))
            self.emit(FaxJobChanged(now, job.id, job.status, job.number, job.pages))
            seconds = self.fax_dial() + sum(self.fax_page() for _ in range(job.pages))
            self.schedule(now + seconds, self._on_fax_done, (job, channel))

    def _on_fax_done(self: Simulation, arg: tuple[FaxJob, SimChannel]) -> None:
        job, channel = arg
        now = self.now
        broken = channel.status is not ChannelStatus.BUSY
        channel.holder = None
        if not broken:
            channel.status = self.rest_status(channel)  # idle, or out of service after the job
        self.emit(ChannelStatusChanged(now, channel.id, channel.status, None, channel.error))
        ok = not broken and self.rng.random() < self.scenario.fax.success
        if ok:
            job.status, job.error, job.finished_at = FaxStatus.DONE, "", now
        else:
            job.error = (f"channel {channel.id} {channel.status.value}" if broken
                         else "remote fax did not answer")
            if job.attempts < self.scenario.fax.max_attempts:
                job.status = FaxStatus.QUEUED
                self.schedule(now + self.scenario.fax.retry_delay_s, self._on_fax_retry, job)
            else:
                job.status, job.finished_at = FaxStatus.FAILED, now
        self.emit(FaxJobChanged(now, job.id, job.status, job.number, job.pages, job.error))
        self.pump_fax()

    def _on_fax_retry(self: Simulation, job: FaxJob) -> None:
        self.fax_queue.append(job)
        self.pump_fax()
