"""A small hand-built knowledge base, so core tests do not depend on the real data files."""

from __future__ import annotations

import pytest

from careerplanner.knowledge.model import (
    OURS,
    Category,
    CategoryId,
    DurationClaim,
    Fact,
    Family,
    KnowledgeBase,
    PathId,
    PathPhase,
    PhaseStep,
    PivotPath,
    Requirement,
    Role,
    RoleId,
    Skill,
    SkillId,
    Source,
    SourceId,
    Weight,
)

S1, S2 = SourceId("s1"), SourceId("s2")
CORE, SECONDARY = Weight.CORE, Weight.SECONDARY


def skill(
    id: str,
    category: str,
    hours: tuple[int, int, int, int] = (10, 20, 40, 80),
    prerequisites: tuple[str, ...] = (),
    name: str | None = None,
    aliases: tuple[str, ...] = (),
) -> Skill:
    return Skill(
        id=SkillId(id),
        name=name or id.replace("-", " ").capitalize(),
        aliases=aliases,
        category=CategoryId(category),
        description="",
        levels=tuple(f"You can do {id} at level {n}." for n in range(5)),  # type: ignore[arg-type]
        prerequisites=tuple(SkillId(p) for p in prerequisites),
        hours_per_step=hours,
        tools=(f"{id}-tool",),
        sources=(S1,),
    )


def req(skill_id: str, level: int, weight: Weight = CORE, source: SourceId = S1) -> Requirement:
    return Requirement(SkillId(skill_id), level, weight, source)


def role(
    id: str,
    name: str,
    requirements: tuple[Requirement, ...] = (),
    typical: dict[str, int] | None = None,
    target: bool = True,
    background: bool = False,
    **extra,
) -> Role:
    return Role(
        id=RoleId(id),
        name=name,
        family=Family.BACKGROUND if background and not target else Family.ML,
        summary="",
        is_target=target,
        is_background=background,
        requirements=requirements,
        typical_levels={SkillId(k): v for k, v in (typical or {}).items()},
        sources=(S1,),
        **extra,
    )


def phase(
    name: str,
    skills: tuple[str, ...],
    steps: tuple[str, ...],
    milestone: str,
    months: float | None = None,
) -> PathPhase:
    """A phase whose steps cite the second article and whose milestone is ours."""
    return PathPhase(
        name,
        tuple(SkillId(s) for s in skills),
        tuple(PhaseStep(text, S2) for text in steps),
        Fact(milestone, OURS, "a deliverable we suggest"),
        months,
    )


SKILLS = (
    skill("python", "programming", (10, 20, 40, 80), aliases=("py",)),
    skill("linear-algebra", "math", (20, 30, 50, 80), name="Linear algebra"),
    skill("probability", "math", (20, 30, 50, 80), name="Probability & statistics"),
    skill("scikit-learn", "ml", (15, 30, 60, 100), ("python", "probability")),
    skill("pytorch", "ml", (20, 40, 80, 120), ("python", "linear-algebra"), name="PyTorch"),
    skill("prompting", "llm", (5, 15, 30, 60), ("python",), name="Prompt engineering"),
    skill("rag", "llm", (10, 30, 60, 90), ("prompting",), name="RAG"),
    skill("vector-db", "llm", (10, 20, 40, 60), name="Vector databases", aliases=("vector dbs",)),
    skill("evals", "llm", (10, 25, 50, 80), ("probability",), name="LLM evals"),
    skill("docker", "ops", (10, 20, 30, 60)),
    skill("serving", "ops", (15, 30, 60, 90), ("docker", "python"), name="Model serving"),
    skill("feature-pipelines", "ops", (15, 30, 60, 90), ("python",)),
    skill("kubernetes", "ops", (20, 40, 80, 120), ("docker",), aliases=("k8s",)),
)

