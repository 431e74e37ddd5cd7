"""Supervisor operations on the emulator: agent states, skills, monitor/barge, transfer, release.

Each acts at the current simulated time; its events come out on the next poll. Unknown
targets raise :class:`UnknownTarget`, operations the target's state forbids raise
:class:`InvalidOperation` and change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.agents import AgentState
from models.calls import CallOutcome, CallPhase, Participation
from models.events import (
    AgentLogoutCancelled,
    AgentLogoutPending,
    AgentSkillsChanged,
    CallParticipantsChanged,
    CallRecordingStarted,
    CallRecordingStopped,
    CallTransferred,
)
from switchlink.adapters.errors import InvalidOperation, UnknownTarget
from switchlink.adapters.loopback.entities import SimAgent, SimCall

if TYPE_CHECKING:
    from switchlink.adapters.loopback.simulation import Simulation

CONNECTED = (CallPhase.TALKING, CallPhase.ON_HOLD)


class OperationsMixin:
    """The adapter operations :class:`Simulation` answers."""

    def agent(self: Simulation, agent_id: str) -> SimAgent:
        agent = self.agents.get(agent_id)
        if agent is None:
            raise UnknownTarget(f"no agent with work number {agent_id!r}")
        return agent

    def call(self: Simulation, call_id: str) -> SimCall:
        call = self.calls.get(call_id)
        if call is None:
            raise UnknownTarget(f"no live call {call_id!r}")
        return call

    def op_login(self: Simulation, agent_id: str, state: AgentState) -> None:
        agent = self.agent(agent_id)
        if agent.state is not AgentState.LOGGED_OUT:
            raise InvalidOperation(f"agent {agent_id} is already signed in ({agent.state.value})")
        self.login(agent, state)

    def op_set_state(
        self: Simulation, agent_id: str, state: AgentState, reason: str, forced: bool, by: str
    ) -> None:
        agent = self.agent(agent_id)
        current = agent.state
        if current is AgentState.LOGGED_OUT:
            if state is AgentState.LOGGED_OUT:
                return
            raise InvalidOperation(f"agent {agent_id} is signed out; sign in first")
        if agent.call is not None:  # ringing, talking or on hold
            if state is AgentState.LOGGED_OUT:
                if not forced:
                    raise InvalidOperation(
                        f"agent {agent_id} is on a call; only a forced sign-out can be booked"
                    )
                agent.pending_logout = (reason, by)
                self.emit(AgentLogoutPending(self.now, agent.id, reason, by))
            else:
                agent.after = (state, reason, forced, by)
            return
        if state is current and reason == agent.reason:
            return
        if state is AgentState.LOGGED_OUT:
            self.logout(agent, reason, forced, by)
        elif state is AgentState.READY:
            self.make_ready(agent, reason, forced, by)
        else:
            self.set_agent(agent, AgentState.NOT_READY, reason or "busy", forced, by)

    def op_cancel_logout(self: Simulation, agent_id: str, reason: str, by: str) -> None:
        agent = self.agent(agent_id)
        if agent.pending_logout is None:
            raise InvalidOperation(f"agent {agent_id} has no sign-out pending")
        agent.pending_logout = None
        self.emit(AgentLogoutCancelled(self.now, agent.id, reason, by))

    def op_set_skills(self: Simulation, agent_id: str, skills: dict[str, int]) -> None:
        agent = self.agent(agent_id)
        unknown = sorted(set(skills) - set(self.queues))
        if unknown:
            raise UnknownTarget(f"no skill group(s) {', '.join(map(repr, unknown))}")
        for qid in agent.skills:
            self.queues[qid].skilled -= 1
        agent.skills = dict(skills)
        for qid in agent.skills:
            self.queues[qid].skilled += 1
        self.emit(AgentSkillsChanged(self.now, agent.id, dict(skills)))
        if agent.state is AgentState.READY and not self.acd_down:
            call = self._next_call_for(agent)
            if call is not None:
                self.ring(call, agent)
                return
            self.push_ready(agent)

    def joinable(self: Simulation, call_id: str, supervisor: str) -> SimCall:
        call = self.call(call_id)
        if call.phase not in CONNECTED or call.agent is None:
            raise InvalidOperation(f"call {call_id} is {call.phase.value}, not with an agent")
        if supervisor == call.agent.id:
            raise InvalidOperation(f"{supervisor} is the agent on call {call_id}")
        return call

    def op_start_recording(self: Simulation, call_id: str, supervisor: str) -> None:
        call = self.joinable(call_id, supervisor)
        if supervisor not in call.recording:
            call.recording[supervisor] = self.now
            self.emit(CallRecordingStarted(self.now, call.id, supervisor))

    def stop_recordings(self: Simulation, call: SimCall, supervisor: str | None = None) -> None:
        """End the recordings of ``supervisor`` (None: everyone's) on ``call``."""
        for who in [supervisor] if supervisor is not None else list(call.recording):
            started = call.recording.pop(who, None)
            if started is not None:
                self.emit(CallRecordingStopped(self.now, call.id, who, started))

    def op_join(self: Simulation, call_id: str, supervisor: str, how: Participation) -> None:
        call = self.joinable(call_id, supervisor)
        if call.participants.get(supervisor) is how:
            return
        call.participants[supervisor] = how
        self.emit(CallParticipantsChanged(self.now, call.id, dict(call.participants)))

    def op_leave(self: Simulation, call_id: str, supervisor: str) -> None:
        call = self.call(call_id)
        if supervisor not in call.participants:
            raise InvalidOperation(f"{supervisor} is not taking part in call {call_id}")
        del call.participants[supervisor]
        self.stop_recordings(call, supervisor)
        self.emit(CallParticipantsChanged(self.now, call.id, dict(call.participants)))

    def op_force_release(self: Simulation, call_id: str) -> None:
        call = self.call(call_id)
        if call.phase is CallPhase.QUEUED:
            self.dequeue(call)
        self.end_call(call, CallOutcome.RELEASED)

    def op_transfer(
        self: Simulation, call_id: str, to_agent: str | None, to_queue: str | None
    ) -> None:
        call = self.call(call_id)
        if call.phase not in CONNECTED or call.agent is None:
            raise InvalidOperation(
                f"call {call_id} is {call.phase.value}; only a call with an agent can be "
                "transferred"
            )
        source = call.agent
        target = None
        if to_agent is not None:
            target = self.agent(to_agent)
            if target is source:
                raise InvalidOperation(f"call {call_id} is already with agent {to_agent}")
            if target.state is not AgentState.READY:
                raise InvalidOperation(
                    f"agent {to_agent} is {target.state.value}, not ready for a transfer"
                )
        queue = call.queue
        if to_queue is not None:
            queue = self.queues.get(to_queue)
            if queue is None:
                raise UnknownTarget(f"no skill group {to_queue!r}")
            limit = queue.spec.max_length
            if limit is not None and queue.length >= limit:
                raise InvalidOperation(f"queue {to_queue} is full ({limit} waiting)")
        self.emit(CallTransferred(self.now, call.id, source.id, to_agent, to_queue))
        call.step += 1
        self.stop_recordings(call)
        call.participants.clear()
        call.agent = None
        self.release_agent(source, talked=True)
        if target is not None:
            self.ring(call, target)
        else:
            self.enqueue(call, queue)  # type: ignore[arg-type]
