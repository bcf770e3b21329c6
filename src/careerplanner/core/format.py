"""Gaps and plans as text for people: a plain table and Markdown; returns strings only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from careerplanner.core.gap import RoleGap
from careerplanner.core.plan import Plan, PlanMonth, count
from careerplanner.knowledge.model import KnowledgeBase, SourceId

#: How many gaps the table names per role; the JSON has them all.
TOP_GAPS = 3
#: Said of a plan whose levels already meet the target.
READY = "your levels already meet every requirement."


def gaps_table(
    gaps: Iterable[RoleGap], heading: str = "", months: Mapping[str, int | None] | None = None
) -> str:
    """One row per role, best-ready first: readiness, hours to close, the months the plan to
    it takes (when ``months`` gives them) and the top gaps."""
    gaps = list(gaps)
    width = max([len("Role"), *(len(g.name) for g in gaps)])
    lines = [heading, ""] if heading else []
    months_title, months_rule = ("Months  ", "------  ") if months is not None else ("", "")
    lines.append(f"{'Role':<{width}}  Ready  Hours  {months_title}Most important gaps")
    lines.append(f"{'-' * width}  -----  -----  {months_rule}{'-' * 19}")
    for g in gaps:
        top = ", ".join(f"{s.name} {s.current}->{s.required}" for s in g.gaps[:TOP_GAPS])
        more = f" (+{len(g.gaps) - TOP_GAPS} more)" if len(g.gaps) > TOP_GAPS else ""
        length = ""
        if months is not None:
            length = f"{months.get(g.role) or '-':>6}  "
        lines.append(
            f"{g.name:<{width}}  {g.readiness:>5.0%}  {g.hours:>5}  {length}{top or 'none'}{more}"
        )
    return "\n".join(lines) + "\n"


def plan_markdown(plan: Plan, kb: KnowledgeBase) -> str:
    """The plan as a Markdown document: summary, notes, then one section per month."""
    lines = [f"# {plan_title(plan, kb)}", "", *_summary_markdown(plan, kb)]
    if plan.notes:
        lines += ["", "## Notes", "", *(f"- {note}" for note in plan.notes)]
    for month in plan.months:
        lines += ["", *_month(month, kb)]
    return "\n".join(lines) + "\n"


def plan_title(plan: Plan, kb: KnowledgeBase) -> str:
    """ "Plan: Software Engineer -> Machine Learning Engineer"."""
    return f"Plan: {kb.role(plan.from_role).name} -> {kb.role(plan.to_role).name}"


def plan_pace(plan: Plan) -> str:
    """What follows the plan's length: "at 10 hours a week (your choice), 560 hours in all."."""
    return (
        f"at {count(plan.hours_per_week, 'hour')} a week ({_hours_source(plan)}), "
        f"{count(round(plan.hours), 'hour')} in all."
    )


def duration_claims(plan: Plan, kb: KnowledgeBase) -> list[str]:
    """Each source's duration for the move, one sentence each, naming the publisher."""
    lines = []
    for claim in plan.duration_claims:
        low, high = f"{claim.min_months:g}", f"{claim.max_months:g}"
        span = count(claim.min_months, "month") if low == high else f"{low}-{high} months"
        note = f": {claim.note}" if claim.note else ""
        lines.append(f"{span}{note} ({kb.source(claim.source).publisher}).")
    return lines


def plan_sources(plan: Plan) -> tuple[SourceId, ...]:
    """Every source the plan cites, first cited first: the duration claims, then the months."""
    cited = [c.source for c in plan.duration_claims]
    cited += [s for month in plan.months for s in month.sources]
    return tuple(dict.fromkeys(cited))


def month_title(month: PlanMonth) -> str:
    return f"Month {month.index}: {month.start:%B %Y}"


def month_hours(month: PlanMonth) -> str:
    # Whole hours for people; the JSON keeps the exact figure.
    return count(round(month.hours), "hour")


def month_dates(month: PlanMonth) -> str:
    """ "1–31 January 2027", or both full dates when the month's days span two months."""
    start, end = month.start, month.end
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def skill_moves(month: PlanMonth) -> str:
    """ "Python 2 -> 3; SQL 1 -> 2 (continues next month)": the month's skills, or ""."""
    return "; ".join(
        f"{s.name} {s.from_level} -> {s.to_level}"
        + ("" if s.completes else " (continues next month)")
        for s in month.skills
    )


def _summary_markdown(plan: Plan, kb: KnowledgeBase) -> list[str]:
    lines = [f"- **{count(plan.total_months, 'month')}** {plan_pace(plan)}"]
    lines += [f"- {claim}" for claim in duration_claims(plan, kb)]
    if plan.ready:
        lines.append(f"- **Ready**: {READY}")
    return lines


def _month(month: PlanMonth, kb: KnowledgeBase) -> list[str]:
    lines = [f"## {month_title(month)} ({month_hours(month)})", ""]
    if month.skills:
        lines += [f"**Skills:** {skill_moves(month)}", ""]
    lines += ["**Activities:**", "", *(f"- {a}" for a in month.activities), ""]
    lines.append(f"**Milestone:** {month.milestone}")
    if month.sources:
        names = ", ".join(kb.source(s).publisher for s in month.sources)
        lines += ["", f"*Sources: {names}*"]
    return lines


def _hours_source(plan: Plan) -> str:
    return {
        "user": "your choice",
        "path": "the pace documented for this path",
        "default": "a default; no path documents any",
    }.get(plan.hours_source, plan.hours_source)
