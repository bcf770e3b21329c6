"""Opening a database: set-up, refusal of damaged, newer and foreign files, backups, restore."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from careerplanner.errors import CareerPlannerError
from careerplanner.paths import backups_dir
from careerplanner.storage import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotADatabaseOfOursError,
    StorageError,
    migrations,
    open_database,
    restore_backup,
)
from careerplanner.storage import backups as backup_module
from careerplanner.storage.stores import ProfileStore, RatingStore


def _make_db_with_data(path, ratings=200):
    db = open_database(path)
    profile = ProfileStore(db).add("me", "software-engineer", "ml-engineer", 10, date(2026, 1, 1))
    for i in range(ratings):
        RatingStore(db).add(profile, f"skill-{i % 40}", i % 5, note="x" * 200)
    db.close()
    # The first open backed up the empty file; start the day again so the backup has the data.
    shutil.rmtree(backups_dir(path))
    open_database(path).close()
    return profile


def test_a_new_file_is_in_wal_mode_with_a_busy_timeout_and_foreign_keys(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        RatingStore(db).add(999, "python", 2)  # no such profile
    db.close()


def test_the_in_memory_database_has_the_whole_schema(fresh_db):
    assert migrations.pending_names(fresh_db) == []
    assert {"profiles", "ratings", "plans", "plan_items", "checkins", "settings"} <= set(
        fresh_db.table_names()
    )


def test_data_survives_closing_and_reopening(db_path):
    _make_db_with_data(db_path, ratings=3)
    db = open_database(db_path)
    assert [p.name for p in ProfileStore(db).all()] == ["me"]
    db.close()


def test_garbage_over_part_of_the_file_is_refused_and_the_file_kept(db_path):
    _make_db_with_data(db_path)
    data = bytearray(db_path.read_bytes())
    assert len(data) > 8 * 4096
    data[2 * 4096 : 4 * 4096] = bytes(range(256)) * 32
    db_path.write_bytes(bytes(data))

    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(db_path)

    assert db_path.read_bytes() == bytes(data)
    message = str(raised.value)
    assert str(db_path) in message and "damaged" in message and "\n" not in message
    backup = raised.value.latest_backup
    assert backup is not None and backup.parent == backups_dir(db_path)
    assert str(backup) in message


def test_a_file_that_is_not_a_database_is_refused_and_kept(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text("these are my notes, not a database\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(db_path)
    assert raised.value.latest_backup is None
    assert "No good backup" in str(raised.value)
    assert db_path.read_bytes() == before


def test_the_latest_good_backup_skips_damaged_backups(db_path):
    _make_db_with_data(db_path, ratings=3)
    good = backups_dir(db_path) / "careerplanner.db.daily.2026-01-01.db"
    (backups_dir(db_path) / f"careerplanner.db.daily.{date.today()}.db").rename(good)
    broken = backups_dir(db_path) / "careerplanner.db.daily.2026-01-02.db"
    broken.write_bytes(b"not a database")
    assert backup_module.latest_good_backup(db_path) == good


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(db_path):
    _make_db_with_data(db_path, ratings=3)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('careerplanner', 'm999_from_the_future', '2030-01-01')"
        )
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(NewerDatabaseError) as raised:
        open_database(db_path)

    assert db_path.read_bytes() == before
    assert str(db_path) in str(raised.value) and "newer version" in str(raised.value)
    assert raised.value.unknown == ["m999_from_the_future"]


def test_another_programs_database_is_refused_and_left_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NotADatabaseOfOursError):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_restoring_a_backup_keeps_the_damaged_file_aside(db_path):
    _make_db_with_data(db_path, ratings=3)
    backup = backup_module.latest_good_backup(db_path)
    db_path.write_bytes(b"\0" * 8192)
    (db_path.parent / (db_path.name + "-wal")).write_bytes(b"old wal")

    aside = restore_backup(backup, db_path)

    assert aside.read_bytes() == b"\0" * 8192
    assert (aside.parent / (aside.name + "-wal")).read_bytes() == b"old wal"
    assert not (db_path.parent / (db_path.name + "-wal")).exists()
    db = open_database(db_path)
    assert [p.name for p in ProfileStore(db).all()] == ["me"]
    db.close()


def test_restoring_a_damaged_backup_is_refused(db_path, tmp_path):
    _make_db_with_data(db_path, ratings=3)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"junk" * 100)
    before = db_path.read_bytes()
    with pytest.raises(CareerPlannerError, match="damaged too"):
        restore_backup(bad, db_path)
    assert db_path.read_bytes() == before


def test_pending_migrations_are_applied_after_a_backup(db_path):
    db_path.parent.mkdir(parents=True)
    from careerplanner.storage.connection import Database

    old = Database(db_path)
    migrations.apply(old, stop_before="m003_create_skill_notes")
    old.execute(
        "INSERT INTO profiles (name, background, target, hours_per_week, start_month, created) "
        "VALUES ('me', 'student', 'ml-engineer', 8.0, '2025-09', '2025-09-01T10:00:00+00:00')"
    )
    old.close()

    db = open_database(db_path)

    assert migrations.pending_names(db) == []
    saved = [p for p in backup_module.list_backups(db_path) if ".before-" in p.name]
    assert len(saved) == 1 and "m003_create_skill_notes" in saved[0].name
    copy = sqlite3.connect(saved[0])
    assert copy.execute("SELECT name FROM profiles").fetchall() == [("me",)]
    assert "skill_notes" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()
    db.close()


def test_daily_backups_keep_only_the_last_seven_days(db_path):
    db = open_database(db_path)
    for day in range(1, 11):
        backup_module.rolling_backup(db.conn, db_path, date(2099, 3, day))
    assert backup_module.rolling_backup(db.conn, db_path, date(2099, 3, 10)) is None
    db.close()
    daily = sorted(p.name for p in backups_dir(db_path).glob("*.daily.*.db"))
    assert daily == [f"careerplanner.db.daily.2099-03-{day:02d}.db" for day in range(4, 11)]


def test_no_backup_is_taken_of_a_brand_new_file_before_migrating(db_path):
    open_database(db_path).close()
    assert not [p for p in backup_module.list_backups(db_path) if ".before-" in p.name]


def test_a_write_blocked_past_the_busy_timeout_is_a_clear_error_and_writes_nothing(db_path):
    db = open_database(db_path)
    profile = ProfileStore(db).add("me", "student", "ml-engineer", 5, date(2026, 1, 1))
    db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another instance in the middle of a long write
    try:
        with pytest.raises(StorageError) as raised:
            RatingStore(db).add(profile, "python", 3)
        assert str(raised.value).startswith(
            f"Could not save the change: another program is using {db_path} and has kept it "
            "locked for over 50 ms. Close that program, or wait until it has finished"
        )
        assert not db.conn.in_transaction
    finally:
        other.execute("ROLLBACK")
        other.close()
    RatingStore(db).add(profile, "python", 3)  # and the next edit goes through
    assert RatingStore(db).latest_levels(profile) == {"python": 3}
    db.close()


def test_a_database_path_that_cannot_exist_is_a_clear_error(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageError, match=r"Could not open the database .*notes\.txt"):
        open_database(blocker / "careerplanner.db")
