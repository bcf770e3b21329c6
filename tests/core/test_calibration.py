"""The plan on the shipped knowledge base: calibrated to the sources' durations per pivot path,
ranking that matches the issue's examples, and the plan rules on real data."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.core.gap import analyse_all
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge
from tests.core.plan_checks import assert_valid_plan

KB = default_knowledge()
START = date(2027, 1, 1)
#: Paths whose sources give a duration, from a background to a target.
CLAIMED = [p for p in KB.paths if p.claims and p.from_role and p.to_role]
UNCLAIMED = [p for p in KB.paths if not p.claims and p.from_role and p.to_role]


def typical_plan(path, hours=None, start=START):
    levels = dict(KB.role(path.from_role).typical_levels)
    return build_plan(KB, PlanRequest(levels, path.from_role, path.to_role, hours, start))


#: Each source's duration claim on a path from a background to a target, by whether we read a
#: pace into it (``weekly_hours``) or found that no sensible pace reproduces it.
PACED = [(p, c) for p in CLAIMED for c in p.claims if c.weekly_hours is not None]
UNPACED = [(p, c) for p in CLAIMED for c in p.claims if c.weekly_hours is None]
#: Below this, a pace is not the deliberate effort any of the sources describes.
SENSIBLE_WEEKLY_HOURS = 6
STARTS = [START, date(2027, 2, 1), date(2028, 7, 1)]


def claim_id(case) -> str:
    path, claim = case
    return f"{path.id}:{claim.source}"


def test_the_main_pivot_paths_are_all_calibrated():
    assert {"swe-to-ml", "swe-to-ai", "ai-to-ml", "ml-to-ai"} <= {p.id for p in CLAIMED}
    # Every claim either carries our reading of its pace or says why none fits.
    assert len(PACED) + len(UNPACED) == sum(len(p.claims) for p in CLAIMED)
    assert ("swe-to-ai", "careerchoice-us") in {(p.id, c.source) for p, c in PACED}
    assert ("swe-to-ai", "ayautomate-hiring") in {(p.id, c.source) for p, c in PACED}


@pytest.mark.parametrize("case", PACED, ids=claim_id)
@pytest.mark.parametrize("start", STARTS, ids=str)
def test_typical_start_at_each_claims_pace_lands_inside_that_claims_months(case, start):
    path, claim = case
    plan = typical_plan(path, hours=claim.weekly_hours, start=start)
    assert plan.path == path.id and plan.path_is_direct
    assert claim.min_months <= plan.total_months <= claim.max_months, (
        f"{path.id}: {plan.total_months} months at {claim.weekly_hours} h/week, "
        f"{claim.source} says {claim.min_months:g}-{claim.max_months:g}"
    )


@pytest.mark.parametrize("case", UNPACED, ids=claim_id)
def test_a_claim_no_sensible_pace_reproduces_says_so_instead_of_bending_the_pace(case):
    path, claim = case
    # At any pace from a sensible minimum up, the typical gap takes fewer months than claimed.
    for hours in range(SENSIBLE_WEEKLY_HOURS, 41):
        assert typical_plan(path, hours=hours).total_months < claim.min_months, hours
    assert claim.weekly_hours_rationale.lower().startswith("no sensible pace")
    plan = typical_plan(path)
    figure = f"{KB.source(claim.source).possessive} {claim.min_months:g}-{claim.max_months:g}"
    assert any(
        n.startswith(f"Our reading of {figure} months: no sensible pace") for n in plan.notes
    )
    (pace,) = plan.claim_paces
    assert pace.weekly_hours is None and pace.months is None


@pytest.mark.parametrize("path", CLAIMED, ids=lambda p: p.id)
def test_without_hours_the_plan_uses_the_paths_default_pace_and_says_it_is_ours(path):
    plan = typical_plan(path)
    assert plan.hours_per_week == path.weekly_hours and plan.hours_source == "path"
    assert any(
        n.startswith(f"{path.weekly_hours:g} hours a week is our default pace") for n in plan.notes
    )


@pytest.mark.parametrize("case", PACED, ids=claim_id)
def test_each_claims_pace_and_the_months_it_gives_come_with_the_plan(case):
    path, claim = case
    plan = typical_plan(path, hours=7)
    pace = next(c for c in plan.claim_paces if c.source == claim.source)
    assert pace.weekly_hours == claim.weekly_hours
    # The months are what this very plan takes at that pace, not the claim restated.
    assert pace.months == typical_plan(path, hours=claim.weekly_hours).total_months
    figure = f"{KB.source(claim.source).possessive} "
    assert any(
        n.startswith(f"Our reading of the pace behind {figure}")
        and f"about {claim.weekly_hours} hours a week" in n
        for n in plan.notes
    )


def test_a_student_on_the_ai_track_finishes_the_starter_plan_in_its_six_months():
    (claim,) = KB.path("starter").claims
    levels = dict(KB.role("student").typical_levels)
    for start in STARTS:
        plan = build_plan(
            KB, PlanRequest(levels, "student", "ai-engineer", claim.weekly_hours, start)
        )
        starter = [m.index for m in plan.months for i in m.items if ":starter:" in f"{i.id}:"]
        assert claim.min_months <= max(starter) <= claim.max_months


@pytest.mark.parametrize("path", CLAIMED + UNCLAIMED, ids=lambda p: p.id)
def test_twice_the_hours_gives_about_half_the_months(path):
    normal = typical_plan(path)
    double = typical_plan(path, hours=path.weekly_hours * 2)
    assert double.total_months <= normal.total_months
    assert double.total_months <= math.ceil(normal.total_months / 2) + 1


@pytest.mark.parametrize("path", UNCLAIMED, ids=lambda p: p.id)
def test_a_path_without_a_claimed_duration_says_so(path):
    plan = typical_plan(path)
    assert plan.path_is_direct and plan.duration_min is None
    assert path.duration_note in plan.notes


def test_software_engineer_to_ai_engineer_shows_both_sources():
    plan = typical_plan(KB.path("swe-to-ai"))
    assert len(plan.duration_claims) == 2
    assert (plan.duration_min, plan.duration_max) == (2, 6)
    assert any("sources disagree" in note for note in plan.notes)


LLM = {s: 3 for s in ("python", "prompt-engineering", "rag", "vector-databases", "llm-evals")}
LLM |= {"embeddings": 3, "llm-apis": 3}
MODELLING = {
    s: 3
    for s in (
        "python",
        "linear-algebra",
        "calculus",
        "probability-statistics",
        "classical-ml",
        "pytorch",
        "deep-learning",
        "feature-engineering",
        "data-pipelines",
        "feature-stores",
        "model-serving",
    )
}


def _rank(levels) -> list[str]:
    return [g.role for g in analyse_all(KB, levels)]


def test_prompting_retrieval_and_evals_rank_ai_engineer_above_ml_engineer():
    order = _rank(LLM)
    assert order.index("ai-engineer") < order.index("ml-engineer")


def test_math_models_pipelines_and_serving_rank_ml_engineer_above_ai_engineer():
    order = _rank(MODELLING)
    assert order.index("ml-engineer") < order.index("ai-engineer")


def test_student_to_ml_platform_engineer_borrows_the_closest_path():
    levels = dict(KB.role("student").typical_levels)
    plan = build_plan(KB, PlanRequest(levels, "student", "ml-platform-engineer", None, START))
    assert not plan.path_is_direct and plan.path is not None
    assert any("borrowed" in note for note in plan.notes)
    planned = {s.skill for m in plan.months for s in m.skills}
    assert {"kubernetes", "model-serving", "feature-stores"} <= planned


def test_an_engineer_who_already_qualifies_gets_portfolio_and_interview_preparation():
    levels = {r.skill: r.level for r in KB.role("ai-engineer").requirements}
    plan = build_plan(KB, PlanRequest(levels, "software-engineer", "ai-engineer", None, START))
    assert plan.ready and plan.total_months == 1
    (month,) = plan.months
    assert any("50 or more golden examples" in a for a in month.activities)
    assert any(a.startswith("Interview preparation:") for a in month.activities)
    assert month.milestone.startswith("Portfolio for AI Engineer interviews")


levels = st.dictionaries(st.sampled_from([s.id for s in KB.skills]), st.integers(0, 4))


@settings(max_examples=60, deadline=None)
@given(
    levels,
    st.sampled_from([r.id for r in KB.backgrounds]),
    st.sampled_from([r.id for r in KB.target_roles]),
    st.integers(1, 79),
)
def test_any_input_on_the_real_knowledge_gives_a_valid_plan(levels, background, target, hours):
    request = PlanRequest(levels, background, target, hours, START)
    plan = build_plan(KB, request)
    assert_valid_plan(KB, request, plan)
    assert build_plan(
        KB, PlanRequest(levels, background, target, hours + 1, START)
    ).total_months <= (plan.total_months)


def test_a_software_engineer_is_about_60_percent_of_the_way_to_ai_engineer():
    # careerchoice-us: a software engineer is 60% of the way to AI engineering.
    levels = dict(KB.role("software-engineer").typical_levels)
    ai = next(g for g in analyse_all(KB, levels) if g.role == "ai-engineer")
    assert 0.45 <= ai.readiness <= 0.75


@pytest.mark.parametrize("target", sorted(r.id for r in KB.target_roles))
def test_a_student_starts_with_the_sources_starter_plan_then_the_closest_path(target):
    levels = dict(KB.role("student").typical_levels)
    plan = build_plan(KB, PlanRequest(levels, "student", target, None, START))
    starter = KB.path("starter")
    month_of = {i.id: m.index for m in plan.months for i in m.items}
    items = list(month_of)
    starter_months = [m for i, m in month_of.items() if i.split(":")[1] == "starter"]
    path_months = [m for i, m in month_of.items() if i.split(":")[1] == plan.path]
    assert starter_months and path_months
    assert items[0] == "activity:starter:1:1"  # month 1 starts the starter plan
    assert max(starter_months) <= max(path_months)
    if target in {"ai-engineer", "ml-engineer", "data-scientist"}:
        # (For other targets a prerequisite of a starter skill can bring a path phase forward.)
        assert max(starter_months) <= min(path_months)
    assert {f"milestone:starter:{n}" for n in range(1, len(starter.phases) + 1)} <= set(items)
    assert "careerchoice-us" in plan.months[0].sources
    assert any(
        note.startswith("No source describes Student") and starter.name in note
        for note in plan.notes
    )
    assert plan.duration_min is None and not plan.path_is_direct


def test_the_pace_sentence_gives_each_sources_timeline_at_its_pace_with_this_plans_months():
    from careerplanner.export.text import pace_sentence

    path = KB.path("swe-to-ai")
    plan = typical_plan(path, hours=10)
    essay, ay = path.claims
    at_essay = typical_plan(path, hours=essay.weekly_hours).total_months
    at_ay = typical_plan(path, hours=ay.weekly_hours).total_months
    assert pace_sentence(plan, KB) == (
        f"At 10 hours a week this plan takes {plan.total_months} months. Our reading of the "
        f"sources' timelines: the essay's 2-3 months matches about {essay.weekly_hours} hours a "
        f"week ({at_essay} months in this plan at that pace); AY Automate's 6 months about "
        f"{ay.weekly_hours} hours a week ({at_ay} months)."
    )


def test_the_pace_sentence_says_plainly_when_no_sensible_pace_matches_a_source():
    from careerplanner.export.text import pace_sentence

    plan = typical_plan(KB.path("ml-to-ai"))
    assert pace_sentence(plan, KB).endswith(
        "Our reading of the source's timeline: no sensible pace matches ClarUp's 18-24 months "
        "(see the notes)."
    )


def test_the_plan_json_gives_each_claims_pace_as_ours_and_the_months_it_takes():
    from careerplanner.core.plan import plan_to_dict

    path = KB.path("swe-to-ai")
    claims = plan_to_dict(typical_plan(path, hours=10))["duration_range"]["claims"]
    assert [(c["source"], c["min"], c["max"]) for c in claims] == [
        ("careerchoice-us", 2, 3),
        ("ayautomate-hiring", 6, 6),
    ]
    for claim, document in zip(path.claims, claims, strict=True):
        assert document["weekly_hours"] == claim.weekly_hours
        assert document["weekly_hours_source"] == "ours"
        assert document["weekly_hours_rationale"] == claim.weekly_hours_rationale
        at_pace = typical_plan(path, hours=claim.weekly_hours).total_months
        assert document["months_at_weekly_hours"] == at_pace
    (no_pace,) = plan_to_dict(typical_plan(KB.path("ml-to-ai")))["duration_range"]["claims"]
    assert no_pace["weekly_hours"] is None and no_pace["months_at_weekly_hours"] is None


@pytest.mark.parametrize("path", CLAIMED + UNCLAIMED, ids=lambda p: p.id)
def test_the_paths_notes_reach_the_plan_saying_whose_they_are(path):
    plan = typical_plan(path)
    for note in path.notes:
        whose = "our reading" if note.is_ours else KB.source(note.source).short
        said = note.text.rstrip(".")
        assert f"{said} ({whose})." in plan.notes, note.text
