"""The only package that touches SQLite: opening the database, migrations, backups, stores.

``open_database(path | None)`` is the one way in; the stores read and write one table each.
"""

from careerplanner.storage.database import (
    DamagedDatabaseError,
    Database,
    NewerDatabaseError,
    NotADatabaseOfOursError,
    StorageError,
    open_database,
    restore_backup,
    write_transaction,
)
from careerplanner.storage.errors import explain_failure
from careerplanner.storage.records import Checkin, PlanId, Profile, ProfileId, Rating

__all__ = [
    "Checkin",
    "DamagedDatabaseError",
    "Database",
    "NewerDatabaseError",
    "NotADatabaseOfOursError",
    "PlanId",
    "Profile",
    "ProfileId",
    "Rating",
    "StorageError",
    "explain_failure",
    "open_database",
    "restore_backup",
    "write_transaction",
]
