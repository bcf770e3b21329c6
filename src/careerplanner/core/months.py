"""What each planned month says: the skills it moves, the path's steps as activities, a
milestone, the items to tick off and the sources behind them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from careerplanner.core import plan_model as plan_types
from careerplanner.core.schedule import Piece, capacity_minutes, first_day, month_end
from careerplanner.knowledge.model import (
    OUR_READING,
    OUR_SUGGESTION,
    OURS,
    KnowledgeBase,
    PathPhase,
    PhaseStep,
    PivotPath,
    Role,
    SourceId,
    Track,
)

#: How many blocks of a role's interview loop the last month prepares for, one activity each
#: (the sources list the technical blocks first: coding, system design, project deep-dive).
INTERVIEW_BLOCKS = 3


@dataclass(frozen=True)
class Context:
    kb: KnowledgeBase
    target: Role
    path: PivotPath | None
    done: frozenset[str]
    #: For each of the path's phases, ``<path id>:<phase number>`` in item ids; empty means
    #: the path's own. A student's plan joins the starter plan's phases and another path's.
    phase_keys: tuple[str, ...] = ()
    #: The starter plan's track the learner is on (from the target); None takes every step.
    track: Track | None = None
    hours_per_week: float = 0.0

    def phase_key(self, phase: int) -> str:
        assert self.path is not None
        return self.phase_keys[phase] if self.phase_keys else f"{self.path.id}:{phase + 1}"


@dataclass(frozen=True)
class _Placement:
    """Where each phase shows up: month index -> its (phase, step number) there, the month of
    each phase's milestone, and each phase's first and last month."""

    steps_in: dict[int, list[tuple[int, int]]]
    done_in: dict[int, int]
    spans: dict[int, tuple[int, int]]


def build_months(
    context: Context, packed: list[tuple[date, list[Piece]]]
) -> tuple[plan_types.PlanMonth, ...]:
    """The plan's months from the packed level steps, numbered from 1."""
    path = context.path
    phases = path.phases if path else ()
    placement = _place_phases(phases, packed, context.track)
    last = len(packed) - 1
    required_by = {r.skill: r.source for r in context.target.requirements if not r.is_ours}
    months = []
    for m, (start, pieces) in enumerate(packed):
        items: list[plan_types.PlanItem] = []
        sources: list[SourceId] = []
        for p, n in placement.steps_in.get(m, ()):
            items.append(_activity(context, p, n, placement.spans[p]))
            sources.extend(_cited(phases[p].steps[n - 1].source))
        items.extend(
            plan_types.PlanItem.skill_step(p.step.skill.id, p.step.skill.name, p.step.to_level)
            for p in pieces
            if p.completes
        )
        skills = _merge(pieces)
        sources.extend(required_by[s.skill] for s in skills if s.skill in required_by)
        ending = sorted(p for p, done_in in placement.done_in.items() if done_in == m)
        milestones = [_phase_milestone(context, p) for p in ending]
        sources.extend(s for p in ending for s in _cited(phases[p].milestone.source))
        if m == last:
            items.extend(_closing_activities(context, sources))
            milestones.append(_portfolio(context.target))
        milestones = [i for i in milestones if i.id not in context.done]
        items = [i for i in items if i.id not in context.done]
        items.extend(milestones)
        milestone = _join(milestones) or _level_milestone(pieces)
        months.append(
            plan_types.PlanMonth(
                index=m + 1,
                start=start,
                end=month_end(start),
                hours=round(sum(p.minutes for p in pieces) / 60, 2),
                skills=tuple(skills),
                milestone=milestone,
                items=tuple(items),
                sources=tuple(dict.fromkeys(sources)),
                practice=tuple(_practice(context.kb, s) for s in skills),
            )
        )
    return tuple(months)


