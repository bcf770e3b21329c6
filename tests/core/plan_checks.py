"""What every plan must satisfy, whatever its inputs; shared by the property tests."""

from __future__ import annotations

import calendar

from careerplanner.core.gap import normalise_levels, resolve_role
from careerplanner.core.plan import Plan, PlanRequest
from careerplanner.core.schedule import PREREQUISITE_LEVEL
from careerplanner.knowledge.model import KnowledgeBase


def assert_valid_plan(kb: KnowledgeBase, request: PlanRequest, plan: Plan) -> None:
    assert plan.total_months >= 1
    start = request.start.replace(day=1)
    for n, month in enumerate(plan.months):
        # Contiguous months, each starting on the 1st.
        months_since = (month.start.year - start.year) * 12 + month.start.month - start.month
        assert month.index == n + 1 and month.start.day == 1 and months_since == n
        days = calendar.monthrange(month.start.year, month.start.month)[1]
        assert month.end.day == days
        # Never over-full (hours are rounded to 0.01 for display).
        assert month.hours <= plan.hours_per_week * days / 7 + 0.01
        assert month.activities and month.milestone
    levels = normalise_levels(kb, request.levels)
    for item in request.done_items:
        kind, *rest = item.split(":")
        if kind == "skill":
            skill, level = rest
            levels[skill] = max(levels.get(skill, 0), int(level))
    # Prerequisites are at level 2 before a dependent reaches a level above 1.
    for month in plan.months:
        for item in month.items:
            if item.kind != "skill":
                continue
            _, skill_id, level = item.id.split(":")
            assert int(level) == levels.get(skill_id, 0) + 1, "levels are reached one at a time"
            if int(level) >= PREREQUISITE_LEVEL:
                for prerequisite in kb.skill(skill_id).prerequisites:
                    assert levels.get(prerequisite, 0) >= PREREQUISITE_LEVEL, (
                        f"{prerequisite} must reach 2 before {skill_id} reaches {level}"
                    )
            levels[skill_id] = int(level)
    # Every requirement of the target is met at the end.
    for requirement in resolve_role(kb, request.target).requirements:
        assert levels.get(requirement.skill, 0) >= requirement.level, requirement.skill
    assert plan.ready == (not any(s for m in plan.months for s in m.skills))