ML = role(
    "ml-engineer",
    "ML Engineer",
    (
        req("python", 3),
        req("linear-algebra", 3),
        req("probability", 3),
        req("scikit-learn", 3),
        req("pytorch", 3),
        req("feature-pipelines", 2),
        req("serving", 2),
        req("docker", 2, SECONDARY),
        req("prompting", 1, SECONDARY),
    ),
    interview_loop=(Fact("An ML coding round and an ML system design round.", S2),),
    first_90_days=("One model in production beating a baseline",),
)
AI = role(
    "ai-engineer",
    "AI Engineer",
    (
        req("python", 3),
        req("prompting", 3),
        req("rag", 3),
        req("vector-db", 2),
        req("evals", 3),
        req("probability", 1, SECONDARY),
        req("docker", 2, SECONDARY),
    ),
    interview_loop=(Fact("A RAG system design round.", S2),),
    first_90_days=("A RAG feature with an eval suite of 50 golden examples",),
)
PLATFORM = role(
    "ml-platform-engineer",
    "ML Platform Engineer",
    (
        req("python", 3),
        req("docker", 3),
        req("kubernetes", 3),
        req("feature-pipelines", 3),
        req("serving", 3),
        req("scikit-learn", 1, SECONDARY),
    ),
)
SWE = role(
    "software-engineer",
    "Software Engineer",
    typical={"python": 3, "docker": 2, "probability": 1, "linear-algebra": 1},
    target=False,
    background=True,
)
STUDENT = role(
    "student",
    "Student",
    typical={"python": 2, "linear-algebra": 1, "probability": 1},
    target=False,
    background=True,
)
# AI and ML engineers are both targets and backgrounds, as in the real knowledge base.
AI_BG = role(
    AI.id,
    AI.name,
    AI.requirements,
    {"python": 3, "prompting": 3, "rag": 3},
    True,
    True,
    interview_loop=AI.interview_loop,
    first_90_days=AI.first_90_days,
)

SWE_TO_ML = PivotPath(
    id=PathId("swe-to-ml"),
    name="Software engineer to ML engineer",
    from_role=SWE.id,
    to_role=ML.id,
    claims=(DurationClaim(12, 18, S1, weekly_hours=10, weekly_hours_rationale="beside a job"),),
    weekly_hours=10,
    weekly_hours_rationale="Evenings and weekends beside a job",
    phases=(
        phase(
            "Math",
            ("linear-algebra", "probability"),
            ("Work through a linear algebra course", "Redo a statistics course"),
            "Derive gradient descent for linear regression by hand",
        ),
        phase(
            "Classical ML",
            ("scikit-learn",),
            ("Enter a Kaggle competition",),
            "A Kaggle notebook with a validated model",
        ),
        phase(
            "Deep learning",
            ("pytorch",),
            ("Work through Zero to Hero",),
            "Train a small transformer from scratch",
        ),
        phase(
            "Production",
            ("feature-pipelines", "serving", "docker"),
            ("Contribute to a feature store", "Deploy a model behind a shadow flag"),
            "A model served in production with drift monitoring",
        ),
        phase(
            "Portfolio",
            (),
            ("Write up two projects", "Practise ML system design"),
            "A portfolio of two shipped models and interview practice done",
        ),
    ),
)
SWE_TO_AI = PivotPath(
    id=PathId("swe-to-ai"),
    name="Software engineer to AI engineer",
    from_role=SWE.id,
    to_role=AI.id,
    claims=(
        DurationClaim(2, 3, S1, "apply in 8 weeks", 30, "full-time focus"),
        DurationClaim(6, 6, S2, "about six", 12, "beside a job"),
    ),
    weekly_hours=15,
    weekly_hours_rationale="Focused upskilling",
    phases=(
        phase("LLM basics", ("prompting", "vector-db"), ("Learn prompting",), "A prompt library"),
        phase(
            "RAG and evals",
            ("rag", "evals", "probability"),
            ("Build two RAG projects", "Write an eval suite"),
            "A RAG feature with an eval suite of 50 golden examples",
        ),
    ),
)
AI_TO_ML = PivotPath(
    id=PathId("ai-to-ml"),
    name="AI engineer to ML engineer",
    from_role=AI.id,
    to_role=ML.id,
    claims=(DurationClaim(18, 24, S1, weekly_hours_rationale="no sensible pace gives this"),),
    weekly_hours=8,
    weekly_hours_rationale="Beside a full-time job",
    phases=SWE_TO_ML.phases,
)


def make_kb(paths: tuple[PivotPath, ...] = (SWE_TO_ML, SWE_TO_AI, AI_TO_ML)) -> KnowledgeBase:
    return KnowledgeBase(
        sources=(
            Source(S1, "First article", "Publisher One", "a.txt", ""),
            Source(S2, "Second article", "Publisher Two", "b.txt", ""),
        ),
        categories=tuple(
            Category(CategoryId(c), c.upper() if len(c) < 4 else c.capitalize())
            for c in ("programming", "math", "ml", "llm", "ops")
        ),
        skills=SKILLS,
        roles=(ML, AI_BG, PLATFORM, SWE, STUDENT),
        paths=paths,
        salaries=(),
    )


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return make_kb()
