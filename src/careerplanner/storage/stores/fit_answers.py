"""The fit_answers table: the fit quiz's answers as an append-only history; a question's current
answer is its latest row (none, when that row clears it)."""

from __future__ import annotations

from datetime import datetime

from careerplanner.storage.records import timestamp
from careerplanner.storage.stores.base import IdStore


class FitAnswerStore(IdStore):
    table = "fit_answers"

    def add(
        self,
        profile_id: int,
        question_id: str,
        option_id: str | None,
        answered_at: datetime | None = None,
    ) -> int:
        """Append an answer (``option_id`` None clears the question's answer)."""
        return self.insert_row(
            {
                "profile_id": profile_id,
                "question_id": question_id,
                "option_id": option_id,
                "answered_at": timestamp(answered_at),
            }
        )

    def current(self, profile_id: int) -> dict[str, str]:
        """question id -> option id of every question answered and not cleared since."""
        rows = self.db.execute(
            """
            SELECT question_id, option_id FROM fit_answers WHERE id IN (
                SELECT max(id) FROM fit_answers WHERE profile_id = ? GROUP BY question_id
            ) AND option_id IS NOT NULL ORDER BY question_id
            """,
            [profile_id],
        )
        return dict(rows.fetchall())
