"""The month-by-month plan from a background to a target role, built from the gaps and the
pivot path the sources describe. Pure: the same request always gives the same plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from careerplanner.core import limits
from careerplanner.core import months as month_text
from careerplanner.core.gap import gaps_to_dict, normalise_levels, resolve_role
from careerplanner.core.plan_model import (
    ItemKind,
    Plan,
    PlanItem,
    PlanMonth,
    PlanRequest,
    Practice,
    SkillStep,
    parse_skill_item,
    skill_item_id,
)
from careerplanner.core.schedule import PREREQUISITE_LEVEL, order_steps, pack, plan_targets
from careerplanner.knowledge.model import (
    MAX_LEVEL,
    KnowledgeBase,
    PivotPath,
    Role,
    SkillId,
)

__all__ = [
    "ItemKind",
    "Plan",
    "PlanItem",
    "PlanMonth",
    "PlanRequest",
    "Practice",
    "SkillStep",
    "build_plan",
    "choose_path",
    "gaps_to_dict",  # lives in core.gap; re-exported beside plan_to_dict for the GUI
    "plan_to_dict",
    "skill_item_id",
]

#: Weekly hours when neither the user nor a pivot path gives any.
DEFAULT_WEEKLY_HOURS = 10.0


def build_plan(kb: KnowledgeBase, request: PlanRequest) -> Plan:
    """Plan the months from ``request.start`` until the target's requirements are met.

    Raises ``ValueError`` for an unknown role or skill, a level outside 0-4, or hours per week
    outside ``limits.HOURS_PER_WEEK``.
    """
    target = resolve_role(kb, request.target)
    background = resolve_role(kb, request.background)
    levels = _levels_after_done(kb, normalise_levels(kb, request.levels), request.done_items)
    targets, ranks, added = plan_targets(kb, target, levels)
    path, direct = choose_path(kb, background, target, targets, levels)
    hours, hours_source = _weekly_hours(request.hours_per_week, path if direct else None)
    start = request.start.replace(day=1)
    # Only a plan that starts this month loses the days already gone; a plan under way since
    # an earlier month keeps every month whole (its current month was planned in full).
    today = request.today if request.today and request.today.replace(day=1) == start else None
    starter = starter_path(kb, background, path)
    phased = path
    keys: tuple[str, ...] = ()
    if starter is not None and path is not None:
        # The sources' plan for someone starting out comes first, then the target's path.
        phased = dataclasses.replace(path, phases=starter.phases + path.phases)
        keys = (
            *(f"{starter.id}:{n}" for n in range(1, len(starter.phases) + 1)),
            *(f"{path.id}:{n}" for n in range(1, len(path.phases) + 1)),
        )
    context = month_text.Context(kb, target, phased, request.done_items, keys)
    months: tuple[PlanMonth, ...]
    if not targets:
        months = (month_text.ready_month(context, start, hours, today),)
    else:
        steps = order_steps(kb, phased, levels, targets, ranks)
        months = month_text.build_months(context, pack(steps, start, hours, today))
    claims = path.claims if path and direct else ()
    plan = Plan(
        from_role=background.id,
        to_role=target.id,
        hours_per_week=hours,
        hours_source=hours_source,
        path=path.id if path else None,
        path_is_direct=direct,
        duration_min=min(c.min_months for c in claims) if claims else None,
        duration_max=max(c.max_months for c in claims) if claims else None,
        duration_claims=claims,
        months=months,
        ready=not targets,
        notes=(),
    )
    notes = _notes(kb, plan, background, target, path, starter, added, request)
    return dataclasses.replace(plan, notes=notes)


def choose_path(
    kb: KnowledgeBase,
    background: Role,
    target: Role,
    targets: Mapping[SkillId, int],
    levels: Mapping[SkillId, int],
) -> tuple[PivotPath | None, bool]:
    """The path from the background to the target if the sources describe one (direct).

    Otherwise the closest. Among paths to the same target, the one from the background whose
    typical levels are nearest the user's (its steps assume what they know). With no path to
    the target, the one whose phases name most of the hours to plan, then one from the same
    background, then the nearest background. The path id breaks the last ties.
    """
    direct = kb.path_between(background.id, target.id)
    if direct is not None:
        return direct, True
    if not kb.paths:
        return None, False
    hours = {s: kb.skill(s).hours_between(levels.get(s, 0), t) for s, t in targets.items()}

    def closeness(path: PivotPath) -> tuple:
        named = {s for phase in path.phases for s in phase.skills}
        covered = sum(h for s, h in hours.items() if s in named)
        typical = kb.role(path.from_role).typical_levels if path.from_role else {}
        distance = sum(abs(levels.get(s, 0) - typical.get(s, 0)) for s in {*levels, *typical})
        same_target = path.to_role == target.id
        return (
            not same_target,
            distance if same_target else 0,
            -covered,
            path.from_role != background.id,
            distance,
            path.id,
        )

    return min(kb.paths, key=closeness), False


def starter_path(kb: KnowledgeBase, background: Role, path: PivotPath | None) -> PivotPath | None:
    """The sources' starter plan for this background (a path from it with no target), when the
    plan borrows another path: its phases go first. None otherwise."""
    if path is None or path.from_role == background.id:
        return None
    return next(
        (p for p in kb.paths if p.from_role == background.id and p.to_role is None and p.phases),
        None,
    )


def _weekly_hours(requested: float | None, path: PivotPath | None) -> tuple[float, str]:
    """The user's hours, else the direct path's documented ones, else the default. A borrowed
    path's hours are tuned to its own sources' durations, so they say nothing of this move."""
    if requested is None:
        if path is None:
            return DEFAULT_WEEKLY_HOURS, "default"
        return float(path.weekly_hours), "path"
    hours = float(requested)
    if not limits.HOURS_PER_WEEK.contains(hours):
        raise ValueError(
            f"hours per week must be {limits.HOURS_PER_WEEK.describe()}, got {requested}"
        )
    return hours, "user"


def _levels_after_done(
    kb: KnowledgeBase, levels: dict[SkillId, int], done: frozenset[str]
) -> dict[SkillId, int]:
    """A done ``skill:<id>:<level>`` item means that level is reached."""
    for item in done:
        parsed = parse_skill_item(item)
        if parsed is None:
            continue
        skill_id, level = parsed
        try:
            skill = kb.skill(skill_id)
        except KeyError:
            continue  # an item of a skill the knowledge base no longer has
        reached = min(level, MAX_LEVEL)
        if reached > levels.get(skill.id, 0):
            levels[skill.id] = reached
    return levels


def _notes(
    kb: KnowledgeBase,
    plan: Plan,
    background: Role,
    target: Role,
    path: PivotPath | None,
    starter: PivotPath | None,
    added: Mapping[SkillId, SkillId],
    request: PlanRequest,
) -> tuple[str, ...]:
    notes = []
    if plan.ready:
        notes.append(
            f"Your levels already meet every {target.name} requirement: "
            "the plan is portfolio and interview preparation."
        )
    if path is None:
        notes.append("No pivot path in the knowledge base; months follow prerequisites and weight.")
    elif starter is not None and not plan.ready:
        notes.append(
            f"No source describes {background.name} -> {target.name}. The plan starts with the "
            f"sources' starter plan ({starter.name}: "
            f"{', '.join(phase.name for phase in starter.phases)}); then the phases of the "
            f"closest path ({path.name}) are borrowed. The starter plan's months cover only its "
            "own phases; no source gives a duration for the whole move."
        )
    elif not plan.path_is_direct and not plan.ready:
        notes.append(
            f"No source describes {background.name} -> {target.name}; the phases of the closest "
            f"path ({path.name}) are borrowed, and no source gives a duration for this move."
        )
    if path is not None and plan.path_is_direct and not path.claims and path.duration_note:
        notes.append(path.duration_note)
    if plan.hours_source == "path" and path is not None:
        notes.append(
            f"{_hours(plan.hours_per_week)} hours a week, the pace documented for {path.name}: "
            f"{path.weekly_hours_rationale}"
        )
    elif plan.hours_source == "default":
        notes.append(
            f"{_hours(plan.hours_per_week)} hours a week, a default: no source gives a pace for "
            "this move. Set your own hours."
        )
    if plan.duration_claims and path is not None and not plan.ready:
        said = "; ".join(
            f"{_months(c.min_months, c.max_months)} ({kb.source(c.source).publisher}"
            + (f", {c.note}" if c.note else "")
            + ")"
            for c in plan.duration_claims
        )
        verb = "disagree" if len(plan.duration_claims) > 1 else "say"
        notes.append(
            f"This plan takes {count(plan.total_months, 'month')} at "
            f"{_hours(plan.hours_per_week)} "
            f"hours a week; the sources {verb}: {said}, at about {path.weekly_hours} hours a week."
        )
    for prerequisite, dependent in sorted(added.items()):
        requirement = target.requirement_for(prerequisite)
        asks = f"asks for {requirement.level}" if requirement else "does not list it"
        notes.append(
            f"{kb.skill(prerequisite).name} is planned to level {PREREQUISITE_LEVEL} although "
            f"{target.name} {asks}: {kb.skill(dependent).name} builds on it."
        )
    done = sum(1 for item in request.done_items if item.partition(":")[0] in _ITEM_KINDS)
    if done:
        they = "it is" if done == 1 else "they are"
        notes.append(f"Continues from {count(done, 'finished item')}; {they} not planned again.")
    return tuple(notes)


_ITEM_KINDS = {kind.value for kind in ItemKind}


def _hours(value: float) -> str:
    return f"{value:g}"


def _months(low: float, high: float) -> str:
    return count(low, "month") if low == high else f"{low:g}-{high:g} months"


def count(number: float, noun: str) -> str:
    """ "1 month", "2 months", "0.5 months": the noun is singular only for exactly one."""
    return f"{number:g} {noun}" + ("" if number == 1 else "s")


def plan_to_dict(plan: Plan) -> dict:
    """The ``careerplanner plan --format json`` document (PRODUCT.md), plus ready, notes,
    hours_source, path and each month's end, items and sources."""
    return {
        "from": plan.from_role,
        "to": plan.to_role,
        "hours_per_week": plan.hours_per_week,
        "hours_source": plan.hours_source,
        "total_months": plan.total_months,
        "duration_range": {
            "min": plan.duration_min,
            "max": plan.duration_max,
            "sources": list(dict.fromkeys(c.source for c in plan.duration_claims)),
            "claims": [
                {"min": c.min_months, "max": c.max_months, "source": c.source, "note": c.note}
                for c in plan.duration_claims
            ],
        },
        "path": plan.path,
        "path_is_direct": plan.path_is_direct,
        "ready": plan.ready,
        "notes": list(plan.notes),
        "months": [
            {
                "index": m.index,
                "start": m.start.isoformat(),
                "end": m.end.isoformat(),
                "hours": m.hours,
                "skills": [
                    {
                        "id": s.skill,
                        "name": s.name,
                        "from_level": s.from_level,
                        "to_level": s.to_level,
                        "hours": s.hours,
                        "completes": s.completes,
                    }
                    for s in m.skills
                ],
                "activities": list(m.activities),
                "practice": [
                    {"skill": p.skill, "text": p.text, "continues": p.continues} for p in m.practice
                ],
                "milestone": m.milestone,
                "items": [_item_to_dict(i) for i in m.items],
                "sources": list(m.sources),
            }
            for m in plan.months
        ],
    }


def _item_to_dict(item: PlanItem) -> dict:
    found: dict = {"id": item.id, "kind": item.kind.value, "text": item.text}
    if item.skill is not None:
        found.update(skill=item.skill, level=item.level)
    return found
