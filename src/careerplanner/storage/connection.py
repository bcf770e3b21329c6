"""``Database``: the connection every store, edit and check reads and writes through.

It is the standard library's ``sqlite3`` with the few conveniences the app uses (rows as
dicts, transactions that nest as savepoints), so opening the app and reading a profile needs
nothing more. sqlite-utils, with numpy behind it, loads only when the schema must change
(``migrations.apply``), which is a first run or the first open after an update.

The connection is in autocommit mode (``isolation_level=None``): a statement outside a
transaction is committed at once, and a transaction is always begun explicitly
(``atomic``, ``database.write_transaction``), never implicitly by the driver.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Parameters = Sequence[Any] | dict[str, Any]

_savepoints = itertools.count(1)


class Database:
    """``Database(path)`` opens (creating) the file; ``Database(memory=True)`` a database in
    memory; ``Database(connection)`` takes an open ``sqlite3`` connection over."""

    def __init__(
        self, source: Path | str | sqlite3.Connection | None = None, *, memory: bool = False
    ) -> None:
        if isinstance(source, sqlite3.Connection):
            self.conn = source
            self.conn.isolation_level = None
        elif memory or source is None:
            self.conn = sqlite3.connect(":memory:", isolation_level=None)
        else:
            self.conn = sqlite3.connect(str(source), isolation_level=None)

    def execute(self, sql: str, parameters: Parameters | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, () if parameters is None else parameters)

    def query(self, sql: str, parameters: Parameters | None = None) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts, column name to value. The statement runs now; the rows
        are fetched as they are iterated."""
        cursor = self.execute(sql, parameters)
        names = [column[0] for column in cursor.description or ()]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    def table_names(self) -> list[str]:
        return [
            name for (name,) in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]

    @contextmanager
    def atomic(self, begin: str = "BEGIN") -> Iterator[Database]:
        """A transaction (``begin`` ... ``COMMIT``), or a savepoint inside one already open:
        everything in the block is kept, or nothing is."""
        if self.conn.in_transaction:
            name = f"careerplanner_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                # An error can end the whole transaction, savepoint included.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute(begin)
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        """Undo the open transaction, if there is one."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def enable_wal(self) -> None:
        self.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
