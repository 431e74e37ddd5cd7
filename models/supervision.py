"""Supervisor control rules (issue 12): not-ready reason codes, team scope, bulk requests.

No I/O: switchlink reads the configured reason codes and the agents' teams and asks these
rules; the console shows the same codes with their labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReasonCode:
    """A not-ready reason (示忙原因) the switch shows: a short code and its labels."""

    code: str
    zh: str
    en: str


DEFAULT_NOT_READY_REASONS: tuple[ReasonCode, ...] = (
    ReasonCode("break", "小休", "Break"),
    ReasonCode("meal", "用餐", "Meal"),
    ReasonCode("meeting", "会议", "Meeting"),
    ReasonCode("training", "培训", "Training"),
    ReasonCode("coaching", "辅导", "Coaching"),
    ReasonCode("other", "其他", "Other"),
)
#: at most this many reason codes; each code at most this long
MAX_REASON_CODES = 64
MAX_CODE_LEN = 32


def parse_reason_codes(raw: object, where: str = "not_ready_reasons") -> tuple[ReasonCode, ...]:
    """The configured list (``[{code, zh, en}, ...]``), or ValueError saying what is wrong."""
    if not isinstance(raw, list | tuple) or not 1 <= len(raw) <= MAX_REASON_CODES:
        raise ValueError(f"{where} must be a list of 1..{MAX_REASON_CODES} tables "
                         "{code, zh, en}")
    out: list[ReasonCode] = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or set(item) - {"code", "zh", "en"}:
            raise ValueError(f"{where} #{i}: a table with code, zh and en (no other keys)")
        code = item.get("code")
        if not isinstance(code, str) or not code.isascii() or not code.strip() or (
            len(code) > MAX_CODE_LEN or any(c.isspace() for c in code)
        ):
            raise ValueError(f"{where} #{i}: code must be a short ASCII word, got {code!r}")
        labels = [item.get(k, code) for k in ("zh", "en")]
        if not all(isinstance(v, str) and v.strip() for v in labels):
            raise ValueError(f"{where} #{i} ({code}): zh and en must be non-empty text")
        if any(r.code == code for r in out):
            raise ValueError(f"{where}: code {code!r} is listed twice")
        out.append(ReasonCode(code, labels[0], labels[1]))
    return tuple(out)


def team_refusal(agent: str, agent_team: str, teams: Sequence[str]) -> str | None:
    """Why a user limited to ``teams`` may not act on ``agent`` (None: they may).

    An empty ``teams`` means no limit. The message names the agent's team and the user's.
    """
    if not teams or agent_team in teams:
        return None
    theirs = agent_team or "no team"
    return f"agent {agent} is in team {theirs}, not one of your teams ({', '.join(teams)})"


def unique_agents(agents: Iterable[object], limit: int) -> list[str]:
    """The agent ids of a bulk request, checked: strings, 1..limit, no duplicates."""
    ids = list(agents) if isinstance(agents, list | tuple) else None
    if ids is None or not 1 <= len(ids) <= limit:
        raise ValueError(f"argument 'agents' must be a list of 1..{limit} agent ids")
    if not all(isinstance(a, str) and a.strip() and len(a) <= 64 for a in ids):
        raise ValueError("argument 'agents' must hold agent ids (non-empty strings)")
    seen: set[str] = set()
    for a in ids:
        if a in seen:
            raise ValueError(f"agent {a} is listed twice")
        seen.add(a)
    return ids  # type: ignore[return-value]
