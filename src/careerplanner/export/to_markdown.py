"""The plan as a Markdown checklist a student or an instructor reads and ticks: each month's
items as task-list boxes, skipped ones struck through. The sentences come from export.text."""

from __future__ import annotations

from collections.abc import Mapping

from careerplanner.core.plan_model import Plan, PlanMonth
from careerplanner.export import text
from careerplanner.export.checklist import (
    NO_STATUSES,
    Entry,
    entries,
    milestone_is_item,
    practice,
)
from careerplanner.knowledge.model import KnowledgeBase


def plan_markdown(
    plan: Plan,
    kb: KnowledgeBase,
    statuses: Mapping[str, str] = NO_STATUSES,
    prepared_for: str = "",
) -> str:
    """Title and summary, one section per month (dates and hours in its heading, items as
    ``- [x]``/``- [ ]``), then the plan's notes and the titles of the sources it cites.
    ``prepared_for`` ("Me, on Tue 1 Dec 2026") goes under the title."""
    lines = [f"# {text.plan_title(plan, kb)}", ""]
    if prepared_for:
        lines += [f"Prepared for {prepared_for}.", ""]
    lines.append(f"- **{text.count(plan.total_months, 'month')}** {text.plan_pace(plan)}")
    lines += [f"- {claim}" for claim in text.duration_claims(plan, kb)]
    lines.append(f"- {text.pace_sentence(plan, kb)}")
    if plan.ready:
        lines.append(f"- **Ready**: {text.READY}")
    for month in plan.months:
        lines += ["", *_month(month, statuses)]
    if plan.notes:
        lines += ["", "## Notes", "", *(f"- {note}" for note in plan.notes)]
    cited = text.plan_sources(plan)
    if cited:
        lines += ["", "## Sources", ""]
        lines += [f"- *{kb.source(s).name}*, {kb.source(s).publisher}" for s in cited]
    return "\n".join(lines) + "\n"


def _month(month: PlanMonth, statuses: Mapping[str, str]) -> list[str]:
    heading = f"## Month {month.index}: {text.month_dates(month)} ({text.month_hours(month)})"
    lines = [heading, ""]
    if month.skills:
        lines += [f"**Skills:** {text.skill_moves(month)}", ""]
    checklist = [_entry(entry) for entry in entries(month, statuses)]
    if checklist:
        lines += [*checklist, ""]
    if not milestone_is_item(month):
        lines += [f"**Milestone:** {month.milestone}", ""]
    extra = practice(month)
    if extra:
        lines += ["**Practise:**", "", *(f"- {line}" for line in extra), ""]
    return lines[:-1]


def _entry(entry: Entry) -> str:
    label = f"**Milestone:** {entry.item.text}" if entry.is_milestone else entry.item.text
    if entry.skipped:
        # GitHub and most editors render ~~...~~; "(skipped)" says it where they do not.
        label = f"~~{label}~~ (skipped)"
    return f"- [{'x' if entry.done else ' '}] {label}"
