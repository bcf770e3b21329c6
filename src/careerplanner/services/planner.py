"""The Planner: the one door to the user's data for the window and the command line alike.

It owns the knowledge base and the open database. Every change goes through it: undoable edits
through ``do()`` (kept in its history for ``undo()`` and ``redo()``), and the few changes that
are not undoable (a new profile, a profile switch, an import), each returning a ``ChangeSet``
that says what changed. The reads the pages and commands need (a profile's gap analysis and
plan, its notes, its progress) live here too. Nothing here knows of Qt.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from careerplanner.core import limits
from careerplanner.core import progress as progress_rules
from careerplanner.core.dates import first_of_month
from careerplanner.core.fit import FitResult, score_fit
from careerplanner.core.gap import analyse_all
from careerplanner.core.matcher import SkillMatcher
from careerplanner.core.plan import Plan, PlanRequest, build_plan, plan_to_dict
from careerplanner.core.plan_model import ItemKind, parse_skill_item
from careerplanner.core.posting import (
    PostingAnalysis,
    PostingTarget,
    analyse_posting,
    posting_target,
)
from careerplanner.core.progress import ProgressReport
from careerplanner.errors import UsageError
from careerplanner.knowledge.fit import FitQuiz, load_fit
from careerplanner.knowledge.model import KnowledgeBase, Role, Skill
from careerplanner.services import fit, posting_edits, postings, transfer
from careerplanner.services import progress as progress_service
from careerplanner.services.changes import EVERYTHING, ChangeSet
from careerplanner.services.edits import (
    DeleteProfile,
    Edit,
    EditTogether,
    MarkItem,
    RateSkill,
    Replan,
)
from careerplanner.services.history import History
from careerplanner.services.posting_files import check_pasted_text, default_title
from careerplanner.services.role_plans import every_role_plan
from careerplanner.services.snapshot import (
    Snapshot,
    last_replan,
    plan_inputs,
    profile_request,
    stored_snapshot,
)
from careerplanner.storage import Database, write_transaction
from careerplanner.storage.backups import closing_backup
from careerplanner.storage.records import Checkin, Profile, Rating, local_day
from careerplanner.storage.stores import (
    ACTIVE_PROFILE,
    CheckinStore,
    FitAnswerStore,
    NoteStore,
    PlanItemStore,
    PlanStore,
    ProfileStore,
    RatingStore,
    SettingsStore,
    active_profile,
)

__all__ = ["Checkin", "Planner", "Profile", "Rating"]

#: How many plans the what-if control may revisit without re-planning (one hours step is then
#: planned once, even though it is shown, saved and shown again), beside every role's plan.
_PLANS_KEPT = 32


class Planner:
    """The window keeps one for its lifetime; each command-line run makes one."""

    def __init__(
        self,
        db: Database,
        kb: KnowledgeBase,
        path: Path | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.kb = kb
        self.path = path  # None for an in-memory database (tests)
        #: The day plans and progress are worked out for; tests set it.
        self.today = today
        self.history = History()
        self._db = db
        self._active: Profile | None = None
        self._snapshot: Snapshot | None = None
        self._plans: dict[tuple, Plan] = {}
        self._matcher: SkillMatcher | None = None
        self._targets: dict[tuple, PostingTarget] = {}
        self._fit_quiz: FitQuiz | None = None

    def close(self) -> None:
        self._db.close()

    def backup_on_close(self) -> Path | None:
        """A backup of the session just ending, beside the database (none for one in memory)."""
        if self.path is None:
            return None
        return closing_backup(self._db.conn, self.path)

    # -- undoable edits ----------------------------------------------------------------------

    def do(self, edit: Edit, text: str | None = None) -> ChangeSet:
        """Apply ``edit`` (committed at once) and make it undoable. ``text`` names it in the
        Edit menu; the default is the edit's own. A failure raises and changes nothing.

        One skill state: a rating that raises a skill also ticks the plan's steps of that skill
        up to the new level, in the same edit (so one undo takes both back), from the window
        and the command line alike."""
        if isinstance(edit, RateSkill):
            edit = self._with_ticked_steps(edit)
        try:
            return self.history.do(self._db, edit, text)
        finally:
            self._forget()

    def undo(self) -> ChangeSet:
        try:
            return self.history.undo(self._db)
        finally:
            self._forget()

    def redo(self) -> ChangeSet:
        try:
            return self.history.redo(self._db)
        finally:
            self._forget()

    def mark_item(
        self, item_id: str, status: str | None, text: str | None = None, rate: bool = False
    ) -> ChangeSet:
        """Tick (``"done"``), skip or clear an item of the active profile's plan (undoable).
        The first mark of a profile also stores its plan snapshot, in the same transaction.
        With ``rate``, ticking a skill step also records the rating it implies (when the
        skill is rated lower), in the same edit."""
        snap = self._require_snapshot()
        mark = self._mark(snap.profile, snap.levels, snap.plan, item_id, status)
        step = parse_skill_item(item_id)
        if not (rate and status == "done" and step and snap.levels.get(step[0], 0) < step[1]):
            return self.do(mark, text)
        skill = self.kb.skill(step[0])
        rating = RateSkill(snap.profile.id, skill.id, step[1], skill_name=skill.name)
        together = EditTogether(text or f"Mark done and rate {skill.name} {step[1]}", mark, rating)
        try:  # not through do(): the rating's own ticks are this mark
            return self.history.do(self._db, together, together.text)
        finally:
            self._forget()

    def implied_rating(self, item_id: str) -> tuple[Skill, int] | None:
        """(skill, level) a plan item's tick implies when the skill is rated lower; else None."""
        snap = self.snapshot()
        step = parse_skill_item(item_id)
        if snap is None or step is None or snap.levels.get(step[0], 0) >= step[1]:
            return None
        skill = self.kb.find_skill(step[0])
        return (skill, step[1]) if skill is not None else None

    def replan(self) -> ChangeSet:
        """Re-plan from today (undoable): start this month, leave out everything done."""
        snap = self._require_snapshot()
        today = self.today()
        start = first_of_month(today)
        done = progress_service.consistent_set_aside(snap.done_items, snap.levels)
        plan = self._plan(
            *self._aimed(snap, profile_request(snap.profile, snap.levels, done, today, start=start))
        )
        inputs = {
            **plan_inputs(snap.profile, snap.levels, plan, done, start),
            **_posting_input(snap),
            "replanned_on": today.isoformat(),
        }
        return self.do(Replan(snap.profile.id, start, inputs, plan_to_dict(plan)))

    def delete_profile(self, profile_id: int) -> ChangeSet:
        """Delete a profile with all it holds (undoable while this planner lives). When it is
        the active one, the oldest other profile becomes active."""
        profile = self.profile(profile_id)
        others = [p for p in self.profiles() if p.id != profile.id]
        show_next = others[0].id if others else None
        return self.do(DeleteProfile(profile.id, profile.name, show_next))

    # -- changes that are not undoable ---------------------------------------------------------

    def create_profile(
        self,
        name: str,
        background: str,
        target: str,
        hours_per_week: float,
        start_month: date | None = None,
        prefill: bool = True,
    ) -> ChangeSet:
        """Add a profile and make it the active one. With ``prefill``, the background role's
        typical levels become its first ratings (the user corrects them from there). The undo
        history is the previous profile's, so it is cleared."""
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
        month = limits.check_start_month(start_month or self.today())
        try:
            with write_transaction(self._db):
                profile_id = ProfileStore(self._db).add(
                    name, from_role.id, to_role.id, hours_per_week, month
                )
                if prefill:
                    ratings = RatingStore(self._db)
                    for skill_id, level in from_role.typical_levels.items():
                        ratings.add(profile_id, skill_id, level)
                SettingsStore(self._db).set(ACTIVE_PROFILE, str(profile_id))
        finally:
            self._forget()
        self.history.clear()
        return EVERYTHING

    def use_profile(self, name_or_id: str | int) -> ChangeSet:
        """Make a profile (by name, case-insensitive, or id) the active one. Undo history
        belongs to one profile; keeping it would let "undo" edit another one."""
        found = self.find_profile(name_or_id)
        try:
            SettingsStore(self._db).set(ACTIVE_PROFILE, str(found.id))
        finally:
            self._forget()
        self.history.clear()
        return EVERYTHING

    def import_file(self, path: Path) -> transfer.ImportSummary:
        """Add an export file's profiles, all or nothing (``transfer.import_file``)."""
        return self._import(lambda: transfer.import_file(self._db, self.kb, path))

    def import_bytes(self, raw: bytes, source: str) -> transfer.ImportSummary:
        """The same for an export document in memory; ``source`` names it in messages."""
        return self._import(lambda: transfer.import_bytes(self._db, self.kb, raw, source))

    def _import(self, step: Callable[[], transfer.ImportSummary]) -> transfer.ImportSummary:
        try:
            summary = step()
        finally:
            self._forget()
        self.history.clear()
        return summary

    # -- exports ----------------------------------------------------------------------------

    def export_document(self) -> dict:
        """Everything in the database as one JSON-ready dict (``transfer.export_document``)."""
        return transfer.export_document(self._db)

    def export_json(self) -> str:
        return transfer.export_json(self._db)

    def export_file(self, path: Path) -> None:
        transfer.export_file(self._db, path)

    def skills_csv(self, profile_id: int) -> str:
        return transfer.skills_csv(self._db, self.kb, profile_id)

    # -- profiles -----------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        return ProfileStore(self._db).all()

    def profile(self, profile_id: int) -> Profile:
        found = ProfileStore(self._db).get(profile_id)
        if found is None:
            raise UsageError(f"There is no profile with id {profile_id}")
        return found

    def active_profile(self) -> Profile | None:
        """The profile last used; the oldest one if that is gone; None when there are none."""
        if self._active is None:
            self._active = active_profile(self._db)
        return self._active

    def find_profile(self, name_or_id: str | int) -> Profile:
        store = ProfileStore(self._db)
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

    # -- knowledge look-ups with the CLI's clear errors ---------------------------------------

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

    # -- a profile's data ----------------------------------------------------------------------

    def levels(self, profile_id: int) -> dict[str, int]:
        """The current level of every rated skill (its latest rating); unrated skills are absent."""
        return RatingStore(self._db).latest_levels(profile_id)

    def notes(self, profile_id: int) -> dict[str, str]:
        return NoteStore(self._db).all(profile_id)

    def rating_history(self, profile_id: int, skill_id: str | None = None) -> list[Rating]:
        return RatingStore(self._db).history(profile_id, skill_id)

    def levels_over_time(self, profile_id: int) -> list[tuple[date, dict[str, int]]]:
        """For each day that had ratings, every skill's level at the end of that day
        (``core.progress.levels_over_time``: the user's calendar days as they rated)."""
        return progress_rules.levels_over_time(RatingStore(self._db).day_series(profile_id))

    def checkins(self, profile_id: int) -> list[Checkin]:
        """Every check-in, by day."""
        return CheckinStore(self._db).all(profile_id)

    def item_statuses(self, profile_id: int) -> dict[str, str]:
        """item id -> "done" or "skipped": the latest mark of each item, whichever plan it was
        made on, so a re-plan keeps what is done (item ids are stable across plans)."""
        return PlanItemStore(self._db).statuses(profile_id)

    def latest_plan(self, profile_id: int) -> tuple[int, dict, dict] | None:
        return PlanStore(self._db).latest(profile_id)

    def set_aside(self, profile_id: int) -> tuple[frozenset[str], date | None]:
        """What the profile's last re-plan left out as finished, and its day. A skill step
        above the skill's current rating is not left out (``consistent_set_aside``)."""
        latest = self.latest_plan(profile_id)
        items, day = last_replan(latest[1] if latest else None)
        return progress_service.consistent_set_aside(items, self.levels(profile_id)), day

    # -- what the pages show -----------------------------------------------------------------

    def snapshot(self, hours_per_week: float | None = None) -> Snapshot | None:
        """Gap for every role and the plan to the active profile's target (None without a
        profile). With ``hours_per_week``, the same at other hours (the what-if), from the
        levels already read; nothing is saved."""
        base = self._snapshot
        if base is None:
            base = self._snapshot = self._read_snapshot()
        if base is None or hours_per_week is None or hours_per_week == base.profile.hours_per_week:
            return base
        return dataclasses.replace(base, **self._plan_fields(base, hours_per_week))

    def progress(self, today: date | None = None) -> ProgressReport | None:
        """The active profile's progress against its plan (None without a profile or plan),
        worked out by ``services.progress`` from the profile's data, as for an export file."""
        snap = self.snapshot()
        if snap is None or snap.plan is None:
            return None
        day = today or self.today()
        plan = snap.plan if day == self.today() else None  # the live plan is today's
        data = self.progress_data(snap.profile.id)
        return progress_service.progress_report(self.kb, data, day, plan)

    def build_plan(self, request: PlanRequest) -> Plan:
        """Build (or reuse) the plan for ``request``: the command line's plans come here too."""
        return self._plan(request)

    # -- progress ---------------------------------------------------------------------------

    def progress_data(self, profile_id: int) -> progress_service.ProfileData:
        """A profile's data as the progress rules read it (``services.progress``)."""
        profile = self.profile(profile_id)
        latest = self.latest_plan(profile_id)
        return progress_service.ProfileData(
            name=profile.name,
            background=profile.background,
            target=profile.target,
            hours_per_week=profile.hours_per_week,
            start_month=profile.start_month,
            made=local_day(profile.created),
            levels_over_time=self.levels_over_time(profile_id),
            marks=tuple(
                (local_day(datetime.fromisoformat(m["marked_at"])), m["item_id"], m["status"])
                for m in PlanItemStore(self._db).rows(profile_id)
            ),
            last_plan_inputs=latest[1] if latest else None,
            checkins=tuple(self.checkins(profile_id)),
        )

    def progress_document(self, profile_id: int, today: date | None = None) -> dict:
        """``careerplanner progress --format json`` for a profile."""
        data = self.progress_data(profile_id)
        return progress_service.progress_document(self.kb, data, today or self.today())

    # -- inside ------------------------------------------------------------------------------

    def _mark(
        self,
        profile: Profile,
        levels: dict[str, int],
        plan: Plan | None,
        item_id: str,
        status: str | None,
    ) -> MarkItem:
        first_plan = None
        if self.latest_plan(profile.id) is None and plan is not None:
            inputs, stored = stored_snapshot(profile, levels, plan)
            snap = self._snapshot  # a plan toward a posting records which one
            posting = _posting_input(snap) if snap is not None and snap.plan is plan else {}
            first_plan = ({**inputs, **posting}, stored)
        return MarkItem(profile.id, item_id, status, first_plan)

    def _with_ticked_steps(self, rating: RateSkill) -> Edit:
        """The rating, with a tick for each open step of the skill it reaches in the plan."""
        snap = self.snapshot()
        if snap is not None and snap.profile.id == rating.profile_id:
            profile, levels, plan, statuses = snap.profile, snap.levels, snap.plan, snap.statuses
        else:  # another profile (the command line's --profile): its own live plan
            profile = self.profile(rating.profile_id)
            data = self.progress_data(profile.id)
            levels, statuses = data.levels, data.statuses
            try:
                plan = progress_service.plan_for(self.kb, data, self.today())
            except UsageError:
                plan = None
        if plan is None or rating.level <= levels.get(rating.skill_id, 0):
            return rating
        steps = [
            item.id
            for month in plan.months
            for item in month.items
            if item.kind == ItemKind.SKILL
            and item.skill == rating.skill_id
            and item.level is not None
            and item.level <= rating.level
            and statuses.get(item.id) != "done"
        ]
        if not steps:
            return rating
        marks = [self._mark(profile, levels, plan, steps[0], "done")]
        marks += [MarkItem(profile.id, item, "done") for item in steps[1:]]
        return EditTogether(rating.text, rating, *marks)

    def _read_snapshot(self) -> Snapshot | None:
        profile = self.active_profile()
        if profile is None:
            return None
        levels = self.levels(profile.id)
        set_aside, replanned_on = self.set_aside(profile.id)
        base = Snapshot(
            profile=profile,
            levels=levels,
            notes=self.notes(profile.id),
            gaps=analyse_all(self.kb, levels),
            plan=None,
            statuses=self.item_statuses(profile.id),
            set_aside=set_aside,
            replanned_on=replanned_on,
            posting=self._posting_target(profile),
        )
        return dataclasses.replace(base, **self._plan_fields(base, None))

    def _plan_fields(self, base: Snapshot, hours_per_week: float | None) -> dict:
        request = profile_request(
            base.profile, base.levels, base.set_aside, self.today(), hours_per_week
        )
        try:
            return {"plan": self._plan(*self._aimed(base, request)), "plan_problem": ""}
        except ValueError as error:
            # Only a database written before today's limits can hold such a value: say what to
            # change, and let every other page work.
            return {
                "plan": None,
                "plan_problem": (
                    f"Your plan cannot be made: {error}. Set your hours a week "
                    f"({limits.HOURS_PER_WEEK.describe()}) and start month on the Plan page."
                ),
            }

    def _plan(self, request: PlanRequest, kb: KnowledgeBase | None = None) -> Plan:
        """The plan for ``request`` on ``kb`` (the knowledge base, or a copy with a posting's
        role), built once and reused while the same request comes back."""
        kb = kb or self.kb
        posting = None if kb is self.kb else _posting_key(kb.role(request.target))
        key = (
            tuple(sorted(request.levels.items())),
            request.background,
            request.target,
            request.hours_per_week,
            request.start,
            request.done_items,
            request.today,
            posting,
        )
        plan = self._plans.get(key)
        if plan is None:
            plan = build_plan(kb, request)
            if len(self._plans) >= _PLANS_KEPT:
                self._plans.pop(next(iter(self._plans)))
            self._plans[key] = plan
        return plan

    def _require_snapshot(self) -> Snapshot:
        snap = self.snapshot()
        if snap is None:
            raise UsageError("There is no profile yet; create one first")
        return snap

    def _forget(self) -> None:
        """Something may have changed: read the active profile and its data again when asked."""
        self._active = None
        self._snapshot = None

    # -- which role: every role's months, and the fit quiz -----------------------------------

    def role_plans(self, hours_per_week: float | None = None) -> dict[str, Plan | None]:
        """For every target role, the plan the Plan page would build if it were the target:
        the active profile's levels, background, start month and hours (or ``hours_per_week``).
        Empty without a profile. Plans come from the same cache as the Plan page's."""
        snap = self.snapshot()
        if snap is None:
            return {}
        profile = snap.profile
        return every_role_plan(
            self.kb,
            self._plan,
            levels=snap.levels,
            background=profile.background,
            hours_per_week=hours_per_week or profile.hours_per_week,
            start=profile.start_month,
            set_aside=snap.set_aside,
            today=self.today(),
        )

    @property
    def fit_quiz(self) -> FitQuiz:
        """The quiz's questions (``resources/knowledge/fit.toml``), read when first asked for."""
        if self._fit_quiz is None:
            self._fit_quiz = load_fit(self.kb)
        return self._fit_quiz

    def fit_answers(self, profile_id: int) -> dict[str, str]:
        """question id -> option id of the profile's current answers."""
        return FitAnswerStore(self._db).current(profile_id)

    def fit_result(self, profile_id: int | None = None) -> FitResult | None:
        """The ranking the profile's answers give (the active profile's by default)."""
        profile = self.active_profile() if profile_id is None else self.profile(profile_id)
        if profile is None:
            return None
        return score_fit(self.kb, self.fit_quiz, self.fit_answers(profile.id))

    def answer_fit(
        self,
        answers: dict[str, str | None],
        *,
        profile_id: int | None = None,
        replace: bool = False,
        text: str = "",
    ) -> ChangeSet:
        """Save answers with a profile (undoable; the old answers stay in the history). None
        clears a question; with ``replace``, questions left out are cleared too."""
        if profile_id is None:
            profile = self._require_snapshot().profile
        else:
            profile = self.profile(profile_id)
        wanted = fit.check_answers(self.fit_quiz, answers, "fit answers", clearing=True)
        edit = fit.answers_edit(
            profile.id, self.fit_answers(profile.id), wanted, replace=replace, text=text
        )
        return ChangeSet() if edit is None else self.do(edit)

    # -- for an instructor ------------------------------------------------------------------

    def export_for_instructor(self, profile_id: int, include_notes: bool = False) -> str:
        """One profile as an export file to hand in (``transfer.instructor_document``), its
        notes left out unless ``include_notes``."""
        return transfer.instructor_json(self._db, profile_id, include_notes)

    # -- job postings (services/postings.py) --------------------------------------------------

    def analyse_posting(self, text: str) -> PostingAnalysis:
        """The skills a posting asks for, its lean and closest role (``core.posting``)."""
        if self._matcher is None:
            self._matcher = SkillMatcher(self.kb)
        return analyse_posting(self.kb, text, self._matcher)

    def posting_report(
        self, text: str, title: str | None = None, hours_per_week: float | None = None
    ) -> postings.PostingReport:
        """The active profile's gap to a posting and the plan toward it, at the profile's
        hours (or ``hours_per_week``): the plan the Plan page shows once it is the target."""
        return postings.analysis_report(
            self.kb,
            self.analyse_posting(text),
            title or default_title(text),
            self._posting_inputs(hours_per_week),
            self._plan,
        )

    def saved_postings(self) -> list[postings.SavedPosting]:
        """The active profile's saved postings, oldest first (none without a profile)."""
        profile = self.active_profile()
        return postings.saved_postings(self._db, self.kb, profile.id) if profile else []

    def saved_posting_report(self, posting: postings.SavedPosting) -> postings.PostingReport:
        """A saved posting's gap and plan, from what it asked for when saved."""
        return postings.report_for(
            self.kb,
            posting.title,
            posting.requirements,
            posting.closest_role,
            self._posting_inputs(None),
            posting_id=posting.id,
            plan_with=self._plan,
        )

    def target_posting(self) -> postings.SavedPosting | None:
        """The saved posting the active profile's plan aims at, if it plans for one."""
        profile = self.active_profile()
        return postings.target_posting(self._db, self.kb, profile) if profile else None

    def save_posting(self, text: str, title: str | None = None) -> ChangeSet:
        """Save a posting with the active profile (undoable)."""
        return self.do(self._save_posting_edit(text, title))

    def remove_posting(self, posting_id: int) -> ChangeSet:
        """Remove a saved posting of the active profile (undoable)."""
        posting = postings.saved_posting(self._db, self.kb, posting_id)
        profile = self._require_snapshot().profile
        return self.do(posting_edits.RemovePosting(profile.id, posting.id, posting.title))

    def plan_for_posting(
        self, posting_id: int | None = None, text: str | None = None, title: str | None = None
    ) -> ChangeSet:
        """Plan for a saved posting, or for the posting ``text`` (saved first, in the same
        undoable edit), instead of the target role, until another role is chosen."""
        profile = self._require_snapshot().profile
        if posting_id is not None:
            posting = postings.saved_posting(self._db, self.kb, posting_id)
            edit = posting_edits.PlanForPosting(
                profile.id, profile.target, posting.id, title=posting.title
            )
        elif text is not None:
            save = self._save_posting_edit(text, title)
            edit = posting_edits.PlanForPosting(profile.id, profile.target, save=save)
        else:
            raise ValueError("plan for a saved posting (posting_id) or a new one (text)")
        return self.do(edit)

    def plan_for_role(self) -> ChangeSet:
        """Plan for the target role again, not for a posting (undoable)."""
        profile = self._require_snapshot().profile
        return self.do(posting_edits.PlanForPosting(profile.id, profile.target))

    def posting_target_of(self, profile: Profile) -> PostingTarget | None:
        """The posting a profile's plan aims at, as a target the planner builds toward."""
        return self._posting_target(profile)

    def _save_posting_edit(self, text: str, title: str | None) -> posting_edits.SavePosting:
        profile = self._require_snapshot().profile
        checked = check_pasted_text(text).text
        analysis = self.analyse_posting(checked)
        closest = analysis.closest_role.id if analysis.closest_role else None
        return posting_edits.SavePosting(
            profile.id, title or default_title(checked), checked, closest, analysis.requirements
        )

    def _posting_inputs(self, hours_per_week: float | None) -> postings.PlanInputs:
        """The active profile as the gap and plan toward a posting see it: exactly what its
        own plan uses, so a posting made the target shows the same months."""
        snap = self._require_snapshot()
        profile = snap.profile
        return postings.PlanInputs(
            levels=snap.levels,
            background=profile.background,
            hours_per_week=profile.hours_per_week if hours_per_week is None else hours_per_week,
            start=profile.start_month,
            today=self.today(),
            set_aside=snap.set_aside,
        )

    def _posting_target(self, profile: Profile) -> PostingTarget | None:
        """The posting the profile's plan aims at, as a target (kept while it is unchanged,
        so its plans are reused)."""
        posting = postings.target_posting(self._db, self.kb, profile)
        if posting is None:
            return None
        key = (posting.id, posting.title, posting.requirements, posting.closest_role)
        target = self._targets.get(key)
        if target is None:
            closest = self.kb.role(posting.closest_role) if posting.closest_role else None
            target = posting_target(
                self.kb, posting.title, posting.requirements, closest, posting.id
            )
            if len(self._targets) >= _PLANS_KEPT:
                self._targets.pop(next(iter(self._targets)))
            self._targets[key] = target
        return target

    def _aimed(self, snap: Snapshot, request: PlanRequest) -> tuple[PlanRequest, KnowledgeBase]:
        """The request and knowledge base for the profile's own plan: toward its target role,
        or toward the posting it plans for."""
        if snap.posting is None:
            return request, self.kb
        return dataclasses.replace(request, target=snap.posting.role.id), snap.posting.kb


def _posting_key(role: Role) -> tuple:
    """What a posting's plan depends on besides the request: its role's title, requirements
    and borrowed closing month."""
    return (role.name, role.requirements, role.first_90_days, role.interview_loop)


def _posting_input(snap: Snapshot) -> dict:
    """A plan snapshot toward a posting records which one, beside the usual inputs."""
    return {"posting": snap.posting.posting_id} if snap.posting is not None else {}


def _suggest(names: list[str]) -> str:
    return f"; did you mean {', '.join(names)}?" if names else ""


def _did_you_mean(text: str, names: list[str]) -> str:
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    if close:
        return _suggest(close)
    return f"; the profiles are: {', '.join(names)}" if names else "; there are no profiles yet"
