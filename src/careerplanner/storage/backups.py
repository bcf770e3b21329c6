"""Copies of the database made with SQLite's backup API, kept in ``backups/`` beside it: one
before every schema migration, one a day (the newest seven days kept), and one each time the
window closes (the newest three kept), so the latest backup holds the latest session's work.

Each backup is named after the database's whole file name (``me.db.daily.2026-03-01.db``), so
``me.db`` and ``me.sqlite`` in one folder never share one. Backups from before that, named after
the stem alone (``me.daily.2026-03-01.db``), still count for a database that is the only one
with that stem in its folder. Pruning never deletes the last backup that holds any profile.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

from careerplanner import files
from careerplanner.core.dates import format_date
from careerplanner.paths import backups_dir
from careerplanner.storage.checks import Verdict, connect_read_only, examine, thorough_look_asked

log = logging.getLogger(__name__)

DAILY_KEPT = 7
BEFORE_MIGRATION_KEPT = 5
CLOSING_KEPT = 3

_DAILY = "daily"
_BEFORE = "before"
_CLOSING = "closing"

#: A ``.partial`` file this old is a leftover whatever its process id says (ids are reused):
#: a backup of the largest database takes seconds.
STALE_PARTIAL_SECONDS = 3600

_SQLITE_HEADER = b"SQLite format 3\0"
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def backup_to(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the database behind ``source`` to ``destination`` as one consistent snapshot.

    The copy is written under a temporary name, made durable, and only then renamed into
    place, so a crash half-way never leaves a truncated file that looks like a backup. The
    copy and its folder are readable by their owner alone.
    """
    files.create_private_folder(destination.parent)
    files.make_private(destination.parent, folder=True)
    # Named per process: two instances starting at once must not write into the same file.
    partial = destination.with_name(f"{destination.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        files.create_private_file(partial)  # SQLite then keeps its mode for the copy
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
        files.sync_folder(destination.parent)
    finally:
        partial.unlink(missing_ok=True)  # only left when something above failed
    return destination


def backup_before_migration(source: sqlite3.Connection, db_path: Path, migration: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    destination = _named(db_path, f"{_BEFORE}-{migration}.{stamp}.db")
    backup_to(source, destination)
    _prune(db_path, _BEFORE, BEFORE_MIGRATION_KEPT)
    return destination


def rolling_backup(
    source: sqlite3.Connection, db_path: Path, today: date | None = None
) -> Path | None:
    """Today's automatic backup, unless there is one already; older days beyond the last
    ``DAILY_KEPT`` are deleted, and so are the ``.partial`` files of backups cut short. A
    failure is logged, not raised: the app still opens."""
    remove_stale_partials(db_path)
    if made_today(db_path, today):
        return None
    day = (today or date.today()).isoformat()
    destination = _named(db_path, f"{_DAILY}.{day}.db")
    return _kept_backup(source, db_path, destination, _DAILY, DAILY_KEPT)


def made_today(db_path: Path, today: date | None = None) -> bool:
    """Whether today's rolling backup of ``db_path`` exists."""
    day = (today or date.today()).isoformat()
    return any(_stamp(path) == day for path in _of_kind(db_path, _DAILY))


def thorough_look_due(db_path: Path, today: date | None = None) -> bool:
    """Whether opening ``db_path`` now must look at it thoroughly (``checks``): on the day's first
    open, which makes the daily backup, so that each day's backup is of a file found whole, and
    on the first open after a read met damage; other opens look quickly."""
    return not made_today(db_path, today) or thorough_look_asked(db_path)


def closing_backup(source: sqlite3.Connection, db_path: Path) -> Path | None:
    """A backup of the session just ending (the daily one is taken at open, before any edit).
    A failure is logged, not raised: closing the window must never fail."""
    stamp = datetime.now().strftime("%Y-%m-%dT%H%M%S")
    destination = _named(db_path, f"{_CLOSING}.{stamp}.db")
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
        connection = connect_read_only(path)
        try:
            (profiles,) = connection.execute("SELECT count(*) FROM profiles").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        profiles = None
    held = "" if profiles is None else f", with {profiles} profile{'s' if profiles != 1 else ''}"
    return f"made {format_date(made, '%d %b %Y at %H:%M')}{held}"


def list_backups(db_path: Path) -> list[Path]:
    """Every backup of ``db_path``, newest first: those named after its file name, and those
    named the old way after its stem when no other database in its folder has that stem."""
    found = [path for path, _kind in _backups(db_path)]
    return sorted(found, key=lambda path: path.stat().st_mtime_ns, reverse=True)


def latest_good_backup(db_path: Path) -> Path | None:
    """The backup to offer when ``db_path`` is damaged: the newest that passes the same checks
    as the database itself and holds a profile; else the newest that passes them."""
    fallback = None
    for path in list_backups(db_path):
        verdict = _verdict(path)
        if verdict is not None and verdict.state == "ok":
            if verdict.profiles:
                return path
            fallback = fallback or path
    return fallback


def is_good_copy(path: Path) -> bool:
    """Whether ``path`` is a whole Career Planner database, fit to be restored."""
    verdict = _verdict(path)
    return verdict is not None and verdict.state == "ok"


def holds_data(path: Path, *, thorough: bool = True) -> bool:
    """Whether ``path`` is a good copy with at least one profile in it (a quick look, without
    ``thorough``, reads the file's pages but not every value: see ``checks``)."""
    verdict = _verdict(path, thorough)
    return verdict is not None and verdict.state == "ok" and verdict.profiles > 0


def remove_stale_partials(db_path: Path) -> None:
    """Delete the ``.partial`` files that backups killed half-way left in ``backups/``: those
    whose process is gone, or that are too old to be anyone's work in progress. Another live
    instance's backup in progress is left alone."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return
    now = time.time()
    for path in folder.glob("*.partial"):
        pid = path.name.rsplit(".", 2)[-2]
        try:
            old = now - path.stat().st_mtime > STALE_PARTIAL_SECONDS
            if old or (pid.isdigit() and not _process_alive(int(pid))):
                path.unlink()
        except OSError:
            continue  # gone already, or not ours to delete


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe way to ask on Windows: only the age rule applies there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _verdict(path: Path, thorough: bool = True) -> Verdict | None:
    try:
        return examine(path, thorough=thorough)
    except (OSError, sqlite3.Error):
        return None


def _named(db_path: Path, tail: str) -> Path:
    return backups_dir(db_path) / f"{db_path.name}.{tail}"


def _stem_is_shared(db_path: Path) -> bool:
    """Whether another SQLite file beside ``db_path`` has its stem (``me.db`` and ``me.sqlite``),
    so that a backup named the old way, after the stem, could be either one's."""
    for other in db_path.parent.iterdir():
        # Never open the database's own -wal or -shm (their stem is the database's too): closing
        # any handle on them drops this process's SQLite locks, and another instance could then
        # reset the -shm under a live connection.
        if other.name.startswith(db_path.name) or other.name.endswith(_COMPANION_SUFFIXES):
            continue
        if other.stem != db_path.stem or not other.is_file():
            continue
        try:
            with open(other, "rb") as handle:
                if handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER:
                    return True
        except OSError:
            continue
    return False


def _backups(db_path: Path) -> list[tuple[Path, str]]:
    """Each backup of ``db_path`` with its kind (see ``list_backups``)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    prefixes = [f"{db_path.name}."]
    if db_path.suffix and not _stem_is_shared(db_path):
        prefixes.append(f"{db_path.stem}.")
    found = []
    for path in folder.iterdir():
        for prefix in prefixes:
            kind = _kind(path.name[len(prefix) :]) if path.name.startswith(prefix) else None
            if kind is not None:
                found.append((path, kind))
                break
    return found


def _kind(rest: str) -> str | None:
    """The kind of backup a name is, from what follows the database's name in it."""
    if not rest.endswith(".db"):
        return None
    if rest.startswith(_DAILY + "."):
        return _DAILY
    if rest.startswith(_BEFORE + "-"):
        return _BEFORE
    if rest.startswith(_CLOSING + "."):
        return _CLOSING
    return None


def _of_kind(db_path: Path, kind: str) -> list[Path]:
    return [path for path, found in _backups(db_path) if found == kind]


def _stamp(path: Path) -> str:
    """The date or time in a backup's name, which sorts as the backups were made."""
    return path.name.rsplit(".", 2)[-2]


def _prune(db_path: Path, kind: str, keep: int) -> None:
    # By the date or time in the name: a file's mtime changes when someone copies it around.
    same_kind = sorted(_of_kind(db_path, kind), key=_stamp, reverse=True)
    doomed = same_kind[keep:]
    if not doomed:
        return
    kept = [path for path in list_backups(db_path) if path not in doomed]
    # A quick look will do here (a thorough one of ten years' data at every close would cost
    # about 90 ms): whichever copy is kept is looked at thoroughly before it is offered.
    if not any(holds_data(path, thorough=False) for path in kept):
        # The kept ones are all empty (say, a week of daily copies of a file emptied by a sync
        # tool): the newest one with data in it stays, whatever its age.
        last_with_data = next((path for path in doomed if holds_data(path)), None)
        doomed = [path for path in doomed if path != last_with_data]
    for old in doomed:
        old.unlink(missing_ok=True)
