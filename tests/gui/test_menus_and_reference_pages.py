from __future__ import annotations

import json

from careerplanner.gui.main_window import MainWindow
from careerplanner.gui.session import Session
from careerplanner.services.planner import Planner
from careerplanner.storage.database import open_database


def test_export_then_import_into_another_file_brings_the_profile_across(
    qtbot, window, session, ask, kb, tmp_path
):
    ask.path = tmp_path / "me.json"
    window.export_file()
    document = json.loads(ask.path.read_text())
    assert document["format"] == "careerplanner-export"

    other_path = tmp_path / "other.db"
    other = Session(Planner(open_database(other_path), kb, other_path))
    other.create_profile("Someone else", "student", "ml-engineer", 8)
    other_window = MainWindow(other, other_path, ask=ask)
    qtbot.addWidget(other_window)
    other_window.import_file()
    assert ask.errors == []
    assert {p.name for p in other.planner.profiles()} == {"Someone else", "Me"}
    assert other.planner.levels(other.planner.find_profile("Me").id) == session.snapshot().levels


def test_a_refused_import_says_why_and_changes_nothing(qtbot, window, session, ask, tmp_path):
    ask.path = tmp_path / "me.json"
    window.export_file()
    before = [p.name for p in session.planner.profiles()]
    window.import_file()  # the same profile name again: refused as a whole
    title, text = ask.errors[-1]
    assert title == "Nothing was imported"
    assert "Me" in text
    assert [p.name for p in session.planner.profiles()] == before


def test_skills_export_as_csv(window, ask, tmp_path):
    ask.path = tmp_path / "skills.csv"
    window.export_csv()
    lines = ask.path.read_text().splitlines()
    assert lines[0] == "skill,name,level,note"
    assert any(line.startswith("python,Python,") for line in lines)


def test_compare_page_shows_cited_pay_for_both_roles(window):
    page = window.page_by_key["compare"]
    assert [r.id for r in page.chosen_roles()] == ["ai-engineer", "ml-engineer"]
    html = page.view.toHtml()
    assert "What the work is" in html and "Pay" in html
    assert "$130k–$145k" in html  # ML engineer, US entry level, from the career-choice essay
    page.combos[2].setCurrentIndex(page.combos[2].findData("ai-application-engineer"))
    html = page.view.toHtml()
    assert "AI Application Engineer" in html
    assert "The sources say nothing on this." in html  # no pay figure for this hybrid role


def test_sources_page_lists_every_article_and_the_disagreements(window, kb):
    html = window.page_by_key["sources"].view.toHtml()
    for source in kb.sources:
        assert source.seed_file in html
    assert "Where the sources disagree" in html


def test_deleting_a_profile_shows_another_and_undo_brings_it_back(qtbot, window, session, ask):
    session.create_profile("What if ML", "software-engineer", "ml-engineer", 10)
    window.delete_profile()  # the active one, "What if ML"
    assert [p.name for p in session.planner.profiles()] == ["Me"]
    assert window.windowTitle() == "Me"
    assert window.undo_action.text() == "&Undo Delete profile What if ML"
    window.undo_action.trigger()
    assert {p.name for p in session.planner.profiles()} == {"Me", "What if ML"}
    assert window.windowTitle() == "What if ML"


def test_the_only_profile_cannot_be_deleted(qtbot, window, session, ask):
    window.delete_profile()
    assert [p.name for p in session.planner.profiles()] == ["Me"]
    assert "only profile" in ask.infos[-1][1]


def test_sources_lines_stop_at_a_reading_width_on_a_wide_window(qtbot, window):
    from careerplanner.gui.pages.sources import READING_WIDTH

    window.show_page("sources")
    view = window.page_by_key["sources"].view
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: view.viewport().width() > READING_WIDTH + 100)
    assert view.document().size().width() <= READING_WIDTH + 1
    window.resize(700, 500)
    qtbot.waitUntil(lambda: view.viewport().width() < READING_WIDTH)
    assert view.document().size().width() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
