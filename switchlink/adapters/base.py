"""The vendor-neutral adapter contract: shared checks here, narrow ``_hooks`` per vendor.

Like python-can's ``BusABC``: the public methods validate arguments, check the adapter is
started, and turn anything unexpected into the neutral :mod:`errors`; each adapter fills only
the private hooks. Events are pulled with :meth:`SwitchAdapter.poll` so the daemon's single
loop decides when to read the switch.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from ivr.model import Flow
from models.agents import REQUESTABLE_STATES, AgentState
from models.blacklist import Screening
from models.calls import CallOutcome, Direction, Participation
from models.equipment import Board, Channel, Link, Trunk
from models.events import CallArrived, CallEnded, CallScreened, Event
from models.fax import FaxJob
from switchlink.adapters.errors import (
    AdapterError,
    AdapterNotStarted,
    InvalidArgument,
    UnsupportedOperation,
)
from switchlink.adapters.limits import (
    CAPABILITIES,
    FAULT_KINDS,
    FAULT_PARAMS,
    FAX_QUEUES,
    FAX_RESOLUTIONS,
    MAX_EVENT_DELAY_S,
    MAX_FAULT_DURATION_S,
    MAX_FAX_PAGES,
    MAX_POLL_TIMEOUT_S,
    MAX_SKILL_LEVEL,
    MIN_SKILL_LEVEL,
    CallScreen,
    Inventory,
    StoredCalls,
    _require_id,
    check_number,
)

#: the contract: the class here and the names of :mod:`limits` it re-exports
__all__ = [
    "CAPABILITIES", "FAULT_KINDS", "FAULT_PARAMS", "FAX_QUEUES", "FAX_RESOLUTIONS",
    "MAX_EVENT_DELAY_S", "MAX_FAULT_DURATION_S", "MAX_FAX_PAGES", "MAX_POLL_TIMEOUT_S",
    "MAX_SKILL_LEVEL", "MIN_SKILL_LEVEL", "CallScreen", "Inventory", "StoredCalls",
    "SwitchAdapter", "check_number",
]

log = logging.getLogger(__name__)


class SwitchAdapter(ABC):
    """One switch (ACD, IVR and fax boards) behind one neutral interface."""

    #: registry name, e.g. ``"loopback"``
    name: ClassVar[str] = ""
    #: what this switch serves: ``acd`` (agents, queues, calls), ``ivr``, ``fax``
    capabilities: ClassVar[frozenset[str]] = CAPABILITIES
    #: True only for an emulator: fault rehearsal (``inject_fault``) is never sent to a real
    #: switch, whatever its adapter would do with it
    rehearses_faults: ClassVar[bool] = False

    def __init__(self, **options: Any) -> None:
        self.options = options
        self._started = False
        self._shut_down = False
        #: the blacklist look-up switchlink applies here because the switch cannot
        self._screen_here: CallScreen | None = None
        #: calls released for the blacklist: their end is reported ``blocked``
        self._released_here: dict[str, Screening] = {}

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> Inventory:
        """Connect to the switch and return its inventory."""
        if self._shut_down:
            raise AdapterError("adapter was shut down; create a new one")
        inventory = self._start()
        self._started = True
        return inventory

    def shutdown(self) -> None:
        """Disconnect; safe to call more than once."""
        if self._started and not self._shut_down:
            self._shut_down = True
            self._shutdown()
        self._shut_down = True

    @property
    def started(self) -> bool:
        return self._started and not self._shut_down

    def __enter__(self) -> SwitchAdapter:
        if not self.started:
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def poll(self, timeout: float = 0.0, max_events: int = 10_000) -> list[Event]:
        """Events that happened since the last poll, waiting up to ``timeout`` s for one."""
        self._check_started()
        timeout = check_number("timeout", timeout, high=MAX_POLL_TIMEOUT_S, unit="seconds")
        check_number("max_events", max_events, low=1, high=10_000_000, integer=True)
        events = self._poll(float(timeout), max_events)
        if self._screen_here is not None and events:
            events = self._screen_events(events, self._screen_here)
        return events

    def now(self) -> float:
        """Switch time (seconds since the epoch): simulated for the emulator."""
        return self._now()

    # --- agents -------------------------------------------------------------------------

    def login(self, agent: str, *, state: AgentState = AgentState.NOT_READY) -> None:
        """签入: sign the agent in, ready or not ready."""
        self._check_started()
        _require_id("agent", agent)
        if state not in (AgentState.READY, AgentState.NOT_READY):
            raise InvalidArgument(f"an agent signs in ready or not ready, not {state}")
        self._login(agent, state)

    def logout(self, agent: str, *, forced: bool = False, reason: str = "", by: str = "") -> None:
        """签出 / 强制签出: during a call a forced sign-out applies when the call ends."""
        self.set_state(agent, AgentState.LOGGED_OUT, forced=forced, reason=reason, by=by)

    def set_state(
        self,
        agent: str,
        state: AgentState,
        *,
        reason: str = "",
        forced: bool = False,
        by: str = "",
    ) -> None:
        """示闲 / 示忙 / 签出, or their forced forms (强制示闲 / 强制示忙 / 强制签出)."""
        self._check_started()
        _require_id("agent", agent)
        try:
            state = AgentState(state)
        except ValueError:
            raise InvalidArgument(f"unknown agent state {state!r}") from None
        if state not in REQUESTABLE_STATES:
            allowed = ", ".join(sorted(s.value for s in REQUESTABLE_STATES))
            raise InvalidArgument(f"state {state.value!r} cannot be requested (allowed: {allowed})")
        if forced and not reason.strip():
            raise InvalidArgument("a forced state change needs a reason")
        self._set_state(agent, state, reason, forced, by)

    def set_skills(self, agent: str, skills: dict[str, int]) -> None:
        """配置/调整工号的技能: replace the agent's skills (group id -> level 1..10)."""
        self._check_started()
        _require_id("agent", agent)
        if not isinstance(skills, dict):
            raise InvalidArgument("skills must be a mapping of skill group to level")
        for group, level in skills.items():
            _require_id("skill group", group)
            if not isinstance(level, int) or isinstance(level, bool) or not (
                MIN_SKILL_LEVEL <= level <= MAX_SKILL_LEVEL
            ):
                raise InvalidArgument(
                    f"skill level for {group!r} must be an integer "
                    f"{MIN_SKILL_LEVEL}..{MAX_SKILL_LEVEL}, got {level!r}"
                )
        self._set_skills(agent, dict(skills))

    # --- calls --------------------------------------------------------------------------

    def monitor(self, call: str, supervisor: str, *, record: bool = False) -> None:
        """监听: listen to the call silently; ``record`` (监听录音) also records it until the
        supervisor leaves or the call ends (checked first: an adapter that cannot record
        refuses before joining)."""
        if record:
            self._check_started()
            self._start_recording(_require_id("call", call), _require_id("supervisor", supervisor))
        self._join(call, supervisor, Participation.MONITOR)

    def cancel_logout(self, agent: str, *, reason: str = "", by: str = "") -> None:
        """Cancel a forced sign-out still pending on the agent's call."""
        self._check_started()
        self._cancel_logout(_require_id("agent", agent), reason, by)

    def whisper(self, call: str, supervisor: str) -> None:
        """Speak to the agent only."""
        self._join(call, supervisor, Participation.WHISPER)

    def barge(self, call: str, supervisor: str) -> None:
        """强插: join the conversation; the agent gets a barge notice."""
        self._join(call, supervisor, Participation.BARGE)

    def leave(self, call: str, supervisor: str) -> None:
        """Stop monitoring / whispering / barging."""
        self._check_started()
        self._leave_call(_require_id("call", call), _require_id("supervisor", supervisor))

    def force_release(self, call: str, *, by: str = "", reason: str = "") -> None:
        """强拆: tear the call down."""
        self._check_started()
        self._force_release(_require_id("call", call), by, reason)

    def transfer(
        self, call: str, *, to_agent: str | None = None, to_queue: str | None = None
    ) -> None:
        """通话转移 to another work number or to a skill group, keeping the call's data."""
        self._check_started()
        _require_id("call", call)
        if (to_agent is None) == (to_queue is None):
            raise InvalidArgument("transfer needs exactly one of to_agent or to_queue")
        if to_agent is not None:
            _require_id("agent", to_agent)
        if to_queue is not None:
            _require_id("queue", to_queue)
        self._transfer(call, to_agent, to_queue)

    def originate(
        self, number: str, *, announcement: str = "", caller_id: str = ""
    ) -> str:
        """系统自动外呼: dial ``number`` and play ``announcement``; returns the call id."""
        self._check_started()
        _require_id("number", number)
        return self._originate(number, announcement, caller_id)

    def _join(self, call: str, supervisor: str, how: Participation) -> None:
        self._check_started()
        self._join_call(_require_id("call", call), _require_id("supervisor", supervisor), how)

    # --- IVR ----------------------------------------------------------------------------

    def load_flow(self, name: str, flow: Flow) -> None:
        """Run ``flow`` on the switch's IVR channels under ``name`` (its file stem).

        The caller lints first (:func:`ivr.bundled.load_checked`): a flow with errors never
        reaches a switch. New calls start in the new flow; calls already in the IVR finish
        the flow they started in. Adapters that cannot run flows refuse (the default).
        """
        self._check_started()
        _require_id("flow name", name)
        if not isinstance(flow, Flow):
            raise InvalidArgument("load_flow needs a linted ivr Flow (ivr.bundled.load_checked)")
        self._load_flow(name, flow)

    def flows(self) -> dict[str, Flow]:
        """The flows running on the switch by name (empty where flows are not supported)."""
        return {}


    def load_ivr_flow(self, name: str, flow: dict[str, Any]) -> None:
        """Install an IVR flow (already validated by :mod:`ivr`) under ``name``."""
        self._check_started()
        _require_id("flow name", name)
        if not isinstance(flow, dict):
            raise InvalidArgument("an IVR flow is a mapping")
        self._load_ivr_flow(name, flow)

    def test_prompt(self, channel: str, prompt: str) -> str:
        """Play ``prompt`` on an IVR channel as a test; returns a test id."""
        self._check_started()
        return self._test_prompt(_require_id("channel", channel), _require_id("prompt", prompt))

    # --- fax ----------------------------------------------------------------------------

    def send_fax(
        self, number: str, document: str, *, pages: int = 1, resolution: str = "fine"
    ) -> str:
        """Queue a fax of ``document`` (a PostScript, PDF or TIFF file for a real fax server)
        at ``standard`` or ``fine`` resolution; returns the job id."""
        self._check_started()
        _require_id("number", number)
        _require_id("document", document)
        check_number("pages", pages, low=1, high=MAX_FAX_PAGES, integer=True)
        if resolution not in FAX_RESOLUTIONS:
            raise InvalidArgument(
                f"resolution must be one of {', '.join(FAX_RESOLUTIONS)}, got {resolution!r}"
            )
        return self._send_fax(number, document, pages, resolution)

    def fax_status(self, job: str) -> FaxJob:
        self._check_started()
        return self._fax_status(_require_id("job", job))

    def cancel_fax(self, job: str) -> None:
        """Kill a queued or sending fax job; it ends ``failed``."""
        self._check_started()
        self._cancel_fax(_require_id("job", job))

    def fax_jobs(self, queue: str = "send") -> list[FaxJob]:
        """The fax server's ``send`` queue (waiting / sending) or ``done`` queue."""
        self._check_started()
        if queue not in FAX_QUEUES:
            raise InvalidArgument(f"queue must be one of {', '.join(FAX_QUEUES)}, got {queue!r}")
        return self._fax_jobs(queue)

    # --- diagnostics --------------------------------------------------------------------

    def boards(self) -> list[Board]:
        self._check_started()
        return self._boards()

    def trunks(self) -> list[Trunk]:
        self._check_started()
        return self._trunks()

    def channels(self) -> list[Channel]:
        self._check_started()
        return self._channels()

    def links(self) -> list[Link]:
        self._check_started()
        return self._links()

    def self_test(self, board: str) -> str:
        """Run a board's self-test; the result arrives as a ``TestCompleted`` event."""
        self._check_started()
        return self._self_test(_require_id("board", board))

    def loopback_test(self, channel: str) -> str:
        """Place a loopback test call on a channel; the result arrives as an event."""
        self._check_started()
        return self._loopback_test(_require_id("channel", channel))

    def reset(self, target: str) -> None:
        """复位: restart a channel or a board; calls on it are cut, rehearsed faults cleared."""
        self._check_started()
        self._reset(_require_id("target", target))

    def set_in_service(
        self, target: str, in_service: bool, *, reason: str = "", by: str = ""
    ) -> None:
        """停用 / 启用 a channel, trunk or board: out of service it takes no new calls."""
        self._check_started()
        _require_id("target", target)
        if not isinstance(in_service, bool):
            raise InvalidArgument(f"in_service must be true or false, got {in_service!r}")
        if not in_service and not (isinstance(reason, str) and reason.strip()):
            raise InvalidArgument("taking equipment out of service needs a reason")
        self._set_in_service(target, in_service, reason, by)

    def inject_fault(self, kind: str, target: str = "", **params: Any) -> None:
        """Rehearse a fault (``link_drop``, ``board_failure``, ``stuck_channel``,
        ``event_delay``, ``line_noise``) or ``clear`` them; real hardware refuses."""
        self._check_started()
        if kind not in FAULT_KINDS:
            known = ", ".join(sorted(FAULT_KINDS))
            raise InvalidArgument(f"unknown fault {kind!r} (known: {known})")
        if not isinstance(target, str):
            raise InvalidArgument(f"a fault's target must be a string, got {target!r}")
        unknown = sorted(map(str, set(params) - set(FAULT_PARAMS)))
        if unknown:
            known = ", ".join(sorted(FAULT_PARAMS))
            raise InvalidArgument(
                f"unknown fault parameter(s) {', '.join(unknown)} (known: {known})"
            )
        checked = {
            name: float(check_number(name, value, high=FAULT_PARAMS[name], unit="seconds"))
            for name, value in params.items()
        }
        self._inject_fault(kind, target, checked)

    def continue_history(self, stored: StoredCalls) -> None:
        """Before :meth:`start`: how to read what history already holds.

        A real switch's history is simply real, so this does nothing; the emulator, whose
        day is a function of its seed, overrides it so that a restart continues the day
        instead of replaying it into history again (docs/emulator.md, "Restarts").
        """
        if self._started:
            raise AdapterError("continue_history() must come before start()")


    # --- blacklist ------------------------------------------------------------------------

    def set_call_screen(self, screen: CallScreen | None) -> bool:
        """Check every arriving inbound call with ``screen`` (the blacklist) before routing.

        A switch that can block in itself (``_set_call_screen`` returns True) applies the
        action there and reports ``CallScreened``; for any other switch this class does it
        on the events it polls: ``CallScreened`` after the arrival, the call released at
        once through :meth:`_force_release`, and its end reported ``blocked``. Returns
        whether the switch itself applies it.
        """
        in_switch = bool(self._set_call_screen(screen))
        self._screen_here = None if in_switch else screen
        return in_switch

    def _screen_events(self, events: list[Event], screen: CallScreen) -> list[Event]:
        out: list[Event] = []
        released = self._released_here
        for e in events:
            if type(e) is CallEnded and e.call in released:
                del released[e.call]
                out.append(CallEnded(e.t, e.call, CallOutcome.BLOCKED))
                continue
            out.append(e)
            if type(e) is not CallArrived or e.direction is not Direction.INBOUND:
                continue
            found = screen(e.caller, e.t)
            if found is None:
                continue
            out.append(CallScreened(e.t, e.call, found.number, found.entry,
                                    found.action.value, found.reason, in_switch=False))
            if found.action.blocks:
                released[e.call] = found
                try:
                    self._force_release(e.call, "blacklist", found.reason or "blacklist")
                except AdapterError as exc:
                    released.pop(e.call, None)
                    log.warning("could not release blacklisted call %s: %s", e.call, exc)
        return out

    # --- helpers ------------------------------------------------------------------------

    def _check_started(self) -> None:
        if not self.started:
            raise AdapterNotStarted(f"adapter {self.name or type(self).__name__} is not started")

    # --- hooks: each adapter fills these ------------------------------------------------

    @abstractmethod
    def _start(self) -> Inventory: ...

    def _shutdown(self) -> None:  # noqa: B027 - optional hook
        pass

    @abstractmethod
    def _poll(self, timeout: float, max_events: int) -> list[Event]: ...

    @abstractmethod
    def _now(self) -> float: ...

    @abstractmethod
    def _login(self, agent: str, state: AgentState) -> None: ...

    @abstractmethod
    def _set_state(
        self, agent: str, state: AgentState, reason: str, forced: bool, by: str
    ) -> None: ...

    @abstractmethod
    def _set_skills(self, agent: str, skills: dict[str, int]) -> None: ...

    @abstractmethod
    def _join_call(self, call: str, supervisor: str, how: Participation) -> None: ...

    @abstractmethod
    def _leave_call(self, call: str, supervisor: str) -> None: ...

    @abstractmethod
    def _force_release(self, call: str, by: str, reason: str) -> None: ...

    @abstractmethod
    def _transfer(self, call: str, to_agent: str | None, to_queue: str | None) -> None: ...

    @abstractmethod
    def _originate(self, number: str, announcement: str, caller_id: str) -> str: ...

    def _load_flow(self, name: str, flow: Flow) -> None:
        raise UnsupportedOperation(f"{self.name}: running IVR flows is not supported")

    def _start_recording(self, call: str, supervisor: str) -> None:
        raise UnsupportedOperation(f"{self.name}: recording while monitoring is not supported")

    def _cancel_logout(self, agent: str, reason: str, by: str) -> None:
        raise UnsupportedOperation(f"{self.name}: cancelling a pending sign-out is not supported")

    def _load_ivr_flow(self, name: str, flow: dict[str, Any]) -> None:
        raise UnsupportedOperation(f"{self.name}: loading IVR flows is not supported")

    def _test_prompt(self, channel: str, prompt: str) -> str:
        raise UnsupportedOperation(f"{self.name}: prompt test-play is not supported")

    def _send_fax(self, number: str, document: str, pages: int, resolution: str) -> str:
        raise UnsupportedOperation(f"{self.name}: this switch has no fax board")

    def _fax_status(self, job: str) -> FaxJob:
        raise UnsupportedOperation(f"{self.name}: this switch has no fax board")

    def _cancel_fax(self, job: str) -> None:
        raise UnsupportedOperation(f"{self.name}: cancelling fax jobs is not supported")

    def _fax_jobs(self, queue: str) -> list[FaxJob]:
        raise UnsupportedOperation(f"{self.name}: listing fax queues is not supported")

    @abstractmethod
    def _boards(self) -> list[Board]: ...

    @abstractmethod
    def _trunks(self) -> list[Trunk]: ...

    @abstractmethod
    def _channels(self) -> list[Channel]: ...

    @abstractmethod
    def _links(self) -> list[Link]: ...

    @abstractmethod
    def _self_test(self, board: str) -> str: ...

    @abstractmethod
    def _loopback_test(self, channel: str) -> str: ...

    def _set_call_screen(self, screen: CallScreen | None) -> bool:
        """Install the blacklist look-up in the switch; False: the switch cannot block."""
        return False

    def _reset(self, target: str) -> None:
        raise UnsupportedOperation(f"{self.name}: resetting channels or boards is not supported")

    def _set_in_service(self, target: str, in_service: bool, reason: str, by: str) -> None:
        raise UnsupportedOperation(
            f"{self.name}: taking equipment out of service is not supported")

    def _inject_fault(self, kind: str, target: str, params: dict[str, Any]) -> None:
        raise UnsupportedOperation(
            f"{self.name}: fault rehearsal runs on the emulator only, not on a real switch")
