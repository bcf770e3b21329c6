"""One set of limits: every range is stated once, and values are parsed the same way."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.core import limits
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge


@pytest.mark.parametrize("text", ["7", " 7.5 ", "0", ".5", "80"])
def test_numbers_are_read_as_people_write_them(text):
    assert limits.parse_number(text, "x") == float(text)


@pytest.mark.parametrize("text", ["", "ten", "nan", "inf", "1e400", "1_0", "²", "+-3", "9" * 5000])
def test_anything_else_is_refused_in_one_short_line(text):
    with pytest.raises(limits.LimitError, match="x needs a number") as caught:
        limits.parse_number(text, "x")
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 80


def test_a_refused_value_is_named_with_its_range():
    with pytest.raises(limits.LimitError, match=r"Hours a week must be from 1 to 80 .*not 0.1"):
        limits.HOURS_PER_WEEK.check(0.1)
    with pytest.raises(limits.LimitError, match="not 'eight'"):
        limits.HOURS_PER_WEEK.check("eight")
    assert limits.HOURS_PER_DAY.check(0) == 0.0


def test_the_slowest_pace_allowed_still_plans_every_move_from_nothing():
    # A value the app accepts must never stop the window from building a plan.
    kb = default_knowledge()
    for background in kb.backgrounds:
        for target in kb.target_roles:
            request = PlanRequest(
                {}, background.id, target.id, limits.HOURS_PER_WEEK.low, date(2027, 1, 1)
            )
            assert build_plan(kb, request).total_months > 0


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("a\nb", "one line"),
        ("x" * (limits.MAX_NAME_LENGTH + 1), "at most 80 characters"),
    ],
)
def test_names_are_one_short_line(name, message):
    with pytest.raises(limits.LimitError, match=message):
        limits.check_name(name)


def test_check_in_days_are_not_in_the_future_nor_in_year_one():
    today = date(2026, 12, 1)
    with pytest.raises(limits.LimitError, match="future"):
        limits.check_day(date(2026, 12, 2), today)
    with pytest.raises(limits.LimitError, match="1990 or later"):
        limits.check_day(date(1, 1, 1), today)
    assert limits.check_day(today, today) == today
