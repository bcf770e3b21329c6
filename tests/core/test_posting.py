"""A posting's lean (AI, ML, mixed or none), its closest role and the article behind the verdict,
and the requirement set a plan toward it aims at."""

from __future__ import annotations

import pytest

from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.core.posting import (
    DEFAULT_LEVEL,
    Lean,
    Verdict,
    analyse_posting,
    posting_target,
    role_verdict,
    skill_lean,
)
from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.model import Weight
from tests.core.postings import posting


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


@pytest.mark.parametrize(
    ("name", "verdict", "closest", "sources"),
    [
        ("ai_engineer", Verdict.AI, "ai-engineer", ("ayautomate-hiring", "datadriven-hiring")),
        ("ml_engineer", Verdict.ML, "ml-engineer", ("ayautomate-hiring", "datadriven-hiring")),
        ("mlops_llm", Verdict.MIXED, "mlops-engineer", ("datadriven-hiring",)),
        ("not_technical", Verdict.NONE, None, ()),
    ],
)
def test_each_posting_leans_the_way_its_tools_do(kb, name, verdict, closest, sources):
    analysis = analyse_posting(kb, posting(name))
    assert analysis.lean.verdict == verdict
    assert (analysis.closest_role.id if analysis.closest_role else None) == closest
    assert analysis.lean.sources == sources
    assert analysis.lean.reason  # always said in words


def test_shares_are_of_the_skills_found_and_add_up_to_one(kb):
    lean = analyse_posting(kb, posting("ml_engineer")).lean
    assert lean.ai == 0 and lean.ml > lean.shared > 0
    assert lean.ai + lean.ml + lean.shared == pytest.approx(1, abs=1e-3)
    assert analyse_posting(kb, posting("not_technical")).lean.shared == 0


def test_the_reason_names_the_tools_that_decided_it(kb):
    reason = analyse_posting(kb, posting("ai_engineer")).lean.reason
    assert "AI-engineering skills" in reason and "retrieval-augmented generation" in reason
    assert "60%" in reason


def test_the_flagship_tools_of_each_column_lean_their_way(kb):
    column_a = "Claude Agent SDK, LangGraph, Braintrust, Pinecone and Helicone"
    column_b = "PyTorch, MLflow, Tecton, Ray and Evidently"
    assert analyse_posting(kb, f"We use {column_a}.").lean.verdict == Verdict.AI
    assert analyse_posting(kb, f"We use {column_b}.").lean.verdict == Verdict.ML


def test_a_stack_split_short_of_sixty_percent_is_mixed(kb):
    # Two AI skills, two ML skills, no MLOps: neither side dominates.
    analysis = analyse_posting(kb, "RAG, prompt engineering, XGBoost and PyTorch.")
    assert analysis.lean.verdict == Verdict.MIXED
    assert analysis.lean.sources == ("ayautomate-hiring",)
    assert analysis.closest_role is not None


def test_general_engineering_alone_is_not_an_ai_or_ml_job(kb):
    text = "Backend engineer: Python, Docker, Kubernetes, PostgreSQL, REST APIs, AWS, Terraform."
    analysis = analyse_posting(kb, text)
    assert analysis.lean.verdict == Verdict.NONE
    assert analysis.closest_role is None
    assert analysis.lean.shared == 1
    assert "general engineering" in analysis.lean.reason


def test_skills_lean_by_their_area(kb):
    assert skill_lean(kb, "rag") == Lean.AI
    assert skill_lean(kb, "pytorch") == Lean.ML
    assert skill_lean(kb, "python") == skill_lean(kb, "docker") == Lean.SHARED


def test_the_roles_lean_by_the_same_rules(kb):
    assert role_verdict(kb, kb.role("ai-engineer")) == Verdict.AI
    assert role_verdict(kb, kb.role("ai-application-engineer")) == Verdict.AI
    assert role_verdict(kb, kb.role("ml-engineer")) == Verdict.ML
    assert role_verdict(kb, kb.role("mlops-engineer")) == Verdict.MIXED


def test_each_skill_is_asked_at_the_closest_roles_level_or_two(kb):
    analysis = analyse_posting(kb, posting("ai_engineer"))
    role = analysis.closest_role
    wanted = {r.skill: r for r in analysis.requirements}
    assert set(wanted) == {s.skill for s in analysis.skills}
    for skill, requirement in wanted.items():
        named = role.requirement_for(skill)
        if named is not None:
            assert (requirement.level, requirement.weight) == (named.level, named.weight)
        else:
            assert (requirement.level, requirement.weight) == (DEFAULT_LEVEL, Weight.SECONDARY)
            assert requirement.is_ours and requirement.reason  # our reading, said as such
    assert wanted["rag"].level == role.requirement_for("rag").level == 3


def test_a_posting_that_is_no_ai_job_asks_for_its_skills_at_two(kb):
    analysis = analyse_posting(kb, "Python, Docker and SQL.")
    assert {(r.skill, r.level) for r in analysis.requirements} == {
        ("python", 2),
        ("docker", 2),
        ("sql", 2),
    }


def test_a_posting_becomes_a_role_only_its_own_knowledge_base_knows(kb):
    analysis = analyse_posting(kb, posting("ai_engineer"))
    target = posting_target(kb, "Support copilot", analysis.requirements, analysis.closest_role, 7)
    assert target.role.id == "posting-7" and target.role.name == "Support copilot"
    assert target.kb.role("posting-7") is target.role
    assert target.role not in target.kb.target_roles + target.kb.backgrounds
    assert kb.find_role("posting-7") is None  # the shipped knowledge base is untouched
    assert target.role.interview_loop == analysis.closest_role.interview_loop


def test_a_plan_toward_a_posting_raises_exactly_its_skills(kb):
    analysis = analyse_posting(kb, "RAG with pgvector, LLM evals, Python")
    target = posting_target(kb, "Small", analysis.requirements, analysis.closest_role)
    plan = build_plan(
        target.kb,
        PlanRequest(levels={"python": 3}, background="software-engineer", target=target.role.id),
    )
    reached = {s.skill: s.to_level for m in plan.months for s in m.skills}
    for requirement in analysis.requirements:
        if requirement.skill != "python":
            assert reached[requirement.skill] == requirement.level
    assert plan.to_role == target.role.id
