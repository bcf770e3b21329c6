"""The undoable edits of job postings: save one with a profile, remove it, and make one the
profile's plan target (or the target role again). Each is one committed transaction each way;
redo puts back the very same rows."""

from __future__ import annotations

from collections.abc import Sequence

from careerplanner.core import limits
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import Requirement
from careerplanner.services.changes import ChangeSet
from careerplanner.services.posting_files import MAX_BYTES
from careerplanner.services.postings import stored_requirements
from careerplanner.storage import Database, write_transaction
from careerplanner.storage.stores import PostingStore, Row


class SavePosting:
    """Save a posting with a profile: its title, its text, and what it asks for."""

    changes = ChangeSet(postings=True)

    def __init__(
        self,
        profile_id: int,
        title: str,
        body: str,
        closest_role: str | None,
        requirements: Sequence[Requirement],
    ) -> None:
        self.profile_id = profile_id
        self.title = limits.check_name(title)
        if not body.strip():
            raise UsageError("A posting needs its text to be saved")
        if len(body.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise UsageError("A posting is at most 1 MB of text; save only the posting itself")
        self.body, self.closest_role = body, closest_role
        self.requirements = stored_requirements(requirements)
        self.text = f"Save posting {self.title}"  # what the Edit menu calls it
        self._row: Row | None = None

    @property
    def posting_id(self) -> int | None:
        return self._row["id"] if self._row else None

    def apply(self, db: Database) -> ChangeSet:
        store = PostingStore(db)
        with write_transaction(db):
            if self._row is None:
                posting_id = store.add(
                    self.profile_id, self.title, self.body, self.closest_role, self.requirements
                )
                self._row = store.row(posting_id)
            else:
                store.insert_row(self._row)  # redo: the very same row
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        if self._row is None:
            raise RuntimeError(f"{self.text!r} was never applied")
        with write_transaction(db):
            PostingStore(db).delete(self._row["id"])
        return self.changes


class RemovePosting:
    """Remove a saved posting; undo puts it back as it was (the plan's target, if it was)."""

    def __init__(self, profile_id: int, posting_id: int, title: str | None = None) -> None:
        self.profile_id, self.posting_id = profile_id, posting_id
        self.text = f"Remove posting {title or posting_id}"
        self._row: Row | None = None

    def apply(self, db: Database) -> ChangeSet:
        store = PostingStore(db)
        with write_transaction(db):
            row = store.row(self.posting_id)
            if row is None or row["profile_id"] != self.profile_id:
                raise UsageError(f"There is no saved posting with id {self.posting_id}")
            self._row = row
            store.delete(self.posting_id)
        return self._changes()

    def revert(self, db: Database) -> ChangeSet:
        if self._row is None:
            raise RuntimeError(f"{self.text!r} was never applied")
        with write_transaction(db):
            PostingStore(db).insert_row(self._row)
        return self._changes()

    def _changes(self) -> ChangeSet:
        # Removing the posting the plan aims at sends the plan back to the target role.
        planned = self._row is not None and self._row["target_over"] is not None
        return ChangeSet(postings=True, profile=planned)


class PlanForPosting:
    """Make a saved posting the one the profile plans for, in place of its target role, or,
    with no posting, plan for the role again. ``save`` first saves a new posting (one edit:
    undo removes it too). ``over`` is the profile's target role now (see ``SavedPosting``)."""

    #: The plan's target changes, which the pages showing the profile's plan follow.
    changes = ChangeSet(postings=True, profile=True)

    def __init__(
        self,
        profile_id: int,
        over: str,
        posting_id: int | None = None,
        save: SavePosting | None = None,
        title: str = "",
    ) -> None:
        if posting_id is not None and save is not None:
            raise ValueError("plan for a saved posting or a new one, not both")
        self.profile_id, self.over = profile_id, over
        self.posting_id, self.save = posting_id, save
        planned = posting_id is not None or save is not None
        name = title or (save.title if save else "")
        self.text = f"Plan for posting {name}".rstrip() if planned else "Plan for my target role"
        self._before: tuple[int, str] | None = None

    def apply(self, db: Database) -> ChangeSet:
        store = PostingStore(db)
        with write_transaction(db):
            before = store.target_row(self.profile_id)
            self._before = (before["id"], before["target_over"]) if before else None
            posting_id = self.posting_id
            if self.save is not None:
                self.save.apply(db)
                posting_id = self.save.posting_id
            if posting_id is not None:
                row = store.row(posting_id)
                if row is None or row["profile_id"] != self.profile_id:
                    raise UsageError(f"There is no saved posting with id {posting_id}")
            store.set_target(self.profile_id, posting_id, self.over)
        return self.changes

    def revert(self, db: Database) -> ChangeSet:
        store = PostingStore(db)
        with write_transaction(db):
            if self.save is not None:
                store.set_target(self.profile_id, None, None)  # before its row goes
                self.save.revert(db)
            if self._before is None:
                store.set_target(self.profile_id, None, None)
            else:
                store.set_target(self.profile_id, *self._before)
        return self.changes
