"""Opening the user's database: it is checked read-only before anything is written, backed up,
migrated, and set up for safe use by two app instances at once (WAL, busy timeout). A file that
cannot be written can still be read by the commands that only read."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from careerplanner import files
from careerplanner.errors import CareerPlannerError
from careerplanner.paths import data_dir
from careerplanner.storage import backups, migrations
from careerplanner.storage.checks import BUSY_TIMEOUT_MS, Verdict, connect_read_only, examine
from careerplanner.storage.connection import Database
from careerplanner.storage.errors import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotADatabaseOfOursError,
    StorageError,
    damaged,
    explain,
    read_only_error,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DamagedDatabaseError",
    "Database",
    "NewerDatabaseError",
    "NotADatabaseOfOursError",
    "StorageError",
    "open_database",
    "restore_backup",
    "write_transaction",
]

_OPEN = "open the database"


def open_database(path: Path | None, *, read_only: bool = False) -> Database:
    """Open (creating if needed) the database at ``path``; ``None`` gives a fresh in-memory one.

    An existing file is checked through a read-only connection first: a damaged file (an empty
    one whose backups hold data included), one from a newer app version, or another program's
    database raises before a byte is written. Pending migrations are applied after a backup;
    then today's rolling backup is made if missing. The file, its ``-wal`` and ``-shm`` and any
    folder made for it are readable by their owner alone.

    ``read_only`` is for a caller that only reads (an export, a listing). A file that cannot be
    written (the file, its folder or its disk) is then opened through a read-only connection,
    with no migration and no backup; ``StorageError`` says so if it would need a migration. A
    file that can be written opens as it always does.
    """
    if path is None:
        db = Database(memory=True)
        _migrate(db, None)
        db.execute("PRAGMA foreign_keys = ON")
        return db
    path = Path(path)
    try:
        if not read_only:
            _prepare_folder(path.parent)
        verdict = _inspect(path)
        writable = _can_write(path)
    except (OSError, sqlite3.Error) as error:
        raise explain(error, path, _OPEN) from None
    if not writable:
        if read_only and path.exists():
            return _open_read_only(path, verdict)
        raise read_only_error(path, _OPEN)
    return _open_for_writing(path)


def _open_for_writing(path: Path) -> Database:
    db = None
    try:
        files.create_private_file(path)
        for own in (path, *_companions(path)):
            if own.exists():
                files.make_private(own)
        db = Database(path)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        # FULL: a commit is on disk before the edit reports success, even across a power cut.
        db.execute("PRAGMA synchronous = FULL")
        _migrate(db, path)
        # After migrating: a table rebuild under foreign keys would cascade deletes.
        db.execute("PRAGMA foreign_keys = ON")
        backups.rolling_backup(db.conn, path)
    except (OSError, sqlite3.Error) as error:
        if db is not None:
            db.close()
        raise explain(error, path, _OPEN) from None
    except UnicodeError:  # SQLite's message about the layout quoted bytes that are not text
        if db is not None:
            db.close()
        raise damaged(path, "its layout holds bytes that are not text") from None
    except BaseException:
        if db is not None:
            db.close()
        raise
    return db


def _open_read_only(path: Path, verdict: Verdict) -> Database:
    if verdict.state in ("empty", "new"):
        raise StorageError(
            f"Could not {_OPEN}: {path} holds no Career Planner data yet, and it is read-only"
        )
    if verdict.pending:
        raise StorageError(
            f"Could not {_OPEN}: {path} was written by an older version of Career Planner and "
            f"needs updating before this version can read it, but it is read-only. Make it "
            f"writable, or copy it to a folder you can write to, and try again (it is backed up "
            f"before it is updated)."
        )
    try:
        return Database(connect_read_only(path))
    except sqlite3.Error as error:
        raise explain(error, path, _OPEN) from None


def _prepare_folder(folder: Path) -> None:
    """Make the database's folder if it is missing, private; the app's own data folder is made
    private even when it already exists (older versions made it readable by everyone)."""
    files.create_private_folder(folder)
    if folder.resolve() == data_dir().expanduser().resolve():
        files.make_private(folder, folder=True)


def _can_write(path: Path) -> bool:
    """Whether SQLite may write ``path``: the file itself, and its folder (for ``-wal``, ``-shm``
    and the backups). Asked of the system, which knows read-only disks and locked files too."""
    if not os.access(path.parent, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


@contextmanager
def write_transaction(db: Database, action: str = "save the change") -> Iterator[Database]:
    """Like ``db.atomic()``, but takes the write lock at BEGIN (``BEGIN IMMEDIATE``).

    With two app instances on one WAL file, a transaction that reads and then writes can fail
    at once with "database is locked" (the busy timeout does not apply to a lock upgrade);
    taking the lock first makes it wait its turn instead. Nested calls become savepoints.
    A database that stays locked past the busy timeout, a full disk or a read-only file ends
    as ``StorageError`` saying what happened and what to do (a damaged one as
    ``DamagedDatabaseError``), with everything in the transaction rolled back.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        with db.atomic("BEGIN IMMEDIATE"):
            yield db
    except sqlite3.IntegrityError:
        raise  # a rule of the schema: the caller checks its input, or it is a bug
    except sqlite3.DatabaseError as error:
        (waited_ms,) = db.conn.execute("PRAGMA busy_timeout").fetchone()
        raise explain(error, _file_of(db), action, waited_ms) from None


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put ``backup`` in place of ``db_path``. The file it replaces, with its ``-wal`` and
    ``-shm``, is renamed aside (never deleted); returns where it went."""
    if not backups.is_good_copy(backup):
        raise CareerPlannerError(f"The backup {backup} is damaged too; choose another one.")
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    incoming = db_path.with_name(db_path.name + ".restoring")
    try:
        source = connect_read_only(backup)
        try:
            backups.backup_to(source, incoming)
        finally:
            source.close()
        if db_path.exists():
            os.replace(db_path, aside)
        for companion in _companions(db_path):
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + companion.name[-4:]))
        os.replace(incoming, db_path)
    except (OSError, sqlite3.Error) as error:
        raise explain(error, db_path, "restore the backup") from None
    return aside


def _inspect(path: Path) -> Verdict:
    """What a read-only look at ``path`` found; raises if it must not be opened. Reads only."""
    if not path.exists():
        return Verdict("new")
    verdict = examine(path, thorough=backups.thorough_look_due(path))
    if verdict.state == "empty":
        # A crash or a sync tool can leave an empty file where the data was: with data in the
        # backups, treat it as damaged (so they are offered), not as a first run.
        backup = backups.latest_good_backup(path)
        if backup is not None and backups.holds_data(backup):
            raise DamagedDatabaseError(path, backup, "it is empty, but its backups hold data")
    elif verdict.state == "damaged":
        raise damaged(path, verdict.detail)
    elif verdict.state == "newer":
        raise NewerDatabaseError(path, list(verdict.unknown))
    elif verdict.state == "foreign":
        raise NotADatabaseOfOursError(path)
    return verdict


def _migrate(db: Database, path: Path | None) -> None:
    pending = migrations.pending_names(db)
    if not pending:
        return
    if path is not None and migrations.applied_names(db):
        backups.backup_before_migration(db.conn, path, pending[0])
    # One write transaction around all of them: a second instance starting at the same moment
    # waits here, then finds nothing pending (each migration nests as a savepoint).
    with write_transaction(db, "update the database to this version"):
        migrations.apply(db)


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _file_of(db: Database) -> Path:
    """The file behind ``db`` (an in-memory database has none: its name is empty)."""
    rows = db.conn.execute("PRAGMA database_list").fetchall()
    return Path(next((row[2] for row in rows if row[1] == "main"), "") or ":memory:")
