"""Progress use cases: a profile's progress report and its JSON document, from the profile's data
alone, so the window, ``careerplanner progress`` and a cohort reading export files all compute
it the same way (``progress_document``). The rules are ``core.progress``'s.

A profile's data comes from the database (``Planner.progress_data``) or from an export file's
profile object (``from_export``): the same ``ProfileData`` either way.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from careerplanner.core import progress as rules
from careerplanner.core.plan import Plan, build_plan
from careerplanner.core.plan_model import parse_skill_item
from careerplanner.core.progress import ProgressReport
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.snapshot import last_replan, plan_request
from careerplanner.storage.records import Checkin, local_day, parse_month


@dataclass(frozen=True, slots=True)
class CheckinEntry:
    day: date
    hours: float
    note: str = ""
    skills: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileData:
    """What the progress rules need of one profile, wherever it was read from."""

    name: str
    background: str
    target: str
    hours_per_week: float
    start_month: date
    made: date  # the user's calendar day when the profile was created
    #: Every skill's level at the end of each day that had ratings, from every rating in the
    #: order made (``core.progress.levels_over_time``).
    levels_over_time: Sequence[tuple[date, Mapping[str, int]]]
    #: Every plan-item mark in the order made: (day, item id, "done" / "skipped" / None).
    marks: tuple[tuple[date, str, str | None], ...]
    #: The inputs stored with the profile's latest plan snapshot (what a re-plan set aside).
    last_plan_inputs: Mapping[str, Any] | None
    #: Every check-in: from an export file, or the database's own records as read (ten years of
    #: them need no copying).
    checkins: tuple[CheckinEntry | Checkin, ...]

    # Each of these is worked out once per ProfileData: a report reads them several times.

    @property
    def levels(self) -> dict[str, int]:
        """Every rated skill's current level (its latest rating)."""
        series = self.levels_over_time
        return dict(series[-1][1]) if series else {}

    @functools.cached_property
    def statuses(self) -> dict[str, str]:
        """item id -> its latest mark, "done" or "skipped" (a cleared item is absent)."""
        latest: dict[str, str | None] = {}
        for _day, item, status in self.marks:
            latest[item] = status
        return {item: status for item, status in latest.items() if status}

    @functools.cached_property
    def set_aside(self) -> frozenset[str]:
        items, _day = last_replan(self.last_plan_inputs)
        return consistent_set_aside(items, self.levels)

    @functools.cached_property
    def start(self) -> date:
        _items, replanned_on = last_replan(self.last_plan_inputs)
        return rules.schedule_start(self.start_month, self.made, replanned_on)


def consistent_set_aside(items: Iterable[str], levels: Mapping[str, int]) -> frozenset[str]:
    """What a re-plan may leave out as finished: every item but a skill step above the skill's
    current rating, which stays in the plan until the rating reaches it, so the Plan and the Gap
    page never disagree about a skill (one skill state)."""
    kept = set()
    for item in items:
        step = parse_skill_item(item)
        if step is None or levels.get(step[0], 0) >= step[1]:
            kept.add(item)
    return frozenset(kept)


def from_export(profile: Mapping[str, Any], where: str = "profile") -> ProfileData:
    """A profile object of an export file (``careerplanner export``), as ``ProfileData``.
    A file that is not such an export raises ``UsageError`` naming what is missing."""
    try:
        plans = profile["plans"]
        return ProfileData(
            name=profile["name"],
            background=profile["background"],
            target=profile["target"],
            hours_per_week=float(profile["hours_per_week"]),
            start_month=parse_month(profile["start_month"]),
            made=local_day(datetime.fromisoformat(profile["created"])),
            levels_over_time=rules.levels_over_time(
                (r["day"], r["skill"], int(r["level"])) for r in profile["ratings"]
            ),
            marks=tuple(
                (local_day(datetime.fromisoformat(m["at"])), m["item"], m["status"])
                for m in profile["marks"]
            ),
            last_plan_inputs=plans[-1]["inputs"] if plans else None,
            checkins=tuple(
                CheckinEntry(
                    day=date.fromisoformat(c["day"]),
                    hours=float(c["hours"]),
                    note=c.get("note", ""),
                    skills=tuple(c.get("skills", ())),
                    items=tuple(c.get("items", ())),
                )
                for c in profile["checkins"]
            ),
        )
    except KeyError as missing:
        raise UsageError(f"{where}: missing {missing}; is this a Career Planner export?") from None
    except (TypeError, ValueError, IndexError) as error:
        raise UsageError(f"{where}: not a Career Planner export profile ({error})") from None


