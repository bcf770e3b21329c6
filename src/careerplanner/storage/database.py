"""Opening the user's database: it is checked read-only before anything is written, backed up,
migrated, and set up for safe use by two app instances at once (WAL, busy timeout)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from careerplanner.errors import CareerPlannerError
from careerplanner.storage import backups
from careerplanner.storage.migrations import MIGRATIONS, known_names

__all__ = [
    "DamagedDatabaseError",
    "Database",
    "NewerDatabaseError",
    "NotADatabaseOfOursError",
    "StorageError",
    "open_database",
    "restore_backup",
    "write_transaction",
]

#: How long a write waits for another instance's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000

# SQLite's primary result codes that mean "the bytes are wrong", as opposed to locked or missing.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class DamagedDatabaseError(CareerPlannerError):
    """The file fails SQLite's integrity check or is not a database at all. It was not touched."""

    def __init__(self, path: Path, latest_backup: Path | None, detail: str = "") -> None:
        self.path = path
        self.latest_backup = latest_backup
        # SQLite's verdict can span lines ("*** in database main ***\nPage 10: ..."): one line.
        detail = " ".join(detail.replace("*** in database main ***", "").split())
        why = f" ({detail})" if detail else ""
        if latest_backup is not None:
            offer = (
                f" The latest good backup is {latest_backup}: restore it from the window, or "
                f"move the damaged file aside and copy the backup in its place."
            )
        else:
            offer = " No good backup was found; open another file with --db PATH."
        super().__init__(f"The database {path} is damaged{why} and was left as it is.{offer}")


class NewerDatabaseError(CareerPlannerError):
    """The file was written by a newer version of the app. It was not touched."""

    def __init__(self, path: Path, unknown: list[str] | None = None) -> None:
        self.path = path
        self.unknown = unknown or []
        super().__init__(
            f"The database {path} was written by a newer version of Career Planner and was "
            f"left as it is; update Career Planner to open it."
        )


class StorageError(CareerPlannerError):
    """The database could not be read or written: locked too long, disk full, read-only."""


class NotADatabaseOfOursError(CareerPlannerError):
    """An SQLite file that some other program made. It was not touched."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is an SQLite database from another program, not a Career Planner "
            f"database; it was left as it is. Choose another file with --db PATH."
        )


def open_database(path: Path | None) -> Database:
    """Open (creating if needed) the database at ``path``; ``None`` gives a fresh in-memory one.

    An existing file is checked through a read-only connection first: a damaged file, one from
    a newer app version, or another program's database raises before a byte is written. Pending
    migrations are applied after a backup; then today's rolling backup is made if missing.
    """
    if path is None:
        db = Database(memory=True)
        _migrate(db, None)
        db.execute("PRAGMA foreign_keys = ON")
        return db
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            _inspect(path)
        db = Database(path)
    except (OSError, sqlite3.OperationalError) as error:
        raise StorageError(f"Could not open the database {path}: {error}") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        # FULL: a commit is on disk before the edit reports success, even across a power cut.
        db.execute("PRAGMA synchronous = FULL")
        _migrate(db, path)
        # After migrating: a table rebuild under foreign keys would cascade deletes.
        db.execute("PRAGMA foreign_keys = ON")
        backups.rolling_backup(db.conn, path)
    except sqlite3.OperationalError as error:
        db.close()
        raise StorageError(f"Could not open the database {path}: {error}") from None
    except BaseException:
        db.close()
        raise
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """Like ``db.atomic()``, but takes the write lock at BEGIN (``BEGIN IMMEDIATE``).

    With two app instances on one WAL file, a transaction that reads and then writes can fail
    at once with "database is locked" (the busy timeout does not apply to a lock upgrade);
    taking the lock first makes it wait its turn instead. Nested calls become savepoints.
    A database that stays locked past the busy timeout, a full disk or a read-only file ends
    as ``StorageError``, with everything in the transaction rolled back.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.conn.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
    except sqlite3.IntegrityError:
        raise  # a rule of the schema: the caller checks its input, or it is a bug
    except sqlite3.DatabaseError as error:
        raise StorageError(f"Could not save the change: {error}") from None


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put ``backup`` in place of ``db_path``. The file it replaces, with its ``-wal`` and
    ``-shm``, is renamed aside (never deleted); returns where it went."""
    if not backups.is_good_copy(backup):
        raise CareerPlannerError(f"The backup {backup} is damaged too; choose another one.")
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    incoming = db_path.with_name(db_path.name + ".restoring")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        backups.backup_to(source, incoming)
    finally:
        source.close()
    if db_path.exists():
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(incoming, db_path)
    return aside


def _inspect(path: Path) -> None:
    """Raise if the file must not be opened for writing. Reads only."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # quick_check finds damaged pages and broken b-trees in O(size), several times faster
            # than integrity_check (which also cross-checks every index entry).
            verdict = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            applied = []
            if MIGRATIONS.migrations_table in tables:
                applied = [
                    row[0]
                    for row in connection.execute(
                        f"SELECT name FROM {MIGRATIONS.migrations_table} WHERE migration_set = ?",
                        [MIGRATIONS.name],
                    )
                ]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise DamagedDatabaseError(path, backups.latest_good_backup(path), str(error)) from None
        raise CareerPlannerError(f"Could not open the database {path}: {error}") from None
    if verdict != ["ok"]:
        raise DamagedDatabaseError(path, backups.latest_good_backup(path), verdict[0])
    unknown = sorted(set(applied) - set(known_names()))
    if unknown:
        raise NewerDatabaseError(path, unknown)
    if not applied and tables - {MIGRATIONS.migrations_table}:
        raise NotADatabaseOfOursError(path)


def _migrate(db: Database, path: Path | None) -> None:
    if not MIGRATIONS.pending(db):
        return
    if path is not None and MIGRATIONS.applied(db):
        backups.backup_before_migration(db.conn, path, MIGRATIONS.pending(db)[0].name)
    # One write transaction around all of them: a second instance starting at the same moment
    # waits here, then finds nothing pending (each migration nests as a savepoint).
    with write_transaction(db):
        MIGRATIONS.apply(db)
