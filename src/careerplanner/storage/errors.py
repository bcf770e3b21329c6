"""What can go wrong with the database file, as errors a person can act on: damaged (with the
backup to restore), from a newer version, another program's, or a failure to open or save it,
which ``explain`` turns from SQLite's words ("disk I/O error", "database is locked") into what
happened and what to do."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from careerplanner.errors import CareerPlannerError
from careerplanner.storage import backups, checks
from careerplanner.storage.checks import is_damage

# SQLite's primary result codes, as far as they need words of their own.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14

#: Below this much free space, a failed write is taken to be a full disk.
_NEARLY_FULL_BYTES = 4 * 1024 * 1024


class DamagedDatabaseError(CareerPlannerError):
    """The file fails the checks SQLite and the app make, or is not a database at all. It was
    not touched. ``latest_backup`` is the backup of this very file to offer, if any."""

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


def damaged(path: Path, detail: str) -> DamagedDatabaseError:
    """The damaged-file error for ``path``, offering the latest good backup of that file. The
    file's next open looks at it thoroughly, whatever met the damage."""
    checks.ask_for_thorough_look(path)
    return DamagedDatabaseError(path, backups.latest_good_backup(path), detail)


def read_only_error(path: Path, action: str) -> StorageError:
    """Saying that ``path`` cannot be written, and what still works."""
    return StorageError(
        f"Could not {action}: {path} is read-only (the file, its folder or its disk cannot be "
        f"written). Make it writable, or copy it to a folder you can write to; commands that "
        f"only read it, such as export, work as it is."
    )


def explain(
    error: sqlite3.Error | OSError, path: Path, action: str, waited_ms: int | None = None
) -> CareerPlannerError:
    """What SQLite's (or the system's) ``error`` while trying to ``action`` ("open the
    database", "save the change") means for the user, as one line that says what to do.
    ``waited_ms``: how long SQLite waited for a lock before giving up (the usual timeout if
    not given)."""
    if isinstance(error, sqlite3.Error) and is_damage(error):
        return damaged(path, str(error))
    code = _code(error)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        waited_ms = checks.BUSY_TIMEOUT_MS if waited_ms is None else waited_ms
        waited = f"{waited_ms / 1000:g} seconds" if waited_ms >= 1000 else f"{waited_ms} ms"
        return StorageError(
            f"Could not {action}: another program is using {path} and has kept it locked for "
            f"over {waited}. Close that program, or wait until it has finished, and "
            f"try again; nothing was changed."
        )
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or (
        code == _SQLITE_CANTOPEN and not _can_write(path)
    ):
        return read_only_error(path, action)
    if code == _SQLITE_FULL or (code == _SQLITE_IOERR and _nearly_full(path)):
        return StorageError(
            f"Could not {action}: the disk holding {path} is full. Free some space and try "
            f"again; nothing was changed."
        )
    if code == _SQLITE_IOERR:
        return StorageError(
            f"Could not {action}: the disk failed while using {path} ({error}). Check the "
            f"disk, then try again; what was saved before is safe."
        )
    if code == _SQLITE_CANTOPEN:
        return StorageError(
            f"Could not {action}: {path} cannot be opened; check that its folder exists and "
            f"that you may read and write there."
        )
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return StorageError(f"Could not {action} ({path}): {reason}")


def explain_failure(error: BaseException, path: Path) -> CareerPlannerError | None:
    """``explain`` for an SQLite error that escaped while the database at ``path`` was being
    read; None for any other exception (a bug, to be reported as one)."""
    if isinstance(error, sqlite3.Error):
        return explain(error, path, "read the database")
    return None


def _code(error: sqlite3.Error | OSError) -> int:
    if isinstance(error, OSError):
        return {
            errno.ENOSPC: _SQLITE_FULL,
            errno.EROFS: _SQLITE_READONLY,
            errno.EACCES: _SQLITE_PERM,
            errno.EPERM: _SQLITE_PERM,
        }.get(error.errno or 0, 0)
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def _can_write(path: Path) -> bool:
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL_BYTES
    except OSError:
        return False
