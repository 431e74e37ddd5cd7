"""``CompositeAdapter``: one switchlink, several switches (an ACD and a fax server …).

Options: ``adapters``, a list of tables ``{adapter = "<name>", serves = [...], <options>}``
(in the daemon config: ``adapter = "composite"`` and ``[[switchlink.adapter_options.adapters]]``
tables); ``scenario`` / ``speed`` go to loopback members that do not set their own. Each member
is created through the registry with its own options. Operations are routed:

- on a known target to the member that owns it: agents and queues by the inventory,
  calls and fax jobs by the member whose events or answer named them, boards / channels /
  links by the inventory;
- on a new target (``originate``, ``send_fax``, an agent no member listed) to the member
  that serves the kind (``acd`` for agents and calls, ``ivr``, ``fax``) with the fewest
  other kinds, first listed on a tie; ``serves`` narrows a member's own ``capabilities``;
- ``inject_fault("clear")`` without a target to every member that rehearses faults.

Events are fanned in: each member's batch is moved onto the first ACD member's clock (so the
emulator's simulated day and a fax server's wall clock share one time line) and merged in
time order. Ids must be unique across members; a clash is refused at start.
"""

from __future__ import annotations

import heapq
import time
from typing import Any, ClassVar

from ivr.model import Flow
from models.agents import AgentState
from models.calls import Participation
from models.equipment import Board, Channel, Link, Trunk
from models.events import Event
from models.fax import FaxJob
from switchlink.adapters.base import CAPABILITIES, Inventory, SwitchAdapter
from switchlink.adapters.errors import (
    AdapterError,
    InvalidArgument,
    UnknownTarget,
    UnsupportedOperation,
)
from switchlink.adapters.limits import check_options

#: the daemon's emulator flags, handed to loopback members that do not set their own
EMULATOR_FLAGS = ("scenario", "speed")
# call / job ids are learned from these event fields
_CALL_FIELDS = ("call",)
_JOB_FIELDS = ("job",)


def _member_specs(value: object) -> list[tuple[str, frozenset[str] | None, dict[str, Any]]]:
    if not isinstance(value, list | tuple) or not value:
        raise InvalidArgument("composite: 'adapters' must be a non-empty list of tables "
                              "like {adapter = \"loopback\", ...}")
    specs = []
    for i, entry in enumerate(value, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("adapter"), str):
            raise InvalidArgument(f"composite: adapters[{i}] needs adapter = \"<name>\"")
        options = dict(entry)
        name = options.pop("adapter")
        if name == "composite":
            raise InvalidArgument(f"composite: adapters[{i}] cannot itself be a composite")
        serves = options.pop("serves", None)
        if serves is not None:
            if not isinstance(serves, list | tuple) or not set(serves) <= CAPABILITIES:
                raise InvalidArgument(f"composite: adapters[{i}].serves must list some of "
                                      f"{', '.join(sorted(CAPABILITIES))}, got {serves!r}")
            serves = frozenset(serves)
        specs.append((name, serves, options))
    return specs


