"""First run (and File ▸ New Profile): where you come from, where you want to go, how many hours
a week you can give and the month you started (or start). Your background pre-fills typical skill
levels you then correct."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core import limits
from careerplanner.gui.widgets.hours import HoursSpinBox, NumberBox
from careerplanner.gui.widgets.legible import set_placeholder, show_as_error
from careerplanner.knowledge.model import KnowledgeBase

DEFAULT_BACKGROUND = "software-engineer"
DEFAULT_TARGET = "ai-engineer"
DEFAULT_HOURS = 10


@dataclass(frozen=True)
class NewProfile:
    name: str
    background: str
    target: str
    hours_per_week: int
    start_month: date | None = None  # the first of a month


class WelcomeDialog(QDialog):
    def __init__(
        self,
        kb: KnowledgeBase,
        parent: QWidget | None = None,
        first_run: bool = True,
        taken_names: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.kb = kb
        self._taken = {n.casefold() for n in taken_names}
        self.setWindowTitle("Welcome to Career Planner" if first_run else "New Profile")
        self.setMinimumWidth(520)

        intro = QLabel(
            "<h2>Plan your move into AI and ML engineering</h2>"
            "<p>Tell us where you start and where you want to go. We pre-fill the skill levels "
            "typical for your background; you correct them on the next page, and the app shows "
            "how far every role is and a month-by-month plan.</p>"
            if first_run
            else "<p>A profile keeps its own skills, plan and progress — handy for a "
            "“what if I go for ML instead?” comparison.</p>"
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(500)

        self.name_edit = QLineEdit("Me" if first_run else "")
        self.name_edit.setAccessibleName("Profile name")
        set_placeholder(self.name_edit, "e.g. Me, or What if ML")
        self.background_combo = QComboBox()
        self.background_combo.setAccessibleName("Your background")
        for role in kb.backgrounds:
            self.background_combo.addItem(role.name, role.id)
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName("Target role")
        for role in kb.target_roles:
            self.target_combo.addItem(role.name, role.id)
            self.target_combo.setItemData(
                self.target_combo.count() - 1, role.summary, Qt.ItemDataRole.ToolTipRole
            )
        self.hours_spin = HoursSpinBox(limits.HOURS_PER_WEEK, " hours per week")
        self.hours_spin.setValue(DEFAULT_HOURS)
        self.hours_spin.setSuffix(" hours per week")
        self.hours_spin.setAccessibleName("Hours per week")
        self.start_edit = month_edit()
        self.start_edit.setToolTip(
            "The month your plan starts. Started studying already, say with a bootcamp? Pick "
            "that month: your progress counts from it."
        )
        self.target_summary = QLabel()
        self.target_summary.setWordWrap(True)
        self.target_summary.setMinimumWidth(340)
        self.error = QLabel()
        self.error.setObjectName("error")
        show_as_error(self.error)

        clear_when_edited(self.name_edit, self.error)
        self._select(self.background_combo, DEFAULT_BACKGROUND)
        self._select(self.target_combo, DEFAULT_TARGET)

        form = QFormLayout()
        form.addRow("Profile &name:", self.name_edit)
        form.addRow("Your &background:", self.background_combo)
        form.addRow("The role you &want:", self.target_combo)
        form.addRow("", self.target_summary)
        form.addRow("&Time to study:", self.hours_spin)
        self.hours_message = hours_message(self.hours_spin)
        form.addRow("", self.hours_message)
        form.addRow("Plan &starts in:", self.start_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start Planning")
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        # The dialog fits its contents (the role summary changes length with the role).
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.target_combo.currentIndexChanged.connect(self._on_target_change)
        self._on_target_change()

    def result_profile(self) -> NewProfile:
        return NewProfile(
            name=self.name_edit.text().strip(),
            background=self.background_combo.currentData(),
            target=self.target_combo.currentData(),
            hours_per_week=self.hours_spin.value(),
            start_month=chosen_month(self.start_edit),
        )

    def _on_target_change(self, _index: int = 0) -> None:
        role = self.kb.role(self.target_combo.currentData())
        self.target_summary.setText(f"<i>{role.summary}</i>")

    def _on_accept(self) -> None:
        if name_refused(self.name_edit, self._taken, self.error):
            return
        if not self.hours_spin.commit():  # "0" is refused and said, never saved as 10
            self.hours_spin.setFocus()
            return
        self.accept()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)


def month_edit(today: date | None = None) -> QDateEdit:
    """A month picker ("March 2026") within the start years every plan accepts, on this month."""
    today = today or date.today()
    edit = QDateEdit()
    edit.setDisplayFormat("MMMM yyyy")
    edit.setLocale(QLocale(QLocale.Language.English))  # month names in English, as elsewhere
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(limits.EARLIEST_YEAR, 1, 1))
    edit.setMaximumDate(QDate(limits.LATEST_YEAR, 12, 31))
    edit.setDate(QDate(today.year, today.month, 1))
    edit.setAccessibleName("Start month")
    return edit


def chosen_month(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), 1)


def hours_message(spin: NumberBox) -> QLabel:
    """The line under an hours field that says why a typed value was refused."""
    label = QLabel()
    label.setObjectName("hoursMessage")
    spin.show_refusals_in(label)
    return label


def clear_when_edited(name_edit: QLineEdit, error: QLabel) -> None:
    """A message about the name goes once the name is changed: it would be stale."""
    name_edit.textEdited.connect(lambda _text: error.clear())


def name_refused(name_edit: QLineEdit, taken: set[str], error: QLabel) -> bool:
    """Says on ``error`` why the typed name cannot be used (empty, or another profile's), with
    the focus back on it; False when the name is fine."""
    name = name_edit.text().strip()
    if not name:
        error.setText("Give the profile a name, for example “Me”.")
    elif name.casefold() in taken:
        error.setText(f"You already have a profile called “{name}”; pick another name.")
    else:
        return False
    name_edit.setFocus()
    return True
