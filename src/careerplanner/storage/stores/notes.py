"""The skill_notes table: the note shown beside each skill today."""

from __future__ import annotations

from datetime import datetime

from careerplanner.storage.connection import Database
from careerplanner.storage.database import write_transaction
from careerplanner.storage.records import timestamp
from careerplanner.storage.stores.base import Row


class NoteStore:
    """The current note per skill; keyed by (profile, skill) rather than by id."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def row(self, profile_id: int, skill_id: str) -> Row | None:
        found = self.db.query(
            "SELECT * FROM skill_notes WHERE profile_id = ? AND skill_id = ?",
            [profile_id, skill_id],
        )
        return next(found, None)

    def all(self, profile_id: int) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT skill_id, note FROM skill_notes WHERE profile_id = ? ORDER BY skill_id",
            [profile_id],
        )
        return dict(rows.fetchall())

    def rows(self, profile_id: int) -> list[Row]:
        return list(
            self.db.query(
                "SELECT * FROM skill_notes WHERE profile_id = ? ORDER BY skill_id", [profile_id]
            )
        )

    def put_row(self, row: Row) -> None:
        with write_transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO skill_notes (profile_id, skill_id, note, updated) "
                "VALUES (:profile_id, :skill_id, :note, :updated)",
                row,
            )

    def set(
        self, profile_id: int, skill_id: str, note: str, updated: datetime | None = None
    ) -> None:
        """Set the note; an empty note removes it."""
        if note.strip():
            self.put_row(
                {
                    "profile_id": profile_id,
                    "skill_id": skill_id,
                    "note": note,
                    "updated": timestamp(updated),
                }
            )
        else:
            self.remove(profile_id, skill_id)

    def remove(self, profile_id: int, skill_id: str) -> None:
        with write_transaction(self.db):
            self.db.execute(
                "DELETE FROM skill_notes WHERE profile_id = ? AND skill_id = ?",
                [profile_id, skill_id],
            )
