"""What the stores share: rows addressed by id, written inside ``write_transaction`` so each write
commits at once or joins the caller's transaction (an import, an edit with two parts)."""

from __future__ import annotations

from typing import Any

from careerplanner.storage.connection import Database
from careerplanner.storage.database import write_transaction

Row = dict[str, Any]


class IdStore:
    """Rows addressed by id. ``row()`` and ``insert_row()`` let an undone edit be redone with
    the very same row, and an import write rows exactly as they were exported."""

    table = ""

    def __init__(self, db: Database) -> None:
        self.db = db

    def row(self, row_id: int) -> Row | None:
        found = self.db.query(f"SELECT * FROM {self.table} WHERE id = ?", [row_id])
        return next(found, None)

    def insert_row(self, row: Row) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with write_transaction(self.db):
            cursor = self.db.execute(
                f"INSERT INTO {self.table} ({columns}) VALUES ({marks})", list(row.values())
            )
        assert cursor.lastrowid is not None  # an INSERT always sets it
        return cursor.lastrowid

    def delete(self, row_id: int) -> None:
        with write_transaction(self.db):
            self.db.execute(f"DELETE FROM {self.table} WHERE id = ?", [row_id])

    def rows(self, profile_id: int) -> list[Row]:
        """Every row of one profile, oldest first (what an export writes)."""
        return list(
            self.db.query(
                f"SELECT * FROM {self.table} WHERE profile_id = ? ORDER BY id", [profile_id]
            )
        )
