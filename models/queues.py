"""Skill groups and their queues (排队等待), with their service-level targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.calls import CustomerLevel

#: S0 §5: answered within 15 s; S2: 85 % of calls.
DEFAULT_SL_THRESHOLD_S = 15.0
DEFAULT_SL_TARGET = 0.85


@dataclass(slots=True)
class SkillGroup:
    """A skill group and the queue in front of it."""

    id: str
    name: str
    sl_threshold_s: float = DEFAULT_SL_THRESHOLD_S
    sl_target: float = DEFAULT_SL_TARGET
    #: 排队长度: callers beyond it hear "busy"; ``None`` means unlimited
    max_length: int | None = None
    #: higher numbers are served first within the queue
    level_priority: dict[CustomerLevel, int] = field(
        default_factory=lambda: {CustomerLevel.VIP: 10, CustomerLevel.NORMAL: 0}
    )

    def priority_of(self, level: CustomerLevel) -> int:
        return self.level_priority.get(level, 0)
