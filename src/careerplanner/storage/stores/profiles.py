"""The profiles table: one row per profile, names unique regardless of case."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import Any

from careerplanner.errors import UsageError
from careerplanner.storage.connection import Database
from careerplanner.storage.database import write_transaction
from careerplanner.storage.records import Profile, ProfileId, month_text, parse_month, timestamp
from careerplanner.storage.stores.base import IdStore, Row
from careerplanner.storage.stores.settings import ACTIVE_PROFILE, SettingsStore


class ProfileStore(IdStore):
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


def active_profile(db: Database) -> Profile | None:
    """The profile last made active; the oldest one if that is gone; None when there are none."""
    store = ProfileStore(db)
    chosen = SettingsStore(db).get(ACTIVE_PROFILE)
    found = store.get(int(chosen)) if chosen and chosen.isdigit() else None
    if found is None:
        profiles = store.all()
        found = profiles[0] if profiles else None
    return found
