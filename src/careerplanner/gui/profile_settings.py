"""File ▸ Profile Settings: rename the profile, change its background, target, hours a week and
the month its plan starts. The changes are one undoable edit (``UpdateProfile``)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core import limits
from careerplanner.gui.welcome import (
    chosen_month,
    clear_when_edited,
    hours_message,
    month_edit,
    name_refused,
)
from careerplanner.gui.widgets.hours import HoursSpinBox
from careerplanner.gui.widgets.legible import show_as_error
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.edits import UpdateProfile
from careerplanner.services.planner import Profile


class ProfileSettingsDialog(QDialog):
    def __init__(
        self,
        kb: KnowledgeBase,
        profile: Profile,
        other_names: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self._taken = {name.casefold() for name in other_names}
        self.setWindowTitle("Profile Settings")
        self.setMinimumWidth(460)

        self.name_edit = QLineEdit(profile.name)
        self.name_edit.setAccessibleName("Profile name")
        self.name_edit.setMaxLength(limits.MAX_NAME_LENGTH)
        self.background_combo = _combo(kb.backgrounds, profile.background, "Your background")
        self.target_combo = _combo(kb.target_roles, profile.target, "Target role")
        self.hours_spin = HoursSpinBox(limits.HOURS_PER_WEEK, " hours per week")
        self.hours_spin.setValue(profile.hours_per_week)
        self.hours_spin.setAccessibleName("Hours per week")
        self.start_edit = month_edit()
        self.start_edit.setDate(QDate(profile.start_month.year, profile.start_month.month, 1))
        self.start_edit.setToolTip(
            "The month your plan starts; progress counts from it. Set an earlier month if you "
            "began studying before you made this profile."
        )
        self.error = QLabel()
        self.error.setObjectName("error")
        show_as_error(self.error)
        self.error.setWordWrap(True)
        clear_when_edited(self.name_edit, self.error)

        form = QFormLayout()
        form.addRow("Profile &name:", self.name_edit)
        form.addRow("Your &background:", self.background_combo)
        form.addRow("The role you &want:", self.target_combo)
        form.addRow("&Time to study:", self.hours_spin)
        self.hours_message = hours_message(self.hours_spin)
        form.addRow("", self.hours_message)
        form.addRow("Plan &starts in:", self.start_edit)
        note = QLabel("Ctrl+Z undoes these changes.")
        note.setEnabled(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def changed_fields(self) -> dict:
        """The fields the user changed, as ``UpdateProfile`` takes them."""
        profile = self.profile
        chosen = {
            "name": self.name_edit.text().strip(),
            "background": self.background_combo.currentData(),
            "target": self.target_combo.currentData(),
            "hours_per_week": float(self.hours_spin.value()),
            "start_month": chosen_month(self.start_edit),
        }
        before: dict[str, object] = {
            "name": profile.name,
            "background": profile.background,
            "target": profile.target,
            "hours_per_week": float(profile.hours_per_week),
            "start_month": profile.start_month.replace(day=1),
        }
        return {key: value for key, value in chosen.items() if value != before[key]}

    def edit(self) -> UpdateProfile | None:
        """The undoable edit for what changed; None when nothing did."""
        fields = self.changed_fields()
        if not fields:
            return None
        edit = UpdateProfile(self.profile.id, **fields)
        if len(fields) > 1 or "start_month" in fields or "background" in fields:
            edit.text = "Edit profile settings"
        return edit

    def _on_accept(self) -> None:
        if name_refused(self.name_edit, self._taken, self.error):
            return
        if not self.hours_spin.commit():
            self.hours_spin.setFocus()
            return
        try:
            self.edit()  # the same checks the edit makes when saved
        except (ValueError, limits.LimitError) as error:
            self.error.setText(str(error))
            return
        self.accept()


def _combo(roles, current: str, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    for role in roles:
        combo.addItem(role.name, role.id)
    index = combo.findData(current)
    if index >= 0:
        combo.setCurrentIndex(index)
    return combo
