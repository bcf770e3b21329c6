"""Backups belong to one database file: named after its whole file name, offered only for it,
with backups named the old way still found where they can only be its own; pruning keeps the
last backup with data in it; leftovers of backups cut short are cleaned up."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from careerplanner.paths import backups_dir
from careerplanner.services.planner import Planner
from careerplanner.storage import DamagedDatabaseError, open_database
from careerplanner.storage import backups as backup_module
from tests.storage_fixtures import small_knowledge_base

FIXTURES = Path(__file__).parent / "fixtures"
KB = small_knowledge_base()


def _database_with_profile(path: Path, name: str) -> None:
    workspace = Planner(open_database(path), KB, path)
    workspace.create_profile(name, "student", "ml-engineer", 5)
    workspace.close()
    for backup in backup_module.list_backups(path):
        backup.unlink()  # the first open backed up the empty file: start the day again
    open_database(path).close()


def _profiles_in(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM profiles")]
    finally:
        connection.close()


def _damage(path: Path) -> None:
    path.write_bytes(b"this is no longer a database " * 300)


def test_two_databases_with_one_stem_each_keep_and_are_offered_their_own_backups(tmp_path):
    first, second = tmp_path / "me.db", tmp_path / "me.sqlite"
    _database_with_profile(first, "from me.db")
    _database_with_profile(second, "from me.sqlite")

    assert {p.name.split(".daily.")[0] for p in backup_module.list_backups(first)} == {"me.db"}
    assert {p.name.split(".daily.")[0] for p in backup_module.list_backups(second)} == {"me.sqlite"}
    _damage(second)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(second)
    assert _profiles_in(raised.value.latest_backup) == ["from me.sqlite"]


def test_a_database_without_backups_is_never_offered_another_files(tmp_path):
    first, second = tmp_path / "me.db", tmp_path / "me.sqlite"
    _database_with_profile(first, "from me.db")
    _database_with_profile(second, "from me.sqlite")
    for backup in backup_module.list_backups(second):
        backup.unlink()
    _damage(second)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(second)
    assert raised.value.latest_backup is None
    assert "No good backup was found" in str(raised.value)


def _old_style_backups(folder: Path) -> list[Path]:
    """The fixture's backup names, each a real database from the first release (one profile,
    migrations still to apply), made in the order they are listed."""
    names = [
        line
        for line in (FIXTURES / "old_backup_names.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    dump = (FIXTURES / "first_release.sql").read_text()
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name in names:
        path = folder / name
        connection = sqlite3.connect(path)
        connection.executescript(dump)
        connection.close()
        made.append(path)
    for age, path in enumerate(reversed(made)):  # the newest name is the newest file
        moment = time.time() - 3600 * (age + 1)
        os.utime(path, (moment, moment))
    return made


def test_backups_named_the_old_way_are_found_and_offered(tmp_path):
    db_path = tmp_path / "careerplanner.db"
    made = _old_style_backups(backups_dir(db_path))
    _damage(db_path)

    assert sorted(backup_module.list_backups(db_path)) == sorted(made)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(db_path)
    assert raised.value.latest_backup == made[-1]
    assert raised.value.latest_backup.name == "careerplanner.closing.2026-02-28T181500.db"
    assert _profiles_in(raised.value.latest_backup) == ["me now", "what if ML"]


def test_old_style_backups_are_not_offered_when_another_database_has_the_same_stem(tmp_path):
    db_path = tmp_path / "careerplanner.db"
    _old_style_backups(backups_dir(db_path))
    _database_with_profile(tmp_path / "careerplanner.sqlite", "the other file")
    _damage(db_path)
    assert backup_module.list_backups(db_path) == []
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(db_path)
    assert raised.value.latest_backup is None


def test_old_style_backups_count_towards_the_seven_days_kept(tmp_path):
    db_path = tmp_path / "careerplanner.db"
    _old_style_backups(backups_dir(db_path))
    db = open_database(db_path)  # today's backup, the new way
    for day in range(1, 6):
        backup_module.rolling_backup(db.conn, db_path, date(2026, 3, day))
    db.close()
    daily = [p.name for p in backup_module.list_backups(db_path) if ".daily." in p.name]
    assert len(daily) == backup_module.DAILY_KEPT
    assert "careerplanner.daily.2026-02-28.db" in daily
    assert "careerplanner.daily.2026-02-27.db" not in daily, "the oldest day goes, old name or new"


def test_a_week_of_backups_of_an_emptied_file_never_prunes_the_last_one_with_data(db_path):
    db = open_database(db_path)
    Planner(db, KB).create_profile("me", "student", "ml-engineer", 5)
    kept = backup_module.rolling_backup(db.conn, db_path, date(2099, 1, 1))
    db.close()
    emptied = open_database(None)  # what each day's backup copies from now on
    for day in range(2, 13):
        backup_module.rolling_backup(emptied.conn, db_path, date(2099, 1, day))
    emptied.close()

    daily = sorted(p.name for p in backups_dir(db_path).glob("*.daily.2099-*"))
    assert daily[0] == kept.name
    assert daily[1:] == [f"careerplanner.db.daily.2099-01-{day:02d}.db" for day in range(6, 13)]
    assert backup_module.latest_good_backup(db_path) == kept


def test_leftovers_of_backups_cut_short_are_removed_but_not_a_live_ones(db_path):
    open_database(db_path).close()
    folder = backups_dir(db_path)
    finished = subprocess.run([sys.executable, "-c", "pass"], check=True)
    del finished
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        of_dead = folder / f"careerplanner.db.daily.2099-01-01.db.{gone.pid}.partial"
        of_live = folder / f"careerplanner.db.daily.2099-01-02.db.{live.pid}.partial"
        too_old = folder / f"careerplanner.db.closing.2099-01-02T1010.db.{live.pid}.partial"
        for partial in (of_dead, of_live, too_old):
            partial.write_bytes(b"half a backup")
        hours_ago = datetime.now().timestamp() - 2 * 3600
        os.utime(too_old, (hours_ago, hours_ago))

        open_database(db_path).close()

        assert not of_dead.exists() and not too_old.exists()
        assert of_live.exists(), "another live instance's backup in progress is left alone"
    finally:
        live.kill()
        live.wait()
