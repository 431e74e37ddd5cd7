"""The live floor as a flat key -> plain-dict map, updated from the adapter's events.

Keys follow the table in docs/architecture.md. Values are :func:`models.codec.to_plain`
dicts; each change replaces the stored dict with a fresh shallow copy (nested dicts are
replaced, never mutated), so a value handed out once never changes under its reader.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from models import events as ev
from models.agents import AgentState
from models.calls import Call, CallOutcome, CallPhase, Direction
from models.codec import to_plain
from models.fax import FaxStatus
from switchlink.adapters.base import Inventory

log = logging.getLogger(__name__)

Change = tuple[str, dict[str, Any] | None]
Plain = dict[str, Any]

#: finished fax jobs stay visible this long (switch time, seconds)
FAX_KEEP_S = 600.0
#: statuses that count as a fault in an item's ``counters.errors``
_FAULTY = frozenset({"down", "stuck", "degraded"})

#: a new call's plain value before its own fields: Call's defaults through to_plain, once
_NEW_CALL: Plain = to_plain(Call(id="", caller=""))
#: agent state -> wire value (Enum.value is a slow descriptor on the per-event path)
_STATE_VALUE = {s: s.value for s in AgentState}
#: states in which the seat keeps the call it is attached to
_KEEPS_CALL = frozenset(s for s in AgentState if s.on_call or s is AgentState.AFTER_CALL_WORK)
#: states an agent picks themselves: an unforced change to one ends a supervisor's mark
_AGENT_CHOSEN = frozenset({AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT})


class FloorState:
    """The floor's live state; :meth:`apply` returns exactly the keys an event changed."""

    def __init__(self, inventory: Inventory, info: Plain | None = None) -> None:
        self._state: dict[str, Plain] = {}
        for agent in inventory.agents:
            self._state[f"agent/{agent.work_number}"] = to_plain(agent)
        for queue in inventory.queues:
            self._state[f"queue/{queue.id}"] = to_plain(queue)
        for prefix, items in (
            ("board", inventory.boards),
            ("trunk", inventory.trunks),
            ("channel", inventory.channels),
            ("link", inventory.links),
        ):
            for item in items:
                self._state[f"{prefix}/{item.id}"] = to_plain(item)
        if info is not None:
            self._state["daemon/info"] = dict(info)
        self._handlers: dict[type[ev.Event], Callable[[Any], list[Change]]] = {
            ev.AgentStateChanged: self._agent_state,
            ev.AgentSkillsChanged: self._agent_skills,
            ev.AgentLogoutPending: self._agent_logout_pending,
            ev.AgentLogoutCancelled: self._agent_logout_cancelled,
            ev.CallRecordingStarted: self._call_recording_started,
            ev.CallRecordingStopped: self._call_recording_stopped,
            ev.CallArrived: self._call_arrived,
            ev.CallIvrStep: self._call_ivr,
            ev.CallIvrTrail: self._call_ivr_trail,
            ev.CallQueued: self._call_queued,
            ev.CallRinging: self._call_ringing,
            ev.CallAnswered: self._call_answered,
            ev.CallHeld: self._call_held,
            ev.CallRetrieved: self._call_retrieved,
            ev.CallTransferred: self._call_transferred,
            ev.CallParticipantsChanged: self._call_participants,
            ev.CallScreened: self._call_screened,
            ev.CallEnded: self._call_ended,
            ev.BoardStatusChanged: self._board_status,
            ev.TrunkStatusChanged: self._trunk_status,
            ev.ChannelStatusChanged: self._channel_status,
            ev.LinkStatusChanged: self._link_status,
            ev.TestCompleted: self._test_completed,
            ev.FaxJobChanged: self._fax_changed,
        }

    # --- read side ----------------------------------------------------------------------

    def get(self, key: str) -> Plain | None:
        return self._state.get(key)

    def items(self, prefix: str = "") -> Iterator[tuple[str, Plain]]:
        return ((k, v) for k, v in self._state.items() if k.startswith(prefix))

    def snapshot(self) -> dict[str, Plain]:
        """A shallow copy of the whole map (values are never mutated in place)."""
        return dict(self._state)

    def __len__(self) -> int:
        return len(self._state)

    def counts(self) -> dict[str, int]:
        """Number of keys per kind (``agent``, ``queue``, ``call`` ...)."""
        out: dict[str, int] = {}
        for key in self._state:
            kind = key.split("/", 1)[0]
            out[kind] = out.get(kind, 0) + 1
        return out

    # --- write side ---------------------------------------------------------------------

    def set(self, key: str, value: Plain | None) -> list[Change]:
        """Put or delete a key directly (daemon info, metrics, alarms from other services)."""
        if value is None:
            return [(key, None)] if self._state.pop(key, None) is not None else []
        self._state[key] = value
        return [(key, value)]

    def apply(self, event: ev.Event) -> list[Change]:
        """Apply one adapter event; returns ``(key, new value or None)`` for each change.

        An event about something the state does not know (a vendor glitch) is logged and
        ignored rather than raised, so one bad event cannot stop the daemon.
        """
        handler = self._handlers.get(type(event))
        if handler is None:
            log.debug("ignoring event of unknown type %s", type(event).__name__)
            return []
        return handler(event)

    def expire(self, now: float) -> list[Change]:
        """Drop finished fax jobs older than :data:`FAX_KEEP_S`."""
        gone = [
            k
            for k, v in self._state.items()
            if k.startswith("fax/")
            and v.get("finished_at") is not None
            and now - v["finished_at"] > FAX_KEEP_S
        ]
        for key in gone:
            del self._state[key]
        return [(k, None) for k in gone]

    # --- helpers ------------------------------------------------------------------------

    def _update(self, key: str, fields: Plain) -> list[Change]:
        """Replace ``key``'s value by a copy with ``fields`` changed (never mutate in place)."""
        old = self._state.get(key)
        if old is None:
            log.debug("event for unknown %s ignored", key)
            return []
        new = {**old, **fields}
        self._state[key] = new
        return [(key, new)]

    def _agent_call(self, agent: str | None, call_id: str | None) -> list[Change]:
        if agent is None:
            return []
        key = f"agent/{agent}"
        old = self._state.get(key)
        if old is None or old.get("call_id") == call_id:
            return []
        if old.get("barged_by"):  # the barge notice belonged to the call the agent left
            return self._update(key, {"call_id": call_id, "barged_by": []})
        return self._update(key, {"call_id": call_id})

    # --- agents -------------------------------------------------------------------------

    def _agent_state(self, e: ev.AgentStateChanged) -> list[Change]:
        state = e.state
        fields: Plain = {"state": _STATE_VALUE[state], "state_since": e.t, "reason": e.reason}
        if e.forced:
            fields["forced"], fields["forced_by"] = True, e.by
        elif state in _AGENT_CHOSEN:  # the agent's own choice ends the supervisor's mark
            fields["forced"], fields["forced_by"] = False, ""
        if state is AgentState.LOGGED_OUT:
            fields["pending_logout"], fields["pending_logout_by"] = False, ""
        if state not in _KEEPS_CALL:
            fields["call_id"] = None
        return self._update(f"agent/{e.agent}", fields)

    def _agent_skills(self, e: ev.AgentSkillsChanged) -> list[Change]:
        return self._update(f"agent/{e.agent}", {"skills": dict(e.skills)})

    def _agent_logout_pending(self, e: ev.AgentLogoutPending) -> list[Change]:
        return self._update(f"agent/{e.agent}", {"pending_logout": True,
                                                 "pending_logout_by": e.by})

    def _agent_logout_cancelled(self, e: ev.AgentLogoutCancelled) -> list[Change]:
        return self._update(f"agent/{e.agent}", {"pending_logout": False,
                                                 "pending_logout_by": ""})

    # --- calls --------------------------------------------------------------------------

    def _call_arrived(self, e: ev.CallArrived) -> list[Change]:
        """The same value as ``to_plain(Call(...))``, built from a template: one per call."""
        value = {
            **_NEW_CALL,
            "id": e.call,
            "caller": e.caller,
            "callee": e.callee,
            "customer_level": e.customer_level.value,
            "direction": e.direction.value,
            "trunk": e.trunk,
            "arrived_at": e.t,
            "ivr_trail": [],
            "participants": {},
            "announcement": e.announcement,
        }
        if e.direction is Direction.OUTBOUND:
            value["phase"] = CallPhase.DIALING.value
        return self.set(f"call/{e.call}", value)

    def _call_ivr(self, e: ev.CallIvrStep) -> list[Change]:
        old = self._state.get(f"call/{e.call}")
        if old is None:
            return []
        ivr_at = old["ivr_at"] if old.get("ivr_at") is not None else e.t
        return self._update(
            f"call/{e.call}",
            {"phase": "ivr", "ivr_at": ivr_at, "ivr_trail": [*old["ivr_trail"], e.node]},
        )

    def _call_ivr_trail(self, e: ev.CallIvrTrail) -> list[Change]:
        """The trail the agent sees on the call: last steps and menu position (docs/ivr.md)."""
        if f"call/{e.call}" not in self._state:
            return []
        return self._update(f"call/{e.call}", {"ivr_flow": e.flow, "ivr_steps": list(e.steps),
                                                "ivr_position": list(e.position)})

    def _call_queued(self, e: ev.CallQueued) -> list[Change]:
        return self._update(
            f"call/{e.call}", {"phase": "queued", "queue": e.queue, "queued_at": e.t}
        )

    def _call_ringing(self, e: ev.CallRinging) -> list[Change]:
        out = self._update(
            f"call/{e.call}", {"phase": "ringing", "agent": e.agent, "ringing_at": e.t}
        )
        return out + self._agent_call(e.agent, e.call) if out else out

    def _call_answered(self, e: ev.CallAnswered) -> list[Change]:
        key = f"call/{e.call}"
        old = self._state.get(key)
        if old is None:
            return []
        agent = e.agent if e.agent is not None else old.get("agent")
        out = self._update(key, {"phase": "talking", "answered_at": e.t, "agent": agent})
        return out + self._agent_call(agent, e.call)

    def _call_held(self, e: ev.CallHeld) -> list[Change]:
        return self._update(f"call/{e.call}", {"phase": "on_hold", "hold_started_at": e.t})

    def _call_retrieved(self, e: ev.CallRetrieved) -> list[Change]:
        old = self._state.get(f"call/{e.call}")
        if old is None:
            return []
        total = old["hold_total_s"]
        if old.get("hold_started_at") is not None:
            total += max(0.0, e.t - old["hold_started_at"])
        return self._update(
            f"call/{e.call}", {"phase": "talking", "hold_started_at": None, "hold_total_s": total}
        )

    def _call_transferred(self, e: ev.CallTransferred) -> list[Change]:
        key = f"call/{e.call}"
        if key not in self._state:
            return []
        if e.to_queue is not None:
            out = self._update(
                key, {"phase": "queued", "queue": e.to_queue, "agent": None, "queued_at": e.t}
            )
        elif e.to_agent is None:  # back to the IVR (the post-call survey): the agent is done
            out = self._update(key, {"phase": "ivr", "agent": None})
            a = self._state.get(f"agent/{e.from_agent}")
            if a is not None:
                out += self._update(f"agent/{e.from_agent}",
                                    {"calls_handled": a["calls_handled"] + 1})
        else:
            out = self._update(key, {"phase": "ringing", "agent": e.to_agent, "ringing_at": e.t})
        out += self._agent_call(e.from_agent, None)
        return out + self._agent_call(e.to_agent, e.call)

    def _call_participants(self, e: ev.CallParticipantsChanged) -> list[Change]:
        parts = {k: v.value for k, v in e.participants.items()}
        out = self._update(f"call/{e.call}", {"participants": parts})
        call = self._state.get(f"call/{e.call}")
        agent = self._state.get(f"agent/{call.get('agent')}") if call else None
        if agent is not None and agent.get("call_id") == e.call:
            barged = sorted(k for k, v in parts.items() if v == "barge")
            if barged != agent.get("barged_by", []):
                out += self._update(f"agent/{agent['work_number']}", {"barged_by": barged})
        return out

    def _call_recording_started(self, e: ev.CallRecordingStarted) -> list[Change]:
        call = self._state.get(f"call/{e.call}")
        if call is None:
            return []
        return self._update(f"call/{e.call}", {"recording": {**call.get("recording", {}),
                                                             e.by: e.t}})

    def _call_recording_stopped(self, e: ev.CallRecordingStopped) -> list[Change]:
        call = self._state.get(f"call/{e.call}")
        if call is None or e.by not in call.get("recording", {}):
            return []
        left = {k: v for k, v in call["recording"].items() if k != e.by}
        return self._update(f"call/{e.call}", {"recording": left})

    def _call_screened(self, e: ev.CallScreened) -> list[Change]:
        """The blacklist entry on the call: a warned call's agent sees it (docs/blacklist.md)."""
        mark = {"entry": e.entry, "number": e.number, "action": e.action, "reason": e.reason}
        return self._update(f"call/{e.call}", {"blacklist": mark})

    def _call_ended(self, e: ev.CallEnded) -> list[Change]:
        old = self._state.pop(f"call/{e.call}", None)
        if old is None:
            return []
        out: list[Change] = [(f"call/{e.call}", None)]
        agent = old.get("agent")
        if agent is not None:
            key = f"agent/{agent}"
            a = self._state.get(key)
            if a is not None:
                handled = a["calls_handled"] + (1 if e.outcome is CallOutcome.ANSWERED else 0)
                call_id = None if a.get("call_id") == e.call else a.get("call_id")
                out += self._update(key, {"calls_handled": handled, "call_id": call_id})
        return out

    # --- equipment ----------------------------------------------------------------------

    def _equipment(self, key: str, t: float, fields: Plain, *, call: str | None = None
                   ) -> list[Change]:
        """A status report for a board, trunk, channel or link: ``since`` moves when the
        status changes; ``counters.errors`` counts faults (down, stuck, degraded) and
        ``counters.calls`` the calls a channel took."""
        old = self._state.get(key)
        if old is None:
            log.debug("event for unknown %s ignored", key)
            return []
        status = fields["status"]
        if old.get("status") != status:
            fields["since"] = t
            counters = None
            base = fields.get("counters") or old.get("counters") or {}
            if status in _FAULTY:
                counters = dict(base)
                counters["errors"] = counters.get("errors", 0) + 1
            if call is not None and call != old.get("call_id") and status == "busy":
                counters = dict(counters or base)
                counters["calls"] = counters.get("calls", 0) + 1
            if counters is not None:
                fields["counters"] = counters
        return self._update(key, fields)

    def _board_status(self, e: ev.BoardStatusChanged) -> list[Change]:
        return self._equipment(f"board/{e.board}", e.t,
                               {"status": e.status.value, "last_error": e.error})

    def _trunk_status(self, e: ev.TrunkStatusChanged) -> list[Change]:
        fields: Plain = {"status": e.status.value, "in_use": e.in_use, "last_error": e.error}
        old = self._state.get(f"trunk/{e.trunk}")
        if old is not None and e.in_use > old.get("in_use", 0):  # circuits seized: calls
            counters = dict(old.get("counters") or {})
            counters["calls"] = counters.get("calls", 0) + e.in_use - old.get("in_use", 0)
            fields["counters"] = counters
        return self._equipment(f"trunk/{e.trunk}", e.t, fields)

    def _channel_status(self, e: ev.ChannelStatusChanged) -> list[Change]:
        return self._equipment(
            f"channel/{e.channel}", e.t,
            {"status": e.status.value, "call_id": e.call, "last_error": e.error}, call=e.call,
        )

    def _link_status(self, e: ev.LinkStatusChanged) -> list[Change]:
        return self._equipment(
            f"link/{e.link}", e.t,
            {"status": e.status.value, "latency_ms": e.latency_ms, "last_error": e.error},
        )

    def _test_completed(self, e: ev.TestCompleted) -> list[Change]:
        for prefix in ("board", "channel", "trunk", "link"):
            key = f"{prefix}/{e.target}"
            old = self._state.get(key)
            if old is not None:
                counters = dict(old["counters"])
                name = "tests_passed" if e.passed else "tests_failed"
                counters[name] = counters.get(name, 0) + 1
                return self._update(key, {"counters": counters})
        return []

    # --- fax ----------------------------------------------------------------------------

    def _fax_changed(self, e: ev.FaxJobChanged) -> list[Change]:
        key = f"fax/{e.job}"
        old = self._state.get(key)
        done = e.status in (FaxStatus.DONE, FaxStatus.FAILED)
        if old is None:
            value: Plain = {
                "id": e.job,
                "number": e.number,
                "document": "",
                "pages": e.pages,
                "status": e.status.value,
                "submitted_at": e.t,
                "finished_at": e.t if done else None,
                "channel": None,
                "error": e.error,
                "attempts": 0,
            }
            return self.set(key, value)
        fields: dict[str, Any] = {"status": e.status.value, "error": e.error}
        if e.pages:
            fields["pages"] = e.pages
        if done:
            fields["finished_at"] = e.t
        if e.status is FaxStatus.SENDING:
            fields["attempts"] = old.get("attempts", 0) + 1
        return self._update(key, fields)
