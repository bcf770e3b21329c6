"""One skill state: a ticked skill step can record the rating it implies, a raised rating ticks
the plan's steps, and a re-plan never drops a skill whose rating is still below the step."""

from __future__ import annotations

import pytest

from careerplanner.core.plan_model import ItemKind
from careerplanner.errors import UsageError
from careerplanner.knowledge import default_knowledge
from careerplanner.services import progress as progress_service
from careerplanner.services.edits import RateSkill
from careerplanner.services.planner import Planner
from tests.storage_fixtures import make_profile


@pytest.fixture
def planner(fresh_db):
    planner = Planner(fresh_db, default_knowledge())
    make_profile(planner, "Me", "software-engineer", "ml-engineer", 10)
    return planner


def skill_steps(planner):
    plan = planner.snapshot().plan
    return [i for m in plan.months for i in m.items if i.kind == ItemKind.SKILL]


def in_plan(planner) -> set[str]:
    return {i.id for m in planner.snapshot().plan.months for i in m.items}


def gap_skills(planner) -> set[str]:
    snap = planner.snapshot()
    return {g.skill for g in snap.gap_for(snap.profile.target).gaps}


def test_tick_then_rate_is_one_edit_and_the_pages_agree(planner):
    step = skill_steps(planner)[0]
    assert planner.implied_rating(step.id)[1] == step.level
    planner.mark_item(step.id, "done", rate=True)
    assert planner.levels(planner.active_profile().id)[step.skill] == step.level
    assert planner.item_statuses(planner.active_profile().id)[step.id] == "done"
    assert step.id not in in_plan(planner)
    assert planner.implied_rating(step.id) is None  # nothing more to offer
    planner.undo()
    assert planner.levels(planner.active_profile().id).get(step.skill, 0) < step.level
    assert step.id not in planner.item_statuses(planner.active_profile().id)
    assert step.id in in_plan(planner)


def test_rate_then_tick_marks_every_step_up_to_the_new_level(planner):
    steps = skill_steps(planner)
    skill = steps[0].skill
    of_skill = [s for s in steps if s.skill == skill]
    top = max(s.level for s in of_skill)
    profile = planner.active_profile()
    change = planner.do(RateSkill(profile.id, skill, top))
    assert change.levels and change.marks
    statuses = planner.item_statuses(profile.id)
    assert all(statuses[s.id] == "done" for s in of_skill)
    assert skill not in gap_skills(planner) or all(
        g.current >= top
        for g in planner.snapshot().gap_for(profile.target).gaps
        if g.skill == skill
    )
    planner.undo()  # one undo: the rating and its ticks
    assert not any(s.id in planner.item_statuses(profile.id) for s in of_skill)


def test_a_lower_rating_ticks_nothing(planner):
    profile = planner.active_profile()
    change = planner.do(RateSkill(profile.id, "python", 0))
    assert not change.marks


def test_a_replan_keeps_a_ticked_step_whose_rating_is_still_below_it(planner):
    step = skill_steps(planner)[0]
    planner.mark_item(step.id, "done")  # ticked, rating left as it was
    planner.replan()
    assert step.id in in_plan(planner)
    assert step.skill in gap_skills(planner)
    set_aside, _day = planner.set_aside(planner.active_profile().id)
    assert step.id not in set_aside


def test_consistent_set_aside_keeps_only_what_the_ratings_back():
    items = {"skill:pytorch:3", "skill:pytorch:1", "activity:swe-to-ml:1:1"}
    kept = progress_service.consistent_set_aside(items, {"pytorch": 2})
    assert kept == {"skill:pytorch:1", "activity:swe-to-ml:1:1"}


def test_an_export_profile_that_is_not_one_says_what_is_missing():
    with pytest.raises(UsageError, match="missing 'plans'"):
        progress_service.from_export({"name": "x"}, "students/ana.json")
