"""The settings table: preferences that belong with the data, such as the active profile."""

from __future__ import annotations

from careerplanner.storage.connection import Database
from careerplanner.storage.database import write_transaction

#: The id of the profile the window shows and the commands act on.
ACTIVE_PROFILE = "active_profile"


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
