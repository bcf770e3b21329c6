"""The plan's rules, one test each, on a small hand-built knowledge base."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest

from careerplanner.core.plan import ItemKind, PlanRequest, build_plan, plan_to_dict, skill_item_id
from careerplanner.core.schedule import order_steps, plan_targets
from tests.core.conftest import make_kb

JAN = date(2027, 1, 1)


def swe_levels(kb) -> dict[str, int]:
    return dict(kb.role("software-engineer").typical_levels)


def plan_for(kb, target="ml-engineer", levels=None, background="software-engineer", **kw):
    levels = swe_levels(kb) if levels is None else levels
    return build_plan(kb, PlanRequest(levels, background, target, start=kw.pop("start", JAN), **kw))


def reached(plan) -> list[tuple[str, int]]:
    """(skill, level) in the order the plan reaches them."""
    return [
        (item.skill, item.level)
        for month in plan.months
        for item in month.items
        if item.kind == ItemKind.SKILL
    ]


def test_only_skills_below_the_target_requirement_are_planned(kb):
    plan = plan_for(kb, levels={**swe_levels(kb), "scikit-learn": 3, "pytorch": 4})
    planned = {s.skill for m in plan.months for s in m.skills}
    assert "scikit-learn" not in planned and "pytorch" not in planned
    assert "python" not in planned  # the software engineer already has it at 3
    assert {"linear-algebra", "probability", "serving", "feature-pipelines"} <= planned


def test_prerequisites_reach_level_2_before_a_dependent_goes_above_1(kb):
    levels = {"python": 3, "docker": 0}
    steps = order_steps(kb, None, levels, *plan_targets(kb, kb.role("ml-engineer"), levels)[:2])
    position = {(s.skill.id, s.to_level): n for n, s in enumerate(steps)}
    assert position["docker", 2] < position["serving", 2]
    assert position["linear-algebra", 2] < position["pytorch", 2]
    assert position["probability", 2] < position["scikit-learn", 2]


def test_a_prerequisite_the_role_does_not_ask_for_is_planned_to_2_and_noted(kb):
    # AI Engineer asks for probability at 1 only, but LLM evals build on it.
    plan = plan_for(kb, "ai-engineer", levels={"python": 3, "probability": 1})
    assert ("probability", 2) in reached(plan)
    assert reached(plan).index(("probability", 2)) < reached(plan).index(("evals", 2))
    assert any("Probability & statistics is planned to level 2" in n for n in plan.notes)


def test_the_path_phase_order_sets_the_order_of_the_rest(kb):
    order = [skill for skill, _ in reached(plan_for(kb))]
    # Math, then classical ML, then deep learning, then production.
    assert order.index("probability") < order.index("scikit-learn") < order.index("pytorch")
    assert order.index("pytorch") < order.index("feature-pipelines")


def test_core_skills_come_before_secondary_ones_in_a_phase(kb):
    order = reached(plan_for(kb, levels={"python": 3, "linear-algebra": 3, "probability": 3}))
    # The production phase names docker before serving, but docker is secondary: the core
    # skills of the phase start it.
    production = [s for s in order if s[0] in {"feature-pipelines", "serving", "docker"}]
    assert production[0] == ("feature-pipelines", 1)
    assert order.index(("serving", 1)) < order.index(("prompting", 1))  # secondary, last phase


def test_no_month_holds_more_than_its_calendar_weeks_of_hours(kb):
    plan = plan_for(kb, hours_per_week=10)
    for month in plan.months[:-1]:
        days = calendar.monthrange(month.start.year, month.start.month)[1]
        assert month.hours <= 10 * days / 7 + 0.01
        assert month.hours >= 10 * days / 7 - 0.05, "only the last month may have room left"
    february = next(m for m in plan.months if m.start.month == 2)
    assert february.hours == pytest.approx(40, abs=0.02)


def test_a_large_skill_spans_several_months(kb):
    plan = plan_for(kb, hours_per_week=5)
    pytorch_months = [m.index for m in plan.months if any(s.skill == "pytorch" for s in m.skills)]
    assert len(pytorch_months) > 3
    assert pytorch_months == list(range(pytorch_months[0], pytorch_months[-1] + 1))


def test_months_are_contiguous_and_start_on_the_first(kb):
    plan = plan_for(kb, start=date(2027, 11, 17))  # a date inside a month means that month
    assert plan.months[0].start == date(2027, 11, 1)
    assert plan.months[1].start == date(2027, 12, 1)
    assert plan.months[2].start == date(2028, 1, 1)
    assert [m.index for m in plan.months] == list(range(1, plan.total_months + 1))
    assert all(m.end.month == m.start.month and (m.end.day >= 28) for m in plan.months)


def test_every_month_has_activities_a_milestone_and_sources(kb):
    for month in plan_for(kb).months:
        assert month.activities and month.milestone and month.sources


def test_phase_milestones_come_from_the_path_with_stable_ids(kb):
    plan = plan_for(kb)
    milestones = [i for m in plan.months for i in m.items if i.kind == "milestone"]
    assert [i.id for i in milestones] == [
        *(f"milestone:swe-to-ml:{n}" for n in range(1, 6)),
        "milestone:ml-engineer:portfolio",
    ]
    # The path's milestones are ours in this knowledge base, and they say so.
    assert milestones[2].text == "Train a small transformer from scratch (our suggestion)"
    assert milestones[2].source == "ours"


def test_the_last_month_ends_with_the_portfolio_and_interview_preparation(kb):
    last = plan_for(kb).months[-1]
    assert last.milestone.endswith(
        "Portfolio for ML Engineer interviews: one model in production beating a baseline, "
        "written up for the project deep-dive (our suggestion)."
    )
    assert "Write up two projects" in last.activities  # the path's closing phase
    assert "Interview preparation: An ML coding round and an ML system design round." in (
        last.activities
    )


def test_without_hours_the_path_documented_weekly_hours_are_used(kb):
    plan = plan_for(kb)
    assert (plan.hours_per_week, plan.hours_source) == (10, "path")
    user = plan_for(kb, hours_per_week=12.5)
    assert (user.hours_per_week, user.hours_source) == (12.5, "user")


def test_the_sources_duration_range_comes_with_the_plan(kb):
    plan = plan_for(kb, "ai-engineer")
    assert (plan.duration_min, plan.duration_max) == (2, 6)
    assert [c.source for c in plan.duration_claims] == ["s1", "s2"]
    assert any("sources disagree" in n and "apply in 8 weeks" in n for n in plan.notes)


def test_twice_the_hours_gives_about_half_the_months(kb):
    at_10, at_20 = plan_for(kb, hours_per_week=10), plan_for(kb, hours_per_week=20)
    assert at_20.total_months <= at_10.total_months
    assert at_20.total_months == pytest.approx(at_10.total_months / 2, abs=1)


def test_someone_already_qualified_gets_a_ready_plan_of_portfolio_and_interviews(kb):
    levels = {"python": 4, "prompting": 3, "rag": 3, "vector-db": 2, "evals": 3}
    plan = plan_for(kb, "ai-engineer", levels={**levels, "probability": 2, "docker": 2})
    assert plan.ready
    assert plan.total_months == 1
    (month,) = plan.months
    assert month.skills == ()
    assert any("50 golden examples" in a for a in month.activities)
    assert any(a.startswith("Interview preparation: A RAG system design") for a in month.activities)
    assert month.milestone.startswith("Portfolio for AI Engineer interviews: a RAG feature")


def test_without_a_direct_path_the_closest_path_is_borrowed_and_said_so(kb):
    plan = plan_for(kb, "ml-platform-engineer", background="student", levels={"python": 2})
    assert plan.path == "swe-to-ml" and not plan.path_is_direct
    assert plan.duration_min is None and plan.duration_claims == ()
    assert any("borrowed" in note for note in plan.notes)
    # The borrowed path's weekly hours fit its own sources, not this move: a default instead.
    assert (plan.hours_per_week, plan.hours_source) == (10, "default")
    assert {"kubernetes", "serving", "docker"} <= {s for s, _ in reached(plan)}


def test_a_knowledge_base_without_paths_still_plans_from_the_gaps(kb):
    plan = plan_for(make_kb(paths=()), hours_per_week=None)
    assert plan.path is None and plan.hours_source == "default"
    assert plan.total_months > 0 and all(m.milestone and m.activities for m in plan.months)


def test_replanning_continues_without_repeating_finished_work(kb):
    first = plan_for(kb)
    done = frozenset(i.id for m in first.months[:4] for i in m.items)
    again = plan_for(kb, start=date(2027, 5, 1), done_items=done)
    again_ids = {i.id for m in again.months for i in m.items}
    assert not done & again_ids
    assert again.months[0].start == date(2027, 5, 1)
    assert again.total_months <= first.total_months - 3
    assert any(f"Continues from {len(done)} finished items" in n for n in again.notes)


def test_item_ids_do_not_depend_on_hours_or_start(kb):
    def ids(plan):
        return {i.id for m in plan.months for i in m.items}

    assert ids(plan_for(kb, hours_per_week=5)) == ids(
        plan_for(kb, hours_per_week=30, start=date(2030, 6, 1))
    )


def test_the_same_request_gives_the_same_plan(kb):
    assert plan_for(kb) == plan_for(kb)
    assert plan_for(kb, levels=dict(reversed(list(swe_levels(kb).items())))) == plan_for(kb)


@pytest.mark.parametrize("hours", [0, -3, float("nan"), 200])
def test_impossible_weekly_hours_are_a_value_error(kb, hours):
    with pytest.raises(ValueError, match="hours per week"):
        plan_for(kb, hours_per_week=hours)


def test_plan_to_dict_has_the_product_json_contract(kb):
    document = plan_to_dict(plan_for(kb, "ai-engineer"))
    assert {"from", "to", "hours_per_week", "total_months", "duration_range", "months"} <= set(
        document
    )
    assert document["from"] == "software-engineer" and document["to"] == "ai-engineer"
    assert document["duration_range"] == {
        "min": 2,
        "max": 6,
        "sources": ["s1", "s2"],
        "claims": document["duration_range"]["claims"],
    }
    month = document["months"][0]
    assert {"index", "start", "hours", "skills", "activities", "milestone"} <= set(month)
    assert month["start"] == "2027-01-01"
    assert {"id", "name", "from_level", "to_level"} <= set(month["skills"][0])
    assert document["total_months"] == len(document["months"])


def test_a_month_that_ends_no_phase_names_the_level_it_reaches_or_the_step_under_way(kb):
    plan = plan_for(kb, hours_per_week=2)
    first = plan.months[0]  # 8-9 hours: linear algebra 1 -> 2 takes 30
    assert first.milestone == "Linear algebra 1 -> 2 under way"
    reaching = next(m for m in plan.months if any(i.kind == "skill" for i in m.items))
    assert reaching.milestone == (
        "Linear algebra at level 2 (our reading): You can do linear-algebra at level 2."
    )


def test_a_required_skill_raised_above_its_requirement_as_a_prerequisite_is_noted(kb):
    # AI Engineer asks for probability at 1; from 0 the plan takes it to 2 for LLM evals.
    plan = plan_for(kb, "ai-engineer", levels={"python": 3})
    assert ("probability", 2) in reached(plan)
    assert any(n.startswith("Probability & statistics is planned to level 2") for n in plan.notes)


def test_a_one_month_plan_says_one_month_not_one_months(kb):
    from careerplanner.export import plan_markdown
    from careerplanner.export.text import pace_sentence

    plan = plan_for(kb, "ai-engineer", hours_per_week=80)
    assert plan.total_months == 1
    assert pace_sentence(plan, kb).startswith("At 80 hours a week this plan takes 1 month.")
    text = plan_markdown(plan, kb)
    assert "1 months" not in text and "**1 month** at 80 hours a week" in text


def test_markdown_gives_whole_hours_and_says_a_step_continues_next_month(kb):
    from careerplanner.export import plan_markdown

    plan = plan_for(kb, "ml-engineer", hours_per_week=10)
    assert any(m.hours != round(m.hours) for m in plan.months)  # the JSON keeps precision
    assert any(not s.completes for m in plan.months for s in m.skills)
    text = plan_markdown(plan, kb)
    headings = [line for line in text.splitlines() if line.startswith("## Month")]
    assert len(headings) == plan.total_months
    assert all(re.search(r"\(\d+ hours?\)$", line) for line in headings), headings
    assert "(continues next month)" in text and "(continues)" not in text


def test_a_plan_made_late_in_its_first_month_gets_only_the_days_left(kb):
    full = plan_for(kb, "ml-engineer", hours_per_week=10)
    late = plan_for(kb, "ml-engineer", hours_per_week=10, today=date(2027, 1, 23))
    assert full.months[0].hours == round(int(10 * 60 * 31 / 7) / 60, 2)
    assert late.months[0].hours <= round(int(10 * 60 * 9 / 7) / 60, 2)  # 23rd to 31st
    assert late.months[1].hours == full.months[1].hours
    assert late.total_months >= full.total_months
    assert {i.id for m in late.months for i in m.items} == {
        i.id for m in full.months for i in m.items
    }


def test_today_outside_the_first_month_changes_nothing(kb):
    assert plan_for(kb, today=date(2026, 12, 23)) == plan_for(kb)


def test_a_plan_under_way_keeps_its_current_month_whole(kb):
    # Started in January; on 23 February the February month still holds its full hours.
    assert plan_for(kb, today=date(2027, 2, 23)) == plan_for(kb)


def test_one_finished_item_is_said_in_the_singular(kb):
    first = plan_for(kb)
    (done,) = [i.id for i in first.months[0].items if i.kind == "skill"][:1]
    again = plan_for(kb, done_items=frozenset({done}))
    assert "Continues from 1 finished item; it is not planned again." in again.notes


def test_skill_items_carry_their_skill_and_level_so_nothing_parses_ids(kb):
    plan = plan_for(kb)
    skill_items = [i for m in plan.months for i in m.items if i.kind == ItemKind.SKILL]
    assert skill_items
    for item in skill_items:
        assert item.id == skill_item_id(item.skill, item.level)
        assert item.text == f"{kb.skill(item.skill).name} to level {item.level}"
    others = [i for m in plan.months for i in m.items if i.kind != ItemKind.SKILL]
    assert others and all(i.skill is None and i.level is None for i in others)


def test_each_month_says_what_to_practise_for_every_skill_it_works_on(kb):
    plan = plan_for(kb, hours_per_week=3)
    for month in plan.months:
        assert [p.skill for p in month.practice] == [s.skill for s in month.skills]
        for practice, step in zip(month.practice, month.skills, strict=True):
            assert practice.continues == (not step.completes)
            assert practice.text in month.activities
    assert any(p.continues for m in plan.months for p in m.practice), "a long step continues"
    document = plan_to_dict(plan)["months"][0]
    assert document["practice"][0]["skill"] == plan.months[0].practice[0].skill
    skill_items = [i for i in document["items"] if i["kind"] == "skill"]
    assert all({"skill", "level"} <= set(i) for i in skill_items)
