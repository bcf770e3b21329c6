"""The checkins table: study time logged per day, with a note, the skills practised and the plan
items worked on."""

from __future__ import annotations

import json
from datetime import date, datetime

from careerplanner.storage.checks import GarbledValue
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
        found = self.db.execute(f"SELECT {_COLUMNS} FROM checkins WHERE id = ?", [checkin_id])
        return next(iter(_checkins(found.fetchall())), None)

    def all(self, profile_id: int) -> list[Checkin]:
        """Every check-in of the profile, by day."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM checkins WHERE profile_id = ? ORDER BY day, id", [profile_id]
        )
        return _checkins(rows.fetchall())


#: The columns ``_checkins`` reads, in its order.
_COLUMNS = "id, profile_id, day, hours, note, skills, created, items"


def _checkins(rows: list[tuple]) -> list[Checkin]:
    """Check-ins from rows of ``_COLUMNS``: read as tuples, not sqlite-utils' dicts, and each
    distinct list of skills or items parsed once, all of them in one go (ten years of daily
    check-ins in about 8 ms, where one ``json.loads`` per row took 20)."""
    lists = _lists([text for row in rows for text in (row[5], row[7])])
    return [
        Checkin(
            id=checkin_id,
            profile_id=ProfileId(profile_id),
            day=date.fromisoformat(day),
            hours=hours,
            note=note,
            skills=lists[skills],
            created=datetime.fromisoformat(created),
            items=lists[items],
        )
        for checkin_id, profile_id, day, hours, note, skills, created, items in rows
    ]


def _lists(texts: list[str]) -> dict[str, tuple[str, ...]]:
    """Each distinct JSON list in ``texts``, parsed. A value that is not one (damage met after
    the quick look at open) is damage, as SQLite's own errors are."""
    distinct = list(dict.fromkeys(texts))
    try:
        parsed = json.loads(f"[{','.join(distinct)}]")
        return {text: tuple(value) for text, value in zip(distinct, parsed, strict=True)}
    except (ValueError, TypeError):
        raise GarbledValue("a list of skills or plan items in checkins is garbled") from None
