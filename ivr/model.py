"""A loaded IVR flow: nodes with their fields, prompts per language, and where each came from.

Flows are immutable once loaded and shared by every call; a call's state lives in
:class:`ivr.interpreter.Session`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ivr.findings import Position

#: targets that are not node ids: the previous menu, the main menu, the node that sent the
#: caller to help, and the current node again
SPECIAL_TARGETS = ("@back", "@main", "@return", "@repeat")
#: keys every menu understands: previous menu, main menu, help / agent, repeat
GLOBAL_KEYS = ("*", "#", "0", "9")
DTMF_KEYS = frozenset("0123456789*#")
#: node types that end the caller's stay in the IVR
TERMINAL_TYPES = frozenset({"transfer", "agent", "connect", "hangup"})
#: node types that wait for the caller's keys
INPUT_TYPES = frozenset({"menu", "language", "collect", "verify", "survey"})


@dataclass(frozen=True, slots=True)
class Prompt:
    """Text per language (read out by TTS or matched by a recording) and declared lengths."""

    texts: dict[str, str]
    recording_s: dict[str, float] = field(default_factory=dict)
    where: Position | None = None

    def text(self, language: str, default: str) -> str:
        texts = self.texts
        return texts.get(language) or texts.get(default) or next(iter(texts.values()))


@dataclass(frozen=True, slots=True)
class Edge:
    """One way out of a node: what leads there (``option 1``, ``next``) and where it points."""

    label: str
    target: str
    where: Position


@dataclass(slots=True)
class Node:
    id: str
    type: str
    fields: dict[str, Any]
    where: Position
    edges: list[Edge] = field(default_factory=list)
    #: positions of individual fields, for findings that point into the node
    field_where: dict[str, Position] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def at(self, name: str) -> Position:
        return self.field_where.get(name, self.where)

    def prompts(self) -> list[tuple[str, Prompt]]:
        """Every prompt the node can play, with the field it came from."""
        out = [(k, v) for k, v in self.fields.items() if isinstance(v, Prompt)]
        for i, q in enumerate(self.fields.get("questions", ())):
            out.append((f"questions[{i}].prompt", q["prompt"]))
        return out


@dataclass(slots=True)
class Flow:
    """Everything a call needs to run through the IVR; ``start`` opens a call's session."""

    name: str
    file: str
    nodes: dict[str, Node]
    start_node: str | None
    main: str | None
    language: str = "zh"
    languages: tuple[str, ...] = ("zh",)
    trail_length: int = 10
    input: dict[str, Any] = field(default_factory=dict)
    zero: str | None = None
    vip: dict[str, Any] = field(default_factory=dict)
    emergency: dict[str, Any] | None = None
    entries: dict[str, str] = field(default_factory=dict)
    where: dict[str, Position] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def start(self, caller: str = "", level: int = 0, *, entry: str | None = None,
              agent: str | None = None, language: str | None = None,
              variables: dict[str, Any] | None = None) -> Any:
        """A new call's session (see :class:`ivr.interpreter.Session`).

        ``entry`` names an entry (``verify``, ``survey``) or a node; ``agent`` is the agent who
        sent the caller here (password verification returns to them); ``variables`` are
        known facts about the call (the dialled number) that prompts and look-ups may use.
        """
        from ivr.interpreter import Session
        return Session(self, caller=caller, level=level, entry=entry, agent=agent,
                       language=language, variables=variables)

    def with_emergency(self, prompt: Prompt | None) -> Flow:
        """The same flow with the emergency notice set (or cleared with ``None``)."""
        from dataclasses import replace
        if prompt is None:
            return replace(self, emergency=None)
        after = (self.emergency or {}).get("after")
        return replace(self, emergency={"prompt": prompt, "after": after})

    def is_vip(self, caller: str, level: int) -> bool:
        vip = self.vip
        if not vip.get("entry"):
            return False
        if caller and (caller in vip.get("numbers", ()) or
                       any(caller.startswith(p) for p in vip.get("prefixes", ()))):
            return True
        min_level = vip.get("min_level")
        return min_level is not None and level >= min_level
