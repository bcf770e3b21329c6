"""The Plan page: the months with their skills, activities and milestones; a timeline; an
hours-per-week control that re-plans as it moves; marking items done; re-planning from today."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.plan import draw_timeline, row_tip
from careerplanner.charts.words import timeline_words
from careerplanner.core import dates, limits
from careerplanner.core.plan import Plan
from careerplanner.errors import CareerPlannerError
from careerplanner.export import text
from careerplanner.gui.ask import Ask
from careerplanner.gui.models.plan import PlanTreeModel
from careerplanner.gui.plan_export import FORMATS, PlanFormat, suggested_name, write_plan
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.gui.widgets.hours import HoursSpinBox
from careerplanner.gui.widgets.rich_label import RichTextLabel
from careerplanner.gui.widgets.views import heading_label, make_tree_view
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import UpdateProfile
from careerplanner.services.snapshot import Snapshot

HOURS_SAVE_DELAY_MS = 700
#: While the hours control moves, the month list follows every step; the timeline redraws
#: when the control pauses this long.
CHART_DELAY_MS = 120
#: The month list's columns that are as wide as their widest text.
FITTED_COLUMNS = (PlanTreeModel.COL_KIND, PlanTreeModel.COL_HOURS)


class PlanPage(QWidget):
    def __init__(
        self, session: Session, ask: Ask | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ask = ask or Ask(self)
        self._shown: tuple = ()  # the plan and marks the page shows now
        self._listed: tuple = ()  # the plan and marks the month list shows now
        #: A plan and marks for the month list while the page is hidden: listed when shown.
        self._waiting: tuple = ()

        self.heading = heading_label("planHeading", 1.3)
        #: How long the plan takes at these hours, and what each source's timeline comes to at
        #: the pace we read into it: the sentence the exports and the CLI print too.
        self.pace = QLabel()
        self.pace.setObjectName("planPace")
        self.pace.setWordWrap(True)
        self.sources = RichTextLabel()

        self.hours_slider = QSlider(Qt.Orientation.Horizontal)
        self.hours_slider.setRange(1, 40)
        self.hours_slider.setAccessibleName("Hours per week")
        self.hours_slider.setToolTip("Drag to see how the plan changes with more or fewer hours")
        self.hours_spin = HoursSpinBox(limits.HOURS_PER_WEEK)
        self.hours_spin.setAccessibleName("Hours per week")
        hours_label = QLabel("Hours per &week:")
        hours_label.setBuddy(self.hours_spin)
        self.replan_button = QPushButton("&Re-plan From Today")
        self.replan_button.setToolTip(
            "Start the plan this month, keeping everything you have marked done"
        )
        self.hours_message = QLabel()
        self.hours_message.setObjectName("hoursMessage")
        self.hours_spin.show_refusals_in(self.hours_message)
        controls = QHBoxLayout()
        controls.addWidget(hours_label)
        controls.addWidget(self.hours_slider, 1)
        controls.addWidget(self.hours_spin)
        controls.addSpacing(16)
        controls.addWidget(self.replan_button)
        self.export_button = QPushButton("E&xport Plan")
        self.export_button.setToolTip("Save the plan as a checklist, spreadsheet, calendar or PDF")
        export_menu = QMenu(self.export_button)
        for fmt in FORMATS:
            export_menu.addAction(fmt.label, lambda f=fmt: self.export_plan(f))
        self.export_button.setMenu(export_menu)
        controls.addWidget(self.export_button)

        self.model = PlanTreeModel(self)
        self.tree = make_tree_view(self.model, "Plan by month", stretch=PlanTreeModel.COL_WHAT)
        for column in FITTED_COLUMNS:  # sized by _fit_columns, as fitting their contents would
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.tree.installEventFilter(self)
        self.timeline = ChartView("Plan timeline")
        self.timeline.set_tips(row_tip)  # each row's whole name, levels and months

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.timeline)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([560, 460])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.pace)
        layout.addWidget(self.sources)
        layout.addLayout(controls)
        layout.addWidget(self.hours_message)
        layout.addWidget(splitter, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(HOURS_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_hours)

        self.hours_slider.valueChanged.connect(self._on_hours_slide)
        self.hours_spin.valueChanged.connect(self._on_hours_change)
        self.replan_button.clicked.connect(self.replan_from_today)
        self.model.toggled.connect(self._on_item_toggle)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.tree)  # not the hours box, where Ctrl+Z would undo typing
        self._on_session_change(None)

    # -- UI -> session ----------------------------------------------------------------------

    def _on_hours_slide(self, value: int) -> None:
        if self.hours_spin.value() != value:
            self.hours_spin.setValue(value)

    def _on_hours_change(self, value: float) -> None:
        self.hours_slider.blockSignals(True)
        self.hours_slider.setValue(min(round(value), self.hours_slider.maximum()))
        self.hours_slider.blockSignals(False)
        snapshot = self.session.what_if(value)
        if snapshot is not None:
            self._show(snapshot, chart_delay_ms=CHART_DELAY_MS)
            self._save_timer.start()

    def flush(self) -> None:
        """Save an hours change still waiting for the control to settle (window closing)."""
        if self._save_timer.isActive():
            self._save_hours()

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    def _save_hours(self) -> None:
        self._save_timer.stop()
        profile = self.session.profile
        value = self.hours_spin.value()
        if profile is None or profile.hours_per_week == value:
            return
        self.session.do(
            UpdateProfile(profile.id, hours_per_week=value), f"Set {value:g} hours per week"
        )

    def export_plan(self, fmt: PlanFormat) -> None:
        self.flush()
        snapshot = self.session.snapshot()
        if snapshot is None or snapshot.plan is None:
            return
        path = self.ask.save_file(
            "Export plan", suggested_name(snapshot, self.session.kb, fmt), fmt.filter
        )
        if path is None:
            return
        if path.suffix.lower() != fmt.suffix:
            path = path.with_name(path.name + fmt.suffix)
        try:
            write_plan(snapshot, snapshot.plan_kb(self.session.kb), fmt, path)
        except CareerPlannerError as error:
            self.ask.error("The plan was not saved", str(error))
            return
        self.session.message.emit(f"Plan saved to {path}")

    def replan_from_today(self) -> None:
        self.flush()
        if self.session.profile is not None:
            self.session.replan()

    def _on_item_toggle(self, item_id: str, done: bool) -> None:
        self.flush()
        snapshot = self.session.snapshot()
        if snapshot is None or snapshot.plan is None:
            return
        item = next(i for m in snapshot.plan.months for i in m.items if i.id == item_id)
        label = "Mark done" if done else "Mark not done"
        implied = self.session.planner.implied_rating(item_id) if done else None
        rate = implied is not None and self.ask.question(
            "Record your new level?",
            f"{_can_now(implied[0].levels[implied[1]])} — set {implied[0].name} to "
            f"{implied[1]}?\n\nYour rating is {snapshot.levels.get(implied[0].id, 0)}; the "
            "Gap page and the plan follow it: with the new level the plan is made again, so "
            "this step, met then, leaves it and later months move up. Just Tick It keeps the "
            "step in the plan, ticked.",
            yes=f"Set {implied[0].name} to {implied[1]}",
            no="Just Tick It",
        )
        text = f"Mark done and rate {implied[0].name} {implied[1]}" if rate and implied else None
        if not self.session.mark_item(
            item_id, "done" if done else None, text or f"{label}: {_short(item.text)}", rate
        ):
            return
        if done and not rate and item.skill is not None and item.level is not None:
            self._remind_to_rate(item.skill, item.level)

    def _remind_to_rate(self, skill_id: str, level: int) -> None:
        """A finished skill step says what you can do now; the rating stays the user's call."""
        snapshot = self.session.snapshot()
        skill = self.session.kb.skill(skill_id)
        current = snapshot.levels.get(skill_id, 0)
        if current < level:
            self.session.message.emit(
                f"Marked done. Your {skill.name} rating is still {current}: raise it on the "
                f"Skills page once this is true: {skill.levels[level]}"
            )

    # -- session -> UI ----------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of("levels", "profile", "marks", "plans"):
            return
        if self._save_timer.isActive():
            # An hours change is still waiting to be saved: save it first (that edit refreshes
            # the page again), rather than resetting the control to the stored value.
            self._save_hours()
            return
        snapshot = self.session.snapshot()
        if snapshot is None:
            return
        hours = snapshot.profile.hours_per_week
        for control, value in ((self.hours_spin, hours), (self.hours_slider, round(hours))):
            control.blockSignals(True)
            control.setValue(value)
            control.blockSignals(False)
        self._show(snapshot)

    def _show(self, snapshot: Snapshot, chart_delay_ms: int = 0) -> None:
        plan = snapshot.plan
        if plan is None:  # a stored value the plan cannot be made from: say what to change
            self.heading.setText("No plan yet")
            self.pace.clear()
            self.sources.setText(escape(snapshot.plan_problem))
            self.model.set_plan((), {})
            self._fit_columns()
            self._shown = self._listed = self._waiting = ()
            self.timeline.plot(draw_timeline, None)
            self.timeline.describe(timeline_words(None))
            return
        same_plan = bool(self._shown) and plan is self._shown[0]
        if same_plan and snapshot.statuses == self._shown[1]:
            return  # the plan on screen already (an hours step, then its save)
        self._shown = (plan, snapshot.statuses)
        if not same_plan:
            kb = snapshot.plan_kb(self.session.kb)
            self.heading.setText(_heading(kb, plan))
            self.pace.setText(text.pace_sentence(plan, kb))
            self.sources.setText(_posting_html(snapshot) + _notes_html(plan))
        if self.isVisible():
            self._list(plan, snapshot.statuses)
        else:  # a rating on the Skills page does not wait for the month list
            self._waiting = (plan, snapshot.statuses)
        self.timeline.plot(draw_timeline, plan, done=snapshot.done_items, delay_ms=chart_delay_ms)
        if not same_plan:
            self.timeline.describe(timeline_words(plan))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._waiting:
            self._list(*self._waiting)

    def _list(self, plan: Plan, statuses: dict[str, str]) -> None:
        self._waiting = ()
        if self._listed and plan is self._listed[0]:
            # Only marks changed (an item ticked): repaint them in place, so the selection
            # and the keyboard stay on the row the user just ticked.
            self.model.set_statuses(statuses)
            self._fit_columns()  # "Skill (skipped)" is wider than "Skill"
        else:
            self._set_plan(plan, statuses)
        self._listed = (plan, statuses)

    def _set_plan(self, plan: Plan, statuses: dict[str, str]) -> None:
        """A new plan in the list: folded months stay folded and the current row stays on the
        same item (or month) if the new plan still has it."""
        collapsed = self._collapsed_months()
        current = self.tree.currentIndex()
        item = self.model.item_at(current)
        month = self.model.group_at(current.parent() if item else current)
        self.model.set_plan(plan.months, statuses)
        self._fit_columns()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if dates.first_of_month(self.model.group_at(index).start) not in collapsed:
                self.tree.expand(index)
        again = self.model.index_of(item.id if item else None, month.start if month else None)
        if again.isValid():
            self.tree.setCurrentIndex(again)

    def _fit_columns(self) -> None:
        """The Kind and Hours columns as wide as Qt's fit-to-contents makes them (the widest
        text, or the header), measured on one row per distinct text: fitting them to their
        contents measures every row again at every hours step and every tick."""
        header = self.tree.header()
        for column in FITTED_COLUMNS:
            texts = [
                self.tree.sizeHintForIndex(index).width()
                for index in self.model.one_index_per_text(column)
            ]
            width = max([header.sectionSizeHint(column), *texts])
            bounded = min(max(width, header.minimumSectionSize()), header.maximumSectionSize())
            header.resizeSection(column, bounded)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_columns()  # the same texts, measured in the new font
        return super().eventFilter(watched, event)

    def _collapsed_months(self) -> set[date]:
        """Months the user folded away, by calendar month: they stay folded across re-plans
        (and past midnight, when the first month starts a day later)."""
        return {
            dates.first_of_month(self.model.group_at(self.model.index(row, 0)).start)
            for row in range(self.model.rowCount())
            if not self.tree.isExpanded(self.model.index(row, 0))
        }


