"""Progress rules, checked on histories worked out by hand: a 15 h/week plan that begins on
Monday 2 March 2026, five weeks in (today is Monday 6 April), with check-ins on Wednesdays."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.core.plan import Plan, PlanRequest, build_plan
from careerplanner.core.plan_model import skill_item_id
from careerplanner.core.progress import (
    AHEAD,
    BEHIND,
    NO_DATA,
    NOT_STARTED,
    ON_TRACK,
    ProgressReport,
    items_done_over_time,
    levels_over_time,
    plural,
    progress_report,
    remaining_hours,
    round_half_up,
    schedule_start,
    verdict,
)
from tests.core.conftest import make_kb

KB = make_kb()
START = date(2026, 3, 2)  # a Monday
TODAY = START + timedelta(weeks=5)  # Monday 6 April 2026
HOURS = 15


@dataclass(frozen=True)
class Logged:
    day: date
    hours: float


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(
        KB, PlanRequest({}, "software-engineer", "ml-engineer", HOURS, START, today=START)
    )


def wednesdays(weeks: int, hours: float, first: date = START) -> list[Logged]:
    return [Logged(first + timedelta(weeks=n, days=2), hours) for n in range(weeks)]


def report(plan: Plan, checkins, today: date = TODAY, **kwargs) -> ProgressReport:
    return progress_report(
        KB,
        target="ml-engineer",
        plan=plan,
        start=START,
        checkins=checkins,
        levels_over_time=kwargs.pop("levels", []),
        statuses=kwargs.pop("statuses", {}),
        today=today,
        **kwargs,
    )


# -- hand-worked histories ---------------------------------------------------------------------


def test_steady_pace_is_on_track_with_a_forecast_at_the_plans_end(plan):
    # 15 h every week for five weeks: 75 h planned by today (35 days x 15 / 7), 75 h logged.
    # The last four weeks hold four Wednesdays, 60 h: a pace of 15 h a week, the plan's own,
    # so the rest of the plan is done in its last month (its last days hold no more steps).
    result = report(plan, wednesdays(5, 15))
    assert (result.planned_to_date, result.logged) == (75, 75)
    assert (result.status, result.weeks) == (ON_TRACK, 0)
    assert result.headline == "On track: 75 h logged of 75 h planned"
    assert result.pace == pytest.approx(15)
    assert result.end == plan.months[-1].end
    assert result.forecast <= result.end
    assert (result.forecast.year, result.forecast.month) == (result.end.year, result.end.month)
    assert result.forecast_line.startswith(f"Forecast finish: {result.end:%b %Y}. That is at 15 h")
    assert result.schedule_line == (
        "Your plan asks for 15 h a week since Mon 2 Mar 2026 (5 weeks): 75 h by today. "
        "You have logged 75 h."
    )


def test_half_pace_is_about_three_weeks_behind_with_a_later_forecast(plan):
    # 7.5 h a week for five weeks: 37.5 h of 75 h, 37.5 h short = 2.5 weeks, said as 3 weeks
    # and 38 h. At 7.5 h a week the rest takes twice as long: well past the plan's end.
    result = report(plan, wednesdays(5, 7.5))
    assert result.short == pytest.approx(37.5)
    assert (result.status, result.weeks) == (BEHIND, 3)
    assert result.headline == "3 weeks behind: 38 h short"
    assert result.forecast is not None and result.forecast > result.end
    # Left: the plan's hours less 37.5 h logged, or its unticked steps' hours if that is less.
    left = min(remaining_hours(plan, {}), plan.hours - 37.5)
    assert result.remaining == pytest.approx(left)
    assert result.forecast == TODAY + timedelta(days=math.ceil(left / 7.5 * 7) - 1)
    assert "after your plan ends" in result.forecast_note


def test_a_shortfall_of_3_98_weeks_is_4_weeks_and_60_hours(plan):
    # 75 h planned, 15.3 h logged: 59.7 h short, 3.98 weeks.
    result = report(plan, [Logged(START + timedelta(days=2), 15.3)])
    assert result.headline == "4 weeks behind: 60 h short"
    assert result.weeks == 4


def test_one_day_of_data_gives_no_forecast_and_says_what_to_log(plan):
    result = report(plan, [Logged(TODAY - timedelta(days=1), 3)], today=TODAY)
    assert result.forecast is None
    assert result.forecast_line == (
        "Log a check-in in another week to get a forecast finish date: one needs two weeks of "
        "check-ins."
    )
    assert "Forecast finish" not in " ".join(result.lines)


def test_checkins_before_the_start_count_and_say_so(plan):
    # 20 h in the two weeks before the plan began, then 15 h in each of its five weeks:
    # 95 h against 75 h planned is 1.33 weeks ahead, said as 1 week and 20 h.
    early = [Logged(START - timedelta(days=12), 10), Logged(START - timedelta(days=5), 10)]
    result = report(plan, [*early, *wednesdays(5, 15)])
    assert (result.logged, result.logged_before_start) == (75, 20)
    assert (result.status, result.weeks) == (AHEAD, -1)
    assert result.headline == "1 week ahead: 20 h extra"
    assert "You have logged 95 h, 20 h of them before your plan began." in result.schedule_line
    assert [w.start for w in result.weekly][:2] == [
        START - timedelta(weeks=2),
        START - timedelta(weeks=1),
    ]
    assert [w.planned for w in result.weekly][:3] == [0, 0, HOURS]


def test_on_track_never_sits_beside_a_forecast_after_the_plans_end(plan):
    # 90 h in the first two weeks, then 5 h a week: enough hours so far (within a week of the
    # 75 h planned), but the last four weeks' pace of 6.25 h would finish long after the end.
    checkins = [Logged(START, 45), Logged(START + timedelta(days=7), 45)]
    checkins += [Logged(START + timedelta(days=d), 5) for d in (14, 21, 28)]
    result = report(plan, checkins)
    assert result.status == AHEAD or result.status == ON_TRACK
    assert result.forecast is None
    assert result.forecast_line.startswith("No forecast date: at ")
    assert f"after your plan ends ({result.end:%b %Y})" in result.forecast_line
    assert "a week from now finishes on time" in result.forecast_line


# -- status ------------------------------------------------------------------------------------


def test_nothing_logged_is_no_data_yet_and_asks_for_a_first_checkin(plan):
    result = report(plan, [])
    assert result.status == NO_DATA
    assert result.headline == "No data yet: log your first check-in"
    assert result.forecast is None


def test_before_the_start_the_status_is_not_started(plan):
    result = report(plan, [Logged(START - timedelta(days=3), 2)], today=START - timedelta(days=1))
    assert result.status == NOT_STARTED
    assert result.headline == "Not started: your plan begins on Mon 2 Mar 2026"
    assert result.logged_before_start == 2


def test_within_one_week_either_way_is_on_track():
    assert verdict([Logged(START, 60)], START, 15, TODAY)[0] == ON_TRACK  # 1 week short
    assert verdict([Logged(START, 90)], START, 15, TODAY)[0] == ON_TRACK  # 1 week extra
    assert verdict([Logged(START, 59)], START, 15, TODAY)[:2] == (BEHIND, 1)


def test_checkins_after_today_do_not_count(plan):
    result = report(plan, [*wednesdays(5, 15), Logged(TODAY + timedelta(days=3), 40)])
    assert result.logged == 75


@settings(max_examples=60, deadline=None)
@given(
    logged=st.lists(st.tuples(st.integers(-20, 60), st.floats(0, 24)), max_size=12),
    extra=st.floats(0.25, 24),
    offset=st.integers(-20, 35),
)
def test_more_hours_logged_never_makes_you_more_behind(logged, extra, offset):
    base = [Logged(START + timedelta(days=d), h) for d, h in logged]
    more = [*base, Logged(START + timedelta(days=offset), extra)]
    order = [NOT_STARTED, NO_DATA, BEHIND, ON_TRACK, AHEAD]
    before, after = verdict(base, START, 15, TODAY), verdict(more, START, 15, TODAY)
    if before[0] != NO_DATA:
        assert order.index(after[0]) >= order.index(before[0])
        assert after[1] <= before[1]


def test_round_half_up_rounds_as_a_person_does():
    assert [round_half_up(x) for x in (2.5, 3.5, 3.98, 1.49)] == [3, 4, 4, 1]


def test_the_schedule_counts_from_the_day_a_plan_was_made_in_its_first_month():
    assert schedule_start(date(2026, 3, 1), date(2026, 3, 20)) == date(2026, 3, 20)
    # A start month set earlier than the month the profile was made counts from that month.
    assert schedule_start(date(2026, 2, 1), date(2026, 3, 20)) == date(2026, 2, 1)
    assert schedule_start(date(2026, 3, 1), date(2026, 1, 5), date(2026, 3, 9)) == date(2026, 3, 9)


# -- weeks, this week, items, readiness ---------------------------------------------------------


def test_each_plan_week_plans_the_weekly_hours_and_a_partial_first_week_is_marked(plan):
    thursday = START + timedelta(days=3)
    result = progress_report(
        KB,
        target="ml-engineer",
        plan=plan,
        start=thursday,
        checkins=[Logged(thursday, 4)],
        levels_over_time=[],
        statuses={},
        today=TODAY,
    )
    first, second = result.weekly[:2]
    assert (first.start, first.planned, first.partial) == (START, HOURS, True)
    assert (second.planned, second.partial) == (HOURS, False)
    assert all(w.planned == HOURS for w in result.weekly)


def test_this_week_has_its_hours_and_the_current_months_open_items(plan):
    april = next(m for m in plan.months if m.start <= TODAY <= m.end)
    ticked = april.items[0].id
    checkins = [*wednesdays(5, 15), Logged(TODAY, 2.5)]
    result = report(plan, checkins, statuses={ticked: "done"})
    week = result.this_week
    assert (week.start, week.planned, week.logged) == (TODAY, HOURS, 2.5)
    assert [i.id for i in week.items] == [i.id for i in april.items[1:]]
    assert result.this_week_line == (
        "This week (from Mon 6 Apr 2026): 2.5 h logged of 15 h planned; "
        f"{plural(len(april.items) - 1, 'item')} of April still open."
    )


def test_open_items_count_the_current_month_too(plan):
    started = [m for m in plan.months if m.start <= TODAY]
    result = report(plan, wednesdays(5, 15))
    assert result.items.open_in_started_months == sum(len(m.items) for m in started)
    assert started[-1].end >= TODAY  # April has started and is counted


def test_item_counts_add_up(plan):
    items = [i.id for m in plan.months for i in m.items]
    statuses = {items[0]: "done", items[1]: "skipped"}
    result = report(plan, [], statuses=statuses, set_aside=frozenset({"activity:old:1"}))
    assert (result.items.done, result.items.skipped) == (1, 1)
    assert result.items.total == len(items) + 1
    assert result.items_line.startswith(f"Plan items: 1 of {len(items) + 1} done, 1 skipped, ")


def test_ticked_skill_steps_shorten_what_is_left(plan):
    step = plan.months[0].skills[0]
    ticked = {skill_item_id(step.skill, step.to_level): "done"}
    assert remaining_hours(plan, ticked) == pytest.approx(remaining_hours(plan, {}) - step.hours)


def test_the_plans_expected_readiness_rises_to_full_by_its_end(plan):
    result = report(plan, [], levels=[(START, {})])
    expected = result.expected_readiness
    assert expected[0].day == START and expected[-1].day == plan.months[-1].end
    assert expected[0].readiness == result.readiness_over_time[0].readiness
    assert expected[-1].readiness == pytest.approx(1.0)
    assert [p.readiness for p in expected] == sorted(p.readiness for p in expected)


def test_levels_over_time_never_goes_back_in_time():
    series = levels_over_time(
        [("2026-03-02", "python", 1), ("2026-03-05", "python", 2), ("2026-03-04", "sql", 1)]
    )
    assert series == [
        (date(2026, 3, 2), {"python": 1}),
        (date(2026, 3, 5), {"python": 2, "sql": 1}),
    ]


def test_items_done_over_time_follows_ticks_and_clears():
    marks = [
        (date(2026, 3, 2), "a", "done"),
        (date(2026, 3, 2), "b", "done"),
        (date(2026, 3, 9), "a", None),
        (date(2026, 3, 10), "c", "skipped"),
    ]
    assert items_done_over_time(marks) == (
        (date(2026, 3, 2), 2),
        (date(2026, 3, 9), 1),
        (date(2026, 3, 10), 1),
    )


def test_the_plans_first_day_says_it_began_today_not_hours_of_zero_planned(plan):
    result = report(plan, [Logged(START, 3)], today=START)
    assert result.status == ON_TRACK
    assert result.headline == "On track: your plan began today; 3 h logged so far"
