"""Every step the sources name reaches the plan, on the shipped data: phases whose skills are
already met, phases the source gives a number of months, a student's chosen track, and what a
re-plan toward another target says it continues from."""

from __future__ import annotations

import re
from datetime import date

import pytest

from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.model import Track

KB = default_knowledge()
START = date(2027, 1, 1)
DIRECT = [p for p in KB.paths if p.from_role and p.to_role]


def plan_of(background, target, hours=None, done=frozenset(), levels=None):
    levels = dict(KB.role(background).typical_levels) if levels is None else levels
    return build_plan(KB, PlanRequest(levels, background, target, hours, START, done))


def items_of(plan) -> dict[str, str]:
    return {i.id: i.text for m in plan.months for i in m.items}


@pytest.mark.parametrize("path", DIRECT, ids=lambda p: p.id)
@pytest.mark.parametrize("hours", [None, 10, 40])
def test_every_phase_step_and_milestone_is_in_the_plan_of_the_paths_typical_background(path, hours):
    ids = items_of(plan_of(path.from_role, path.to_role, hours))
    for p, phase in enumerate(path.phases, 1):
        for n in range(1, len(phase.steps) + 1):
            assert f"activity:{path.id}:{p}:{n}" in ids, (phase.name, n)
        assert f"milestone:{path.id}:{p}" in ids, phase.name


def test_a_phase_whose_skills_are_already_met_still_gets_its_step_and_milestone():
    # A typical AI engineer already has the system design the last AI -> ML phase names.
    phase = KB.path("ai-to-ml").phases[-1]
    ai_engineer = KB.role("ai-engineer").typical_levels
    needed = {r.skill: r.level for r in KB.role("ml-engineer").requirements}
    assert all(ai_engineer.get(s, 0) >= needed[s] for s in phase.skills)
    plan = plan_of("ai-engineer", "ml-engineer")
    month = {i.id: m for m in plan.months for i in m.items}
    step, milestone = month["activity:ai-to-ml:4:1"], month["milestone:ai-to-ml:4"]
    assert "ML platform team" in next(i.text for i in step.items if i.id == "activity:ai-to-ml:4:1")
    # It comes where the phases before it end: with the last of their work, not before.
    assert step is milestone
    assert step.index >= month["milestone:ai-to-ml:3"].index


@pytest.mark.parametrize("hours", [6, 16, 40])
def test_a_step_the_essay_gives_six_months_says_how_many_months_the_plan_gives_it(hours):
    text = items_of(plan_of("software-engineer", "ml-engineer", hours))["activity:swe-to-ml:3:1"]
    assert text.startswith("Spend 6 months building depth (the essay gives this phase 6 months;")
    found = re.search(r"this plan spends months? (\d+)(?:-(\d+))? on it, (\d+) months? at", text)
    assert found, text
    first, last, length = int(found[1]), int(found[2] or found[1]), int(found[3])
    assert length == last - first + 1
    assert text.endswith(f"at {hours} hours a week).")
    # The months named are the ones the phase's work really takes in this plan.
    plan = plan_of("software-engineer", "ml-engineer", hours)
    depth = {"deep-learning", "pytorch"}
    worked = [m.index for m in plan.months if depth & {s.skill for s in m.skills}]
    assert first >= worked[0] and last <= worked[-1]


def test_at_a_fast_pace_the_six_months_of_depth_take_fewer_months_and_the_plan_says_so():
    text = items_of(plan_of("software-engineer", "ml-engineer", 40))["activity:swe-to-ml:3:1"]
    length = int(re.search(r"on it, (\d+) months? at", text)[1])
    assert length < 6


@pytest.mark.parametrize("target", sorted(r.id for r in KB.target_roles))
def test_a_students_plan_lists_only_the_steps_of_the_track_its_target_is_on(target):
    track = KB.role(target).track
    assert track is not None
    plan = plan_of("student", target)
    ids = items_of(plan)
    starter = KB.path("starter")
    for p, phase in enumerate(starter.phases, 1):
        for n, step in enumerate(phase.steps, 1):
            shown = f"activity:starter:{p}:{n}" in ids
            assert shown == (step.track in (None, track)), (target, step.text)
    other = {Track.AI: "ML track:", Track.ML: "AI track:"}[track]
    assert not any(text.startswith(other) for text in ids.values())


def test_student_to_ai_engineer_follows_the_ai_track_only():
    texts = list(items_of(plan_of("student", "ai-engineer")).values())
    assert any(t.startswith("AI track: learn the must-know tools") for t in texts)
    assert not any("Kaggle" in t or t.startswith("ML track") for t in texts)


def test_the_starter_phases_say_how_their_months_differ_from_the_essays():
    plan = plan_of("student", "ml-engineer", 20)
    first = items_of(plan)["activity:starter:1:1"]
    assert "(the essay gives this phase 2 months; this plan spends month" in first


@pytest.mark.parametrize("path_id", ["swe-to-ml", "ai-to-ml", "ds-to-ml"])
def test_every_path_to_ml_engineer_asks_for_a_supervised_production_deployment(path_id):
    path = KB.path(path_id)
    texts = items_of(plan_of(path.from_role, path.to_role)).values()
    assert any("production deployment" in t and "supervises" in t for t in texts)


def test_a_replan_toward_a_new_target_does_not_count_the_old_targets_finished_items():
    old = plan_of("software-engineer", "ml-engineer")
    finished = frozenset(i.id for m in old.months[:3] for i in m.items)
    assert any(i.startswith("activity:swe-to-ml:") for i in finished)
    new = plan_of("software-engineer", "ai-engineer", done=finished)
    # Of the old plan's finished items, only skill steps on the way to AI Engineer too (linear
    # algebra and statistics to 2) are the new plan's; the ML path's step and the ML-only
    # maths are not.
    belongs = finished & set(items_of(plan_of("software-engineer", "ai-engineer")))
    assert belongs == {"skill:linear-algebra:2", "skill:probability-statistics:2"}
    assert "Continues from 2 finished items; they are not planned again." in new.notes
    assert not any(n.startswith(f"Continues from {len(finished)}") for n in new.notes)


def test_a_replan_toward_the_same_target_counts_every_finished_item():
    first = plan_of("software-engineer", "ml-engineer")
    finished = frozenset(i.id for m in first.months[:3] for i in m.items)
    again = plan_of("software-engineer", "ml-engineer", done=finished)
    assert f"Continues from {len(finished)} finished items; they are not planned again." in (
        again.notes
    )
