"""The plan's sentences, shared by every writer, the window and the command line: its title,
pace and length, what each source says it takes and what that comes to at the pace we read into
it (``pace_sentence``), and its months' dates, always in English.

They are written in ``core.format`` for now, because the command line's plain Markdown is built
there too; this is where the writers and the window take them from, and where they will live once
``core.format`` moves into this package.
"""

from careerplanner.core.dates import day_month_year, format_date, month_year, short_month_year
from careerplanner.core.format import (
    READY,
    duration_claims,
    month_dates,
    month_hours,
    month_title,
    pace_sentence,
    plan_pace,
    plan_sources,
    plan_title,
    skill_moves,
)
from careerplanner.core.plan import count

__all__ = [
    "READY",
    "count",
    "day_month_year",
    "duration_claims",
    "format_date",
    "month_dates",
    "month_hours",
    "month_title",
    "month_year",
    "pace_sentence",
    "plan_pace",
    "plan_sources",
    "plan_title",
    "short_month_year",
    "skill_moves",
]
