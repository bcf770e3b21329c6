"""Gap analysis: how ready a person is for each role, which skills are missing and why.

Pure functions over the knowledge base and a mapping of skill levels; no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from careerplanner.knowledge.model import (
    MAX_LEVEL,
    MIN_LEVEL,
    OUR_READING,
    OUR_SUGGESTION,
    CategoryId,
    KnowledgeBase,
    Requirement,
    Role,
    RoleId,
    Skill,
    SkillId,
    SourceId,
    Weight,
)

#: How much a requirement counts in readiness. Core skills count twice as much as secondary ones,
#: the same emphasis the sources give them ("core stack" vs "secondary but expected").
WEIGHT_POINTS: Mapping[Weight, int] = {Weight.CORE: 2, Weight.SECONDARY: 1}
#: Order for "most important first": core before secondary.
WEIGHT_RANK: Mapping[Weight, int] = {Weight.CORE: 0, Weight.SECONDARY: 1}


@dataclass(frozen=True)
class SkillGap:
    """One skill below what a role requires, with the hours it typically takes to close."""

    skill: SkillId
    name: str
    category: CategoryId
    current: int
    required: int
    weight: Weight
    hours: int  # our estimate, like the levels
    explanation: str
    #: The article that names the skill for the role, or "ours" (the requirement is ours).
    source: SourceId | None = None


@dataclass(frozen=True)
class CategoryScore:
    """Required vs current level for one category of a role (mean over its requirements)."""

    category: CategoryId
    name: str
    required: float
    current: float  # mean of min(current, required): being above the bar does not count extra


@dataclass(frozen=True)
class RoleGap:
    role: RoleId
    name: str
    readiness: float  # 0..1
    gaps: tuple[SkillGap, ...]  # only skills below the requirement, most important first
    categories: tuple[CategoryScore, ...]

    @property
    def hours(self) -> int:
        """Typical hours to close every gap."""
        return sum(gap.hours for gap in self.gaps)

    @property
    def ready(self) -> bool:
        return not self.gaps


def normalise_levels(kb: KnowledgeBase, levels: Mapping[str, int]) -> dict[SkillId, int]:
    """Levels keyed by skill id. Keys may be ids, names or aliases; unknown keys and levels
    outside 0-4 raise ``ValueError`` (the command line checks files earlier, with nicer words)."""
    result: dict[SkillId, int] = {}
    for key, level in levels.items():
        try:
            skill_id = kb.skill(key).id  # the common case, and a plain dict look-up
        except KeyError:
            skill = kb.find_skill(key)
            if skill is None:
                raise ValueError(f"unknown skill {key!r}") from None
            skill_id = skill.id
        if isinstance(level, bool) or not isinstance(level, int):
            raise ValueError(f"level for {key!r} must be a whole number, got {level!r}")
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise ValueError(f"level for {key!r} must be {MIN_LEVEL}-{MAX_LEVEL}, got {level}")
        result[skill_id] = level
    return result


def resolve_role(kb: KnowledgeBase, role: RoleId | str) -> Role:
    """The role with this id or name; ``ValueError`` naming the closest roles otherwise."""
    found = kb.find_role(role)
    if found is None:
        closest = kb.closest_role_names(role)
        hint = f"; did you mean {', '.join(closest)}?" if closest else ""
        raise ValueError(f"unknown role {role!r}{hint}")
    return found


def analyse_role(kb: KnowledgeBase, role: RoleId | str, levels: Mapping[str, int]) -> RoleGap:
    """Readiness for one role, its gaps most important first, and the per-category picture.

    Readiness is the share of the role's learning effort the person already has: for each
    requirement, the typical hours from 0 to the level they have (capped at the required
    level) over the hours from 0 to the required level, core requirements counting twice as
    much as secondary ones. Higher levels take more hours, so being one level short of the
    top costs more than one level short at the bottom, and readiness moves the way the plan's
    months do. (For a software engineer and AI Engineer this gives about 60%, the figure one
    source gives.)
    """
    return _analyse(kb, resolve_role(kb, role), normalise_levels(kb, levels))


def analyse_all(kb: KnowledgeBase, levels: Mapping[str, int]) -> tuple[RoleGap, ...]:
    """Every target role, best-ready first; ties go to the role with fewer hours to close,
    then to the role id, so the order never depends on the data files' order."""
    normalised = normalise_levels(kb, levels)
    results = [_analyse(kb, role, normalised) for role in kb.target_roles]
    return tuple(sorted(results, key=lambda g: (-round(g.readiness, 9), g.hours, g.role)))


