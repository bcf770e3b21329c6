"""Job postings: the gap to one (each skill it asks for, your level, the hours to close it,
readiness and months at your hours) and the postings saved with a profile; the undoable edits
that save or remove one and make one the profile's plan target are in ``posting_edits``.

A posting becomes a target of its own, not a role: ``core.posting.posting_target`` turns its
requirements into a role that only a copy of the knowledge base knows, and the plan is built
toward it by the same planner and request as every other plan (``snapshot.plan_request``), so
"months" here is always the length of the plan toward the posting. The profile's target stays
a role: a saved posting is the plan's target only while the user has chosen "Plan for this
posting" and has not picked another role since (``SavedPosting.is_target``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from careerplanner.core.gap import analyse_role
from careerplanner.core.matcher import Match
from careerplanner.core.plan import Plan, PlanRequest, build_plan
from careerplanner.core.posting import (
    DEFAULT_REASON,
    FoundSkill,
    Lean,
    PostingAnalysis,
    PostingTarget,
    Verdict,
    posting_target,
    skill_lean,
)
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import (
    OURS,
    KnowledgeBase,
    Requirement,
    Role,
    SkillId,
    SourceId,
    Weight,
)
from careerplanner.services.snapshot import plan_request
from careerplanner.storage import Database
from careerplanner.storage.records import Profile
from careerplanner.storage.stores import PostingStore, Row, requirements_of

#: Builds (or reuses) the plan for a request on a knowledge base: the Planner's cache, or
#: ``build_plan`` itself on the command line.
PlanBuilder = Callable[[PlanRequest, KnowledgeBase], Plan]


def build_directly(request: PlanRequest, kb: KnowledgeBase) -> Plan:
    return build_plan(kb, request)


@dataclass(frozen=True)
class PostingSkill:
    """One row of the gap to a posting."""

    skill: SkillId
    name: str
    lean: Lean
    matches: tuple[Match, ...]  # where the posting writes it (none for a stored posting)
    required: int
    weight: Weight
    current: int
    hours: int  # typical hours from ``current`` to ``required`` (0 when it is met)


@dataclass(frozen=True)
class PostingReport:
    title: str
    skills: tuple[PostingSkill, ...]
    verdict: Verdict
    closest_role: str | None  # role id
    #: 0..1, as the Gap page computes it; None when the posting names no skill we know.
    readiness: float | None
    hours: int
    target: PostingTarget | None
    plan: Plan | None  # toward the posting, at the hours below; None with no skill to plan
    plan_problem: str = ""
    analysis: PostingAnalysis | None = None  # None for a saved posting read back as stored

    @property
    def months(self) -> int | None:
        return self.plan.total_months if self.plan is not None else None

    @property
    def hours_per_week(self) -> float | None:
        return self.plan.hours_per_week if self.plan is not None else None


@dataclass(frozen=True)
class SavedPosting:
    id: int
    profile_id: int
    title: str
    text: str
    created: datetime
    closest_role: str | None
    requirements: tuple[Requirement, ...]
    #: The profile's target role when this posting became the one it plans for; None if not.
    target_over: str | None

    def is_target(self, profile: Profile) -> bool:
        """Whether the profile's plan aims at this posting now: it was chosen, and the
        profile's target role has not changed since."""
        return self.target_over is not None and self.target_over == profile.target


@dataclass(frozen=True)
class PlanInputs:
    """Who the gap and the plan are for: levels, background, pace and months."""

    levels: Mapping[str, int]
    background: str
    hours_per_week: float | None
    start: date
    today: date | None
    set_aside: frozenset[str] = frozenset()


