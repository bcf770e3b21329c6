"""What a job posting asks for: the skills found in it, whether it leans towards AI or ML
engineering, the closest role, and the requirement set a plan toward it is built from. Pure.

The lean follows the articles' way of telling the roles apart by their tools:

- Each skill leans one way by its skill area (``AREA_LEAN``): LLM applications are the AI
  engineer's side (the prompt, retrieval, agent and eval layers and the tools of AY Automate's
  first column: Claude Agent SDK, LangGraph, Braintrust, Pinecone, Helicone); classical ML,
  deep learning, data engineering, MLOps and the maths behind them are the ML engineer's (the
  data, feature, training and MLOps layers and the second column: PyTorch, MLflow, Tecton,
  Ray, Evidently). Programming, cloud and product skills are shared: both tracks use Python,
  Git, Docker, Linux and a cloud platform (careerchoice-us, ayautomate-hiring).
- A posting is read by the skills that lean one way. Fewer than three and it is not an AI or
  ML job (``none``: our reading). One that asks for LLM work and MLOps work in depth (three
  skills of each) is ``mixed``: an MLOps engineer with an LLM focus (datadriven-hiring).
  Otherwise, when one side has at least 60% of them, it leans that way: a stack mostly from
  one column is that role whatever the title says (ayautomate-hiring), and a role that spans
  both is hired for its dominant 60 percent (datadriven-hiring). Else it is ``mixed``; with
  some MLOps work (two skills), again an MLOps engineer with an LLM focus.

The gap to a posting asks for each skill found at the level the closest role requires, or 2
("works alone on routine tasks", our reading) where that role does not name it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from careerplanner.core.matcher import Match, SkillMatcher
from careerplanner.knowledge.model import (
    OURS,
    Family,
    KnowledgeBase,
    Requirement,
    Role,
    RoleId,
    SkillId,
    SourceId,
    Weight,
)


class Lean(StrEnum):
    """Which side of the field a skill belongs to."""

    AI = "ai"
    ML = "ml"
    SHARED = "shared"


class Verdict(StrEnum):
    AI = "ai"
    ML = "ml"
    MIXED = "mixed"
    NONE = "none"  # not an AI or ML engineering job


#: The lean of each skill area (the categories of ``categories.toml``).
AREA_LEAN: Mapping[str, Lean] = {
    "llm-apps": Lean.AI,
    "math": Lean.ML,
    "classical-ml": Lean.ML,
    "deep-learning": Lean.ML,
    "data-engineering": Lean.ML,
    "mlops": Lean.ML,
    "programming": Lean.SHARED,
    "cloud-infra": Lean.SHARED,
    "product": Lean.SHARED,
}
#: The skill area whose skills show MLOps depth.
MLOPS_AREA = "mlops"
#: A side with at least this share of the one-sided skills decides the lean (datadriven-hiring).
DOMINANT_SHARE = 0.6
#: Fewer skills that lean one way than this, and the posting is not an AI or ML job (ours).
MIN_SIDED_SKILLS = 3
#: MLOps skills a mixed posting needs to read as MLOps with an LLM focus (ours).
MLOPS_DEPTH = 2
#: AI skills and MLOps skills, at least this many of each: the posting needs both in depth,
#: which makes it an MLOps engineer with an LLM focus whatever the split (datadriven-hiring;
#: the number is ours).
BOTH_DEPTHS = 3
#: The level asked for a skill the closest role does not name: works alone on routine tasks.
DEFAULT_LEVEL = 2
DEFAULT_REASON = (
    "The posting asks for it and the closest role gives no level for it: we ask for 2, "
    "working alone on routine tasks."
)
#: The article each verdict stands on.
COLUMNS_SOURCE = SourceId("ayautomate-hiring")
SIXTY_PERCENT_SOURCE = SourceId("datadriven-hiring")
#: Role id of a posting planned before it is saved; a saved one is ``posting-<id>``.
UNSAVED_ROLE = RoleId("posting")


@dataclass(frozen=True)
class FoundSkill:
    """A skill the posting asks for, with every place it is written."""

    skill: SkillId
    name: str
    lean: Lean
    matches: tuple[Match, ...]


@dataclass(frozen=True)
class PostingLean:
    verdict: Verdict
    ai: float  # share of the skills found, 0..1
    ml: float
    shared: float
    reason: str  # one or two sentences in our words, shown with the verdict
    sources: tuple[SourceId, ...]  # the articles the verdict stands on; empty for our reading


@dataclass(frozen=True)
class PostingAnalysis:
    skills: tuple[FoundSkill, ...]  # in the order the posting first names them
    lean: PostingLean
    closest_role: Role | None  # None when the posting is not an AI or ML job
    #: One per skill found: the level the gap and the plan aim at.
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class PostingTarget:
    """A posting a plan is built toward: a role of its own, in a knowledge base that has it."""

    role: Role
    kb: KnowledgeBase
    posting_id: int | None = None  # None before it is saved


def analyse_posting(
    kb: KnowledgeBase, text: str, matcher: SkillMatcher | None = None
) -> PostingAnalysis:
    """The skills ``text`` asks for, its lean, the closest role and the requirements."""
    matches = (matcher or SkillMatcher(kb)).find(text)
    skills = found_skills(kb, matches)
    lean = posting_lean(kb, skills)
    role = closest_role(kb, [s.skill for s in skills], lean.verdict)
    return PostingAnalysis(
        skills=skills,
        lean=lean,
        closest_role=role,
        requirements=posting_requirements(kb, [s.skill for s in skills], role),
    )


def found_skills(kb: KnowledgeBase, matches: Iterable[Match]) -> tuple[FoundSkill, ...]:
    by_skill: dict[SkillId, list[Match]] = {}
    for match in matches:
        by_skill.setdefault(match.skill, []).append(match)
    return tuple(
        FoundSkill(skill_id, kb.skill(skill_id).name, skill_lean(kb, skill_id), tuple(found))
        for skill_id, found in by_skill.items()
    )


def skill_lean(kb: KnowledgeBase, skill_id: SkillId | str) -> Lean:
    return AREA_LEAN.get(kb.skill(skill_id).category, Lean.SHARED)


def posting_lean(kb: KnowledgeBase, skills: Sequence[FoundSkill]) -> PostingLean:
    """The verdict on the skills found, with its reason and sources (module docstring)."""
    sides = {lean: [s for s in skills if s.lean == lean] for lean in Lean}
    ai, ml, shared = (len(sides[lean]) for lean in (Lean.AI, Lean.ML, Lean.SHARED))
    total = ai + ml + shared

    def share(count: int) -> float:
        return round(count / total, 4) if total else 0.0

    verdict, reason, sources = _verdict(sides, kb)
    return PostingLean(verdict, share(ai), share(ml), share(shared), reason, sources)


def _verdict(
    sides: Mapping[Lean, list[FoundSkill]], kb: KnowledgeBase
) -> tuple[Verdict, str, tuple[SourceId, ...]]:
    ai, ml, shared = sides[Lean.AI], sides[Lean.ML], sides[Lean.SHARED]
    sided = len(ai) + len(ml)
    if not sided + len(shared):
        return (
            Verdict.NONE,
            "It names none of the skills in the catalogue, so it does not read as an AI or ML "
            "engineering job.",
            (),
        )
    if sided < MIN_SIDED_SKILLS:
        few = f"only {sided}" if sided else "none"
        verb = "leans" if sided == 1 else "lean"
        rest = f"; the rest ({_examples(shared)}) are general engineering" if shared else ""
        return (
            Verdict.NONE,
            f"Of the {_count(sided + len(shared), 'skill')} it names, {few} {verb} towards AI or "
            f"ML engineering{rest}: too few to read it as an AI or ML engineering job.",
            (),
        )
    mlops = [s for s in ml if kb.skill(s.skill).category == MLOPS_AREA]
    both = f"{len(ai)} AI-engineering and {len(ml)} ML-engineering skills"
    if len(ai) >= BOTH_DEPTHS and len(mlops) >= BOTH_DEPTHS:
        return (
            Verdict.MIXED,
            f"It asks for LLM work and MLOps work in depth ({both}, among them "
            f"{_examples(mlops)}). A role that needs both reads best as an MLOps engineer with "
            "an LLM focus rather than as a pure AI engineer.",
            (SIXTY_PERCENT_SOURCE,),
        )
    for side, name in ((ai, "AI"), (ml, "ML")):
        if len(side) >= DOMINANT_SHARE * sided:
            share = (
                f"All {sided} skills here that lean one way are"
                if len(side) == sided
                else f"{len(side)} of the {sided} skills here that lean one way "
                f"({len(side) / sided:.0%}) are"
            )
            return (
                Verdict(name.lower()),
                f"{share} {name}-engineering skills, such as {_examples(side)}. A stack drawn "
                "mostly from one side's tools is that role whatever the title says, and a role "
                "is hired for the side that makes up 60% or more of it.",
                (COLUMNS_SOURCE, SIXTY_PERCENT_SOURCE),
            )
    if len(mlops) >= MLOPS_DEPTH:
        return (
            Verdict.MIXED,
            f"Neither side reaches 60% ({both}), and it asks for MLOps work "
            f"({_examples(mlops)}). A role that needs both LLM work and MLOps work reads best "
            "as an MLOps engineer with an LLM focus.",
            (SIXTY_PERCENT_SOURCE,),
        )
    return (
        Verdict.MIXED,
        f"Neither side reaches 60% ({both}). Real depth on both sides is rare in one person; "
        "the closest role is the one whose requirements overlap the posting most.",
        (COLUMNS_SOURCE,),
    )


def role_verdict(kb: KnowledgeBase, role: Role) -> Verdict:
    """A role's own lean, read from its requirements by the same rules as a posting's."""
    wanted = [r.skill for r in role.requirements if r.level > 0]
    skills = [FoundSkill(s, kb.skill(s).name, skill_lean(kb, s), ()) for s in wanted]
    return posting_lean(kb, skills).verdict


def closest_role(kb: KnowledgeBase, skill_ids: Sequence[SkillId], verdict: Verdict) -> Role | None:
    """The target role the posting is most like, among those that lean the same way.

    "Most like" is the balance (harmonic mean) of two shares: of the posting's skills, those
    the role requires; of the role's requirements (core counting twice), those the posting
    names. A mixed posting without MLOps depth is compared with every role. Ties go to the
    role listed first in the knowledge base. None for a posting that is not an AI or ML job.
    """
    if verdict == Verdict.NONE or not skill_ids:
        return None
    roles = kb.target_roles
    if verdict != Verdict.MIXED or _mlops_depth(kb, skill_ids):
        same = tuple(r for r in roles if role_verdict(kb, r) == verdict)
        roles = same or roles
    wanted = set(skill_ids)
    best: tuple[float, int] | None = None
    chosen = None
    for order, role in enumerate(roles):
        weights = {r.skill: (2 if r.weight == Weight.CORE else 1) for r in role.requirements}
        if not weights:
            continue
        covered = len(wanted & set(weights)) / len(wanted)
        named = sum(w for s, w in weights.items() if s in wanted) / sum(weights.values())
        score = 2 * covered * named / (covered + named) if covered + named else 0.0
        if best is None or (score, -order) > best:
            best, chosen = (score, -order), role
    return chosen


def _mlops_depth(kb: KnowledgeBase, skill_ids: Iterable[SkillId]) -> bool:
    return sum(1 for s in skill_ids if kb.skill(s).category == MLOPS_AREA) >= MLOPS_DEPTH


def posting_requirements(
    kb: KnowledgeBase, skill_ids: Sequence[SkillId], role: Role | None
) -> tuple[Requirement, ...]:
    """Each skill at the level (and weight, and source) ``role`` gives it; a skill the role
    does not name at ``DEFAULT_LEVEL``, secondary, as our reading."""
    requirements = []
    for skill_id in skill_ids:
        named = role.requirement_for(skill_id) if role else None
        if named is not None and named.level > 0:
            requirements.append(named)
        else:
            skill = kb.skill(skill_id)
            requirements.append(
                Requirement(skill.id, DEFAULT_LEVEL, Weight.SECONDARY, OURS, DEFAULT_REASON)
            )
    return tuple(requirements)


def posting_target(
    kb: KnowledgeBase,
    title: str,
    requirements: Iterable[Requirement],
    closest: Role | None,
    posting_id: int | None = None,
) -> PostingTarget:
    """The posting as a role of its own, and the knowledge base with it, for the planner.

    The role asks for ``requirements`` and borrows from the closest role what the plan's last
    month prepares (its first-90-days deliverables and interview loop, each cited), so the
    plan ends with the portfolio piece and interviews such a posting leads to. It is neither a
    target nor a background, so lists of roles never show it.
    """
    role_id = RoleId(f"posting-{posting_id}") if posting_id is not None else UNSAVED_ROLE
    known = [r for r in requirements if _has_skill(kb, r.skill)]
    family = closest.family if closest and closest.family in (Family.AI, Family.ML) else None
    role = Role(
        id=role_id,
        name=title,
        family=family or Family.HYBRID,
        summary=f"The job posting “{title}”.",
        is_target=False,
        is_background=False,
        deliverables=closest.deliverables if closest else (),
        first_90_days=closest.first_90_days if closest else (),
        interview_loop=closest.interview_loop if closest else (),
        requirements=tuple(known),
        sources=tuple(dict.fromkeys(r.source for r in known if not r.is_ours)),
    )
    extended = dataclasses.replace(kb, roles=(*(r for r in kb.roles if r.id != role_id), role))
    return PostingTarget(role, extended, posting_id)


def _has_skill(kb: KnowledgeBase, skill_id: str) -> bool:
    try:
        kb.skill(skill_id)
    except KeyError:
        return False  # a saved posting may name a skill a later knowledge base dropped
    return True


def _examples(skills: Sequence[FoundSkill], limit: int = 3) -> str:
    """The first few skills as the posting writes them: "LangGraph, Pinecone and RAG"."""
    shown = [s.matches[0].text if s.matches else s.name for s in skills[:limit]]
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
