"""The plan's value types: a request, and the months, steps and items a plan is made of.
``careerplanner.core.plan`` re-exports them; they live here so the month builder can use them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careerplanner.knowledge.model import DurationClaim, PathId, RoleId, SkillId, SourceId


def _this_month() -> date:
    return date.today().replace(day=1)


@dataclass(frozen=True)
class PlanRequest:
    levels: Mapping[str, int]
    background: RoleId | str
    target: RoleId | str
    hours_per_week: float | None = None  # None: the path's documented weekly hours
    #: The plan's first month; a date inside a month means that month (months start on the 1st).
    start: date = field(default_factory=_this_month)
    #: Ids of plan items already done: a new plan continues without repeating them.
    done_items: frozenset[str] = frozenset()
    #: The day the plan is made. When the plan starts in its month, the first month holds
    #: only the days left (today included); None counts every month in full.
    today: date | None = None


@dataclass(frozen=True)
class SkillStep:
    """A skill moved in one month: from its level at the month's start towards ``to_level``;
    ``completes`` is False when that level is only reached in a later month."""

    skill: SkillId
    name: str
    from_level: int
    to_level: int
    hours: float
    completes: bool = True


class ItemKind(StrEnum):
    SKILL = "skill"  # reach a level of a skill
    ACTIVITY = "activity"  # a step the sources name, interview preparation, a portfolio piece
    MILESTONE = "milestone"  # something to show for a phase, or for the whole plan


@dataclass(frozen=True)
class PlanItem:
    """Something to tick off. The id names the work, not the month, so it survives re-plans:
    ``skill:<skill>:<level>``, ``activity:<path>:<phase>:<n>``, ``milestone:<path>:<phase>``,
    ``activity:<role>:interview``, ``activity:<role>:portfolio:<n>``, ``milestone:<role>:ready``.
    A skill item also carries its skill and the level it reaches, so nothing parses the id.
    """

    id: str
    kind: ItemKind
    text: str
    skill: SkillId | None = None
    level: int | None = None
    #: The article a step or milestone comes from, or OURS (its text then says "our
    #: suggestion"); None for skill steps, whose levels are always our reading.
    source: SourceId | None = None

    @classmethod
    def skill_step(cls, skill: SkillId, name: str, level: int) -> PlanItem:
        return cls(
            skill_item_id(skill, level), ItemKind.SKILL, f"{name} to level {level}", skill, level
        )


def skill_item_id(skill: str, level: int) -> str:
    """The id of the item "reach ``level`` in ``skill``", as stored with the user's ticks."""
    return f"skill:{skill}:{level}"


def parse_skill_item(item_id: str) -> tuple[str, int] | None:
    """(skill id, level) of a stored skill item's id; None for any other item."""
    kind, _, rest = item_id.partition(":")
    skill, _, level = rest.rpartition(":")
    if kind != ItemKind.SKILL or not skill or not level.isdigit():
        return None
    return skill, int(level)


@dataclass(frozen=True)
class Practice:
    """What to practise for a skill in a month, until its level description is true."""

    skill: SkillId
    text: str
    #: The skill is still under way when the month ends (its level is reached later).
    continues: bool


@dataclass(frozen=True)
class PlanMonth:
    index: int  # 1-based
    start: date
    end: date
    hours: float
    skills: tuple[SkillStep, ...]
    milestone: str
    items: tuple[PlanItem, ...]
    sources: tuple[SourceId, ...]
    practice: tuple[Practice, ...] = ()

    @property
    def activities(self) -> tuple[str, ...]:
        """What to do this month, in words: the activities to tick, then what to practise."""
        return (
            *(item.text for item in self.items if item.kind == ItemKind.ACTIVITY),
            *(p.text for p in self.practice),
        )


@dataclass(frozen=True)
class ClaimPace:
    """One source's duration for the move beside our reading of the pace it implies, and how
    long this plan (the user's own levels, start and done items) takes at that pace."""

    source: SourceId
    min_months: float
    max_months: float
    note: str
    #: Our reading of the weekly hours the claim implies; None when no sensible pace does.
    weekly_hours: int | None
    rationale: str  # why that pace, or why none: always ours
    #: Months this plan takes at ``weekly_hours`` (None when there is no such pace).
    months: int | None


@dataclass(frozen=True)
class Plan:
    from_role: RoleId
    to_role: RoleId
    hours_per_week: float
    hours_source: str  # "user", "path", or "default" when there is no path at all
    path: PathId | None
    path_is_direct: bool  # False when the closest path's phases were borrowed
    duration_min: float | None
    duration_max: float | None
    duration_claims: tuple[DurationClaim, ...]
    months: tuple[PlanMonth, ...]
    ready: bool  # the levels already meet the target: the plan is portfolio and interviews
    notes: tuple[str, ...]
    #: Per duration claim: its months, our reading of its pace, and this plan's months at it.
    claim_paces: tuple[ClaimPace, ...] = ()

    @property
    def total_months(self) -> int:
        return len(self.months)

    @property
    def hours(self) -> float:
        return sum(m.hours for m in self.months)
