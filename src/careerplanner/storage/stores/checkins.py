"""The checkins table: study time logged per day, with a note, the skills practised and the plan
items worked on."""

from __future__ import annotations

import json
from datetime import date, datetime

from careerplanner.storage.database import write_transaction
from careerplanner.storage.records import Checkin, ProfileId, timestamp
from careerplanner.storage.stores.base import IdStore, Row

#: The columns a check-in's edit may change.
EDITABLE = ("day", "hours", "note", "skills", "items")


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
        items: tuple[str, ...] | list[str] = (),
    ) -> int:
        row = {
            "profile_id": profile_id,
            "day": day.isoformat(),
            "hours": float(hours),
            "note": note,
            "skills": json.dumps(list(skills)),
            "created": timestamp(created),
            "items": json.dumps(list(items)),
        }
        return self.insert_row(row)

    def update(
        self,
        checkin_id: int,
        day: date,
        hours: float,
        note: str,
        skills: tuple[str, ...] | list[str],
        items: tuple[str, ...] | list[str],
    ) -> None:
        """Change what a check-in says (its profile and creation time stay)."""
        self.put_fields(
            checkin_id,
            {
                "day": day.isoformat(),
                "hours": float(hours),
                "note": note,
                "skills": json.dumps(list(skills)),
                "items": json.dumps(list(items)),
            },
        )

    def put_fields(self, checkin_id: int, fields: Row) -> None:
        """Write these editable columns of one check-in as they are (undo of an edit)."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"check-ins have no editable column(s) {sorted(unknown)}")
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with write_transaction(self.db):
            self.db.execute(
                f"UPDATE checkins SET {assignments} WHERE id = ?", [*fields.values(), checkin_id]
            )

    def get(self, checkin_id: int) -> Checkin | None:
        row = self.row(checkin_id)
        return None if row is None else _checkin(row, {})

    def all(self, profile_id: int) -> list[Checkin]:
        rows = self.db.query(
            "SELECT id, profile_id, day, hours, note, skills, created, items FROM checkins "
            "WHERE profile_id = ? ORDER BY day, id",
            [profile_id],
        )
        # Most check-ins repeat a few skill lists: parse each distinct one once.
        lists: dict[str, tuple[str, ...]] = {}
        return [_checkin(row, lists) for row in rows]


def _checkin(row: Row, lists: dict[str, tuple[str, ...]]) -> Checkin:
    for column in ("skills", "items"):
        if row[column] not in lists:
            lists[row[column]] = tuple(json.loads(row[column]))
    return Checkin(
        id=row["id"],
        profile_id=ProfileId(row["profile_id"]),
        day=date.fromisoformat(row["day"]),
        hours=row["hours"],
        note=row["note"],
        skills=lists[row["skills"]],
        created=datetime.fromisoformat(row["created"]),
        items=lists[row["items"]],
    )