def _heading(kb: KnowledgeBase, plan: Plan) -> str:
    route = f"{kb.role(plan.from_role).name} → {kb.role(plan.to_role).name}"
    if plan.ready:
        return f"{route}: you already meet the requirements"
    months = plan.total_months
    first, last = plan.months[0].start, plan.months[-1].start
    return (
        f"{route}: {months} month{'s' if months != 1 else ''} at "
        f"{plan.hours_per_week:g} h/week "
        f"({dates.short_month_year(first)} – {dates.short_month_year(last)})"
    )


def _posting_html(snapshot: Snapshot) -> str:
    """When the plan aims at a saved job posting, say so first, and how to go back."""
    if snapshot.posting is None:
        return ""
    return (
        f"<div>• <b>This plan aims at the job posting “{escape(snapshot.posting.role.name)}”"
        "</b>, not at your target role. Choose a role on the Gap page, or Plan for My Role "
        "Instead on the Job Posting page, to plan for a role again.</div>"
    )


def _notes_html(plan: Plan) -> str:
    """The plan's notes: what the sources say about its length, the pace, anything borrowed."""
    return "".join(f"<div>• {escape(note)}</div>" for note in plan.notes)


def _can_now(level_text: str) -> str:
    """A level's description as something just reached: "You can now write tests…"."""
    text = level_text.rstrip(".")
    return "You can now " + text[len("You can ") :] if text.startswith("You can ") else text


def _short(text: str, limit: int = 48) -> str:
    """An item's text cut to fit a menu entry ("Undo Mark done: Build the first of two…")."""
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
