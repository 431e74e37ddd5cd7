"""A FakeClient with the SwitchlinkClient API: a mirror dict and the same callbacks."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

STATES = ("ready", "not_ready", "talking", "after_call_work", "on_hold", "ringing", "logged_out")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


class FakeMirror:
    """The client's key/value mirror: ``get``, ``items(prefix)``, ``sequence``, ``epoch``."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}
        self.sequence = 0
        self.epoch = "fake-epoch"

    def get(self, key: str) -> dict[str, Any] | None:
        return self.data.get(key)

    def items(self, prefix: str) -> dict[str, dict[str, Any]]:
        return {k: v for k, v in self.data.items() if k.startswith(prefix)}


class FakeClient:
    """Holds changes until ``process()``, like the real client draining its sockets."""

    def __init__(self) -> None:
        self.mirror = FakeMirror()
        self.link_status = "connecting"
        self.link_since = time.time()
        self.commands: list[tuple[str, dict[str, Any]]] = []
        self.command_replies: dict[str, tuple[bool, Any]] = {}
        self._pending: list[tuple[str, dict[str, Any] | None]] = []
        self._replies: list[Callable[[], None]] = []
        self._change_cbs: list[Callable[[set[str]], None]] = []
        self._link_cbs: list[Callable[..., None]] = []
        self._resync_cbs: list[Callable[..., None]] = []
        self._link_pending = False
        self._resync_pending = False
        self.closed = False

    # -- the client API -----------------------------------------------------------------
    def connect(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def sockets(self) -> list[Any]:
        return []

    def on_change(self, cb: Callable[[set[str]], None]) -> None:
        self._change_cbs.append(cb)

    def on_link(self, cb: Callable[..., None]) -> None:
        self._link_cbs.append(cb)

    def on_resync(self, cb: Callable[..., None]) -> None:
        self._resync_cbs.append(cb)

    def process(self) -> None:
        if self._resync_pending:
            self._resync_pending = False
            for cb in self._resync_cbs:
                cb()
        if self._link_pending:
            self._link_pending = False
            for cb in self._link_cbs:
                cb(self.link_status)
        if self._pending:
            pending, self._pending = self._pending, []
            keys = set()
            for key, value in pending:
                if value is None:
                    self.mirror.data.pop(key, None)
                else:
                    self.mirror.data[key] = value
                self.mirror.sequence += 1
                keys.add(key)
            for cb in self._change_cbs:
                cb(keys)
        replies, self._replies = self._replies, []
        for reply in replies:
            reply()

    def command(self, name: str, args: dict[str, Any], *, on_success: Any = None,
                on_failure: Any = None, timeout: float | None = None) -> str:
        self.commands.append((name, args))
        default = (True, {"username": "admin", "role": "admin",
                          "permissions": ["ack_alarm", "view_floor"]}) if name == "whoami" \
            else (True, {})
        ok, payload = self.command_replies.get(name, default)

        def reply() -> None:
            if ok and on_success:
                on_success(payload)
            elif not ok and on_failure:
                on_failure(payload)

        self._replies.append(reply)
        return f"msg-{len(self.commands)}"

    # -- test controls ------------------------------------------------------------------
    def answer_next(self) -> None:
        """Answer only the oldest unanswered command (a test of replies that cross)."""
        if self._replies:
            self._replies.pop(0)()

    def drop_replies(self) -> None:
        """Forget every unanswered command (as if they timed out unseen)."""
        self._replies.clear()

    def load(self, state: dict[str, dict[str, Any]]) -> None:
        """Replace the mirror at once, as a snapshot does."""
        self.mirror.data = dict(state)

    def push(self, key: str, value: dict[str, Any] | None) -> None:
        """A delta the next ``process()`` applies; ``None`` deletes the key."""
        self._pending.append((key, value))

    def set_link(self, status: str) -> None:
        self.link_status = status
        self.link_since = time.time()
        self._link_pending = True

    def resync(self, state: dict[str, dict[str, Any]]) -> None:
        self.mirror.data = dict(state)
        self._resync_pending = True


def agent(work_number: str, name: str, team: str, state: str, since: float,
          skills: dict[str, int]) -> dict[str, Any]:
    return {"work_number": work_number, "name": name, "team": team, "skills": skills,
            "state": state, "state_since": since, "reason": "", "pending_logout": False,
            "call_id": None, "calls_handled": 0}


def sample_floor(agents: int = 24, queues: int = 4, seed: int = 7,
                 now: float | None = None) -> dict[str, dict[str, Any]]:
    """A deterministic floor: queues with metrics, agents in every state, two alarms."""
    rng = random.Random(seed)
    now = time.time() if now is None else now
    state: dict[str, dict[str, Any]] = {}
    queue_names = ["话费查询", "故障报修", "投诉受理", "业务办理", "大客户专席", "英文服务"]
    qids = [f"q{i:03d}" for i in range(queues)]
    for i, qid in enumerate(qids):
        state[f"queue/{qid}"] = {"id": qid, "name": queue_names[i % len(queue_names)]
                                 + ("" if i < len(queue_names) else f" {i}"),
                                 "sl_threshold_s": 15.0, "sl_target": 0.85, "max_length": 50}
        state[f"metrics/queue/{qid}"] = {
            "waiting": rng.randint(0, 12), "longest_wait_s": rng.uniform(0, 90),
            "service_level_today": rng.uniform(0.6, 0.98), "agents_ready": rng.randint(0, 8),
            "agents_talking": rng.randint(2, 20), "offered_today": rng.randint(500, 2000),
            "answered_today": rng.randint(400, 1800), "abandon_rate_today": rng.uniform(0, 0.1),
            "asa_s_today": rng.uniform(3, 30)}
    for i in range(agents):
        wn = f"{1001 + i}"
        name = SURNAMES[rng.randrange(len(SURNAMES))] + GIVEN[rng.randrange(len(GIVEN))]
        skills = {qids[i % queues]: rng.randint(1, 10)}
        state[f"agent/{wn}"] = agent(wn, name, f"班组{i % 3 + 1}", STATES[i % len(STATES)],
                                     now - rng.uniform(0, 600), skills)
    state["metrics/center"] = {
        "waiting": 17, "longest_wait_s": 74.0, "service_level_today": 0.812,
        "service_level_15m": 0.78, "agents_ready": 6, "agents_talking": 9,
        "agents_after_call_work": 3, "agents_not_ready": 4, "abandon_rate_today": 0.043,
        "abandon_rate_15m": 0.061,
        "answered_today": 5321, "offered_today": 5610, "blocked_today": 12, "asa_s_today": 9.5,
        "aht_s_today": 245.0, "sl_text": "85% in 15 s", "at": now}
    state["alarm/a1"] = {"id": "a1", "rule_id": "wait-red", "level": "red", "scope": "center",
                         "metric": "waiting", "value": 17, "threshold": 15,
                         "raised_at": now - 130, "state": "active", "acked_by": None,
                         "dispatch_plan": "通知值班经理；投诉受理调5名坐席支援话费查询"}
    state["alarm/a2"] = {"id": "a2", "rule_id": "sl-yellow", "level": "yellow",
                         "scope": "queue:q001", "metric": "service_level_15m", "value": 0.79,
                         "threshold": 0.8, "raised_at": now - 600, "state": "active",
                         "acked_by": None, "dispatch_plan": "通知班长"}
    state["daemon/info"] = {"adapter": "fake", "scenario": "default", "speed": 1.0}
    return state
