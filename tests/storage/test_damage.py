"""Every kind of damage reaches the damaged-file path, with this file's latest good backup
offered and the file left byte for byte as it was: broken schema text, a garbled value, a table
dropped or a column renamed by hand, a garbled index, an empty file beside good backups."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from careerplanner.paths import backups_dir
from careerplanner.services.edits import AddCheckin, RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage import DamagedDatabaseError, open_database
from careerplanner.storage import backups as backup_module
from tests.storage_fixtures import add_plan_snapshot, make_profile, small_knowledge_base

KB = small_knowledge_base()


def _with_data(path: Path) -> Path:
    """A database with a profile, ratings, a plan and check-ins, and a backup of all of it (the
    day's backup is the one a damaged file offers)."""
    db = open_database(path)
    workspace = Planner(db, KB, path)
    me = make_profile(workspace, "me", "software-engineer", "ml-engineer", 10)
    for n in range(5):
        workspace.do(RateSkill(me.id, "kubernetes", n % 5, note=f"evidence number {n}"))
    workspace.do(RateSkill(me.id, "pytorch", 2, note="one rating of this skill"))
    add_plan_snapshot(db, me.id, {"hours_per_week": 10}, {"months": [{"index": 1}]})
    workspace.do(AddCheckin(me.id, date(2026, 1, 5), 2, "studied", ["python"]))
    workspace.close()
    shutil.rmtree(backups_dir(path))  # the first open backed up the empty file
    open_database(path).close()
    (backup,) = backup_module.list_backups(path)
    return backup


def _garble(path: Path, offset: int, count: int = 2) -> bytes:
    data = bytearray(path.read_bytes())
    data[offset : offset + count] = b"\xff\xfe"[:count] * (count // 2 or 1)
    path.write_bytes(bytes(data))
    return bytes(data)


def _assert_damaged_and_kept(path: Path, backup: Path, before: bytes) -> str:
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(path)
    assert raised.value.latest_backup == backup
    assert path.read_bytes() == before, "the damaged file must be left exactly as it was"
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]
    assert leftovers == [], "the check must leave no -wal or -shm beside a refused file"
    message = str(raised.value)
    assert "\n" not in message and f"The database {path} is damaged" in message
    assert f"The latest good backup is {backup}" in message
    return message


def _works_fully(path: Path) -> None:
    """Everything the app does with a file: open, read all of it, make edits, reopen."""
    db = open_database(path)
    workspace = Planner(db, KB)
    workspace.export_json()
    me = workspace.active_profile()
    workspace.do(RateSkill(me.id, "python", 3, note="after"))
    workspace.do(AddCheckin(me.id, date(2026, 1, 6), 1, "again", ["sql"]))
    workspace.levels_over_time(me.id)
    db.close()
    open_database(path).close()


def test_bytes_that_are_not_text_in_a_tables_layout_are_damage_not_a_decoding_error(db_path):
    backup = _with_data(db_path)
    start = db_path.read_bytes().index(b'CREATE TABLE "ratings"')
    # Inside the keyword: SQLite's own message then quotes bytes that are not UTF-8.
    before = _garble(db_path, start + 3)
    message = _assert_damaged_and_kept(db_path, backup, before)
    assert "UnicodeDecodeError" not in message


def test_a_garbled_column_name_in_a_check_is_damage_though_a_read_only_look_misses_it(db_path):
    backup = _with_data(db_path)
    data = db_path.read_bytes()
    start = data.index(b'CREATE TABLE "ratings"')
    check = data.index(b"CHECK (level", start)
    before = _garble(db_path, check + len("CHECK (l"))
    _assert_damaged_and_kept(db_path, backup, before)


@pytest.mark.slow
def test_every_garbled_spot_in_the_layout_is_damage_or_harmless(db_path):
    """Two bytes overwritten at spots all over the tables' CREATE statements: each open either
    refuses the file with its backup offered, or the file works for everything (a comment)."""
    backup = _with_data(db_path)
    pristine = db_path.read_bytes()
    start = pristine.index(b"CREATE TABLE")
    end = pristine.index(b"CREATE INDEX ratings_by_time")
    outcomes = set()
    for offset in range(start, end, 113):
        db_path.write_bytes(pristine)
        before = _garble(db_path, offset)
        try:
            _works_fully(db_path)
            outcomes.add("works")
        except DamagedDatabaseError as error:
            assert error.latest_backup == backup
            assert db_path.read_bytes() == before
            outcomes.add("damaged")
    assert outcomes == {"works", "damaged"}


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("UPDATE _sqlite_migrations SET applied_at = CAST(x'61ff62' AS TEXT)", "_sqlite_migr"),
        ("UPDATE ratings SET note = CAST(x'6e6fff7465' AS TEXT) WHERE id = 3", "ratings.note"),
        ("UPDATE plans SET plan = '{\"months\": [' ", "1 of the values in plans.plan is garbled"),
        ("UPDATE checkins SET skills = 'python]'", "1 of the values in checkins.skills is garbled"),
        ("DROP TABLE settings", "its table 'settings' is missing"),
        ("ALTER TABLE ratings RENAME COLUMN rated_at TO rated", "'rated_at' of its table"),
        ("ALTER TABLE ratings DROP COLUMN note", "'note' of its table 'ratings'"),
    ],
)
def test_a_garbled_value_or_a_change_made_by_hand_is_damage(db_path, sql, why):
    backup = _with_data(db_path)
    with sqlite3.connect(db_path) as other_program:
        other_program.execute(sql)
    other_program.close()
    message = _assert_damaged_and_kept(db_path, backup, db_path.read_bytes())
    assert why in message


def test_a_garbled_entry_in_an_index_is_damage(db_path):
    backup = _with_data(db_path)
    pristine = db_path.read_bytes()
    # "pytorch" is in a row of ratings and of skill_notes, and in the indexes of both tables:
    # each copy, garbled in turn.
    spots = [n for n in range(len(pristine)) if pristine.startswith(b"pytorch", n)]
    assert len(spots) >= 4
    for spot in spots:
        db_path.write_bytes(pristine)
        before = _garble(db_path, spot + 4)
        _assert_damaged_and_kept(db_path, backup, before)


@pytest.mark.parametrize("offset", [18, 46, 59], ids=["version", "schema format", "encoding"])
def test_a_garbled_header_is_damage(db_path, offset):
    backup = _with_data(db_path)
    before = _garble(db_path, offset)
    _assert_damaged_and_kept(db_path, backup, before)


def test_an_empty_file_beside_backups_with_data_is_damaged_not_a_new_database(db_path):
    backup = _with_data(db_path)
    db_path.write_bytes(b"")  # what a crash or a sync tool can leave
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(db_path)
    assert raised.value.latest_backup == backup
    assert "it is empty, but its backups hold data" in str(raised.value)
    assert db_path.read_bytes() == b""
    assert backup_module.list_backups(db_path) == [backup], "no backup of the empty file"


def test_an_empty_file_with_no_backups_is_a_new_database(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    db = open_database(db_path)
    assert Planner(db, KB).profiles() == []
    db.close()


def test_the_backup_offered_holds_data_even_when_newer_ones_are_empty(db_path):
    backup = _with_data(db_path)
    empty_source = sqlite3.connect(":memory:")
    for day in range(1, 4):  # newer backups that hold nothing (made of an emptied file)
        later = backups_dir(db_path) / f"{db_path.name}.daily.2099-01-0{day}.db"
        backup_module.backup_to(empty_source, later)
    empty_source.close()
    db_path.write_bytes(b"not a database at all " * 200)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(db_path)
    assert raised.value.latest_backup == backup
