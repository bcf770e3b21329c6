"""A read-only look at a database file before the app writes a byte of it: is it ours, from this
version or an older one, whole, and does it hold data? Every kind of damage SQLite or Python can
meet in it (a broken page, schema text that is not UTF-8, a table dropped or a column renamed by
hand, a garbled value) ends in the one verdict ``damaged``, with a short reason.

Two looks, by how much of the file they read:

- **thorough** (every backup before it is offered or counted, the day's first open, which makes
  the daily backup, and the open after a read met damage): SQLite's ``integrity_check``, which
  also matches every index entry against its row, and every text value read as UTF-8, on top
  of the quick look. It reads every row: about 90 ms for ten years of daily use.
- **quick** (every other open): SQLite's ``quick_check`` (every page, every record's format,
  NOT NULL and CHECK constraints), the layout, the shape of every table and every JSON value:
  about 15 ms for the same file.

What the quick look leaves out is found by the read that meets it: an index entry that no longer
matches its row, or a text value that is not UTF-8, fails that read with SQLite's own error,
which ``errors.explain`` turns into the damaged-file message (``damaged``), and the next open
then looks thoroughly (``ask_for_thorough_look``), so the window offers the latest good backup.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from careerplanner import files
from careerplanner.paths import backups_dir
from careerplanner.storage.connection import Database
from careerplanner.storage.migrations import (
    JSON_COLUMNS,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    known_names,
    run_first,
)

State = Literal["empty", "new", "ok", "damaged", "newer", "foreign"]

#: How long a look waits for another instance's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000

# SQLite's primary result codes that mean "the bytes are wrong", as opposed to locked or missing.
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26

#: The columns of the record of migrations that the app and sqlite-utils read.
_MIGRATION_COLUMNS = frozenset({"migration_set", "name", "applied_at"})


@dataclass(frozen=True)
class Verdict:
    """What a look at a file found. ``empty``: zero bytes; ``new``: no tables of anyone's yet;
    ``ok``: ours and whole (``pending`` migrations to apply, ``profiles`` it holds)."""

    state: State
    detail: str = ""  # damaged: what is wrong, for the message
    unknown: tuple[str, ...] = ()  # newer: migrations this version does not know
    pending: bool = False
    profiles: int = 0


@dataclass(frozen=True)
class Shape:
    """What a table must have: its columns (name, declared type, NOT NULL, place in the
    primary key) and the columns its foreign keys point at (table, from, to)."""

    columns: frozenset[tuple[str, str, int, int]]
    foreign_keys: frozenset[tuple[str, str, str]]


class GarbledValue(sqlite3.DatabaseError):
    """A stored value that a store cannot read (a JSON list that does not parse), met by a read
    after a quick look at open: damage, reported as SQLite's own is (``is_damage``)."""

    sqlite_errorcode = SQLITE_CORRUPT


class _Damage(Exception):
    """Raised inside ``examine`` to end the look with a ``damaged`` verdict."""


def examine(path: Path, *, thorough: bool = True) -> Verdict:
    """Look at the file at ``path`` without changing it, and without leaving ``-wal`` or
    ``-shm`` files beside one that is refused: thoroughly, or quickly (see the module's
    docstring). A thorough look that finds the file whole ends a request for one
    (``ask_for_thorough_look``). Raises ``sqlite3.Error`` only for what is not damage (locked by
    another program, unreadable, on a failing disk)."""
    wal, shm = _companions(path)
    if path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        return Verdict("empty")
    created = [companion for companion in (wal, shm) if not companion.exists()]
    verdict = Verdict("new")
    try:
        connection = connect_read_only(path)
        try:
            verdict = _look(connection, thorough)
        finally:
            connection.close()
    except _Damage as damage:
        verdict = Verdict("damaged", str(damage))
    except UnicodeError:  # SQLite's own message about the file quoted bytes that are not text
        verdict = Verdict("damaged", "its layout holds bytes that are not text")
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        verdict = Verdict("damaged", str(error))
    finally:
        if verdict.state in ("damaged", "newer", "foreign"):
            _remove_created(created, wal)
    if thorough and verdict.state == "ok":
        _forget_request(path)
    return verdict


