"""Progress against the plan: readiness over time, hours logged vs planned per week, plan items
done and still due, and whether the user is on track, with a forecast finish date. Pure: no I/O.

The rules, each tested in ``tests/core/test_progress.py``:

- **The schedule** counts from the later of the plan's first day and the day the profile was
  made (a plan cannot be behind on days before it existed), at the profile's hours per week.
  By today it expects ``hours_per_week x days since then / 7`` hours.
- **Logged hours** are the check-ins from that day to today; a check-in dated after today does
  not count yet.
- **Status**: the difference between logged and expected hours, in weeks of the planned pace.
  Less than one full week either way is "on track"; otherwise "N weeks behind" or "N weeks
  ahead", N counting full weeks only. Before the schedule starts the status is "not started".
  More hours logged can only move the status towards "ahead".
- **Pace**: the hours logged in the last 4 weeks (28 days to today), per week. When the schedule
  began less than 4 weeks ago, over the weeks since it began (at least one), so a new student's
  first week is not averaged with three empty ones.
- **Forecast**: the plan's remaining hours (the work still open, from current levels and ticked
  items) at that pace, counted from today. No check-ins at all, or none in the last 4 weeks,
  gives no forecast, and the text says why instead of inventing a date. Beside it, for
  comparison, the same hours at the planned pace.
- **Readiness over time**: one point per day that had ratings, the target's readiness with the
  levels at the end of that day (``core.gap.analyse_role``).
- **Weeks** run Monday to Sunday, from the earlier of the schedule's first week and the first
  check-in's, to this week. A week's planned hours are the pace times its days on or after the
  schedule's first day, over 7.
- **Items**: an item is due when its month started before today and it is neither done nor
  skipped. Done counts every item marked done, whichever plan it was on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from careerplanner.core import dates
from careerplanner.core.gap import analyse_role, resolve_role
from careerplanner.core.plan_model import Plan, skill_item_id
from careerplanner.knowledge.model import KnowledgeBase

PACE_WINDOW_DAYS = 28
NOT_STARTED, ON_TRACK, BEHIND, AHEAD = "not started", "on track", "behind", "ahead"


class LoggedTime(Protocol):
    """What the rules need of a check-in (``storage.records.Checkin`` has it)."""

    @property
    def day(self) -> date: ...

    @property
    def hours(self) -> float: ...


@dataclass(frozen=True)
class ReadinessPoint:
    day: date
    readiness: float  # 0..1


@dataclass(frozen=True)
class WeekHours:
    start: date  # a Monday
    logged: float
    planned: float


@dataclass(frozen=True)
class ItemProgress:
    done: int  # items marked done, on any plan
    due: int  # open items of months that started before today


@dataclass(frozen=True)
class Status:
    kind: str  # NOT_STARTED, ON_TRACK, BEHIND or AHEAD
    weeks: int  # full weeks behind or ahead; 0 when on track or not started
    since: date  # the schedule's first day
    hours_per_week: float
    logged: float  # since the schedule's first day
    expected: float
    pace: float | None  # hours per week lately; None when nothing was ever logged
    remaining: float  # hours of plan still open
    forecast: date | None
    at_planned_pace: date  # when the open hours would be done at hours_per_week from today
    today: date | None = None  # the day this status was worked out for

    @property
    def weeks_behind(self) -> float:
        """Exact weeks behind (negative: ahead), before rounding to whole weeks."""
        return (self.expected - self.logged) / self.hours_per_week

    @property
    def headline(self) -> str:
        """One line: "On track — forecast finish Aug 2027", "3 weeks behind — ..."."""
        if self.kind == NOT_STARTED:
            return f"Your plan starts on {_day(self.since)}"
        behind = f"{_plural(self.weeks, 'week')} {self.kind}"
        return f"{'On track' if self.kind == ON_TRACK else behind} — {self.forecast_text}"

    @property
    def forecast_text(self) -> str:
        if self.remaining <= 0:
            return "nothing left in the plan"
        if self.forecast is not None:
            return f"forecast finish {_month(self.forecast)}"
        if self.pace is None:
            return "log a check-in to get a forecast finish date"
        return "no hours logged in the last 4 weeks, so no forecast yet"

    @property
    def detail(self) -> str:
        """How the headline was worked out, in words."""
        if self.expected == 0 and self.logged == 0:
            parts = [
                f"Your schedule starts on {_day(self.since)}: {_hours(self.hours_per_week)} a week."
            ]
        else:
            parts = [
                f"{_hours(self.logged)} logged since {_day(self.since)} of the "
                f"{_hours(self.expected)} planned by today ({_hours(self.hours_per_week)} a week)."
            ]
        if self.pace is not None:
            window_start, _days = pace_window(self.since, self.today or self.since)
            span = "Last 4 weeks" if window_start != self.since else f"Since {_day(self.since)}"
            parts.append(f"{span}: {_hours(self.pace)} a week on average.")
        if self.remaining > 0:
            left = f"{_hours(self.remaining)} of plan left"
            planned = f"{_month(self.at_planned_pace)} at {_hours(self.hours_per_week)} a week"
            if self.forecast is not None:
                parts.append(
                    f"{left}: done around {_month(self.forecast)} at that pace, {planned}."
                )
            else:
                parts.append(f"{left}: done around {planned}.")
        return " ".join(parts)


@dataclass(frozen=True)
class ProgressReport:
    readiness: tuple[ReadinessPoint, ...]
    weeks: tuple[WeekHours, ...]
    items: ItemProgress
    status: Status


def progress_report(
    kb: KnowledgeBase,
    *,
    target: str,
    plan: Plan,
    checkins: Iterable[LoggedTime],
    levels_over_time: Sequence[tuple[date, Mapping[str, int]]],
    statuses: Mapping[str, str],
    today: date,
    profile_created: date | None = None,
) -> ProgressReport:
    """Everything the Progress page shows, from what the Planner reads."""
    since = schedule_start(plan, profile_created, today)
    logged = [c for c in checkins if c.day <= today]
    return ProgressReport(
        readiness=readiness_over_time(kb, target, levels_over_time),
        weeks=weekly_hours(logged, since, plan.hours_per_week, today),
        items=item_progress(plan, statuses, today),
        status=status(logged, since, plan.hours_per_week, remaining_hours(plan, statuses), today),
    )


def remaining_hours(plan: Plan, statuses: Mapping[str, str]) -> float:
    """The plan's hours still open. A skill step's hours are done once its item is ticked; a
    month whose every item is ticked is done whole (a portfolio month has no skill steps)."""
    done = {item for item, status in statuses.items() if status == "done"}
    left = 0.0
    for month in plan.months:
        items = {item.id for item in month.items}
        if items and items <= done:
            continue
        if month.skills:
            left += sum(
                step.hours
                for step in month.skills
                if skill_item_id(step.skill, step.to_level) not in done
            )
        else:
            left += month.hours
    return left


def schedule_start(plan: Plan, profile_created: date | None, today: date) -> date:
    """The later of the plan's first day and the profile's; today for a plan with no months."""
    start = plan.months[0].start if plan.months else today
    return max(start, profile_created) if profile_created else start


def readiness_over_time(
    kb: KnowledgeBase, target: str, levels_over_time: Sequence[tuple[date, Mapping[str, int]]]
) -> tuple[ReadinessPoint, ...]:
    required = [r.skill for r in resolve_role(kb, target).requirements]
    # Most days change skills the target does not need: score each distinct set of the levels
    # it does need once (ten years of daily ratings would otherwise take the best part of a
    # second).
    scores: dict[tuple[int, ...], float] = {}
    points = []
    for day, levels in levels_over_time:
        key = tuple(levels.get(skill, 0) for skill in required)
        if key not in scores:
            scores[key] = analyse_role(kb, target, dict(zip(required, key, strict=True))).readiness
        points.append(ReadinessPoint(day, scores[key]))
    return tuple(points)


def weekly_hours(
    checkins: Iterable[LoggedTime], since: date, hours_per_week: float, today: date
) -> tuple[WeekHours, ...]:
    """Logged and planned hours for each week up to this one (see the module's rules)."""
    by_week: dict[date, float] = {}
    for checkin in checkins:
        if checkin.day <= today:
            week = monday(checkin.day)
            by_week[week] = by_week.get(week, 0.0) + checkin.hours
    starts = [*by_week, *([monday(since)] if since <= today else [])]
    if not starts:
        return ()
    week, last = min(starts), monday(today)
    weeks = []
    while week <= last:
        days_planned = min(7, max(0, (week + timedelta(days=7) - since).days))
        weeks.append(WeekHours(week, by_week.get(week, 0.0), hours_per_week * days_planned / 7))
        week += timedelta(days=7)
    return tuple(weeks)


def item_progress(plan: Plan, statuses: Mapping[str, str], today: date) -> ItemProgress:
    done = sum(1 for s in statuses.values() if s == "done")
    due = sum(
        1
        for month in plan.months
        if month.start < today
        for item in month.items
        if statuses.get(item.id) not in ("done", "skipped")
    )
    return ItemProgress(done=done, due=due)


def recent_pace(checkins: Iterable[LoggedTime], since: date, today: date) -> float | None:
    """Hours per week lately (see the module's rules); None when nothing was ever logged."""
    logged = [c for c in checkins if c.day <= today]
    if not logged or today < since:  # no pace for a schedule that has not begun
        return None
    window_start, days = pace_window(since, today)
    hours = sum(c.hours for c in logged if c.day >= window_start)
    return hours / (days / 7)


def pace_window(since: date, today: date) -> tuple[date, int]:
    """The days the recent pace is measured over: the last four weeks, or, for a schedule
    younger than that, the days since it began (hours logged before it do not count), never
    less than a week so one busy day is not read as a weekly pace."""
    window_start = today - timedelta(days=PACE_WINDOW_DAYS - 1)
    if since <= window_start:
        return window_start, PACE_WINDOW_DAYS
    return since, max(7, (today - since).days + 1)


def status(
    checkins: Iterable[LoggedTime],
    since: date,
    hours_per_week: float,
    remaining: float,
    today: date,
) -> Status:
    """On track, behind or ahead of the schedule, and when the plan's open work would end."""
    logged_all = [c for c in checkins if c.day <= today]
    logged = sum(c.hours for c in logged_all if c.day >= since)
    expected = hours_per_week * max(0, (today - since).days) / 7
    pace = recent_pace(logged_all, since, today)
    forecast = None
    if pace and remaining > 0:
        forecast = today + timedelta(days=math.ceil(remaining / pace * 7))
    elif remaining <= 0:
        forecast = today
    weeks_behind = (expected - logged) / hours_per_week
    if today < since:
        kind, weeks = NOT_STARTED, 0
    elif abs(weeks_behind) < 1:
        kind, weeks = ON_TRACK, 0
    else:
        kind, weeks = (BEHIND if weeks_behind > 0 else AHEAD), math.floor(abs(weeks_behind))
    return Status(
        kind=kind,
        weeks=weeks,
        since=since,
        hours_per_week=hours_per_week,
        logged=logged,
        expected=expected,
        pace=pace,
        remaining=remaining,
        forecast=forecast,
        at_planned_pace=today + timedelta(days=math.ceil(remaining / hours_per_week * 7)),
        today=today,
    )


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _hours(value: float) -> str:
    return f"{value:.1f} h".replace(".0 h", " h")


def _day(day: date) -> str:
    return f"{day.day} {dates.short_month_year(day)}"  # strftime's %-d is not portable


def _month(day: date) -> str:
    return dates.short_month_year(day)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
