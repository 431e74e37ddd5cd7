"""Commands sent without waiting: each answer becomes an :class:`Outcome` in a callback.

A selection goes as one ``agents.bulk`` (one round trip, one audit entry per agent on the
daemon); a switchlink without it answers ``unknown_command`` and the selection goes as one
command per agent instead, with the same result list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from console.screens.wallboard.control.results import Outcome
from console.screens.wallboard.control.table import BULK, BY_NAME, STATE_ARG

#: how long a bulk request may take before "no answer": the daemon works through a bulk
#: in steps between its other duties (heartbeats, publishing), so at 60x on a loaded machine
#: 500 agents took longer than the client's default 5 s and read as "link down" for all
BULK_TIMEOUT_S = 10.0
BULK_PER_AGENT_S = 0.02

Done = Callable[[Outcome], None]
AllDone = Callable[[list[Outcome]], None]


def agent_args(name: str, agent: str, values: dict[str, Any]) -> dict[str, Any]:
    """The single-agent command's arguments for action ``name``."""
    args = {"agent": agent, **values}
    if name in STATE_ARG:
        args["state"] = STATE_ARG[name]
    return args


def send(client: Any, command: str, args: dict[str, Any], target: str, then: Done) -> None:
    def ok(reply: Any) -> None:
        pending = bool(reply.get("pending")) if isinstance(reply, dict) else False
        then(Outcome(target, True, pending))

    def refused(err: Any) -> None:
        then(
            Outcome(
                target,
                False,
                code=str(getattr(err, "code", "error")),
                message=str(getattr(err, "message", err)),
            )
        )

    client.command(command, args, on_success=ok, on_failure=refused)


def send_each(client: Any, items: list[tuple[str, dict[str, Any], str]], then: AllDone) -> None:
    """(command, args, target) each; ``then`` once every answer is in, in request order."""
    outcomes: dict[int, Outcome] = {}

    def collect(i: int, outcome: Outcome) -> None:
        outcomes[i] = outcome
        if len(outcomes) == len(items):
            then([outcomes[k] for k in range(len(items))])

    for i, (command, args, target) in enumerate(items):
        send(client, command, args, target, lambda o, i=i: collect(i, o))


def send_bulk(
    client: Any, name: str, agents: list[str], values: dict[str, Any], then: AllDone
) -> None:
    """``agents.bulk`` for action ``name`` (ready / not_ready / logout / cancel_logout)."""

    def done(reply: Any) -> None:
        results = reply.get("results", []) if isinstance(reply, dict) else []
        then(
            [
                Outcome(
                    str(r.get("agent")),
                    bool(r.get("ok")),
                    bool(r.get("pending")),
                    str(r.get("code") or ""),
                    str(r.get("message") or ""),
                )
                for r in results
            ]
        )

    def failed(err: Any) -> None:
        code = str(getattr(err, "code", "error"))
        if code == "unknown_command":  # an older switchlink: one command per agent
            command = BY_NAME[name].command
            send_each(client, [(command, agent_args(name, a, values), a) for a in agents], then)
            return
        message = str(getattr(err, "message", err))
        then([Outcome(a, False, code=code, message=message) for a in agents])

    client.command(
        "agents.bulk",
        {"agents": agents, "action": BULK[name], **values},
        on_success=done,
        on_failure=failed,
        timeout=BULK_TIMEOUT_S + BULK_PER_AGENT_S * len(agents),
    )
