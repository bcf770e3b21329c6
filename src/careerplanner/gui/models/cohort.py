"""The cohort's students, one row each: name, target, readiness, status, hours in the last 4
weeks, forecast finish and last check-in. Every column sorts by its value (``SORT_ROLE``), not
its text: the status puts the furthest behind first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from careerplanner.core import dates
from careerplanner.core.progress import BEHIND, day_text
from careerplanner.gui.models.table import RowTableModel
from careerplanner.services.cohort import Student

#: The role a sorting proxy reads: numbers and ISO dates, so they sort as values.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Behind in amber, as on the Progress page.
_BEHIND_COLOUR = "#9a6700"


class CohortTableModel(RowTableModel[Student]):
    (
        COL_NAME,
        COL_TARGET,
        COL_READINESS,
        COL_STATUS,
        COL_HOURS,
        COL_FORECAST,
        COL_LAST_CHECKIN,
    ) = range(7)
    HEADERS = (
        "Student",
        "Target",
        "Readiness",
        "Status",
        "Last 4 weeks",
        "Forecast finish",
        "Last check-in",
    )

    def __init__(self, role_names: Mapping[str, str], parent=None) -> None:
        super().__init__(parent)
        self._roles = dict(role_names)

    def cell(self, student: Student, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(student, column)
        if role == SORT_ROLE:
            return self._value(student, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_NAME:
                return f"{student.profile}, from {student.file}"
            if column == self.COL_FORECAST and student.forecast_finish is None:
                return "Too little history for a forecast, or on track at a pace that ends late"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_READINESS,
            self.COL_HOURS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.COL_STATUS
            and student.status == BEHIND
        ):
            return QColor(_BEHIND_COLOUR)
        return None

    def _text(self, student: Student, column: int) -> str:
        if column == self.COL_NAME:
            return student.profile
        if column == self.COL_TARGET:
            return self._roles.get(student.target, student.target)
        if column == self.COL_READINESS:
            return f"{student.readiness:.0%}"
        if column == self.COL_STATUS:
            return student.status_text
        if column == self.COL_HOURS:
            return f"{student.hours_last_4_weeks:g} h"
        if column == self.COL_FORECAST:
            return (
                dates.short_month_year(student.forecast_finish) if student.forecast_finish else "—"
            )
        return day_text(student.last_checkin) if student.last_checkin else "none"

    def _value(self, student: Student, column: int) -> Any:
        if column == self.COL_NAME:
            return student.profile.casefold()
        if column == self.COL_TARGET:
            return self._text(student, column).casefold()
        if column == self.COL_READINESS:
            return student.readiness
        if column == self.COL_STATUS:
            return student.status_rank
        if column == self.COL_HOURS:
            return student.hours_last_4_weeks
        if column == self.COL_FORECAST:  # no forecast sorts last: the least sure finish
            return student.forecast_finish.isoformat() if student.forecast_finish else "9999"
        # Never checked in sorts before every day: the longest silence.
        return student.last_checkin.isoformat() if student.last_checkin else "0000"
