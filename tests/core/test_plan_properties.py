"""Property tests: any valid levels, background, target and hours give a valid plan, and more
hours never give more months."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.core.plan import PlanRequest, build_plan
from tests.core.conftest import make_kb
from tests.core.plan_checks import assert_valid_plan

KB = make_kb()

levels = st.dictionaries(st.sampled_from([s.id for s in KB.skills]), st.integers(0, 4))
targets = st.sampled_from([r.id for r in KB.target_roles])
backgrounds = st.sampled_from([r.id for r in KB.backgrounds])
starts = st.dates(date(2020, 1, 1), date(2040, 12, 31))
hours = st.one_of(st.integers(1, 80), st.floats(1, 80, allow_nan=False))


@settings(max_examples=150, deadline=None)
@given(levels, backgrounds, targets, hours, starts)
def test_any_valid_input_gives_a_valid_plan(levels, background, target, hours, start):
    request = PlanRequest(levels, background, target, hours, start)
    assert_valid_plan(KB, request, build_plan(KB, request))


@settings(max_examples=150, deadline=None)
@given(levels, backgrounds, targets, hours, st.integers(1, 40), starts)
def test_more_hours_never_give_more_months(levels, background, target, hours, more, start):
    fewer = build_plan(KB, PlanRequest(levels, background, target, hours, start))
    extra = build_plan(KB, PlanRequest(levels, background, target, min(hours + more, 80), start))
    assert extra.total_months <= fewer.total_months


@settings(max_examples=100, deadline=None)
@given(levels, targets, st.integers(1, 80), st.integers(0, 6))
def test_replanning_from_done_items_gives_a_valid_plan(levels, target, hours, done_months):
    first = build_plan(
        KB, PlanRequest(levels, "software-engineer", target, hours, date(2030, 1, 1))
    )
    done = frozenset(i.id for m in first.months[:done_months] for i in m.items)
    request = PlanRequest(levels, "software-engineer", target, hours, date(2030, 1, 1), done)
    again = build_plan(KB, request)
    assert_valid_plan(KB, request, again)
    assert not done & {i.id for m in again.months for i in m.items}
    # Only finished items count: hours spent on a level not yet reached are not known here.
    assert again.total_months <= first.total_months
