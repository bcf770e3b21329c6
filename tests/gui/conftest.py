"""GUI fixtures: the real window over a temporary database and the real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerplanner.knowledge import default_knowledge
from careerplanner.services.planner import Planner
from careerplanner.storage.database import open_database


class FakeAsk:
    """Answers the window's questions without dialogs, and remembers what it was told."""

    def __init__(self, confirm: bool = True, path: Path | None = None) -> None:
        self.answer = confirm
        self.path = path
        self.errors: list[tuple[str, str]] = []
        self.safe_defaults: list[bool] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[tuple[str, str, str, str]] = []

    def error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def info(self, title: str, text: str) -> None:
        self.infos.append((title, text))

    def confirm(self, title: str, text: str, yes: str = "OK", safe_default: bool = False) -> bool:
        self.infos.append((title, text))
        self.safe_defaults.append(safe_default)
        return self.answer

    def show_path(self, title: str, text: str, path: str) -> None:
        self.infos.append((title, f"{text} {path}"))

    def question(self, title: str, text: str, yes: str, no: str) -> bool:
        self.questions.append((title, text, yes, no))
        return self.answer

    def open_file(self, title: str, filters: str) -> Path | None:
        return self.path

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        return self.path


@pytest.fixture(autouse=True)
def forget_window_state(qapp):
    """Each test starts with no remembered window size or page, like a new install."""
    from PySide6.QtCore import QSettings

    QSettings().clear()


@pytest.fixture
def kb():
    return default_knowledge()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "careerplanner.db"


@pytest.fixture
def planner(kb, db_path):
    return Planner(open_database(db_path), kb, db_path)


@pytest.fixture
def session(qapp, planner):
    from careerplanner.gui.session import Session

    session = Session(planner)
    session.create_profile("Me", "software-engineer", "ai-engineer", 10)
    return session


@pytest.fixture
def ask() -> FakeAsk:
    return FakeAsk()


@pytest.fixture
def window(qtbot, session, db_path, ask):
    from careerplanner.gui.main_window import MainWindow

    window = MainWindow(session, db_path, ask=ask)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