def report_for(
    kb: KnowledgeBase,
    title: str,
    requirements: Sequence[Requirement],
    closest_role: str | None,
    inputs: PlanInputs,
    *,
    analysis: PostingAnalysis | None = None,
    posting_id: int | None = None,
    plan_with: PlanBuilder = build_directly,
) -> PostingReport:
    """The gap to a posting and the plan toward it, for ``inputs``."""
    closest = _role_or_none(kb, closest_role)
    target = posting_target(kb, title, requirements, closest, posting_id)
    wanted = target.role.requirements
    found = {s.skill: s for s in analysis.skills} if analysis else {}
    rows = tuple(_row(kb, r, found.get(r.skill), inputs.levels) for r in wanted)
    verdict = analysis.lean.verdict if analysis else _stored_verdict(closest_role, wanted)
    if not wanted:
        return PostingReport(title, rows, verdict, closest_role, None, 0, None, None, "", analysis)
    readiness = analyse_role(target.kb, target.role.id, inputs.levels).readiness
    request = plan_request(
        levels=inputs.levels,
        background=inputs.background,
        target=target.role.id,
        hours_per_week=inputs.hours_per_week,
        start=inputs.start,
        set_aside=inputs.set_aside,
        today=inputs.today,
    )
    plan, problem = None, ""
    try:
        plan = plan_with(request, target.kb)
    except ValueError as error:
        problem = f"No plan can be made: {error}"
    return PostingReport(
        title=title,
        skills=rows,
        verdict=verdict,
        closest_role=closest_role,
        readiness=readiness,
        hours=sum(row.hours for row in rows),
        target=target,
        plan=plan,
        plan_problem=problem,
        analysis=analysis,
    )


def analysis_report(
    kb: KnowledgeBase,
    analysis: PostingAnalysis,
    title: str,
    inputs: PlanInputs,
    plan_with: PlanBuilder = build_directly,
    posting_id: int | None = None,
) -> PostingReport:
    closest = analysis.closest_role.id if analysis.closest_role else None
    return report_for(
        kb,
        title,
        analysis.requirements,
        closest,
        inputs,
        analysis=analysis,
        posting_id=posting_id,
        plan_with=plan_with,
    )


def report_to_dict(report: PostingReport) -> dict[str, Any]:
    """The ``careerplanner posting --format json`` document (README), a stable contract."""
    analysis = report.analysis
    lean = analysis.lean if analysis else None
    return {
        "title": report.title,
        "skills": [
            {
                "skill": row.skill,
                "name": row.name,
                "lean": row.lean.value,
                "matches": [{"text": m.text, "start": m.start, "end": m.end} for m in row.matches],
                "required": row.required,
                "weight": row.weight.value,
                "current": row.current,
                "hours": row.hours,
            }
            for row in report.skills
        ],
        "lean": {
            "verdict": report.verdict.value,
            "ai": lean.ai if lean else None,
            "ml": lean.ml if lean else None,
            "shared": lean.shared if lean else None,
            "reason": lean.reason if lean else "",
            "sources": list(lean.sources) if lean else [],
        },
        "closest_role": report.closest_role,
        "readiness": round(report.readiness, 4) if report.readiness is not None else None,
        "hours": report.hours,
        "months": report.months,
        "hours_per_week": report.hours_per_week,
    }


#: How the window and the command line name each verdict.
VERDICT_WORDS: Mapping[Verdict, str] = {
    Verdict.AI: "Leans AI engineering",
    Verdict.ML: "Leans ML engineering",
    Verdict.MIXED: "Both AI and ML engineering",
    Verdict.NONE: "Not an AI or ML engineering job",
}


def verdict_words(verdict: Verdict) -> str:
    return VERDICT_WORDS[verdict]


def summary_line(report: PostingReport) -> str:
    """Readiness, hours and months in one sentence, the same in the window and the terminal."""
    if not report.skills:
        return "It names no skill the app knows, so there is no gap to show."
    assert report.readiness is not None
    ready = f"{report.readiness:.0%} ready"
    if report.plan is None:
        return f"You are {ready}, about {report.hours} hours from it. {report.plan_problem}"
    pace = f"{report.plan.hours_per_week:g} hours a week"
    if report.plan.ready:
        return (
            f"You meet all {len(report.skills)} of its skills at the levels asked: one month "
            f"of portfolio and interview preparation at {pace}."
        )
    months = report.plan.total_months
    return (
        f"You are {ready}: about {report.hours} hours of study to close the gap. The plan "
        f"toward it, with the skills those build on, its projects and practice, is about "
        f"{report.plan.hours:.0f} hours: {months} month{'s' if months != 1 else ''} at {pace}."
    )


