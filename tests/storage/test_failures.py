"""When the file cannot be used, the message says why in words a person can act on: another
program holds it, the disk is full, it is read-only. SQLite's own words never reach the user."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from careerplanner.errors import CareerPlannerError
from careerplanner.storage import (
    DamagedDatabaseError,
    StorageError,
    database,
    explain_failure,
    open_database,
)
from careerplanner.storage import checks as checks_module
from careerplanner.storage.stores import ProfileStore, RatingStore


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Give up on a lock after a tenth of a second instead of ten."""
    monkeypatch.setattr(checks_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)


def test_a_file_another_program_keeps_locked_says_so_and_what_to_do(db_path, short_busy_timeout):
    open_database(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")  # as some database browsers do
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as raised:
            open_database(db_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(raised.value) == (
        f"Could not open the database: another program is using {db_path} and has kept it "
        "locked for over 100 ms. Close that program, or wait until it has finished, and try "
        "again; nothing was changed."
    )


def test_a_read_that_fails_after_opening_is_explained_not_a_traceback(db_path):
    damage = sqlite3.DatabaseError("database disk image is malformed")
    damage.sqlite_errorcode = 11  # SQLITE_CORRUPT, as SQLite sets it
    explained = explain_failure(damage, db_path)
    assert isinstance(explained, DamagedDatabaseError)
    assert str(explained).startswith(f"The database {db_path} is damaged")
    assert explain_failure(ValueError("a bug"), db_path) is None


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB disk of its own (a tmpfs), where root may mount one; skipped elsewhere."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if sys.platform != "linux" or not shutil.which("mount"):
        pytest.skip("needs Linux mount")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small disk needs root")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_full_disk_says_the_disk_is_full_and_keeps_what_was_saved(small_disk):
    db_path = small_disk / "careerplanner.db"
    db = open_database(db_path)
    profile = ProfileStore(db).add("me", "student", "ml-engineer", 5, date(2026, 1, 1))
    RatingStore(db).add(profile, "python", 2, note="saved before the disk filled up")
    filler = small_disk / "filler"
    # Unbuffered: a write cut short leaves nothing behind for close() to fail on.
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass  # the disk is full now
    with pytest.raises(CareerPlannerError) as raised:
        for n in range(200):  # a page or two may still fit: keep writing until one does not
            RatingStore(db).add(profile, "sql", n % 5, note="x" * 3000)
    assert str(raised.value) == (
        f"Could not save the change: the disk holding {db_path} is full. Free some space and "
        "try again; nothing was changed."
    )
    db.close()
    filler.unlink()
    db = open_database(db_path)
    assert RatingStore(db).latest_levels(profile)["python"] == 2
    db.close()


def test_a_folder_in_the_way_of_the_database_is_one_clear_line(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageError) as raised:
        open_database(blocker / "careerplanner.db")
    assert str(raised.value).startswith(f"Could not open the database ({blocker}")
    assert "\n" not in str(raised.value)


def test_the_damaged_file_path_names_the_right_file(tmp_path: Path):
    path = tmp_path / "me.db"
    path.write_bytes(b"garbage " * 1000)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(path)
    assert raised.value.path == path