def plan_for(kb: KnowledgeBase, data: ProfileData, today: date) -> Plan:
    """The profile's live plan, exactly as the Plan page shows it on ``today``."""
    request = plan_request(
        levels=data.levels,
        background=data.background,
        target=data.target,
        hours_per_week=data.hours_per_week,
        start=data.start_month,
        set_aside=data.set_aside,
        today=today,
    )
    try:
        return build_plan(kb, request)
    except ValueError as error:
        raise UsageError(
            f"The plan of '{data.name}' cannot be made: {error}; set its hours a week and start "
            "month (File ▸ Profile Settings)"
        ) from None


def progress_report(
    kb: KnowledgeBase, data: ProfileData, today: date, plan: Plan | None = None
) -> ProgressReport:
    """Everything ``core.progress`` says about the profile on ``today``. ``plan`` may be given
    when the caller has the live plan already (it must be ``plan_for``'s)."""
    return rules.progress_report(
        kb,
        target=data.target,
        plan=plan or plan_for(kb, data, today),
        start=data.start,
        checkins=data.checkins,
        levels_over_time=data.levels_over_time,
        statuses=data.statuses,
        today=today,
        set_aside=data.set_aside,
        marks_over_time=data.marks,
    )


def progress_document(kb: KnowledgeBase, data: ProfileData, today: date) -> dict[str, Any]:
    """The JSON document of ``careerplanner progress`` (its contract is in the README)."""
    return report_document(data, progress_report(kb, data, today))


def report_document(data: ProfileData, report: ProgressReport) -> dict[str, Any]:
    week = report.this_week
    return {
        "profile": data.name,
        "target": data.target,
        "plan_start": report.start.isoformat(),
        "plan_end": report.end.isoformat(),
        "hours_per_week": report.hours_per_week,
        "hours_logged": _hours(report.logged),
        "hours_logged_before_start": _hours(report.logged_before_start),
        "hours_planned_to_date": _hours(report.planned_to_date),
        "status": report.status,
        "weeks_behind": report.weeks,
        "forecast_finish": report.forecast.isoformat() if report.forecast else None,
        "forecast_note": report.forecast_note,
        "this_week": {
            "week_start": week.start.isoformat(),
            "hours_planned": _hours(week.planned),
            "hours_logged": _hours(week.logged),
            "items": [{"id": i.id, "kind": str(i.kind), "text": i.text} for i in week.items],
        },
        "weekly": [
            {
                "week_start": w.start.isoformat(),
                "planned": _hours(w.planned),
                "logged": _hours(w.logged),
            }
            for w in report.weekly
        ],
        "items": {
            "done": report.items.done,
            "skipped": report.items.skipped,
            "open_in_started_months": report.items.open_in_started_months,
            "total": report.items.total,
        },
        "readiness": round(report.readiness, 4),
        "readiness_over_time": [
            {"day": p.day.isoformat(), "readiness": round(p.readiness, 4)}
            for p in report.readiness_over_time
        ],
    }


def weekly_csv(report: ProgressReport) -> str:
    """``week_start,planned,logged``: one row per week (RFC 4180, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["week_start", "planned", "logged"])
    for week in report.weekly:
        writer.writerow([week.start.isoformat(), f"{week.planned:g}", f"{_hours(week.logged):g}"])
    return out.getvalue()


def _hours(value: float) -> float:
    return round(value + 0.0, 2)
