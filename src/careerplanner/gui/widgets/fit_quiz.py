"""The fit quiz, "What kind of work do you enjoy?": each question with the article it comes from,
each answer with the roles it counts toward, and what the quiz is not (a psychometric test)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core.fit import FitResult
from careerplanner.knowledge.fit import FitOption, FitQuiz
from careerplanner.knowledge.model import KnowledgeBase


class _OptionLabel(QLabel):
    """An answer's text beside its radio button; a click on the text picks the answer too
    (a radio button's own text cannot wrap)."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self._button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setBuddy(button)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._button.click()
        super().mouseReleaseEvent(event)


class FitQuizView(QScrollArea):
    #: The user picked an answer: (question id, option id).
    answered = Signal(str, str)
    #: The user asked to clear every answer.
    cleared = Signal()

    def __init__(self, quiz: FitQuiz, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quiz = quiz
        self.setAccessibleName("Fit quiz")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)

        publisher = kb.source(quiz.assessment.source).publisher
        self.about = QLabel(
            f"{escape(quiz.about)}<br><span style='color:gray'>"
            f"{escape(quiz.assessment.text)} [{escape(publisher)}]</span>"
        )
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QLabel()
        self.clear_button = QPushButton("C&lear Answers")
        self.clear_button.setToolTip("Clear every answer (undoable; the old ones stay in history)")
        self.clear_button.clicked.connect(self.cleared)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.clear_button)
        layout.addWidget(self.about)
        layout.addLayout(top)

        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for number, question in enumerate(quiz.questions, start=1):
            box = QGroupBox(f"{number}. {question.text}")
            grid = QGridLayout(box)
            grid.setColumnStretch(1, 1)
            source = QLabel(
                f"<span style='color:gray'>From {escape(kb.source(question.source).publisher)}: "
                f"{escape(question.signal)}</span>"
            )
            source.setWordWrap(True)
            source.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(source, 0, 0, 1, 2)
            group = QButtonGroup(box)
            for row, option in enumerate(question.options, start=1):
                button = QRadioButton()
                button.setAccessibleName(option.text)
                button.setProperty("option", option.id)
                group.addButton(button)
                grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(_OptionLabel(_option_html(option, kb), button), row, 1)
                self.buttons[(question.id, option.id)] = button
            group.buttonClicked.connect(
                lambda button, q=question.id: self.answered.emit(q, button.property("option"))
            )
            self.groups[question.id] = group
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)

    def set_answers(self, answers: dict[str, str], result: FitResult | None) -> None:
        """Show the saved answers (nothing is emitted)."""
        for question_id, group in self.groups.items():
            chosen = answers.get(question_id)
            group.setExclusive(False)  # an exclusive group cannot be left with nothing checked
            for button in group.buttons():
                button.setChecked(button.property("option") == chosen)
            group.setExclusive(True)
        answered = sum(1 for q in self.quiz.questions if q.id in answers)
        total = len(self.quiz.questions)
        if result is not None and result.best is not None:
            self.progress.setText(
                f"{answered} of {total} answered · fits you best: <b>{escape(result.best.name)}</b>"
            )
        else:
            self.progress.setText(f"{answered} of {total} answered: pick the answer closest to you")
        self.clear_button.setEnabled(bool(answers))


def _option_html(option: FitOption, kb: KnowledgeBase) -> str:
    leans = sorted(option.leans.items(), key=lambda item: -item[1])
    toward = ", ".join(f"{escape(kb.role(role).name)} +{points}" for role, points in leans)
    return f"{escape(option.text)}<br><span style='color:gray'>counts toward {toward}</span>"
