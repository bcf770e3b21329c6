"""The Workspace: one open database plus the knowledge base, and the use cases on profiles,
ratings, plans and check-ins that the window and the command line share."""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from careerplanner.core import limits
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import KnowledgeBase, Role, Skill
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import Edit
from careerplanner.storage import Database, write_transaction
from careerplanner.storage.records import Checkin, PlanId, Profile, ProfileId, Rating
from careerplanner.storage.stores import (
    ACTIVE_PROFILE,
    CheckinStore,
    NoteStore,
    PlanItemStore,
    PlanStore,
    ProfileStore,
    RatingStore,
    SettingsStore,
)

__all__ = [
    "Checkin",
    "PlanId",
    "Profile",
    "ProfileId",
    "Rating",
    "Workspace",
]


class Workspace:
    """The window keeps one for its lifetime; each command-line run makes one."""

    def __init__(self, db: Database, kb: KnowledgeBase) -> None:
        self.db = db
        self.kb = kb

    # -- profiles --------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        return ProfileStore(self.db).all()

    def profile(self, profile_id: int) -> Profile:
        found = ProfileStore(self.db).get(profile_id)
        if found is None:
            raise UsageError(f"There is no profile with id {profile_id}")
        return found

    def active_profile(self) -> Profile | None:
        """The profile last used; the oldest one if that is gone; None when there are none."""
        return current_profile(self.db)

    def use_profile(self, name_or_id: str | int) -> Profile:
        """Make a profile (by name, case-insensitive, or id) the active one."""
        found = self.find_profile(name_or_id)
        SettingsStore(self.db).set(ACTIVE_PROFILE, str(found.id))
        return found

    def find_profile(self, name_or_id: str | int) -> Profile:
        store = ProfileStore(self.db)
        text = str(name_or_id).strip()
        if isinstance(name_or_id, int):
            found = store.get(name_or_id)
        else:  # a name first: "2024" may well be a profile's name
            # An id is a few ASCII digits: not "²", nor 5,000 digits int() would refuse.
            is_id = text.isascii() and text.isdigit() and len(text) < 19
            found = store.by_name(text) or (store.get(int(text)) if is_id else None)
        if found is None:
            names = [profile.name for profile in store.all()]
            raise UsageError(f"There is no profile named '{text}'{_did_you_mean(text, names)}")
        return found

    def create_profile(
        self,
        name: str,
        background: str,
        target: str,
        hours_per_week: float,
        start_month: date | None = None,
        prefill: bool = True,
    ) -> Profile:
        """Add a profile and make it the active one. With ``prefill``, the background role's
        typical levels become its first ratings (the user corrects them from there)."""
        name = limits.check_name(name)
        from_role = self.role(background, among=self.kb.backgrounds)
        if not from_role.is_background:
            backgrounds = ", ".join(role.id for role in self.kb.backgrounds)
            raise UsageError(
                f"'{from_role.name}' is not a starting background; choose one of: {backgrounds}"
            )
        to_role = self.role(target, among=self.kb.target_roles)
        if not to_role.is_target:
            targets = ", ".join(role.id for role in self.kb.target_roles)
            raise UsageError(f"'{to_role.name}' is not a role to aim at; choose one of: {targets}")
        hours_per_week = limits.HOURS_PER_WEEK.check(hours_per_week)
        month = limits.check_start_month(start_month or date.today())
        with write_transaction(self.db):
            profile_id = ProfileStore(self.db).add(
                name, from_role.id, to_role.id, hours_per_week, month
            )
            if prefill:
                ratings = RatingStore(self.db)
                for skill_id, level in from_role.typical_levels.items():
                    ratings.add(profile_id, skill_id, level)
            SettingsStore(self.db).set(ACTIVE_PROFILE, str(profile_id))
        return self.profile(profile_id)

    # -- knowledge look-ups with the CLI's clear errors -------------------------------------

    def role(self, text: str, among: tuple[Role, ...] | None = None) -> Role:
        """The role named ``text``; an unknown name suggests roles of ``among`` (default all)."""
        found = self.kb.find_role(text)
        if found is None:
            close = self.kb.closest_role_names(text, among=among)
            raise UsageError(f"Unknown role '{text}'{_suggest(close)}")
        return found

    def skill(self, text: str) -> Skill:
        found = self.kb.find_skill(text)
        if found is None:
            raise UsageError(f"Unknown skill '{text}'{_suggest(self.kb.closest_skill_names(text))}")
        return found

    # -- ratings and notes -----------------------------------------------------------------

    def levels(self, profile_id: int) -> dict[str, int]:
        """The current level of every rated skill (its latest rating); unrated skills are absent."""
        return RatingStore(self.db).latest_levels(profile_id)

    def notes(self, profile_id: int) -> dict[str, str]:
        return NoteStore(self.db).all(profile_id)

    def rating_history(self, profile_id: int, skill_id: str | None = None) -> list[Rating]:
        return RatingStore(self.db).history(profile_id, skill_id)

    def levels_over_time(self, profile_id: int) -> list[tuple[date, dict[str, int]]]:
        """For each day that had ratings, every skill's level at the end of that day.

        Days are the user's calendar days as they rated. Ratings count in the order they were
        made; one whose day is earlier than the one before it (a clock put back) counts on that
        later day, so the series never goes back in time.
        """
        series: list[tuple[date, dict[str, int]]] = []
        current: dict[str, int] = {}
        last_day = ""
        for day, skill_id, level in RatingStore(self.db).day_series(profile_id):
            if day > last_day:
                if last_day:
                    series.append((date.fromisoformat(last_day), dict(current)))
                last_day = day
            current[skill_id] = level
        if last_day:
            series.append((date.fromisoformat(last_day), current))
        return series

    # -- edits -----------------------------------------------------------------------------

    def apply(self, edit: Edit) -> ChangeSet:
        return edit.apply(self.db)

    def revert(self, edit: Edit) -> ChangeSet:
        return edit.revert(self.db)

    # -- plans -----------------------------------------------------------------------------

    def save_plan(
        self, profile_id: int, request_inputs: dict[str, Any], plan_dict: dict[str, Any]
    ) -> PlanId:
        """Keep a snapshot of a (re)made plan. Dates in either dict are stored as ISO strings."""
        return PlanStore(self.db).add(profile_id, request_inputs, plan_dict)

    def latest_plan(self, profile_id: int) -> tuple[PlanId, dict[str, Any], dict[str, Any]] | None:
        return PlanStore(self.db).latest(profile_id)

    def item_statuses(self, profile_id: int) -> dict[str, str]:
        """item id -> "done" or "skipped": the latest mark of each item, whichever plan it was
        made on, so a re-plan keeps what is done (item ids are stable across plans)."""
        return PlanItemStore(self.db).statuses(profile_id)

    # -- check-ins -------------------------------------------------------------------------

    def checkins(self, profile_id: int) -> list[Checkin]:
        """Every check-in, by day."""
        return CheckinStore(self.db).all(profile_id)


def current_profile(db: Database) -> Profile | None:
    """The active profile (see ``Workspace.active_profile``), for code without a Workspace."""
    store = ProfileStore(db)
    chosen = SettingsStore(db).get(ACTIVE_PROFILE)
    found = store.get(int(chosen)) if chosen and chosen.isdigit() else None
    if found is None:
        profiles = store.all()
        found = profiles[0] if profiles else None
    return found


def _suggest(names: list[str]) -> str:
    return f"; did you mean {', '.join(names)}?" if names else ""


def _did_you_mean(text: str, names: list[str]) -> str:
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    if close:
        return _suggest(close)
    return f"; the profiles are: {', '.join(names)}" if names else "; there are no profiles yet"
