"""The two moments that must keep up with the hand: an hours step on the Plan page (the month
list and the timeline follow it) and a rating on the Skills page (every page right when looked
at). What is checked is what the user sees, and how much is redrawn or rebuilt for it, never how
long it takes."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from PySide6.QtWidgets import QHeaderView

from careerplanner.gui.models.plan import PlanTreeModel
from careerplanner.gui.models.skills import SkillTreeModel
from careerplanner.services.edits import RateSkill


def _plan_page(qtbot, window):
    window.show_page("plan")
    page = window.page_by_key["plan"]
    chart = page.timeline
    qtbot.waitUntil(lambda: chart.figure is not None and bool(chart.figure.axes))
    chart.flush()
    qtbot.waitUntil(lambda: hasattr(chart.figure.canvas, "renderer"))
    return page


def test_an_hours_step_redraws_only_the_timelines_bars_and_dates(qtbot, window):
    page = _plan_page(qtbot, window)
    canvas = page.timeline.figure.canvas
    full_draws = []
    draw_in_full = canvas.draw
    canvas.draw = lambda: (full_draws.append(True), draw_in_full())
    before = np.asarray(canvas.buffer_rgba()).copy()
    page.hours_spin.setValue(page.hours_spin.value() + 6)
    page.timeline.flush()
    qtbot.wait(10)
    assert full_draws == [], "an hours step keeps the rows, so nothing is drawn in full"
    shown = np.asarray(canvas.buffer_rgba()).copy()
    assert not np.array_equal(shown, before), "the bars and dates moved"
    # What is on screen is exactly what drawing the whole chart, laid out as it is, gives.
    page.timeline.figure.set_layout_engine("none")
    draw_in_full()
    assert np.array_equal(np.asarray(canvas.buffer_rgba()), shown)


def test_the_timeline_is_drawn_in_full_when_its_skills_change(qtbot, window, session):
    page = _plan_page(qtbot, window)
    canvas = page.timeline.figure.canvas
    full_draws = []
    draw_in_full = canvas.draw
    canvas.draw = lambda: (full_draws.append(True), draw_in_full())
    plan = session.snapshot().plan
    step = next(s for m in plan.months for s in m.skills)
    session.do(RateSkill(session.profile.id, step.skill, 4))  # one skill fewer to plan
    page.timeline.flush()
    qtbot.waitUntil(lambda: bool(full_draws))
    names = [
        t.get_text().rsplit("  ", 1)[0] for t in page.timeline.figure.axes[0].get_yticklabels()
    ]
    assert step.name not in names


def _fitted_width(tree, column: int) -> int:
    """The width Qt's own fit-to-contents gives the column."""
    header = tree.header()
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
    width = header.sectionSize(column)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    return width


def test_the_kind_and_hours_columns_are_as_wide_as_their_widest_text(qtbot, window, session):
    page = _plan_page(qtbot, window)
    columns = (PlanTreeModel.COL_KIND, PlanTreeModel.COL_HOURS)
    header = page.tree.header()
    for hours in (3, 25):
        page.hours_spin.setValue(hours)
        for column in columns:
            assert header.sectionSize(column) == _fitted_width(page.tree, column)
    kind = header.sectionSize(PlanTreeModel.COL_KIND)
    milestone = next(
        i for m in session.snapshot().plan.months for i in m.items if i.kind == "milestone"
    )
    assert session.mark_item(milestone.id, "skipped", "Skip a milestone")
    assert header.sectionSize(PlanTreeModel.COL_KIND) > kind  # "Milestone (skipped)"
    assert header.sectionSize(PlanTreeModel.COL_KIND) == _fitted_width(page.tree, 1)


