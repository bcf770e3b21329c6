"""The Gap page: which role fits you, which you are closest to, and how long each would take at
your hours, on one page. Every role in a sortable table (fit, readiness, hours, months) beside
the readiness chart; a click on a row or a bar chooses a role, whose missing skills, skill areas
and the fit quiz are in the tabs below. A role chosen here can become the target."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.gap import draw_categories, draw_readiness
from careerplanner.charts.words import categories_words, readiness_words
from careerplanner.core.fit import FitResult
from careerplanner.core.plan import Plan
from careerplanner.core.why_it_counts import why_it_counts
from careerplanner.gui.models.gap import (
    ROLE_ID_ROLE,
    SORT_ROLE,
    GapRow,
    GapTableModel,
    RoleRow,
    RolesTableModel,
)
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.gui.widgets.fit_quiz import FitQuizView
from careerplanner.gui.widgets.legible import LinkLabel
from careerplanner.gui.widgets.refresh import RefreshWhenShown
from careerplanner.gui.widgets.views import make_table_view, rows_height
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import UpdateProfile
from careerplanner.services.fit import answers_edit
from careerplanner.services.snapshot import Snapshot

#: What the page shows depends on these parts of a change.
SHOWN = ("levels", "profile", "plans", "fit")


class GapPage(RefreshWhenShown):
    TAB_MISSING, TAB_AREAS, TAB_QUIZ = range(3)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        kb = session.kb
        self._selected = ""
        self._follow_target = True
        self._plans: dict[str, Plan | None] = {}
        self._fit: FitResult | None = None
        self._laid_out = False

        self.fits_card = _card("Fit quiz result")
        self.ready_card = _card("Closest to ready")
        self.fits_card.linkActivated.connect(lambda _link: self.show_quiz())
        cards = QHBoxLayout()
        cards.addWidget(self.fits_card, 1)
        cards.addWidget(self.ready_card, 1)

        self.roles_model = RolesTableModel(self)
        self.roles_proxy = QSortFilterProxyModel(self)
        self.roles_proxy.setSourceModel(self.roles_model)
        self.roles_proxy.setSortRole(SORT_ROLE)
        self.roles_table = make_table_view(
            self.roles_proxy, "Every role: fit, readiness, hours and months at your hours"
        )
        header = self.roles_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RolesTableModel.COL_ROLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicator(RolesTableModel.COL_READY, Qt.SortOrder.DescendingOrder)
        self.roles_table.setSortingEnabled(True)
        self.roles_table.setSelectionMode(self.roles_table.SelectionMode.SingleSelection)
        self.roles_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.readiness_chart = ChartView("Readiness for every role; click a bar to choose it")
        top = QSplitter()
        top.addWidget(self.roles_table)
        top.addWidget(self.readiness_chart)
        top.setChildrenCollapsible(False)
        self._top = top

        self.make_target = QPushButton("Make This My &Target")
        self.make_target.setToolTip("Plan towards this role from now on (undoable)")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = GapTableModel(self)
        self.table = make_table_view(self.model, "Missing skills, most important first")
        self.table.setWordWrap(True)
        gap_header = self.table.horizontalHeader()
        gap_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        gap_header.setSectionResizeMode(GapTableModel.COL_WHY, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their "Why it counts", whatever the column's width.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        controls = QHBoxLayout()
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.make_target)
        missing = QWidget()
        missing_layout = QVBoxLayout(missing)
        missing_layout.addLayout(controls)
        missing_layout.addWidget(self.table)

        self.category_chart = ChartView("Selected role by skill area")
        self.quiz = FitQuizView(session.planner.fit_quiz, kb)
        self.tabs = QTabWidget()
        self.tabs.addTab(missing, "Missing skills")
        self.tabs.addTab(self.category_chart, "By skill area")
        self.tabs.addTab(self.quiz, "Fit quiz: what do you enjoy?")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self._splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)

        self.roles_table.selectionModel().currentRowChanged.connect(self._on_role_row)
        self.readiness_chart.picked.connect(self.select_role)
        self.make_target.clicked.connect(self._on_make_target)
        self.quiz.answered.connect(self._on_answer)
        self.quiz.cleared.connect(self._on_clear_answers)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.roles_table)
        self.refresh()

    # -- what the page shows ------------------------------------------------------------------

    def selected_role(self) -> str:
        return self._selected

    def select_role(self, role_id: str) -> None:
        """Choose a role (from a bar, a row, another page): its row is selected and the tabs
        below show it."""
        if role_id == self._selected:
            return
        snapshot = self.session.snapshot()
        self._follow_target = snapshot is None or role_id == snapshot.profile.target
        self._selected = role_id
        self._select_row()
        self._show_role()

    def show_quiz(self) -> None:
        self.tabs.setCurrentIndex(self.TAB_QUIZ)

    def _refresh(self) -> None:
        """Read everything again: every role's plan at your hours, the fit, the tables."""
        snapshot = self.session.snapshot()
        if snapshot is None:
            return
        planner = self.session.planner
        self._plans = planner.role_plans()
        self._fit = planner.fit_result()
        if self._follow_target or not self._selected:
            self._selected = snapshot.profile.target
        self.roles_model.set_hours(snapshot.profile.hours_per_week)
        self.roles_model.set_rows(self._role_rows(snapshot))
        self._select_row()
        self.quiz.set_answers(planner.fit_answers(snapshot.profile.id), self._fit)
        self._show_cards(snapshot)
        self._show_role()

    # -- UI -> session ----------------------------------------------------------------------

    def _on_role_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        role_id = current.data(ROLE_ID_ROLE) if current.isValid() else None
        if role_id and role_id != self._selected:
            self.select_role(role_id)

    def _on_make_target(self) -> None:
        profile = self.session.profile
        role_id = self.selected_role()
        if profile is None or role_id == profile.target:
            return
        name = self.session.kb.role(role_id).name
        self._follow_target = True
        self.session.do(UpdateProfile(profile.id, target=role_id), f"Set target to {name}")
        # The button is now disabled: leave the keyboard on the list of gaps, not on whatever
        # widget Qt would pick next.
        self.table.setFocus()

    def _on_answer(self, question_id: str, option_id: str) -> None:
        number = next(
            n
            for n, q in enumerate(self.session.planner.fit_quiz.questions, 1)
            if q.id == question_id
        )
        self._save_answers({question_id: option_id}, f"Answer fit question {number}")

    def _on_clear_answers(self) -> None:
        self._save_answers({}, "Clear fit answers", replace=True)

    def _save_answers(self, answers: dict, text: str, replace: bool = False) -> None:
        profile = self.session.profile
        if profile is None:
            return
        current = self.session.planner.fit_answers(profile.id)
        edit = answers_edit(profile.id, current, answers, replace=replace, text=text)
        if edit is not None:
            self.session.do(edit)

    # -- session -> UI ----------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet) -> None:
        if not change.any_of(*SHOWN):
            return
        if change.any_of("profile") and self._follow_target:
            snapshot = self.session.snapshot()
            self._selected = snapshot.profile.target if snapshot else ""
        self.mark_stale()  # not on screen: all of it when next shown

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._laid_out:
            self._laid_out = True
            # Every role's row on screen, no more: the tabs below take the rest; the table
            # and the chart share the width.
            height = rows_height(self.roles_table, self.roles_model.rowCount()) + 4
            self._splitter.setSizes([height, max(1, self._splitter.height() - height)])
            width = self._top.width()
            self._top.setSizes([width * 3 // 5, width - width * 3 // 5])

    def _role_rows(self, snapshot: Snapshot) -> list[RoleRow]:
        fit = self._fit
        rows = []
        for gap in snapshot.gaps:
            plan = self._plans.get(gap.role)
            rows.append(
                RoleRow(
                    role=gap.role,
                    name=gap.name,
                    readiness=gap.readiness,
                    hours=gap.hours,
                    months=plan.total_months if plan else None,
                    ready=bool(plan and plan.ready),
                    fit=fit.score_of(gap.role) if fit and fit.ranking else None,
                    is_target=gap.role == snapshot.profile.target,
                )
            )
        return rows

    def _select_row(self) -> None:
        row = self.roles_model.row_of(self._selected)
        if row < 0:
            return
        index = self.roles_proxy.mapFromSource(self.roles_model.index(row, 0))
        selection = self.roles_table.selectionModel()
        if selection.currentIndex().row() != index.row() or not selection.hasSelection():
            selection.blockSignals(True)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            selection.blockSignals(False)
            self.roles_table.viewport().update()
        self.roles_table.scrollTo(index)

    def _show_cards(self, snapshot: Snapshot) -> None:
        fit = self._fit
        if fit is None or fit.best is None:
            count = len(self.session.planner.fit_quiz.questions)
            self.fits_card.setText(
                "<b>Fits you best:</b> not known yet. <a href='quiz'>Answer the fit quiz</a>: "
                f"{count} short questions from the articles' own advice."
            )
        else:
            reasons = ", ".join(escape(r.option.short) for r in fit.reasons)
            runner_up = fit.ranking[1] if len(fit.ranking) > 1 else None
            ahead = (
                f"Ahead of {escape(runner_up.name)} ({runner_up.score:.0%})"
                if runner_up and fit.reasons and fit.reasons[0].lead > 0
                else "Level with the next role"
            )
            self.fits_card.setText(
                f"<b>Fits you best:</b> {escape(fit.best.name)} · {fit.best.score:.0%} "
                f"({fit.answered} of {fit.questions} answered; <a href='quiz'>change</a>)"
                f"<br>{ahead}, decided by: {reasons}"
            )
        closest = snapshot.gaps[0] if snapshot.gaps else None
        if closest is None:
            self.ready_card.clear()
            return
        hours = snapshot.profile.hours_per_week
        lines = [
            f"<b>Closest to ready:</b> {escape(closest.name)} · {closest.readiness:.0%} ready · "
            + _months_text(self._plans.get(closest.role), hours)
        ]
        others = []
        quickest = _quickest(self._plans)
        if quickest is not None and quickest[0] != closest.role:
            role, plan = quickest
            name = self.session.kb.role(role).name
            others.append(f"Quickest: {escape(name)}, {_months_text(plan, hours)}")
        target = snapshot.profile.target
        if target not in (closest.role, quickest[0] if quickest else ""):
            name = self.session.kb.role(target).name
            months = _months_text(self._plans.get(target), hours)
            others.append(f"Your target (★): {escape(name)}, {months}")
        if others:
            lines.append(" · ".join(others))
        self.ready_card.setText("<br>".join(lines))

    def _show_role(self) -> None:
        snapshot = self.session.snapshot()
        if snapshot is None or not self._selected:
            return
        kb = self.session.kb
        role = kb.role(self._selected)
        gap = snapshot.gap_for(role.id)
        is_target = role.id == snapshot.profile.target
        self.make_target.setEnabled(not is_target)
        self.make_target.setText("This Is Your Target" if is_target else "Make This My &Target")
        self.tabs.setTabText(self.TAB_MISSING, f"Missing skills: {role.name}")
        self.tabs.setTabText(self.TAB_AREAS, f"{role.name} by skill area")
        self.readiness_chart.plot(
            draw_readiness, snapshot.gaps, snapshot.profile.target, selected=role.id
        )
        self.readiness_chart.describe(
            readiness_words(snapshot.gaps, snapshot.profile.target, selected=role.id)
        )
        self.category_chart.plot(draw_categories, gap)
        self.category_chart.describe(categories_words(gap))
        skills = tuple(g.skill for g in gap.gaps) if gap else ()
        plan = self._plans.get(role.id) if not self._stale else None
        if plan is None and role.id == snapshot.profile.target:
            plan = snapshot.plan  # the very same plan, already made
        reasons = why_it_counts(kb, role, plan, skills)
        self.model.set_rows(GapRow(g, reasons.get(g.skill)) for g in (gap.gaps if gap else ()))
        if gap is None:
            self.summary.clear()
        elif not gap.gaps:
            self.summary.setText(f"<b>{gap.name}</b>: you meet every requirement. Well done!")
        else:
            core = sum(1 for g in gap.gaps if str(g.weight) == "core")
            whole = (
                f" · the plan to it, with what these build on, projects and practice: about "
                f"{plan.hours:.0f} h"
                if plan is not None and not plan.ready
                else ""
            )
            self.summary.setText(
                f"<b>{gap.name}</b>: {gap.readiness:.0%} ready · {len(gap.gaps)} skills to raise "
                f"({core} core) · about {gap.hours} hours of study (our estimate){whole}"
            )


def _card(name: str) -> QLabel:
    card = LinkLabel()
    card.setAccessibleName(name)
    card.setWordWrap(True)
    card.setTextFormat(Qt.TextFormat.RichText)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    card.setMargin(6)
    return card


def _months_text(plan: Plan | None, hours: float) -> str:
    if plan is None:
        return f"no plan can be made at {hours:g} h a week"
    if plan.ready:
        return "ready now: one month of portfolio and interviews"
    return f"{plan.total_months} months at {hours:g} h a week"


def _quickest(plans: dict[str, Plan | None]) -> tuple[str, Plan] | None:
    made = [(role, plan) for role, plan in plans.items() if plan is not None]
    return min(made, key=lambda rp: rp[1].total_months, default=None)
