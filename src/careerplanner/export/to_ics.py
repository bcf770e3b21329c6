"""The plan as an iCalendar file: one all-day event per month, which a calendar app shows as
a bar across the month. Same plan, same bytes; UIDs stay put so a re-import updates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from careerplanner.core.plan_model import Plan, PlanMonth
from careerplanner.export import text
from careerplanner.export.checklist import NO_STATUSES, entries, milestone_is_item, shorten
from careerplanner.knowledge.model import KnowledgeBase

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//Career Planner//EN"
#: Long enough to say what the month is for, short enough for a calendar's month view.
SUMMARY_WIDTH = 60


def plan_ics(
    plan: Plan,
    kb: KnowledgeBase,
    statuses: Mapping[str, str] = NO_STATUSES,
    *,
    stamp: datetime | None = None,
) -> bytes:
    """One VEVENT per month from its first to its last day (DTEND is the day after, as
    iCalendar counts all-day ends), marked free so it does not block the user's diary.

    A month's UID is made of the plan's roles and the month's start, so a re-exported plan
    replaces the events of the same months. DTSTAMP is ``stamp`` (a UTC time), by default
    midnight UTC of the plan's first month, which keeps the file deterministic; a caller that
    wants clients to see a re-export as newer passes the time of export.
    """
    # Loaded here, not with the module: the window imports the writers at start, and the
    # calendar library takes longer to load than all of them together.
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", text.plan_title(plan, kb))
    if stamp is None:
        first = plan.months[0].start if plan.months else datetime(1970, 1, 1).date()
        stamp = datetime.combine(first, time(0), tzinfo=UTC)
    for month in plan.months:
        calendar.add_component(_event(plan, month, statuses, stamp.astimezone(UTC)))
    return calendar.to_ical()


def month_uid(plan: Plan, month: PlanMonth) -> str:
    """Stable across exports and re-plans: the move and the month, not the month's number, nor
    the day the first month starts (today, while the plan starts this month)."""
    return f"{plan.from_role}-{plan.to_role}-{month.start:%Y%m}01@careerplanner"


def headline(milestone: str) -> str:
    """The milestone shortened for a summary line: a level or portfolio milestone says what it
    is before its colon ("Python at level 3: You can ..."), so that part is enough."""
    head, colon, _ = milestone.partition(": ")
    return shorten(head if colon and len(head) >= 12 else milestone, SUMMARY_WIDTH)


def _event(plan: Plan, month: PlanMonth, statuses: Mapping[str, str], stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", month_uid(plan, month))
    event.add("dtstamp", stamp)
    event.add("dtstart", month.start)
    event.add("dtend", month.end + timedelta(days=1))
    event.add("summary", f"Career plan month {month.index}: {headline(month.milestone)}")
    event.add("description", _description(plan, month, statuses))
    event.add("transp", "TRANSPARENT")
    return event


def _description(plan: Plan, month: PlanMonth, statuses: Mapping[str, str]) -> str:
    lines = [
        f"Month {month.index} of {plan.total_months}: {text.month_dates(month)}, "
        f"{text.month_hours(month)}.",
    ]
    if month.skills:
        lines.append(f"Skills: {text.skill_moves(month)}")
    lines.append("")
    for entry in entries(month, statuses):
        label = f"Milestone: {entry.item.text}" if entry.is_milestone else entry.item.text
        lines.append(
            f"[{'x' if entry.done else ' '}] {label}" + (" (skipped)" if entry.skipped else "")
        )
    if not milestone_is_item(month):
        lines.append(f"Milestone: {month.milestone}")
    return "\n".join(lines)
