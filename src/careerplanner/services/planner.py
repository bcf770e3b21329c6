"""The Planner facade: a profile's gap analysis and plan, computed from what is stored.

The window asks it on every change, so it does no caching of its own beyond what the core needs:
the whole computation takes a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerplanner.core.gap import RoleGap, analyse_all
from careerplanner.core.plan import Plan, PlanRequest, build_plan, plan_to_dict
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.profiles import Profile, Workspace


@dataclass(frozen=True)
class Snapshot:
    """Everything the gap and plan pages show for one profile at one moment."""

    profile: Profile
    levels: dict[str, int]
    gaps: tuple[RoleGap, ...]
    plan: Plan
    statuses: dict[str, str]

    def gap_for(self, role_id: str) -> RoleGap | None:
        return next((g for g in self.gaps if g.role == role_id), None)

    @property
    def done_items(self) -> frozenset[str]:
        return frozenset(i for i, s in self.statuses.items() if s == "done")


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def plan_request(
    profile: Profile,
    levels: dict[str, int],
    statuses: dict[str, str],
    hours_per_week: float | None = None,
) -> PlanRequest:
    return PlanRequest(
        levels=levels,
        background=profile.background,
        target=profile.target,
        hours_per_week=hours_per_week if hours_per_week is not None else profile.hours_per_week,
        start=first_of_month(profile.start_month),
        done_items=frozenset(i for i, s in statuses.items() if s == "done"),
    )


def snapshot(
    workspace: Workspace, kb: KnowledgeBase, profile: Profile, hours_per_week: float | None = None
) -> Snapshot:
    """Gap for every role and the plan to the profile's target, from the stored data."""
    levels = workspace.levels(profile.id)
    statuses = workspace.item_statuses(profile.id)
    gaps = analyse_all(kb, levels)
    plan = build_plan(kb, plan_request(profile, levels, statuses, hours_per_week))
    return Snapshot(profile=profile, levels=levels, gaps=gaps, plan=plan, statuses=statuses)


def plan_inputs(snap: Snapshot) -> dict:
    """The inputs a plan was made from, as stored beside its snapshot."""
    plan = snap.plan
    return {
        "background": snap.profile.background,
        "target": snap.profile.target,
        "hours_per_week": plan.hours_per_week,
        "start": snap.profile.start_month.isoformat(),
        "levels": dict(sorted(snap.levels.items())),
    }


def record_plan(workspace: Workspace, snap: Snapshot | None) -> int | None:
    """Store the plan as a snapshot unless the latest stored one is the same; return its id."""
    if snap is None:
        return None
    inputs = plan_inputs(snap)
    plan = plan_to_dict(snap.plan)
    latest = workspace.latest_plan(snap.profile.id)
    if latest is not None and latest[1] == inputs and latest[2] == plan:
        return latest[0]
    return workspace.save_plan(snap.profile.id, inputs, plan)
