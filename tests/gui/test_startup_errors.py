"""Start-up problems become clear dialogs: a damaged or newer data file, a broken knowledge base."""

from __future__ import annotations

import sqlite3

from careerplanner.gui import app
from careerplanner.knowledge.errors import KnowledgeError
from careerplanner.services.edits import RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage.database import open_database
from tests.gui.conftest import FakeAsk
from tests.storage_fixtures import make_profile


def _damaged_file(kb, db_path) -> bytes:
    planner = Planner(open_database(db_path), kb, db_path)
    profile = make_profile(planner, "Me", "software-engineer", "ai-engineer", 10)
    for n in range(400):
        planner.do(RateSkill(profile.id, "python", n % 5, note="evidence " * 12))
    planner.close()
    data = bytearray(db_path.read_bytes())
    data[2 * 4096 : 4 * 4096] = bytes(range(256)) * 32
    db_path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_file_is_kept_untouched_when_the_user_declines_the_backup(qapp, kb, db_path):
    damaged = _damaged_file(kb, db_path)
    ask = FakeAsk(confirm=False)
    assert app.open_planner_or_say_why(db_path, ask) is None
    title, text = ask.infos[-1]
    assert title == "Your data file is damaged"
    assert str(db_path) in text and "Restore the latest good backup" in text
    assert db_path.read_bytes() == damaged


def test_a_damaged_file_can_be_replaced_by_its_latest_backup(qapp, kb, db_path):
    damaged = _damaged_file(kb, db_path)
    planner = app.open_planner_or_say_why(db_path, FakeAsk(confirm=True))
    assert planner is not None
    kept = [p for p in db_path.parent.iterdir() if p.is_file() and p.read_bytes() == damaged]
    assert kept and kept[0] != db_path, "the damaged file must be kept aside, not deleted"


def test_a_file_from_a_newer_version_is_refused_with_a_message(qapp, kb, db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('careerplanner', 'm999_from_the_future', '2030-01-01')"
        )
    conn.close()
    before = db_path.read_bytes()
    ask = FakeAsk()
    assert app.open_planner_or_say_why(db_path, ask) is None
    _title, text = ask.errors[-1]
    assert "newer version" in text and str(db_path) in text
    assert db_path.read_bytes() == before


def test_a_broken_knowledge_base_stops_with_the_file_and_key(qapp, db_path, monkeypatch):
    def broken():
        raise KnowledgeError("skills.toml", "skills[3].levels", "expected 5 descriptions, got 4")

    monkeypatch.setattr(app, "default_knowledge", broken)
    ask = FakeAsk()
    assert app.open_planner_or_say_why(db_path, ask) is None
    title, text = ask.errors[-1]
    assert title == "Career Planner cannot start"
    assert "skills.toml: skills[3].levels" in text
    assert not db_path.exists(), "nothing is created when the app cannot start"


def test_a_stored_pace_no_plan_can_use_still_opens_every_page(qtbot, kb, db_path, ask):
    # A file written before today's limits may hold 0.1 hours a week.
    from careerplanner.gui.main_window import MainWindow
    from careerplanner.gui.session import Session

    old = Planner(open_database(db_path), kb, db_path)
    make_profile(old, "Me", "software-engineer", "ml-engineer", 5)
    old.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE profiles SET hours_per_week = 0.1")
    conn.close()
    window = MainWindow(Session(Planner(open_database(db_path), kb, db_path)), db_path, ask=ask)
    qtbot.addWidget(window)
    window.show()
    plan = window.page_by_key["plan"]
    window.show_page("plan")
    assert "Set your hours a week (from 1 to 80)" in plan.sources.text()
    window.show_page("progress")
    assert window.page_by_key["progress"].headline.text() == "No plan to track yet"
    assert window.page_by_key["gap"].model.rowCount() > 0  # the rest works
    window.show_page("plan")
    plan.hours_spin.setValue(8)  # and the fix is one step away
    plan.flush()
    assert window.session.snapshot().plan is not None
    assert plan.model.rowCount() > 0