def ask_for_thorough_look(path: Path) -> None:
    """Have the next open of ``path`` look at it thoroughly: a read met damage that a quick look
    may not see (an index entry that no longer matches its row). Nothing is written where there
    are no backups yet (the next open is then thorough anyway) or where nothing can be."""
    request = _request_of(path)
    if path.name == ":memory:" or not request.parent.is_dir():
        return
    # A read-only folder: that file's opens make no daily backup, so all of them are thorough.
    with contextlib.suppress(OSError):
        files.create_private_file(request)


def thorough_look_asked(path: Path) -> bool:
    """Whether a read of ``path`` met damage since its last thorough look found it whole."""
    return _request_of(path).exists()


def _request_of(path: Path) -> Path:
    return backups_dir(path) / f"{path.name}.look-thoroughly"


def _forget_request(path: Path) -> None:
    # A read-only folder: the next open looks thoroughly once more, which is safe.
    with contextlib.suppress(OSError):
        _request_of(path).unlink(missing_ok=True)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path``. In a folder the app cannot write, where
    SQLite could not make the ``-shm`` file a WAL reader needs, and so no other program can be
    writing in WAL mode either, the file is read as unchanging (``immutable``)."""
    wal, _shm = _companions(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not wal.exists() and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    connection = sqlite3.connect(uri, uri=True)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file's bytes are wrong (not locked, missing or full)."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    # Python's word for a value that is not UTF-8, and SQLite's for a garbled format number in
    # the file's header (a generic error otherwise). Qt's binding puts words of its own before
    # the message of an error raised inside an event handler.
    message = str(error)
    return "Could not decode to UTF-8" in message or message.endswith("unsupported file format")


def _look(connection: sqlite3.Connection, thorough: bool) -> Verdict:
    # Schema text and SQLite's verdict may hold any bytes in a damaged file: they are read
    # leniently; the values, below, strictly, since a value that is not UTF-8 is damage.
    connection.text_factory = _lenient
    # integrity_check also finds an index that no longer matches its table (a garbled name
    # inside one), which would fail later reads; it costs about 50 ms more than quick_check
    # for ten years of daily use, a few for a year's.
    pragma = "integrity_check" if thorough else "quick_check"
    verdict = [row[0] for row in connection.execute(f"PRAGMA {pragma}(5)")]
    if verdict != ["ok"]:
        raise _Damage(verdict[0])
    tables = _check_layout(connection)
    if MIGRATIONS_TABLE not in tables:
        return Verdict("foreign" if tables else "new")
    _check_columns(connection, MIGRATIONS_TABLE, _MIGRATION_COLUMNS)
    _check_values(connection, MIGRATIONS_TABLE, text=True)
    applied = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
            [MIGRATION_SET],
        )
    ]
    known = known_names()
    unknown = tuple(sorted(set(applied) - set(known)))
    if unknown:
        return Verdict("newer", unknown=unknown)
    if not applied:
        return Verdict("foreign" if tables - {MIGRATIONS_TABLE} else "new")
    done = next((n for n, name in enumerate(known) if name not in applied), len(known))
    expected = schema_after(done)
    for table, shape in sorted(expected.items()):
        if table not in tables:
            raise _Damage(f"its table {table!r} is missing")
        _check_shape(connection, table, shape)
        _check_values(connection, table, text=thorough)
    (profiles,) = connection.execute("SELECT count(*) FROM profiles").fetchone()
    return Verdict("ok", pending=done < len(known), profiles=profiles)


def _check_layout(connection: sqlite3.Connection) -> set[str]:
    """The names of the file's tables, once its layout (the ``CREATE`` statements SQLite keeps)
    parses. A read-only connection overlooks some errors there (a garbled column name in a
    CHECK), which a connection that writes then stumbles on: each statement is run on an empty
    database in memory to find them first. (Garbled names show up as missing tables below.)"""
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
        "'sqlite_%' ORDER BY type = 'table' DESC"
    ).fetchall()
    scratch = sqlite3.connect(":memory:")
    try:
        for _kind, name, sql in rows:
            try:
                scratch.execute(sql)
            except sqlite3.Error as error:
                raise _Damage(f"the layout of {name!r} does not parse ({error})") from None
    finally:
        scratch.close()
    return {name for kind, name, _sql in rows if kind == "table"}


def shape_of(connection: sqlite3.Connection, table: str) -> Shape:
    columns = connection.execute(
        'SELECT name, upper(type), "notnull", pk FROM pragma_table_info(?)', [table]
    ).fetchall()
    keys = connection.execute(
        'SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)', [table]
    ).fetchall()
    return Shape(frozenset(map(tuple, columns)), frozenset(map(tuple, keys)))


@functools.cache
def schema_after(count: int) -> dict[str, Shape]:
    """The tables, and the shape of each, that the first ``count`` migrations make: what a file
    that has applied them must hold (SQLite's own tables left out, and the record of
    migrations, whose layout belongs to sqlite-utils: they are run here without it)."""
    with Database(memory=True) as db:
        run_first(db, count)
        return {
            table: shape_of(db.conn, table)
            for table in db.table_names()
            if not table.startswith("sqlite_")
        }


def _check_shape(connection: sqlite3.Connection, table: str, expected: Shape) -> None:
    found = shape_of(connection, table)
    missing = expected.columns - found.columns
    if missing:
        name = min(missing)[0]
        raise _Damage(f"the column {name!r} of its table {table!r} is missing or garbled")
    if expected.foreign_keys - found.foreign_keys:
        raise _Damage(f"the links from its table {table!r} to other tables are garbled")


def _check_columns(connection: sqlite3.Connection, table: str, columns: frozenset[str]) -> None:
    found = {row[0] for row in connection.execute("SELECT name FROM pragma_table_info(?)", [table])}
    missing = sorted(columns - found)
    if missing:
        raise _Damage(f"the column {missing[0]!r} of its table {table!r} is missing")


def _check_values(connection: sqlite3.Connection, table: str, *, text: bool) -> None:
    """Every JSON column parses and, with ``text``, every text value is UTF-8 (Python fails on
    the first read that meets one that is not). SQLite joins each column's values into one
    string, newlines between them so that no two broken halves can make a character, and Python
    decodes it in one go: about 30 ms for ten years of daily use, where reading row by row takes
    twice that. The JSON columns take about 1 ms."""
    text_columns = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT'", [table]
        )
        if text
    ]
    connection.text_factory = bytes
    try:
        for column in text_columns:
            (raw,) = connection.execute(
                f'SELECT group_concat("{column}", char(10)) FROM "{table}"'
            ).fetchone()
            try:
                (raw or b"").decode("utf-8")
            except UnicodeDecodeError:
                raise _Damage(f"a text value in {table}.{column} is garbled") from None
    finally:
        connection.text_factory = _lenient
    present = {
        row[0] for row in connection.execute("SELECT name FROM pragma_table_info(?)", [table])
    }
    # A column a pending migration adds is not there yet in an older file.
    for column in (c for c in JSON_COLUMNS.get(table, ()) if c in present):
        (bad,) = connection.execute(
            f'SELECT count(*) FROM "{table}" WHERE NOT json_valid("{column}")'
        ).fetchone()
        if bad:
            raise _Damage(f"{bad} of the values in {table}.{column} {_are(bad)} garbled")


def _lenient(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _are(count: int) -> str:
    return "is" if count == 1 else "are"


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _remove_created(created: list[Path], wal: Path) -> None:
    """Remove the ``-wal`` and ``-shm`` files the look itself created: a read-only connection
    to a WAL file makes them, and cannot delete them when it closes. A ``-wal`` that holds
    anything is someone else's by now, and stays with its ``-shm``."""
    if wal not in created:
        return  # a -wal was there before: whoever made it owns the -shm as well
    try:
        if wal.exists():
            if wal.stat().st_size > 0:
                return
            wal.unlink()
        for companion in created:
            companion.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder: then nothing could have been created either
