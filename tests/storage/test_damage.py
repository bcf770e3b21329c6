"""Every kind of damage reaches the damaged-file path, with this file's latest good backup
offered and the file left byte for byte as it was: broken schema text, a garbled value, a table
dropped or a column renamed by hand, a garbled index, an empty file beside good backups.

The day's first open (which makes the daily backup) looks at the file thoroughly and finds all
of them; a later open looks quickly and finds all but a text value that is not UTF-8 and an
index entry that no longer matches its row. Those fail the read that meets them, which ends in
the same damaged-file error, and the next open then looks thoroughly."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from careerplanner.paths import backups_dir
from careerplanner.services.edits import AddCheckin, RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage import (
    DamagedDatabaseError,
    explain_failure,
    open_database,
    restore_backup,
)
from careerplanner.storage import backups as backup_module
from careerplanner.storage.checks import examine, thorough_look_asked
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


def _made_yesterday(backup: Path) -> Path:
    """The day's backup renamed as if made yesterday: the next open is then the day's first."""
    day = backup.name.rsplit(".", 2)[-2]
    yesterday = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    earlier = backup.with_name(backup.name.replace(f".{day}.", f".{yesterday}."))
    backup.rename(earlier)
    return earlier


#: Which open a test's damage is met by: the day's first (a thorough look), or a later one.
OPENS = pytest.mark.parametrize("first_of_day", [True, False], ids=["first open", "later open"])


def _opened(path: Path, backup: Path, first_of_day: bool) -> Path:
    """The backup a damaged file offers, once the next open is the day's first or a later one."""
    return _made_yesterday(backup) if first_of_day else backup


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


@OPENS
def test_bytes_that_are_not_text_in_a_tables_layout_are_damage_not_a_decoding_error(
    db_path, first_of_day
):
    backup = _opened(db_path, _with_data(db_path), first_of_day)
    start = db_path.read_bytes().index(b'CREATE TABLE "ratings"')
    # Inside the keyword: SQLite's own message then quotes bytes that are not UTF-8.
    before = _garble(db_path, start + 3)
    message = _assert_damaged_and_kept(db_path, backup, before)
    assert "UnicodeDecodeError" not in message


@OPENS
def test_a_garbled_column_name_in_a_check_is_damage_though_a_read_only_look_misses_it(
    db_path, first_of_day
):
    backup = _opened(db_path, _with_data(db_path), first_of_day)
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


def _change_by_hand(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as other_program:
        other_program.execute(sql)
    other_program.close()


NOT_UTF8_NOTE = "UPDATE ratings SET note = CAST(x'6e6fff7465' AS TEXT) WHERE id = 3"


@OPENS
@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("UPDATE _sqlite_migrations SET applied_at = CAST(x'61ff62' AS TEXT)", "_sqlite_migr"),
        ("UPDATE plans SET plan = '{\"months\": [' ", "1 of the values in plans.plan is garbled"),
        ("UPDATE checkins SET skills = 'python]'", "1 of the values in checkins.skills is garbled"),
        ("DROP TABLE settings", "its table 'settings' is missing"),
        ("ALTER TABLE ratings RENAME COLUMN rated_at TO rated", "'rated_at' of its table"),
        ("ALTER TABLE ratings DROP COLUMN note", "'note' of its table 'ratings'"),
    ],
)
def test_a_garbled_value_or_a_change_made_by_hand_is_damage(db_path, sql, why, first_of_day):
    backup = _opened(db_path, _with_data(db_path), first_of_day)
    _change_by_hand(db_path, sql)
    message = _assert_damaged_and_kept(db_path, backup, db_path.read_bytes())
    assert why in message


def test_a_text_value_that_is_not_utf8_is_damage_at_the_days_first_open(db_path):
    backup = _made_yesterday(_with_data(db_path))
    _change_by_hand(db_path, NOT_UTF8_NOTE)
    message = _assert_damaged_and_kept(db_path, backup, db_path.read_bytes())
    assert "ratings.note" in message


def _read_fails_as_damage(path: Path, backup: Path, read) -> str:
    """``read`` fails with SQLite's error, which is the damaged-file error in one line, the
    backup offered; the next open, the same day, looks thoroughly and refuses the file."""
    try:
        read()
    except sqlite3.DatabaseError as error:
        explained = explain_failure(error, path)
    else:
        pytest.fail("the read met no damage")
    # (Out of the except block the failed read's statement is gone, and its connection closed.)
    assert isinstance(explained, DamagedDatabaseError)
    assert explained.latest_backup == backup
    return _assert_damaged_and_kept(path, backup, path.read_bytes())


