"""The Planner's profiles and reads: levels over time, plans and item marks, check-ins."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from careerplanner.errors import UsageError
from careerplanner.services.edits import AddCheckin, MarkItem, RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage.stores import RatingStore
from tests.storage_fixtures import add_plan_snapshot, make_profile


@pytest.fixture
def ws(fresh_db, kb):
    return Planner(fresh_db, kb)


def test_a_new_profile_starts_from_its_backgrounds_typical_levels(ws):
    me = make_profile(ws, "me", "Software Engineer", "ml engineer", 10, date(2026, 4, 17))
    assert (me.background, me.target, me.start_month) == (
        "software-engineer",
        "ml-engineer",
        date(2026, 4, 1),
    )
    assert ws.levels(me.id) == {"python": 3, "sql": 2}


def test_a_profile_without_prefill_has_no_ratings(ws):
    me = make_profile(ws, "blank", "student", "ai-engineer", 6, prefill=False)
    assert ws.levels(me.id) == {}


def test_the_newest_profile_is_active_until_another_is_used(ws):
    assert ws.active_profile() is None
    ws.create_profile("me now", "student", "ml-engineer", 5)
    what_if = make_profile(ws, "what if ML", "student", "ml-engineer", 20)
    assert ws.active_profile() == what_if
    ws.use_profile("ME NOW")
    assert ws.active_profile().name == "me now"
    assert [p.name for p in ws.profiles()] == ["me now", "what if ML"]


def test_profile_errors_are_clear(ws):
    ws.create_profile("me", "student", "ml-engineer", 5)
    with pytest.raises(UsageError, match="already exists"):
        ws.create_profile("Me", "student", "ml-engineer", 5)
    with pytest.raises(UsageError, match="did you mean ML Engineer"):
        ws.create_profile("x", "student", "ML Enginer", 5)
    with pytest.raises(UsageError, match="not a role to aim at"):
        ws.create_profile("x", "student", "student", 5)
    with pytest.raises(UsageError, match=r"from 1 to 80 .*, not 81"):
        ws.create_profile("x", "student", "ml-engineer", 81)
    with pytest.raises(UsageError, match="did you mean me"):
        ws.use_profile("mee")
    assert [p.name for p in ws.profiles()] == ["me"]


def test_levels_over_time_has_one_cumulative_entry_per_day(fresh_db, ws):
    me = make_profile(ws, "me", "student", "ml-engineer", 5, prefill=False)
    ratings = RatingStore(fresh_db)
    for day, skill, level in [
        (1, "python", 1),
        (1, "python", 2),
        (1, "sql", 1),
        (3, "pytorch", 1),
        (7, "python", 3),
    ]:
        ratings.add(me.id, skill, level, rated_at=datetime(2026, 5, day, 12, 0))
    assert ws.levels_over_time(me.id) == [
        (date(2026, 5, 1), {"python": 2, "sql": 1}),
        (date(2026, 5, 3), {"python": 2, "sql": 1, "pytorch": 1}),
        (date(2026, 5, 7), {"python": 3, "sql": 1, "pytorch": 1}),
    ]


def test_a_rating_dated_before_the_previous_one_counts_on_the_later_day(fresh_db, ws):
    me = make_profile(ws, "me", "student", "ml-engineer", 5, prefill=False)
    ratings = RatingStore(fresh_db)
    ratings.add(me.id, "python", 1, rated_at=datetime(2026, 5, 9, 12, 0))
    ratings.add(me.id, "sql", 2, rated_at=datetime(2026, 5, 2, 12, 0))  # the clock was put back
    assert ws.levels_over_time(me.id) == [(date(2026, 5, 9), {"python": 1, "sql": 2})]
    assert ws.levels(me.id) == {"python": 1, "sql": 2}


def test_a_plan_snapshot_reads_back_as_saved_and_the_latest_wins(fresh_db, ws):
    me = make_profile(ws, "me", "student", "ml-engineer", 5)
    add_plan_snapshot(fresh_db, me.id, {"hours": 5}, {"months": [{"index": 1}]})
    plan_id = add_plan_snapshot(
        fresh_db,
        me.id,
        {"hours": 10, "start": date(2026, 1, 1)},
        {"months": [{"index": 1, "é": "ü"}]},
    )
    assert ws.latest_plan(me.id) == (
        plan_id,
        {"hours": 10, "start": "2026-01-01"},
        {"months": [{"index": 1, "é": "ü"}]},
    )


def test_item_marks_carry_over_to_a_new_plan_by_item_id(fresh_db, ws):
    me = make_profile(ws, "me", "student", "ml-engineer", 5)
    add_plan_snapshot(fresh_db, me.id, {}, {})
    ws.do(MarkItem(me.id, "skill:python:3", "done"))
    ws.do(MarkItem(me.id, "skill:sql:2", "skipped"))
    ws.do(MarkItem(me.id, "skill:pytorch:1", "done"))
    add_plan_snapshot(fresh_db, me.id, {}, {})
    ws.do(MarkItem(me.id, "skill:pytorch:1", None))
    assert ws.item_statuses(me.id) == {"skill:python:3": "done", "skill:sql:2": "skipped"}


def test_checkins_come_back_by_day(ws):
    me = make_profile(ws, "me", "student", "ml-engineer", 5)
    ws.do(AddCheckin(me.id, date(2026, 2, 5), 1.5, "later day"))
    ws.do(AddCheckin(me.id, date(2026, 2, 1), 3, "", ["python"]))
    got = [(c.day, c.hours, c.note, c.skills) for c in ws.checkins(me.id)]
    assert got == [
        (date(2026, 2, 1), 3.0, "", ("python",)),
        (date(2026, 2, 5), 1.5, "later day", ()),
    ]


def test_profiles_do_not_see_each_others_data(ws):
    a = make_profile(ws, "a", "student", "ml-engineer", 5, prefill=False)
    b = make_profile(ws, "b", "student", "ml-engineer", 5, prefill=False)
    ws.do(RateSkill(a.id, "python", 2))
    assert ws.levels(b.id) == {}
    assert ws.rating_history(b.id) == []
