"""Undoable edits: each is one committed transaction, ``apply()`` and ``revert()`` return what
changed. They know nothing of Qt; the Planner keeps them in its history (``history.py``).

Undo of an append (a rating, a mark, a check-in) removes the row that edit added; redo puts the
very same row back, so apply -> revert -> apply leaves the data exactly as after the first apply.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from careerplanner.core import limits
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import MAX_LEVEL, MIN_LEVEL
from careerplanner.services.changes import EVERYTHING, ChangeSet
from careerplanner.storage import Database, write_transaction
from careerplanner.storage.stores import (
    ACTIVE_PROFILE,
    CheckinStore,
    FitAnswerStore,
    IdStore,
    NoteStore,
    PlanItemStore,
    PlanStore,
    PostingStore,
    ProfileStore,
    RatingStore,
    Row,
    SettingsStore,
)
from careerplanner.storage.stores.checkins import EDITABLE as CHECKIN_EDITABLE

ITEM_STATUSES = ("done", "skipped")


class Edit(Protocol):
    """An undoable change to the user's data: one committed transaction each way.

    ``revert()`` after ``apply()`` leaves the data exactly as before; ``apply()`` again after
    ``revert()`` puts back the very same rows (same ids), so redo is exact too. A failure in
    either raises with the transaction rolled back.
    """

    #: What the Edit menu calls it: "Undo Rate Python 3".
    text: str

    def apply(self, db: Database) -> ChangeSet: ...

    def revert(self, db: Database) -> ChangeSet: ...


class _AppendEdit:
    """An edit that adds one row to an append-only table."""

    text = ""
    changes = ChangeSet()

    def __init__(self) -> None:
        self._row: Row | None = None

    def _store(self, db: Database) -> IdStore:
        raise NotImplementedError

    def _add(self, db: Database) -> int:
        raise NotImplementedError

    @property
    def row_id(self) -> int | None:
        """The id of the row this edit added (None before the first apply)."""
        return self._row["id"] if self._row else None

    def _append(self, db: Database) -> None:
        store = self._store(db)
        if self._row is None:
            self._row = store.row(self._add(db))
        else:
            store.insert_row(self._row)

    def apply(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            self._append(db)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        if self._row is None:
            raise RuntimeError(f"{self.text!r} was never applied")
        with write_transaction(db):
            self._store(db).delete(self._row["id"])
        return self.changes


class RateSkill(_AppendEdit):
    """Add a rating to the history; with a note, the skill's current note becomes that note."""

    def __init__(
        self,
        profile_id: int,
        skill_id: str,
        level: int,
        note: str | None = None,
        skill_name: str | None = None,
    ) -> None:
        super().__init__()
        if isinstance(level, bool) or not isinstance(level, int):
            raise TypeError(f"a level is an int, not {type(level).__name__}")
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise ValueError(f"a level is {MIN_LEVEL} to {MAX_LEVEL}, not {level}")
        if note is not None:
            limits.check_note(note, "A rating's note")
        self.profile_id, self.skill_id, self.level, self.note = profile_id, skill_id, level, note
        self.text = f"Rate {skill_name or skill_id} {level}"
        self._note_edit = SetNote(profile_id, skill_id, note) if note is not None else None
        self.changes = ChangeSet(levels=True, notes=note is not None, skills=frozenset([skill_id]))

    def _store(self, db: Database) -> RatingStore:
        return RatingStore(db)

    def _add(self, db: Database) -> int:
        return RatingStore(db).add(self.profile_id, self.skill_id, self.level, self.note)

    def apply(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            self._append(db)
            if self._note_edit:
                self._note_edit.apply(db)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            if self._note_edit:
                self._note_edit.revert(db)
            super().revert(db)
        return self.changes


class SetNote:
    """Set the note (evidence, links) shown beside a skill; an empty note removes it."""

    def __init__(self, profile_id: int, skill_id: str, note: str, skill_name: str | None = None):
        limits.check_note(note, "A skill's note")
        self.profile_id, self.skill_id, self.note = profile_id, skill_id, note
        self.text = f"Edit note on {skill_name or skill_id}"
        self._before: Row | None = None
        self._after: Row | None = None
        self.changes = ChangeSet(notes=True, skills=frozenset([skill_id]))

    def apply(self, db: Database) -> ChangeSet:
        notes = NoteStore(db)
        with write_transaction(db):
            self._before = notes.row(self.profile_id, self.skill_id)
            if self._after is None:
                notes.set(self.profile_id, self.skill_id, self.note)
                self._after = notes.row(self.profile_id, self.skill_id) or {}
            else:
                self._put(notes, self._after)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            self._put(NoteStore(db), self._before)
        return self.changes

    def _put(self, notes: NoteStore, row: Row | None) -> None:
        if row:
            notes.put_row(row)
        else:
            notes.remove(self.profile_id, self.skill_id)


class UpdateProfile:
    """Change any of a profile's name, background, target, hours per week and start month."""

    def __init__(self, profile_id: int, **fields: Any) -> None:
        unknown = set(fields) - set(ProfileStore.FIELDS)
        if unknown:
            raise TypeError(f"profiles have no field(s) {', '.join(sorted(unknown))}")
        if "name" in fields:
            fields["name"] = limits.check_name(fields["name"])
        if "hours_per_week" in fields:
            fields["hours_per_week"] = limits.HOURS_PER_WEEK.check(fields["hours_per_week"])
        if "start_month" in fields:
            fields["start_month"] = limits.check_start_month(fields["start_month"])
        self.profile_id, self.fields = profile_id, fields
        self.text = _profile_text(fields)
        self._before: Row = {}
        self.changes = ChangeSet(profile=True, profiles="name" in fields)

    def apply(self, db: Database) -> ChangeSet:
        profiles = ProfileStore(db)
        with write_transaction(db):
            self._before = profiles.stored_fields(self.profile_id, list(self.fields))
            profiles.update(self.profile_id, self.fields)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            ProfileStore(db).update(self.profile_id, self._before)
        return self.changes


class MarkItem(_AppendEdit):
    """Mark a plan item "done" or "skipped", or clear its mark (status None).

    A mark is recorded against the profile's latest plan snapshot. When the profile has none yet,
    ``first_plan`` (its inputs and the plan, as ``plan_to_dict`` gives it) is stored as that
    snapshot in the same transaction, and undo removes it again with the mark.
    """

    def __init__(
        self,
        profile_id: int,
        item_id: str,
        status: str | None,
        first_plan: tuple[Row, Row] | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__()
        if status is not None and status not in ITEM_STATUSES:
            raise ValueError(f"an item's status is 'done', 'skipped' or None, not {status!r}")
        self.profile_id, self.item_id, self.status = profile_id, item_id, status
        self.first_plan = first_plan
        default = {"done": "Mark item done", "skipped": "Skip item", None: "Clear item mark"}
        self.text = text or default[status]
        self._plan_row: Row | None = None  # the snapshot this edit stored, if it stored one
        self.changes = ChangeSet(marks=True)

    def _store(self, db: Database) -> PlanItemStore:
        return PlanItemStore(db)

    def _add(self, db: Database) -> int:
        plans = PlanStore(db)
        latest = plans.latest(self.profile_id)
        if latest is not None:
            plan_id = latest[0]
        else:
            inputs, plan = self.first_plan or ({}, {})
            plan_id = plans.add(self.profile_id, inputs, plan)
            self._plan_row = plans.row(plan_id)
        return PlanItemStore(db).add(self.profile_id, plan_id, self.item_id, self.status)

    def apply(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            if self._row is not None and self._plan_row is not None:
                PlanStore(db).insert_row(self._plan_row)  # redo: the snapshot comes back first
            self._append(db)
        return self.changes | ChangeSet(plans=self._plan_row is not None)

    def revert(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            super().revert(db)
            if self._plan_row is not None:
                PlanStore(db).delete(self._plan_row["id"])
        return self.changes | ChangeSet(plans=self._plan_row is not None)


class AddCheckin(_AppendEdit):
    """Log study time on a day, with a note and the skills practised."""

    changes = ChangeSet(checkins=True)

    def __init__(
        self,
        profile_id: int,
        day: date,
        hours: float,
        note: str = "",
        skills: tuple[str, ...] | list[str] = (),
        items: tuple[str, ...] | list[str] = (),
    ) -> None:
        super().__init__()
        _check_checkin(day, hours, note)
        self.profile_id, self.day, self.hours = profile_id, day, hours
        self.note, self.skills, self.items = note, tuple(skills), tuple(items)
        self.text = f"Check in {hours:g} h on {day.isoformat()}"

    def _store(self, db: Database) -> CheckinStore:
        return CheckinStore(db)

    def _add(self, db: Database) -> int:
        return CheckinStore(db).add(
            self.profile_id, self.day, self.hours, self.note, self.skills, items=self.items
        )


class DeleteProfile:
    """Delete a profile with everything it holds; undo puts every row back as it was.

    With ``show_next``, that profile becomes the active one when the deleted one was; undo makes
    the deleted one active again.
    """

    # Parents before children, so undo can re-insert in this order under foreign keys.
    _STORES = (
        ProfileStore,
        PlanStore,
        PlanItemStore,
        RatingStore,
        CheckinStore,
        FitAnswerStore,
        PostingStore,
    )

    def __init__(
        self, profile_id: int, profile_name: str | None = None, show_next: int | None = None
    ) -> None:
        self.profile_id, self.show_next = profile_id, show_next
        self.text = f"Delete profile {profile_name or profile_id}"
        self._rows: list[tuple[type[IdStore], Row]] = []
        self._notes: list[Row] = []
        self._was_active = False

    def apply(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            profile = ProfileStore(db).row(self.profile_id)
            if profile is None:
                raise UsageError(f"There is no profile with id {self.profile_id}")
            self._rows = [(ProfileStore, profile)]
            for store in self._STORES[1:]:
                self._rows += [(store, row) for row in store(db).rows(self.profile_id)]
            self._notes = NoteStore(db).rows(self.profile_id)
            settings = SettingsStore(db)
            self._was_active = settings.get(ACTIVE_PROFILE) == str(self.profile_id)
            ProfileStore(db).delete(self.profile_id)  # the rest goes with it (ON DELETE CASCADE)
            if self._was_active:
                settings.set(ACTIVE_PROFILE, str(self.show_next) if self.show_next else None)
        return EVERYTHING

    def revert(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            for store, row in self._rows:
                store(db).insert_row(row)
            for note in self._notes:
                NoteStore(db).put_row(note)
            if self._was_active:
                SettingsStore(db).set(ACTIVE_PROFILE, str(self.profile_id))
        return EVERYTHING


def _profile_text(fields: dict[str, Any]) -> str:
    if list(fields) == ["name"]:
        return "Rename profile"
    if list(fields) == ["target"]:
        return "Change target role"
    if list(fields) == ["hours_per_week"]:
        return f"Set {fields['hours_per_week']:g} hours per week"
    return "Edit profile"


class Replan:
    """Start the plan again from a month, leaving out the work already done: moves the profile's
    start month and stores the new plan as a snapshot (whose inputs list what was left out)."""

    text = "Re-plan from today"

    def __init__(self, profile_id: int, start_month: date, inputs: Row, plan: Row) -> None:
        self.profile_id, self.inputs, self.plan = profile_id, inputs, plan
        self._move = UpdateProfile(profile_id, start_month=start_month)
        self._row: Row | None = None

    changes = ChangeSet(profile=True, plans=True)

    def apply(self, db: Database) -> ChangeSet:
        plans = PlanStore(db)
        with write_transaction(db):
            self._move.apply(db)
            if self._row is None:
                self._row = plans.row(plans.add(self.profile_id, self.inputs, self.plan))
            else:
                plans.insert_row(self._row)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        if self._row is None:
            raise RuntimeError("'Re-plan from today' was never applied")
        with write_transaction(db):
            PlanStore(db).delete(self._row["id"])
            self._move.revert(db)
        return self.changes


def _check_checkin(day: date, hours: float, note: str) -> None:
    limits.HOURS_PER_DAY.check(hours)
    limits.check_day(day)
    limits.check_note(note, "A check-in's note")


class EditCheckin:
    """Change a check-in's day, hours, note, skills practised and plan items worked on."""

    changes = ChangeSet(checkins=True)

    def __init__(
        self,
        checkin_id: int,
        day: date,
        hours: float,
        note: str = "",
        skills: tuple[str, ...] | list[str] = (),
        items: tuple[str, ...] | list[str] = (),
    ) -> None:
        _check_checkin(day, hours, note)
        self.checkin_id, self.day, self.hours = checkin_id, day, hours
        self.note, self.skills, self.items = note, tuple(skills), tuple(items)
        self.text = f"Edit check-in of {day.isoformat()}"
        self._before: Row = {}

    def apply(self, db: Database) -> ChangeSet:
        store = CheckinStore(db)
        with write_transaction(db):
            row = store.row(self.checkin_id)
            if row is None:
                raise UsageError("That check-in no longer exists; it may have been deleted")
            self._before = {column: row[column] for column in CHECKIN_EDITABLE}
            store.update(self.checkin_id, self.day, self.hours, self.note, self.skills, self.items)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        with write_transaction(db):
            CheckinStore(db).put_fields(self.checkin_id, self._before)
        return self.changes


class DeleteCheckin:
    """Remove a check-in; undo puts the very same row back."""

    changes = ChangeSet(checkins=True)

    def __init__(self, checkin_id: int, day: date | None = None) -> None:
        self.checkin_id = checkin_id
        self.text = f"Delete check-in of {day.isoformat()}" if day else "Delete check-in"
        self._row: Row | None = None

    def apply(self, db: Database) -> ChangeSet:
        store = CheckinStore(db)
        with write_transaction(db):
            self._row = store.row(self.checkin_id)
            if self._row is None:
                raise UsageError("That check-in no longer exists; it may have been deleted")
            store.delete(self.checkin_id)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        if self._row is None:
            raise RuntimeError(f"{self.text!r} was never applied")
        with write_transaction(db):
            CheckinStore(db).insert_row(self._row)
        return self.changes


class EditTogether:
    """Several edits as one: applied in order and reverted in reverse, in one transaction, so
    one undo takes them all back (a rating with the plan steps it ticks)."""

    def __init__(self, text: str, *parts: Edit) -> None:
        if not parts:
            raise ValueError("EditTogether needs at least one edit")
        self.text, self.parts = text, parts

    def apply(self, db: Database) -> ChangeSet:
        change = ChangeSet()
        with write_transaction(db):
            for part in self.parts:
                change = change | part.apply(db)
        return change

    def revert(self, db: Database) -> ChangeSet:
        change = ChangeSet()
        with write_transaction(db):
            for part in reversed(self.parts):
                change = change | part.revert(db)
        return change


class AnswerFit:
    """Give, change or clear answers to the fit quiz (question id -> option id; None clears).

    Each answer that differs from the current one adds a row to the answers' history; undo
    removes those rows, redo puts the very same rows back.
    """

    changes = ChangeSet(fit=True)

    def __init__(self, profile_id: int, answers: dict[str, str | None], text: str = "") -> None:
        self.profile_id, self.answers = profile_id, dict(answers)
        self.text = text or "Save fit answers"
        self._rows: list[Row] | None = None

    def apply(self, db: Database) -> ChangeSet:
        store = FitAnswerStore(db)
        with write_transaction(db):
            if self._rows is None:
                current = store.current(self.profile_id)
                added = [
                    store.add(self.profile_id, question, option)
                    for question, option in self.answers.items()
                    if current.get(question) != option
                ]
                self._rows = [row for row in map(store.row, added) if row is not None]
            else:
                for row in self._rows:
                    store.insert_row(row)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        if self._rows is None:
            raise RuntimeError(f"{self.text!r} was never applied")
        store = FitAnswerStore(db)
        with write_transaction(db):
            for row in reversed(self._rows):
                store.delete(row["id"])
        return self.changes
