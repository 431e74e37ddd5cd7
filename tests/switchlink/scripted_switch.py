"""A scripted test-double switch and helpers to run a switchlink server on it in a thread."""

from __future__ import annotations

import socket
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zmq
from argon2 import PasswordHasher

from models.agents import Agent, AgentState
from models.calls import Participation
from models.equipment import Board, BoardKind, Channel, Link, Trunk
from models.events import AgentStateChanged, Event
from models.queues import SkillGroup
from models.security import Role
from switchlink.adapters.base import Inventory, SwitchAdapter
from switchlink.adapters.errors import UnknownTarget
from switchlink.client import SwitchlinkClient
from switchlink.services.users.auth import Authenticator, FileAuditLog, FileUserStore
from switchlink.transport.keys import KeySet, ensure_keys
from switchlink.transport.server import Server

#: cheap argon2 parameters so tests stay fast (still argon2id)
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


class ScriptedAdapter(SwitchAdapter):
    """Emits whatever events a test pushes; agent commands echo back as state events."""

    name = "scripted"

    def __init__(self, agents: int = 5, queues: int = 2, **options: Any) -> None:
        super().__init__(**options)
        self.n_agents, self.n_queues = agents, queues
        self.queue: deque[Event] = deque()
        self.lock = threading.Lock()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.clock = 1_700_000_000.0

    def push(self, *events: Event) -> None:
        with self.lock:
            self.queue.extend(events)

    def _start(self) -> Inventory:
        return Inventory(
            agents=[
                Agent(f"{1000 + i}", f"Agent {i}", skills={"q0": 5}) for i in range(self.n_agents)
            ],
            queues=[SkillGroup(f"q{i}", f"Queue {i}") for i in range(self.n_queues)],
            boards=[Board("acd1", BoardKind.ACD)],
            trunks=[Trunk("t1", "acd1", 30)],
            channels=[Channel("ch1", "acd1", BoardKind.ACD)],
            links=[Link("cti")],
        )

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        with self.lock:
            n = min(len(self.queue), max_events)
            return [self.queue.popleft() for _ in range(n)]

    def _now(self) -> float:
        return self.clock

    def _agent(self, agent: str) -> None:
        if not agent.isdigit() or not 1000 <= int(agent) < 1000 + self.n_agents:
            raise UnknownTarget(f"no agent {agent}")

    def _login(self, agent: str, state: AgentState) -> None:
        self._agent(agent)
        self.push(AgentStateChanged(self.clock, agent, state))

    def _set_state(self, agent: str, state: AgentState, reason: str, forced: bool, by: str) -> None:
        self._agent(agent)
        self.calls.append(("set_state", (agent, state, reason, forced, by)))
        self.push(AgentStateChanged(self.clock, agent, state, reason, forced, by))

    def _set_skills(self, agent: str, skills: dict[str, int]) -> None:
        self.calls.append(("set_skills", (agent, skills)))

    def _join_call(self, call: str, supervisor: str, how: Participation) -> None:
        self.calls.append(("join", (call, supervisor, how)))

    def _leave_call(self, call: str, supervisor: str) -> None:
        self.calls.append(("leave", (call, supervisor)))

    def _force_release(self, call: str, by: str, reason: str) -> None:
        self.calls.append(("release", (call, by, reason)))

    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None:
        self.calls.append(("transfer", (call, to_agent, to_queue)))

    def _originate(self, number: str, announcement: str, caller_id: str) -> str:
        self.calls.append(("originate", (number,)))
        return "out-1"

    def _boards(self) -> list[Board]:
        return []

    def _trunks(self) -> list[Trunk]:
        return []

    def _channels(self) -> list[Channel]:
        return []

    def _links(self) -> list[Link]:
        return []

    def _self_test(self, board: str) -> str:
        return "test-1"

    def _loopback_test(self, channel: str) -> str:
        return "test-2"


def free_port_pair() -> int:
    """A tcp port p on 127.0.0.1 with p and p + 1 both free right now."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            with socket.socket() as s2:
                s2.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port pair")


@dataclass
class Running:
    server: Server
    thread: threading.Thread
    keys: KeySet
    endpoint: str
    authenticator: Authenticator
    audit: FileAuditLog
    adapter: ScriptedAdapter

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(5)
        self.server.shutdown()


def start_server(
    tmp_path: Path,
    adapter: SwitchAdapter | None = None,
    *,
    curve: bool = True,
    pub_hwm: int = 2000,
    context: zmq.Context | None = None,
    endpoint: str | None = None,
    **server_options: Any,
) -> Running:
    """A server on a fresh config dir; users admin, sup, floor, qi with :data:`PASSWORD`."""
    keys = ensure_keys(tmp_path / "config")
    users = FileUserStore(tmp_path / "data" / "users.json")
    authenticator = Authenticator(users, hasher=FAST_HASHER)
    for name, role in (("admin", Role.ADMIN), ("sup", Role.SUPERVISOR),
                       ("floor", Role.FLOOR_MANAGER), ("qi", Role.QUALITY_INSPECTOR)):
        authenticator.set_password(name, PASSWORD, role)
    audit = FileAuditLog(tmp_path / "data" / "audit.jsonl")
    adapter = adapter or ScriptedAdapter()
    endpoint = endpoint or f"tcp://127.0.0.1:{free_port_pair()}"
    server = Server(
        adapter, endpoint=endpoint, keys=keys, authenticator=authenticator, audit=audit,
        curve=curve, pub_hwm=pub_hwm, context=context, **server_options,
    )
    server.start()
    thread = server.run_in_thread()
    return Running(server, thread, keys, endpoint, authenticator, audit, adapter)  # type: ignore[arg-type]


def make_client(running: Running, **kwargs: Any) -> SwitchlinkClient:
    """A client holding the allowed local key pair of ``running``'s config dir."""
    k = running.keys
    return SwitchlinkClient(
        running.endpoint,
        server_public_key=k.server_public,
        client_keys=(k.client_public, k.client_secret),
        signing_key=k.signing_key,
        **kwargs,
    )


def live_client(running: Running, **kwargs: Any) -> SwitchlinkClient:
    client = make_client(running, **kwargs)
    client.connect()
    assert client.wait_until(lambda: client.link_status == "live", 10), "client never went live"
    return client
