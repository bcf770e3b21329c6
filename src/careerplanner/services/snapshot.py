"""What the window shows for one profile at one moment (a ``Snapshot``), and the one function
that turns a profile, or the command line's options, into a plan request.

The plan shown is always computed afresh from the profile's current levels, target and hours
(a few milliseconds), so it follows every edit. What it leaves out as already finished is fixed
when the user re-plans: the latest plan snapshot records those items, and items ticked since
stay in the plan, ticked, so a user sees what they have done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from careerplanner.core.dates import first_of_month
from careerplanner.core.gap import RoleGap
from careerplanner.core.plan import Plan, PlanRequest, plan_to_dict
from careerplanner.core.posting import PostingTarget
from careerplanner.core.progress import schedule_start
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.storage.records import Profile


@dataclass(frozen=True)
class Snapshot:
    """Everything the pages show for one profile at one moment."""

    profile: Profile
    levels: dict[str, int]
    notes: dict[str, str]
    gaps: tuple[RoleGap, ...]
    #: The plan to the profile's target; None when it cannot be made (``plan_problem`` says
    #: why and how to fix it), so the rest of the window still works.
    plan: Plan | None
    statuses: dict[str, str]  # item id -> "done" / "skipped", across every plan
    set_aside: frozenset[str]  # items finished before the last re-plan: not in this plan
    replanned_on: date | None = None  # the day of the last "re-plan from today"
    plan_problem: str = ""
    #: The saved job posting the plan aims at instead of the target role, if the user chose
    #: "Plan for this posting" (``services.postings``); None for the usual plan to the role.
    posting: PostingTarget | None = None

    def plan_kb(self, kb: KnowledgeBase) -> KnowledgeBase:
        """The knowledge base the plan was built on: ``kb``, or its copy that knows the
        posting's own role when the plan aims at a posting (look the plan's roles up here)."""
        return self.posting.kb if self.posting is not None else kb

    def gap_for(self, role_id: str) -> RoleGap | None:
        return next((g for g in self.gaps if g.role == role_id), None)

    @property
    def counting_from(self) -> date:
        """The day progress is measured from: the plan's first day, except that a plan made
        (or re-planned) during its first month counts from that day, so nobody starts behind.
        A start month the user set in the past counts from that month."""
        made = self.profile.created.astimezone().date()
        return schedule_start(self.profile.start_month, made, self.replanned_on)

    @property
    def done_items(self) -> frozenset[str]:
        return frozenset(i for i, s in self.statuses.items() if s == "done")


def plan_request(
    *,
    levels: Mapping[str, int],
    background: str,
    target: str,
    hours_per_week: float | None,
    start: date,
    set_aside: frozenset[str] = frozenset(),
    today: date | None,
) -> PlanRequest:
    """The request behind every plan the app shows or writes, from the window or the CLI.

    ``today`` is the day the plan is made: a plan starting this month then holds only the days
    left in it. None counts every month whole (a start month the user chose on the command line).
    """
    return PlanRequest(
        levels=dict(levels),
        background=background,
        target=target,
        hours_per_week=hours_per_week,
        start=first_of_month(start),
        done_items=set_aside,
        today=today,
    )


def profile_request(
    profile: Profile,
    levels: Mapping[str, int],
    set_aside: frozenset[str],
    today: date,
    hours_per_week: float | None = None,
    start: date | None = None,
) -> PlanRequest:
    """A saved profile's plan request: its levels, background, target, hours and start month."""
    return plan_request(
        levels=levels,
        background=profile.background,
        target=profile.target,
        hours_per_week=profile.hours_per_week if hours_per_week is None else hours_per_week,
        start=start or profile.start_month,
        set_aside=set_aside,
        today=today,
    )


def last_replan(inputs: Mapping[str, Any] | None) -> tuple[frozenset[str], date | None]:
    """What a re-plan left out as finished and its day, from its snapshot's inputs."""
    if inputs is None:
        return frozenset(), None
    day = inputs.get("replanned_on")
    return frozenset(inputs.get("done_items", ())), date.fromisoformat(day) if day else None


def plan_inputs(
    profile: Profile, levels: Mapping[str, int], plan: Plan, done: frozenset[str], start: date
) -> dict[str, Any]:
    """The inputs a plan was made from, stored beside its snapshot."""
    return {
        "background": profile.background,
        "target": profile.target,
        "hours_per_week": plan.hours_per_week,
        "start": first_of_month(start).isoformat(),
        "levels": dict(sorted(levels.items())),
        "done_items": sorted(done),
    }


def stored_snapshot(profile: Profile, levels: Mapping[str, int], plan: Plan) -> tuple[dict, dict]:
    """(inputs, plan) as a first plan snapshot stores them."""
    return plan_inputs(profile, levels, plan, frozenset(), profile.start_month), plan_to_dict(plan)
