"""The composition root: loads the knowledge base, opens the database, builds the session and
the main window, and runs the event loop. Start-up errors become dialogs, never tracebacks."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from careerplanner import __version__
from careerplanner.errors import CareerPlannerError
from careerplanner.gui.ask import Ask
from careerplanner.gui.session import Session
from careerplanner.gui.theme import IndicatorStyle, use_style
from careerplanner.gui.welcome import WelcomeDialog
from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.fit import load_fit
from careerplanner.paths import resources_dir
from careerplanner.services.opening import (
    DamagedDatabaseError,
    describe_backup,
    explain_failure,
    open_planner,
    restore_backup,
)
from careerplanner.services.planner import Planner

ORGANIZATION = "careerplanner"
APPLICATION = "Career Planner"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.careerplanner.CareerPlanner")
    # The PNGs of every size (resources/icons/hicolor/NxN/apps/): no SVG plugin needed.
    icon = QIcon()
    for png in sorted((resources_dir() / "icons" / "hicolor").glob("*/apps/*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    if not isinstance(app.style(), IndicatorStyle):
        use_style(app)
    return app


def open_planner_or_say_why(db_path: Path, ask: Ask) -> Planner | None:
    """The Planner over the knowledge base and the database, or None after telling the user
    what went wrong."""
    try:
        kb = default_knowledge()
        load_fit(kb)  # the fit quiz's questions are part of it, checked the same way
    except CareerPlannerError as error:
        ask.error(
            "Career Planner cannot start",
            f"Its built-in knowledge base is broken:\n\n{error}\n\n"
            "Reinstall Career Planner; your own data was not touched.",
        )
        return None
    try:
        return open_planner(db_path, kb)
    except DamagedDatabaseError as error:
        backup = error.latest_backup
        damaged = f"Your data file {error.path} is damaged. Career Planner has not changed it."
        if backup is None:
            ask.error(
                "Your data file is damaged",
                f"{damaged}\n\nNo good backup of it was found. Keep the file (a specialist may "
                "recover it) and start Career Planner with another file: careerplanner --db PATH.",
            )
            return None
        if not ask.confirm(
            "Your data file is damaged",
            f"{damaged}\n\nRestore the latest good backup ({describe_backup(backup)})? "
            f"The damaged file is kept beside it, renamed, so nothing is lost.\n\n{backup}",
            yes="Restore Backup",
        ):
            return None
        try:
            restore_backup(backup, db_path)
            return open_planner(db_path, kb)
        except CareerPlannerError as second:
            ask.error("The backup could not be restored", str(second))
            return None
    except CareerPlannerError as error:
        ask.error("Career Planner cannot open your data", str(error))
        return None


def ensure_profile(
    session: Session, make_dialog=WelcomeDialog, exit_after: str | None = None
) -> bool:
    """First run: ask for background, target and hours. False if the user cancelled."""
    if session.profile is not None:
        return True
    dialog = make_dialog(session.kb)
    if exit_after is not None:
        _when_painted(dialog, dialog.reject)
    if not dialog.exec():
        return False
    choice = dialog.result_profile()
    session.create_profile(
        choice.name, choice.background, choice.target, choice.hours_per_week, choice.start_month
    )
    return True


def _report_unexpected_errors(ask: Ask, db_path: Path) -> None:
    """A bug must not pass silently or kill the window: say so, and keep the details. A read of
    the data file that fails is no bug (``_say_reading_failed``)."""
    previous = sys.excepthook

    def hook(kind, error, trace) -> None:
        problem = _say_reading_failed(ask, error, db_path)
        if isinstance(problem, DamagedDatabaseError):
            # Once out of the read that failed: the next start offers the backup.
            QTimer.singleShot(0, QApplication.closeAllWindows)
        if problem is not None:
            return
        previous(kind, error, trace)  # the full traceback still goes to stderr for a report
        ask.error(
            "Something went wrong",
            f"Career Planner hit an unexpected problem: {error}\n\nYour saved data is safe: "
            "every change is saved as it is made. Please report this, with the details "
            "printed in the terminal.",
        )

    sys.excepthook = hook


def _say_reading_failed(ask: Ask, error: BaseException, db_path: Path) -> CareerPlannerError | None:
    """When ``error`` is the data file failing a read (damage that the quick look at open cannot
    see, such as an index entry that no longer matches its row, or a failing disk), say so and
    return what was said; None for anything else. A damaged file's window closes, and its next
    start looks at it whole and offers its latest good backup."""
    problem = explain_failure(error, db_path)
    if isinstance(problem, DamagedDatabaseError):
        then = "; start it again to restore the backup" if problem.latest_backup else ""
        ask.error("Your data file is damaged", f"{problem}\n\nCareer Planner closes now{then}.")
    elif problem is not None:
        ask.error("Career Planner cannot read your data", str(problem))
    return problem


class _PaintWatcher(QObject):
    """Calls ``then`` once, soon after ``widget`` first paints (``--exit-after``)."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            # After the paint has reached the screen, not in the middle of it.
            QTimer.singleShot(0, then)
        return False


def _when_painted(widget: QWidget, then) -> None:
    _PaintWatcher(widget, then)


def run(db_path: Path, exit_after: str | None = None) -> int:
    """Open the window on ``db_path``. ``exit_after`` ("window" or "chart") quits as soon as the
    window, or the Gap page's first chart, has painted: what ``make bench`` and the bundle's
    smoke test time and check."""
    from careerplanner.gui.main_window import MainWindow

    app = create_application()
    ask = Ask()
    _report_unexpected_errors(ask, db_path)
    planner = open_planner_or_say_why(db_path, ask)
    if planner is None:
        return 1
    try:  # the first reads of the data, outside the event loop's hook
        session = Session(planner)
        first_run = session.profile is None
        if not ensure_profile(session, exit_after=exit_after):
            return 0
        window = MainWindow(session, db_path, start_page="skills" if first_run else None)
    except Exception as error:
        if _say_reading_failed(ask, error, db_path) is None:
            raise
        return 1
    if exit_after == "chart":
        window.show_page("gap")
        window.first_chart().painted.connect(lambda: QTimer.singleShot(0, app.quit))
    elif exit_after == "window":
        _when_painted(window, app.quit)
    window.show()
    return app.exec()
