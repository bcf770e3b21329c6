"""Copies of the database made with SQLite's backup API, kept in ``backups/`` beside it: one
before every schema migration, one a day (the newest seven days kept), and one each time the
window closes (the newest three kept), so the latest backup holds the latest session's work."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

from careerplanner.paths import backups_dir

log = logging.getLogger(__name__)

DAILY_KEPT = 7
BEFORE_MIGRATION_KEPT = 5
CLOSING_KEPT = 3

_DAILY = "daily"
_BEFORE = "before"
_CLOSING = "closing"


def backup_to(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the database behind ``source`` to ``destination`` as one consistent snapshot.

    The copy is written under a temporary name, made durable, and only then renamed into
    place, so a crash half-way never leaves a truncated file that looks like a backup.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    # Named per process: two instances starting at once must not write into the same file.
    partial = destination.with_name(f"{destination.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)  # pages=-1: the whole file in one step, under one read lock
            # A backup is a single self-contained file: no -wal beside it to lose when copied.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)  # only left when something above failed
    return destination


def backup_before_migration(source: sqlite3.Connection, db_path: Path, migration: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    destination = backups_dir(db_path) / f"{db_path.stem}.{_BEFORE}-{migration}.{stamp}.db"
    backup_to(source, destination)
    _prune(db_path, _BEFORE, BEFORE_MIGRATION_KEPT)
    return destination


def rolling_backup(
    source: sqlite3.Connection, db_path: Path, today: date | None = None
) -> Path | None:
    """Today's automatic backup, unless there is one already; older days beyond the last
    ``DAILY_KEPT`` are deleted. A failure is logged, not raised: the app still opens."""
    day = (today or date.today()).isoformat()
    destination = backups_dir(db_path) / f"{db_path.stem}.{_DAILY}.{day}.db"
    if destination.exists():
        return None
    return _kept_backup(source, db_path, destination, _DAILY, DAILY_KEPT)


def closing_backup(source: sqlite3.Connection, db_path: Path) -> Path | None:
    """A backup of the session just ending (the daily one is taken at open, before any edit).
    A failure is logged, not raised: closing the window must never fail."""
    stamp = datetime.now().strftime("%Y-%m-%dT%H%M%S")
    destination = backups_dir(db_path) / f"{db_path.stem}.{_CLOSING}.{stamp}.db"
    return _kept_backup(source, db_path, destination, _CLOSING, CLOSING_KEPT)


def _kept_backup(
    source: sqlite3.Connection, db_path: Path, destination: Path, kind: str, keep: int
) -> Path | None:
    """Write one automatic backup and prune its kind to the newest ``keep``. A failure is
    logged, not raised: opening the app or closing the window must never fail for it."""
    try:
        backup_to(source, destination)
        _prune(db_path, kind, keep)
    except (OSError, sqlite3.Error) as error:
        log.warning("Could not write the %s backup %s: %s", kind, destination, error)
        return None
    return destination


def describe_backup(path: Path) -> str:
    """When a backup was made and what it holds, for a person choosing whether to restore it:
    "made 23 Nov 2026 at 18:02, with 2 profiles"."""
    made = datetime.fromtimestamp(path.stat().st_mtime)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (profiles,) = connection.execute("SELECT count(*) FROM profiles").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        profiles = None
    held = "" if profiles is None else f", with {profiles} profile{'s' if profiles != 1 else ''}"
    return f"made {made:%d %b %Y at %H:%M}{held}"


def list_backups(db_path: Path) -> list[Path]:
    """Every backup of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = [path for path in folder.glob(f"{db_path.stem}.*.db") if _kind(db_path, path)]
    return sorted(found, key=lambda path: path.stat().st_mtime_ns, reverse=True)


def latest_good_backup(db_path: Path) -> Path | None:
    """The newest backup that passes SQLite's check and holds a Career Planner schema."""
    return next((path for path in list_backups(db_path) if is_good_copy(path)), None)


def is_good_copy(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchall()
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return verdict == [("ok",)] and "_sqlite_migrations" in tables


def _kind(db_path: Path, backup: Path) -> str | None:
    middle = backup.name[len(db_path.stem) + 1 :]
    if middle.startswith(_DAILY + "."):
        return _DAILY
    if middle.startswith(_BEFORE + "-"):
        return _BEFORE
    if middle.startswith(_CLOSING + "."):
        return _CLOSING
    return None


def _prune(db_path: Path, kind: str, keep: int) -> None:
    same_kind = [path for path in list_backups(db_path) if _kind(db_path, path) == kind]
    # By the date or time in the name: a file's mtime changes when someone copies it around.
    same_kind.sort(key=lambda path: path.name.rsplit(".", 2)[-2], reverse=True)
    for old in same_kind[keep:]:
        old.unlink(missing_ok=True)
