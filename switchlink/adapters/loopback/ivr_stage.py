"""Flows on the emulator's IVR channels: simulated callers driving :mod:`ivr` sessions.

Each call on a line through the IVR gets an IVR channel and a session of the scenario's flow
(``[ivr] flow``); the session says what to play and what to wait for, this mixin times it —
prompts at the speaking rate of their text, keys after a think time, look-ups after a back-end
delay — and plays the caller, who presses keys with the scenario's per-node probabilities,
types ahead, presses wrong keys, stays silent or hangs up (ivr_callers.py). What leaves the
flow goes on as before: a queue (with the IVR trail), a hang-up, an outside number.

A reloaded flow (``load_flow``) serves new calls; a session keeps the Flow it started with,
so callers in the old flow finish it. Timers carry the session's tokens: a stale one is
ignored by the session, never searched for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ivr import events as iv
from ivr.entry import id_check_character
from ivr.model import Flow
from ivr.speech import units
from models.calls import CallOutcome, CallPhase, CustomerLevel
from models.events import CallIvrStep, CallIvrTrail, CallTransferred, SurveyAnswered
from switchlink.adapters.errors import InvalidOperation
from switchlink.adapters.loopback.entities import SimCall
from switchlink.adapters.loopback.ivr_callers import HANG_UP

if TYPE_CHECKING:
    from switchlink.adapters.loopback.ivr_callers import IvrCallers
    from switchlink.adapters.loopback.simulation import Simulation

#: speaking rate the emulator plays prompts at (middle of 150–180 a minute, 130–160 words)
ZH_PER_S, WORDS_PER_S = 165.0 / 60.0, 145.0 / 60.0
#: survey answers of a question without a ``[ivr.callers.keys]`` row
DEFAULT_SURVEY = (("1", 0.6), ("2", 0.25), ("3", 0.15))
#: the keys a caller types per second when entering a number
TYPING_S = 0.35
_PLAY_CACHE_MAX = 4096
QUEUED, IVR, ENDED = CallPhase.QUEUED, CallPhase.IVR, CallPhase.ENDED


class IvrCall:
    """One caller's session on the switch: its flow, where the audio is, what was reported."""

    __slots__ = ("audio_at", "call", "flow", "node", "prompt_at", "served", "session",
                 "surveyed")

    def __init__(self, call: SimCall, session: Any, flow: str) -> None:
        self.call, self.session, self.flow = call, session, flow
        self.audio_at = self.prompt_at = 0.0
        self.node = ""
        self.surveyed = 0
        #: the caller chose to hang up (done with self-service), not gave up
        self.served = False