def readiness_scorer(kb: KnowledgeBase, role: RoleId | str) -> Callable[[Mapping[str, int]], float]:
    """``analyse_role(kb, role, levels).readiness`` as a function of the levels (skill ids), with
    each requirement's effort worked out once: for scoring many sets of levels against one role
    (readiness over time, the plan's expected readiness)."""
    found = resolve_role(kb, role)
    # Each requirement's points times the hours had at each level: the very products
    # ``_analyse`` adds, added in the same order, to the same float.
    table: list[tuple[str, tuple[int, ...]]] = []
    total = 0.0
    for requirement in found.requirements:
        if requirement.level <= MIN_LEVEL:
            continue  # as in ``_analyse``
        points = WEIGHT_POINTS[requirement.weight]
        skill = kb.skill(requirement.skill)
        efforts = [_effort(skill, requirement, level) for level in range(MIN_LEVEL, MAX_LEVEL + 1)]
        total += points * efforts[0][0]
        table.append((skill.id, tuple(points * have for _full, have in efforts)))

    def readiness(levels: Mapping[str, int]) -> float:
        earned = 0.0
        for skill, earned_at in table:
            level = levels.get(skill, 0)
            if not MIN_LEVEL <= level <= MAX_LEVEL:
                level = min(max(level, MIN_LEVEL), MAX_LEVEL)
            earned += earned_at[level - MIN_LEVEL]
        return earned / total if total else 1.0

    return readiness


def _effort(skill: Skill, requirement: Requirement, current: int) -> tuple[int, int]:
    """(the requirement's hours from level 0, the hours of them a person at ``current`` has,
    capped at the required level): the one measure of readiness. Levels instead of hours
    where a skill has no effort figures."""
    full = skill.hours_between(MIN_LEVEL, requirement.level)
    have = skill.hours_between(MIN_LEVEL, min(current, requirement.level))
    if not full:  # no effort figures for this skill: count levels instead
        return requirement.level, min(current, requirement.level)
    return full, have


def _analyse(kb: KnowledgeBase, role: Role, levels: Mapping[SkillId, int]) -> RoleGap:
    earned = total = 0.0
    gaps: list[SkillGap] = []
    per_category: dict[CategoryId, list[tuple[int, int]]] = {}
    for requirement in role.requirements:
        if requirement.level <= MIN_LEVEL:
            continue  # a requirement of 0 asks for nothing
        skill = kb.skill(requirement.skill)
        current = levels.get(skill.id, 0)
        points = WEIGHT_POINTS[requirement.weight]
        full, have = _effort(skill, requirement, current)
        total += points * full
        earned += points * have
        per_category.setdefault(skill.category, []).append(
            (requirement.level, min(current, requirement.level))
        )
        if current < requirement.level:
            gaps.append(
                SkillGap(
                    skill=skill.id,
                    name=skill.name,
                    category=skill.category,
                    current=current,
                    required=requirement.level,
                    weight=requirement.weight,
                    hours=skill.hours_between(current, requirement.level),
                    explanation=(
                        f"{role.name} needs {skill.name} at {requirement.level} "
                        f"({requirement_basis(kb, requirement)}), you have {current}; "
                        f"{requirement.weight.value} skill."
                    ),
                    source=requirement.source,
                )
            )
    # Most important first: core before secondary, then the biggest shortfall, then the
    # most hours, then the id for a stable order.
    gaps.sort(key=lambda g: (WEIGHT_RANK[g.weight], g.current - g.required, -g.hours, g.skill))
    return RoleGap(
        role=role.id,
        name=role.name,
        readiness=earned / total if total else 1.0,
        gaps=tuple(gaps),
        categories=_category_scores(kb, per_category),
    )


def requirement_basis(kb: KnowledgeBase, requirement: Requirement) -> str:
    """Whose a required level is, said the same way wherever one is shown: "our reading of
    ClarUp" (the article names the skill; the level and weight are ours), or "our suggestion"
    (no article names it for the role)."""
    if requirement.is_ours:
        return OUR_SUGGESTION
    source = kb.source(requirement.source)
    return f"{OUR_READING} of {source.short or source.publisher}"


def _category_scores(
    kb: KnowledgeBase, per_category: Mapping[CategoryId, list[tuple[int, int]]]
) -> tuple[CategoryScore, ...]:
    names = {c.id: c.name for c in kb.categories}
    order = {c.id: i for i, c in enumerate(kb.categories)}
    scores = []
    for category in sorted(per_category, key=lambda c: (order.get(c, len(order)), c)):
        pairs = per_category[category]
        scores.append(
            CategoryScore(
                category=category,
                name=names.get(category, category),
                required=sum(r for r, _ in pairs) / len(pairs),
                current=sum(c for _, c in pairs) / len(pairs),
            )
        )
    return tuple(scores)


def gaps_to_dict(gaps: Iterable[RoleGap]) -> dict:
    """The ``careerplanner gap --format json`` document: roles in the order given."""
    return {
        "roles": [
            {
                "id": g.role,
                "name": g.name,
                "readiness": round(g.readiness, 4),
                "hours": g.hours,
                "gaps": [
                    {
                        "skill": s.skill,
                        "name": s.name,
                        "category": s.category,
                        "current": s.current,
                        "required": s.required,
                        "weight": s.weight.value,
                        "hours": s.hours,
                        "explanation": s.explanation,
                        "source": s.source,
                    }
                    for s in g.gaps
                ],
                "categories": [
                    {
                        "id": c.category,
                        "name": c.name,
                        "required": round(c.required, 4),
                        "current": round(c.current, 4),
                    }
                    for c in g.categories
                ],
            }
            for g in gaps
        ]
    }
