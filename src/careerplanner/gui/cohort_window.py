"""The cohort window (File ▸ Open Cohort): an instructor's read-only view of a class from the
students' export files. A sortable table of the students, a chart of the class's most common
gaps, the files that could not be read with why, and a double-click that opens one student's
progress report. It reads files only (``services.cohort``) and never touches the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.cohort import draw_common_gaps
from careerplanner.charts.progress import report_pngs
from careerplanner.core.progress import ProgressReport, day_text, plural
from careerplanner.errors import CareerPlannerError
from careerplanner.export.progress_html import progress_html
from careerplanner.files import write_whole
from careerplanner.gui.ask import Ask
from careerplanner.gui.models.cohort import SORT_ROLE, CohortTableModel
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.gui.widgets.views import heading_label, make_table_view, rows_height
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.cohort import Cohort, Student, cohort_csv, read_cohort
from careerplanner.services.progress import progress_report

#: The table opens this many rows tall: at least the first number, and as many as the class has
#: up to the second, if the chart keeps ``MIN_CHART_HEIGHT`` pixels.
TABLE_ROWS = (5, 16)
MIN_CHART_HEIGHT = 300
#: A student's progress report opens this size (the report's charts are 704 pixels wide), and
#: keeps this much room either side of them.
REPORT_SIZE = (800, 720)
REPORT_MARGIN = 8


class CohortWindow(QMainWindow):
    """One class, as read on ``today``; open several side by side if you like."""

    def __init__(
        self,
        kb: KnowledgeBase,
        paths: Sequence[Path],
        today: date,
        ask: Ask | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kb = kb
        self.ask = ask or Ask(self)
        self.cohort: Cohort = read_cohort(kb, paths, today)
        self.student_windows: list[StudentProgressWindow] = []

        self.summary = heading_label("cohortSummary", 1.3)
        self.hint = QLabel(
            "Read-only: nothing here changes your own data. Click a column to sort by it; "
            "double-click a student (or press Enter) to see their progress."
        )
        self.hint.setWordWrap(True)
        self.export_button = QPushButton("Export Table as &CSV…")
        self.export_button.setToolTip("Save the table, one row per student, as a CSV file")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.model = CohortTableModel({role.id: role.name for role in kb.roles}, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table_view(self.proxy, "Students")
        self.table.setSortingEnabled(True)
        # Each column fits its values (measured once per class, not at every layout: a class
        # may be hundreds of rows), so a row reads across without gaps; the spare width goes
        # to the last column. The user may widen any of them.
        self.table.horizontalHeader().setStretchLastSection(True)

        self.gaps_chart = ChartView("The class's most common gaps")
        self.errors_title = QLabel()
        self.errors = QListWidget()
        self.errors.setAccessibleName("Files that could not be read")
        self.errors.setWordWrap(True)
        errors_box = QWidget()
        errors_layout = QVBoxLayout(errors_box)
        errors_layout.setContentsMargins(0, 0, 0, 0)
        errors_layout.addWidget(self.errors_title)
        errors_layout.addWidget(self.errors)
        self.errors_box = errors_box
        lower = QSplitter()
        lower.addWidget(self.gaps_chart)
        lower.addWidget(errors_box)
        lower.setChildrenCollapsible(False)
        lower.setSizes([640, 400])  # in proportion: the chart wider than the list

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 320])
        splitter.setStretchFactor(0, 0)  # a resized window grows or shrinks the chart
        splitter.setStretchFactor(1, 1)
        self._splitter = splitter
        self._laid_out = False

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.resize(1100, 720)

        self.export_button.clicked.connect(self.export_csv)
        self.table.doubleClicked.connect(lambda index: self.open_student(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._open_current)
        self._show(self.cohort)

    # -- what is shown ----------------------------------------------------------------------

    def _show(self, cohort: Cohort) -> None:
        count = len(cohort.students)
        self.setWindowTitle(f"Cohort — {plural(count, 'student')} (read-only)")
        self.summary.setText(
            f"{plural(count, 'student')} from {plural(cohort.files, 'file')}, "
            f"as on {day_text(cohort.today)}"
        )
        self.model.set_rows(cohort.students)
        self.table.sortByColumn(CohortTableModel.COL_STATUS, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        self.export_button.setEnabled(bool(count))
        gaps = [(gap.name, gap.students) for gap in cohort.common_gaps]
        self.gaps_chart.plot(draw_common_gaps, gaps, count)
        top = ", ".join(f"{g.name} ({g.students})" for g in cohort.common_gaps[:5])
        words = f"Most common gaps: {top}." if top else "No common gaps."
        self.gaps_chart.describe(words)
        self.errors.clear()
        for error in cohort.errors:
            self.errors.addItem(f"{error.file}: {error.error}")
        self.errors_title.setText(
            f"Not read: {plural(len(cohort.errors), 'file')}" if cohort.errors else ""
        )
        self.errors_box.setVisible(bool(cohort.errors))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._laid_out:
            self._laid_out = True
            # The table as tall as the class (within limits), the chart the rest: a small
            # class leaves no empty table above a squeezed chart.
            low, high = TABLE_ROWS
            rows = max(low, min(self.proxy.rowCount(), high))
            height = rows_height(self.table, rows) + 4
            total = sum(self._splitter.sizes())
            if total - height >= MIN_CHART_HEIGHT:
                self._splitter.setSizes([height, total - height])

    def student_at(self, row: int) -> Student:
        """The student shown in table row ``row``, as it is sorted now."""
        return self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def shown_names(self) -> list[str]:
        return [self.student_at(row).profile for row in range(self.proxy.rowCount())]

    # -- actions ----------------------------------------------------------------------------

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_student(index.row())

    def open_student(self, row: int) -> StudentProgressWindow:
        """One student's progress, read-only: the report they would export themselves."""
        student = self.student_at(row)
        window = StudentProgressWindow(self.kb, student, self.cohort.today, self)
        self.student_windows.append(window)
        window.finished.connect(lambda _result, w=window: self.student_windows.remove(w))
        window.show()
        return window

    def export_csv(self) -> None:
        path = self.ask.save_file(
            "Export the cohort table",
            f"cohort {self.cohort.today.isoformat()}.csv",
            "CSV files (*.csv)",
        )
        if path is None:
            return
        # The rows as the table sorts them now.
        students = [self.student_at(row) for row in range(self.proxy.rowCount())]
        try:
            write_whole(path, cohort_csv(students))
        except (CareerPlannerError, OSError) as error:
            self.ask.error("The table was not saved", str(error))
            return
        self.statusBar().showMessage(f"Saved the table to {path}", 6000)


