"""Keyed-in entries for :class:`ivr.interpreter.Session`: digits, amounts, IDs, passwords.

Inside an entry ``#`` ends it (or, with nothing typed, goes to the main menu), ``*`` is the
decimal point of an amount or the X of an ID number's last character (otherwise the
previous menu), and ``0`` and ``9`` are digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ivr import entry
from ivr.model import Prompt
from ivr.schema import DEFAULT_PROMPTS

if TYPE_CHECKING:
    from ivr.interpreter import Session

#: entries that end by themselves at this many keys (others on # or the inter-digit time-out)
_FIXED_LENGTH = {"id": 18, "year": 4}


class EntryMixin:
    """The collect and verify nodes' key handling (uses the session's state and helpers)."""

    def _collect_key(self: Session, key: str) -> None:
        node = self._node()
        kind = node.get("kind", "password")
        if key == "#":
            if self._entered:
                self._complete_entry()
            else:
                self._global("#")
            return
        decimal_point = kind == "amount" and "*" not in self._entered
        check_x = kind == "id" and len(self._entered) == 17
        if key == "*" and self._entered and (decimal_point or check_x):
            self._entered += "*"
        elif key == "*":
            self._entered = ""
            self._global("*")
            return
        else:
            self._entered += key
        limit = _FIXED_LENGTH.get(kind) or (11 if kind == "phone" and self._entered[:1] == "1"
                                            else node.get("max_digits", 20))
        if kind != "amount" and len(self._entered) >= limit:
            self._complete_entry()

    def _complete_entry(self: Session) -> None:
        node, keys = self._node(), self._entered
        self._entered = ""
        if node.type == "verify":
            try:
                entry.digits(keys, node.get("min_digits", 6), node.get("max_digits", 6))
            except entry.InvalidEntry:
                self._note("entered an invalid password")
                self._failed("invalid")
                return
            self._note("entered a password")
            args = {"account": self.variables.get(node.get("account", "caller")),
                    "password": keys}
            self._start_lookup(node.get("service"), args, node.get("lookup_timeout_s", 5.0),
                               2.0)
            return
        try:
            value = entry.check(node.get("kind"), keys, node.fields)
        except entry.InvalidEntry as exc:
            self._note(f"invalid entry: {exc}")
            self._failed("invalid", node.get("invalid_prompt"))
            return
        self.variables[node.get("store")] = value
        self._note("entered " + ("*" * len(keys) if node.get("kind") == "password" else keys))
        self._goto(node.get("next"))

    def _verified(self: Session, ok: bool) -> None:
        node = self._node()
        self._attempts += 1
        if not ok and self._attempts < node.get("attempts", 3):
            self.phase = "collect"
            fail = node.get("fail_prompt") or Prompt(DEFAULT_PROMPTS["fail_prompt"])
            self._play(fail, track=False)
            self._ask()
            return
        self.variables["verified"] = ok
        if node.get("return_to_agent") and self.agent:
            self._finish("return", verified=ok)
        elif node.get("next" if ok else "on_fail"):
            self._goto(node.get("next" if ok else "on_fail"))
        elif self.flow.input.get("agent"):
            self._goto(self.flow.input["agent"])
        else:
            self._finish("hangup")
