"""Teams, agents, skill groups and agent skills: the floor's standing organisation."""

from __future__ import annotations

from sqlalchemy import delete, select

from models.agents import Agent
from models.persistence.convert import InvalidQuery, to_domain
from models.persistence.database import Database
from models.persistence.schema import AgentRow, AgentSkillRow, SkillGroupRow, TeamRow
from models.queues import SkillGroup


class OrganisationRepository:
    """Save and load the organisation the switch inventory describes."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save_team(self, team_id: str, name: str, leader: str = "") -> None:
        with self.db.begin() as s:
            s.merge(TeamRow(id=team_id, name=name, leader=leader))

    def save_skill_group(self, group: SkillGroup) -> None:
        with self.db.begin() as s:
            s.merge(
                SkillGroupRow(
                    id=group.id, name=group.name, sl_threshold_s=group.sl_threshold_s,
                    sl_target=group.sl_target, max_length=group.max_length,
                )
            )

    def save_agent(self, agent: Agent) -> None:
        """Store an agent with its skills (replacing the old ones); its team must exist."""
        for group, level in agent.skills.items():
            if not 1 <= level <= 10:
                raise InvalidQuery(f"agent {agent.work_number}: skill {group} level {level} "
                                   "is outside 1..10")
        with self.db.begin() as s:
            if agent.team and s.get(TeamRow, agent.team) is None:
                s.add(TeamRow(id=agent.team, name=agent.team, leader=""))
            s.merge(
                AgentRow(work_number=agent.work_number, name=agent.name,
                         team_id=agent.team or None)
            )
            s.execute(delete(AgentSkillRow).where(AgentSkillRow.work_number == agent.work_number))
            for group, level in agent.skills.items():
                if s.get(SkillGroupRow, group) is None:
                    raise InvalidQuery(
                        f"agent {agent.work_number}: unknown skill group {group!r}"
                    )
                s.add(AgentSkillRow(work_number=agent.work_number, skill_group_id=group,
                                    level=level))

    def skill_groups(self) -> list[SkillGroup]:
        with self.db.read() as s:
            rows = s.scalars(select(SkillGroupRow).order_by(SkillGroupRow.id))
            return [to_domain(SkillGroup, r) for r in rows]

    def agents(self) -> list[Agent]:
        """Agents with their skills (live state is the switch's, not stored)."""
        with self.db.read() as s:
            skills: dict[str, dict[str, int]] = {}
            for row in s.scalars(select(AgentSkillRow)):
                skills.setdefault(row.work_number, {})[row.skill_group_id] = row.level
            return [
                Agent(work_number=r.work_number, name=r.name, team=r.team_id or "",
                      skills=skills.get(r.work_number, {}))
                for r in s.scalars(select(AgentRow).order_by(AgentRow.work_number))
            ]
