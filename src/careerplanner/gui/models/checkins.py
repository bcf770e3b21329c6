"""Past check-ins, newest first: the day, the hours, the skills practised and the note."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt

from careerplanner.core import dates
from careerplanner.gui.models.table import RowTableModel
from careerplanner.services.planner import Checkin


class CheckinTableModel(RowTableModel[Checkin]):
    COL_DAY, COL_HOURS, COL_SKILLS, COL_NOTE = range(4)
    HEADERS = ("Date", "Hours", "Skills practised", "Note")

    def __init__(self, skill_names: Mapping[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._names = dict(skill_names or {})

    def set_rows(self, rows: Iterable[Checkin]) -> None:
        """Show these check-ins, newest first (latest day, then the latest logged that day)."""
        super().set_rows(sorted(rows, key=lambda c: (c.day, c.id), reverse=True))

    def cell(self, checkin: Checkin, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_DAY:
                day = checkin.day
                return dates.format_date(day, f"%a {day.day} %b %Y")
            if column == self.COL_HOURS:
                return f"{checkin.hours:g} h"
            if column == self.COL_SKILLS:
                return ", ".join(self._names.get(s, s) for s in checkin.skills)
            if column == self.COL_NOTE:
                return checkin.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
