"""What the stores hand out: frozen dataclasses for the rows a user thinks about, with typed ids,
and the one format every timestamp is stored in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import NewType

ProfileId = NewType("ProfileId", int)
PlanId = NewType("PlanId", int)


@dataclass(frozen=True)
class Profile:
    id: ProfileId
    name: str
    background: str  # role id
    target: str  # role id
    hours_per_week: float
    start_month: date  # always the first of a month
    created: datetime


@dataclass(frozen=True)
class Rating:
    id: int
    profile_id: ProfileId
    skill_id: str
    level: int
    note: str | None
    rated_at: datetime
    day: date  # the user's calendar day when they rated


@dataclass(frozen=True, slots=True)  # slots: ten years of them are read at once
class Checkin:
    id: int
    profile_id: ProfileId
    day: date
    hours: float
    note: str
    skills: tuple[str, ...]
    created: datetime
    items: tuple[str, ...] = ()  # the plan items it worked on


def timestamp(moment: datetime | None = None) -> str:
    """The stored form of a moment: ISO 8601 in UTC, to the second. Naive means UTC."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def local_day(moment: datetime) -> date:
    """The calendar date on this machine's clock at ``moment`` (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def month_text(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def parse_month(text: str) -> date:
    year, month = text.split("-")
    return date(int(year), int(month), 1)
