"""The Progress page: am I on track? The verdict and how it was worked out, a forecast finish date,
this week, charts of readiness (yours beside the plan's), hours per week and plan items done; a
form to log a check-in and the list of past ones, each of which can be edited or deleted.

Every sentence here is a property of one ``ProgressReport`` (``core.progress``), the same report
``careerplanner progress`` prints for the same day, so the page never contradicts itself or the
command line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.progress import report_charts, report_pngs
from careerplanner.core import dates
from careerplanner.core.plan_model import parse_skill_item
from careerplanner.core.progress import BEHIND, ON_TRACK, ProgressReport
from careerplanner.errors import CareerPlannerError
from careerplanner.export.progress_html import progress_html
from careerplanner.files import write_whole
from careerplanner.gui.ask import Ask
from careerplanner.gui.models.checkins import CheckinTableModel
from careerplanner.gui.printing import pdf_from_html
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.gui.widgets.checkin_form import CheckinForm
from careerplanner.gui.widgets.refresh import RefreshWhenShown
from careerplanner.gui.widgets.views import heading_label, make_table_view
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import AddCheckin, DeleteCheckin, EditCheckin
from careerplanner.services.planner import Checkin

#: The check-in list's columns that are as wide as their text.
_FITTED = (CheckinTableModel.COL_DAY, CheckinTableModel.COL_HOURS)
#: The widths of the columns the note shares the rest with, on a table wide enough for them.
_SHARED = {CheckinTableModel.COL_SKILLS: 200, CheckinTableModel.COL_ITEMS: 160}
#: Colours of the verdict: behind in amber, on track or ahead in green, the rest plain.
_VERDICT_COLOURS = {BEHIND: "#9a6700", ON_TRACK: "#1a7f37", "ahead": "#1a7f37"}


class ProgressPage(RefreshWhenShown):
    def __init__(
        self, session: Session, ask: Ask | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ask = ask or Ask(self)
        self.report: ProgressReport | None = None

        self.headline = heading_label("progressHeadline", 1.6)
        self.headline.setAccessibleName("Progress status")
        self.schedule = QLabel()
        self.forecast = QLabel()
        self.this_week = QLabel()
        self.this_week.setTextFormat(Qt.TextFormat.PlainText)
        self.week_items = QLabel()
        self.week_items.setTextFormat(Qt.TextFormat.PlainText)
        self.items = QLabel()
        for label in (self.schedule, self.forecast, self.this_week, self.week_items, self.items):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.schedule.setToolTip(
            "Behind or ahead compares every hour you logged with your plan's hours a week since "
            "it began; within one week of hours either way is on track."
        )
        self.export_button = QPushButton("Export &Report (PDF)…")
        self.export_button.setToolTip(
            "Save this page as a PDF to hand in: the status, this week, the charts, check-ins"
        )
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.readiness_chart = ChartView("Readiness for your target over time")
        self.hours_chart = ChartView("Hours logged per week against the plan")
        self.items_chart = ChartView("Plan items done over time")
        charts = QSplitter()
        for chart in (self.readiness_chart, self.hours_chart, self.items_chart):
            charts.addWidget(chart)
        charts.setChildrenCollapsible(False)

        self.form = CheckinForm(session.kb)
        self.form.setMinimumWidth(330)
        self.form.setMaximumWidth(420)
        self.model = CheckinTableModel({s.id: s.name for s in session.kb.skills}, self)
        self.table = make_table_view(self.model, "Past check-ins, newest first")
        self.table_title = QLabel("Past check-ins")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setToolTip("Change the selected check-in (Enter or a double-click)")
        self.delete_button = QPushButton("Dele&te")
        self.delete_button.setToolTip("Delete the selected check-in (Delete; Ctrl+Z undoes it)")
        table_box = self._checkin_list()
        self._fit_columns()

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
        splitter.setSizes([300, 360])
        splitter.setChildrenCollapsible(False)

        # In a small window the charts and the form cannot all fit: they scroll under the
        # status lines rather than squeeze the form's fields on top of each other.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(splitter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for label in (self.schedule, self.forecast, self.this_week, self.week_items, self.items):
            layout.addWidget(label)
        layout.addWidget(scroll, 1)

        self.form.submitted.connect(self._on_submit)
        self.form.cancelled.connect(self.table.setFocus)
        self.export_button.clicked.connect(self.export_report)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            (QKeySequence(Qt.Key.Key_Return), self.edit_selected),
            (QKeySequence(Qt.Key.Key_Enter), self.edit_selected),
        ):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.form.hours)  # the page is for logging hours
        self._on_selection()
        self._on_session_change(None)

    def _checkin_list(self) -> QWidget:
        """The past check-ins under a title: the date and hours fit their text, the skills and
        items columns keep a readable width and the note takes the rest."""
        header = self.table.horizontalHeader()
        # Sized to their text when the rows change (``_fit_columns``), not at every layout:
        # measuring a thousand rows of ten years of check-ins each time the page is shown took
        # as long as drawing the page.
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        for column, width in _SHARED.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(CheckinTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self._sharing = False  # True while _share_width sizes columns, not the user
        self._user_sized = False  # the user dragged a shared column: their widths stay
        header.sectionResized.connect(self._on_section_resized)
        self.table.viewport().installEventFilter(self)
        title = QHBoxLayout()
        title.addWidget(self.table_title, 1)
        title.addWidget(self.edit_button)
        title.addWidget(self.delete_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title)
        layout.addWidget(self.table)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    def _share_width(self) -> None:
        """On a narrow table the skills and items columns give up width, so the note keeps a
        readable share of it and nothing goes behind a sideways scroll bar."""
        if self._user_sized:
            return
        header = self.table.horizontalHeader()
        rest = self.table.viewport().width() - sum(header.sectionSize(c) for c in _FITTED)
        self._sharing = True
        try:
            for column, width in _SHARED.items():
                header.resizeSection(column, max(80, min(width, int(rest * 0.3))))
        finally:
            self._sharing = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column in _SHARED and not self._sharing:
            self._user_sized = True

    def _fit_columns(self) -> None:
        """The date and hours columns as wide as their text, as Qt's "resize to contents"
        measures it (the header and up to a thousand rows)."""
        for column in _FITTED:
            self.table.resizeColumnToContents(column)
        self._share_width()

    # -- UI -> session ----------------------------------------------------------------------

    def _on_submit(
        self, day: date, hours: float, note: str, skills: tuple[str, ...], items: tuple[str, ...]
    ) -> None:
        profile = self.session.profile
        if profile is None:
            return
        editing = self.form.editing
        try:
            if editing is None:
                edit = AddCheckin(profile.id, day, hours, note, skills, items)
                label = f"Log {hours:g} h check-in"
            else:
                edit = EditCheckin(editing, day, hours, note, skills, items)
                label = f"Edit check-in of {_day(day)}"
        except (ValueError, CareerPlannerError) as error:
            self.ask.error("The check-in was not saved", str(error))
            return
        if not self.session.do(edit, label):
            return
        if editing is None:
            self.form.clear_entry()
        else:
            self.form.end_edit()
        self.form.hours.setFocus()

    def selected_checkin(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        checkin = self.selected_checkin()
        if checkin is not None:
            self.form.load(checkin, self._item_texts())

    def delete_selected(self) -> None:
        checkin = self.selected_checkin()
        if checkin is None:
            return
        if self.form.editing == checkin.id:
            self.form.end_edit()
        day = checkin.day
        if self.session.do(DeleteCheckin(checkin.id, day), f"Delete check-in of {_day(day)}"):
            self.session.message.emit("Check-in deleted; Ctrl+Z brings it back")

    def export_report(self) -> None:
        """File ▸ Export Progress Report (PDF): this page as a PDF to hand in."""
        profile = self.session.profile
        if profile is None:
            return
        if self._stale or self.report is None:
            self.refresh()
        report = self.report
        if report is None:
            self.ask.info("Export progress report", "There is no plan to report on yet.")
            return
        path = self.ask.save_file(
            "Export progress report",
            f"{profile.name} progress {report.today.isoformat()}.pdf",
            "PDF files (*.pdf)",
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_whole(path, pdf_from_html(self.report_html(), "Progress report"))
        except (CareerPlannerError, OSError) as error:
            self.ask.error("The report was not saved", str(error))
            return
        self.session.message.emit(f"Progress report saved to {Path(path)}")

    def report_html(self) -> str:
        """The printable report of what the page shows (``progress --format html``'s)."""
        report = self.report
        profile = self.session.profile
        assert report is not None and profile is not None
        kb = self.session.kb
        target = kb.role(profile.target).name
        checkins = self.session.planner.checkins(profile.id)
        names = {s.id: s.name for s in kb.skills}
        return progress_html(
            report,
            profile=profile.name,
            target=target,
            checkins=checkins,
            skill_names=[", ".join(names.get(s, s) for s in c.skills) for c in checkins],
            charts=report_pngs(report, target),
        )

    # -- session -> UI ----------------------------------------------------------------------

    def _on_selection(self, *_args) -> None:
        chosen = self.selected_checkin() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of(
            "checkins", "levels", "profile", "marks", "plans"
        ):
            return
        if self.form.editing is not None and change is not None and change.any_of("profile"):
            self.form.end_edit()  # another profile's check-in is not this one's to edit
        # Working the report out reads the whole rating history: do it when the page is seen,
        # not on every rating made on another page.
        self.mark_stale()

    def _refresh(self) -> None:
        planner = self.session.planner
        snapshot = planner.snapshot()
        if snapshot is None:
            return
        if snapshot.plan is None:
            self.report = None
            self.headline.setText("No plan to track yet")
            self.schedule.setText(snapshot.plan_problem)
            for label in (self.forecast, self.this_week, self.week_items, self.items):
                label.clear()
            return
        profile = snapshot.profile
        today = planner.today()
        self.report = report = planner.progress(today)
        assert report is not None  # there is a plan
        self.headline.setText(report.headline)
        self.headline.setStyleSheet(f"color: {_VERDICT_COLOURS.get(report.status, '')};")
        self.schedule.setText(report.schedule_line)
        self.forecast.setText(report.forecast_line)
        self.this_week.setText(report.this_week_line)
        open_items = report.this_week.items
        self.week_items.setText("\n".join(f"☐ {item.text}" for item in open_items[:6]))
        if len(open_items) > 6:
            self.week_items.setText(
                self.week_items.text() + f"\n… and {len(open_items) - 6} more on the Plan page"
            )
        self.week_items.setVisible(bool(open_items))
        self.items.setText(report.items_line)

        plan = snapshot.plan
        self.form.set_today(today)
        self.form.put_first(step.skill for month in plan.months for step in month.skills)
        started = [m for m in plan.months if m.start <= today]
        current = [m for m in started if m.end >= today]
        linkable = [
            (item.id, item.text)
            for month in [*current, *reversed([m for m in started if m not in current])]
            for item in month.items
            if item.id not in snapshot.statuses
        ]
        self.form.set_plan_items(linkable)
        checkins = planner.checkins(profile.id)
        if self.model.set_rows(checkins, report.start, self._item_texts(checkins)):
            self._fit_columns()
        self._on_selection()
        self.table_title.setText(
            f"Past check-ins: {len(checkins)}, {sum(c.hours for c in checkins):g} h in all"
            if checkins
            else "No check-ins yet"
        )
        target = self.session.kb.role(profile.target).name
        views = (self.readiness_chart, self.hours_chart, self.items_chart)
        for view, (_title, draw, args, kwargs) in zip(
            views, report_charts(report, target), strict=True
        ):
            view.plot(draw, *args, **kwargs)
        # What the charts show, in words, for screen readers and as a tooltip.
        for chart, text in (
            (self.readiness_chart, _readiness_words(report, target)),
            (self.hours_chart, _hours_words(report)),
            (self.items_chart, report.items_line),
        ):
            chart.setAccessibleDescription(text)
            chart.setToolTip(text)

    def _item_texts(self, checkins: Sequence[Checkin] | None = None) -> dict[str, str]:
        """Plan item ids in words; a skill step no longer in the plan (its level reached) is
        named from the id. ``checkins``: the profile's, if read already."""
        snapshot = self.session.snapshot()
        if checkins is None:
            checkins = self.session.planner.checkins(snapshot.profile.id) if snapshot else ()
        texts: dict[str, str] = {}
        for checkin in checkins:
            for item_id in checkin.items:
                step = parse_skill_item(item_id)
                skill = self.session.kb.find_skill(step[0]) if step else None
                if step and skill:
                    texts[item_id] = f"{skill.name} to level {step[1]}"
        if snapshot is not None and snapshot.plan is not None:
            texts.update(
                {item.id: item.text for month in snapshot.plan.months for item in month.items}
            )
        return texts


def _readiness_words(report: ProgressReport, target: str) -> str:
    points = report.readiness_over_time
    if not points:
        return "No ratings yet."
    first, last = points[0], points[-1]
    return (
        f"Readiness for {target}: {first.readiness:.0%} on {dates.short_date(first.day)}, "
        f"{last.readiness:.0%} on {dates.short_date(last.day)}."
    )


def _hours_words(report: ProgressReport) -> str:
    weeks = report.weekly[-2:]
    if not weeks:
        return "No hours logged yet."
    names = ("This week", "Last week")
    return " ".join(
        f"{name}: {week.logged:g} h logged of {week.planned:g} h planned."
        for name, week in zip(names, reversed(weeks), strict=False)
    )


def _day(day: date) -> str:
    """ "Wed 4 Mar", for the Edit menu."""
    return dates.format_date(day, f"%a {day.day} %b")
