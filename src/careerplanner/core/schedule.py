"""Which level steps a plan takes, in which order, and how they fill the months.

Order: prerequisites first, then the pivot path's phase order, then weight (core before
secondary), then level (everything to 1 before anything to 2 within a phase). Months are
filled in whole minutes, so a month is never over-full and more hours never give more months.
"""

from __future__ import annotations

import calendar
import heapq
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from careerplanner.core.gap import WEIGHT_RANK
from careerplanner.knowledge.model import (
    KnowledgeBase,
    PivotPath,
    Role,
    Skill,
    SkillId,
)

#: Before a skill is taken above level 1, each of its prerequisites must be at this level at
#: least: the basics of a skill can be learnt alongside its prerequisites, working knowledge
#: cannot. A prerequisite the role does not ask for is added to the plan up to this level.
PREREQUISITE_LEVEL = 2
#: Rank of a skill the plan adds only because another planned skill needs it.
PREREQUISITE_RANK = len(WEIGHT_RANK)
#: A plan longer than this (a century) is certainly a mistake in the inputs.
MAX_MONTHS = 1200


@dataclass(frozen=True)
class Step:
    """One level step of one skill, e.g. PyTorch 2 -> 3, with where the path puts it."""

    skill: Skill
    from_level: int
    to_level: int
    minutes: int
    phase: int  # index into the path's phases (0 when there is no path)
    rank: int  # 0 core, 1 secondary, 2 prerequisite the role does not ask for
    position: int  # where the phase lists the skill; skills it does not list come after
    #: The order without prerequisites: phase, then rank, then level, then the path's order.
    key: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = (self.phase, self.rank, self.from_level, self.position, self.skill.id)
        object.__setattr__(self, "key", key)  # computed once: the scheduler compares it a lot


@dataclass(frozen=True)
class Piece:
    """The part of a step that falls in one month."""

    step: Step
    minutes: int
    completes: bool  # the step's level is reached in this month


def plan_targets(
    kb: KnowledgeBase, role: Role, levels: Mapping[SkillId, int]
) -> tuple[dict[SkillId, int], dict[SkillId, int], dict[SkillId, SkillId]]:
    """Levels each planned skill must reach, each skill's rank, and for every prerequisite
    planned higher than the role asks (or that it does not ask for), the skill that needs it."""
    targets: dict[SkillId, int] = {}
    ranks: dict[SkillId, int] = {}
    for requirement in role.requirements:
        if requirement.level > levels.get(requirement.skill, 0):
            targets[requirement.skill] = requirement.level
            ranks[requirement.skill] = WEIGHT_RANK[requirement.weight]
    added: dict[SkillId, SkillId] = {}
    pending = sorted(s for s, t in targets.items() if t >= PREREQUISITE_LEVEL)
    while pending:
        dependent = pending.pop()
        for prerequisite in kb.skill(dependent).prerequisites:
            have = max(levels.get(prerequisite, 0), targets.get(prerequisite, 0))
            if have >= PREREQUISITE_LEVEL:
                continue
            # Here the plan goes beyond what the role asks (it asks for less, or nothing).
            targets[prerequisite] = PREREQUISITE_LEVEL
            added.setdefault(prerequisite, dependent)
            if prerequisite not in ranks:
                asked = role.requirement_for(prerequisite)
                ranks[prerequisite] = WEIGHT_RANK[asked.weight] if asked else PREREQUISITE_RANK
            pending.append(prerequisite)  # its own prerequisites now matter too
    return targets, ranks, added