def _place_phases(
    phases: tuple[PathPhase, ...], packed: list[tuple[date, list[Piece]]], track: Track | None
) -> _Placement:
    """Where each phase's steps and milestone go.

    A phase's steps follow its own work: the phase's minutes are cut into as many equal slices
    as it has steps, and each step goes where its slice is worked on in earnest (``_slices``),
    so each step appears once, in order, where that part of the phase is done. A level step taken
    early only because a skill of an earlier phase builds on it (a prerequisite pulled forward,
    i.e. a step followed later by one of an earlier phase) does not count as the phase's work;
    a phase with no other work has its steps in the month of its last such step. A phase with
    no work at all (its skills are already met, or it names none) still has its steps and its
    milestone: in the month where the phases before it end.
    """
    flat = [(m, piece) for m, (_, pieces) in enumerate(packed) for piece in pieces]
    early: list[bool] = [False] * len(flat)
    lowest_after = len(phases)
    for i in range(len(flat) - 1, -1, -1):
        step_phase = flat[i][1].step.phase
        early[i] = step_phase > lowest_after
        lowest_after = min(lowest_after, step_phase)
    work: dict[int, list[tuple[int, int]]] = {}  # phase -> [(month, minutes)]
    fallback: dict[int, list[tuple[int, int]]] = {}
    done_in: dict[int, int] = {}  # the month each phase's last level step is finished
    for (m, piece), pulled_forward in zip(flat, early, strict=True):
        spans = (fallback if pulled_forward else work).setdefault(piece.step.phase, [])
        if spans and spans[-1][0] == m:
            spans[-1] = (m, spans[-1][1] + piece.minutes)
        else:
            spans.append((m, piece.minutes))
        if piece.completes:
            done_in[piece.step.phase] = m
    month_minutes = [sum(piece.minutes for piece in pieces) for _, pieces in packed]
    steps_in: dict[int, list[tuple[int, int]]] = {}
    spans_of: dict[int, tuple[int, int]] = {}
    reached = 0  # the last month of any phase so far
    for p, phase in enumerate(phases):
        numbered = [n for n, _ in phase.steps_for(track)]
        spans = work.get(p) or fallback.get(p, [])[-1:]
        if spans:
            placed = _slices(spans, len(numbered), month_minutes) if numbered else []
            first, last = spans[0][0], spans[-1][0]
        else:
            first = last = reached
            placed = [reached] * len(numbered)
            done_in.setdefault(p, reached)
        for n, month in zip(numbered, placed, strict=True):
            steps_in.setdefault(month, []).append((p, n))
        spans_of[p] = (first, last)
        reached = max(reached, last)
    return _Placement(
        {m: sorted(steps) for m, steps in steps_in.items()},
        {p: m for p, m in done_in.items() if p < len(phases)},
        spans_of,
    )


def ready_month(
    context: Context, start: date, hours_per_week: float, today: date | None = None
) -> plan_types.PlanMonth:
    """One month of portfolio and interview preparation for someone who already qualifies:
    the role's first-90-days deliverables as portfolio pieces, the steps of any path phase that
    names no skill, and the role's interview loop."""
    target = context.target
    sources: list[SourceId] = []
    items = [
        plan_types.PlanItem(
            f"activity:{target.id}:portfolio:{n}",
            plan_types.ItemKind.ACTIVITY,
            _labelled(f"Portfolio piece: {text}"),
            source=OURS,
        )
        for n, text in enumerate(target.first_90_days or target.deliverables, 1)
    ]
    phases = context.path.phases if context.path else ()
    skill_less = [p for p, phase in enumerate(phases) if not phase.skills]
    for p in skill_less:
        for n, step in phases[p].steps_for(context.track):
            items.append(_activity(context, p, n, (0, 0)))
            sources.extend(_cited(step.source))
    items.extend(_closing_activities(context, sources))
    items = [i for i in items if i.id not in context.done] or [
        plan_types.PlanItem(
            f"activity:{target.id}:apply",
            plan_types.ItemKind.ACTIVITY,
            _labelled(f"Apply for {target.name} roles"),
            source=OURS,
        )
    ]
    milestones = [_phase_milestone(context, p) for p in skill_less]
    sources.extend(s for p in skill_less for s in _cited(phases[p].milestone.source))
    milestones = [i for i in (*milestones, _portfolio(target)) if i.id not in context.done]
    return plan_types.PlanMonth(
        index=1,
        start=first_day(start, today),
        end=month_end(start),
        hours=round(capacity_minutes(start, hours_per_week, today) / 60, 2),
        skills=(),
        milestone=_join(milestones) or _portfolio(target).text,
        items=(*items, *milestones),
        sources=tuple(dict.fromkeys(sources)),
    )


