"""The plan's sentences, shared by every writer, the window and the command line: its title,
pace and length, what each source says it takes and what that comes to at the pace we read into
it (``pace_sentence``), and its months' dates, always in English (``core.dates``)."""

from __future__ import annotations

from careerplanner.core import dates
from careerplanner.core.dates import day_month_year, format_date, month_year, short_month_year
from careerplanner.core.plan import Plan, PlanMonth, count
from careerplanner.knowledge.model import OUR_READING, KnowledgeBase, SourceId

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

#: Said of a plan whose levels already meet the target.
READY = "your levels already meet every requirement."


def plan_title(plan: Plan, kb: KnowledgeBase) -> str:
    """ "Plan: Software Engineer -> Machine Learning Engineer"."""
    return f"Plan: {kb.role(plan.from_role).name} -> {kb.role(plan.to_role).name}"


def plan_pace(plan: Plan) -> str:
    """What follows the plan's length: "at 10 hours a week (your choice), 560 hours in all."."""
    return (
        f"at {count(plan.hours_per_week, 'hour')} a week ({_hours_source(plan)}), "
        f"{count(round(plan.hours), 'hour')} in all."
    )


def pace_sentence(plan: Plan, kb: KnowledgeBase) -> str:
    """How long the plan takes at the user's hours, and what each source's timeline comes to
    at the pace we read into it, with the months this plan really takes at that pace:

    "At 10 hours a week this plan takes 10 months. Our reading of the sources' timelines: the
    essay's 2-3 months matches about 40 hours a week (3 months in this plan at that pace); AY
    Automate's 6 months about 18 hours a week (6 months)."
    """
    hours = count(plan.hours_per_week, "hour")
    target = kb.role(plan.to_role).name
    if plan.ready:
        return (
            f"Your levels already meet every {target} requirement: one month of portfolio and "
            f"interview preparation at {hours} a week."
        )
    head = f"At {hours} a week this plan takes {count(plan.total_months, 'month')}"
    if not plan.claim_paces:
        return f"{head}; no source gives a duration for this move."
    readings = []
    for n, claim in enumerate(plan.claim_paces):
        figure = f"{kb.source(claim.source).possessive} {_span(claim.min_months, claim.max_months)}"
        if claim.weekly_hours is None:
            readings.append(f"no sensible pace matches {figure} (see the notes)")
            continue
        months = count(claim.months or 0, "month")
        at = f"{months} in this plan at that pace" if n == 0 else months
        verb = "matches " if n == 0 else ""
        readings.append(f"{figure} {verb}about {count(claim.weekly_hours, 'hour')} a week ({at})")
    whose = "the source's timeline" if len(readings) == 1 else "the sources' timelines"
    return f"{head}. {OUR_READING.capitalize()} of {whose}: {'; '.join(readings)}."


def duration_claims(plan: Plan, kb: KnowledgeBase) -> list[str]:
    """Each source's duration for the move, one sentence each, naming the source as a
    sentence does ("the essay", "AY Automate")."""
    lines = []
    for claim in plan.duration_claims:
        source = kb.source(claim.source)
        note = f": {claim.note}" if claim.note else ""
        span = _span(claim.min_months, claim.max_months)
        lines.append(f"{span}{note} ({source.short or source.publisher}).")
    return lines


def plan_sources(plan: Plan) -> tuple[SourceId, ...]:
    """Every source the plan cites, first cited first: the duration claims, then the months."""
    cited = [c.source for c in plan.duration_claims]
    cited += [s for month in plan.months for s in month.sources]
    return tuple(dict.fromkeys(cited))


def month_title(month: PlanMonth) -> str:
    return f"Month {month.index}: {dates.month_year(month.start)}"


def month_hours(month: PlanMonth) -> str:
    # Whole hours for people; the JSON keeps the exact figure.
    return count(round(month.hours), "hour")


def month_dates(month: PlanMonth) -> str:
    """ "1–31 January 2027", or both full dates when the month's days span two months."""
    start, end = month.start, month.end
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {dates.month_year(end)}"
    return f"{dates.day_month_year(start)} – {dates.day_month_year(end)}"


def skill_moves(month: PlanMonth) -> str:
    """ "Python 2 -> 3; SQL 1 -> 2 (continues next month)": the month's skills, or ""."""
    return "; ".join(
        f"{s.name} {s.from_level} -> {s.to_level}"
        + ("" if s.completes else " (continues next month)")
        for s in month.skills
    )


def _hours_source(plan: Plan) -> str:
    return {
        "user": "your choice",
        "path": "our default pace for this path",
        "default": "a default; no path documents any",
    }.get(plan.hours_source, plan.hours_source)


def _span(low: float, high: float) -> str:
    """ "2-3 months", "6 months", "1 month"."""
    return count(low, "month") if low == high else f"{low:g}-{high:g} months"
