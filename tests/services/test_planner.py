"""The Planner facade over stored data: the live plan, ticks, and re-planning from today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careerplanner.knowledge import default_knowledge
from careerplanner.services.edits import MarkItem
from careerplanner.services.planner import plan_id_for_marks, replan, snapshot
from careerplanner.services.profiles import Workspace


@pytest.fixture
def workspace(fresh_db):
    return Workspace(fresh_db, default_knowledge())


@pytest.fixture
def profile(workspace):
    return workspace.create_profile("Me", "software-engineer", "ml-engineer", 10)


def _item_ids(snap) -> set[str]:
    return {i.id for m in snap.plan.months for i in m.items}


def test_a_ticked_item_stays_in_the_live_plan(workspace, profile):
    snap = snapshot(workspace, workspace.kb, profile)
    first = snap.plan.months[0].items[0].id
    workspace.apply(MarkItem(profile.id, plan_id_for_marks(workspace, snap), first, "done"))
    again = snapshot(workspace, workspace.kb, workspace.profile(profile.id))
    assert first in _item_ids(again)
    assert again.done_items == {first}


def test_replanning_sets_finished_items_aside_and_counts_progress_from_that_day(workspace, profile):
    snap = snapshot(workspace, workspace.kb, profile)
    first = snap.plan.months[0].items[0].id
    workspace.apply(MarkItem(profile.id, plan_id_for_marks(workspace, snap), first, "done"))
    later = date.today() + timedelta(days=40)
    edit = replan(workspace, workspace.kb, workspace.profile(profile.id), later)
    workspace.apply(edit)
    after = snapshot(workspace, workspace.kb, workspace.profile(profile.id))
    assert first not in _item_ids(after)
    assert after.plan.months[0].start == later.replace(day=1)
    assert after.counting_from == later
    workspace.revert(edit)
    undone = snapshot(workspace, workspace.kb, workspace.profile(profile.id))
    assert first in _item_ids(undone)
    assert undone.counting_from == profile.created.astimezone().date()


def test_a_start_month_set_in_the_past_counts_progress_from_that_month(workspace):
    past = date(2026, 1, 1)
    profile = workspace.create_profile("Back then", "software-engineer", "ai-engineer", 8, past)
    snap = snapshot(workspace, workspace.kb, profile)
    assert snap.counting_from == past
    assert snap.plan.months[0].start == past


def test_a_plan_made_during_its_first_month_counts_from_that_day(workspace, profile):
    snap = snapshot(workspace, workspace.kb, profile)
    assert snap.counting_from == profile.created.astimezone().date()