def _slices(spans: list[tuple[int, int]], count: int, month_minutes: list[int]) -> list[int]:
    """For ``count`` equal slices of the work in ``spans`` (month, minutes), the month each
    slice's step goes in: the first month holding at least half as much of the slice as the
    month holding most, or given over at least half to it, so a step starts where its work
    does in earnest, not in a month that only touches it. Whole numbers: amounts are times
    ``count``."""
    total = sum(minutes for _, minutes in spans)
    months = []
    for n in range(count):
        low, high = n * total, (n + 1) * total
        overlaps, done = [], 0
        for month, minutes in spans:
            overlaps.append((month, min(high, (done + minutes) * count) - max(low, done * count)))
            done += minutes
        most = max(overlap for _, overlap in overlaps)
        months.append(
            next(
                month
                for month, overlap in overlaps
                if overlap * 2 >= min(most, month_minutes[month] * count)
            )
        )
    return months


def _activity(context: Context, phase: int, n: int, span: tuple[int, int]) -> plan_types.PlanItem:
    """Step ``n`` of a phase; the first step the learner takes of a phase the article gives a
    number of months also says how many months this plan gives it (``span``, from 0)."""
    assert context.path is not None
    step = context.path.phases[phase].steps[n - 1]
    text = step.text
    months = context.path.phases[phase].months
    if months is not None and n == context.path.phases[phase].steps_for(context.track)[0][0]:
        text = _with_months(context, context.path.phases[phase], span, text)
    return plan_types.PlanItem(
        f"activity:{context.phase_key(phase)}:{n}",
        plan_types.ItemKind.ACTIVITY,
        _labelled(text) if step.is_ours else text,
        source=step.source,
    )


def _with_months(context: Context, phase: PathPhase, span: tuple[int, int], text: str) -> str:
    """ "Spend 6 months building depth (the essay gives this phase 6 months; this plan spends
    months 8-11 on it, 4 months at 16 hours a week)." """
    first, last = span
    length = last - first + 1
    where = f"month {first + 1}" if length == 1 else f"months {first + 1}-{last + 1}"
    said = _count(phase.months or 0, "month")
    who = _short(context.kb, phase.steps[0])
    plan = (
        f"this plan spends {where} on it, {_count(length, 'month')} at "
        f"{context.hours_per_week:g} hours a week"
    )
    return with_aside(text, f"{who} gives this phase {said}; {plan}")


def _phase_milestone(context: Context, phase: int) -> plan_types.PlanItem:
    assert context.path is not None
    milestone = context.path.phases[phase].milestone
    return plan_types.PlanItem(
        f"milestone:{context.phase_key(phase)}",
        plan_types.ItemKind.MILESTONE,
        _labelled(milestone.text) if milestone.is_ours else milestone.text,
        source=milestone.source,
    )


def _closing_activities(context: Context, sources: list[SourceId]) -> list[plan_types.PlanItem]:
    """The last month's interview preparation: one activity per block of the loop the sources
    describe for the target."""
    loop = context.target.interview_loop[:INTERVIEW_BLOCKS]
    sources.extend(fact.source for fact in loop)
    return [
        plan_types.PlanItem(
            f"activity:{context.target.id}:interview:{n}",
            plan_types.ItemKind.ACTIVITY,
            f"Interview preparation: {fact.text}",
            source=fact.source,
        )
        for n, fact in enumerate(loop, 1)
    ]