class StudentProgressWindow(QDialog):
    """A student's progress report, as their own Progress page and printed report say it:
    the verdict, how it was worked out, this week, the charts and the check-ins. Read-only."""

    def __init__(
        self,
        kb: KnowledgeBase,
        student: Student,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.student = student
        self.report: ProgressReport = progress_report(kb, student.data, today)
        target = kb.role(student.target).name
        self.setWindowTitle(f"{student.profile} — progress (read-only)")
        names = {skill.id: skill.name for skill in kb.skills}
        checkins = student.data.checkins
        charts = report_pngs(self.report, target)
        self.html = progress_html(
            self.report,
            profile=student.profile,
            target=target,
            checkins=checkins,
            skill_names=[", ".join(names.get(s, s) for s in c.skills) for c in checkins],
            charts=charts,
        )
        self.browser = _ReportView(
            max((QImage.fromData(png).width() for _title, png in charts), default=0)
        )
        self.browser.setAccessibleName(f"Progress report of {student.profile}")
        self.browser.setHtml(self.html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        # Wide enough for the report's charts, within the screen.
        room = self.screen().availableGeometry()
        self.resize(min(REPORT_SIZE[0], room.width() - 40), min(REPORT_SIZE[1], room.height() - 60))


class _ReportView(QTextBrowser):
    """The report, with a sideways scroll bar only when a chart does not fit: its tables are
    as wide as the view and a pixel more (their border), which would always show one."""

    def __init__(self, widest_image: int) -> None:
        super().__init__()
        self._widest_image = widest_image

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        fits = self.viewport().width() >= self._widest_image + 2 * REPORT_MARGIN
        self.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
