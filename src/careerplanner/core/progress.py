"""Progress against the plan, and every sentence said about it. Pure: no I/O.

One rule set, the same for the Progress page, ``careerplanner progress`` and a cohort's table
(each is tested with hand-worked histories in ``tests/core/test_progress.py``):

- **The start** is the day progress counts from: the plan's first day, except that a plan
  made (or re-planned) during its first month counts from that day, so nobody starts behind
  (``schedule_start``). The plan's **end** is the last day of its last month.
- **Planned to date**: the plan's hours a week for the time since the start, day by day
  (``hours a week x days / 7``; today's hours are not due until the day is over).
- **Logged**: every check-in up to today. Check-ins dated before the start count too (the
  work was done) and are shown as "before your plan began"; a check-in dated after today
  does not count yet.
- **Status**, in this order: *not started* before the start; *no data yet* when nothing has
  been logged at all; otherwise the difference between planned and logged hours, in weeks of
  the plan's hours a week: within one week either way is *on track*, more is *behind* or
  *ahead*, said as a person would round it (3.98 weeks is "4 weeks behind: 60 h short").
  More hours logged can only move the status towards *ahead*.
- **Pace**: the hours logged in the last 4 weeks, per week; when the first check-in is more
  recent than that, the hours since it, over at least two weeks.
- **Left to do**: the plan's hours (every month's hours a week) less the hours logged, or the
  hours of its steps not yet ticked if that is less (ticked skill steps no longer count).
- **Forecast**: the day the hours left to do are done at that pace, working from today. It
  needs check-ins in at least two different weeks; without them, or with no hours in the last
  4 weeks, there is no date and the note says what to log to get one. A forecast later than
  the plan's end is never given beside *on track* or *ahead*: the note says instead that the
  recent pace would miss the end, and how many hours a week from now would not.
- **Weeks** run Monday to Sunday, from the earlier of the first check-in's week and the
  start's week, to this week. Each week of the plan plans the plan's hours a week; the week
  the plan began in is marked *partial* when the plan began after its Monday (never scaled).
- **This week**: its planned hours (the plan's hours a week, from the week the plan began),
  the hours logged from Monday to today, and the open items of the plan's current month.
- **Items**: done (every item marked done, on any plan), skipped, open in months that have
  started (today's month included), and the total (the plan's items and those a re-plan set
  aside as done).
- **Readiness** for the target at the end of each day with ratings up to today (a report for
  a past day knows only what was rated by then), beside the plan's
  expected readiness: the levels at the start, raised by each month's skill steps at the
  month's end.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from careerplanner.core import dates
from careerplanner.core.gap import readiness_scorer
from careerplanner.core.plan_model import Plan, PlanItem, PlanMonth, skill_item_id
from careerplanner.knowledge.model import KnowledgeBase

NOT_STARTED, NO_DATA, ON_TRACK, BEHIND, AHEAD = (
    "not_started",
    "no_data",
    "on_track",
    "behind",
    "ahead",
)
#: How each status reads in a sentence.
STATUS_WORDS = {
    NOT_STARTED: "not started",
    NO_DATA: "no data yet",
    ON_TRACK: "on track",
    BEHIND: "behind",
    AHEAD: "ahead",
}
PACE_WINDOW_DAYS = 28
#: The shortest span a pace is measured over, so one busy evening is not read as a weekly pace.
MIN_PACE_DAYS = 14
#: Check-ins in this many different weeks are needed before a forecast date is given.
FORECAST_WEEKS = 2


class LoggedTime(Protocol):
    """What the rules need of a check-in (``storage.records.Checkin`` has it)."""

    @property
    def day(self) -> date: ...

    @property
    def hours(self) -> float: ...


@dataclass(frozen=True, slots=True)  # one a day (or a week) for years
class ReadinessPoint:
    day: date
    readiness: float  # 0..1


@dataclass(frozen=True, slots=True)  # one a day (or a week) for years
class WeekHours:
    start: date  # a Monday
    planned: float  # the plan's hours a week for every week of the plan, 0 before it
    logged: float
    partial: bool = False  # the plan began during this week, after its Monday


@dataclass(frozen=True)
class ThisWeek:
    start: date  # this week's Monday
    planned: float
    logged: float  # Monday to today
    items: tuple[PlanItem, ...]  # open items of the plan's current month
    month: PlanMonth | None  # the plan's month holding today, if any


@dataclass(frozen=True)
class ItemCounts:
    done: int
    skipped: int
    open_in_started_months: int
    total: int


@dataclass(frozen=True)
class ProgressReport:
    """Everything said about progress on one day; every sentence is a property of it."""

    today: date
    start: date  # the day progress counts from
    end: date  # the last day of the plan
    hours_per_week: float
    logged: float  # since the start, to today
    logged_before_start: float
    planned_to_date: float
    status: str  # NOT_STARTED, NO_DATA, ON_TRACK, BEHIND or AHEAD
    weeks: int  # whole weeks behind (negative: ahead), as said; 0 unless behind or ahead
    short: float  # hours short of the schedule (negative: ahead)
    remaining: float  # hours of plan still open
    pace: float | None  # hours a week lately; None without enough history
    pace_days: int  # the days the pace was measured over
    forecast: date | None
    forecast_note: str
    this_week: ThisWeek
    weekly: tuple[WeekHours, ...]
    items: ItemCounts
    readiness: float
    readiness_over_time: tuple[ReadinessPoint, ...]
    expected_readiness: tuple[ReadinessPoint, ...]
    items_done_over_time: tuple[tuple[date, int], ...]

    @property
    def logged_total(self) -> float:
        return self.logged + self.logged_before_start

    @property
    def headline(self) -> str:
        """The verdict in one line: "4 weeks behind: 60 h short"."""
        if self.status == NOT_STARTED:
            return f"Not started: your plan begins on {day_text(self.start)}"
        if self.status == NO_DATA:
            return "No data yet: log your first check-in"
        if self.status == ON_TRACK and self.today == self.start:
            # Nothing is due yet on the plan's first day: "3 h of 0 h planned" would puzzle.
            return f"On track: your plan began today; {hours_text(self.logged_total)} logged so far"
        if self.status == ON_TRACK:
            return (
                f"On track: {hours_text(self.logged_total)} logged of "
                f"{hours_text(self.planned_to_date)} planned"
            )
        weeks = plural(abs(self.weeks), "week")
        hours = f"{round_half_up(abs(self.short))} h"
        if self.status == BEHIND:
            return f"{weeks} behind: {hours} short"
        return f"{weeks} ahead: {hours} extra"

    @property
    def schedule_line(self) -> str:
        """How the verdict was worked out, in words."""
        if self.status == NOT_STARTED:
            line = f"Your plan asks for {hours_text(self.hours_per_week)} a week from then."
        else:
            line = (
                f"Your plan asks for {hours_text(self.hours_per_week)} a week since "
                f"{day_text(self.start)} ({span_text((self.today - self.start).days)}): "
                f"{hours_text(self.planned_to_date)} by today."
            )
        if self.logged_total or self.status != NO_DATA:
            line += f" You have logged {hours_text(self.logged_total)}"
            if self.logged_before_start:
                line += f", {hours_text(self.logged_before_start)} of them before your plan began"
            line += "."
        return line

    @property
    def forecast_line(self) -> str:
        if self.forecast is None:
            return self.forecast_note
        return f"Forecast finish: {dates.short_month_year(self.forecast)}. {self.forecast_note}"

    @property
    def this_week_line(self) -> str:
        week = self.this_week
        text = (
            f"This week (from {day_text(week.start)}): {hours_text(week.logged)} logged of "
            f"{hours_text(week.planned)} planned"
        )
        if week.month is None:
            return text + "."
        count = len(week.items)
        month = dates.format_date(week.month.start, "%B")
        if not week.month.items:
            return text + f"; {month} has nothing to tick: practise its skills."
        if not count:
            return text + f"; everything in {month} is ticked."
        return text + f"; {plural(count, 'item')} of {month} still open."

    @property
    def lines(self) -> tuple[str, ...]:
        """Every sentence, in the order the Progress page and the reports show them."""
        return (
            self.headline,
            self.schedule_line,
            self.forecast_line,
            self.this_week_line,
            self.items_line,
        )

    @property
    def items_line(self) -> str:
        items = self.items
        return (
            f"Plan items: {items.done} of {items.total} done, {items.skipped} skipped, "
            f"{items.open_in_started_months} still open in months that have started."
        )


def progress_report(
    kb: KnowledgeBase,
    *,
    target: str,
    plan: Plan,
    start: date,
    checkins: Iterable[LoggedTime],
    levels_over_time: Sequence[tuple[date, Mapping[str, int]]],
    statuses: Mapping[str, str],
    today: date,
    set_aside: frozenset[str] = frozenset(),
    marks_over_time: Sequence[tuple[date, str, str | None]] = (),
) -> ProgressReport:
    """Everything the rules say for one profile on ``today``.

    ``statuses`` maps item ids to their latest mark ("done" or "skipped"); ``marks_over_time``
    is every mark in the order made, as (day, item id, status or None for cleared).
    """
    hours_per_week = plan.hours_per_week
    logged_list = [c for c in checkins if c.day <= today]
    logged = sum(c.hours for c in logged_list if c.day >= start)
    before = sum(c.hours for c in logged_list if c.day < start)
    planned = planned_to_date(hours_per_week, start, today)
    remaining = max(0.0, min(remaining_hours(plan, statuses), plan.hours - logged - before))
    end = plan.months[-1].end if plan.months else start
    kind, weeks, short = verdict(logged_list, start, hours_per_week, today)
    pace, pace_days = recent_pace(logged_list, today)
    forecast, note = forecast_finish(
        logged_list, pace, pace_days, remaining, hours_per_week, kind, end, today
    )
    # A report for a past day (``--today``) knows only what was rated and ticked by then.
    readiness = readiness_over_time(kb, target, [p for p in levels_over_time if p[0] <= today])
    marks_over_time = [m for m in marks_over_time if m[0] <= today]
    return ProgressReport(
        today=today,
        start=start,
        end=end,
        hours_per_week=hours_per_week,
        logged=logged,
        logged_before_start=before,
        planned_to_date=planned,
        status=kind,
        weeks=weeks,
        short=short,
        remaining=remaining,
        pace=pace,
        pace_days=pace_days,
        forecast=forecast,
        forecast_note=note,
        this_week=this_week(plan, logged_list, start, statuses, today),
        weekly=weekly_hours(logged_list, start, hours_per_week, today),
        items=item_counts(plan, statuses, set_aside, today),
        readiness=_readiness_now(kb, target, readiness),
        readiness_over_time=readiness,
        expected_readiness=expected_readiness(kb, target, plan, start, levels_over_time),
        items_done_over_time=items_done_over_time(marks_over_time),
    )


# -- the rules, one function each ---------------------------------------------------------------


def schedule_start(start_month: date, made: date, replanned_on: date | None = None) -> date:
    """The day progress counts from: the first of the start month, or the day the plan was
    made (or re-planned) when that falls in the start month. A start month set in the past
    counts from that month."""
    first = start_month.replace(day=1)
    made = replanned_on or made
    return max(first, made) if made.replace(day=1) == first else first


def planned_to_date(hours_per_week: float, start: date, today: date) -> float:
    """The hours the plan asks for from the start to the end of yesterday."""
    return hours_per_week * max(0, (today - start).days) / 7


def verdict(
    checkins: Iterable[LoggedTime], start: date, hours_per_week: float, today: date
) -> tuple[str, int, float]:
    """(status, whole weeks behind, hours short), the weeks negative when ahead."""
    logged = [c for c in checkins if c.day <= today]
    if today < start:
        return NOT_STARTED, 0, 0.0
    if not logged:
        return NO_DATA, 0, 0.0
    short = planned_to_date(hours_per_week, start, today) - sum(c.hours for c in logged)
    exact = short / hours_per_week
    # Rounded hours first, so "1 week behind: 15 h short" never comes from 14.96 h.
    if abs(round(exact, 6)) <= 1:
        return ON_TRACK, 0, short
    weeks = round_half_up(abs(exact))
    return (BEHIND, weeks, short) if short > 0 else (AHEAD, -weeks, short)


def recent_pace(checkins: Iterable[LoggedTime], today: date) -> tuple[float | None, int]:
    """(hours a week, days measured over) lately; None when nothing was ever logged."""
    logged = [c for c in checkins if c.day <= today]
    if not logged:
        return None, 0
    first = min(c.day for c in logged)
    days = min(PACE_WINDOW_DAYS, max(MIN_PACE_DAYS, (today - first).days + 1))
    window_start = today - timedelta(days=days - 1)
    hours = sum(c.hours for c in logged if c.day >= window_start)
    return hours / (days / 7), days


def forecast_finish(
    checkins: Sequence[LoggedTime],
    pace: float | None,
    pace_days: int,
    remaining: float,
    hours_per_week: float,
    status: str,
    end: date,
    today: date,
) -> tuple[date | None, str]:
    """(forecast date or None, what the page says beside it)."""
    if remaining <= 0:
        return today, "Nothing is left in your plan."
    weeks_logged = {monday(c.day) for c in checkins if c.day <= today and c.hours > 0}
    if not weeks_logged:
        return None, "Log a check-in in each of two weeks to get a forecast finish date."
    if len(weeks_logged) < FORECAST_WEEKS:
        return None, (
            "Log a check-in in another week to get a forecast finish date: one needs two "
            "weeks of check-ins."
        )
    span = "your last 4 weeks" if pace_days == PACE_WINDOW_DAYS else f"the last {pace_days} days"
    if not pace:
        return None, (
            "No hours logged in the last 4 weeks, so no forecast: log a check-in to get one."
        )
    # The last day of work: what takes one day is done today.
    finish = today + timedelta(days=max(0, math.ceil(remaining / pace * 7 - 1e-9) - 1))
    at = f"at {hours_text(pace)} a week ({span})"
    if finish <= end:
        return finish, f"That is {at}; your plan ends in {dates.short_month_year(end)}."
    if status in (ON_TRACK, AHEAD):
        days_left = (end - today).days + 1
        needed = remaining / days_left * 7 if days_left > 0 else remaining
        ends = dates.short_month_year(end)
        return None, (
            f"No forecast date: {at} you would finish after your plan ends ({ends}); "
            f"{hours_text(math.ceil(needed * 10) / 10)} a week from now finishes on time."
        )
    late = months_between(end, finish)
    if late >= 24:
        after = f"about {plural(round_half_up(late / 12), 'year')} after"
    else:
        after = f"{plural(late, 'month')} after" if late else "just after"
    return finish, f"That is {at}, {after} your plan ends ({dates.short_month_year(end)})."


def remaining_hours(plan: Plan, statuses: Mapping[str, str]) -> float:
    """The hours of the plan's steps still open. A skill step's hours are done once its item is
    ticked; a month whose every item is ticked is done whole (a portfolio month has no skill
    steps)."""
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


def weekly_hours(
    checkins: Iterable[LoggedTime], start: date, hours_per_week: float, today: date
) -> tuple[WeekHours, ...]:
    """Planned and logged hours for each week up to this one (see the module's rules)."""
    by_week: dict[date, float] = {}
    for checkin in checkins:
        if checkin.day <= today:
            week = monday(checkin.day)
            by_week[week] = by_week.get(week, 0.0) + checkin.hours
    first_week = monday(start)
    starts = [*by_week, *([first_week] if start <= today else [])]
    if not starts:
        return ()
    week, last = min(starts), monday(today)
    weeks = []
    while week <= last:
        weeks.append(
            WeekHours(
                start=week,
                planned=hours_per_week if week >= first_week else 0.0,
                logged=by_week.get(week, 0.0),
                partial=week == first_week and start > week,
            )
        )
        week += timedelta(days=7)
    return tuple(weeks)


def this_week(
    plan: Plan,
    checkins: Iterable[LoggedTime],
    start: date,
    statuses: Mapping[str, str],
    today: date,
) -> ThisWeek:
    week = monday(today)
    month = next((m for m in plan.months if m.start <= today <= m.end), None)
    items = () if month is None else tuple(i for i in month.items if i.id not in statuses)
    return ThisWeek(
        start=week,
        planned=plan.hours_per_week if monday(start) <= week else 0.0,
        logged=sum(c.hours for c in checkins if week <= c.day <= today),
        items=items,
        month=month,
    )


def item_counts(
    plan: Plan, statuses: Mapping[str, str], set_aside: frozenset[str], today: date
) -> ItemCounts:
    in_plan = {item.id for month in plan.months for item in month.items}
    return ItemCounts(
        done=sum(1 for s in statuses.values() if s == "done"),
        skipped=sum(1 for item, s in statuses.items() if s == "skipped" and item in in_plan),
        open_in_started_months=sum(
            1
            for month in plan.months
            if month.start <= today
            for item in month.items
            if item.id not in statuses
        ),
        total=len(in_plan | set_aside | {i for i, s in statuses.items() if s == "done"}),
    )


def levels_over_time(
    ratings: Iterable[tuple[str, str, int]],
) -> list[tuple[date, dict[str, int]]]:
    """For each day that had ratings, every skill's level at the end of that day.

    ``ratings`` are (day as YYYY-MM-DD, skill, level) in the order they were made. One whose day
    is earlier than the one before it (a clock put back) counts on that later day, so the
    series never goes back in time.
    """
    series: list[tuple[date, dict[str, int]]] = []
    current: dict[str, int] = {}
    last_day = ""
    for day, skill_id, level in ratings:
        if day > last_day:
            if last_day:
                series.append((date.fromisoformat(last_day), dict(current)))
            last_day = day
        current[skill_id] = level
    if last_day:
        series.append((date.fromisoformat(last_day), current))
    return series


def readiness_over_time(
    kb: KnowledgeBase, target: str, levels_over_time: Sequence[tuple[date, Mapping[str, int]]]
) -> tuple[ReadinessPoint, ...]:
    score = _scorer(kb, target)
    return tuple(ReadinessPoint(day, score(levels)) for day, levels in levels_over_time)


def expected_readiness(
    kb: KnowledgeBase,
    target: str,
    plan: Plan,
    start: date,
    levels_over_time: Sequence[tuple[date, Mapping[str, int]]],
) -> tuple[ReadinessPoint, ...]:
    """The plan's readiness: the levels at the start, raised by each month's steps at its end."""
    if not plan.months:
        return ()
    at_start = [levels for day, levels in levels_over_time if day <= start]
    levels = dict(
        at_start[-1] if at_start else (levels_over_time[0][1] if levels_over_time else {})
    )
    score = _scorer(kb, target)
    points = [ReadinessPoint(max(start, plan.months[0].start), score(levels))]
    for month in plan.months:
        for step in month.skills:
            levels[step.skill] = max(levels.get(step.skill, 0), step.to_level)
        points.append(ReadinessPoint(month.end, score(levels)))
    return tuple(points)


def items_done_over_time(
    marks: Sequence[tuple[date, str, str | None]],
) -> tuple[tuple[date, int], ...]:
    """How many items were done at the end of each day that had marks."""
    statuses: dict[str, str | None] = {}
    points: list[tuple[date, int]] = []
    for day, item, status in marks:
        statuses[item] = status
        done = sum(1 for s in statuses.values() if s == "done")
        if points and points[-1][0] >= day:
            points[-1] = (points[-1][0], done)
        else:
            points.append((day, done))
    return tuple(points)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier``'s month to ``later``'s."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def round_half_up(value: float) -> int:
    """Rounded as a person would: 3.5 is 4, 2.5 is 3 (Python's round() gives 2)."""
    return math.floor(value + 0.5 + 1e-9)


# -- words ------------------------------------------------------------------------------------


def hours_text(value: float) -> str:
    """One decimal at most: "12.5 h", "60 h"."""
    return f"{round(value + 0.0, 1):.1f} h".replace(".0 h", " h")


def day_text(day: date) -> str:
    return dates.format_date(day, f"%a {day.day} %b %Y")  # strftime's %-d is not portable


def span_text(days: int) -> str:
    """ "5 weeks", "8 weeks 5 days", "3 days"."""
    weeks, rest = divmod(max(0, days), 7)
    parts = [plural(weeks, "week")] if weeks else []
    if rest or not weeks:
        parts.append(plural(rest, "day"))
    return " ".join(parts)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- inside -----------------------------------------------------------------------------------


def _scorer(kb: KnowledgeBase, target: str) -> Callable[[Mapping[str, int]], float]:
    """Readiness of a set of levels for ``target`` (``analyse_role``'s), each requirement's
    effort worked out once for the many sets of levels a history holds."""
    return readiness_scorer(kb, target)


def _readiness_now(kb: KnowledgeBase, target: str, points: Sequence[ReadinessPoint]) -> float:
    return points[-1].readiness if points else _scorer(kb, target)({})