def _portfolio(target: Role) -> plan_types.PlanItem:
    """The portfolio piece that ends every plan, from what the role ships first (our
    suggestion: no article says to build it for interviews)."""
    shipped = target.first_90_days or target.deliverables
    what = lower_first(shipped[0]) if shipped else f"a project that shows {target.name} work"
    return plan_types.PlanItem(
        f"milestone:{target.id}:portfolio",
        plan_types.ItemKind.MILESTONE,
        _labelled(
            f"Portfolio for {target.name} interviews: {what}, written up for the project deep-dive"
        ),
        source=OURS,
    )


def _cited(source: SourceId) -> tuple[SourceId, ...]:
    """A month lists the articles behind what it holds; what is ours names no article."""
    return () if source == OURS else (source,)


def _short(kb: KnowledgeBase, step: PhaseStep) -> str:
    source = kb.source(step.source)
    return source.short or source.publisher


def _labelled(text: str) -> str:
    """ "Train a model (our suggestion)." : what is ours says so, wherever it is shown."""
    return with_aside(text, OUR_SUGGESTION)


def with_aside(text: str, aside: str) -> str:
    """``text`` with ``(aside)`` before its full stop, if it has one."""
    text = text.strip()
    if text.endswith("."):
        return f"{text[:-1]} ({aside})."
    return f"{text} ({aside})"


def _count(number: float, noun: str) -> str:
    return f"{number:g} {noun}" + ("" if number == 1 else "s")


def _merge(pieces: Iterable[Piece]) -> list[plan_types.SkillStep]:
    """One entry per skill and month, from its lowest to its highest level in the month."""
    merged: dict[str, list] = {}  # skill id -> [from level, minutes, last piece]
    for piece in pieces:
        entry = merged.get(piece.step.skill.id)
        if entry is None:
            merged[piece.step.skill.id] = [piece.step.from_level, piece.minutes, piece]
        else:
            entry[1] += piece.minutes
            entry[2] = piece
    return [
        plan_types.SkillStep(
            skill=last.step.skill.id,
            name=last.step.skill.name,
            from_level=from_level,
            to_level=last.step.to_level,
            hours=round(minutes / 60, 2),
            completes=last.completes,
        )
        for from_level, minutes, last in merged.values()
    ]


def _practice(kb: KnowledgeBase, step: plan_types.SkillStep) -> plan_types.Practice:
    skill = kb.skill(step.skill)
    tools = f" (with {', '.join(skill.tools[:3])})" if skill.tools else ""
    text = (
        f"{skill.name} {step.from_level} -> {step.to_level}{tools}: "
        f"practise until {lower_first(skill.levels[step.to_level])}"
    )
    return plan_types.Practice(skill.id, text, continues=not step.completes)


def _level_milestone(pieces: list[Piece]) -> str:
    """For a month that finishes no phase: the highest level it reaches, in the words of the
    skill's level description; or, for a month inside one long step, that step under way."""
    finished = [p for p in pieces if p.completes]
    if finished:
        step = max(finished, key=lambda p: (p.step.to_level, p.minutes)).step
        level = f"{step.skill.name} at level {step.to_level} ({OUR_READING})"
        return f"{level}: {step.skill.levels[step.to_level]}"
    step = pieces[-1].step
    return f"{step.skill.name} {step.from_level} -> {step.to_level} under way"


def _join(milestones: list[plan_types.PlanItem]) -> str:
    """One milestone as it is; several in one month as separate sentences."""
    if len(milestones) == 1:
        return milestones[0].text
    return " ".join(_sentence(i.text) for i in milestones)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def lower_first(text: str) -> str:
    """ "You can ..." -> "you can ..." inside a sentence; names like "PyTorch" stay as they are."""
    first_word = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first_word[1:].islower() or len(first_word) == 1 else text
