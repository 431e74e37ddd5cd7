"""Agent seats in the emulator: states, ready-agent heaps, sign-in/out, shifts and breaks."""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from models.agents import AgentState
from models.events import AgentStateChanged
from switchlink.adapters.loopback.entities import SimAgent

if TYPE_CHECKING:
    from switchlink.adapters.loopback.simulation import Simulation

DAY_S = 86400.0
R = AgentState.READY
NR = AgentState.NOT_READY
OUT = AgentState.LOGGED_OUT


class AgentsMixin:
    """Seat behaviour for :class:`Simulation` (uses its clock, timers, queues and emit)."""

    # --- agent states -------------------------------------------------------------------

    def set_agent(
        self: Simulation, agent: SimAgent, state: AgentState, reason: str = "",
        forced: bool = False, by: str = "",
    ) -> None:
        agent.state = state
        agent.epoch += 1
        agent.since = self.now
        agent.reason = reason
        self.emit(AgentStateChanged(self.now, agent.id, state, reason, forced, by))

    def make_ready(self: Simulation, agent: SimAgent, reason: str = "", forced: bool = False,
                   by: str = "") -> None:
        self.set_agent(agent, R, reason, forced, by)
        agent.ready_since = self.now
        if not self.acd_down:
            call = self._next_call_for(agent)
            if call is not None:
                self.ring(call, agent)
                return
        self.push_ready(agent)

    def push_ready(self: Simulation, agent: SimAgent) -> None:
        entry_base = (agent.ready_since, next(self._seq), agent, agent.epoch)
        for qid, level in agent.skills.items():
            queue = self.queues.get(qid)
            if queue is None:
                continue
            heap = queue.ready
            heapq.heappush(heap, (-level, *entry_base))
            if len(heap) > 4 * queue.skilled + 64:
                queue.ready = [e for e in heap if e[3].epoch == e[4] and e[3].state is R]
                heapq.heapify(queue.ready)

    def login(self: Simulation, agent: SimAgent, state: AgentState, reason: str = "") -> None:
        agent.session += 1
        agent.shift_over = False
        agent.pending_logout = None
        agent.after = None
        agent.break_due = False
        brk = self._breaks.get(agent.team.id)
        if brk is not None:
            self.schedule(self.now + brk[0](), self._on_break_due, (agent, agent.session))
        if state is R:
            self.make_ready(agent, reason)
        else:
            self.set_agent(agent, NR, reason)

    def logout(self: Simulation, agent: SimAgent, reason: str, forced: bool, by: str) -> None:
        agent.pending_logout = None
        agent.after = None
        agent.break_due = False
        agent.session += 1
        self.set_agent(agent, OUT, reason, forced, by)

    def _on_shift_start(self: Simulation, agent: SimAgent) -> None:
        team = agent.team
        if team.shift_end_s is not None:
            self.schedule(self.now + team.shift_end_s - team.shift_start_s,
                          self._on_shift_end, agent)
        if agent.state is OUT:
            self.login(agent, R, "shift start")

    def _on_shift_end(self: Simulation, agent: SimAgent) -> None:
        team = agent.team
        self.schedule(
            self.now + DAY_S - (team.shift_end_s or 0.0) + team.shift_start_s,
            self._on_shift_start, agent,
        )
        if agent.state is OUT:
            return
        if agent.call is not None or agent.state is AgentState.AFTER_CALL_WORK:
            agent.shift_over = True
        else:
            self.logout(agent, "shift end", False, "")

    def _on_break_due(self: Simulation, arg: tuple[SimAgent, int]) -> None:
        agent, session = arg
        if agent.session != session:
            return
        if agent.state is R:
            self.start_break(agent)
        elif agent.call is not None or agent.state is AgentState.AFTER_CALL_WORK:
            agent.break_due = True
        else:  # already not ready: skip this break, plan the next
            brk = self._breaks[agent.team.id]
            self.schedule(self.now + brk[0](), self._on_break_due, arg)

    def start_break(self: Simulation, agent: SimAgent) -> None:
        agent.break_due = False
        interval, duration = self._breaks[agent.team.id]
        self.set_agent(agent, NR, "break")
        length = duration()
        self.schedule(self.now + length, self._on_break_end, (agent, agent.epoch))
        self.schedule(self.now + length + interval(), self._on_break_due,
                      (agent, agent.session))

    def _on_break_end(self: Simulation, arg: tuple[SimAgent, int]) -> None:
        agent, epoch = arg
        if agent.epoch == epoch and agent.state is NR:
            self.make_ready(agent)