def _row(
    kb: KnowledgeBase, requirement: Requirement, found: FoundSkill | None, levels: Mapping[str, int]
) -> PostingSkill:
    skill = kb.skill(requirement.skill)
    current = levels.get(skill.id, 0)
    return PostingSkill(
        skill=skill.id,
        name=skill.name,
        lean=skill_lean(kb, skill.id),
        matches=found.matches if found else (),
        required=requirement.level,
        weight=requirement.weight,
        current=current,
        hours=skill.hours_between(current, requirement.level),
    )


def _role_or_none(kb: KnowledgeBase, role_id: str | None) -> Role | None:
    if role_id is None:
        return None
    try:
        return kb.role(role_id)
    except KeyError:
        return None  # a role a later knowledge base no longer has


def _stored_verdict(closest_role: str | None, requirements: Sequence[Requirement]) -> Verdict:
    """A saved posting's verdict is read again from its text; this is for one without it."""
    return Verdict.NONE if closest_role is None or not requirements else Verdict.MIXED


# -- saved postings --------------------------------------------------------------------------


def saved_postings(db: Database, kb: KnowledgeBase, profile_id: int) -> list[SavedPosting]:
    """The profile's saved postings, oldest first."""
    return [_saved(row, kb) for row in PostingStore(db).rows(profile_id)]


def saved_posting(db: Database, kb: KnowledgeBase, posting_id: int) -> SavedPosting:
    row = PostingStore(db).row(posting_id)
    if row is None:
        raise UsageError(f"There is no saved posting with id {posting_id}")
    return _saved(row, kb)


def target_posting(db: Database, kb: KnowledgeBase, profile: Profile) -> SavedPosting | None:
    """The posting the profile's plan aims at now, if any (``SavedPosting.is_target``)."""
    row = PostingStore(db).target_row(profile.id)
    if row is None:
        return None
    posting = _saved(row, kb)
    return posting if posting.is_target(profile) else None


def _saved(row: Row, kb: KnowledgeBase) -> SavedPosting:
    return SavedPosting(
        id=row["id"],
        profile_id=row["profile_id"],
        title=row["title"],
        text=row["text"],
        created=datetime.fromisoformat(row["created"]),
        closest_role=row["closest_role"],
        requirements=_requirements(kb, requirements_of(row)),
        target_over=row["target_over"],
    )


def _requirements(kb: KnowledgeBase, stored: list[dict[str, Any]]) -> tuple[Requirement, ...]:
    """Stored requirements as the planner takes them; one whose skill or source the knowledge
    base no longer has is left out, and a level is kept in 0-4."""
    skills = {s.id for s in kb.skills}
    sources = {s.id for s in kb.sources}
    found = []
    for item in stored:
        skill, level = item.get("skill"), item.get("level")
        if skill not in skills or not isinstance(level, int):
            continue
        source = str(item.get("source"))
        cited = source in sources
        found.append(
            Requirement(
                SkillId(skill),
                min(max(level, 1), 4),
                Weight.CORE if item.get("weight") == Weight.CORE.value else Weight.SECONDARY,
                SourceId(source) if cited else OURS,
                "" if cited else str(item.get("reason") or DEFAULT_REASON),
            )
        )
    return tuple(found)


def stored_requirements(requirements: Sequence[Requirement]) -> list[dict[str, Any]]:
    return [
        {
            "skill": r.skill,
            "level": r.level,
            "weight": r.weight.value,
            "source": r.source,
            **({"reason": r.reason} if r.is_ours else {}),
        }
        for r in requirements
    ]
