"""What each month says follows the work done in it: a phase's steps where its skills are worked
on, each once and in order, and its milestone where its work ends (on the shipped data)."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge

KB = default_knowledge()
START = date(2027, 1, 1)
#: Plans from every background a path starts from, at the path's pace and at 10 and 20 hours.
CASES = [
    (path.from_role, path.to_role, hours)
    for path in KB.paths
    if path.from_role and path.to_role
    for hours in (None, 10, 20)
] + [("student", "ai-engineer", None), ("student", "ml-engineer", 20)]


def plan_of(background, target, hours=None):
    levels = dict(KB.role(background).typical_levels)
    return build_plan(KB, PlanRequest(levels, background, target, hours, START))


def month_of(plan) -> dict[str, int]:
    """Item id -> the month (from 1) it is in."""
    found: dict[str, int] = {}
    for month in plan.months:
        for item in month.items:
            assert item.id not in found, f"{item.id} appears twice"
            found[item.id] = month.index
    return found


def path_items(months: dict[str, int], kind: str, path: str) -> dict[tuple[int, int], int]:
    """(phase, step) -> month for the path's activities, (phase, 0) for its milestones."""
    found = {}
    for item_id, month in months.items():
        parts = item_id.split(":")
        if parts[0] == kind and parts[1] == path and parts[2].isdigit():
            found[int(parts[2]), int(parts[3]) if kind == "activity" else 0] = month
    return found


@pytest.mark.parametrize(("background", "target", "hours"), CASES)
def test_phase_steps_come_in_order_once_each_and_no_later_than_their_milestone(
    background, target, hours
):
    plan = plan_of(background, target, hours)
    months = month_of(plan)
    steps = path_items(months, "activity", plan.path)
    milestones = path_items(months, "milestone", plan.path)
    ordered = sorted(steps)
    assert [steps[k] for k in ordered] == sorted(steps[k] for k in ordered), ordered
    for (phase, _), month in steps.items():
        if (phase, 0) in milestones:
            assert month <= milestones[phase, 0], (phase, month, milestones[phase, 0])


@pytest.mark.parametrize(("background", "target", "hours"), CASES)
def test_several_milestones_in_one_month_read_as_separate_sentences(background, target, hours):
    for month in plan_of(background, target, hours).months:
        texts = [i.text for i in month.items if i.kind == "milestone"]
        if len(texts) > 1:
            assert "; " not in month.milestone.replace(texts[0], "")
            assert month.milestone == " ".join(t if t.endswith(".") else f"{t}." for t in texts)


@pytest.mark.parametrize("today", [None, date(2027, 1, 23)], ids=["whole-month", "23rd"])
@pytest.mark.parametrize("hours", [None, 10, 20])
def test_software_engineer_to_ai_engineer_months_do_what_they_say(hours, today):
    levels = dict(KB.role("software-engineer").typical_levels)
    request = PlanRequest(levels, "software-engineer", "ai-engineer", hours, START, today=today)
    plan = build_plan(KB, request)
    assert "activity:swe-to-ai:1:1" in {i.id for i in plan.months[0].items}
    by_text = {item.text: month for month in plan.months for item in month.items}
    skills_in = {m.index: {s.skill for s in m.skills} for m in plan.months}
    understand = by_text["Understand vector databases."]
    assert "vector-databases" in skills_in[understand.index]
    assert by_text["Build the first of two RAG projects."].index < (
        by_text["Build the second RAG project."].index
    )
    ship = by_text["Ship real AI features to users."].index
    first_project = "RAG project one: working retrieval over a real document set, deployed"
    assert ship > by_text[f"{first_project} (our suggestion)."].index
    assert by_text["Start applying for AI engineer roles."].index >= plan.total_months - 1
