"""Past check-ins, newest first: the day, the hours, the skills practised, the plan items worked
on and the note. A check-in dated before the plan began says so."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from careerplanner.core import dates
from careerplanner.gui.models.table import RowTableModel
from careerplanner.services.planner import Checkin

BEFORE_START = "before your plan began"


class CheckinTableModel(RowTableModel[Checkin]):
    COL_DAY, COL_HOURS, COL_SKILLS, COL_ITEMS, COL_NOTE = range(5)
    HEADERS = ("Date", "Hours", "Skills practised", "Plan items", "Note")

    def __init__(self, skill_names: Mapping[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._names = dict(skill_names or {})
        self._items: dict[str, str] = {}
        self._start: date | None = None

    def set_rows(
        self,
        rows: Iterable[Checkin],
        plan_start: date | None = None,
        item_texts: Mapping[str, str] | None = None,
    ) -> bool:
        """Show these check-ins, newest first (latest day, then the latest logged that day).
        Those before ``plan_start`` say so; plan items show as ``item_texts`` names them.
        False, and the view left alone, when that is what it shows already."""
        newest_first = sorted(rows, key=lambda c: (c.day, c.id), reverse=True)
        items = dict(item_texts or {})
        if (newest_first, plan_start, items) == (self._rows, self._start, self._items):
            return False
        self._start = plan_start
        self._items = items
        super().set_rows(newest_first)
        return True

    def cell(self, checkin: Checkin, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_DAY:
                day = checkin.day
                text = dates.format_date(day, f"%a {day.day} %b %Y")
                if self._start is not None and day < self._start:
                    text += f" · {BEFORE_START}"
                return text
            if column == self.COL_HOURS:
                return f"{checkin.hours:g} h"
            if column == self.COL_SKILLS:
                return ", ".join(self._names.get(s, s) for s in checkin.skills)
            if column == self.COL_ITEMS:
                texts = [self._items.get(i, i) for i in checkin.items]
                if role == Qt.ItemDataRole.ToolTipRole:
                    return "\n".join(texts)
                return "; ".join(texts)
            if column == self.COL_NOTE:
                return checkin.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
