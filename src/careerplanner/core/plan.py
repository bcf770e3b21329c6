"""The month-by-month plan from a background to a target role, built from the gaps and the
pivot path the sources describe. Pure: the same request always gives the same plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

from careerplanner.core import limits
from careerplanner.core import months as month_text
from careerplanner.core.gap import gaps_to_dict, normalise_levels, resolve_role
from careerplanner.core.plan_model import (
    ClaimPace,
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
from careerplanner.core.schedule import (
    PREREQUISITE_LEVEL,
    Step,
    order_steps,
    pack,
    plan_targets,
)
from careerplanner.knowledge.model import (
    MAX_LEVEL,
    OUR_READING,
    OUR_SUGGESTION,
    OURS,
    DurationClaim,
    Fact,
    KnowledgeBase,
    PivotPath,
    Role,
    SkillId,
    Track,
)

__all__ = [
    "ClaimPace",
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
    rated = normalise_levels(kb, request.levels)
    levels = _levels_after_done(kb, dict(rated), request.done_items)
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
    track: Track | None = None
    if starter is not None and path is not None:
        # The sources' plan for someone starting out comes first, then the target's path; the
        # target says which of the starter plan's tracks the learner is on.
        phased = dataclasses.replace(path, phases=starter.phases + path.phases)
        keys = (
            *(f"{starter.id}:{n}" for n in range(1, len(starter.phases) + 1)),
            *(f"{path.id}:{n}" for n in range(1, len(path.phases) + 1)),
        )
        track = target.track
    context = month_text.Context(kb, target, phased, request.done_items, keys, track, hours)
    steps: list[Step] = []
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
        claim_paces=tuple(_claim_pace(c, steps, start, today) for c in claims),
    )
    finished = _finished_here(kb, context, rated, request.done_items)
    notes = _notes(kb, plan, background, target, path, starter, added, finished)
    return dataclasses.replace(plan, notes=notes)


def _claim_pace(
    claim: DurationClaim, steps: list[Step], start: date, today: date | None
) -> ClaimPace:
    """The claim beside the months the same steps take at the pace it implies (our reading)."""
    months = None
    if claim.weekly_hours is not None:
        months = len(pack(steps, start, claim.weekly_hours, today)) if steps else 1
    return ClaimPace(
        source=claim.source,
        min_months=claim.min_months,
        max_months=claim.max_months,
        note=claim.note,
        weekly_hours=claim.weekly_hours,
        rationale=claim.weekly_hours_rationale,
        months=months,
    )


def _finished_here(
    kb: KnowledgeBase,
    context: month_text.Context,
    rated: dict[SkillId, int],
    done: frozenset[str],
) -> int:
    """How many of the finished items are this plan's own: a re-plan toward another target
    does not count what was finished for the old one (its path's steps, its role's items)."""
    targets = plan_targets(kb, context.target, rated)[0]
    own = {f"activity:{context.target.id}:apply", f"milestone:{context.target.id}:portfolio"}
    own |= {
        f"activity:{context.target.id}:interview:{n}"
        for n in range(1, month_text.INTERVIEW_BLOCKS + 1)
    }
    own |= {
        f"activity:{context.target.id}:portfolio:{n}"
        for n in range(1, len(context.target.first_90_days or context.target.deliverables) + 1)
    }
    phases = context.path.phases if context.path else ()
    for p, phase in enumerate(phases):
        key = context.phase_key(p)
        own.add(f"milestone:{key}")
        own |= {f"activity:{key}:{n}" for n, _ in phase.steps_for(context.track)}
    found = 0
    for item in done:
        parsed = parse_skill_item(item)
        if parsed is None:
            found += item in own
            continue
        skill, level = parsed  # a skill step is this plan's if it lies on the way to the target
        if rated.get(SkillId(skill), 0) < level <= targets.get(SkillId(skill), 0):
            found += 1
    return found


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
    finished: int,
) -> tuple[str, ...]:
    """What the plan's months do not say: where its phases and pace come from, what the sources
    say about its length and our reading of it, and anything planned beyond the target."""
    notes = []
    if plan.ready:
        notes.append(
            f"Your levels already meet every {target.name} requirement: "
            "the plan is portfolio and interview preparation."
        )
    if path is None:
        notes.append("No pivot path in the knowledge base; months follow prerequisites and weight.")
    elif starter is not None and not plan.ready:
        track = f" ({target.track.value.upper()} track)" if target.track else ""
        owners = {kb.source(s).possessive for phase in starter.phases for s in phase.sources}
        whose = owners.pop() if len(owners) == 1 else "the sources'"
        notes.append(
            f"No source describes {background.name} -> {target.name}. The plan starts with "
            f"{whose} starter plan{track} ({starter.name}: "
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
    if plan.claim_paces and not plan.ready:
        notes.extend(_duration_notes(kb, plan))
    if path is not None and plan.path_is_direct:
        notes.extend(month_text.with_aside(note.text, _whose(kb, note)) for note in path.notes)
    if plan.hours_source == "path" and path is not None:
        notes.append(
            f"{_hours(plan.hours_per_week)} hours a week is our default pace for {path.name} "
            f"({OUR_SUGGESTION}). {path.weekly_hours_rationale}"
        )
    elif plan.hours_source == "default":
        notes.append(
            f"{_hours(plan.hours_per_week)} hours a week, a default: no source gives a pace for "
            "this move. Set your own hours."
        )
    if not plan.ready:
        notes.append(
            f"Skill levels (0-4) and the hours each level takes are {OUR_READING}: the articles "
            "name the skills a role needs, never levels or hours."
        )
    for prerequisite, dependent in sorted(added.items()):
        requirement = target.requirement_for(prerequisite)
        asks = f"asks for {requirement.level}" if requirement else "does not list it"
        notes.append(
            f"{kb.skill(prerequisite).name} is planned to level {PREREQUISITE_LEVEL} although "
            f"{target.name} {asks}: {kb.skill(dependent).name} builds on it."
        )
    if finished:
        they = "it is" if finished == 1 else "they are"
        notes.append(
            f"Continues from {count(finished, 'finished item')}; {they} not planned again."
        )
    return tuple(notes)


def _duration_notes(kb: KnowledgeBase, plan: Plan) -> list[str]:
    """What each source says the move takes, in its own terms, then our reading of the pace
    behind each figure, kept apart so a reading of ours never sounds like the article's."""
    said = [
        f"{_name(kb, c.source)} gives {_months(c.min_months, c.max_months)}"
        + (f" ({c.note})" if c.note else "")
        for c in plan.claim_paces
    ]
    if len(said) > 1:
        notes = [f"The sources disagree on how long this move takes: {'; '.join(said)}."]
    else:
        notes = [f"What the source says this move takes: {said[0]}."]
    for c in plan.claim_paces:
        figure = f"{kb.source(c.source).possessive} {_months(c.min_months, c.max_months)}"
        if c.weekly_hours is None:
            notes.append(f"Our reading of {figure}: {month_text.lower_first(c.rationale)}")
        else:
            notes.append(
                f"Our reading of the pace behind {figure}: about {c.weekly_hours} hours a week. "
                f"{c.rationale}"
            )
    return notes


def _whose(kb: KnowledgeBase, note: Fact) -> str:
    """ "the essay", or "our reading" for a note of ours."""
    return OUR_READING if note.is_ours else _name(kb, note.source)


def _name(kb: KnowledgeBase, source_id: str) -> str:
    source = kb.source(source_id)
    return source.short or source.publisher


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
            # Each claim with our reading of the pace it implies (never the article's) and the
            # months this plan takes at that pace; weekly_hours is null where no pace fits.
            "claims": [
                {
                    "min": c.min_months,
                    "max": c.max_months,
                    "source": c.source,
                    "note": c.note,
                    "weekly_hours": c.weekly_hours,
                    "weekly_hours_rationale": c.rationale,
                    "weekly_hours_source": OURS,
                    "months_at_weekly_hours": c.months,
                }
                for c in plan.claim_paces
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
    if item.source is not None:
        found["source"] = item.source  # an article id, or "ours"
    return found
