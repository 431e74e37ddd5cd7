"""Helpers for the IVR tests: write a flow, lint it, and drive a session like a switch would."""

from __future__ import annotations

from pathlib import Path

from ivr.events import Action, Finish, Lookup, Play, PlayDone, StartTimer, WaitInput
from ivr.lint import lint_file
from ivr.model import Flow

ROOT = Path(__file__).resolve().parents[2]
FLOWS = ROOT / "resources" / "ivr"

#: a small flow that passes every rule; tests change one thing in it
BASE = """\
spec = "1.0"
name = "t"
start = "main"

[input]
agent = "agent"

[nodes.main]
type = "menu"
prompt = "查询请按1，人工请按2。"
options = { "1" = "a", "2" = "agent" }

[nodes.a]
type = "announce"
prompt = "好的。"
next = "main"

[nodes.agent]
type = "transfer"
queue = "service"
busy_prompt = "座席忙，返回自助服务请按星号键。"
"""


def lint_text(tmp_path: Path, text: str, name: str = "flow.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint_file(path, name)


def shipped(name: str) -> Flow:
    flow, findings = lint_file(FLOWS / name)
    assert flow is not None and not findings, [str(f) for f in findings]
    return flow


class Driver:
    """Feeds a session the way a switch does: prompts end when asked, the caller keys."""

    def __init__(self, flow: Flow, **start) -> None:
        self.session = flow.start(**start)
        self.played: list[str] = []
        self.actions: list[Action] = []
        self._take(self.session.begin())

    def _take(self, actions: list[Action]) -> list[Action]:
        self.actions += actions
        self.played += [a.text for a in actions if isinstance(a, Play)]
        return actions

    def feed(self, event) -> list[Action]:
        return self._take(self.session.feed(event))

    def last(self, kind: type) -> Action:
        return next(a for a in reversed(self.actions) if isinstance(a, kind))

    def finish_prompt(self) -> list[Action]:
        """The prompt the session waits on plays to its end."""
        return self.feed(PlayDone(self.last(Play).token))

    def time_out_input(self) -> list[Action]:
        from ivr.events import Timeout
        return self.feed(Timeout(self.last(WaitInput).token))

    def answer_lookup(self, outcome: str = "ok", **values) -> list[Action]:
        from ivr.events import LookupResult
        return self.feed(LookupResult(self.last(Lookup).token, outcome, values))

    def fire_timer(self, seconds: float) -> list[Action]:
        from ivr.events import Timeout
        timer = next(a for a in reversed(self.actions)
                     if isinstance(a, StartTimer) and a.seconds == seconds)
        return self.feed(Timeout(timer.token))

    @property
    def outcome(self):
        finish = [a for a in self.actions if isinstance(a, Finish)]
        return finish[-1].outcome if finish else None
