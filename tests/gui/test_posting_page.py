"""The Job Posting page in the real window: paste a posting, see its skills highlighted and its
gap, plan for it (the Plan page then aims at it), compare saved postings, open files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from careerplanner.gui.models.postings import LEAN_COLOURS, PostingGapModel, SavedPostingsModel
from careerplanner.gui.pages.posting import SAVED_ROWS
from tests.core.postings import posting


def _page(window):
    window.show_page("posting")
    return window.page_by_key["posting"]


def _paste(qtbot, page, text: str) -> None:
    """Paste as a user does: the clipboard into the editor; then wait for the reading."""
    QApplication.clipboard().setText(text)
    page.editor.setFocus()
    page.editor.paste()
    qtbot.waitUntil(lambda: page.report is not None and not page._timer.isActive())


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_ctrl_7_opens_the_job_posting_page(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "posting"
    assert window.page_by_key["posting"].verdict.text() == "Paste a job posting"


def test_pasting_a_posting_highlights_each_skill_it_asks_for(qtbot, window):
    page = _page(window)
    text = posting("ai_engineer")
    _paste(qtbot, page, text)
    analysis = page.report.analysis
    matches = [(m, s.lean) for s in analysis.skills for m in s.matches]
    selections = page.editor.extraSelections()
    assert len(selections) == len(matches) > 20
    shown = sorted((s.cursor.selectedText(), s.format.background().color()) for s in selections)
    expected = sorted((m.text, QColor(LEAN_COLOURS[lean])) for m, lean in matches)
    assert shown == expected
    assert "RAG" in {s.cursor.selectedText() for s in selections}
    assert page.verdict.text() == "Leans AI engineering · closest role: AI Engineer"
    assert "AY Automate" in page.reason.text() and "DataDriven Partners" in page.reason.text()
    assert page.title.text() == "Senior AI Engineer — Customer Support Copilot"


def test_the_gap_table_lists_each_skill_with_your_level_and_what_it_needs(qtbot, window):
    page = _page(window)
    _paste(qtbot, page, posting("ai_engineer"))
    model = page.gap_model
    rows = {_cell(model, r, PostingGapModel.COL_SKILL): r for r in range(model.rowCount())}
    rag = rows["Retrieval-augmented generation"]
    assert _cell(model, rag, PostingGapModel.COL_CURRENT) == "0"
    assert _cell(model, rag, PostingGapModel.COL_REQUIRED) == "3"
    assert _cell(model, rows["Python"], PostingGapModel.COL_HOURS) == "met"
    assert f"{page.report.readiness:.0%} ready" in page.summary.text()
    assert f"{page.report.months} months at 10 hours a week" in page.summary.text()
    # The months come from the plan, whose hours (with what the skills build on) are said too,
    # so hours and months agree at the weekly hours: about 4.35 weeks a month.
    plan_hours = round(page.report.plan.hours)
    assert f"about {plan_hours} hours: {page.report.months} months" in page.summary.text()
    assert plan_hours > page.report.hours
    assert abs(plan_hours / 10 / (365.25 / 12 / 7) - page.report.months) <= 1.5


def test_a_non_technical_posting_highlights_nothing(qtbot, window):
    page = _page(window)
    _paste(qtbot, page, posting("not_technical"))
    assert page.editor.extraSelections() == []
    assert page.verdict.text() == "Not an AI or ML engineering job"
    assert not page.plan_button.isEnabled()


def test_plan_for_this_posting_makes_the_plan_page_aim_at_it(qtbot, window):
    page = _page(window)
    _paste(qtbot, page, posting("ml_engineer"))
    months = page.report.months
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)

    plan_page = window.page_by_key["plan"]
    heading = plan_page.heading.text()
    assert heading.startswith("Software Engineer → Machine Learning Engineer, Fraud and Risk: ")
    assert f": {months} months at 10 h/week" in heading
    assert "This plan aims at the job posting" in plan_page.sources.text()
    saved = page.saved_model
    assert saved.rowCount() == 1
    assert _cell(saved, 0, SavedPostingsModel.COL_PLAN) == "● your plan"
    assert _cell(saved, 0, SavedPostingsModel.COL_MONTHS) == str(months)
    assert page.role_button.isEnabled()
    assert not page.plan_button.isEnabled(), "the plan aims at it already"
    assert (
        window.undo_action.text()
        == "&Undo Plan for posting Machine Learning Engineer, Fraud and Risk"
    )

    window.undo_action.trigger()
    assert plan_page.heading.text().startswith("Software Engineer → AI Engineer: ")
    assert saved.rowCount() == 0 and not page.role_button.isEnabled()
    assert page.plan_button.isEnabled()


def test_plan_for_my_role_instead_aims_the_plan_at_the_role_again(qtbot, window):
    page = _page(window)
    _paste(qtbot, page, posting("ml_engineer"))
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    assert window.page_by_key["plan"].heading.text().startswith("Software Engineer → AI Engineer")
    assert _cell(page.saved_model, 0, SavedPostingsModel.COL_PLAN) == ""
    assert page.plan_button.isEnabled(), "the posting can be planned for again"


def test_saved_postings_are_listed_with_their_readiness_to_compare(qtbot, window):
    page = _page(window)
    for name in ("ai_engineer", "ml_engineer"):
        _paste(qtbot, page, posting(name))
        ready = f"{page.report.readiness:.0%}"
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert not page.save_button.isEnabled()  # saved once, not twice
        said = window.statusBar().currentMessage()
        assert said.startswith("Saved: posting ") and "Save posting" not in said
        page.editor.clear()
        last = page.saved_model.rowCount() - 1
        assert _cell(page.saved_model, last, SavedPostingsModel.COL_READY) == ready
    saved = page.saved_model
    assert [_cell(saved, r, SavedPostingsModel.COL_LEAN) for r in range(2)] == ["AI", "ML"]
    assert [_cell(saved, r, SavedPostingsModel.COL_ROLE) for r in range(2)] == [
        "AI Engineer",
        "Machine Learning Engineer",
    ]
    page.saved_table.selectRow(1)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == posting("ml_engineer")
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert saved.rowCount() == 1
    assert page.save_button.isEnabled()  # the text shown can be saved again
    window.undo_action.trigger()
    assert saved.rowCount() == 2


def test_opening_a_bad_file_says_why_in_one_line_and_saves_nothing(qtbot, window, ask, tmp_path):
    page = _page(window)
    _paste(qtbot, page, posting("ai_engineer"))
    empty = tmp_path / "job.txt"
    empty.write_bytes(b"")
    ask.path = empty
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert ask.errors == [
        (
            "The posting was not opened",
            "job.txt is empty; put the posting's text in it, or paste the text",
        )
    ]
    assert page.editor.toPlainText() == posting("ai_engineer")  # what was there stays
    assert window.session.planner.saved_postings() == []


def test_opening_an_html_file_shows_its_words(qtbot, window, ask, tmp_path):
    page = _page(window)
    html = tmp_path / "job.html"
    html.write_text(
        "<html><body><h1>ML Engineer</h1><p>PyTorch, MLflow, Ray and Evidently.</p></body></html>"
    )
    ask.path = html
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == "ML Engineer\n\nPyTorch, MLflow, Ray and Evidently."
    assert page.title.text() == "ML Engineer"
    assert page.verdict.text().startswith("Leans ML engineering")


def test_rating_a_skill_updates_the_gap_to_the_posting(qtbot, window):
    from careerplanner.services.edits import RateSkill

    page = _page(window)
    _paste(qtbot, page, posting("ai_engineer"))
    before = page.report.readiness
    window.session.do(RateSkill(window.session.profile.id, "rag", 3))
    assert page.report.readiness > before
    # Rated on another page: the posting page catches up when it is shown again.
    window.show_page("skills")
    shown = page.report.readiness
    window.session.do(RateSkill(window.session.profile.id, "llm-evals", 3))
    window.show_page("posting")
    assert page.report.readiness > shown


def test_highlights_land_on_their_words_after_an_emoji(qtbot, window):
    page = _page(window)
    _paste(qtbot, page, "🚀 Ship it: Python, PyTorch and MLflow 🎯 on Kubernetes")
    shown = [s.cursor.selectedText() for s in page.editor.extraSelections()]
    assert sorted(shown) == ["Kubernetes", "MLflow", "PyTorch", "Python"]


def test_the_saved_list_takes_the_height_of_a_few_rows_and_the_posting_the_rest(qtbot, window):
    window.resize(1280, 800)
    page = _page(window)
    qtbot.waitUntil(page.saved_table.isVisible)
    row = page.saved_table.verticalHeader().defaultSectionSize()
    low, high = SAVED_ROWS
    assert low * row <= page.saved_table.viewport().height() <= (high + 1) * row
    assert page.gap_table.height() > page.saved_table.height()
    # The posting and its skills share the width.
    left, right = page.editor.width(), page.gap_table.width()
    assert abs(left - right) < 0.1 * (left + right)
