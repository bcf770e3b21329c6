"""Gaps and plans as text for people: a plain table and Markdown; returns strings only."""

from __future__ import annotations

from collections.abc import Iterable

from careerplanner.core.gap import RoleGap
from careerplanner.core.plan import Plan, PlanMonth, count
from careerplanner.knowledge.model import KnowledgeBase

#: How many gaps the table names per role; the JSON has them all.
TOP_GAPS = 3


def gaps_table(gaps: Iterable[RoleGap], heading: str = "") -> str:
    """One row per role, best-ready first: readiness, hours to close and the top gaps."""
    gaps = list(gaps)
    width = max([len("Role"), *(len(g.name) for g in gaps)])
    lines = [heading, ""] if heading else []
    lines.append(f"{'Role':<{width}}  Ready  Hours  Most important gaps")
    lines.append(f"{'-' * width}  -----  -----  {'-' * 19}")
    for g in gaps:
        top = ", ".join(f"{s.name} {s.current}->{s.required}" for s in g.gaps[:TOP_GAPS])
        more = f" (+{len(g.gaps) - TOP_GAPS} more)" if len(g.gaps) > TOP_GAPS else ""
        lines.append(f"{g.name:<{width}}  {g.readiness:>5.0%}  {g.hours:>5}  {top or 'none'}{more}")
    return "\n".join(lines) + "\n"


def plan_markdown(plan: Plan, kb: KnowledgeBase) -> str:
    """The plan as a Markdown document: summary, notes, then one section per month."""
    target = kb.role(plan.to_role)
    lines = [
        f"# Plan: {kb.role(plan.from_role).name} -> {target.name}",
        "",
        f"- **{count(plan.total_months, 'month')}** "
        f"at {count(plan.hours_per_week, 'hour')} a week "
        f"({_hours_source(plan)}), {count(round(plan.hours), 'hour')} in all.",
    ]
    if plan.duration_claims:
        for claim in plan.duration_claims:
            low, high = f"{claim.min_months:g}", f"{claim.max_months:g}"
            span = count(claim.min_months, "month") if low == high else f"{low}-{high} months"
            note = f": {claim.note}" if claim.note else ""
            lines.append(f"- {span}{note} ({kb.source(claim.source).publisher}).")
    if plan.ready:
        lines.append("- **Ready**: your levels already meet every requirement.")
    if plan.notes:
        lines += ["", "## Notes", "", *(f"- {note}" for note in plan.notes)]
    for month in plan.months:
        lines += ["", *_month(month, kb)]
    return "\n".join(lines) + "\n"


def _month(month: PlanMonth, kb: KnowledgeBase) -> list[str]:
    # Whole hours for people; the JSON keeps the exact figure.
    hours = count(round(month.hours), "hour")
    lines = [f"## Month {month.index}: {month.start:%B %Y} ({hours})", ""]
    if month.skills:
        moved = "; ".join(
            f"{s.name} {s.from_level} -> {s.to_level}"
            + ("" if s.completes else " (continues next month)")
            for s in month.skills
        )
        lines += [f"**Skills:** {moved}", ""]
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
