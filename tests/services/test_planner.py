"""The Planner facade over stored data: the live plan, ticks, re-planning from today, the what-if
at other hours and the plans it reuses."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from careerplanner.core import plan as plan_module
from careerplanner.knowledge import default_knowledge
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database
from tests.storage_fixtures import make_profile


@pytest.fixture
def planner(fresh_db):
    return Planner(fresh_db, default_knowledge())


@pytest.fixture
def profile(planner):
    return make_profile(planner, "Me", "software-engineer", "ml-engineer", 10)


def _item_ids(snap) -> set[str]:
    return {i.id for m in snap.plan.months for i in m.items}


def test_a_ticked_item_stays_in_the_live_plan(planner, profile):
    first = planner.snapshot().plan.months[0].items[0].id
    planner.mark_item(first, "done")
    again = planner.snapshot()
    assert first in _item_ids(again)
    assert again.done_items == {first}


def test_replanning_sets_finished_items_aside_and_counts_progress_from_that_day(planner, profile):
    first = planner.snapshot().plan.months[0].items[0].id
    planner.mark_item(first, "done")
    later = date.today() + timedelta(days=40)
    planner.today = lambda: later
    planner.replan()
    after = planner.snapshot()
    assert first not in _item_ids(after)
    assert after.plan.months[0].start == later  # the re-plan starts today
    assert after.counting_from == later
    planner.undo()
    undone = planner.snapshot()
    assert first in _item_ids(undone)
    assert undone.counting_from == profile.created.astimezone().date()


def test_a_start_month_set_in_the_past_counts_progress_from_that_month(planner):
    past = date(2026, 1, 1)
    make_profile(planner, "Back then", "software-engineer", "ai-engineer", 8, past)
    snap = planner.snapshot()
    assert snap.counting_from == past
    assert snap.plan.months[0].start == past


def test_a_plan_made_during_its_first_month_counts_from_that_day(planner, profile):
    snap = planner.snapshot()
    assert snap.counting_from == profile.created.astimezone().date()


def test_the_what_if_changes_only_the_plan_and_saves_nothing(planner, profile):
    base = planner.snapshot()
    faster = planner.snapshot(hours_per_week=20)
    assert faster.plan.total_months < base.plan.total_months
    assert (faster.levels, faster.gaps, faster.profile) == (base.levels, base.gaps, base.profile)
    assert planner.active_profile().hours_per_week == 10


def test_an_hours_step_shown_then_saved_is_planned_once(planner, profile, monkeypatch):
    from careerplanner.services import planner as planner_module
    from careerplanner.services.edits import UpdateProfile

    planner.snapshot()  # the plan on screen before the step
    built = []
    real = plan_module.build_plan
    monkeypatch.setattr(planner_module, "build_plan", lambda *a: built.append(1) or real(*a))
    planner.snapshot(hours_per_week=12)  # the what-if while the control moves
    planner.do(UpdateProfile(profile.id, hours_per_week=12))  # saved when it pauses
    assert planner.snapshot().plan.hours_per_week == 12
    assert len(built) == 1


def test_a_stored_pace_the_plan_cannot_use_is_reported_not_raised(db_path):
    # A database from before today's limits may hold 0.1 hours a week.
    kb = default_knowledge()
    old = Planner(open_database(db_path), kb)
    make_profile(old, "Old", "software-engineer", "ml-engineer", 5)
    old.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE profiles SET hours_per_week = 0.1")
    connection.close()
    planner = Planner(open_database(db_path), kb)
    snap = planner.snapshot()
    assert snap.plan is None
    assert "Set your hours a week (from 1 to 80)" in snap.plan_problem
    assert snap.gaps  # the rest still works
    assert planner.progress() is None
