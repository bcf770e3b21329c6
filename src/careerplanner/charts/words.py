"""What each chart shows, in words: the accessible description and tooltip of every chart in
the window, for screen readers and for anyone who would rather read than look. Plain text from
the same data the chart draws; nothing here imports matplotlib."""

from __future__ import annotations

from collections.abc import Sequence

from careerplanner.core import dates
from careerplanner.core.gap import RoleGap
from careerplanner.core.plan import Plan

#: How many rows a description names before it says "and N more".
NAMED = 6


def readiness_words(gaps: Sequence[RoleGap], target: str, selected: str | None = None) -> str:
    """ "Readiness for every role, best first: AI Engineer 57% (your target), ..."."""
    if not gaps:
        return "No roles to show."
    parts = []
    for gap in gaps:
        marks = [
            m
            for m, on in (
                ("your target", gap.role == target),
                ("chosen", gap.role == selected and gap.role != target),
            )
            if on
        ]
        parts.append(
            f"{gap.name} {gap.readiness:.0%}" + (f" ({', '.join(marks)})" if marks else "")
        )
    return "Readiness for every role, best first: " + ", ".join(parts) + "."


def categories_words(gap: RoleGap | None) -> str:
    """ "ML Engineer by skill area: Programming needs 3 on average, you have 2.5; ..."."""
    if gap is None or not gap.categories:
        return "No role chosen."
    parts = [
        f"{c.name} needs {c.required:.2g} on average, you have {c.current:.2g}"
        for c in gap.categories
    ]
    return f"{gap.name} by skill area: " + "; ".join(parts) + "."


def timeline_words(plan: Plan | None) -> str:
    """ "17 skills over 13 months, December 2026 to December 2027: LLM APIs and SDKs 1 to 3 in
    months 1-2; ... and 11 more."."""
    from careerplanner.charts.plan import timeline_rows  # the chart's own rows, in its order

    if plan is None or not plan.months:
        return "Nothing to plan: you already meet this role."
    rows = timeline_rows(plan)
    first, last = plan.months[0].start, plan.months[-1].start
    head = (
        f"{len(rows)} skill{'s' if len(rows) != 1 else ''} over {plan.total_months} "
        f"month{'s' if plan.total_months != 1 else ''}, "
        f"{dates.month_year(first)} to {dates.month_year(last)}"
    )
    named = [
        f"{row.name} {row.from_level} to {row.to_level} in "
        + (
            f"month {row.first_month}"
            if row.first_month == row.last_month
            else f"months {row.first_month}-{row.last_month}"
        )
        for row in rows[:NAMED]
    ]
    more = f"; and {len(rows) - NAMED} more" if len(rows) > NAMED else ""
    return f"{head}: " + "; ".join(named) + more + "." if named else f"{head}."
