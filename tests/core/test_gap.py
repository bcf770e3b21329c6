"""Gap analysis on a small hand-built knowledge base: readiness, gaps, explanations, ranking."""

from __future__ import annotations

import dataclasses

import pytest

from careerplanner.core.gap import analyse_all, analyse_role, gaps_to_dict
from careerplanner.knowledge.model import OURS, Weight

FULL_ML = {
    "python": 3,
    "linear-algebra": 3,
    "probability": 3,
    "scikit-learn": 3,
    "pytorch": 3,
    "feature-pipelines": 2,
    "serving": 2,
    "docker": 2,
    "prompting": 1,
}


def test_meeting_every_requirement_is_fully_ready_with_no_gaps(kb):
    result = analyse_role(kb, "ml-engineer", FULL_ML)
    assert result.readiness == 1.0
    assert result.gaps == ()
    assert result.ready


def test_being_above_the_requirement_earns_nothing_extra(kb):
    above = {skill: 4 for skill in FULL_ML}
    assert analyse_role(kb, "ml-engineer", above).readiness == 1.0


def _effort(kb, skills_levels) -> int:
    return sum(kb.skill(s).hours_between(0, level) for s, level in skills_levels.items())


def test_readiness_is_the_share_of_effort_core_skills_counting_twice(kb):
    core = {s: FULL_ML[s] for s in FULL_ML if s not in {"docker", "prompting"}}
    total = 2 * _effort(kb, core) + _effort(kb, {"docker": 2, "prompting": 1})
    missing_core = {**FULL_ML, "pytorch": 0}
    missing_secondary = {**FULL_ML, "docker": 0}
    assert analyse_role(kb, "ml-engineer", missing_core).readiness == pytest.approx(
        1 - 2 * (20 + 40 + 80) / total
    )
    assert analyse_role(kb, "ml-engineer", missing_secondary).readiness == pytest.approx(
        1 - (10 + 20) / total
    )


def test_the_last_levels_cost_more_readiness_than_the_first(kb):
    # PyTorch steps take 20, 40 and 80 hours: missing the top level costs more than the bottom.
    one_short = analyse_role(kb, "ml-engineer", {**FULL_ML, "pytorch": 2}).readiness
    two_short = analyse_role(kb, "ml-engineer", {**FULL_ML, "pytorch": 1}).readiness
    assert 1 - one_short == pytest.approx((1 - two_short) * 80 / 120)


def test_gaps_list_only_skills_below_the_requirement(kb):
    result = analyse_role(kb, "ml-engineer", {**FULL_ML, "pytorch": 1, "docker": 4})
    assert [gap.skill for gap in result.gaps] == ["pytorch"]
    gap = result.gaps[0]
    assert (gap.current, gap.required, gap.weight) == (1, 3, Weight.CORE)


def test_gaps_are_most_important_first(kb):
    levels = {**FULL_ML, "docker": 0, "pytorch": 2, "probability": 0, "prompting": 0}
    gaps = analyse_role(kb, "ml-engineer", levels).gaps
    # Core before secondary; within each, the biggest shortfall first.
    assert [g.skill for g in gaps] == ["probability", "pytorch", "docker", "prompting"]


def test_each_gap_is_explained_in_one_sentence(kb):
    levels = {**FULL_ML, "probability": 1, "docker": 0}
    gaps = {g.skill: g for g in analyse_role(kb, "ml-engineer", levels).gaps}
    # The level is our reading of the article that names the skill for the role.
    assert gaps["probability"].explanation == (
        "ML Engineer needs Probability & statistics at 3 (our reading of Publisher One), "
        "you have 1; core skill."
    )
    assert gaps["docker"].explanation.endswith("you have 0; secondary skill.")
    assert gaps["probability"].source == "s1"


