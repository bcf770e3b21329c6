"""Migrations: an empty file and a file from the first released schema both reach the current
schema, with the old file's data intact."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from careerplanner.services.planner import Planner
from careerplanner.storage import open_database
from careerplanner.storage.migrations import applied_names, known_names, pending_names
from tests.storage_fixtures import small_knowledge_base

FIRST_RELEASE = Path(__file__).parent / "fixtures" / "first_release.sql"

CURRENT_TABLES = {
    "profiles": ["id", "name", "background", "target", "hours_per_week", "start_month", "created"],
    "ratings": ["id", "profile_id", "skill_id", "level", "note", "rated_at", "day"],
    "skill_notes": ["profile_id", "skill_id", "note", "updated"],
    "plans": ["id", "profile_id", "created", "inputs", "plan"],
    "plan_items": ["id", "profile_id", "plan_id", "item_id", "status", "marked_at"],
    "checkins": ["id", "profile_id", "day", "hours", "note", "skills", "created", "items"],
    "settings": ["key", "value"],
    "postings": [
        "id",
        "profile_id",
        "title",
        "text",
        "created",
        "closest_role",
        "requirements",
        "target_over",
    ],
}


def _schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    conn.close()
    return rows


def _load_first_release(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(FIRST_RELEASE.read_text())
    conn.close()


def test_an_empty_file_migrates_to_the_current_schema(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    db = open_database(db_path)
    assert applied_names(db) == known_names()
    tables = {
        name: [column for (column,) in db.execute("SELECT name FROM pragma_table_info(?)", [name])]
        for name in CURRENT_TABLES
    }
    db.close()
    assert tables == CURRENT_TABLES


def test_a_file_from_the_first_release_migrates_cleanly_and_keeps_its_data(db_path, tmp_path):
    _load_first_release(db_path)
    db = open_database(db_path)
    assert pending_names(db) == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    ws = Planner(db, small_knowledge_base())
    me = ws.active_profile()
    assert (me.name, me.target, me.start_month) == ("me now", "ai-engineer", date(2026, 1, 1))
    assert ws.levels(me.id) == {"llm-apps": 1, "python": 3, "sql": 2}
    assert ws.notes(me.id) == {"llm-apps": "built a RAG demo: github.com/me/rag"}
    assert ws.item_statuses(me.id) == {"skill:llm-apps:2": "done"}
    assert [c.hours for c in ws.checkins(me.id)] == [2.5]
    assert ws.latest_plan(me.id)[2]["total_months"] == 3
    db.close()

    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert _schema(db_path) == _schema(fresh), "a released migration was edited in place"


def test_migrating_twice_changes_nothing(db_path):
    open_database(db_path).close()
    before = _schema(db_path)
    open_database(db_path).close()
    assert _schema(db_path) == before
