"""The composition root: builds the QApplication and the main window, and runs the event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from careerplanner import __version__
from careerplanner.gui.main_window import MainWindow

ORGANIZATION = "careerplanner"
APPLICATION = "Career Planner"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.careerplanner.CareerPlanner")
    return app


def run(db_path: Path) -> int:
    app = create_application()
    window = MainWindow(db_path)
    window.show()
    return app.exec()
