"""The agent grid model: one row per agent, with a proxy that filters by team and skill."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from console.common.table_model import ID_ROLE, SORT_ROLE, Index, MirrorTableModel
from console.screens.wallboard import floor
from console.screens.wallboard.control.table import mark_words

_C = "AgentGridModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("AgentGridModel", "Work number"),
    QT_TRANSLATE_NOOP("AgentGridModel", "Name"),
    QT_TRANSLATE_NOOP("AgentGridModel", "Team"),
    QT_TRANSLATE_NOOP("AgentGridModel", "State"),
    QT_TRANSLATE_NOOP("AgentGridModel", "Time in state"),
)
WORK_NUMBER, NAME, TEAM, STATE, SINCE = range(5)

STATE_ROLE = Qt.ItemDataRole.UserRole + 10
SINCE_ROLE = Qt.ItemDataRole.UserRole + 11
NAME_ROLE = Qt.ItemDataRole.UserRole + 12
STALE_ROLE = Qt.ItemDataRole.UserRole + 13
REASON_ROLE = Qt.ItemDataRole.UserRole + 14
#: everything a grid cell paints, in one call: (work number, name, state, since, stale)
CELL_ROLE = Qt.ItemDataRole.UserRole + 15
#: a supervisor's mark on the cell, or None: (kind, who) with kind "pending" (sign-out booked
#: during a call), "monitored" (who: the supervisors on the call) or "forced" (who forced it)
MARK_ROLE = Qt.ItemDataRole.UserRole + 16

_GREY = QColor("#808080")


class AgentGridModel(MirrorTableModel):
    """Rows follow ``agent/<work_number>``; a grid delegate paints column 0 from the roles.

    State and time in state come from ``metrics/agent/<work_number>`` when the daemon's
    metrics publish it: that key is published in the same tick as ``metrics/center`` and
    ``metrics/queue/*``, so the grid, the tiles and the queue table show one moment. Read
    from ``agent/`` (published per event, up to a tick ahead) the grid disagreed with the
    tiles on a busy floor. ``agent/`` still gives name, team and skills (and the state when
    no metrics run).
    """

    context = _C

    prefixes = ("agent/", "metrics/agent/")
    primary = "agent/"

    def __init__(self, mirror: Any, parent: Any = None, clock: Any = time.time) -> None:
        #: time source for "time in state"; the switch clock when the daemon reports one
        self.clock = clock
        self.teams: set[str] = set()
        self.skills: set[str] = set()
        #: agent -> (team, skill groups): what the team / skill filter reads
        self._member: dict[str, tuple[str, frozenset[str]]] = {}
        #: bumped when an agent's team or skill groups change (the filter must run again)
        self.membership_version = 0
        #: agent -> the state its cell paints, and agents per state: kept per frame for the
        #: touched agents only (recounting 5,000 agents for the legend took ~15 ms a frame)
        self._state_of: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        super().__init__(mirror, parent)

    def columns(self) -> list[str]:
        return list(COLUMNS)

    def on_rebuilt(self) -> None:
        self.teams, self.skills = set(), set()
        self._member = {}
        self.membership_version += 1
        self._state_of, self._counts = {}, {}
        self.rows_touched(set(self._ids))

    def rows_touched(self, ids: set[str]) -> None:
        member, state_of, counts = self._member, self._state_of, self._counts
        get = self.mirror.get
        for rid in ids:
            agent = get("agent/" + rid)
            record = get("metrics/agent/" + rid)
            if not (record and record.get("state")):
                record = agent or {}
            state = record.get("state") or "logged_out"
            old = state_of.get(rid)
            if old != state:
                if old is not None:
                    counts[old] -= 1
                counts[state] = counts.get(state, 0) + 1
                state_of[rid] = state
            if agent:
                team = agent.get("team") or ""
                skills = agent.get("skills") or {}
                if team:
                    self.teams.add(team)
                self.skills.update(skills)
                cached = member.get(rid)
                if cached is None or cached[0] != team or cached[1] != skills.keys():
                    member[rid] = (team, frozenset(skills))
                    self.membership_version += 1

    def membership(self, row: int) -> tuple[str, frozenset[str]]:
        """The agent's team and skill groups, as the filter reads them."""
        return self._member.get(self._ids[row], ("", frozenset()))

    def agent(self, row: int) -> dict[str, Any]:
        """The agent as of the metrics tick: ``agent/`` with the tick's state fields."""
        rid = self._ids[row]
        agent = self.mirror.get("agent/" + rid) or {}
        ticked = self.mirror.get("metrics/agent/" + rid)
        if ticked and ticked.get("state"):
            agent = {**agent, "state": ticked["state"],
                     "state_since": ticked.get("state_since"),
                     "reason": ticked.get("reason", agent.get("reason", ""))}
        return agent

    def state_counts(self) -> dict[str, int]:
        """Agents per state, from the same records the cells paint (kept per frame)."""
        return {state: n for state, n in self._counts.items() if n}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row, col = index.row(), index.column()
        if role == ID_ROLE:
            return self._ids[row]
        if role == STALE_ROLE:
            return self.stale
        if role == MARK_ROLE:
            return supervisor_mark(self.mirror, self._ids[row])
        agent = self.agent(row)
        if role == CELL_ROLE:
            name = str(agent.get("name", ""))
            if self._harasser(agent) is not None:  # a warned caller (blacklist 提示/告警)
                name = QCoreApplication.translate("AgentGridModel", "⚠ Harasser") + " " + name
            return (str(agent.get("work_number", self._ids[row])), name,
                    agent.get("state", "logged_out"), float(agent.get("state_since") or 0.0),
                    self.stale)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == WORK_NUMBER:
                return agent.get("work_number", self._ids[row])
            if col == NAME:
                return agent.get("name", "")
            if col == TEAM:
                return agent.get("team", "")
            if col == STATE:
                return floor.state_label(agent.get("state", "logged_out"))
            return floor.fmt_duration(self.clock() - float(agent.get("state_since") or 0))
        if role == STATE_ROLE:
            return agent.get("state", "logged_out")
        if role == SINCE_ROLE:
            return float(agent.get("state_since") or 0.0)
        if role == NAME_ROLE:
            return agent.get("name", "")
        if role == REASON_ROLE:
            return agent.get("reason", "")
        if role == SORT_ROLE:
            return self.data(index) if col != SINCE else float(agent.get("state_since") or 0)
        if role == Qt.ItemDataRole.ForegroundRole and self.stale:
            return _GREY
        if role == Qt.ItemDataRole.BackgroundRole and col == STATE and not self.stale:
            return QColor(floor.STATE_COLOURS.get(agent.get("state", ""), "#455a64"))
        if role == Qt.ItemDataRole.ToolTipRole:
            state = floor.state_label(agent.get("state", "logged_out"))
            reason = agent.get("reason") or ""
            warned = self._harasser(agent)
            tip = "" if warned is None else QCoreApplication.translate(
                "AgentGridModel", "Harassing caller (blacklist): %1").replace("%1", warned)
            mark = supervisor_mark(self.mirror, self._ids[row])
            return f"{agent.get('work_number', '')} {agent.get('name', '')} — {state}" + (
                f" ({reason})" if reason else "") + (f"\n{tip}" if tip else "") \
                + (f"\n{mark_words(*mark)}" if mark else "") + self._ivr_trail(agent)
        return None

    def _ivr_trail(self, agent: dict[str, Any]) -> str:
        """The IVR trail of the agent's call (issue 15): the menu path and the last steps."""
        call_id = agent.get("call_id")
        call = self.mirror.get("call/" + str(call_id)) if call_id else None
        if not call or not call.get("ivr_steps"):
            return ""
        path = " › ".join(call.get("ivr_position") or ())
        steps = "\n  ".join(call["ivr_steps"][-5:])
        return ("\n" + QCoreApplication.translate(_C, "IVR trail: %1").replace("%1", path)
                + "\n  " + steps)

    def _harasser(self, agent: dict[str, Any]) -> str | None:
        """The blacklist reason when the agent's call is from a warned number, else None."""
        call_id = agent.get("call_id")
        call = self.mirror.get("call/" + call_id) if call_id else None
        mark = call.get("blacklist") if call else None
        return str(mark.get("reason") or "") if mark and mark.get("action") == "warn" else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def supervisor_mark(mirror: Any, work_number: str) -> tuple[str, str] | None:
    """What a supervisor did to this agent, as the cell shows it (issue 12): a pending sign-out
    first (it can still be cancelled), then who is listening in, then who forced the state.
    Read from ``agent/`` (per event), not the tick: a supervisor waits for their own action."""
    agent = mirror.get("agent/" + work_number)
    if not agent:
        return None
    if agent.get("pending_logout"):
        return ("pending", str(agent.get("pending_logout_by") or ""))
    call_id = agent.get("call_id")
    call = mirror.get("call/" + str(call_id)) if call_id else None
    if call and call.get("participants"):
        return ("monitored", ", ".join(sorted(call["participants"])))
    if agent.get("forced") and agent.get("forced_by"):  # no name: the switch's own change
        return ("forced", str(agent["forced_by"]))
    return None


class AgentFilterProxy(QSortFilterProxyModel):
    """Shows the agents of one team and/or one skill group; never re-sorts on its own."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self.team = ""
        self.skill = ""
        #: a floor this big shows a group's agents only (chosen in the summary or a filter):
        #: 5,000 cells on one wall are unreadable and 1% of them fit anyway
        self.all_limit = 0

    def wants_choice(self) -> bool:
        model = self.sourceModel()
        return bool(self.all_limit and not (self.team or self.skill) and model is not None
                    and model.rowCount() > self.all_limit)

    def set_filter(self, team: str = "", skill: str = "") -> None:
        if (team, skill) != (self.team, self.skill):
            self.beginFilterChange()
            self.team, self.skill = team, skill
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not (self.team or self.skill):
            return not self.wants_choice()
        model = self.sourceModel()
        if not isinstance(model, AgentGridModel):
            return True
        team, skills = model.membership(source_row)
        if self.team and team != self.team:
            return False
        return not (self.skill and self.skill not in skills)
