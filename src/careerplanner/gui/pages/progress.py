"""The Progress page: whether you are on track, with a forecast finish date; readiness for the
target over time and hours logged against the plan; a form to log a check-in and the list of
past check-ins."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.progress import draw_hours, draw_readiness_over_time
from careerplanner.core import dates
from careerplanner.core.progress import ProgressReport
from careerplanner.gui.models.checkins import CheckinTableModel
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.gui.widgets.checkin_form import CheckinForm
from careerplanner.gui.widgets.views import make_table_view
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import AddCheckin


class ProgressPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: ProgressReport | None = None
        self._stale = True

        self.headline = QLabel()
        self.headline.setObjectName("progressHeadline")
        self.headline.setAccessibleName("Progress status")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setToolTip(
            "Behind or ahead compares the hours you logged with your hours per week since the "
            "plan began; the forecast divides the plan's open hours by your last 4 weeks' pace."
        )
        self.items = QLabel()
        self.items.setWordWrap(True)

        self.readiness_chart = ChartView("Readiness for your target over time")
        self.hours_chart = ChartView("Hours logged per week against the plan")
        charts = QSplitter()
        charts.addWidget(self.readiness_chart)
        charts.addWidget(self.hours_chart)
        charts.setChildrenCollapsible(False)

        self.form = CheckinForm(session.kb)
        self.form.setMinimumWidth(330)
        self.form.setMaximumWidth(420)
        self.model = CheckinTableModel({s.id: s.name for s in session.kb.skills}, self)
        self.table = make_table_view(self.model, "Past check-ins, newest first")
        self.table_title = QLabel("Past check-ins")
        table_box = self._checkin_list()

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.form)
        lower_layout.addWidget(table_box, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 330])
        splitter.setChildrenCollapsible(False)

        # In a small window the charts and the form cannot all fit: they scroll under the
        # status lines rather than squeeze the form's fields on top of each other.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(splitter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.items)
        layout.addWidget(scroll, 1)

        self.form.submitted.connect(self._on_checkin)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.form.hours)  # the page is for logging hours
        self._on_session_change(None)

    def _checkin_list(self) -> QWidget:
        """The past check-ins under a title: the date and hours fit their text, the skills
        column keeps a readable width and the note takes the rest."""
        header = self.table.horizontalHeader()
        for column in (CheckinTableModel.COL_DAY, CheckinTableModel.COL_HOURS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            CheckinTableModel.COL_SKILLS, QHeaderView.ResizeMode.Interactive
        )
        header.resizeSection(CheckinTableModel.COL_SKILLS, 270)
        header.setSectionResizeMode(CheckinTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table)
        return box

    # -- UI -> session ----------------------------------------------------------------------

    def _on_checkin(self, day: date, hours: float, note: str, skills: tuple[str, ...]) -> None:
        profile = self.session.profile
        if profile is None:
            return
        self.session.do(
            AddCheckin(profile.id, day, hours, note, skills), f"Log {hours:g} h check-in"
        )
        self.form.clear_entry()
        self.form.hours.setFocus()

    # -- session -> UI ----------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of(
            "checkins", "levels", "profile", "marks", "plans"
        ):
            return
        # Working the report out reads the whole rating history: do it when the page is seen,
        # not on every rating made on another page.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        planner = self.session.planner
        snapshot = planner.snapshot()
        if snapshot is None:
            return
        if snapshot.plan is None:
            self.headline.setText("No plan to track yet")
            self.detail.setText(snapshot.plan_problem)
            return
        profile = snapshot.profile
        today = planner.today()
        checkins = planner.checkins(profile.id)
        self.report = report = planner.progress(today)
        assert report is not None  # there is a plan
        status = report.status
        self.headline.setText(status.headline)
        self.detail.setText(status.detail)
        items = report.items
        self.items.setText(
            f"Plan items: {items.done} done · {items.due} still to do from months that have started"
        )
        self.form.set_today(today)
        self.form.put_first(step.skill for month in snapshot.plan.months for step in month.skills)
        self.model.set_rows(checkins)
        total = sum(c.hours for c in checkins)
        self.table_title.setText(
            f"Past check-ins: {len(checkins)}, {total:g} h in all"
            if checkins
            else "No check-ins yet"
        )
        target = self.session.kb.role(profile.target).name
        self.readiness_chart.plot(
            draw_readiness_over_time, report.readiness, target_name=target, today=today
        )
        self.hours_chart.plot(draw_hours, report.weeks)
        # What the charts show, in words, for screen readers and as a tooltip.
        for chart, text in (
            (self.readiness_chart, _readiness_words(report, target)),
            (self.hours_chart, _hours_words(report)),
        ):
            chart.setAccessibleDescription(text)
            chart.setToolTip(text)


def _readiness_words(report: ProgressReport, target: str) -> str:
    points = report.readiness
    if not points:
        return "No ratings yet."
    first, last = points[0], points[-1]
    return (
        f"Readiness for {target}: {first.readiness:.0%} on {dates.short_date(first.day)}, "
        f"{last.readiness:.0%} on {dates.short_date(last.day)}."
    )


def _hours_words(report: ProgressReport) -> str:
    weeks = report.weeks[-2:]
    if not weeks:
        return "No hours logged yet."
    names = ("This week", "Last week")
    return " ".join(
        f"{name}: {week.logged:g} h logged of {week.planned:.3g} h planned."
        for name, week in zip(names, reversed(weeks), strict=False)
    )