def test_a_hidden_plan_page_lists_the_new_plan_once_it_is_shown(
    qtbot, window, session, monkeypatch
):
    window.show_page("skills")
    page = window.page_by_key["plan"]
    listed = []
    real_set_plan = page.model.set_plan
    monkeypatch.setattr(
        page.model, "set_plan", lambda *args: (listed.append(args), real_set_plan(*args))
    )
    session.do(RateSkill(session.profile.id, "python", 4))
    assert listed == [], "the Skills page does not wait for the month list"
    assert "h/week" in page.heading.text()  # the few words on top follow at once
    window.show_page("plan")
    assert len(listed) == 1
    months = session.snapshot().plan.months
    assert page.model.rowCount() == len(months)
    assert page.model.group_at(page.model.index(0, 0)) == months[0]
    assert all(page.tree.isExpanded(page.model.index(r, 0)) for r in range(len(months)))


def test_one_rating_builds_the_live_plan_once_and_no_other_roles_plan(
    qtbot, window, session, monkeypatch
):
    from careerplanner.services import planner as planner_module

    gap = window.page_by_key["gap"]  # built (pages are built when first asked for), hidden
    window.show_page("skills")
    built, every_role = [], []
    real_build, real_every = planner_module.build_plan, planner_module.every_role_plan
    monkeypatch.setattr(
        planner_module, "build_plan", lambda *a: (built.append(a), real_build(*a))[1]
    )
    monkeypatch.setattr(
        planner_module,
        "every_role_plan",
        lambda *a, **k: (every_role.append(a), real_every(*a, **k))[1],
    )
    gap_lists = []
    real_rows = gap.model.set_rows
    monkeypatch.setattr(gap.model, "set_rows", lambda rows: (gap_lists.append(1), real_rows(rows)))
    skills = window.page_by_key["skills"]
    skills.select_skill("pytorch")
    skills.rate(3)
    qtbot.wait(10)
    assert session.snapshot().levels["pytorch"] == 3
    assert len(built) == 1, "the new levels' plan, built once for every page"
    assert every_role == [] and gap_lists == [], "the Gap page waits until it is shown"
    window.show_page("gap")
    assert len(every_role) == 1 and len(gap_lists) == 1
    rows = [gap.model.gap_at(r) for r in range(gap.model.rowCount())]
    assert rows and all(g.current == 3 for g in rows if g.skill == "pytorch")


class _SpyingSkillTreeModel(SkillTreeModel):
    """The Skills page's model, noting which skills' rows a view asks about."""

    asked: ClassVar[list[str]] = []

    def data(self, index, role=0):
        skill = self.child_at(index)
        if skill is not None:
            self.asked.append(skill.id)
        return super().data(index, role)


def test_a_rating_repaints_the_rated_row_and_no_other(qtbot, session, db_path, ask, monkeypatch):
    from careerplanner.gui import main_window
    from careerplanner.gui.pages import skills as skills_page

    monkeypatch.setattr(skills_page, "SkillTreeModel", _SpyingSkillTreeModel)
    window = main_window.MainWindow(session, db_path, ask=ask)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    skills = window.page_by_key["skills"]
    skills.select_skill("pytorch")
    qtbot.wait(10)
    asked = _SpyingSkillTreeModel.asked
    asked.clear()
    skills.rate(3)
    qtbot.wait(10)
    assert session.snapshot().levels["pytorch"] == 3
    index = skills.proxy.mapFromSource(skills.model.index_of_skill("pytorch"))
    assert index.siblingAtColumn(1).data() == "3"
    assert set(asked) == {"pytorch"}, "no other row is measured or repainted"


def test_the_plans_notes_take_the_height_their_text_needs(qtbot, window, session):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    page = _plan_page(qtbot, window)
    notes = page.sources

    def needed(width: int) -> int:
        plain = QLabel()
        plain.setTextFormat(Qt.TextFormat.RichText)
        plain.setWordWrap(True)
        plain.setFont(notes.font())
        plain.setText(notes.text())
        return plain.heightForWidth(width)

    for width in (300, 700):
        assert notes.heightForWidth(width) == needed(width)
    before = notes.text()
    session.create_profile("Ana", "data-scientist", "ai-engineer", 5)  # other notes
    assert notes.text() != before and notes.heightForWidth(300) == needed(300)
    short = notes.heightForWidth(300)
    notes.setText(notes.text() + "<div>• one more line of notes to wrap</div>" * 3)
    assert notes.heightForWidth(300) == needed(300) > short
