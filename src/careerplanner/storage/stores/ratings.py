"""The ratings table: an append-only history; a skill's current level is its latest row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

from careerplanner.storage.records import ProfileId, Rating, local_day, timestamp
from careerplanner.storage.stores.base import IdStore, Row


class RatingStore(IdStore):
    table = "ratings"

    def add(
        self,
        profile_id: int,
        skill_id: str,
        level: int,
        note: str | None = None,
        rated_at: datetime | None = None,
    ) -> int:
        """Append a rating made at ``rated_at`` (now by default); its day is the local date then."""
        moment = rated_at or datetime.now(UTC)
        return self.insert_row(
            {
                "profile_id": profile_id,
                "skill_id": skill_id,
                "level": level,
                "note": note,
                "rated_at": timestamp(moment),
                "day": local_day(moment).isoformat(),
            }
        )

    def latest_levels(self, profile_id: int) -> dict[str, int]:
        rows = self.db.execute(
            """
            SELECT skill_id, level FROM ratings WHERE id IN (
                SELECT max(id) FROM ratings WHERE profile_id = ? GROUP BY skill_id
            ) ORDER BY skill_id
            """,
            [profile_id],
        )
        return dict(rows.fetchall())

    def history(self, profile_id: int, skill_id: str | None = None) -> list[Rating]:
        if skill_id is None:
            rows = self.rows(profile_id)
        else:
            rows = list(
                self.db.query(
                    "SELECT * FROM ratings WHERE profile_id = ? AND skill_id = ? ORDER BY id",
                    [profile_id, skill_id],
                )
            )
        return [_rating(row) for row in rows]

    def day_series(self, profile_id: int) -> Iterator[tuple[str, str, int]]:
        """(day, skill, level) for every rating, in the order they were made, as they are read:
        ten years of ratings are gone through one at a time, never all held at once (holding
        50,000 rows set Python's garbage collector going dozens of times per read)."""
        return iter(
            self.db.execute(
                "SELECT day, skill_id, level FROM ratings WHERE profile_id = ? ORDER BY id",
                [profile_id],
            )
        )


def _rating(row: Row) -> Rating:
    return Rating(
        id=row["id"],
        profile_id=ProfileId(row["profile_id"]),
        skill_id=row["skill_id"],
        level=row["level"],
        note=row["note"],
        rated_at=datetime.fromisoformat(row["rated_at"]),
        day=date.fromisoformat(row["day"]),
    )
