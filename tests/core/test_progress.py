"""Progress rules: schedule, status, pace, forecast, weeks, items and readiness over time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.core.gap import analyse_role
from careerplanner.core.plan import Plan, PlanRequest, build_plan
from careerplanner.core.progress import (
    AHEAD,
    BEHIND,
    NOT_STARTED,
    ON_TRACK,
    PACE_WINDOW_DAYS,
    item_progress,
    progress_report,
    readiness_over_time,
    recent_pace,
    status,
    weekly_hours,
)
from tests.core.conftest import make_kb

KB = make_kb()
START = date(2026, 1, 1)  # a Thursday


@dataclass(frozen=True)
class Logged:
    day: date
    hours: float


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(KB, PlanRequest({}, "software-engineer", "ml-engineer", 10, START))


def week(n: int, hours: float = 10) -> Logged:
    """``hours`` logged on the first day of the n-th week of the schedule (n from 0)."""
    return Logged(START + timedelta(weeks=n), hours)


# -- status -----------------------------------------------------------------------------------


def test_no_checkins_on_the_first_day_is_on_track_and_asks_for_a_checkin():
    result = status([], START, 10, remaining=400, today=START)
    assert result.kind == ON_TRACK
    assert result.forecast is None
    assert result.headline == "On track — log a check-in to get a forecast finish date"
    assert result.detail == (
        "Your schedule starts on 1 Jan 2026: 10 h a week. "
        "400 h of plan left: done around Oct 2026 at 10 h a week."
    )


def test_missing_a_week_of_planned_hours_is_one_week_behind():
    today = START + timedelta(weeks=3)
    result = status([week(0), week(1)], START, 10, remaining=400, today=today)
    assert (result.expected, result.logged) == (30, 20)
    assert (result.kind, result.weeks) == (BEHIND, 1)
    assert result.headline.startswith("1 week behind — forecast finish")


def test_less_than_a_full_week_either_way_is_on_track():
    today = START + timedelta(weeks=2)
    short = status([week(0), week(1, 1)], START, 10, remaining=400, today=today)
    long = status([week(0), week(1, 19)], START, 10, remaining=400, today=today)
    assert short.kind == long.kind == ON_TRACK


def test_weeks_count_full_weeks_only():
    today = START + timedelta(weeks=5)
    result = status([week(0, 5)], START, 10, remaining=400, today=today)
    assert result.weeks_behind == pytest.approx(4.5)
    assert (result.kind, result.weeks) == (BEHIND, 4)
    assert result.headline.startswith("4 weeks behind")


def test_logging_more_than_planned_is_ahead():
    result = status([week(0, 35)], START, 10, remaining=400, today=START + timedelta(days=6))
    assert (result.kind, result.weeks) == (AHEAD, 2)
    assert result.headline.startswith("2 weeks ahead")


def test_checkins_after_today_do_not_count():
    today = START + timedelta(weeks=1)
    result = status([week(0), week(3, 50)], START, 10, remaining=400, today=today)
    assert result.logged == 10
    assert result.kind == ON_TRACK


def test_hours_before_the_schedule_starts_are_not_counted_as_logged():
    early = Logged(START - timedelta(days=40), 50)
    result = status([early], START, 10, remaining=400, today=START + timedelta(weeks=2))
    assert result.logged == 0
    assert (result.kind, result.weeks) == (BEHIND, 2)


def test_before_the_plan_starts_the_status_is_not_started():
    result = status([], START, 10, remaining=400, today=START - timedelta(days=3))
    assert (result.kind, result.weeks) == (NOT_STARTED, 0)
    assert result.headline.startswith("Your plan starts on 1 Jan 2026")


def test_the_schedule_counts_from_the_day_the_profile_was_made(plan):
    made = date(2026, 1, 20)
    report = progress_report(
        KB,
        target="ml-engineer",
        plan=plan,
        checkins=[],
        levels_over_time=[],
        statuses={},
        today=made,
        profile_created=made,
    )
    assert report.status.since == made
    assert report.status.kind == ON_TRACK


# -- pace and forecast ------------------------------------------------------------------------


def test_pace_is_the_average_of_the_last_four_weeks():
    today = START + timedelta(weeks=10)
    logged = [Logged(today - timedelta(days=d), 6) for d in (0, 7, 14, 21)]
    old = Logged(today - timedelta(days=PACE_WINDOW_DAYS), 100)  # just outside the window
    assert recent_pace([*logged, old], START, today) == pytest.approx(6)


def test_a_new_schedule_averages_over_the_weeks_since_it_began():
    today = START + timedelta(days=13)  # two weeks in
    assert recent_pace([week(0, 8), week(1, 12)], START, today) == pytest.approx(10)
    assert recent_pace([week(0, 8)], START, START + timedelta(days=2)) == pytest.approx(8)


def test_hours_logged_before_a_new_schedule_do_not_count_in_its_pace():
    today = START + timedelta(days=3)
    before = Logged(START - timedelta(days=2), 20)
    assert recent_pace([before, week(0, 7)], START, today) == pytest.approx(7)
    said = status([before, week(0, 7)], START, 10, remaining=100, today=today).detail
    assert "Since 1 Jan 2026: 7 h a week on average." in said


def test_forecast_is_the_remaining_hours_at_the_recent_pace():
    today = START + timedelta(weeks=4, days=-1)
    result = status([week(n, 5) for n in range(4)], START, 10, remaining=100, today=today)
    assert result.pace == pytest.approx(5)
    assert result.forecast == today + timedelta(weeks=20)
    assert result.headline.endswith(f"forecast finish {result.forecast:%b %Y}")
    assert result.at_planned_pace == today + timedelta(weeks=10)
    assert result.detail.endswith(
        f"100 h of plan left: done around {result.forecast:%b %Y} at that pace, "
        f"{result.at_planned_pace:%b %Y} at 10 h a week."
    )


def test_no_hours_in_the_last_four_weeks_gives_no_forecast_and_says_why():
    result = status([week(0)], START, 10, remaining=100, today=START + timedelta(weeks=10))
    assert result.pace == 0
    assert result.forecast is None
    assert "no hours logged in the last 4 weeks" in result.headline


def test_nothing_left_to_do_says_so():
    result = status([week(0)], START, 10, remaining=0, today=START + timedelta(days=3))
    assert result.headline == "On track — nothing left in the plan"


# -- weeks ------------------------------------------------------------------------------------


def test_weeks_run_monday_to_sunday_and_the_first_is_planned_from_the_start_day():
    today = date(2026, 1, 14)  # the Wednesday of the third week
    weeks = weekly_hours(
        [Logged(date(2026, 1, 4), 3), Logged(date(2026, 1, 5), 2)], START, 7, today
    )
    assert [w.start for w in weeks] == [date(2025, 12, 29), date(2026, 1, 5), date(2026, 1, 12)]
    assert [w.logged for w in weeks] == [3, 2, 0]
    assert [w.planned for w in weeks] == [4, 7, 7]  # Thursday to Sunday, then whole weeks


def test_weeks_begin_at_an_earlier_first_checkin_with_nothing_planned():
    weeks = weekly_hours([Logged(date(2025, 12, 17), 4)], START, 10, date(2026, 1, 1))
    assert weeks[0].start == date(2025, 12, 15)
    assert (weeks[0].logged, weeks[0].planned) == (4, 0)
    assert len(weeks) == 3


def test_no_weeks_before_anything_starts():
    assert weekly_hours([], START, 10, START - timedelta(days=10)) == ()


# -- items and readiness ----------------------------------------------------------------------


def test_open_items_of_months_started_before_today_are_due(plan):
    first, second = plan.months[0], plan.months[1]
    today = second.start + timedelta(days=1)
    due = [i.id for m in (first, second) for i in m.items]
    statuses = {due[0]: "done", due[1]: "skipped", "skill:gone:1": "done"}
    result = item_progress(plan, statuses, today)
    assert result.due == len(due) - 2
    assert result.done == 2  # an item done on an older plan still counts


def test_a_month_starting_today_is_not_due_yet(plan):
    assert item_progress(plan, {}, plan.months[0].start).due == 0


def test_readiness_has_a_point_per_rating_day_and_rises_with_levels():
    series = [
        (date(2026, 1, 2), {"python": 1}),
        (date(2026, 2, 9), {"python": 3, "pytorch": 2}),
    ]
    points = readiness_over_time(KB, "ml-engineer", series)
    assert [p.day for p in points] == [date(2026, 1, 2), date(2026, 2, 9)]
    assert 0 <= points[0].readiness < points[1].readiness <= 1


def test_readiness_counts_only_the_skills_the_target_needs():
    series = [
        (date(2026, 1, 2), {"python": 2, "rag": 1}),
        (date(2026, 1, 3), {"python": 2, "rag": 4, "kubernetes": 3}),  # neither is needed
        (date(2026, 1, 4), {"python": 4, "rag": 4, "kubernetes": 3}),
    ]
    points = readiness_over_time(KB, "ml-engineer", series)
    assert points[0].readiness == points[1].readiness
    assert [p.readiness for p in points] == [
        analyse_role(KB, "ml-engineer", levels).readiness for _day, levels in series
    ]


# -- properties -------------------------------------------------------------------------------

days = st.integers(-60, 200).map(lambda n: START + timedelta(days=n))
checkins = st.lists(st.builds(Logged, days, st.floats(0.25, 24)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(checkins, st.builds(Logged, days, st.floats(0.25, 24)), st.integers(0, 200))
def test_more_hours_logged_never_makes_you_more_behind(logged, extra, offset):
    today = START + timedelta(days=offset)
    before = status(logged, START, 10, remaining=300, today=today)
    after = status([*logged, extra], START, 10, remaining=300, today=today)
    assert after.weeks_behind <= before.weeks_behind + 1e-9
    rank = {BEHIND: 0, ON_TRACK: 1, AHEAD: 2}
    assert rank[after.kind] >= rank[before.kind]
    if before.kind == after.kind == BEHIND:
        assert after.weeks <= before.weeks
    if before.forecast is not None:
        assert after.forecast is not None and after.forecast <= before.forecast


def test_ticked_skill_steps_shorten_what_is_left(plan):
    from careerplanner.core.progress import remaining_hours

    assert remaining_hours(plan, {}) == pytest.approx(plan.hours, abs=0.5)
    first_month = plan.months[0]
    ticked = {item.id: "done" for item in first_month.items if item.kind == "skill"}
    assert ticked, "the first month completes at least one skill step"
    assert remaining_hours(plan, ticked) < plan.hours
    everything = {item.id: "done" for month in plan.months for item in month.items}
    assert remaining_hours(plan, everything) == 0


def test_a_plan_with_everything_ticked_has_nothing_left(plan):
    everything = {item.id: "done" for month in plan.months for item in month.items}
    report = progress_report(
        KB,
        target="ml-engineer",
        plan=plan,
        checkins=[],
        levels_over_time=[],
        statuses=everything,
        today=START + timedelta(days=3),
    )
    assert report.status.headline.endswith("nothing left in the plan")


def test_a_plan_that_has_not_begun_gives_no_pace_and_just_says_when_it_starts():
    later = START + timedelta(weeks=6)
    result = status([week(0, 5)], later, 10, remaining=100, today=START + timedelta(days=1))
    assert result.kind == NOT_STARTED
    assert result.pace is None
    assert result.headline == "Your plan starts on 12 Feb 2026"
