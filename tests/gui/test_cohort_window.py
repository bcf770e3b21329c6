"""File ▸ Open Cohort: the read-only cohort window over a class folder, sorted by status, its
gaps chart and unread files; a double-click opens a student's progress; the table saved as
CSV; File ▸ Export for Instructor; and the instructor's own database left as it was."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QPoint, Qt

from careerplanner.gui.cohort_window import MIN_CHART_HEIGHT, CohortWindow, StudentProgressWindow
from careerplanner.gui.models.cohort import CohortTableModel
from careerplanner.services.cohort import cohort_csv, cohort_document, read_cohort
from careerplanner.services.edits import AddCheckin, SetNote
from careerplanner.services.progress import from_export, progress_document
from tests import cohort_files as files
from tests.cohort_files import TODAY
from tests.gui.conftest import FakeAsk
from tests.storage_fixtures import dump


class CohortAsk(FakeAsk):
    """Also answers the cohort's questions: which files, which folder."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list = []
        self.folder = None

    def open_files(self, title: str, filters: str) -> list:
        return self.files

    def open_folder(self, title: str):
        return self.folder


@pytest.fixture
def ask() -> CohortAsk:
    return CohortAsk()


@pytest.fixture
def folder(tmp_path):
    return files.class_folder(tmp_path / "class")


@pytest.fixture
def cohort(qtbot, window, ask, folder, planner) -> CohortWindow:
    planner.today = lambda: TODAY
    ask.folder = folder
    opened = window.open_cohort_folder()
    assert opened is not None
    qtbot.waitExposed(opened)
    return opened


def cells(cohort: CohortWindow, column: int) -> list[str]:
    proxy = cohort.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def menu_action(window, *path: str):
    menu = window.menuBar().actions()[0].menu()
    for text in path:
        action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
        menu = action.menu()
    return action


def test_the_folder_opens_sorted_by_status_furthest_behind_first(qtbot, window, cohort, folder):
    assert menu_action(window, "Open Cohort Folder…") is not None
    assert menu_action(window, "Open Cohort…") is not None
    assert cohort.windowTitle() == "Cohort — 3 students (read-only)"
    assert cohort.summary.text() == "3 students from 5 files, as on Mon 6 Apr 2026"
    assert cohort.shown_names() == ["Ben", "Noor", "Ada"]
    statuses = cells(cohort, CohortTableModel.COL_STATUS)
    assert statuses[0] == "4 weeks behind" and statuses[1] == "no data yet"
    assert statuses[2].endswith("weeks ahead")
    # Clicking the status header again turns the order round.
    header = cohort.table.horizontalHeader()
    x = header.sectionViewportPosition(CohortTableModel.COL_STATUS) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert cohort.shown_names() == ["Ada", "Noor", "Ben"]
    # Each row says what the student's own progress says on the same day.
    document = json.loads((folder / "ben.json").read_text())
    own = progress_document(cohort.kb, from_export(document["profiles"][0]), TODAY)
    ben = cohort.student_at(cohort.shown_names().index("Ben"))
    assert (ben.status, ben.weeks_behind, ben.readiness) == (
        own["status"],
        own["weeks_behind"],
        own["readiness"],
    )
    row = cohort.shown_names().index("Ben")
    assert cohort.proxy.index(row, CohortTableModel.COL_READINESS).data() == (
        f"{own['readiness']:.0%}"
    )
    assert cohort.proxy.index(row, CohortTableModel.COL_HOURS).data() == "6 h"
    assert cohort.proxy.index(row, CohortTableModel.COL_LAST_CHECKIN).data() == "Mon 30 Mar 2026"


def test_unread_files_are_listed_with_their_reasons(cohort, folder):
    shown = [cohort.errors.item(n).text() for n in range(cohort.errors.count())]
    assert len(shown) == 2
    assert shown[0].startswith(f"{folder / 'broken.json'}: this file is not valid JSON")
    assert shown[1].startswith(f"{folder / 'newer.json'}: this file: version: format version 2")
    assert cohort.errors_title.text() == "Not read: 2 files"
    assert not cohort.errors_box.isHidden()


def test_the_gaps_chart_draws_the_class_most_common_gaps(qtbot, cohort):
    chart = cohort.gaps_chart
    qtbot.waitUntil(lambda: chart.figure is not None and bool(chart.figure.axes))
    axes = chart.figure.axes[0]
    top = cohort.cohort.common_gaps[0]
    assert axes.get_yticklabels()[-1].get_text() == top.name
    assert axes.patches[-1].get_width() == top.students == 3
    assert chart.toolTip().startswith(f"Most common gaps: {top.name} (3)")