class IvrStageMixin:
    """Runs the scenario's flow for :class:`Simulation` (only when the scenario declares one)."""

    def _init_ivr_stage(self: Simulation) -> None:
        spec: IvrCallers | None = self.scenario.ivr_callers
        self.ivr_callers = spec
        #: flow id -> the Flow new calls start in (the scenario's, or one loaded later)
        self.flows: dict[str, Flow] = {}
        self.flow_id = ""
        self.ivr_calls: dict[str, IvrCall] = {}
        #: sends a fax for the IVR (``fax.send_bill``): this emulator's fax board unless the
        #: composite adapter routes it to another fax adapter (HylaFAX)
        self.fax_sender: Callable[[str, str, int], str] | None = None
        self._play_s: dict[str, float] = {}
        if spec is None:
            return
        self.flow_id = spec.name
        self.flows[spec.name] = spec.flow
        rng = self.rng
        self._think = spec.think_time.sampler(rng)
        self._lookup_s = spec.lookup_time.sampler(rng)

    def load_flow(self: Simulation, name: str, flow: Flow) -> None:
        """New calls on the IVR lines start in ``flow``; sessions keep the flow they began in.

        On a scenario without a flow this replaces the simple IVR stage, with the default
        caller habits (every option equally likely).
        """
        from switchlink.adapters.loopback.ivr_callers import IvrCallers
        missing = sorted({n.get("queue") for n in flow.nodes.values()
                          if n.type == "transfer" and n.get("queue") not in self.queues})
        if missing:
            raise InvalidOperation(f"flow {name} transfers to queue(s) {', '.join(missing)}, "
                                   f"which this switch does not have (queues: "
                                   f"{', '.join(sorted(self.queues))})")
        if self.ivr_callers is None:
            self.ivr_callers = IvrCallers(flow, name)
            self._think = self.ivr_callers.think_time.sampler(self.rng)
            self._lookup_s = self.ivr_callers.lookup_time.sampler(self.rng)
        self.flows[name] = flow
        self.flow_id = name

    # --- starting and feeding sessions ----------------------------------------------------

    def current_flow(self: Simulation, flow_id: str) -> Flow:
        """The flow new calls start in; an emergency notice past its ``until`` is dropped."""
        flow = self.flows[flow_id]
        notice = flow.emergency
        if notice and notice.get("until") is not None and self.now >= notice["until"]:
            flow = self.flows[flow_id] = flow.with_emergency(None)
        return flow

    def start_flow(self: Simulation, call: SimCall, entry: str | None = None) -> None:
        spec = self.ivr_callers
        assert spec is not None
        flow = self.current_flow(self.flow_id)
        level = spec.vip_level if call.level is CustomerLevel.VIP else 1
        session = flow.start(call.caller, level, entry=entry,
                             variables={"dialled": call.callee, "number": call.caller})
        ic = IvrCall(call, session, self.flow_id)
        self.ivr_calls[call.id] = ic
        self._ivr_apply(ic, session.begin())

    def _ivr_feed(self: Simulation, arg: tuple[IvrCall, Any]) -> None:
        ic, event = arg
        session, call = ic.session, ic.call
        if session.done:
            return
        if call.phase is ENDED:
            self._ivr_close(ic)
            return
        if session.phase == "queued" and call.phase is not QUEUED:
            self._ivr_close(ic)  # answered (or put through) before the busy prompt
            return
        self._ivr_apply(ic, session.feed(event))

    def ivr_left(self: Simulation, call: SimCall) -> None:
        """The call rings an agent or ends: a session still waiting in a queue is over."""
        ic = self.ivr_calls.get(call.id)
        if ic is not None and (ic.session.phase == "queued" or call.phase is ENDED):
            self._ivr_close(ic)

    def _ivr_close(self: Simulation, ic: IvrCall) -> None:
        """The caller left the flow for good: the session ends without further actions."""
        if not ic.session.done:
            ic.session.feed(iv.AgentAnswered() if ic.session.phase == "queued"
                            else iv.CallerHungUp())
        self.ivr_calls.pop(ic.call.id, None)

    def _ivr_apply(self: Simulation, ic: IvrCall, actions: list[Any]) -> None:
        session, call, now = ic.session, ic.call, self.now
        if session.node != ic.node:
            ic.node = session.node
            self.emit(CallIvrStep(now, call.id, ic.node, ic.flow))
        if len(session.survey) > ic.surveyed:
            for question, answer in list(session.survey.items())[ic.surveyed:]:
                self.emit(SurveyAnswered(now, call.id, ic.flow, question, answer))
            ic.surveyed = len(session.survey)
        for action in actions:
            kind = type(action)
            if kind is iv.Play:
                self._ivr_play(ic, action)
            elif kind is iv.WaitInput:
                self._caller_acts(ic, action)
            elif kind is iv.StartTimer:
                self.schedule(now + action.seconds, self._ivr_feed, (ic, iv.Timeout(action.token)))
            elif kind is iv.Lookup:
                self._ivr_lookup(ic, action)
            elif kind is iv.Enqueue:
                self._ivr_transfer(ic, action.trail, self.queues[action.queue])
            elif kind is iv.ConnectAgent:
                self._ivr_transfer(ic, action.trail, self._queue_of_agent(action.agent))
            elif kind is iv.Connect:
                self.emit(CallIvrStep(now, call.id, f"connect:{action.number}", ic.flow))
            elif kind is iv.LeaveQueue:
                self._leave_queue(ic)
            elif kind is iv.Finish:
                self._ivr_finish(ic, action.outcome)
        if session.phase == "queued" and (call.phase is not QUEUED
                                          or session.flow.nodes[session.node].get(
                                              "busy_prompt") is None):
            self._ivr_close(ic)  # nothing more will happen in the flow for this caller

    def _leave_queue(self: Simulation, ic: IvrCall) -> None:
        """``*`` in the queue: back to self-service on an IVR channel (or, with none free,
        the caller is told the line is busy and the call ends)."""
        call = ic.call
        if call.phase is not QUEUED:
            return
        self.dequeue(call)
        call.phase = IVR
        if self.take_ivr_channel(call) is None:
            ic.session.feed(iv.CallerHungUp())
            self.ivr_calls.pop(call.id, None)
            self.end_call(call, CallOutcome.BUSY)

    def _ivr_play(self: Simulation, ic: IvrCall, play: iv.Play) -> None:
        seconds = self._play_s.get(play.text)
        if seconds is None:
            rate = ZH_PER_S if play.language.startswith("zh") else WORDS_PER_S
            seconds = max(0.5, units(play.text, play.language) / rate)
            if len(self._play_s) < _PLAY_CACHE_MAX:
                self._play_s[play.text] = seconds
        start = max(self.now, ic.audio_at)
        ic.prompt_at, ic.audio_at = start, start + seconds
        self.schedule(ic.audio_at, self._ivr_feed, (ic, iv.PlayDone(play.token)))
        session = ic.session
        if session.phase == "queued" and session.flow.nodes[session.node].get("callback") \
                and self.rng.random() < self.ivr_callers.callback:
            self.schedule(ic.audio_at + self._think(), self._ivr_feed, (ic, iv.Key("1")))

    # --- the simulated caller -------------------------------------------------------------

    def _caller_acts(self: Simulation, ic: IvrCall, wait: iv.WaitInput) -> None:
        """Decide now what the caller does at this prompt, and schedule that one thing."""
        spec, rng = self.ivr_callers, self.rng
        end = max(self.now, ic.audio_at)
        u = rng.random()
        if u < spec.hangup:
            self.schedule(end + self._think(), self._ivr_feed, (ic, iv.CallerHungUp()))
            return
        keys = None if u < spec.hangup + spec.silent else self._caller_keys(ic)
        if keys == HANG_UP:
            ic.served = True
            self.schedule(end + self._think(), self._ivr_feed, (ic, iv.CallerHungUp()))
            return
        if not keys:
            self.schedule(end + wait.seconds, self._ivr_feed, (ic, iv.Timeout(wait.token)))
            return
        if ic.prompt_at < end and rng.random() < spec.dial_ahead:
            at = rng.uniform(ic.prompt_at, end)  # typed while the prompt still plays
        else:
            at = end + self._think() + TYPING_S * (len(keys) - 1)
        if at > end + wait.seconds:
            self.schedule(end + wait.seconds, self._ivr_feed, (ic, iv.Timeout(wait.token)))
        else:
            self.schedule(at, self._ivr_feed, (ic, iv.Key(keys)))

    def _caller_keys(self: Simulation, ic: IvrCall) -> str:
        session, spec, rng = ic.session, self.ivr_callers, self.rng
        node = session.flow.nodes[session.node]
        kind = node.type
        wrong = rng.random() < spec.invalid
        if kind in ("menu", "language"):
            options = node.get("options") or {}
            if wrong:
                free = [k for k in "12345678" if k not in options]
                return rng.choice(free) if free else ""
            key = self._weighted(spec.keys.get(node.id) or [(k, 1.0) for k in options])
            target = options.get(key)
            if key == HANG_UP:
                return key
            nxt = session.flow.nodes.get(node.get("next") if kind == "language" else target)
            if nxt is not None and nxt.type == "menu" and rng.random() < spec.dial_ahead:
                ahead = self._weighted(spec.keys.get(nxt.id)
                                       or [(k, 1.0) for k in nxt.get("options") or {}])
                key += "" if ahead == HANG_UP else ahead
            return key
        if kind == "survey":
            question = node.get("questions")[session._question]
            if wrong:
                return "8"
            table = spec.keys.get(node.id) or DEFAULT_SURVEY
            return self._weighted([(k, p) for k, p in table if k in question["answers"]]
                                  or [(k, 1.0) for k in question["answers"]])
        if kind == "verify":
            n = node.get("max_digits", 6)
            return "12" if wrong else "".join(rng.choice("0123456789") for _ in range(n))
        if kind == "collect":
            return "12#" if wrong else self._entry(node)
        return ""

    def _entry(self: Simulation, node: Any) -> str:
        """A valid entry for a collect node, ended the way its kind ends."""
        rng, kind = self.rng, node.get("kind")
        digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
        if kind == "phone":
            return "1" + rng.choice("3456789") + digits(9)  # a mobile ends itself at 11
        if kind == "year":
            return str(rng.randint(int(node.get("min") or 1950), int(node.get("max") or 2005)))
        if kind == "amount":
            low, high = float(node.get("min") or 1), float(node.get("max") or 500)
            value = rng.uniform(low, min(high, low + 500))
            return f"{int(value)}*{int(value * 100) % 100:02d}#"
        if kind == "id":
            first = f"110101{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}" \
                    f"{rng.randint(1, 28):02d}{digits(3)}"
            check = id_check_character(first)
            return first + ("*" if check == "X" else check)
        low, high = node.get("min_digits", 6), node.get("max_digits", 6)
        n = rng.randint(low, high)
        value = digits(n)
        if node.get("min") is not None or node.get("max") is not None:
            lo, hi = int(node.get("min") or 0), int(node.get("max") or 10 ** n - 1)
            value = str(rng.randint(lo, hi))
            n = len(value)
        return value if n >= high else value + "#"

    def _weighted(self: Simulation, table: Any) -> str:
        total = sum(p for _, p in table)
        u = self.rng.random() * total
        for key, p in table:
            u -= p
            if u < 0:
                return key
        return table[-1][0]

    # --- back-ends, transfers, the end ----------------------------------------------------

    def _ivr_lookup(self: Simulation, ic: IvrCall, lookup: iv.Lookup) -> None:
        rng = self.rng
        if rng.random() < self.ivr_callers.lookup_fail:
            return  # the back-end never answers: the session's time-out takes over
        values: dict[str, Any] = {}
        outcome = "ok"
        if lookup.service == "fax.send_bill":
            number = str(lookup.args.get("fax") or lookup.args.get("number") or "")
            send = self.fax_sender or self.send_fax
            try:
                values["fax_job"] = send(number, f"bill for {lookup.args.get('number', '')}", 2)
            except Exception as exc:  # the fax adapter refused: the flow's on_fail path
                outcome, values = "failed", {"error": str(exc)}
        else:
            node = ic.session.flow.nodes[ic.session.node]
            routes = list(node.get("routes") or ())
            if node.type == "verify":
                outcome = "ok" if rng.random() < 0.9 else "wrong"
            elif routes and rng.random() < 0.15:
                outcome = rng.choice(routes)
            values = {"balance": f"{rng.uniform(0, 300):.2f}",
                      "amount": f"{rng.uniform(20, 400):.2f}",
                      "paid": f"{rng.uniform(20, 400):.2f}",
                      "ticket": f"GZ{rng.randrange(10 ** 7):07d}",
                      "new_number": f"8{rng.randrange(10 ** 7):07d}",
                      "votes": str(rng.randrange(100, 100_000)),
                      "long_distance": "已开通"}
        delay = min(self._lookup_s(), lookup.timeout_s * 2)
        self.schedule(self.now + delay, self._ivr_feed,
                      (ic, iv.LookupResult(lookup.token, outcome, values)))

    def _queue_of_agent(self: Simulation, work_number: str) -> Any:
        """The emulator routes a transfer to one agent through that agent's first skill."""
        agent = self.agents.get(work_number)
        for qid in (agent.skills if agent is not None else ()):
            if qid in self.queues:
                return self.queues[qid]
        return next(iter(self.queues.values()))

    def _ivr_transfer(self: Simulation, ic: IvrCall, trail: iv.Trail, queue: Any) -> None:
        call = ic.call
        self.emit(CallIvrTrail(self.now, call.id, ic.flow, tuple(str(s) for s in trail.steps),
                               trail.position))
        self.free_channel(call)
        self._route(call, queue)

    def _ivr_finish(self: Simulation, ic: IvrCall, outcome: iv.Outcome) -> None:
        self.ivr_calls.pop(ic.call.id, None)
        call = ic.call
        if outcome.kind in ("queue", "agent") or call.phase is ENDED:
            return
        if outcome.kind == "abandoned" and not ic.served:
            if call.phase is QUEUED:
                self.dequeue(call)
            self.end_call(call, CallOutcome.ANSWERED if call.answered else CallOutcome.ABANDONED)
        else:  # hangup, connect, callback, return: the call leaves the centre from the IVR
            if call.phase is QUEUED:
                self.dequeue(call)
            self.end_call(call, CallOutcome.ANSWERED if call.answered
                          else CallOutcome.SELF_SERVICE)

    def survey_after_call(self: Simulation, call: SimCall) -> bool:
        """The agent hands an answered caller to the flow's survey (``survey_share`` of them)."""
        spec = self.ivr_callers
        flow = self.flows.get(self.flow_id)
        if (flow is None or "survey" not in flow.entries or call.queue is None
                or call.agent is None or self.rng.random() >= spec.survey_share):
            return False
        if self.take_ivr_channel(call) is None:
            return False
        agent = call.agent
        self.emit(CallTransferred(self.now, call.id, agent.id, None, None))
        call.step += 1
        call.phase = IVR
        self.release_agent(agent, talked=True)
        self.start_flow(call, entry="survey")
        return True
