from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.gui.models.skills import SKILL_ID_ROLE


def _visible_skills(page) -> list[str]:
    proxy, found = page.proxy, []
    for row in range(proxy.rowCount()):
        group = proxy.index(row, 0)
        found += [
            proxy.index(r, 0, group).data(SKILL_ID_ROLE) for r in range(proxy.rowCount(group))
        ]
    return found


def test_search_matches_aliases(qtbot, window):
    page = window.page_by_key["skills"]
    qtbot.keyClicks(page.search, "k8s")
    assert _visible_skills(page) == ["kubernetes"]
    assert page.current_skill() == "kubernetes"
    page.search.clear()
    assert len(_visible_skills(page)) == len(window.session.kb.skills)


def test_search_selects_the_skill_with_that_exact_name_first(qtbot, window):
    page = window.page_by_key["skills"]
    qtbot.keyClicks(page.search, "pytorch")
    assert len(_visible_skills(page)) > 1  # other skills list PyTorch among their tools
    assert page.current_skill() == "pytorch"
    assert page.title.text() == "PyTorch"


def test_search_prefers_the_skill_named_by_the_words_typed(qtbot, window):
    page = window.page_by_key["skills"]
    page.search.setText("machine learning")
    assert page.current_skill() == "classical-ml"
    page.search.setText("fine tune")
    assert page.current_skill() == "fine-tuning"


def test_a_search_without_matches_says_so(qtbot, window):
    page = window.page_by_key["skills"]
    qtbot.keyClicks(page.search, "xyzzy")
    assert _visible_skills(page) == []
    assert "No skill matches “xyzzy”" in page.hint.text()
    assert not page.detail_panel.isEnabled()
    before = window.session.snapshot().levels
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_4)  # nothing is shown, so nothing is rated
    assert window.session.snapshot().levels == before
    page.search.clear()
    assert page.detail_panel.isEnabled()
    assert page.hint.text().startswith("Tip:")


def test_rating_is_saved_and_undoable(qtbot, window, session):
    page = window.page_by_key["skills"]
    page.select_skill("pytorch")
    before = session.snapshot().levels.get("pytorch", 0)
    new_level = 4 if before != 4 else 3
    page.picker.buttons[new_level].click()
    assert session.planner.levels(session.profile.id)["pytorch"] == new_level
    assert window.undo_action.text() == f"&Undo Rate PyTorch {new_level}"
    window.undo_action.trigger()
    assert session.planner.levels(session.profile.id).get("pytorch", 0) == before
    assert page.picker.level() == before
    window.redo_action.trigger()
    assert session.planner.levels(session.profile.id)["pytorch"] == new_level


def test_number_keys_rate_the_selected_skill(qtbot, window, session):
    page = window.page_by_key["skills"]
    page.select_skill("python")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    assert session.snapshot().levels["python"] == 1


def test_the_panel_shows_what_the_target_needs(window, session):
    page = window.page_by_key["skills"]
    target = session.kb.role("ai-engineer")
    requirement = target.requirements[0]
    page.select_skill(requirement.skill)
    assert f"needs level {requirement.level}" in page.need_label.text()
    assert page.picker.markers[requirement.level].text() == "◀ target"


def test_notes_are_saved_and_kept(qtbot, window, session):
    page = window.page_by_key["skills"]
    page.select_skill("python")
    page.note.setPlainText("Built a CLI tool with 90% test coverage")
    page._save_note()
    assert session.planner.notes(session.profile.id)["python"].startswith("Built a CLI")


def test_a_misspelt_search_suggests_the_skill_meant(qtbot, window):
    page = window.page_by_key["skills"]
    qtbot.keyClicks(page.search, "pytorhc")
    assert _visible_skills(page) == []
    assert "Did you mean <a href='PyTorch'>PyTorch</a>" in page.hint.text()
    page.hint.linkActivated.emit("PyTorch")  # the user clicks the suggestion
    assert page.search.text() == "PyTorch"
    assert page.current_skill() == "pytorch"


def test_down_or_enter_in_the_search_box_moves_to_the_results(qtbot, window):
    window.show_page("skills")
    page = window.page_by_key["skills"]
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        page.search.setFocus()
        page.search.setText("vector")
        qtbot.keyClick(page.search, key)
        assert page.tree.hasFocus(), key
        assert page.current_skill() in _visible_skills(page)
    qtbot.keyClick(page.tree, Qt.Key.Key_2)  # from there, a digit rates the skill found
    assert window.session.snapshot().levels[page.current_skill()] == 2


def test_digits_typed_in_the_search_box_are_text_not_ratings(qtbot, window, session):
    window.show_page("skills")
    page = window.page_by_key["skills"]
    page.select_skill("python")
    before = dict(session.snapshot().levels)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "s3")
    qtbot.keyClick(page.search, Qt.Key.Key_4, Qt.KeyboardModifier.KeypadModifier)
    assert page.search.text() == "s34"
    assert session.snapshot().levels == before
    assert not window.undo_action.isEnabled()


def test_after_clearing_the_search_the_selected_skill_is_in_view(qtbot, window, kb):
    window.resize(900, 520)
    window.show_page("skills")
    page = window.page_by_key["skills"]
    last = kb.skills[-1]
    page.search.setText(last.name)
    assert page.current_skill() == last.id
    page.search.clear()
    assert page.current_skill() == last.id
    current = page.tree.currentIndex()
    assert page.tree.viewport().rect().contains(page.tree.visualRect(current).center())