def test_a_double_click_opens_the_students_progress(qtbot, cohort):
    row = cohort.shown_names().index("Ben")
    index = cohort.proxy.index(row, CohortTableModel.COL_NAME)
    viewport = cohort.table.viewport()
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=cohort.table.visualRect(index).center()
    )
    qtbot.mouseDClick(
        viewport, Qt.MouseButton.LeftButton, pos=cohort.table.visualRect(index).center()
    )
    (opened,) = cohort.student_windows
    assert isinstance(opened, StudentProgressWindow)
    qtbot.waitExposed(opened)
    assert opened.windowTitle() == "Ben — progress (read-only)"
    assert opened.browser.isReadOnly()
    report = opened.report
    assert report.status == "behind" and report.headline.startswith("4 weeks behind: ")
    text = opened.browser.toPlainText()
    assert "Progress report: Ben" in text
    for line in report.lines:
        assert line in text
    assert opened.html.count("data:image/png;base64,") == 3  # the Progress page's charts
    opened.close()
    qtbot.waitUntil(lambda: cohort.student_windows == [])


def test_enter_opens_the_selected_student_too(qtbot, cohort):
    cohort.table.setFocus()
    cohort.table.setCurrentIndex(cohort.proxy.index(2, 0))
    qtbot.keyClick(cohort.table, Qt.Key.Key_Return)
    assert [w.student.profile for w in cohort.student_windows] == ["Ada"]


def test_the_table_is_saved_as_csv_in_the_order_shown(cohort, ask, tmp_path, folder):
    ask.path = tmp_path / "class.csv"
    cohort.export_button.click()
    text = (tmp_path / "class.csv").read_bytes().decode("utf-8")
    students = read_cohort(cohort.kb, [folder], TODAY).students
    by_name = {s.profile: s for s in students}
    assert text == cohort_csv([by_name[name] for name in ("Ben", "Noor", "Ada")])
    assert len(text.split("\r\n")) == 5  # a header, three students, the last line end
    assert ask.errors == []


def test_nothing_is_written_to_the_instructors_database(
    qtbot, window, ask, folder, db_path, planner
):
    def everything() -> dict:
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return dump(connection)
        finally:
            connection.close()

    before = everything()
    planner.today = lambda: TODAY
    ask.files = [folder / "ada.json", folder / "ben.json"]
    opened = window.open_cohort()
    assert opened.shown_names() == ["Ben", "Ada"]
    opened.open_student(0)
    opened.close()
    assert everything() == before
    assert window.session.undo_stack.count() == 0


def test_a_cohort_with_nobody_readable_says_why_and_opens_nothing(window, ask, folder):
    ask.files = [folder / "broken.json"]
    assert window.open_cohort() is None
    ((title, text),) = ask.errors
    assert title == "No student could be read"
    assert text.startswith(f"{folder / 'broken.json'}: this file is not valid JSON")
    assert window.findChildren(CohortWindow) == []


def test_cancelling_the_file_dialog_opens_nothing(window, ask):
    assert window.open_cohort() is None and window.open_cohort_folder() is None
    assert ask.errors == []


# -- File ▸ Export for Instructor -----------------------------------------------------------------


@pytest.fixture
def noted(session):
    """The profile with a check-in note and a note beside a skill."""
    profile = session.profile
    session.do(AddCheckin(profile.id, TODAY, 2, "private: felt lost", ("python",)))
    session.do(SetNote(profile.id, "python", "private: my side project"))
    return profile


def test_export_for_instructor_leaves_the_notes_out(window, ask, tmp_path, noted):
    ask.path = tmp_path / "for instructor.json"
    menu_action(window, "Export for Instructor", "Without My Notes…").trigger()
    text = ask.path.read_text("utf-8")
    assert "private:" not in text
    (profile,) = json.loads(text)["profiles"]
    assert profile["name"] == noted.name and profile["notes"] == []
    assert [(c["hours"], c["note"]) for c in profile["checkins"]] == [(2, "")]
    cohort = read_cohort(window.session.kb, [ask.path], TODAY)
    assert [s.profile for s in cohort.students] == [noted.name]
    assert "without notes" in window.statusBar().currentMessage()


def test_export_for_instructor_with_notes_keeps_them(window, ask, tmp_path, noted):
    ask.path = tmp_path / "for instructor.json"
    menu_action(window, "Export for Instructor", "With My Notes…").trigger()
    (profile,) = json.loads(ask.path.read_text("utf-8"))["profiles"]
    assert [c["note"] for c in profile["checkins"]] == ["private: felt lost"]
    assert [n["note"] for n in profile["notes"]] == ["private: my side project"]
    assert cohort_document(read_cohort(window.session.kb, [ask.path], TODAY))["errors"] == []


def test_a_small_class_gets_its_rows_and_the_chart_the_rest_at_1024x640(qtbot, cohort):
    cohort.resize(1024, 640)
    qtbot.wait(10)
    table = cohort.table
    needed = table.model().rowCount() * table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= needed  # every student in view
    assert table.viewport().height() < needed + 6 * table.verticalHeader().defaultSectionSize()
    assert cohort.gaps_chart.height() >= MIN_CHART_HEIGHT


def test_a_students_report_opens_wide_enough_for_its_charts(qtbot, cohort):
    report = cohort.open_student(0)
    qtbot.waitExposed(report)
    assert not report.browser.horizontalScrollBar().isVisible()
    widest = report.browser.document().idealWidth()
    assert widest <= report.browser.viewport().width() + 1  # at most the tables' border
