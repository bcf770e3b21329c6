"""Why a missing skill counts, in what the Gap page's other columns do not already say: which
step of the path takes it and in which months of the plan, which of the role's skills build on
it, and which article says the role needs it. Pure; no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from careerplanner.core.plan import Plan, starter_path
from careerplanner.knowledge.model import (
    OUR_SUGGESTION,
    KnowledgeBase,
    PathPhase,
    Requirement,
    Role,
    SkillId,
)

#: How many dependent skills the one-line form names before "and N more".
SHORT_UNLOCKS = 2


@dataclass(frozen=True)
class WhyItCounts:
    skill: SkillId
    #: (position, count, name) of the first path step that works on the skill, if any does.
    step: tuple[int, int, str] | None
    #: First and last month of the plan that work on the skill.
    months: tuple[int, int] | None
    #: Names of the role's skills that build on this one (it is their prerequisite).
    unlocks: tuple[str, ...]
    #: The articles that say the role needs it, as a sentence names them ("ClarUp").
    named_by: tuple[str, ...]
    #: No article names it for the role: the requirement is our suggestion.
    ours: bool = False

    @property
    def month_text(self) -> str:
        if self.months is None:
            return ""
        first, last = self.months
        return f"{first}" if first == last else f"{first}–{last}"

    @property
    def short(self) -> str:
        """One line for the table: "Step 2 of 4: Vector databases … · before Agents · named by
        ClarUp"."""
        parts = []
        if self.step is not None:
            position, count, name = self.step
            parts.append(f"Step {position} of {count}: {name}")
        if self.unlocks:
            shown = ", ".join(self.unlocks[:SHORT_UNLOCKS])
            more = len(self.unlocks) - SHORT_UNLOCKS
            parts.append(f"before {shown}" + (f" and {more} more" if more > 0 else ""))
        if self.named_by:
            parts.append("named by " + ", ".join(self.named_by))
        elif self.ours:
            parts.append(OUR_SUGGESTION)
        return " · ".join(parts)

    @property
    def sentence(self) -> str:
        """The same as whole sentences, for a tooltip."""
        parts = []
        if self.step is not None:
            position, count, name = self.step
            parts.append(f"The path takes it in step {position} of {count}, “{name}”.")
        if self.months is not None:
            first, last = self.months
            span = f"month {first}" if first == last else f"months {first} to {last}"
            parts.append(f"Your plan to this role works on it in {span}.")
        if self.unlocks:
            parts.append(f"It comes before {_and(self.unlocks)}, which build on it.")
        if self.named_by:
            parts.append(f"Named for this role by {_and(self.named_by)}.")
        elif self.ours:
            parts.append(f"No article names it for this role: it is {OUR_SUGGESTION}.")
        return " ".join(parts)


def why_it_counts(
    kb: KnowledgeBase, role: Role, plan: Plan | None, skills: tuple[SkillId, ...]
) -> dict[SkillId, WhyItCounts]:
    """For each of ``skills`` (the role's missing ones), why it counts for ``role``; ``plan`` is
    the plan to that role the Plan page would show (None when it cannot be made)."""
    phases = _phases(kb, plan)
    wanted = {r.skill for r in role.requirements if r.level > 0} | _planned(plan)
    reasons = {}
    for skill_id in skills:
        requirement = role.requirement_for(skill_id)
        dependents = [s.name for s in kb.skills if skill_id in s.prerequisites and s.id in wanted]
        reasons[skill_id] = WhyItCounts(
            skill=skill_id,
            step=_step(phases, skill_id),
            months=_months(plan, skill_id),
            unlocks=tuple(dependents),
            named_by=_named_by(kb, requirement),
            ours=requirement is not None and requirement.is_ours,
        )
    return reasons


def _phases(kb: KnowledgeBase, plan: Plan | None) -> tuple[PathPhase, ...]:
    """The plan's path steps in order, as the plan takes them (a starter plan first)."""
    if plan is None or plan.path is None:
        return ()
    path = kb.path(plan.path)
    starter = starter_path(kb, kb.role(plan.from_role), path)
    return (starter.phases if starter else ()) + path.phases


def _step(phases: tuple[PathPhase, ...], skill_id: SkillId) -> tuple[int, int, str] | None:
    for position, phase in enumerate(phases, start=1):
        if skill_id in phase.skills:
            return position, len(phases), phase.name
    return None


def _months(plan: Plan | None, skill_id: SkillId) -> tuple[int, int] | None:
    if plan is None:
        return None
    found = [m.index for m in plan.months if any(s.skill == skill_id for s in m.skills)]
    return (found[0], found[-1]) if found else None


def _planned(plan: Plan | None) -> set[SkillId]:
    if plan is None:
        return set()
    return {s.skill for m in plan.months for s in m.skills}


def _named_by(kb: KnowledgeBase, requirement: Requirement | None) -> tuple[str, ...]:
    """The article that names the skill for the role ("ClarUp", "the essay"); nothing when the
    requirement is ours (then ``ours`` says so)."""
    if requirement is None or requirement.is_ours:
        return ()
    source = kb.source(requirement.source)
    return (source.short or source.publisher,)


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