def test_a_requirement_of_ours_is_explained_as_our_suggestion(kb):
    ml = kb.role("ml-engineer")
    theirs = ml.requirement_for("docker")
    ours = dataclasses.replace(theirs, source=OURS, reason="every ML team ships containers")
    role = dataclasses.replace(
        ml, requirements=tuple(ours if r is theirs else r for r in ml.requirements)
    )
    kb_ours = dataclasses.replace(kb, roles=(role, *(r for r in kb.roles if r.id != ml.id)))
    gaps = analyse_role(kb_ours, "ml-engineer", {**FULL_ML, "docker": 0}).gaps
    gap = next(g for g in gaps if g.skill == "docker")
    assert gap.explanation == (
        "ML Engineer needs Docker at 2 (our suggestion), you have 0; secondary skill."
    )
    assert gap.source == "ours"


def test_gap_hours_are_the_typical_hours_between_the_levels(kb):
    gaps = {g.skill: g for g in analyse_role(kb, "ml-engineer", {**FULL_ML, "pytorch": 1}).gaps}
    assert gaps["pytorch"].hours == 40 + 80  # steps 1->2 and 2->3
    assert analyse_role(kb, "ml-engineer", {**FULL_ML, "pytorch": 1}).hours == 120


def test_category_scores_compare_mean_required_with_mean_capped_current(kb):
    levels = {**FULL_ML, "linear-algebra": 4, "probability": 1}
    scores = {c.category: c for c in analyse_role(kb, "ml-engineer", levels).categories}
    assert scores["math"].required == 3
    assert scores["math"].current == pytest.approx((3 + 1) / 2)  # the 4 counts as 3
    assert scores["math"].name == "Math"
    assert list(scores) == ["programming", "math", "ml", "llm", "ops"]  # the knowledge base order


def test_levels_may_name_skills_by_name_or_alias_in_any_case(kb):
    by_id = analyse_role(kb, "ai-engineer", {"vector-db": 2, "python": 3})
    by_name = analyse_role(kb, "AI Engineer", {"VECTOR DBS": 2, "py": 3})
    assert by_id == by_name


def test_unknown_skill_or_bad_level_is_a_value_error(kb):
    with pytest.raises(ValueError, match="unknown skill 'cobol'"):
        analyse_all(kb, {"cobol": 2})
    with pytest.raises(ValueError, match="0-4"):
        analyse_all(kb, {"python": 5})


def test_unknown_role_suggests_the_closest_names(kb):
    with pytest.raises(ValueError, match="did you mean ML Engineer"):
        analyse_role(kb, "ml-enginer", {})


def test_all_target_roles_are_ranked_best_ready_first(kb):
    ranked = analyse_all(kb, {})
    assert {g.role for g in ranked} == {"ml-engineer", "ai-engineer", "ml-platform-engineer"}
    readiness = [g.readiness for g in ranked]
    assert readiness == sorted(readiness, reverse=True)


def test_equal_readiness_is_broken_by_fewer_hours_then_id(kb):
    ranked = analyse_all(kb, {})  # nothing known: every role is at 0
    assert all(g.readiness == 0 for g in ranked)
    hours = [g.hours for g in ranked]
    assert hours == sorted(hours)
    assert analyse_all(kb, {}) == ranked


def test_llm_profile_ranks_ai_engineer_above_ml_engineer(kb):
    llm = {"python": 3, "prompting": 3, "rag": 3, "vector-db": 3, "evals": 3}
    order = [g.role for g in analyse_all(kb, llm)]
    assert order.index("ai-engineer") < order.index("ml-engineer")


def test_modelling_profile_ranks_ml_engineer_above_ai_engineer(kb):
    modelling = {"python": 3, "linear-algebra": 3, "probability": 3, "scikit-learn": 3}
    modelling |= {"pytorch": 3, "feature-pipelines": 3, "serving": 3}
    order = [g.role for g in analyse_all(kb, modelling)]
    assert order.index("ml-engineer") < order.index("ai-engineer")


def test_gaps_to_dict_has_the_command_line_shape(kb):
    document = gaps_to_dict(analyse_all(kb, {"python": 3}))
    first = document["roles"][0]
    assert {"id", "name", "readiness", "gaps"} <= set(first)
    assert 0 <= first["readiness"] <= 1
    assert {"skill", "current", "required", "weight"} <= set(first["gaps"][0])
    assert first["gaps"][0]["weight"] in {"core", "secondary"}
