"""How long every role would take: for each target role, the very plan the Plan page (or
``plan --to ROLE``) would build for it from the same levels, background and hours. The Gap and
Compare pages and ``gap --hours`` all read it from here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from careerplanner.core.plan import Plan, PlanRequest
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.snapshot import plan_request


def every_role_plan(
    kb: KnowledgeBase,
    build: Callable[[PlanRequest], Plan],
    *,
    levels: Mapping[str, int],
    background: str,
    hours_per_week: float | None,
    start: date,
    set_aside: frozenset[str] = frozenset(),
    today: date | None,
) -> dict[str, Plan | None]:
    """role id -> its plan, for every target role; None where no plan can be made (hours a
    week outside the limits, or a plan that would run past a century)."""
    plans: dict[str, Plan | None] = {}
    for role in kb.target_roles:
        request = plan_request(
            levels=levels,
            background=background,
            target=role.id,
            hours_per_week=hours_per_week,
            start=start,
            set_aside=set_aside,
            today=today,
        )
        try:
            plans[role.id] = build(request)
        except ValueError:
            plans[role.id] = None
    return plans


def months_by_role(plans: Mapping[str, Plan | None]) -> dict[str, int | None]:
    return {role: plan.total_months if plan else None for role, plan in plans.items()}
