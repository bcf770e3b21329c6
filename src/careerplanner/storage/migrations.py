"""The database schema, as an ordered list of named migrations, applied with sqlite-utils'
``Migrations`` (which records each in ``_sqlite_migrations`` in the same transaction).

A released migration is never edited: a change to the schema is a new function at the end. The
names recorded in ``_sqlite_migrations`` are how a file says which version of the app wrote it.

Which migrations a file has applied is read here with plain SQL, so an open that has nothing to
migrate (every open but a first run and the first after an update) never loads sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, Protocol

from careerplanner.storage.connection import Database

#: The set our migrations are recorded under, and sqlite-utils' table of records.
MIGRATION_SET = "careerplanner"
MIGRATIONS_TABLE = "_sqlite_migrations"


class Executes(Protocol):
    """What a migration is given: our ``Database`` or sqlite-utils' (both run SQL alike)."""

    def execute(self, sql: str, parameters: Any = None, /) -> sqlite3.Cursor: ...


Migration = Callable[[Executes], None]
_MIGRATIONS: list[Migration] = []


def _migration(step: Migration) -> Migration:
    _MIGRATIONS.append(step)
    return step


def _run(db: Executes, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


@_migration
def m001_create_profiles(db: Executes) -> None:
    _run(
        db,
        """
        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
            background TEXT NOT NULL,   -- role id
            target TEXT NOT NULL,       -- role id
            hours_per_week REAL NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 168),
            start_month TEXT NOT NULL,  -- YYYY-MM
            created TEXT NOT NULL       -- ISO 8601, UTC
        )
        """,
    )


@_migration
def m002_create_ratings(db: Executes) -> None:
    # Append-only: the current level of a skill is its row with the highest id.
    _run(
        db,
        """
        CREATE TABLE ratings (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
            note TEXT,                  -- the evidence given with this rating, if any
            rated_at TEXT NOT NULL,     -- ISO 8601, UTC
            day TEXT NOT NULL           -- YYYY-MM-DD, the user's calendar day when they rated
        )
        """,
        # "Latest per skill" (GROUP BY skill_id) and one skill's history use the first index;
        # the progress series reads every row in order from the second alone (it covers it).
        "CREATE INDEX ratings_by_skill ON ratings(profile_id, skill_id, id)",
        "CREATE INDEX ratings_by_time ON ratings(profile_id, id, day, skill_id, level)",
    )


@_migration
def m003_create_skill_notes(db: Executes) -> None:
    # The note shown beside a skill today; a rating's own note stays in its history row.
    _run(
        db,
        """
        CREATE TABLE skill_notes (
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            note TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (profile_id, skill_id)
        )
        """,
    )


@_migration
def m004_create_plans(db: Executes) -> None:
    # A snapshot each time a plan is (re)made: its inputs and its months, as JSON the app
    # reads back as it was written, so old plans still show after the planner changes.
    _run(
        db,
        """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            inputs TEXT NOT NULL,
            plan TEXT NOT NULL
        )
        """,
        "CREATE INDEX plans_by_profile ON plans(profile_id, id)",
    )


@_migration
def m005_create_plan_items(db: Executes) -> None:
    # One row per mark (done, skipped, or cleared with NULL); the latest row per item wins.
    # Items are keyed by the planner's stable item ids, so marks carry over to a new plan.
    _run(
        db,
        """
        CREATE TABLE plan_items (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            status TEXT CHECK (status IN ('done', 'skipped')),
            marked_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX plan_items_by_item ON plan_items(profile_id, item_id, id)",
    )


@_migration
def m006_create_checkins(db: Executes) -> None:
    _run(
        db,
        """
        CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            day TEXT NOT NULL,          -- YYYY-MM-DD, the user's own calendar day
            hours REAL NOT NULL CHECK (hours >= 0 AND hours <= 168),
            note TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '[]',  -- JSON list of skill ids
            created TEXT NOT NULL
        )
        """,
        "CREATE INDEX checkins_by_day ON checkins(profile_id, day, id)",
    )


@_migration
def m007_create_settings(db: Executes) -> None:
    # Preferences that belong with the data (the active profile), not with the machine.
    _run(db, "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


#: Tables whose rows an undo removes and a redo puts back with the same id.
_UNDOABLE_TABLES = ("profiles", "ratings", "plans", "plan_items", "checkins")


@_migration
def m008_never_reuse_ids(db: Executes) -> None:
    # Without AUTOINCREMENT SQLite hands the highest id out again once its row is deleted. With
    # two instances on one file, an undo in one (deleting row 50) and an edit in the other
    # (getting id 50) would let the next redo or undo hit the other instance's row.
    # Rebuilt the usual way (new table, copy, drop, rename); foreign keys are off while
    # migrating, and the children's references name the table, which keeps its name.
    for table in _UNDOABLE_TABLES:
        (create,) = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        indexes = [
            sql
            for (sql,) in db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                [table],
            ).fetchall()
        ]
        rebuilt = create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_new (", 1)
        rebuilt = rebuilt.replace(
            "id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1
        )
        if rebuilt == create or "AUTOINCREMENT" not in rebuilt:
            raise RuntimeError(f"m008: unexpected schema for {table}: {create}")
        _run(
            db,
            rebuilt,
            f"INSERT INTO {table}_new SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}_new RENAME TO {table}",
            *indexes,
        )


@_migration
def m009_checkin_items(db: Executes) -> None:
    # The plan items a check-in worked on (JSON list of item ids, as the plan names them).
    _run(db, "ALTER TABLE checkins ADD COLUMN items TEXT NOT NULL DEFAULT '[]'")


@_migration
def m010_fit_answers(db: Executes) -> None:
    # The fit quiz's answers, append-only like ratings: one row per answer given, the latest
    # per question is the current one (option_id NULL: the answer was cleared), the rest is
    # the history of how the answers changed.
    _run(
        db,
        """
        CREATE TABLE fit_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            option_id TEXT,
            answered_at TEXT NOT NULL   -- ISO 8601, UTC
        )
        """,
        "CREATE INDEX fit_answers_by_question ON fit_answers(profile_id, question_id, id)",
    )


@_migration
def m011_postings(db: Executes) -> None:
    # Job postings saved with a profile. ``requirements`` is the posting as a custom target, as it
    # was read when saved (JSON [{"skill", "level", "weight", "source"}]), so its plan does not
    # change under the user when a later version reads postings differently. ``target_over`` is
    # set on the one posting the profile plans for: the role that was its target then; the
    # posting stays the plan's target while the profile's target is still that role.
    _run(
        db,
        """
        CREATE TABLE postings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            text TEXT NOT NULL,
            created TEXT NOT NULL,          -- ISO 8601, UTC
            closest_role TEXT,              -- role id; NULL when it is not an AI or ML job
            requirements TEXT NOT NULL,     -- JSON list, see above
            target_over TEXT                -- role id, on the posting the profile plans for
        )
        """,
        "CREATE INDEX postings_by_profile ON postings(profile_id, id)",
        "CREATE UNIQUE INDEX postings_one_target ON postings(profile_id) "
        "WHERE target_over IS NOT NULL",
    )


def known_names() -> list[str]:
    """The migrations this version of the app knows, in order."""
    return [step.__name__ for step in _MIGRATIONS]


def applied_names(db: Database) -> list[str]:
    """The migrations of ours ``db`` records as applied, in the order they were."""
    if MIGRATIONS_TABLE not in db.table_names():
        return []
    rows = db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [name for (name,) in rows]


def pending_names(db: Database) -> list[str]:
    """The migrations ``db`` still needs, in the order they are applied."""
    applied = set(applied_names(db))
    return [name for name in known_names() if name not in applied]


def apply(db: Database, *, stop_before: str | None = None) -> None:
    """Apply the pending migrations (those before ``stop_before`` only, when given), each with
    its record in one transaction (a savepoint when one is open)."""
    import sqlite_utils  # here alone: with numpy, a quarter of a second to load

    migrations = sqlite_utils.Migrations(MIGRATION_SET)
    for step in _MIGRATIONS:
        migrations()(step)
    migrations.apply(sqlite_utils.Database(db.conn, execute_plugins=False), stop_before=stop_before)


def run_first(db: Executes, count: int) -> None:
    """Run the first ``count`` migrations on ``db`` without recording them: the schema a file
    that applied them holds, for ``checks`` to compare a file with."""
    for step in _MIGRATIONS[:count]:
        step(db)


#: Columns holding JSON text, which the app reads back with ``json.loads``.
JSON_COLUMNS = {
    "plans": ("inputs", "plan"),
    "checkins": ("skills", "items"),
    "postings": ("requirements",),
}
