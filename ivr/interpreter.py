"""One call's run through a flow: a pure state machine fed events, answering with actions.

``session = flow.start(caller, level)``; ``actions = session.begin()``; then
``session.feed(event)`` for every key, prompt end, timer and look-up result. No clock, no
I/O, no threads: the driver (emulator, AMI, a test) does the playing and the timing, so a
session costs a few hundred bytes and runs at the speed of a dict lookup per key.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from ivr.collecting import EntryMixin
from ivr.events import (
    Action,
    AgentAnswered,
    CallerHungUp,
    Connect,
    ConnectAgent,
    Enqueue,
    Event,
    Finish,
    Key,
    LeaveQueue,
    Lookup,
    LookupResult,
    Outcome,
    Play,
    PlayDone,
    StartTimer,
    Timeout,
    Trail,
    TrailStep,
    WaitInput,
)
from ivr.model import DTMF_KEYS, Flow, Node, Prompt
from ivr.schema import DEFAULT_PROMPTS

_VAR = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
#: most keys a single event may carry (a longer burst is cut, never buffered without bound)
MAX_BURST = 64
#: most nodes entered for one key or event: a guard against input-free loops the linter reports
MAX_STEPS_PER_EVENT = 100


class Session(EntryMixin):
    """The state of one caller in one flow (see the module docstring for the protocol)."""

    __slots__ = ("_actions", "_attempts", "_buffer", "_emergency_due", "_entered", "_helped",
                 "_invalid", "_missing", "_question", "_return_to", "_steps", "_token", "_trail",
                 "_waiting", "agent", "caller", "flow", "language", "level", "menus", "node",
                 "outcome", "phase", "survey", "variables")

    def __init__(self, flow: Flow, *, caller: str = "", level: int = 0, entry: str | None = None,
                 agent: str | None = None, language: str | None = None,
                 variables: dict[str, Any] | None = None) -> None:
        self.flow, self.caller, self.level, self.agent = flow, caller, int(level), agent
        self.language = language if language in flow.languages else flow.language
        if entry is not None:
            first = flow.entries.get(entry, entry)
        elif flow.is_vip(caller, self.level):
            first = flow.vip["entry"]
        else:
            first = flow.start_node
        if first not in flow.nodes:
            raise ValueError(f"flow {flow.name} has no node or entry {entry or first!r}")
        self.node: str = first
        self.phase = "new"
        self.menus: list[str] = []
        self.variables: dict[str, Any] = {**(variables or {}), "caller": caller,
                                          "level": self.level}
        self.survey: dict[str, str] = {}
        self.outcome: Outcome | None = None
        self._trail: deque[TrailStep] = deque(maxlen=flow.trail_length)
        self._buffer: deque[str] = deque()
        self._actions: list[Action] = []
        self._token = 0
        self._waiting: dict[str, int] = {}
        self._entered = ""
        self._invalid = self._missing = self._helped = self._question = self._attempts = 0
        self._return_to: str | None = None
        self._emergency_due = flow.emergency is not None
        self._steps = 0

    # --- the driver's side ---------------------------------------------------------------------

    def begin(self) -> list[Action]:
        if self.phase != "new":
            return []
        return self._run(lambda: self._enter(self.node))

    def feed(self, event: Event) -> list[Action]:
        if self.phase in ("new", "done"):
            return []
        return self._run(lambda: self._handle(event))

    def trail(self) -> Trail:
        position = tuple(self.menus) if self.node in self.menus else (*self.menus, self.node)
        return Trail(tuple(self._trail), position)

    @property
    def done(self) -> bool:
        return self.phase == "done"

    def _run(self, step) -> list[Action]:
        self._actions, self._steps = [], 0
        step()
        self._drain()
        return self._actions

    # --- events --------------------------------------------------------------------------------

    def _handle(self, event: Event) -> None:
        if isinstance(event, Key):
            keys = [k for k in event.keys[:MAX_BURST] if k in DTMF_KEYS]
            while keys and self.phase == "queued":  # keys after * are typed ahead
                self._queued_key(keys.pop(0))
            if self.phase == "done":
                return
            self._buffer.extend(keys)
            if self.phase == "announce" and self._node().get("barge_in", True) and keys:
                self._after_announce("key")
        elif isinstance(event, CallerHungUp):
            self._note("caller hung up")
            self._finish("abandoned")
        elif isinstance(event, AgentAnswered):
            if self.phase == "queued":
                node = self._node()
                self._note("answered")
                self._finish("queue" if node.type == "transfer" else "agent")
        elif isinstance(event, PlayDone):
            if self._expect("play", event.token):
                if self.phase == "announce":
                    self._after_announce("played")
                elif self.phase == "emergency":
                    self._continue_after_emergency()
                elif self.phase == "ending":
                    self._finish("hangup")
        elif isinstance(event, Timeout):
            self._on_timeout(event.token)
        elif isinstance(event, LookupResult) and self._expect("lookup", event.token):
            self._waiting.pop("wait", None)
            self._waiting.pop("deadline", None)
            self._on_result(event.outcome, event.values)

    def _expect(self, what: str, token: int) -> bool:
        if self._waiting.get(what) == token:
            del self._waiting[what]
            return True
        return False

    def _on_timeout(self, token: int) -> None:
        if self._expect("input", token):
            if self.phase == "collect" and self._entered:
                self._complete_entry()  # the inter-digit time-out ends an entry
            else:
                self._note("no input")
                self._failed("missing")
        elif self._expect("wait", token):
            node = self._node()
            prompt = node.get("wait_prompt") or Prompt(DEFAULT_PROMPTS["wait_prompt"])
            self._play(prompt, barge_in=False, track=False)
        elif self._expect("deadline", token):
            self._waiting.pop("lookup", None)
            self._waiting.pop("wait", None)
            self._on_result("timeout", {})
        elif self._expect("busy", token):
            node = self._node()
            self._note("busy prompt")
            self._play(node.get("busy_prompt"), barge_in=True, track=False)

    # --- nodes ---------------------------------------------------------------------------------

    def _node(self) -> Node:
        return self.flow.nodes[self.node]

    def _goto(self, target: str) -> None:
        if target == "@main":
            target = self.flow.main or self.node
        elif target == "@back":
            if len(self.menus) > 1:
                self.menus.pop()
            target = self.menus[-1] if self.menus else (self.flow.main or self.node)
        elif target == "@return":
            target = self._return_to or self.flow.main or self.node
        elif target == "@repeat":
            target = self.node
        if target not in self.flow.nodes:  # only in flows the linter rejects
            self._note(f"no node {target}")
            self._finish("hangup")
            return
        self._enter(target)

    def _enter(self, node_id: str) -> None:
        if self.phase == "done":
            return
        self._steps += 1
        if self._steps > MAX_STEPS_PER_EVENT:
            self._note("loop without input")
            self._finish("hangup")
            return
        previous, self.node = self.node, node_id
        node = self.flow.nodes[node_id]
        if node_id != previous:
            self._invalid = self._missing = 0
        self._waiting.clear()
        kind = node.type
        if kind in ("menu", "language"):
            if node_id == self.flow.main:
                self.menus = [node_id]
            elif not self.menus or self.menus[-1] != node_id:
                self.menus.append(node_id)
        self._note("enter")
        if kind == "jump":
            self._goto(node.get("to"))
        elif kind == "announce":
            self.phase = "announce"
            if self._buffer and node.get("barge_in", True):
                self._after_announce("dial-ahead")
            else:
                self._play(node.get("prompt"), barge_in=node.get("barge_in", True))
        elif kind in ("menu", "language", "collect", "verify", "survey"):
            self.phase = "collect" if kind in ("collect", "verify") else "menu"
            self._entered, self._question = "", 0
            if kind == "verify" and node_id != previous:
                self._attempts = 0
            self._ask()
        elif kind == "lookup":
            args = {name: self.variables.get(name) for name in node.get("args", ())}
            self._start_lookup(node.get("service"), args, node.get("timeout_s"),
                               node.get("wait_after_s"))
        elif kind in ("transfer", "agent"):
            self._transfer(node)
        elif kind == "connect":
            self._play(node.get("prompt"), barge_in=False, track=False)
            number = self._fill(node.get("number"))
            self._actions.append(Connect(number, self.trail()))
            self._finish("connect", number=number)
        elif kind == "hangup":
            if node.get("prompt") is not None:
                self.phase = "ending"
                self._play(node.get("prompt"), barge_in=False)
            else:
                self._finish("hangup")

    def _ask(self) -> None:
        """Prompt for input, unless keys typed ahead already answer it."""
        node = self._node()
        if self._buffer:
            self._note("dial-ahead")
            return
        prompt = node.get("prompt")
        if node.type == "survey":
            questions = node.get("questions")
            if self._question == 0 and prompt is not None:
                self._play(prompt, track=False)
            prompt = questions[self._question]["prompt"]
        self._play(prompt)
        seconds = node.get("timeout_s") or self.flow.input.get("timeout_s", 5.0)
        self._waiting["input"] = token = self._next_token()
        self._actions.append(WaitInput(token, seconds))

    def _drain(self) -> None:
        """Use the keys typed ahead; then prompt (or wait for the next digit) where they end."""
        handled = False
        while self._buffer and self.phase in ("menu", "collect"):
            self._waiting.pop("input", None)
            self._steps, handled = 0, True
            key = self._buffer.popleft()
            if self.phase == "menu":
                self._menu_key(key)
            else:
                self._collect_key(key)
        if handled and self.phase in ("menu", "collect") and "input" not in self._waiting:
            self._ask_again()

    def _ask_again(self) -> None:
        node = self._node()
        seconds = (node.get("digit_timeout_s") or self.flow.input.get("digit_timeout_s", 3.0)) \
            if self.phase == "collect" and self._entered else \
            (node.get("timeout_s") or self.flow.input.get("timeout_s", 5.0))
        if self.phase == "collect" and self._entered:
            self._waiting["input"] = token = self._next_token()
            self._actions.append(WaitInput(token, seconds))
        else:
            self._ask()

    # --- keys ----------------------------------------------------------------------------------

    def _global(self, key: str) -> bool:
        if key == "*":
            self._note("* previous menu")
            self._goto("@back")
        elif key == "#":
            self._note("# main menu")
            self._goto("@main")
        elif key == "9":
            self._note("9 repeat")
            self._buffer.clear()
            self._ask()
        elif key == "0" and self.flow.zero:
            self._note("0 help / agent")
            self._goto(self.flow.zero)
        else:
            return False
        return True

    def _menu_key(self, key: str) -> None:
        node = self._node()
        if node.type == "survey":
            question = node.get("questions")[self._question]
            answer = question["answers"].get(key)
            if answer is not None:
                self.survey[question["id"]] = self.variables[question["id"]] = answer
                self._note(f"answered {question['id']}={answer}")
                self._question += 1
                self._invalid = 0
                if self._question >= len(node.get("questions")):
                    self._goto(node.get("next"))
                else:
                    self._ask_question()
                return
        else:
            target = node.get("options", {}).get(key)
            if target is not None:
                self._note(f"key {key}")
                if node.type == "language":
                    self.language = target
                    self._goto(node.get("next"))
                else:
                    self._goto(target)
                return
        if node.type == "survey" and key == "9":
            self._note("9 repeat")
            self._ask_question()
        elif node.type == "survey" or not self._global(key):
            self._note(f"invalid key {key}")
            self._failed("invalid")

    def _ask_question(self) -> None:
        if not self._buffer:
            self._play(self._node().get("questions")[self._question]["prompt"])
            self._waiting["input"] = token = self._next_token()
            seconds = self._node().get("timeout_s") or self.flow.input.get("timeout_s", 5.0)
            self._actions.append(WaitInput(token, seconds))

    def _queued_key(self, key: str) -> None:
        node = self._node()
        if key == "*":
            self._note("* back to self-service")
            self._actions.append(LeaveQueue())
            self._goto("@main")
        elif key == "1" and node.get("callback"):
            self._note("asked for a callback")
            self._actions.append(LeaveQueue())
            self._finish("callback")

    # --- failures, look-ups, transfers ---------------------------------------------------------

    def _failed(self, why: str, prompt: Prompt | None = None) -> None:
        """Count an invalid or missing input; past the limit, help, then an agent."""
        limits = self.flow.input
        if why == "invalid":
            self._invalid += 1
            over = self._invalid >= limits.get("invalid", 3)
        else:
            self._missing += 1
            over = self._missing >= limits.get("missing", 3)
        self._buffer.clear()
        if over:
            help_node, agent_node = limits.get("help"), limits.get("agent")
            if self._helped == 0 and help_node and help_node != self.node:
                self._helped += 1
                self._return_to = self.node
                self._note("sent to help")
                self._goto(help_node)
            elif agent_node:
                self._note("sent to an agent")
                self._goto(agent_node)
            else:
                self._finish("hangup")
            return
        default = Prompt(DEFAULT_PROMPTS[f"{why}_prompt"])
        self._play(prompt or limits.get(f"{why}_prompt") or default, track=False)
        if self._node().type == "survey":
            self._ask_question()
        else:
            self._ask()

    def _start_lookup(self, service: str, args: dict, timeout_s: float, wait_s: float) -> None:
        self.phase = "lookup"
        token = self._next_token()
        self._waiting["lookup"] = token
        self._actions.append(Lookup(token, service, args, timeout_s))
        if wait_s < timeout_s:
            self._waiting["wait"] = token = self._next_token()
            self._actions.append(StartTimer(token, wait_s))
        self._waiting["deadline"] = token = self._next_token()
        self._actions.append(StartTimer(token, timeout_s))

    def _on_result(self, outcome: str, values: dict[str, Any]) -> None:
        node = self._node()
        self._note(f"look-up {outcome}")
        if node.type == "verify":
            self._verified(outcome == "ok")
            return
        if outcome == "ok" or outcome in (node.get("routes") or {}):
            self.variables.update({k: v for k, v in values.items() if isinstance(k, str)})
            self._goto((node.get("routes") or {}).get(outcome) or node.get("next"))
        else:
            self._goto(node.get("on_fail"))

    def _transfer(self, node: Node) -> None:
        self.phase = "queued"
        if node.get("prompt") is not None:
            self._play(node.get("prompt"), barge_in=False, track=False)
        if node.type == "transfer":
            level = node.get("level")
            self._actions.append(Enqueue(node.get("queue"), self.level if level is None else level,
                                         self.trail()))
        else:
            agent = self._fill(node.get("agent"))
            self._actions.append(ConnectAgent(agent, self.trail()))
        if node.get("busy_prompt") is not None:
            self._waiting["busy"] = token = self._next_token()
            self._actions.append(StartTimer(token, node.get("busy_after_s", 30.0)))

    def _after_announce(self, why: str) -> None:
        self._waiting.pop("play", None)
        node = self._node()
        if why != "played":
            self._note(why)
        after = self._emergency_due and self.flow.emergency.get("after")
        if self._emergency_due and after in (None, self.node):
            self._emergency_due = False
            self.phase = "emergency"
            self._note("emergency notice")
            self._play(self.flow.emergency["prompt"], barge_in=False)
            return
        self._goto(node.get("next"))

    def _continue_after_emergency(self) -> None:
        node = self._node()
        self._goto(node.get("next") or node.get("to") or "@main")

    # --- helpers -------------------------------------------------------------------------------

    def _play(self, prompt: Prompt | None, *, barge_in: bool = True, track: bool = True) -> None:
        if prompt is None:
            return
        text = self._fill(prompt.text(self.language, self.flow.language))
        token = self._next_token()
        if track:
            self._waiting["play"] = token
        self._actions.append(Play(token, self.node, text, self.language, barge_in))

    def _fill(self, text: str) -> str:
        """``{name}`` replaced by the call's variable (read-out figures, looked-up numbers)."""
        return _VAR.sub(lambda m: str(self.variables.get(m.group(1), m.group(0))), text)

    def _next_token(self) -> int:
        self._token += 1
        return self._token

    def _note(self, what: str) -> None:
        self._trail.append(TrailStep(self.node, what))

    def _finish(self, kind: str, *, verified: bool | None = None,
                number: str | None = None) -> None:
        if self.phase == "done":
            return
        node = self._node()
        queue = node.get("queue") if node.type == "transfer" else None
        agent = self._fill(node.get("agent")) if node.type == "agent" else None
        if kind == "return":
            agent = self.agent
        self.outcome = Outcome(kind, self.node, self.trail(), queue=queue, agent=agent,
                               number=number, level=self.level, verified=verified,
                               survey=dict(self.survey),
                               variables=dict(self.variables))
        self.phase = "done"
        self._buffer.clear()
        self._waiting.clear()
        self._actions.append(Finish(self.outcome))
