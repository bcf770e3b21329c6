"""The Gap page answers "which role fits me, which am I closest to, and how long would each take
at my hours"; the Compare page reads like a table. Real window, real knowledge base."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from careerplanner.gui.models.gap import ROLE_ID_ROLE, RolesTableModel


def gap_page(window, qtbot):
    window.show_page("gap")
    page = window.page_by_key["gap"]
    qtbot.waitUntil(lambda: page.roles_model.rowCount() > 0)
    return page


def shown_roles(page) -> list[str]:
    proxy = page.roles_proxy
    return [proxy.index(row, 0).data(ROLE_ID_ROLE) for row in range(proxy.rowCount())]


def cell(page, role_id: str, column: int) -> str:
    proxy = page.roles_proxy
    row = shown_roles(page).index(role_id)
    return proxy.index(row, column).data()


def test_every_role_shows_its_months_at_the_profiles_hours(qtbot, window, session):
    page = gap_page(window, qtbot)
    plans = session.planner.role_plans()
    assert set(shown_roles(page)) == {r.id for r in session.kb.target_roles}
    for role, plan in plans.items():
        assert cell(page, role, RolesTableModel.COL_MONTHS) == str(plan.total_months)
    header = page.roles_proxy.headerData(
        RolesTableModel.COL_MONTHS, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header == "Months at 10 h"
    # The target's months are the Plan page's own plan.
    assert cell(page, "ai-engineer", RolesTableModel.COL_MONTHS) == str(
        session.snapshot().plan.total_months
    )


def test_the_cards_say_which_role_is_closest_and_how_long_it_takes(qtbot, window, session):
    page = gap_page(window, qtbot)
    closest = session.snapshot().gaps[0]
    months = session.planner.role_plans()[closest.role].total_months
    text = page.ready_card.text()
    assert f"<b>Closest to ready:</b> {closest.name}" in text
    assert f"{months} months at 10 h a week" in text
    assert "Answer the fit quiz</a>" in page.fits_card.text()


def test_clicking_a_row_selects_that_role(qtbot, window, session):
    page = gap_page(window, qtbot)
    row = shown_roles(page).index("ml-engineer")
    table = page.roles_table
    rect = table.visualRect(page.roles_proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_role() == "ml-engineer"
    assert page.tabs.tabText(page.TAB_MISSING) == "Missing skills: Machine Learning Engineer"
    gap = session.snapshot().gap_for("ml-engineer")
    assert page.model.rowCount() == len(gap.gaps)
    assert page.make_target.isEnabled()


def test_clicking_a_bar_selects_that_role(qtbot, window):
    page = gap_page(window, qtbot)
    chart = page.readiness_chart
    qtbot.waitUntil(lambda: chart.figure is not None and bool(chart.figure.axes), timeout=5000)
    chart._canvas.draw()
    bar = next(p for p in chart.figure.axes[0].patches if p.get_gid() == "data-scientist")
    box = bar.get_window_extent()
    ratio = chart._canvas.device_pixel_ratio or 1
    x, y = box.x0 + box.width / 2, box.y0 + box.height / 2
    at = QPoint(int(x / ratio), int(chart._canvas.height() - y / ratio))
    qtbot.mouseClick(chart._canvas, Qt.MouseButton.LeftButton, pos=at)
    assert page.selected_role() == "data-scientist"
    current = page.roles_table.currentIndex()
    assert current.data(ROLE_ID_ROLE) == "data-scientist"


def test_the_roles_sort_by_months_when_its_header_is_clicked(qtbot, window, session):
    page = gap_page(window, qtbot)
    plans = session.planner.role_plans()
    header = page.roles_table.horizontalHeader()
    months_at = header.sectionViewportPosition(RolesTableModel.COL_MONTHS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(months_at, 5))
    order = [plans[r].total_months for r in shown_roles(page)]
    assert order == sorted(order)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(months_at, 5))
    order = [plans[r].total_months for r in shown_roles(page)]
    assert order == sorted(order, reverse=True)
    # The role chosen stays chosen whatever the order.
    assert page.roles_table.currentIndex().data(ROLE_ID_ROLE) == page.selected_role()


def test_why_it_counts_says_where_the_path_needs_it_and_who_says_so(qtbot, window, session):
    page = gap_page(window, qtbot)
    model = page.model
    rows = {model.gap_at(r).skill: r for r in range(model.rowCount())}
    why = model.index(rows["rag"], model.COL_WHY).data()
    assert why.startswith("Step ") and why.endswith("ClarUp")
    assert "you have" not in why
    assert model.index(rows["rag"], model.COL_MONTHS).data()  # the plan's months for it


def answer(page, question: str, option: str) -> None:
    page.quiz.buttons[(question, option)].click()


def test_answering_the_quiz_shows_the_fit_beside_readiness_and_undo_takes_it_back(
    qtbot, window, session
):
    page = gap_page(window, qtbot)
    page.show_quiz()
    answer(page, "deliverable", "production-model")
    answer(page, "stack", "training-stack")
    answer(page, "strength", "maths-systems")
    assert session.planner.fit_answers(session.profile.id)["strength"] == "maths-systems"
    assert "<b>Fits you best:</b> Machine Learning Engineer" in page.fits_card.text()
    assert "decided by:" in page.fits_card.text()
    assert cell(page, "ml-engineer", RolesTableModel.COL_FIT) == "100%"
    assert window.undo_action.text() == "&Undo Answer fit question 9"
    window.undo_action.trigger()
    assert "strength" not in session.planner.fit_answers(session.profile.id)
    assert not page.quiz.buttons[("strength", "maths-systems")].isChecked()
    window.redo_action.trigger()
    assert page.quiz.buttons[("strength", "maths-systems")].isChecked()


def test_clear_answers_clears_them_all_in_one_undoable_step(qtbot, window, session):
    page = gap_page(window, qtbot)
    answer(page, "deliverable", "llm-feature")
    answer(page, "stack", "llm-stack")
    page.quiz.clear_button.click()
    assert session.planner.fit_answers(session.profile.id) == {}
    assert cell(page, "ai-engineer", RolesTableModel.COL_FIT) == "—"
    window.undo_action.trigger()
    assert len(session.planner.fit_answers(session.profile.id)) == 2


def test_each_answer_shows_the_roles_it_counts_toward_and_its_article(qtbot, window):
    page = gap_page(window, qtbot)
    texts = page.quiz.findChildren(type(page.quiz.about))
    shown = " ".join(label.text() for label in texts)
    assert "counts toward AI Engineer +3" in shown
    assert "From DataDriven Partners:" in shown
    assert "not a psychometric test" in page.quiz.about.text()
    assert "Career DNA" in page.quiz.about.text() and "[ClarUp]" in page.quiz.about.text()


def test_a_rating_while_the_page_is_hidden_shows_when_it_is_shown(qtbot, window, session):
    page = gap_page(window, qtbot)
    before = cell(page, "ai-engineer", RolesTableModel.COL_MONTHS)
    window.show_page("skills")
    skills = window.page_by_key["skills"]
    for skill in ("rag", "llm-evals", "prompt-engineering"):
        skills.select_skill(skill)
        skills.rate(3)
    gap_page(window, qtbot)
    after = cell(page, "ai-engineer", RolesTableModel.COL_MONTHS)
    assert int(after) < int(before)
    assert after == str(session.snapshot().plan.total_months)


# -- Compare


def compare_page(window):
    window.show_page("compare")
    return window.page_by_key["compare"]


def test_compare_starts_with_your_readiness_months_and_fit(qtbot, window, session):
    page = window.page_by_key["gap"]
    page.quiz.buttons[("deliverable", "llm-feature")].click()
    page = compare_page(window)
    text = page.view.toPlainText()
    plans = session.planner.role_plans()
    assert text.index("You and these roles") < text.index("Pay")
    assert f"{plans['ml-engineer'].total_months} months" in text
    assert "Months at 10 h a week" in text
    ai = session.snapshot().gap_for("ai-engineer")
    assert f"{ai.readiness:.0%} ({ai.hours} hours to close)" in text
    fit = session.planner.fit_result()
    assert f"{fit.score_of('ai-engineer'):.0%}" in text.split("Fit (quiz)")[1].split("Pay")[0]


def test_the_pay_table_for_india_shows_rupee_bands_with_their_key(qtbot, window):
    page = compare_page(window)
    page.region.setCurrentIndex(page.region.findData("India"))
    text = page.view.toPlainText()
    assert "₹L is a lakh (100,000 rupees) and ₹Cr a crore (10 million rupees)" in text
    assert "₹8L–₹15L total" in text and "₹2.5Cr–₹5Cr total" in text
    pay = text.split("Pay in India")[1].split("The work, the stack")[0]
    assert "$" not in pay.split("our reading.")[1]  # past the key line


def test_the_pay_table_for_the_us_keeps_every_source_apart(qtbot, window):
    page = compare_page(window)
    page.region.setCurrentIndex(page.region.findData("US"))
    pay = page.view.toPlainText().split("Pay in US")[1].split("The work, the stack")[0]
    assert "₹" not in pay.split("our reading.")[1]  # past the key line
    assert "$160k–$220k base [AY Automate]" in pay
    assert "$110k–$140k base* [H2K Infosys]" in pay  # basis not stated by the article
    assert "$370k median total [DataDriven Partners]" in pay


def test_a_role_cannot_be_picked_twice(qtbot, window):
    page = compare_page(window)
    first, second, third = page.combos
    model = second.model()
    assert not model.item(second.findData("ai-engineer")).isEnabled()  # shown in column 1
    assert model.item(second.findData("data-scientist")).isEnabled()
    second.setCurrentIndex(second.findData("ai-engineer"))  # as if picked anyway: they swap
    assert first.currentData() == "ml-engineer" and second.currentData() == "ai-engineer"
    third.setCurrentIndex(third.findData("ai-engineer"))
    ids = [c.currentData() for c in page.combos if c.currentData()]
    assert len(ids) == len(set(ids))


def test_compare_shows_where_the_sources_disagree_about_these_roles(qtbot, window, kb):
    text = compare_page(window).view.toPlainText()
    assert "Where the sources disagree about these roles" in text
    about = kb.disagreements_about(["ai-engineer", "ml-engineer"])
    assert about
    for disagreement in about:
        assert disagreement.topic in text
