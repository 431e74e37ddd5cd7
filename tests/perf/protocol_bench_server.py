"""A switchlink server run as its own process by the protocol benchmarks (CURVE on, metrics and
alarms on with the default rules: the production configuration).

Usage:
  python protocol_bench_server.py ENDPOINT CONFIG_DIR synthetic AGENTS QUEUES EVENTS DELAY_S
  python protocol_bench_server.py ENDPOINT CONFIG_DIR loopback SCENARIO EVENTS DELAY_S

``synthetic`` serves AGENTS agents and QUEUES queues and, DELAY_S after start, emits EVENTS
agent-state changes as fast as the server pulls them. ``loopback`` runs the loopback emulator
(speed fast) and lets its first EVENTS events through, DELAY_S after start, then one marker
event (the first agent goes not ready with reason ``bench-end``). It prints ``ready <marker
agent>`` once serving and ``start <epoch seconds>`` when the first event leaves the emulator.
"""

from __future__ import annotations

import random
import signal
import sys
import tempfile
import time
from pathlib import Path

from argon2 import PasswordHasher

from models.agents import Agent, AgentState
from models.calls import Participation
from models.equipment import Board, Channel, Link, Trunk
from models.events import AgentStateChanged, Event
from models.queues import SkillGroup
from switchlink.adapters.base import Inventory, SwitchAdapter
from switchlink.adapters.loopback import LoopbackAdapter
from switchlink.services.users.auth import Authenticator, FileAuditLog, FileUserStore
from switchlink.transport.keys import ensure_keys
from switchlink.transport.server import Server, tune_gc_for_serving

STATES = [AgentState.READY, AgentState.NOT_READY, AgentState.TALKING, AgentState.AFTER_CALL_WORK]


class SyntheticSwitch(SwitchAdapter):
    """Pre-generated agent-state events released after a delay; nothing else."""

    name = "synthetic"

    def __init__(self, agents: int, queues: int, events: int, delay_s: float) -> None:
        super().__init__()
        self.n_agents, self.n_queues = agents, queues
        rng = random.Random(7)
        self.events: list[Event] = [
            AgentStateChanged(float(i), f"{10000 + rng.randrange(agents)}", rng.choice(STATES))
            for i in range(events)
        ]
        self.pos = 0
        self.release_at = time.monotonic() + delay_s

    def _start(self) -> Inventory:
        skills = {f"q{i}": 5 for i in range(min(self.n_queues, 4))}
        return Inventory(
            agents=[Agent(f"{10000 + i}", f"坐席{i}", team=f"team-{i % 40}", skills=dict(skills))
                    for i in range(self.n_agents)],
            queues=[SkillGroup(f"q{i}", f"队列{i}") for i in range(self.n_queues)],
        )

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        if time.monotonic() < self.release_at:
            return []
        batch = self.events[self.pos : self.pos + max_events]
        self.pos += len(batch)
        return batch

    def _now(self) -> float:
        return time.time()

    def _login(self, agent: str, state: AgentState) -> None: ...
    def _set_state(self, agent: str, state: AgentState, reason: str, forced: bool,
                   by: str) -> None: ...
    def _set_skills(self, agent: str, skills: dict[str, int]) -> None: ...
    def _join_call(self, call: str, supervisor: str, how: Participation) -> None: ...
    def _leave_call(self, call: str, supervisor: str) -> None: ...
    def _force_release(self, call: str, by: str, reason: str) -> None: ...
    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None: ...

    def _originate(self, number: str, announcement: str, caller_id: str) -> str:
        return ""

    def _boards(self) -> list[Board]:
        return []

    def _trunks(self) -> list[Trunk]:
        return []

    def _channels(self) -> list[Channel]:
        return []

    def _links(self) -> list[Link]:
        return []

    def _self_test(self, board: str) -> str:
        return ""

    def _loopback_test(self, channel: str) -> str:
        return ""


MARKER_REASON = "bench-end"


class HeldLoopback(LoopbackAdapter):
    """The loopback emulator held back for ``delay_s``, then cut off after ``events`` events."""

    def __init__(self, scenario: str, events: int, delay_s: float) -> None:
        super().__init__(scenario=scenario, seed=1, speed="fast")
        self.left = events
        self.release_at = time.monotonic() + delay_s
        self.marker = ""
        self.released = False

    def _start(self) -> Inventory:
        inventory = super()._start()
        self.marker = inventory.agents[0].work_number
        return inventory

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        if self.left < 0 or time.monotonic() < self.release_at:
            return []
        if not self.released:
            self.released = True
            print(f"start {time.time()}", flush=True)
        if self.left == 0:
            self.left = -1
            return [AgentStateChanged(self._now(), self.marker, AgentState.NOT_READY,
                                      MARKER_REASON)]
        batch = super()._poll(timeout, min(max_events, self.left))
        self.left -= len(batch)
        return batch


def main(argv: list[str]) -> int:
    endpoint, config, kind = argv[0], Path(argv[1]), argv[2]
    adapter: SwitchAdapter
    if kind == "synthetic":
        agents, queues, events, delay = int(argv[3]), int(argv[4]), int(argv[5]), float(argv[6])
        adapter = SyntheticSwitch(agents, queues, events, delay)
    else:
        adapter = HeldLoopback(argv[3], int(argv[4]), float(argv[5]))
    data = Path(tempfile.mkdtemp())
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    server = Server(
        adapter, endpoint=endpoint,
        keys=ensure_keys(config), authenticator=Authenticator(FileUserStore(data / "u.json"),
                                                              hasher=hasher),
        audit=FileAuditLog(data / "a.jsonl"),
    )
    server.start()
    tune_gc_for_serving()  # as switchlink.daemon does
    signal.signal(signal.SIGTERM, lambda *_: server.stop())
    marker = adapter.marker if isinstance(adapter, HeldLoopback) else ""
    print(f"ready {marker}".strip(), flush=True)
    try:
        server.run()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
