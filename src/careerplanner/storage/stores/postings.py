"""The postings table: job postings saved with a profile, and the one it plans for."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from careerplanner.storage.database import write_transaction
from careerplanner.storage.records import timestamp
from careerplanner.storage.stores.base import IdStore, Row


class PostingStore(IdStore):
    table = "postings"

    def add(
        self,
        profile_id: int,
        title: str,
        text: str,
        closest_role: str | None,
        requirements: list[dict[str, Any]],
        created: datetime | None = None,
    ) -> int:
        return self.insert_row(
            {
                "profile_id": profile_id,
                "title": title.strip(),
                "text": text,
                "created": timestamp(created),
                "closest_role": closest_role,
                "requirements": json.dumps(requirements, ensure_ascii=False),
                "target_over": None,
            }
        )

    def target_row(self, profile_id: int) -> Row | None:
        """The posting the profile plans for, if any."""
        found = self.db.query(
            "SELECT * FROM postings WHERE profile_id = ? AND target_over IS NOT NULL",
            [profile_id],
        )
        return next(found, None)

    def set_target(self, profile_id: int, posting_id: int | None, over: str | None) -> None:
        """Make ``posting_id`` the one the profile plans for (None: none of them)."""
        with write_transaction(self.db):
            self.db.execute(
                "UPDATE postings SET target_over = NULL WHERE profile_id = ?", [profile_id]
            )
            if posting_id is not None:
                self.db.execute(
                    "UPDATE postings SET target_over = ? WHERE id = ? AND profile_id = ?",
                    [over, posting_id, profile_id],
                )


def requirements_of(row: Row) -> list[dict[str, Any]]:
    return json.loads(row["requirements"])
