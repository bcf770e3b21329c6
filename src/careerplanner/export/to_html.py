"""The plan as one printable HTML document with no scripts, styles sheets or outside files:
the window prints it to PDF through QTextDocument, so it keeps to the HTML that renders."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

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

TICKED, OPEN = "☑", "☐"
#: QTextDocument reads the old attributes, not CSS borders, for a ruled table.
_TABLE = '<table border="1" cellspacing="0" cellpadding="4" width="100%">'


def plan_html(
    plan: Plan,
    kb: KnowledgeBase,
    statuses: Mapping[str, str] = NO_STATUSES,
    prepared_for: str = "",
) -> str:
    """Title, length and pace with each source's duration, one section per month (dates,
    hours, skills, a table of items with ☐/☑, the milestone in bold), notes and sources.
    ``prepared_for`` ("Me, on Tue 1 Dec 2026") goes under the title."""
    title = escape(text.plan_title(plan, kb))
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{title}</title></head><body>",
        f"<h1>{title}</h1>",
        *([f"<p>Prepared for {escape(prepared_for)}.</p>"] if prepared_for else []),
        f"<p><b>{escape(text.count(plan.total_months, 'month'))}</b> "
        f"{escape(text.plan_pace(plan))}</p>",
    ]
    claims = text.duration_claims(plan, kb)
    if claims:
        parts += ["<p>What the sources say this move takes:</p>", _list(claims)]
    parts.append(f"<p>{escape(text.pace_sentence(plan, kb))}</p>")
    if plan.ready:
        parts.append(f"<p><b>Ready</b>: {escape(text.READY)}</p>")
    for month in plan.months:
        parts += _month(month, statuses)
    if plan.notes:
        parts += ["<h2>Notes</h2>", _list(plan.notes)]
    cited = text.plan_sources(plan)
    if cited:
        parts.append("<h2>Sources</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li><i>{escape(kb.source(s).name)}</i>, {escape(kb.source(s).publisher)}</li>"
                for s in cited
            )
            + "</ul>"
        )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _month(month: PlanMonth, statuses: Mapping[str, str]) -> list[str]:
    parts = [
        f"<h2>Month {month.index}: {escape(text.month_dates(month))}</h2>",
        f"<p>{escape(text.month_hours(month))}"
        + (f" &middot; <b>Skills:</b> {escape(text.skill_moves(month))}" if month.skills else "")
        + "</p>",
    ]
    rows = [_row(entry) for entry in entries(month, statuses)]
    if rows:
        parts += [_TABLE, *rows, "</table>"]
    if not milestone_is_item(month):
        parts.append(f"<p><b>Milestone: {escape(month.milestone)}</b></p>")
    extra = practice(month)
    if extra:
        parts += ["<p><i>Practise:</i></p>", _list(extra)]
    return parts


def _row(entry: Entry) -> str:
    label = escape(entry.item.text)
    if entry.is_milestone:
        label = f"<b>Milestone: {label}</b>"
    if entry.skipped:
        label = f"<s>{label}</s> (skipped)"
    box = TICKED if entry.done else OPEN
    return f'<tr><td width="24" align="center">{box}</td><td>{label}</td></tr>'


def _list(lines: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
