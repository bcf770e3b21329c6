"""The checkins table: study time logged per day, with a note and the skills practised."""

from __future__ import annotations

import json
from datetime import date, datetime

from careerplanner.storage.records import Checkin, ProfileId, timestamp
from careerplanner.storage.stores.base import IdStore


class CheckinStore(IdStore):
    table = "checkins"

    def add(
        self,
        profile_id: int,
        day: date,
        hours: float,
        note: str = "",
        skills: tuple[str, ...] | list[str] = (),
        created: datetime | None = None,
    ) -> int:
        row = {
            "profile_id": profile_id,
            "day": day.isoformat(),
            "hours": float(hours),
            "note": note,
            "skills": json.dumps(list(skills)),
            "created": timestamp(created),
        }
        return self.insert_row(row)

    def all(self, profile_id: int) -> list[Checkin]:
        rows = self.db.execute(
            "SELECT id, profile_id, day, hours, note, skills, created FROM checkins "
            "WHERE profile_id = ? ORDER BY day, id",
            [profile_id],
        ).fetchall()
        # Most check-ins repeat a few skill lists: parse each distinct one once.
        skills: dict[str, tuple[str, ...]] = {}
        for row in rows:
            if row[5] not in skills:
                skills[row[5]] = tuple(json.loads(row[5]))
        return [
            Checkin(
                id=row[0],
                profile_id=ProfileId(row[1]),
                day=date.fromisoformat(row[2]),
                hours=row[3],
                note=row[4],
                skills=skills[row[5]],
                created=datetime.fromisoformat(row[6]),
            )
            for row in rows
        ]
