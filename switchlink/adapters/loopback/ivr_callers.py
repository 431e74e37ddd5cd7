"""The scenario's ``[ivr]`` flow and how simulated callers behave in it (``[ivr.callers]``).

Without ``flow`` the emulator keeps its simple IVR stage (a time in the IVR drawn from
``duration``, then a queue chosen by the line's ``choices``), so M/M/c scenarios stay exact.
With ``flow`` every call on a line with ``choices`` runs the flow on an IVR channel, and the
callers press keys with the probabilities given per node (docs/emulator.md "IVR flows").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ivr.bundled import FlowRefused, flow_path, load_checked
from ivr.model import Flow
from switchlink.adapters.loopback.distributions import Distribution, parse_distribution
from switchlink.adapters.loopback.reader import TableReader, key_text

#: in a ``keys`` row: the caller hangs up at this menu instead of pressing a key
HANG_UP = "hangup"
CALLER_FIELDS = {"think_time", "lookup_time", "hangup", "invalid", "silent", "dial_ahead",
                 "lookup_fail", "survey_share", "callback", "vip_level", "keys"}


def uniform(low: float, high: float) -> Distribution:
    return parse_distribution({"kind": "uniform", "low": low, "high": high})


@dataclass(frozen=True, slots=True)
class IvrCallers:
    """A loaded, linted flow and the simulated callers' habits in it."""

    flow: Flow
    #: the flow's id: its bundled name or file stem (``ivr/<id>`` live key, ``ctl ivr``)
    name: str = ""
    #: seconds from the end of a prompt to the caller's key
    think_time: Distribution = field(default_factory=lambda: uniform(1.0, 4.0))
    #: seconds a back-end takes to answer a look-up
    lookup_time: Distribution = field(default_factory=lambda: uniform(0.5, 3.0))
    #: at each prompt that waits for a key: hang up / press a wrong key / press nothing
    hangup: float = 0.02
    invalid: float = 0.04
    silent: float = 0.03
    #: types the next choice before the prompt ends (and the next menu's too)
    dial_ahead: float = 0.15
    #: a look-up the back-end never answers (the flow's time-out path)
    lookup_fail: float = 0.02
    #: answered calls the agent hands to the flow's ``survey`` entry afterwards
    survey_share: float = 0.3
    #: callers who, hearing the busy prompt in a queue, ask for a callback (where offered)
    callback: float = 0.1
    #: the flow's customer level of a VIP caller (others are level 1)
    vip_level: int = 3
    #: node -> ((key, probability), …) — keys of menus, language menus and survey answers;
    #: the key ``hangup`` is the caller hanging up there (done with self-service)
    keys: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)


def parse_ivr_section(ivr: TableReader, queue_ids: set[str], source: str) -> IvrCallers | None:
    """Read ``[ivr]``'s ``flow`` and ``[ivr.callers]``; None without a flow."""
    ivr.check_keys({"duration", "flow", "callers"})
    if not ivr.has("flow"):
        if ivr.has("callers"):
            ivr.fail("callers", "caller habits need a 'flow' to run in")
        return None
    name = ivr.str("flow")
    base = Path(source).parent if source and Path(source).is_file() else None
    try:
        path = flow_path(name, base)
        flow, _warnings = load_checked(path, name)
    except FlowRefused as exc:
        ivr.fail("flow", str(exc))
    for node in flow.nodes.values():
        if node.type == "transfer" and node.get("queue") not in queue_ids:
            ivr.fail("flow", f"flow node {node.id} transfers to queue {node.get('queue')!r}, "
                             f"which the scenario does not have (queues: "
                             f"{', '.join(sorted(queue_ids))})")
    c = ivr.child("callers") if ivr.has("callers") else TableReader(source, "ivr.callers", {})
    c.check_keys(CALLER_FIELDS)
    keys: dict[str, tuple[tuple[str, float], ...]] = {}
    if c.has("keys"):
        table = c.child("keys")
        for node_id in table.table:
            node = flow.nodes.get(node_id)
            if node is None or node.type not in ("menu", "language", "survey"):
                table.fail(node_id, f"{key_text(node_id)} is no menu, language menu or survey "
                                    f"of flow {flow.name!r}")
            probs = table.probabilities(node_id, None, "key")
            for key in probs:
                if key != HANG_UP and (key not in "0123456789*#" or len(key) != 1):
                    table.child(node_id).fail(key, "expected one phone key (0-9, *, #) or "
                                                   f"{HANG_UP!r}")
            keys[node_id] = tuple(probs.items())
    defaults = IvrCallers(flow)
    return IvrCallers(
        flow=flow,
        name=path.stem,
        think_time=c.dist("think_time", defaults.think_time),
        lookup_time=c.dist("lookup_time", defaults.lookup_time),
        hangup=c.num("hangup", defaults.hangup, low=0.0, high=1.0),
        invalid=c.num("invalid", defaults.invalid, low=0.0, high=1.0),
        silent=c.num("silent", defaults.silent, low=0.0, high=1.0),
        dial_ahead=c.num("dial_ahead", defaults.dial_ahead, low=0.0, high=1.0),
        lookup_fail=c.num("lookup_fail", defaults.lookup_fail, low=0.0, high=1.0),
        survey_share=c.num("survey_share", defaults.survey_share, low=0.0, high=1.0),
        callback=c.num("callback", defaults.callback, low=0.0, high=1.0),
        vip_level=c.int("vip_level", defaults.vip_level, low=0),
        keys=keys,
    )
