"""The Gap page's two tables: every role with its fit, readiness, hours and months at your
hours (sortable), and one role's missing skills, most important first, each with why it counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from careerplanner.core.gap import SkillGap
from careerplanner.core.why_it_counts import WhyItCounts
from careerplanner.gui.models.table import RowTableModel

#: What the roles table sorts by (numbers, so 9 months comes before 13).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The role id of a row of the roles table.
ROLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class RoleRow:
    role: str
    name: str
    readiness: float
    hours: int
    months: int | None  # the plan's length at the user's hours; None when no plan can be made
    ready: bool  # already meets every requirement
    fit: float | None  # None until the quiz has an answer
    is_target: bool


class RolesTableModel(RowTableModel[RoleRow]):
    COL_ROLE, COL_FIT, COL_READY, COL_HOURS, COL_MONTHS = range(5)
    HEADERS = ("Role", "Fit", "Ready", "Hours", "Months")
    NUMERIC = (COL_FIT, COL_READY, COL_HOURS, COL_MONTHS)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hours_per_week = 0.0

    def set_hours(self, hours_per_week: float) -> None:
        """The weekly hours the months are worked out at (named in the column's title)."""
        if hours_per_week != self.hours_per_week:
            self.hours_per_week = hours_per_week
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.COL_MONTHS, self.COL_MONTHS)

    def row_of(self, role_id: str) -> int:
        return next((n for n in range(self.rowCount()) if self.row_at(n).role == role_id), -1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            section == self.COL_MONTHS
            and orientation == Qt.Orientation.Horizontal
            and self.hours_per_week
        ):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Months at {self.hours_per_week:g} h"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    f"How many months the plan to this role takes at {self.hours_per_week:g} "
                    "hours a week (the plan the Plan page would make for it). Its hours are more "
                    "than the Hours column's: it also has the skills these build on, projects "
                    "and practice"
                )
        if section == self.COL_FIT and role == Qt.ItemDataRole.ToolTipRole:
            return "How well the fit quiz's answers lean toward this role (a reflection aid)"
        return super().headerData(section, orientation, role)

    def cell(self, row: RoleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_ROLE: ("★ " if row.is_target else "") + row.name,
                self.COL_FIT: "—" if row.fit is None else f"{row.fit:.0%}",
                self.COL_READY: f"{row.readiness:.0%}",
                self.COL_HOURS: f"{row.hours} h",
                self.COL_MONTHS: _months(row),
            }[column]
        if role == SORT_ROLE:
            return {
                self.COL_ROLE: row.name,
                self.COL_FIT: -1.0 if row.fit is None else row.fit,
                self.COL_READY: row.readiness,
                self.COL_HOURS: row.hours,
                self.COL_MONTHS: 10**6 if row.months is None else row.months,
            }[column]
        if role == ROLE_ID_ROLE:
            return row.role
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_MONTHS and row.months is None:
                return "No plan can be made at these hours; set your hours on the Plan page"
            if column == self.COL_FIT and row.fit is None:
                return "Answer the fit quiz (the tab below) to see how this role fits you"
            target = " (★ your target)" if row.is_target else ""
            return f"{row.name}{target}: click to see its missing skills"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.is_target:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _months(row: RoleRow) -> str:
    if row.months is None:
        return "—"
    if row.ready:
        return "ready"
    return str(row.months)


@dataclass(frozen=True)
class GapRow:
    gap: SkillGap
    why: WhyItCounts | None


class GapTableModel(RowTableModel[GapRow]):
    COL_SKILL, COL_CURRENT, COL_REQUIRED, COL_WEIGHT, COL_HOURS, COL_MONTHS, COL_WHY = range(7)
    HEADERS = ("Skill", "You", "Needs", "Weight", "Hours", "Plan months", "Why it counts")
    CENTRED = (COL_CURRENT, COL_REQUIRED, COL_HOURS, COL_MONTHS)

    def gap_at(self, row: int) -> SkillGap:
        return self.row_at(row).gap

    def cell(self, row: GapRow, column: int, role: int) -> Any:
        gap, why = row.gap, row.why
        if role == Qt.ItemDataRole.ToolTipRole:
            return (why.sentence if why else "") or gap.explanation
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_SKILL: gap.name,
                self.COL_CURRENT: str(gap.current),
                self.COL_REQUIRED: str(gap.required),
                self.COL_WEIGHT: str(gap.weight).capitalize(),
                self.COL_HOURS: f"~{gap.hours} h",
                self.COL_MONTHS: why.month_text if why else "",
                self.COL_WHY: why.short if why else "",
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