class CompositeAdapter(SwitchAdapter):
    """Several adapters behind one: events fanned in, operations routed by target."""

    name: ClassVar[str] = "composite"

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        from switchlink.adapters.registry import create_adapter

        check_options("composite", options, {"adapters", *EMULATOR_FLAGS})
        self.members: list[SwitchAdapter] = []
        self.serves: list[frozenset[str]] = []
        for name, serves, member_options in _member_specs(options.get("adapters")):
            if name == "loopback":  # the daemon's --scenario / --speed are the emulator's
                for flag in EMULATOR_FLAGS:
                    if flag in options and flag not in member_options:
                        member_options[flag] = options[flag]
            member = create_adapter(name, **member_options)
            self.members.append(member)
            self.serves.append(type(member).capabilities if serves is None
                               else serves & type(member).capabilities)
        self._owners: dict[tuple[str, str], SwitchAdapter] = {}
        self._offsets: dict[int, float] = {}
        #: some member is an emulator (its targets take rehearsed faults; others refuse)
        self.rehearses_faults = any(m.rehearses_faults for m in self.members)  # type: ignore[misc]

    @property
    def capabilities(self) -> frozenset[str]:  # type: ignore[override]
        return frozenset().union(*self.serves)

    # --- routing ------------------------------------------------------------------------

    def _serving(self, kind: str) -> SwitchAdapter:
        """The specialist for ``kind``: the member serving it with the fewest other kinds
        (a fax server beats the emulator's simulated fax board), first listed on a tie."""
        candidates = [(len(serves), i) for i, serves in enumerate(self.serves) if kind in serves]
        if not candidates:
            raise UnsupportedOperation(f"composite: no member adapter serves {kind}")
        return self.members[min(candidates)[1]]

    def _owner(self, kind: str, target: str, fallback: str) -> SwitchAdapter:
        owner = self._owners.get((kind, target))
        return owner if owner is not None else self._serving(fallback)

    def _learn(self, member: SwitchAdapter, inventory: Inventory) -> None:
        for kind, items, attr in (("agent", inventory.agents, "work_number"),
                                  ("queue", inventory.queues, "id"),
                                  ("board", inventory.boards, "id"),
                                  ("trunk", inventory.trunks, "id"),
                                  ("channel", inventory.channels, "id"),
                                  ("link", inventory.links, "id")):
            for item in items:
                key = (kind, getattr(item, attr))
                other = self._owners.get(key)
                if other is not None and other is not member:
                    raise AdapterError(f"composite: {kind} {key[1]!r} is reported by both "
                                       f"{other.name} and {member.name}; give one a "
                                       "different id")
                self._owners[key] = member

    # --- lifecycle ----------------------------------------------------------------------

    def _start(self) -> Inventory:
        merged = Inventory()
        started: list[SwitchAdapter] = []
        try:
            for member in self.members:
                inventory = member.start()
                started.append(member)
                self._learn(member, inventory)
                for name in ("agents", "queues", "boards", "trunks", "channels", "links"):
                    getattr(merged, name).extend(getattr(inventory, name))
        except Exception:
            for member in started:
                member.shutdown()
            raise
        self._route_ivr_faxes()
        return merged

    def _shutdown(self) -> None:
        for member in self.members:
            member.shutdown()

    def continue_history(self, stored: Any) -> None:
        """Hand history to every member (the emulator continues its day)."""
        if self._started:
            raise AdapterError("continue_history() must come before start()")
        for member in self.members:
            member.continue_history(stored)

    def _clock(self) -> SwitchAdapter:
        try:
            return self._serving("acd")
        except UnsupportedOperation:
            return self.members[0]

    def _now(self) -> float:
        return self._clock().now()

    def _poll(self, timeout: float, max_events: int) -> list[Event]:
        deadline = time.monotonic() + timeout
        while True:
            batches = [self._take(member, max_events) for member in self.members]
            merged = list(heapq.merge(*batches, key=lambda e: e.t))
            if merged or time.monotonic() >= deadline:
                return merged[:max_events]
            time.sleep(min(0.01, max(0.0, deadline - time.monotonic())))

    def _take(self, member: SwitchAdapter, max_events: int) -> list[Event]:
        from dataclasses import replace

        events = member.poll(0.0, max_events)
        clock = self._clock()
        shift = 0.0 if member is clock else clock.now() - member.now()
        out = []
        for event in events:
            for attr in _CALL_FIELDS:
                if hasattr(event, attr):
                    self._owners[("call", getattr(event, attr))] = member
            for attr in _JOB_FIELDS:
                if hasattr(event, attr):
                    self._owners[("job", getattr(event, attr))] = member
            out.append(replace(event, t=event.t + shift) if shift else event)
        return out

    # --- agents and calls ---------------------------------------------------------------

    def _login(self, agent: str, state: AgentState) -> None:
        self._owner("agent", agent, "acd").login(agent, state=state)

    def _set_state(self, agent: str, state: AgentState, reason: str, forced: bool,
                   by: str) -> None:
        self._owner("agent", agent, "acd").set_state(agent, state, reason=reason,
                                                     forced=forced, by=by)

    def _set_skills(self, agent: str, skills: dict[str, int]) -> None:
        self._owner("agent", agent, "acd").set_skills(agent, skills)

    def _join_call(self, call: str, supervisor: str, how: Participation) -> None:
        self._owner("call", call, "acd")._join(call, supervisor, how)

    def _leave_call(self, call: str, supervisor: str) -> None:
        self._owner("call", call, "acd").leave(call, supervisor)

    def _start_recording(self, call: str, supervisor: str) -> None:
        self._owner("call", call, "acd")._start_recording(call, supervisor)

    def _cancel_logout(self, agent: str, reason: str, by: str) -> None:
        self._owner("agent", agent, "acd").cancel_logout(agent, reason=reason, by=by)

    def _force_release(self, call: str, by: str, reason: str) -> None:
        self._owner("call", call, "acd").force_release(call, by=by, reason=reason)

    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None:
        self._owner("call", call, "acd").transfer(call, to_agent=to_agent, to_queue=to_queue)

    def _originate(self, number: str, announcement: str, caller_id: str) -> str:
        member = self._serving("acd")
        call = member.originate(number, announcement=announcement, caller_id=caller_id)
        self._owners[("call", call)] = member
        return call

    # --- IVR and fax --------------------------------------------------------------------

    def _load_flow(self, name: str, flow: Flow) -> None:
        self._serving("ivr").load_flow(name, flow)

    def flows(self) -> dict[str, Flow]:
        try:
            return self._serving("ivr").flows()
        except UnsupportedOperation:
            return {}

    def _route_ivr_faxes(self) -> None:
        """The IVR's faxes (the 170 line's bill by fax) go out on the fax specialist."""
        try:
            ivr, fax = self._serving("ivr"), self._serving("fax")
        except UnsupportedOperation:
            return
        route = getattr(ivr, "route_fax", None)
        if fax is not ivr and route is not None:
            route(lambda number, document, pages: fax.send_fax(number, document, pages=pages))

    def _load_ivr_flow(self, name: str, flow: dict[str, Any]) -> None:
        self._serving("ivr").load_ivr_flow(name, flow)

    def _test_prompt(self, channel: str, prompt: str) -> str:
        return self._owner("channel", channel, "ivr").test_prompt(channel, prompt)

    def _send_fax(self, number: str, document: str, pages: int, resolution: str) -> str:
        member = self._serving("fax")
        job = member.send_fax(number, document, pages=pages, resolution=resolution)
        self._owners[("job", job)] = member
        return job

    def _fax_status(self, job: str) -> FaxJob:
        return self._owner("job", job, "fax").fax_status(job)

    def _cancel_fax(self, job: str) -> None:
        self._owner("job", job, "fax").cancel_fax(job)

    def _fax_jobs(self, queue: str) -> list[FaxJob]:
        return self._serving("fax").fax_jobs(queue)

    # --- equipment ----------------------------------------------------------------------

    def _boards(self) -> list[Board]:
        return [b for m in self.members for b in m.boards()]

    def _trunks(self) -> list[Trunk]:
        return [t for m in self.members for t in m.trunks()]

    def _channels(self) -> list[Channel]:
        return [c for m in self.members for c in m.channels()]

    def _links(self) -> list[Link]:
        return [lk for m in self.members for lk in m.links()]

    def _self_test(self, board: str) -> str:
        return self._owner("board", board, "acd").self_test(board)

    def _loopback_test(self, channel: str) -> str:
        return self._owner("channel", channel, "acd").loopback_test(channel)

    def _equipment_owner(self, target: str) -> SwitchAdapter:
        for kind in ("channel", "trunk", "board", "link"):
            owner = self._owners.get((kind, target))
            if owner is not None:
                return owner
        raise UnknownTarget(f"no channel, trunk, board or link {target!r}")

    def _reset(self, target: str) -> None:
        self._equipment_owner(target).reset(target)

    def _set_in_service(self, target: str, in_service: bool, reason: str, by: str) -> None:
        self._equipment_owner(target).set_in_service(target, in_service, reason=reason, by=by)

    def _inject_fault(self, kind: str, target: str, params: dict[str, Any]) -> None:
        if target:
            owner = next((self._owners[(k, target)] for k in ("link", "board", "channel",
                          "trunk") if (k, target) in self._owners), self._clock())
            owner.inject_fault(kind, target, **params)
            return
        if kind != "clear":
            self._clock().inject_fault(kind, target, **params)
            return
        done = False
        for member in self.members:
            try:
                member.inject_fault(kind, target, **params)
                done = True
            except UnsupportedOperation:
                continue
        if not done:
            raise UnsupportedOperation("composite: no member adapter rehearses faults")