def _reading(path: Path, read) -> None:
    """Open ``path`` (a later open the same day: a quick look), ``read`` through a Planner, and
    close it, as a command does."""
    db = open_database(path)
    try:
        read(Planner(db, KB, path))
    finally:
        db.close()


def test_a_text_value_that_is_not_utf8_fails_the_read_that_meets_it_as_damage(db_path):
    backup = _with_data(db_path)
    _change_by_hand(db_path, NOT_UTF8_NOTE)
    # The reads that do not meet the garbled note work, the export that does fails.
    _reading(db_path, lambda workspace: workspace.snapshot())
    message = _read_fails_as_damage(
        db_path, backup, lambda: _reading(db_path, lambda workspace: workspace.export_json())
    )
    assert "a text value in ratings.note is garbled" in message
    # Once the backup is restored, a thorough look finds the file whole: later opens are quick.
    restore_backup(backup, db_path)
    open_database(db_path).close()
    assert not thorough_look_asked(db_path)


def test_a_garbled_entry_in_an_index_is_damage_at_the_days_first_open(db_path):
    backup = _made_yesterday(_with_data(db_path))
    pristine = db_path.read_bytes()
    # "pytorch" is in a row of ratings and of skill_notes, and in the indexes of both tables:
    # each copy, garbled in turn.
    spots = [n for n in range(len(pristine)) if pristine.startswith(b"pytorch", n)]
    assert len(spots) >= 4
    for spot in spots:
        db_path.write_bytes(pristine)
        before = _garble(db_path, spot + 4)
        _assert_damaged_and_kept(db_path, backup, before)


def test_a_check_in_list_garbled_while_the_file_is_open_is_damage_when_read(db_path):
    """The quick look parses every JSON value at open; one that another program garbles while
    the app has the file open fails the read that meets it as damage, not as a traceback."""
    backup = _with_data(db_path)

    def garbled_meanwhile(workspace: Planner) -> None:
        _change_by_hand(db_path, "UPDATE checkins SET skills = 'python]'")
        workspace.checkins(workspace.active_profile().id)

    message = _read_fails_as_damage(db_path, backup, lambda: _reading(db_path, garbled_meanwhile))
    assert "1 of the values in checkins.skills is garbled" in message


def _every_read(workspace: Planner) -> None:
    """What the window and the commands read of a profile, and a rating saved and undone."""
    me = workspace.active_profile()
    workspace.snapshot()
    workspace.notes(me.id)
    workspace.rating_history(me.id)
    workspace.progress()
    workspace.export_json()
    workspace.do(RateSkill(me.id, "pytorch", 3))
    workspace.undo()


def test_a_garbled_entry_in_an_index_at_a_later_open_fails_the_read_that_meets_it(db_path):
    """A later open's quick look does not match indexes against their rows: a read that meets
    the garbled copy fails as damage, and the next open refuses the file; a copy that no read
    meets is found by the next day's first open."""
    backup = _with_data(db_path)
    pristine = db_path.read_bytes()
    spots = [n for n in range(len(pristine)) if pristine.startswith(b"pytorch", n)]
    outcomes = set()
    for spot in spots:
        db_path.write_bytes(pristine)
        assert examine(db_path).state == "ok"  # found whole: no thorough look asked for now
        before = _garble(db_path, spot + 4)
        met = False
        try:
            _reading(db_path, _every_read)
        except sqlite3.DatabaseError:
            met = True
        if met:
            _read_fails_as_damage(db_path, backup, lambda: _reading(db_path, _every_read))
            outcomes.add("met by a read")
            continue
        outcomes.add("not met")
        tomorrow = _made_yesterday(backup)
        db_path.write_bytes(before)  # as it was: undone, the rating left no trace in it
        _assert_damaged_and_kept(db_path, tomorrow, before)
        tomorrow.rename(backup)
    assert outcomes == {"met by a read", "not met"}


@OPENS
@pytest.mark.parametrize("offset", [18, 46, 59], ids=["version", "schema format", "encoding"])
def test_a_garbled_header_is_damage(db_path, offset, first_of_day):
    backup = _opened(db_path, _with_data(db_path), first_of_day)
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