def order_steps(
    kb: KnowledgeBase,
    path: PivotPath | None,
    levels: Mapping[SkillId, int],
    targets: Mapping[SkillId, int],
    ranks: Mapping[SkillId, int],
) -> list[Step]:
    """Every level step from the current to the target level, in the order they are taken."""
    placement = _phase_placement(kb, path, targets)
    steps: dict[tuple[SkillId, int], Step] = {}
    for skill_id in sorted(targets):
        skill = kb.skill(skill_id)
        start = levels.get(skill_id, 0)
        phases, position = placement[skill_id]
        count = targets[skill_id] - start
        for j, level in enumerate(range(start, targets[skill_id])):
            # A skill several phases name is spread over them: early levels in early phases.
            steps[skill_id, level + 1] = Step(
                skill=skill,
                from_level=level,
                to_level=level + 1,
                minutes=skill.hours_per_step[level] * 60,
                phase=phases[j * len(phases) // count],
                rank=ranks[skill_id],
                position=position,
            )
    return _topological(steps, levels)


def _phase_placement(
    kb: KnowledgeBase, path: PivotPath | None, targets: Mapping[SkillId, int]
) -> dict[SkillId, tuple[list[int], int]]:
    """For each planned skill: the phases that take it and its position in them."""
    phases = path.phases if path else ()
    named: dict[SkillId, tuple[list[int], int]] = {}
    first_of_category: dict[str, int] = {}
    for index, phase in enumerate(phases):
        for position, skill_id in enumerate(phase.skills):
            taken_in = named.setdefault(skill_id, ([], position))[0]
            if index not in taken_in:
                taken_in.append(index)
            first_of_category.setdefault(kb.skill(skill_id).category, index)
    last = max((i for i, p in enumerate(phases) if p.skills), default=0)
    placement = {}
    for skill_id in targets:
        if skill_id in named:
            placement[skill_id] = named[skill_id]
        else:
            # Not named by the path: with the first phase on the same kind of skill, else in
            # the last phase that teaches skills, after the skills the phase names.
            category = kb.skill(skill_id).category
            placement[skill_id] = ([first_of_category.get(category, last)], 1000)
    return placement


_StepKey = tuple[SkillId, int]


def _topological(steps: Mapping[_StepKey, Step], levels: Mapping[SkillId, int]) -> list[Step]:
    """Kahn's algorithm with a priority: the earliest-keyed step whose dependencies are done.

    A step's priority is the earliest key of anything waiting on it, so a prerequisite is
    pulled forward to just before the first step that needs it.
    """
    dependents: dict[tuple[SkillId, int], list[tuple[SkillId, int]]] = {k: [] for k in steps}
    waiting: dict[tuple[SkillId, int], int] = dict.fromkeys(steps, 0)
    for (skill_id, to_level), step in steps.items():
        before = (skill_id, to_level - 1)
        if before in steps:
            _edge(dependents, waiting, before, (skill_id, to_level))
        if to_level == max(PREREQUISITE_LEVEL, levels.get(skill_id, 0) + 1):
            # The first step above level 1 waits for each prerequisite to reach level 2.
            for prerequisite in step.skill.prerequisites:
                if (prerequisite, PREREQUISITE_LEVEL) in steps:
                    _edge(
                        dependents,
                        waiting,
                        (prerequisite, PREREQUISITE_LEVEL),
                        (skill_id, to_level),
                    )
    priority: dict[tuple[SkillId, int], tuple] = {}

    def earliest(k: tuple[SkillId, int]) -> tuple:
        if k not in priority:
            priority[k] = steps[k].key  # set first, so a cycle in the data cannot recurse forever
            priority[k] = min([steps[k].key, *(earliest(d) for d in dependents[k])])
        return priority[k]

    for k in steps:
        earliest(k)
    heap = [(priority[k], steps[k].key, k) for k, n in waiting.items() if n == 0]
    heapq.heapify(heap)
    ordered: list[Step] = []
    left = set(steps)
    while left:
        if not heap:
            # A prerequisite cycle in the data: break it at the earliest remaining step.
            k = min(left, key=lambda k: (priority[k], steps[k].key))
            waiting[k] = 0
            heap.append((priority[k], steps[k].key, k))
        _, _, k = heapq.heappop(heap)
        if k not in left:
            continue
        left.discard(k)
        ordered.append(steps[k])
        for d in dependents[k]:
            waiting[d] -= 1
            if waiting[d] == 0 and d in left:
                heapq.heappush(heap, (priority[d], steps[d].key, d))
    return ordered


def _edge(
    dependents: dict[_StepKey, list[_StepKey]],
    waiting: dict[_StepKey, int],
    first: _StepKey,
    then: _StepKey,
) -> None:
    dependents[first].append(then)
    waiting[then] += 1


def month_starts(start: date) -> Iterator[date]:
    year, month = start.year, start.month
    while True:
        yield date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_end(start: date) -> date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def capacity_minutes(start: date, hours_per_week: float, today: date | None = None) -> int:
    """Minutes of work a month holds: hours per week times the month's days / 7. When
    ``today`` falls in that month, only its days from today on (today included) count."""
    days = calendar.monthrange(start.year, start.month)[1]
    if today is not None and (today.year, today.month) == (start.year, start.month):
        days -= today.day - 1
    return max(1, int(hours_per_week * 60 * days / 7))


def pack(
    steps: list[Step], start: date, hours_per_week: float, today: date | None = None
) -> list[tuple[date, list[Piece]]]:
    """Fill months from ``start`` with the steps in order, splitting a step over months when it
    does not fit; no month gets more minutes than its capacity (``today``'s month only from
    today on, and it starts today: each month is given with its first day)."""
    months: list[tuple[date, list[Piece]]] = []
    starts = month_starts(start)
    index = 0
    left = steps[0].minutes if steps else 0
    while index < len(steps):
        if len(months) >= MAX_MONTHS:
            raise ValueError(f"the plan would take more than {MAX_MONTHS} months")
        month = next(starts)
        room = capacity_minutes(month, hours_per_week, today)
        pieces: list[Piece] = []
        while index < len(steps) and (room > 0 or left == 0):
            used = min(room, left)
            room -= used
            left -= used
            pieces.append(Piece(steps[index], used, completes=left == 0))
            if left == 0:
                index += 1
                left = steps[index].minutes if index < len(steps) else 0
        months.append((first_day(month, today), pieces))
    return months


def first_day(month: date, today: date | None) -> date:
    """The first day of the plan in ``month`` (its 1st): today, when the plan starts today."""
    if today is not None and (today.year, today.month) == (month.year, month.month):
        return today
    return month
