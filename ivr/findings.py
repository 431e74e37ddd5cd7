"""Lint findings: where (file:line:column), which rule, what is wrong and how to fix it.

The rule catalogue lives here so the linter, the loader, the docs and the tests name the same
ids; every finding carries its rule's fix hint unless a more precise one is given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR, WARNING = "error", "warning"

#: rule id -> (severity, fix hint)
RULES: dict[str, tuple[str, str]] = {
    "parse": (ERROR, "fix the TOML syntax at the position shown"),
    "schema": (ERROR, "see docs/ivr.md for the fields each node type takes"),
    "include": (ERROR, "include paths are relative to the including file; no cycles"),
    "duplicate-node": (ERROR, "give every node, across included files, its own id"),
    "unknown-target": (ERROR, "name a node of this flow or one of @back, @main, @return, @repeat"),
    "too-many-options": (ERROR, "at most 6 choices including 0: split the menu into sub-menus"),
    "reserved-key": (ERROR, "* (previous), # (main), 9 (repeat) are global; 0 is only for "
                            "help or an agent"),
    "option-gap": (ERROR, "number the options 1, 2, 3 … without gaps"),
    "unreachable": (ERROR, "link the node from a menu or remove it"),
    "dead-end": (ERROR, "let some path end in a transfer, a hang-up or a loop back (@back, @main)"),
    "input-free-loop": (ERROR, "put a menu or a collection in the loop so the caller can leave it"),
    "emergency-length": (ERROR, "shorten the emergency notice to at most 20 s "
                                "(about 50 characters)"),
    "interaction-time": (ERROR, "keep each wait (input time-out, look-up time-out) at most 10 s"),
    "speech-rate": (WARNING, "re-record the prompt or correct recording_s: 150–180 Chinese "
                             "characters (130–160 English words) a minute"),
    "busy-prompt": (ERROR, "give the transfer a busy_prompt played after at most 30 s in queue, "
                           "offering * for self-service"),
    "missing-translation": (WARNING, "add the prompt's text for every language the flow offers"),
    "lookup-wait": (WARNING, "play the 'request accepted, querying' prompt before the time-out"),
}


@dataclass(frozen=True, slots=True)
class Position:
    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One lint result, printed as ``file:line:col: severity rule: message (hint)``."""

    where: Position
    rule: str
    message: str
    hint: str = ""

    @property
    def severity(self) -> str:
        return RULES[self.rule][0]

    @property
    def fix(self) -> str:
        return self.hint or RULES[self.rule][1]

    def __str__(self) -> str:
        return f"{self.where}: {self.severity} [{self.rule}] {self.message} — fix: {self.fix}"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self.where), "rule": self.rule, "severity": self.severity,
                "message": self.message, "hint": self.fix}


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
