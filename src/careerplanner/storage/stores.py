"""One store per table: the SQL for reading and writing it. Each write commits at once, or
joins the caller's ``write_transaction`` when one is open (an import, an edit with two parts)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from careerplanner.errors import UsageError
from careerplanner.storage.database import write_transaction
from careerplanner.storage.records import (
    Checkin,
    PlanId,
    Profile,
    ProfileId,
    Rating,
    local_day,
    month_text,
    parse_month,
    timestamp,
)

Row = dict[str, Any]


class _Store:
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
        return int(cursor.lastrowid)

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


class ProfileStore(_Store):
    table = "profiles"
    FIELDS = ("name", "background", "target", "hours_per_week", "start_month")

    def all(self) -> list[Profile]:
        return [_profile(row) for row in self.db.query("SELECT * FROM profiles ORDER BY id")]

    def get(self, profile_id: int) -> Profile | None:
        row = self.row(profile_id)
        return _profile(row) if row else None

    def by_name(self, name: str) -> Profile | None:
        found = next(self.db.query("SELECT * FROM profiles WHERE name = ?", [name.strip()]), None)
        return _profile(found) if found else None

    def add(
        self,
        name: str,
        background: str,
        target: str,
        hours_per_week: float,
        start_month: date,
        created: datetime | None = None,
    ) -> ProfileId:
        row = {
            "name": name.strip(),
            "background": background,
            "target": target,
            "hours_per_week": float(hours_per_week),
            "start_month": month_text(start_month),
            "created": timestamp(created),
        }
        return ProfileId(self._guard_name(name, lambda: self.insert_row(row)))

    def update(self, profile_id: int, fields: Row) -> None:
        """Change some of ``FIELDS``; ``start_month`` may be a date or a ``YYYY-MM`` string."""
        values = {key: _profile_value(key, value) for key, value in fields.items()}
        if not values:
            return
        assignments = ", ".join(f"{key} = ?" for key in values)

        def write() -> None:
            with write_transaction(self.db):
                self.db.execute(
                    f"UPDATE profiles SET {assignments} WHERE id = ?",
                    [*values.values(), profile_id],
                )

        self._guard_name(str(values.get("name", "")), write)

    def stored_fields(self, profile_id: int, names: list[str]) -> Row:
        row = self.row(profile_id) or {}
        return {name: row.get(name) for name in names}

    @staticmethod
    def _guard_name(name: str, write):  # type: ignore[no-untyped-def]
        try:
            return write()
        except sqlite3.IntegrityError as error:
            if "profiles.name" in str(error):
                raise UsageError(f"A profile named '{name.strip()}' already exists") from None
            raise


class RatingStore(_Store):
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

    def day_series(self, profile_id: int) -> list[tuple[str, str, int]]:
        """(day, skill, level) for every rating, in the order they were made."""
        return self.db.execute(
            "SELECT day, skill_id, level FROM ratings WHERE profile_id = ? ORDER BY id",
            [profile_id],
        ).fetchall()


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


class PlanStore(_Store):
    table = "plans"

    def add(
        self, profile_id: int, inputs: Row, plan: Row, created: datetime | None = None
    ) -> PlanId:
        row = {
            "profile_id": profile_id,
            "created": timestamp(created),
            "inputs": _to_json(inputs),
            "plan": _to_json(plan),
        }
        return PlanId(self.insert_row(row))

    def latest(self, profile_id: int) -> tuple[PlanId, Row, Row] | None:
        found = next(
            self.db.query(
                "SELECT * FROM plans WHERE profile_id = ? ORDER BY id DESC LIMIT 1", [profile_id]
            ),
            None,
        )
        if found is None:
            return None
        return PlanId(found["id"]), json.loads(found["inputs"]), json.loads(found["plan"])


class PlanItemStore(_Store):
    table = "plan_items"

    def add(
        self,
        profile_id: int,
        plan_id: int,
        item_id: str,
        status: str | None,
        marked_at: datetime | None = None,
    ) -> int:
        row = {
            "profile_id": profile_id,
            "plan_id": plan_id,
            "item_id": item_id,
            "status": status,
            "marked_at": timestamp(marked_at),
        }
        return self.insert_row(row)

    def statuses(self, profile_id: int) -> dict[str, str]:
        """Each item's latest mark across all the profile's plans; cleared items are absent."""
        rows = self.db.execute(
            """
            SELECT item_id, status FROM plan_items WHERE id IN (
                SELECT max(id) FROM plan_items WHERE profile_id = ? GROUP BY item_id
            ) AND status IS NOT NULL ORDER BY item_id
            """,
            [profile_id],
        )
        return dict(rows.fetchall())

    def rows_of_plan(self, plan_id: int) -> list[Row]:
        return list(
            self.db.query("SELECT * FROM plan_items WHERE plan_id = ? ORDER BY id", [plan_id])
        )


class CheckinStore(_Store):
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
            "SELECT * FROM checkins WHERE profile_id = ? ORDER BY day, id", [profile_id]
        ).fetchall()
        return [
            Checkin(
                id=row[0],
                profile_id=ProfileId(row[1]),
                day=date.fromisoformat(row[2]),
                hours=row[3],
                note=row[4],
                skills=tuple(json.loads(row[5])),
                created=datetime.fromisoformat(row[6]),
            )
            for row in rows
        ]


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        found = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return found[0] if found else None

    def set(self, key: str, value: str | None) -> None:
        with write_transaction(self.db):
            if value is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                self.db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value]
                )


def _profile(row: Row) -> Profile:
    return Profile(
        id=ProfileId(row["id"]),
        name=row["name"],
        background=row["background"],
        target=row["target"],
        hours_per_week=row["hours_per_week"],
        start_month=parse_month(row["start_month"]),
        created=datetime.fromisoformat(row["created"]),
    )


def _profile_value(key: str, value: Any) -> Any:
    if key not in ProfileStore.FIELDS:
        raise ValueError(f"profiles have no field {key!r}")
    if key == "start_month" and isinstance(value, date):
        return month_text(value)
    if key == "hours_per_week":
        return float(value)
    if key == "name":
        return str(value).strip()
    return value


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


def _to_json(value: Row) -> str:
    # Dates in a plan (month starts) become ISO strings; anything else unknown is a bug.
    def encode(item: Any) -> str:
        if isinstance(item, date):
            return item.isoformat()
        raise TypeError(f"cannot store {type(item).__name__} in a plan snapshot")

    return json.dumps(value, ensure_ascii=False, default=encode)
