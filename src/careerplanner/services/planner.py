"""The Planner facade: a profile's gap analysis and plan, computed from what is stored.

The plan shown is always computed afresh from the profile's current levels, target and hours
(a few milliseconds), so it follows every edit. What it leaves out as already finished is fixed
when the user re-plans: the latest plan snapshot records those items, and items ticked since
stay in the plan, ticked, so a user sees what they have done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerplanner.core.gap import RoleGap, analyse_all
from careerplanner.core.plan import Plan, PlanRequest, build_plan, plan_to_dict
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.edits import Replan
from careerplanner.services.profiles import Profile, Workspace


@dataclass(frozen=True)
class Snapshot:
    """Everything the gap and plan pages show for one profile at one moment."""

    profile: Profile
    levels: dict[str, int]
    gaps: tuple[RoleGap, ...]
    plan: Plan
    statuses: dict[str, str]  # item id -> "done" / "skipped", across every plan
    set_aside: frozenset[str]  # items finished before the last re-plan: not in this plan
    replanned_on: date | None = None  # the day of the last "re-plan from today"

    def gap_for(self, role_id: str) -> RoleGap | None:
        return next((g for g in self.gaps if g.role == role_id), None)

    @property
    def counting_from(self) -> date:
        """The day progress is measured from: the plan's first day, except that a plan made
        (or re-planned) during its first month counts from that day, so nobody starts behind.
        A start month the user set in the past counts from that month."""
        start = first_of_month(self.profile.start_month)
        made = self.replanned_on or self.profile.created.astimezone().date()
        return max(start, made) if first_of_month(made) == start else start

    @property
    def done_items(self) -> frozenset[str]:
        return frozenset(i for i, s in self.statuses.items() if s == "done")


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def plan_request(
    profile: Profile,
    levels: dict[str, int],
    set_aside: frozenset[str],
    hours_per_week: float | None = None,
    start: date | None = None,
    today: date | None = None,
) -> PlanRequest:
    return PlanRequest(
        levels=levels,
        background=profile.background,
        target=profile.target,
        hours_per_week=hours_per_week if hours_per_week is not None else profile.hours_per_week,
        start=first_of_month(start or profile.start_month),
        done_items=set_aside,
        # In the plan's first month only the days left can still be used.
        today=today or date.today(),
    )


def last_replan(workspace: Workspace, profile: Profile) -> tuple[frozenset[str], date | None]:
    """What the latest re-plan left out as finished, and its day (nothing before the first)."""
    latest = workspace.latest_plan(profile.id)
    if latest is None:
        return frozenset(), None
    inputs = latest[1]
    day = inputs.get("replanned_on")
    return frozenset(inputs.get("done_items", ())), date.fromisoformat(day) if day else None


def snapshot(
    workspace: Workspace, kb: KnowledgeBase, profile: Profile, hours_per_week: float | None = None
) -> Snapshot:
    """Gap for every role and the plan to the profile's target, from the stored data."""
    levels = workspace.levels(profile.id)
    statuses = workspace.item_statuses(profile.id)
    set_aside, replanned_on = last_replan(workspace, profile)
    gaps = analyse_all(kb, levels)
    plan = build_plan(kb, plan_request(profile, levels, set_aside, hours_per_week))
    return Snapshot(profile, levels, gaps, plan, statuses, set_aside, replanned_on)


def replan(workspace: Workspace, kb: KnowledgeBase, profile: Profile, today: date) -> Replan:
    """The undoable edit "re-plan from today": start this month, leave out everything done."""
    levels = workspace.levels(profile.id)
    statuses = workspace.item_statuses(profile.id)
    done = frozenset(i for i, s in statuses.items() if s == "done")
    start = first_of_month(today)
    plan = build_plan(kb, plan_request(profile, levels, done, start=start, today=today))
    inputs = {**_inputs(profile, levels, plan, done, start), "replanned_on": today.isoformat()}
    return Replan(profile.id, start, inputs, plan_to_dict(plan))


def plan_id_for_marks(workspace: Workspace, snap: Snapshot) -> int:
    """The stored plan that ticks are recorded against: the latest snapshot, made if none."""
    latest = workspace.latest_plan(snap.profile.id)
    if latest is not None:
        return latest[0]
    inputs = _inputs(snap.profile, snap.levels, snap.plan, snap.set_aside, snap.profile.start_month)
    return workspace.save_plan(snap.profile.id, inputs, plan_to_dict(snap.plan))


def _inputs(
    profile: Profile, levels: dict[str, int], plan: Plan, done: frozenset[str], start: date
) -> dict:
    """The inputs a plan was made from, stored beside its snapshot."""
    return {
        "background": profile.background,
        "target": profile.target,
        "hours_per_week": plan.hours_per_week,
        "start": first_of_month(start).isoformat(),
        "levels": dict(sorted(levels.items())),
        "done_items": sorted(done),
    }
